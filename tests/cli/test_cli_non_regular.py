"""`sealroom asset import` and `sealroom trace` given a FIFO: one error line, no hang, and the
vault is not left locked."""

from __future__ import annotations

import os
from pathlib import Path

from sealroom_cli import cli_env, run


def test_cli_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    env = cli_env("owner-password-1")
    vault = str(tmp_path / "agency.sealroom")
    run("init", "--vault", vault, "--user", "maya", env=env)
    fifo = tmp_path / "leak.png"
    os.mkfifo(fifo)
    for args in (("asset", "import", str(fifo)), ("trace", str(fifo))):
        refused = run(*args, "--vault", vault, "--user", "maya", env=env, code=1)
        assert refused.stderr.strip().splitlines() == [
            f"error: {fifo} is a named pipe (FIFO), not a regular file; nothing was read"
        ]
    listed = run("asset", "list", "--vault", vault, "--user", "maya", env=env)  # lock released
    assert "leak" not in listed.stdout
