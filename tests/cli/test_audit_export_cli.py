"""`sealroom audit export` and `sealroom audit verify` as an auditor runs them, in subprocesses."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

from sealroom_cli import cli_env, run


def test_export_and_verify_from_the_command_line(tmp_path: Path) -> None:
    env = cli_env("owner-password-1")
    vault = str(tmp_path / "agency.sealroom")
    created = json.loads(run("init", "--vault", vault, "--user", "maya", "--json", env=env).stdout)
    vault_id = created["id"]
    auditor_env = {**env, "SEALROOM_NEW_PASSWORD": "auditor-password-1"}
    run(
        "user",
        "add",
        "ines",
        "--role",
        "auditor",
        "--vault",
        vault,
        "--user",
        "maya",
        env=auditor_env,
    )
    out = tmp_path / "bundle"
    done = run("audit", "export", "--vault", vault, "--user", "maya", "--out", str(out), env=env)
    assert done.stdout.startswith("exported ")
    ok = run("audit", "verify", str(out), env=env)
    assert ok.stdout.startswith("OK: ") and "signed by SHA256:" in ok.stdout
    fingerprint = ok.stdout.rsplit(" ", 1)[1].strip()
    assert f"note: the key {fingerprint} comes from the bundle itself" in ok.stderr
    check = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(out / "allowed_signers"),
            "-I",
            vault_id,
            "-n",
            "sealroom-audit",
            "-s",
            str(out / "events.jsonl.sig"),
        ],
        input=(out / "events.jsonl").read_bytes(),
        capture_output=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    with open(out / "events.csv", encoding="utf-8", newline="") as stream:
        assert len(list(csv.reader(stream))) - 1 == len(
            (out / "events.jsonl").read_bytes().splitlines()
        )
    text = subprocess.run(
        ["pdftotext", "-l", "1", str(out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert vault_id in text and "Period:" in text

    # The auditor, with their own password only, exports against the owner's checkpoint.
    auditor = {**env, "SEALROOM_PASSWORD": "auditor-password-1"}
    later = tmp_path / "later"
    run(
        "audit",
        "export",
        "--vault",
        vault,
        "--user",
        "ines",
        "--out",
        str(later),
        "--previous-checkpoint",
        str(out / "checkpoint"),
        "--since",
        "2000-01-01",
        env=auditor,
    )
    verified = run(
        "audit",
        "verify",
        str(later),
        "--previous-checkpoint",
        str(out / "checkpoint"),
        "--signer-fingerprint",
        fingerprint,
        env=env,
    )
    assert verified.stdout.splitlines()[-1].startswith("OK: ")

    lines = (out / "events.jsonl").read_bytes().splitlines(keepends=True)
    (out / "events.jsonl").write_bytes(b"".join([lines[1], lines[0], *lines[2:]]))
    failed = run("audit", "verify", str(out), env=env, code=1)
    assert "problem: events.jsonl line 2: index 0 comes after index 1" in failed.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    failed = run("audit", "verify", str(empty), env=env, code=1)
    assert "problem: events.jsonl is missing" in failed.stdout
