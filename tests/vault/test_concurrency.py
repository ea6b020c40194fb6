"""Two programs and one vault: the second is refused while the first writes, and gets in once
the first has locked; nothing is lost or damaged on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sealroom.vault import verify
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
SCRIPT = Path(__file__).parent / "scripts" / "vault_child.py"


def _spawn(mode: str, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["SEALROOM_INSECURE_TEST_KDF"] = "1"
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), mode, str(folder), "owner", PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    line = child.stdout.readline().strip()  # blocks until the child reports its next step
    if not line:
        _, err = child.communicate(timeout=60)
        raise AssertionError(f"child ended without reporting: {err}")
    return line


def _tell(child: subprocess.Popen[str], text: str) -> None:
    assert child.stdin is not None
    child.stdin.write(text + "\n")
    child.stdin.flush()


def test_second_program_is_refused_while_the_first_writes(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    first = _spawn("hold", vault_dir)
    second: subprocess.Popen[str] | None = None
    try:
        assert _line(first) == "open"  # the first program has the vault and is writing
        second = _spawn("contend", vault_dir)
        assert _line(second) == "in-use vault is in use by another program"

        _tell(first, "stop")
        first_line = _line(first)
        assert first_line.startswith("locked ")
        first_count = int(first_line.split()[1])
        assert first.wait(timeout=60) == 0

        _tell(second, "retry")  # the first has locked: now the second gets in
        second_line = _line(second)
        assert second_line.startswith("done ")
        second_count = int(second_line.split()[1])
        assert second.wait(timeout=60) == 0
    finally:
        for child in (first, second):
            if child is not None and child.poll() is None:
                child.kill()
                child.wait(timeout=60)

    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        report = verify.verify_vault(opened)
        assert report.ok, report.problems
        names = [p.name for p in parties.list_parties(opened)]
        assert len(names) == len(set(names)) == first_count + second_count
        assert sum(n.startswith("holder ") for n in names) == first_count
        assert sum(n.startswith("second ") for n in names) == second_count
        added = [e for e in opened.audit.events() if e.action == "party.add"]
        assert len(added) == first_count + second_count
        unlocks = [e for e in opened.audit.events() if e.action == "vault.unlock"]
        assert all(e.outcome == "success" for e in unlocks)
        locks = [e for e in opened.audit.events() if e.action == "vault.lock"]
        assert len(locks) == 3  # create's session, the first program, the second program


def test_a_second_program_opens_at_once_when_the_vault_is_free(
    vault: Vault, vault_dir: Path
) -> None:
    vault.lock()
    child = _spawn("contend", vault_dir)
    try:
        assert _line(child) == "opened-at-once"
        assert _line(child).startswith("done ")
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=60)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        assert verify.verify_vault(opened).ok
