"""The app, started the normal way (the installed `sealroom` command), cannot dump core.

Each child runs with a group id other than root's and a raised core-file limit. Linux hands the
files of /proc/PID to root when a process is not dumpable, so the group of /proc/PID/status says
whether it is; /proc/PID/limits shows its core-file limit. A plain Python child started the same
way is the control: dumpable, with the limit it was given.
"""

from __future__ import annotations

import contextlib
import os
import pty
import resource
import secrets
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sealroom.crypto.kdf import MIN_MEMORY_KIB, KdfParams
from sealroom.vault.session import Vault

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="reads /proc as root and starts children under another group (Linux)",
)
SEALROOM = Path(sys.executable).parent / "sealroom"
NOGROUP = 65534


def _raise_core_limit() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEALROOM_")}
    env.update(extra)
    return env


def _start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    child = subprocess.Popen(
        args,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        group=NOGROUP,
        start_new_session=True,
        preexec_fn=_raise_core_limit,
    )
    os.close(slave)
    return child, master


def _wait_for(child: subprocess.Popen[bytes], master: int, ready: Callable[[bytes], bool]) -> None:
    """Read the child's terminal until `ready(output)` holds (or fail after 60 s)."""
    output = b""
    deadline = time.monotonic() + 60
    while not ready(output):
        assert child.poll() is None, f"child exited: {output!r}"
        assert time.monotonic() < deadline, f"child not ready: {output!r}"
        readable, _, _ = select.select([master], [], [], 0.2)
        if readable:
            with contextlib.suppress(OSError):  # the child closed its terminal
                output += os.read(master, 4096)


def _core_limits(pid: int) -> tuple[str, str]:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            soft, hard = line.split()[4:6]
            return soft, hard
    raise AssertionError("no core limit line")


def _dumpable(pid: int) -> bool:
    return os.stat(f"/proc/{pid}/status").st_gid == NOGROUP


@pytest.fixture
def running() -> Iterator[list[subprocess.Popen[bytes]]]:
    children: list[subprocess.Popen[bytes]] = []
    yield children
    for child in children:
        child.kill()
        child.wait()


def test_the_control_child_is_dumpable(running: list[subprocess.Popen[bytes]]) -> None:
    child, master = _start([sys.executable, "-c", "print('ready', flush=True); input()"], _env())
    running.append(child)
    _wait_for(child, master, lambda out: b"ready" in out)
    assert _dumpable(child.pid)
    assert _core_limits(child.pid) != ("0", "0")


def test_the_command_line_cannot_dump_core(
    tmp_path: Path, running: list[subprocess.Popen[bytes]]
) -> None:
    """Waiting at the password prompt (before any key exists) it is already hardened."""
    folder = tmp_path / "v.sealroom"
    shipped = KdfParams(secrets.token_bytes(16), 2, MIN_MEMORY_KIB, 1)
    Vault.create(folder, "owner", "owner password 1", shipped).lock()
    child, master = _start([str(SEALROOM), "user", "list", "--vault", str(folder)], _env())
    running.append(child)
    _wait_for(child, master, lambda out: b"Password for owner" in out)
    assert _core_limits(child.pid) == ("0", "0")
    assert not _dumpable(child.pid)


def test_the_desktop_app_cannot_dump_core(running: list[subprocess.Popen[bytes]]) -> None:
    child, master = _start([str(SEALROOM)], _env(QT_QPA_PLATFORM="offscreen"))
    running.append(child)

    def gui_loaded(_: bytes) -> bool:
        return "libQt6Widgets" in Path(f"/proc/{child.pid}/maps").read_text()

    _wait_for(child, master, gui_loaded)
    assert _core_limits(child.pid) == ("0", "0")
    assert not _dumpable(child.pid)
