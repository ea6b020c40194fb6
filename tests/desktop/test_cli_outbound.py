"""The outbound rule through the real `sealroom` command: each refusal is one `error:` line and
exit status 1, with no file written; the approval and the owner's override work end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from sealroom_cli import cli_env, run, run_json


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env("owner-password-1")


def _error(result: object) -> str:
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


def test_preview_export_refusals_approval_and_override(tmp_path: Path, env: dict[str, str]) -> None:
    folder = str(tmp_path / "agency.sealroom")
    vault = ("--vault", folder)
    run("init", *vault, "--user", "maya", env=env)
    run("user", "add", "mia", "--role", "manager", *vault, "--user", "maya", env=env)
    as_maya = (*vault, "--user", "maya")
    as_mia = (*vault, "--user", "mia")
    photo = tmp_path / "hero.png"
    Image.new("RGB", (320, 240), (200, 90, 30)).save(photo)
    secret_photo = tmp_path / "packshot.png"
    Image.new("RGB", (320, 240), (30, 90, 200)).save(secret_photo)
    teaser = tmp_path / "teaser.png"
    Image.new("RGB", (320, 240), (90, 200, 30)).save(teaser)
    hero = run_json("asset", "import", str(photo), "--sensitivity", "internal", *as_maya, env=env)
    secret = run_json(
        "asset", "import", str(secret_photo), "--sensitivity", "secret", *as_maya, env=env
    )
    embargoed = run_json(
        "asset",
        "import",
        str(teaser),
        "--sensitivity",
        "internal",
        "--embargo-until",
        "2099-01-01T09:00+00:00",
        *as_maya,
        env=env,
    )
    brand = run_json("party", "add", "--name", "Northwind", "--kind", "brand", *as_maya, env=env)[
        "id"
    ]

    def export(
        asset: str, out: str, *extra: str, who: tuple[str, ...] = as_maya, code: int = 0
    ) -> object:
        target = tmp_path / out
        result = run(
            "preview",
            "export",
            "--asset",
            asset,
            "--party",
            brand,
            "--out",
            str(target),
            "--max-side",
            "256",
            *extra,
            *who,
            env=env,
            code=code,
        )
        assert target.exists() == (code == 0)
        return result

    refused = _error(export(hero["id"], "a.png", code=1))
    assert "Northwind has no grant" in refused and "grant access first" in refused

    grant = run_json("grant", "--party", brand, "--asset", hero["id"], *as_maya, env=env)
    export(hero["id"], "a.png")
    run("revoke", grant["id"], "--reason", "campaign cancelled", *as_maya, env=env)
    refused = _error(export(hero["id"], "b.png", code=1))
    assert f"grant {grant['id']} was revoked on" in refused

    run(
        "grant",
        "--party",
        brand,
        "--asset",
        embargoed["id"],
        "--override-reason",
        "Planning call before the NDA is back",
        *as_maya,
        env=env,
    )
    refused = _error(export(embargoed["id"], "c.png", code=1))
    assert "under embargo until" in refused and "no signed, unexpired NDA" in refused

    run(
        "agreement",
        "add",
        "--kind",
        "nda",
        "--title",
        "NDA",
        "--party",
        brand,
        "--effective",
        "2020-01-01",
        "--status",
        "signed",
        *as_maya,
        env=env,
    )
    export(embargoed["id"], "c.png")
    run("grant", "--party", brand, "--asset", secret["id"], *as_maya, env=env)
    refused = _error(export(secret["id"], "d.png", code=1))
    assert "is secret: each copy needs a second person's approval" in refused
    request = run_json(
        "preview",
        "request",
        "--asset",
        secret["id"],
        "--party",
        brand,
        "--note",
        "brand review",
        *as_maya,
        env=env,
    )
    own = _error(run("preview", "approve", request["id"], *as_maya, env=env, code=1))
    assert "another owner or manager must approve it" in own
    pending = run("preview", "requests", *as_mia, env=env).stdout
    assert request["id"] in pending and "pending" in pending
    approved = run_json("preview", "approve", request["id"], *as_mia, env=env)
    assert (approved["state"], approved["decided_by"]) == ("approved", "mia")
    export(secret["id"], "d.png")
    refused = _error(export(secret["id"], "e.png", code=1))
    assert "was used by share" in refused

    run("grant", "--party", brand, "--asset", hero["id"], *as_maya, env=env)
    refused = _error(export(hero["id"], "f.png", "--no-visible-mark", who=as_mia, code=1))
    assert "only an owner can issue a copy without the visible mark" in refused
    unmarked = json.loads(export(hero["id"], "f.png", "--no-visible-mark", "--json").stdout)  # type: ignore[attr-defined]
    assert unmarked["visible_mark"] is None

    short = _error(export(secret["id"], "g.png", "--override-reason", "urgent", code=1))
    assert "at least 10 characters" in short
    manager = _error(
        export(
            secret["id"],
            "g.png",
            "--override-reason",
            "The brand's legal team asked for it today",
            who=as_mia,
            code=1,
        )
    )
    assert "only an owner can override" in manager
    reason = "The brand's legal team asked for it today"
    export(secret["id"], "g.png", "--override-reason", reason)
    board = run_json("dashboard", *as_maya, env=env)
    (override,) = board["outbound_exceptions"]
    assert (override["asset_id"], override["reason"]) == (secret["id"], reason)
    human = run("dashboard", *as_maya, env=env).stdout
    assert "override of the outbound rule" in human and override["id"] in human

    events = run_json("audit", "list", "--limit", "200", *as_maya, env=env)
    outcomes = [e["outcome"] for e in events if e["action"] == "share.authorize"]
    assert outcomes.count("denied") == 7 and outcomes.count("exception") == 1
    assert any("without the visible mark (owner)" in e["reason"] for e in events)
