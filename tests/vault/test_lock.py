"""The vault lock: one program at a time, released by the OS when a program dies, and a core
that imports where `fcntl` does not exist (Windows)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sealroom.vault.errors import VaultInUseError
from sealroom.vault.lock import LOCK_NAME, VaultLock


def test_a_second_holder_is_refused_until_the_first_releases(tmp_path: Path) -> None:
    first = VaultLock(tmp_path)
    assert stat.S_IMODE(os.stat(tmp_path / LOCK_NAME).st_mode) == 0o600
    with pytest.raises(VaultInUseError, match=r"^vault is in use by another program$"):
        VaultLock(tmp_path, wait_seconds=0.2)
    first.release()
    first.release()  # releasing twice is harmless
    VaultLock(tmp_path, wait_seconds=0.2).release()


def test_the_lock_of_a_killed_program_is_released(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from sealroom.vault.lock import VaultLock
        held = VaultLock(Path({str(tmp_path)!r}))
        print("locked", flush=True)
        sys.stdin.read()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        with pytest.raises(VaultInUseError):
            VaultLock(tmp_path, wait_seconds=0.2)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    VaultLock(tmp_path, wait_seconds=1.0).release()


def test_the_core_imports_without_fcntl() -> None:
    modules = [
        "sealroom.vault.session",
        "sealroom.vault.lock",
        "sealroom.vault.exports",
        "sealroom.vault.reports.calendar",
        "sealroom.vault.protect.trace",
        "sealroom.vault.when",
    ]
    script = "import sys\nsys.modules['fcntl'] = None\n" + "".join(f"import {m}\n" for m in modules)
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
