"""Durable file writes (temporary file, fsync, rename, fsync of the folder) and safe reads of
files a person names (regular files only: a FIFO, a device or a folder is refused before it is
opened, since opening a FIFO blocks for ever while the vault is locked)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from sealroom.vault.errors import InvalidInputError, SealroomError

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check cannot block the open
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def require_regular_file(
    path: Path, error: type[SealroomError] = InvalidInputError
) -> os.stat_result:
    """Refuse anything but a regular file (links are followed), without opening it."""
    try:
        found = os.stat(path)
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(found.st_mode):
        raise error(f"{path} is {_kind(found.st_mode)}, not a regular file; nothing was read")
    return found


def open_regular(path: Path, error: type[SealroomError] = InvalidInputError) -> BinaryIO:
    """Open a regular file for reading; anything else is refused before (and after) opening."""
    require_regular_file(path, error)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise error(f"{path} is {_kind(mode)}, not a regular file; nothing was read")
    return open(fd, "rb")


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)  # a leftover, or a link planted there: removed, never followed
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with open(os.open(tmp, flags, 0o600), "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def private_file(path: Path) -> None:
    """Make a vault file readable by its owner only."""
    os.chmod(path, 0o600)
