"""A program killed (SIGKILL) in the middle of an import leaves a vault that opens, verifies,
and holds the file either whole or not at all, with no temporary files after the unlock."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sealroom.vault import verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.session import Vault
from sealroom.vault.store import query

PASSWORD = "correct horse battery"
SCRIPT = Path(__file__).parent / "scripts" / "vault_child.py"
SIZE = 40 * 1024 * 1024
KILLS = 20
MAX_ROUNDS = 80
VAULT_FILES = {"header.json", "vault.db", "audit.db", "vault.lock"}
STALE_JOURNALS = {"vault.db-journal", "audit.db-journal"}
"""A rollback journal whose header was never synced is not "hot": SQLite ignores it and reuses
it at the next write. It holds encrypted pages only, so it is tolerated; anything else (the
super-journal `vault.db-mj...` of an interrupted two-file commit, Sealroom's own temporary
files) must be gone once the vault has been unlocked again."""


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SEALROOM_INSECURE_TEST_KDF"] = "1"
    return env


def _start_import(folder: Path, source: Path, title: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(SCRIPT), "import", str(folder), "owner", PASSWORD, str(source), title],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip()  # blocks until the child starts importing
    if line != "importing":
        _, err = child.communicate(timeout=60)
        raise AssertionError(f"child did not start importing: {line!r} {err}")
    return child


def _check_folder(folder: Path, blob_ids: set[str]) -> set[str]:
    """After the unlock's sweep: one file per recorded blob, and nothing else under blobs/.
    Return any other leftovers (journals, temporary files) in the vault folder itself."""
    top = {p.name for p in folder.iterdir() if p.is_file()}
    assert top >= VAULT_FILES
    blobs = [p for p in (folder / "blobs").rglob("*") if p.is_file()]
    assert sorted(p.name for p in blobs) == sorted(blob_ids)
    for path in blobs:
        assert path.parent.name == path.name[:2]
    return top - VAULT_FILES - STALE_JOURNALS


@pytest.mark.slow
def test_sigkill_during_import_leaves_the_file_whole_or_absent(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    vault.lock()
    source = tmp_path / "footage.bin"
    rng = random.Random(20261121)
    source.write_bytes(rng.randbytes(SIZE))
    expected = hashlib.sha256(source.read_bytes()).hexdigest()
    try:
        # One undisturbed run measures how long an import takes here.
        child = _start_import(vault_dir, source, "calibration")
        started = time.monotonic()
        _, err = child.communicate(timeout=300)
        duration = time.monotonic() - started
        assert child.returncode == 0, err
        with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
            (calibration,) = assets.list_assets(opened)
            assert calibration.sha256 == expected
            assets.delete_asset(opened, calibration.id)

        kills = rounds = 0
        leftovers: dict[str, set[str]] = {}
        while kills < KILLS:
            rounds += 1
            assert rounds <= MAX_ROUNDS, f"only {kills} kills landed in {rounds - 1} rounds"
            title = f"round {rounds}"
            child = _start_import(vault_dir, source, title)
            started = time.monotonic()
            # Across the whole import, and every other round near its end, where the blob is
            # renamed into place and the two-database commit happens.
            low = 0.0 if rounds % 2 else 0.75 * duration
            delay = rng.uniform(low, duration)
            try:
                child.wait(timeout=delay)  # a condition wait: returns early if the child ends
            except subprocess.TimeoutExpired:
                os.kill(child.pid, signal.SIGKILL)  # not reaped yet, so the pid is still its
                child.wait(timeout=60)
            # It may have finished just before the signal arrived; only real kills count.
            assert child.returncode in (0, -signal.SIGKILL)
            if child.returncode == -signal.SIGKILL:
                kills += 1
            else:  # it beat the delay: aim the next ones within the time it really takes
                duration = min(duration, time.monotonic() - started)
            assert child.stdout is not None
            reported = child.stdout.read()  # "imported ID" once the import was committed
            child.stdout.close()
            if child.stderr is not None:
                child.stderr.close()

            with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
                blob_ids = {row[0] for row in query(opened.conn, "SELECT id FROM blobs")}
                left = _check_folder(vault_dir, blob_ids)
                if left:
                    leftovers[title] = left
                report = verify.verify_vault(opened)
                assert report.ok, f"{title} (delay {delay:.3f}s): {report.problems}"
                found = [a for a in assets.list_assets(opened) if a.title == title]
                assert len(found) <= 1
                if "imported" in reported:  # committed before the kill: it must have stayed
                    assert [a.id for a in found] == [reported.split()[1]], reported
                assert len(assets.list_assets(opened)) == len(found)
                if found:
                    (asset,) = found
                    assert asset.size == SIZE and asset.sha256 == expected
                    digest = hashlib.sha256()
                    for chunk in opened.blobs.read_chunks(asset.blob_id):
                        digest.update(chunk)
                    assert digest.hexdigest() == expected
                    assets.delete_asset(opened, asset.id)
                    assert not opened.blobs.path_of(asset.blob_id).exists()
        # Checked last, so that the checks above run in every round: temporary files of an
        # interrupted transaction must be gone once the vault has been unlocked again.
        names = sorted(set().union(*leftovers.values())) if leftovers else []
        assert leftovers == {}, (
            f"files left behind after the unlock in {len(leftovers)} of {rounds} rounds "
            f"(first: {next(iter(leftovers), None)}): {names}"
        )
    finally:
        source.unlink(missing_ok=True)
