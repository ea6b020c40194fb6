"""The one way plaintext leaves the vault for a file the person chose (asset originals, agreement
documents, calendars, previews).

For each export:
1. The target is checked without following links: a symbolic link at the target or at the
   partial path is refused; an existing target is refused unless the caller allows replacing it.
2. The audit event (and any row the caller records, such as a share) is committed, together with
   the partial file's path in the `settings` table, BEFORE any plaintext is written.
3. The content goes to `.NAME.partial` beside the target, created `O_CREAT|O_EXCL|O_NOFOLLOW`
   with mode 0600 (so no other account can read a half-written file), fsynced, then moved into
   place (a hard link when no replacing is allowed, so a file that appeared meanwhile is never
   overwritten; a rename otherwise, or where the file system has no hard links).
4. The pending entry is removed. If the program dies before that, the next unlock removes the
   partial file, records an `export.cleanup` event and reports it (`sweep_partials`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.fsutil import fsync_dir
from sealroom.vault.store import Connection, query

if TYPE_CHECKING:
    from sealroom.vault.session import Vault

PENDING_PREFIX = "export.partial."
"""`settings` rows naming partial files of exports that have not finished."""
FILE_MODE = 0o600
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True)
class Output:
    """One file of an export: where it goes and a function writing its content to a stream."""

    target: Path
    write: Callable[[BinaryIO], object]


def data_output(target: Path, data: bytes) -> Output:
    return Output(target, lambda stream: stream.write(data))


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def exists(path: Path) -> bool:
    """Whether anything (a file, a folder, a link, even a dangling one) is at `path`."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise SealroomError(f"cannot check {path}: {exc.strerror}") from None
    return True


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of an existing regular file, never following a link."""
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidInputError(f"{path} is not a regular file; choose another name")
        return os.read(fd, size)
    finally:
        os.close(fd)


def check_target(target: Path, *, replace: bool = False) -> None:
    """Refuse a link at the target or its partial path, and an existing target unless `replace`."""
    if is_link(target):
        raise InvalidInputError(f"{target} is a symbolic link; choose another name", field="out")
    if exists(target) and not replace:
        raise InvalidInputError(f"{target} already exists; choose another name", field="out")
    if exists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
        raise InvalidInputError(
            f"{target} is not a regular file; choose another name", field="out"
        )
    partial = partial_path(target)
    if exists(partial):
        raise InvalidInputError(
            f"{partial} is in the way (left by an interrupted export?); remove it and try again"
        )


def export_files(
    vault: Vault,
    outputs: Sequence[Output],
    record: Callable[[Connection], None],
    *,
    action: str,
    obj: str,
    replace: bool = False,
) -> list[Path]:
    """Write `outputs` as described in the module docstring. `record(conn)` appends the audit
    event (and any rows) inside the transaction committed before writing; a failure afterwards
    appends an `action` event with outcome `failure` for `obj`."""
    vault.require_content("export content")
    for output in outputs:
        check_target(output.target, replace=replace)
    partials = [partial_path(output.target) for output in outputs]
    names = [f"{PENDING_PREFIX}{secrets.token_hex(8)}" for _ in outputs]
    with vault.transaction() as conn:
        for name, partial in zip(names, partials, strict=True):
            conn.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?)", (name, os.fsencode(partial))
            )
        record(conn)
    created: list[Path] = []
    try:
        for output, partial in zip(outputs, partials, strict=True):
            _write_partial(partial, output, created)
        for output, partial in zip(outputs, partials, strict=True):
            _move_into_place(partial, output.target, replace)
    except BaseException as exc:
        for partial in created:
            _remove_partial(partial)
        with contextlib.suppress(SealroomError), vault.transaction() as conn:
            _forget(conn, names)
            vault.audit.append(action, obj, "failure", _reason(exc))
        if isinstance(exc, OSError):
            where = exc.filename or outputs[0].target
            raise SealroomError(f"cannot write {where}: {exc.strerror}") from None
        raise
    with contextlib.suppress(SealroomError), vault.transaction() as conn:
        _forget(conn, names)  # if this fails, the next unlock finds no partial and drops the row
    return [output.target for output in outputs]


def sweep_partials(vault: Vault) -> list[str]:
    """Remove the partial files of exports that never finished; record and return what was done."""
    rows = query(
        vault.conn,
        "SELECT name, value FROM settings WHERE name LIKE ? ESCAPE '\\'",
        (PENDING_PREFIX.replace("_", "\\_") + "%",),
    )
    if not rows:
        return []
    removed = [Path(os.fsdecode(bytes(value))) for _name, value in rows]
    removed = [path for path in removed if _remove_partial(path)]
    with vault.transaction() as conn:
        _forget(conn, [str(name) for name, _value in rows])
        if removed:
            vault.audit.append(
                "export.cleanup",
                f"{len(removed)} partial files",
                "success",
                "interrupted exports: partial files removed at unlock",
            )
    if not removed:
        return []
    return [
        f"removed {len(removed)} partial file(s) left by an interrupted export: "
        + ", ".join(str(path) for path in removed)
    ]


def _write_partial(partial: Path, output: Output, created: list[Path]) -> None:
    fd = os.open(partial, _CREATE_FLAGS, FILE_MODE)
    created.append(partial)
    with open(fd, "wb") as stream:
        os.fchmod(stream.fileno(), FILE_MODE)  # whatever the umask
        output.write(stream)
        stream.flush()
        os.fsync(stream.fileno())


def _move_into_place(partial: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(partial, target)
    else:
        try:
            os.link(partial, target, follow_symlinks=False)
        except FileExistsError:
            raise InvalidInputError(
                f"{target} already exists; choose another name", field="out"
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            os.replace(partial, target)  # a file system without hard links
        else:
            os.unlink(partial)
    fsync_dir(target.parent)


def _remove_partial(partial: Path) -> bool:
    """Remove a partial file we created; a link or anything else planted there is left alone."""
    try:
        if not stat.S_ISREG(os.lstat(partial).st_mode):
            return False
        os.unlink(partial)
    except OSError:
        return False
    return True


def _forget(conn: Connection, names: Sequence[str]) -> None:
    conn.executemany("DELETE FROM settings WHERE name = ?", [(name,) for name in names])


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"write failed: {exc.strerror}"
    if isinstance(exc, SealroomError):
        return f"failed: {exc}"
    return f"interrupted ({type(exc).__name__})"
