"""Running the real `sealroom` command in a subprocess, as a shell script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SEALROOM = Path(sys.executable).parent / "sealroom"
FAST_KDF_MAIN = Path(__file__).with_name("fast_kdf_main.py")
FAST_KDF = "SEALROOM_INSECURE_TEST_KDF"
"""Read here only, never by Sealroom: with it set to "1", `run` starts the real entry point
through `fast_kdf_main.py`, which enables the test-only key derivation first."""


def cli_env(password: str, **extra: str) -> dict[str, str]:
    """This environment without SEALROOM_* settings, plus the passwords and the test-only KDF."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEALROOM_")}
    env.update(
        SEALROOM_PASSWORD=password,
        SEALROOM_NEW_PASSWORD=password,
        SEALROOM_INSECURE_TEST_KDF="1",
        **extra,
    )
    return env


def run(*args: str, env: dict[str, str], code: int | None = 0) -> subprocess.CompletedProcess[str]:
    """Run `sealroom ARGS`; check the exit status unless `code` is None.

    Exit status 1 must come with exactly one `error: ...` line and no traceback.
    """
    command = [sys.executable, str(FAST_KDF_MAIN)] if env.get(FAST_KDF) == "1" else [str(SEALROOM)]
    result = subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if code is not None:
        assert result.returncode == code, f"sealroom {' '.join(args)}: {result.stderr}"
    if result.returncode == 1:
        assert result.stderr.startswith("error: "), result.stderr
        assert "Traceback" not in result.stderr
    return result


def run_json(*args: str, env: dict[str, str]) -> Any:
    return json.loads(run(*args, "--json", env=env).stdout)
