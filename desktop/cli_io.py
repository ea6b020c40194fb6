"""Passwords and output for the command line."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sealroom.vault.errors import InvalidInputError

PASSWORD_ENV = "SEALROOM_PASSWORD"
NEW_PASSWORD_ENV = "SEALROOM_NEW_PASSWORD"


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


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not rows:
        print("(none)")
        return
    text = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in text)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in text:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return str(value).replace("\n", " ")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
