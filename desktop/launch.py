"""What `sealroom ARGS` starts: the desktop app, the command line, or the app on a path.

`sealroom` alone starts the app; `sealroom COMMAND ...` (or an option) runs the command line;
`sealroom PATH` (what a file manager runs for `Exec=sealroom %F`) opens a vault folder in the app,
or a share package in the partner viewer. Nothing here imports Qt until the app is wanted, so
the command line starts fast and runs where Qt is absent.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.layout import HEADER_NAME

SHARE_SUFFIX = ".sealshare"
USAGE_STATUS = 2


class PathKind(Enum):
    VAULT = "vault"
    SHARE = "share"


def dispatch(argv: list[str]) -> int:
    """Run what `argv` asks for; returns the exit status."""
    from sealroom.cli.main import is_command_line, run_cli

    if argv and is_command_line(argv):
        return run_cli(argv)
    try:
        path = _one_path(argv)
    except InvalidInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_STATUS
    if path is not None and path_kind(path) is PathKind.SHARE:
        from sealroom.desktop.viewer.launch import run_viewer

        return run_viewer(path)  # a partner needs no vault: the viewer alone
    from sealroom.desktop.app import run_gui

    return int(run_gui(path))


def _one_path(argv: list[str]) -> Path | None:
    if not argv:
        return None
    if len(argv) > 1:
        raise InvalidInputError(
            f"{argv[0]} is not a command, and the app opens one vault or share package at a "
            "time (see sealroom --help)"
        )
    path = Path(argv[0])
    path_kind(path)
    return path


def path_kind(path: Path) -> PathKind:
    """Whether `path` is a vault folder or a share package; anything else is refused, naming
    what it is."""
    if path.is_dir():
        if not (path / HEADER_NAME).is_file():
            raise InvalidInputError(f"{path} is a folder but not a Sealroom vault")
        return PathKind.VAULT
    if path.is_file() and path.suffix.lower() == SHARE_SUFFIX:
        return PathKind.SHARE
    if not path.exists():
        raise InvalidInputError(
            f"{path} is not a command, a vault folder or a share package (see sealroom --help)"
        )
    raise InvalidInputError(
        f"{path} is neither a vault folder nor a share package ({SHARE_SUFFIX}); "
        "the app opens those"
    )
