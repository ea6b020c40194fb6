"""Opening a vault from the command line: the options every command shares, and passwords."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.layout import read_header
from sealroom.vault.session import Vault

PASSWORD_ENV = "SEALROOM_PASSWORD"
NEW_PASSWORD_ENV = "SEALROOM_NEW_PASSWORD"


def add_common(parser: argparse.ArgumentParser, vault_required: bool = True) -> None:
    parser.add_argument("--vault", required=vault_required, metavar="DIR", help="vault folder")
    parser.add_argument("--user", metavar="NAME", help="who unlocks (default: the only user)")
    parser.add_argument("--password-file", metavar="F", help="read the password from a file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def open_vault(args: argparse.Namespace) -> Vault:
    folder = Path(args.vault)
    user = args.user
    if user is None:
        names = [name for name, _ in read_header(folder).users()]
        if len(names) != 1:
            raise InvalidInputError(
                f"this vault has {len(names)} users ({', '.join(names)}); choose one with --user"
            )
        user = names[0]
    return Vault.unlock(folder, user, read_password(args.password_file, user))


def read_password(password_file: str | None, user: str) -> str:
    """From --password-file, else $SEALROOM_PASSWORD, else a terminal prompt."""
    if password_file:
        try:
            text = Path(password_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInputError(f"cannot read password file: {exc.strerror}") from None
        return text.rstrip("\r\n")
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise InvalidInputError(
            f"no password: set {PASSWORD_ENV}, use --password-file, or run in a terminal"
        )
    return getpass.getpass(f"Password for {user}: ")


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
