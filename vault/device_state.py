"""What this device keeps outside any vault: in the user's configuration folder.

A folder writer (a sync service, a shared drive, a removed manager with the folder) can change
everything inside a vault folder but not this folder, so what the device remembers about a vault
(the newest audit head it saw, the key that authenticates its own failed-unlock records) lives
here. Files are small, written atomically and readable by the user only; reads are size-capped.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from sealroom.vault.fsutil import fsync_dir

APP_FOLDER = "sealroom"


def config_dir() -> Path:
    """`$XDG_CONFIG_HOME/sealroom` (default `~/.config/sealroom`); the platform's own folder on
    macOS and Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_FOLDER


def ensure_config_dir() -> Path:
    folder = config_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def read_capped(path: Path, limit: int) -> bytes | None:
    """The file's bytes if it is a regular file (not followed through a symlink) of at most
    `limit` bytes; None if it does not exist. OSError if it is anything else or too big."""
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except FileNotFoundError:
        return None
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path.name} is larger than {limit} bytes")
    return data


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` atomically with a file only the user can read; a symlink planted at the
    temporary name is removed, never followed."""
    tmp = path.with_name(f".{path.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with open(os.open(tmp, flags, 0o600), "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
