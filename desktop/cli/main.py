"""`sealroom` command line: argument parsing, dispatch and the one-line error contract.

Exit status: 0 success, 1 a problem reported as one `error: ...` line on stderr, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys

from sealroom.cli import (
    access,
    agreements,
    assets,
    audit,
    campaigns,
    demo,
    incidents,
    packages,
    parties,
    previews,
    release,
    reports,
    trace,
    users,
)
from sealroom.cli.output import escaped_output
from sealroom.cli.session import check_path_arguments
from sealroom.vault.errors import SealroomError

DEBUG_ENV = "SEALROOM_DEBUG"

# In the order `sealroom --help` lists them.
NOUNS = (
    users,
    assets,
    parties,
    campaigns,
    agreements,
    access,
    release,
    reports,
    demo,
    previews,
    packages,
    trace,
    incidents,
    audit,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sealroom",
        description="Sealroom: confidential assets, agreements and access, with leak tracing. "
        "Run without arguments to start the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for noun in NOUNS:
        noun.add_commands(sub)
    return parser


def command_names() -> frozenset[str]:
    """The subcommands `sealroom` knows (`init`, `asset`, `trace` ...)."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return frozenset(action.choices)
    raise AssertionError("the parser has no subcommands")


def is_command_line(argv: list[str]) -> bool:
    """True when `argv` asks for the command line: it starts with a subcommand or an option.
    Anything else (`sealroom FILE`) is a path for the desktop app to open."""
    return bool(argv) and (argv[0].startswith("-") or argv[0] in command_names())


def run_cli(argv: list[str]) -> int:
    """Names from the vault and the arguments are printed escaped (see `output.escape`)."""
    with escaped_output():
        return _run(argv)


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "user_required", False) and not args.user:
        parser.error("init needs --user NAME")
    try:
        check_path_arguments(args)
        return int(args.handler(args))
    except SealroomError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the person, the traceback on request
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"error: unexpected failure ({type(exc).__name__}: {exc}); "
            f"rerun with {DEBUG_ENV}=1 for details",
            file=sys.stderr,
        )
        return 1
