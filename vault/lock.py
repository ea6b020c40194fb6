"""One program at a time per vault: an advisory lock on a file in the vault folder.

The lock is `filelock`'s (flock on Linux and macOS, LockFileEx on Windows), so the core imports
and runs on every platform. It is released by the OS if the program dies.
"""

from __future__ import annotations

from pathlib import Path

import filelock

from sealroom.vault.errors import SealroomError, VaultInUseError

LOCK_NAME = "vault.lock"
WAIT_SECONDS = 3.0


class VaultLock:
    """Held for as long as a vault is open; released by the OS if the program dies."""

    def __init__(self, folder: Path, wait_seconds: float = WAIT_SECONDS) -> None:
        # Not thread-local: a vault is opened on one thread and may be locked on another.
        self._lock: filelock.BaseFileLock | None = filelock.FileLock(
            folder / LOCK_NAME, timeout=wait_seconds, mode=0o600, thread_local=False
        )
        try:
            self._lock.acquire(poll_interval=0.05)
        except filelock.Timeout:
            self._lock = None
            raise VaultInUseError("vault is in use by another program") from None
        except OSError as exc:
            self._lock = None
            raise SealroomError(f"cannot lock the vault folder: {exc.strerror}") from None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
