"""Opening a vault from the command line: the options every command shares, and passwords."""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.layout import read_header
from sealroom.vault.session import Vault

PASSWORD_ENV = "SEALROOM_PASSWORD"
NEW_PASSWORD_ENV = "SEALROOM_NEW_PASSWORD"
MAX_PASSWORD_FILE_BYTES = 4096


def add_common(parser: argparse.ArgumentParser, vault_required: bool = True) -> None:
    parser.add_argument("--vault", required=vault_required, metavar="DIR", help="vault folder")
    parser.add_argument("--user", metavar="NAME", help="who unlocks (default: the only user)")
    parser.add_argument("--password-file", metavar="F", help="read the password from a file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def open_vault(args: argparse.Namespace) -> Vault:
    folder = vault_folder(args.vault)
    user = args.user
    if user is None:
        names = [name for name, _ in read_header(folder).users()]
        if len(names) != 1:
            raise InvalidInputError(
                f"this vault has {len(names)} users ({', '.join(names)}); choose one with --user"
            )
        user = names[0]
    vault = Vault.unlock(folder, user, read_password(args.password_file, user))
    for warning in vault.warnings:  # a vault that went backwards: said before anything else
        print(warning, file=sys.stderr)
    for notice in vault.notices:  # what the unlock repaired, e.g. an interrupted export
        print(f"note: {notice}", file=sys.stderr)
    return vault


def vault_folder(text: str) -> Path:
    """The --vault folder; a path that exists but is not a folder is named as such."""
    folder = Path(text)
    if folder.exists() and not folder.is_dir():
        raise InvalidInputError(f"{folder} is not a folder; --vault names a vault's folder")
    return folder


def read_password(password_file: str | None, user: str) -> str:
    """From --password-file, else $SEALROOM_PASSWORD, else a terminal prompt."""
    if password_file:
        return read_password_file(Path(password_file))
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise InvalidInputError(
            f"no password: set {PASSWORD_ENV}, use --password-file, or run in a terminal"
        )
    return getpass.getpass(f"Password for {user}: ")


def read_password_file(path: Path, what: str = "password file") -> str:
    """The text of a file holding one secret (a password, a passphrase; `what` names it in
    messages), without its line ending: a regular file of at most MAX_PASSWORD_FILE_BYTES; a FIFO
    or device is refused before it is read (opening is non-blocking, so a FIFO without a writer
    cannot hang the command)."""
    secret = what.removesuffix(" file")
    if secret == "password":
        pipe_hint = f"to pass a password through a pipe, set {PASSWORD_ENV}"
    else:
        pipe_hint = f"write the {secret} to a regular file"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {what}: {exc.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidInputError(f"{what} {path} is not a regular file; {pipe_hint}")
        data = os.read(fd, MAX_PASSWORD_FILE_BYTES + 1)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {what}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_PASSWORD_FILE_BYTES:
        raise InvalidInputError(
            f"{what} {path} is larger than {MAX_PASSWORD_FILE_BYTES} bytes; "
            f"it should hold only the {secret}"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{what} {path} is not UTF-8 text") from None
    return text.rstrip("\r\n")


def read_new_password(who: str) -> str:
    """From $SEALROOM_NEW_PASSWORD, else a prompt asked twice."""
    if NEW_PASSWORD_ENV in os.environ:
        return os.environ[NEW_PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise InvalidInputError(f"no new password: set {NEW_PASSWORD_ENV} or run in a terminal")
    first = getpass.getpass(f"New password for {who}: ")
    if getpass.getpass("Repeat the new password: ") != first:
        raise InvalidInputError("the two passwords differ")
    return first


PATH_ARGUMENTS = ("vault", "out", "file", "files", "suspects", "password_file")
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096


def check_path_arguments(args: argparse.Namespace) -> None:
    """Refuse, before anything is opened, file names the vault could not record or the system
    could not open: names that are not UTF-8, and names over the system's limits."""
    for dest in PATH_ARGUMENTS:
        value = getattr(args, dest, None)
        for text in [value] if isinstance(value, str) else value or []:
            check_path(text)


def check_path(text: str) -> None:
    raw = os.fsencode(text)
    shown = raw.decode("utf-8", "backslashreplace")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{shown}: the file name is not UTF-8 text; rename it and try again"
        ) from None
    if len(raw) > MAX_PATH_BYTES:
        raise InvalidInputError(f"a path is longer than {MAX_PATH_BYTES} bytes")
    longest = max(raw.split(b"/"), key=len)
    if len(longest) > MAX_NAME_BYTES:
        raise InvalidInputError(
            f"{shown[:40]}...: a file name is longer than {MAX_NAME_BYTES} bytes"
        )
