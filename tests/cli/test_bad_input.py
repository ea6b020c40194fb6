"""Hostile or careless input through the real command: one `error: ...` line and exit status 1
(2 for usage), nothing hangs, the vault is unchanged, and names cannot rewrite the terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sealroom_cli import cli_env, run

PASSWORD = "owner-password-1"
EVIL = "Evil\u202egpj.exe\x1b[31m\tred"


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env(PASSWORD)


@pytest.fixture
def vault(tmp_path: Path, env: dict[str, str]) -> list[str]:
    folder = str(tmp_path / "agency.sealroom")
    run("init", "--vault", folder, "--user", "maya", env=env)
    return ["--vault", folder]


def one_error(*args: str, env: dict[str, str], code: int = 1) -> str:
    result = run(*args, env=env, code=code)
    lines = result.stderr.splitlines()
    if code == 1:
        assert len(lines) == 1, result.stderr
    assert lines[-1].startswith(("error: ", "sealroom ")) and "error: " in lines[-1]
    return lines[-1]


def test_file_names_that_cannot_be_recorded(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    latin1 = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")
    Path(latin1).write_text("brief")
    message = one_error("asset", "import", latin1, *vault, env=env)
    assert "caf\\xe9.txt: the file name is not UTF-8 text" in message
    long_name = str(tmp_path / ("a" * 300 + ".txt"))
    assert "longer than 255 bytes" in one_error("asset", "import", long_name, *vault, env=env)
    out = str(tmp_path / ("b" * 300 + ".png"))
    assert "longer than 255 bytes" in one_error(
        "asset", "export", "ast_000000000000", "--out", out, *vault, env=env
    )
    assert "a path is longer than 4096 bytes" in one_error(
        "trace", "x/" * 2100, *vault, env=env
    )
    assert "(none)" in run("asset", "list", *vault, env=env).stdout


def test_vault_option_naming_a_file(tmp_path: Path, env: dict[str, str]) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("not a vault")
    for args in (["asset", "list"], ["init", "--user", "maya"]):
        message = one_error(*args, "--vault", str(plain), env=env)
        assert message == f"error: {plain} is not a folder; --vault names a vault's folder"
    assert plain.read_text() == "not a vault"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["audit", "list", "--limit", "1e20"], "invalid int value: '1e20'"),
        (["audit", "list", "--limit", str(10**20)], "must be from 1 to 1000000"),
        (["audit", "list", "--limit", "-5"], "must be from 1 to 1000000"),
        (["dashboard", "--embargo-days", str(10**11)], "must be from 0 to 36500"),
        (["asset", "export", "ast_1", "--out", "x", "--version", str(10**20)], "from 1 to"),
    ],
)
def test_absurd_numbers_are_usage_errors(
    env: dict[str, str], vault: list[str], args: list[str], shown: str
) -> None:
    assert shown in one_error(*args, *vault, env=env, code=2)


def test_the_largest_limit_is_accepted(env: dict[str, str], vault: list[str]) -> None:
    listed = run("audit", "list", "--limit", "1000000", "--json", *vault, env=env).stdout
    assert "vault.create" in {e["action"] for e in json.loads(listed)}


def test_password_file_is_a_small_regular_text_file(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    no_env = {k: v for k, v in env.items() if k != "SEALROOM_PASSWORD"}
    fifo = tmp_path / "pw.fifo"
    os.mkfifo(fifo)  # nobody writes: reading it would wait forever
    message = one_error("user", "list", *vault, "--password-file", str(fifo), env=no_env)
    assert "is not a regular file" in message and "SEALROOM_PASSWORD" in message
    assert "is not a regular file" in one_error(
        "user", "list", *vault, "--password-file", "/dev/zero", env=no_env
    )
    big = tmp_path / "pw.big"
    big.write_text(PASSWORD + "\n" + "x" * 5000)
    assert "larger than 4096 bytes" in one_error(
        "user", "list", *vault, "--password-file", str(big), env=no_env
    )
    latin1 = tmp_path / "pw.latin1"
    latin1.write_bytes(b"caf\xe9-password\n")
    assert "is not UTF-8 text" in one_error(
        "user", "list", *vault, "--password-file", str(latin1), env=no_env
    )
    exact = tmp_path / "pw"
    exact.write_text(PASSWORD + "\n")
    run("user", "list", *vault, "--password-file", str(exact), env=no_env)


def test_an_existing_out_is_refused_and_not_read_whole(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("the launch brief")
    imported = run("asset", "import", str(brief), "--json", *vault, env=env).stdout
    asset_id = json.loads(imported)["id"]
    existing = tmp_path / "mine.txt"
    existing.write_text("keep me")
    assert "already exists" in one_error(
        "asset", "export", asset_id, "--out", str(existing), *vault, env=env
    )
    assert existing.read_text() == "keep me"
    assert "is not a calendar" in one_error("calendar", "--out", str(existing), *vault, env=env)
    assert existing.read_text() == "keep me"
    fifo = tmp_path / "launches.ics"
    os.mkfifo(fifo)  # reading it to see whether it is a calendar would wait forever
    assert "not a regular file" in one_error("calendar", "--out", str(fifo), *vault, env=env)


def test_names_are_printed_escaped_and_json_keeps_them(
    tmp_path: Path, env: dict[str, str], vault: list[str]
) -> None:
    added = run("party", "add", "--name", EVIL, "--kind", "brand", *vault, env=env).stdout
    escaped = "Evil\\u202egpj.exe\\u001b[31m\\u0009red"
    assert escaped in added and "\u202e" not in added and "\x1b" not in added
    table = run("party", "list", *vault, env=env).stdout
    assert "\u202e" not in table and "\x1b" not in table and "\t" not in table
    header, row = table.splitlines()
    assert row.split("  ")[1] == escaped
    assert header.index("KIND") == row.index("brand")  # columns line up on the escaped name
    listed = run("party", "list", "--json", *vault, env=env).stdout
    assert "\u202e" not in listed and "\x1b" not in listed
    assert json.loads(listed)[0]["name"] == EVIL
    missing = one_error("asset", "import", str(tmp_path / f"{EVIL}.jpg"), *vault, env=env)
    assert "\u202e" not in missing and "\\u202e" in missing
