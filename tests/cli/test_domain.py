"""The domain commands as a shell script uses them: campaigns, agreements, assets, grants,
releases, the dashboard, the calendar and the demo vault, through the real `sealroom` entry
point in subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from PIL import Image
from sealroom_cli import cli_env, run
from sealroom_cli import run_json as js

PASSWORD = "owner-password-1"


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env(PASSWORD, TZ="Europe/Paris")


@pytest.fixture
def vault(tmp_path: Path, env: dict[str, str]) -> list[str]:
    folder = str(tmp_path / "agency.sealroom")
    run("init", "--vault", folder, "--user", "maya", env=env)
    return ["--vault", folder]


def test_campaign_assets_agreements_grants_and_reports(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    brand = js(
        "party",
        "add",
        *vault,
        "--name",
        "Northwind",
        "--kind",
        "brand",
        "--handle",
        "@northwind",
        env=env,
    )["id"]
    ines = js(
        "party",
        "add",
        *vault,
        "--name",
        "Ines",
        "--kind",
        "influencer",
        "--handle",
        "ines.k",
        env=env,
    )["id"]
    campaign = js(
        "campaign",
        "add",
        *vault,
        "--name",
        "Spring",
        "--brand",
        brand,
        "--influencer",
        ines,
        "--launch",
        "2031-03-01T09:00 Europe/Paris",
        env=env,
    )
    assert campaign["launch"] == "2031-03-01T08:00:00Z"
    assert campaign["launch_display"] == "2031-03-01 09:00 Europe/Paris"

    photo, caption = tmp_path / "hero.jpg", tmp_path / "caption.txt"
    Image.new("RGB", (320, 200), "teal").save(photo)
    caption.write_text("Out now @northwind x @ines.k\nCode TODO via [link]\n", encoding="utf-8")
    imported = js(
        "asset",
        "import",
        str(photo),
        str(caption),
        *vault,
        "--campaign",
        campaign["id"],
        "--tag",
        "hero",
        env=env,
    )
    hero, text = imported[0]["id"], imported[1]["id"]
    assert imported[0]["embargo_until"] == "2031-03-01T08:00:00Z" and imported[0]["tags"] == [
        "hero"
    ]

    copy = tmp_path / "hero-again.jpg"
    copy.write_bytes(photo.read_bytes())
    duplicate = run("asset", "import", str(copy), *vault, env=env, code=1)
    assert f"already in the vault as {hero}" in duplicate.stderr
    assert f"--new-version-of {hero}" in duplicate.stderr
    Image.new("RGB", (320, 200), "navy").save(copy)
    version = js("asset", "import", str(copy), "--new-version-of", hero, *vault, env=env)
    assert (version["id"], version["version"], version["original_name"]) == (hero, 2, copy.name)
    assert len(js("asset", "list", *vault, env=env)) == 2

    wrong = run(
        "agreement",
        "add",
        *vault,
        "--kind",
        "nda",
        "--title",
        "NDA",
        "--party",
        ines,
        "--effective",
        "2026-06-01",
        "--expires",
        "2026-01-31",
        env=env,
        code=1,
    )
    assert "is not after the effective date" in wrong.stderr
    assert js("agreement", "list", *vault, env=env) == []
    signed = tmp_path / "nda.pdf"
    signed.write_bytes(b"%PDF-1.4 signed")
    nda = js(
        "agreement",
        "add",
        *vault,
        "--kind",
        "nda",
        "--title",
        "NDA Ines",
        "--party",
        ines,
        "--effective",
        "2026-01-01",
        "--expires",
        "2032-12-31",
        "--status",
        "signed",
        "--campaign",
        campaign["id"],
        "--file",
        str(signed),
        env=env,
    )
    assert nda["expires_display"] == "2032-12-31 23:59 Europe/Paris" and nda["document_name"]
    shown = run("agreement", "show", nda["id"], *vault, env=env).stdout
    assert "confidential until: 2032-12-31" in shown and "scope:" in shown

    granted = js(
        "grant", "--party", ines, "--asset", hero, "--until", "2031-12-31", *vault, env=env
    )
    assert granted["covering_nda_id"] == nda["id"] and not granted["exception"]
    refused = run("grant", "--party", brand, "--campaign", campaign["id"], *vault, env=env, code=1)
    assert "grant refused" in refused.stderr and "override" in refused.stderr
    override = js(
        "grant",
        "--party",
        brand,
        "--campaign",
        campaign["id"],
        *vault,
        "--override-reason",
        "Brand legal reviews the shoot",
        env=env,
    )
    assert override["exception"]
    exceptions = js("grants", "--exceptions", *vault, env=env)
    assert [g["id"] for g in exceptions] == [override["id"]]

    blocked = run("release", text, *vault, env=env, code=1)
    assert "release of" in blocked.stderr and "2 problems" in blocked.stderr
    assert "line 2:6: unfinished draft marker TODO" in blocked.stdout

    board = js("dashboard", *vault, env=env)
    assert [g["id"] for g in board["exceptions"]] == [override["id"]]
    assert board["incidents"] == [] and board["failed_unlocks"] == []
    out = tmp_path / "work.ics"
    run("calendar", "--out", str(out), *vault, env=env)
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {str(e["UID"]) for e in events} >= {
        f"embargo-{hero}@sealroom",
        f"expiry-{nda['id']}@sealroom",
    }

    run("revoke", granted["id"], "--reason", "shoot cancelled", *vault, env=env)
    run("party", "delete", ines, "--reason", "left the agency", *vault, env=env)
    deleted = run("grant", "--party", ines, "--asset", hero, *vault, env=env, code=1)
    assert "a deleted party cannot be granted access" in deleted.stderr
    events = js("audit", "list", *vault, "--limit", "200", env=env)
    outcomes = {(e["action"], e["outcome"]) for e in events}
    assert {
        ("grant.add", "denied"),
        ("grant.add", "exception"),
        ("asset.release", "denied"),
    } <= outcomes


def test_bad_input_exit_codes(tmp_path: Path, env: dict[str, str], vault: list[str]) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert (
        "is empty (0 bytes)" in run("asset", "import", str(empty), *vault, env=env, code=1).stderr
    )
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    assert (
        "not a readable PNG image"
        in run("asset", "import", str(broken), *vault, env=env, code=1).stderr
    )
    naive = run(
        "campaign", "add", *vault, "--name", "X", "--launch", "2031-03-01T09:00", env=env, code=1
    )
    assert "has no time zone" in naive.stderr
    zoned = js(
        "campaign",
        "add",
        *vault,
        "--name",
        "X",
        "--launch",
        "2031-03-01T09:00",
        "--zone",
        "Asia/Tokyo",
        env=env,
    )
    assert zoned["launch"] == "2031-03-01T00:00:00Z"
    run("grant", "--party", "pty_x", *vault, env=env, code=2)
    run(
        "agreement",
        "add",
        *vault,
        "--kind",
        "handshake",
        "--title",
        "T",
        "--party",
        "p",
        "--effective",
        "2026-01-01",
        env=env,
        code=2,
    )
    run("asset", "import", str(broken), "--sensitivity", "top", *vault, env=env, code=2)
    missing = run(
        "grant", "--party", "pty_missing", "--asset", "ast_missing", *vault, env=env, code=1
    )
    assert missing.stderr == "error: no party with id pty_missing\n"


def test_a_secret_release_needs_a_second_person(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    run("user", "add", "sam", "--role", "manager", *vault, "--user", "maya", env=env)
    maya = [*vault, "--user", "maya"]
    photo = tmp_path / "packshot.png"
    Image.new("RGB", (64, 64), "gold").save(photo)
    asset = js(
        "asset",
        "import",
        str(photo),
        *maya,
        "--sensitivity",
        "secret",
        "--embargo-until",
        "2031-01-01T10:00+01:00",
        env=env,
    )["id"]
    waiting = run("release", asset, *maya, env=env)
    assert "waits for another owner or manager" in waiting.stdout
    same = run("approve", asset, *maya, env=env, code=1)
    assert "another owner or manager must approve it" in same.stderr
    assert [r["asset_id"] for r in js("releases", *maya, env=env)] == [asset]
    approved = js("approve", asset, *vault, "--user", "sam", env=env)
    assert approved["state"] == "released"
    (listed,) = js("asset", "list", *maya, env=env)
    assert listed["released_by"] == "sam" and not listed["embargoed"]


def test_demo_vault(tmp_path: Path, env: dict[str, str]) -> None:
    demo_env = {
        k: v for k, v in env.items() if k not in ("SEALROOM_NEW_PASSWORD", "SEALROOM_PASSWORD")
    }
    folder = str(tmp_path / "demo.sealroom")
    summary = json.loads(run("demo", "--vault", folder, "--json", env=demo_env).stdout)
    assert summary["password"] == "demo-password" and summary["user"] == "demo"
    assert summary["seconds"] < 30
    assert (summary["parties"], summary["campaigns"], summary["assets"]) >= (9, 6, 36)
    user = {**demo_env, "SEALROOM_PASSWORD": "demo-password"}
    board = js("dashboard", "--vault", folder, "--user", "demo", env=user)
    assert len(board["exceptions"]) == summary["exceptions"] >= 3
    reasons = " ".join(g["exception_reason"] for g in board["exceptions"])
    assert "expired" in reasons and "owner override" in reasons
    assert board["embargoes"] and board["expiries"] and board["failed_unlocks"]
    (pending,) = js("releases", "--vault", folder, "--user", "demo", env=user)
    assert pending["requested_by"] == "demo" and pending["state"] == "pending"
    second = summary["second_user"]
    run("approve", pending["asset_id"], "--vault", folder, "--user", second, env=user)
    (approved,) = js("releases", "--vault", folder, "--all", "--user", "demo", env=user)
    assert approved["state"] != "pending" and approved["decided_by"] == second
    listed = js("asset", "list", "--vault", folder, "--user", "demo", env=user)
    assert {a["kind"] for a in listed} >= {"image", "pdf", "text"}
    agreements = js("agreement", "list", "--vault", folder, "--user", "demo", env=user)
    assert {a["current_status"] for a in agreements if a["kind"] == "nda"} >= {"signed", "expired"}
    again = run("demo", "--vault", folder, env=demo_env, code=1)
    assert "already exists and is not empty" in again.stderr
