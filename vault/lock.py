"""One program at a time per vault: an advisory lock on a file in the vault folder."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from sealroom.vault.errors import VaultInUseError

LOCK_NAME = "vault.lock"
WAIT_SECONDS = 3.0


class VaultLock:
    """Held for as long as a vault is open; released by the OS if the program dies."""

    def __init__(self, folder: Path, wait_seconds: float = WAIT_SECONDS) -> None:
        self._fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self._fd)
                    raise VaultInUseError("vault is in use by another program") from None
                time.sleep(0.05)

    def release(self) -> None:
        if self._fd >= 0:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = -1
