"""Watermarked preview -> leak -> trace, end to end through the real `sealroom` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from sealroom_cli import cli_env, run
from skimage import data as samples


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env("owner-password-1")


def test_preview_export_attack_trace(tmp_path: Path, env: dict[str, str]) -> None:
    vault = str(tmp_path / "agency.sealroom")
    run("init", "--vault", vault, "--user", "maya", env=env)
    photo = tmp_path / "unreleased.jpg"
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    Image.fromarray(samples.astronaut()).save(photo, quality=95, exif=exif)
    asset = json.loads(
        run("asset", "import", str(photo), "--vault", vault, "--json", env=env).stdout
    )
    people = [
        json.loads(
            run(
                "party",
                "add",
                "--vault",
                vault,
                "--name",
                f"Partner {i}",
                "--kind",
                "brand",
                "--org",
                f"Brand {i}",
                "--json",
                env=env,
            ).stdout
        )["id"]
        for i in range(3)
    ]
    previews = {}
    for person in people:
        nda = ("--kind", "nda", "--title", "NDA", "--effective", "2020-01-01", "--status", "signed")
        run("agreement", "add", *nda, "--party", person, "--vault", vault, env=env)
        run("grant", "--party", person, "--asset", asset["id"], "--vault", vault, env=env)
        out = tmp_path / f"{person}.jpg"
        share = json.loads(
            run(
                "preview",
                "export",
                "--vault",
                vault,
                "--asset",
                asset["id"],
                "--party",
                person,
                "--out",
                str(out),
                "--max-side",
                "480",
                "--json",
                env=env,
            ).stdout
        )
        assert share["kind"] == "file" and share["party_id"] == person
        previews[person] = out
    marked = Image.open(previews[people[1]])
    assert max(marked.size) == 480 and not marked.getexif()

    leak = tmp_path / "repost.jpg"
    w, h = marked.size
    marked.convert("RGB").crop((20, 10, w - 40, h - 30)).resize((360, 330)).save(leak, quality=70)
    stranger = tmp_path / "stranger.png"
    Image.fromarray(samples.chelsea()).save(stranger)
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"\xff\xd8 definitely not a jpeg")

    traced = run(
        "trace",
        "--vault",
        vault,
        str(leak),
        str(stranger),
        str(junk),
        "--json",
        env=env,
        code=None,
    )
    assert traced.returncode == 1
    assert traced.stderr.strip().splitlines() == [
        f"error: {junk.name} is not an image Sealroom can read"
    ]
    decoder = json.JSONDecoder()
    reports, text = [], traced.stdout.strip()
    while text:
        report, end = decoder.raw_decode(text)
        reports.append(report)
        text = text[end:].strip()
    by_name = {Path(r["suspect"]).name: r for r in reports}
    hit = by_name["repost.jpg"]
    assert hit["verdict"] == "identified"
    assert hit["asset_id"] == asset["id"]
    assert hit["accused"] == [people[1]]
    best = hit["candidates"][0]
    assert best["party_id"] == people[1] and best["p_false"] < 1e-6
    assert {c["party_id"] for c in hit["candidates"]} == set(people)
    assert all(c["p_false"] > 1e-6 for c in hit["candidates"][1:])
    assert by_name["stranger.png"]["verdict"] == "unknown asset"
    assert by_name["stranger.png"]["accused"] == []
    assert by_name["junk.jpg"]["verdict"] == "unreadable"

    human = run("trace", "--vault", vault, str(leak), env=env).stdout
    assert "IDENTIFIED" in human and people[1] in human

    events = json.loads(run("audit", "list", "--vault", vault, "--json", env=env).stdout)
    traces = [e for e in events if e["action"] == "leak.trace"]
    assert len(traces) == 4
    assert any(people[1] in e["reason"] for e in traces)
