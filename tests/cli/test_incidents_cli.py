"""`sealroom incident ...` as a shell script uses it: open from a traced file, list, show, move
the status (a refused move is one error line), add a note, export the evidence pack."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image
from sealroom_access import allow_copies
from sealroom_cli import cli_env, run
from sealroom_cli import run_json as js
from skimage import data as samples

from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"


def test_incident_round_trip(vault: Vault, tmp_path: Path) -> None:
    photo = tmp_path / "teaser.png"
    Image.fromarray(samples.astronaut()).save(photo)
    asset = assets.import_file(vault, photo, title="Teaser")
    people = [parties.add_party(vault, f"Studio {i}", "agency") for i in range(2)]
    previews = {}
    for person in people:
        allow_copies(vault, person.id, asset.id)
        _, written = shares.export_preview(
            vault, asset.id, person.id, tmp_path / f"p-{person.id}.png", max_side=400
        )
        previews[person.id] = written[0]
    leaker = people[0]
    folder = vault.folder
    vault.lock()
    env = cli_env(PASSWORD, XDG_CONFIG_HOME=os.environ["XDG_CONFIG_HOME"])
    at = ["--vault", str(folder), "--user", "owner"]

    opened = js("incident", "open", *at, "--from-trace", str(previews[leaker.id]),
                "--title", "Teaser on a forum", env=env)
    case_id = opened["id"]
    assert opened["status"] == "open" and opened["asset_id"] == asset.id
    by_hand = js("incident", "open", *at, "--asset", asset.id, "--title", "Seen on TV", env=env)
    assert {i["id"] for i in js("incident", "list", *at, env=env)} == {by_hand["id"], case_id}

    shown = js("incident", "show", *at, case_id, env=env)
    named = [c for c in shown["candidates"] if c["accused"]]
    assert [c["party_name"] for c in named] == [leaker.name]
    assert shown["agreements"][leaker.id][0]["title"] == "Mutual NDA"

    assert js("incident", "status", *at, case_id, "confirmed", env=env)["status"] == "confirmed"
    refused = run("incident", "status", *at, case_id, "dismissed", env=env, code=1)
    assert refused.stderr.strip().splitlines() == [
        f"error: incident {case_id} is confirmed: it can become closed, not dismissed"
    ]
    run("incident", "note", *at, case_id, "Reported by the brand's lawyer", env=env)
    assert js("incident", "show", *at, case_id, env=env)["notes"][0]["text"].startswith(
        "Reported"
    )
    listed = js("incident", "list", *at, "--status", "confirmed", env=env)
    assert [i["id"] for i in listed] == [case_id]

    out = tmp_path / "evidence"
    files = js("incident", "export", *at, case_id, "--out", str(out), env=env)["files"]
    assert files == [str(out / f"incident-{case_id}.pdf"), str(out / f"incident-{case_id}-events")]
    assert Path(files[0]).read_bytes().startswith(b"%PDF-")
    assert run("audit", "verify", files[1], env=env).stdout.startswith("OK: ")
    events = Path(files[1]) / "events.jsonl"
    events.write_bytes(events.read_bytes().replace(b'"leak.trace"', b'"leak.check"', 1))
    tampered = run("audit", "verify", files[1], env=env, code=1)
    assert "not in the signed tree" in tampered.stdout + tampered.stderr
    missing = run("incident", "show", *at, "inc_000000000000", env=env, code=1)
    assert missing.stderr.strip() == "error: no incident with id inc_000000000000"
