"""The command line as a shell script uses it: real subprocesses, real key derivation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sealroom_cli import cli_env, run


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env("owner-password-1")


def test_shell_script_flow(tmp_path: Path, env: dict[str, str]) -> None:
    vault = str(tmp_path / "agency.sealroom")
    created = json.loads(run("init", "--vault", vault, "--user", "maya", "--json", env=env).stdout)
    assert created["id"].startswith("vlt_")
    assert (
        not (tmp_path / "agency.sealroom" / "vault.db").read_bytes().startswith(b"SQLite format 3")
    )

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
    party = json.loads(
        run(
            "party",
            "add",
            "--vault",
            vault,
            "--user",
            "maya",
            "--name",
            "Northwind",
            "--kind",
            "brand",
            "--email",
            "legal@northwind.example",
            "--json",
            env=env,
        ).stdout
    )
    source = tmp_path / "launch.txt"
    source.write_bytes(b"embargoed launch copy\n" * 1000)
    asset = json.loads(
        run(
            "asset",
            "import",
            str(source),
            "--vault",
            vault,
            "--user",
            "maya",
            "--title",
            "Launch copy",
            "--json",
            env=env,
        ).stdout
    )
    out = tmp_path / "exported.txt"
    run(
        "asset",
        "export",
        asset["id"],
        "--out",
        str(out),
        "--vault",
        vault,
        "--user",
        "maya",
        env=env,
    )
    assert out.read_bytes() == source.read_bytes()

    events = json.loads(
        run("audit", "list", "--vault", vault, "--user", "maya", "--json", env=env).stdout
    )
    actions = {e["action"] for e in events}
    assert {"party.add", "asset.import", "asset.export", "user.add"} <= actions
    assert any(e["object"] == party["id"] for e in events)

    verified = json.loads(
        run("verify", "--vault", vault, "--user", "maya", "--json", env=env).stdout
    )
    assert verified["ok"] and verified["blobs_checked"] == 1

    auditor = {**env, "SEALROOM_PASSWORD": "auditor-password-1"}
    audit_view = run("audit", "list", "--vault", vault, "--user", "ines", env=auditor)
    assert "asset.export" in audit_view.stdout
    checked = json.loads(
        run("verify", "--vault", vault, "--user", "ines", "--json", env=auditor).stdout
    )
    assert checked["ok"] and not checked["content_checked"]
    refused = run("asset", "list", "--vault", vault, "--user", "ines", env=auditor, code=None)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: an auditor cannot list assets")
    assert "Traceback" not in refused.stderr


def test_errors_are_one_line_with_exit_codes(tmp_path: Path, env: dict[str, str]) -> None:
    vault = str(tmp_path / "v.sealroom")
    run("init", "--vault", vault, "--user", "maya", env=env)
    wrong = run(
        "asset", "list", "--vault", vault, env={**env, "SEALROOM_PASSWORD": "nope"}, code=None
    )
    assert (wrong.returncode, wrong.stderr) == (1, "error: wrong password for user 'maya'\n")
    missing = run("asset", "list", "--vault", str(tmp_path / "none"), env=env, code=None)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no Sealroom vault at")
    usage = run("asset", "list", env=env, code=None)
    assert usage.returncode == 2 and "--vault" in usage.stderr
    bad_kind = run(
        "party", "add", "--vault", vault, "--name", "X", "--kind", "alien", env=env, code=None
    )
    assert bad_kind.returncode == 2
    not_a_file = run("asset", "import", str(tmp_path), "--vault", vault, env=env, code=None)
    assert not_a_file.returncode == 1
    assert not_a_file.stderr.count("\n") == 1 and "is a folder" in not_a_file.stderr


def test_password_sources(tmp_path: Path, env: dict[str, str]) -> None:
    vault = str(tmp_path / "v.sealroom")
    run("init", "--vault", vault, "--user", "maya", env=env)
    no_env = {k: v for k, v in env.items() if k != "SEALROOM_PASSWORD"}
    no_password = run("user", "list", "--vault", vault, env=no_env, code=None)
    assert no_password.returncode == 1 and "SEALROOM_PASSWORD" in no_password.stderr
    password_file = tmp_path / "pw"
    password_file.write_text("owner-password-1\n")
    listed = run(
        "user",
        "list",
        "--vault",
        vault,
        "--password-file",
        str(password_file),
        "--json",
        env=no_env,
    )
    assert json.loads(listed.stdout) == [{"name": "maya", "role": "owner"}]


def test_real_key_derivation_round_trip(tmp_path: Path, env: dict[str, str]) -> None:
    """Without the test-only shortcut: the shipped Argon2id parameters (>= 64 MiB)."""
    real = {k: v for k, v in env.items() if k != "SEALROOM_INSECURE_TEST_KDF"}
    vault = tmp_path / "real.sealroom"
    run("init", "--vault", str(vault), "--user", "maya", env=real)
    header = json.loads((vault / "header.json").read_text())
    assert header["slots"][0]["kdf"]["memory_kib"] >= 64 * 1024
    listed = run("user", "list", "--vault", str(vault), "--json", env=real)
    assert json.loads(listed.stdout)[0]["name"] == "maya"
