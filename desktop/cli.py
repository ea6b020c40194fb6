"""`sealroom` command line: argument parsing, dispatch and the one-line error contract.

Exit status: 0 success, 1 a problem reported as one `error: ...` line on stderr, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys

from sealroom.desktop import cli_args as domain
from sealroom.desktop import cli_commands as c
from sealroom.desktop.cli_watermark import add_watermark_commands
from sealroom.vault.errors import SealroomError
from sealroom.vault.parties.directory import PARTY_KINDS

DEBUG_ENV = "SEALROOM_DEBUG"


def _common(parser: argparse.ArgumentParser, vault_required: bool = True) -> None:
    parser.add_argument("--vault", required=vault_required, metavar="DIR", help="vault folder")
    parser.add_argument("--user", metavar="NAME", help="who unlocks (default: the only user)")
    parser.add_argument("--password-file", metavar="F", help="read the password from a file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sealroom",
        description="Sealroom: confidential assets, agreements and access, with leak tracing. "
        "Run without arguments to start the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create a vault")
    _common(p)
    p.set_defaults(handler=c.cmd_init)
    p.set_defaults(user_required=True)

    user = sub.add_parser("user", help="people who can unlock the vault").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="add a person")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["owner", "manager", "auditor"])
    _common(p)
    p.set_defaults(handler=c.cmd_user_add)
    p = user.add_parser("passwd", help="change a password (yours by default)")
    p.add_argument("name", nargs="?")
    _common(p)
    p.set_defaults(handler=c.cmd_user_passwd)
    p = user.add_parser("remove", help="remove a person and rotate the keys they held")
    p.add_argument("name")
    _common(p)
    p.set_defaults(handler=c.cmd_user_remove)
    p = user.add_parser("list", help="list people and roles")
    _common(p)
    p.set_defaults(handler=c.cmd_user_list)

    asset = sub.add_parser("asset", help="confidential files").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = asset.add_parser(
        "import", help="encrypt files into the vault (all or nothing)", epilog=domain.DATE_HELP
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--title", metavar="T")
    domain.add_asset_options(p)
    _common(p)
    p.set_defaults(handler=c.cmd_asset_import)
    p = asset.add_parser("list", help="list assets")
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--tag", metavar="T")
    _common(p)
    p.set_defaults(handler=c.cmd_asset_list)
    p = asset.add_parser("export", help="write a decrypted original to a file")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--version", type=int, metavar="N", help="an earlier version")
    _common(p)
    p.set_defaults(handler=c.cmd_asset_export)
    p = asset.add_parser("delete", help="delete an asset and its encrypted file")
    p.add_argument("id")
    _common(p)
    p.set_defaults(handler=c.cmd_asset_delete)
    domain.add_asset_commands(asset, _common)

    party = sub.add_parser("party", help="brands, influencers, agencies, press").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = party.add_parser("add", help="add a party")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=PARTY_KINDS)
    p.add_argument("--email")
    p.add_argument("--org", metavar="ORGANISATION")
    p.add_argument("--handle", metavar="@NAME", help="social-media handle")
    _common(p)
    p.set_defaults(handler=c.cmd_party_add)
    p = party.add_parser("list", help="list parties")
    _common(p)
    p.set_defaults(handler=c.cmd_party_list)
    p = party.add_parser("edit", help="change a party")
    p.add_argument("id")
    p.add_argument("--name")
    p.add_argument("--kind", choices=PARTY_KINDS)
    p.add_argument("--email")
    p.add_argument("--org", metavar="ORGANISATION")
    p.add_argument("--handle", metavar="@NAME", help="social-media handle ('' removes it)")
    _common(p)
    p.set_defaults(handler=c.cmd_party_edit)
    p = party.add_parser("delete", help="delete a party and revoke its grants")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    _common(p)
    p.set_defaults(handler=c.cmd_party_delete)

    domain.add_campaign_commands(sub, _common)
    domain.add_agreement_commands(sub, _common)
    domain.add_access_commands(sub, _common)
    domain.add_release_commands(sub, _common)
    add_watermark_commands(sub, _common)

    audit = sub.add_parser("audit", help="the tamper-evident access log").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = audit.add_parser("list", help="show recent events")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    _common(p)
    p.set_defaults(handler=c.cmd_audit_list)

    p = sub.add_parser("verify", help="check every page, blob, event and signature")
    _common(p)
    p.set_defaults(handler=c.cmd_verify)
    return parser


def run_cli(argv: list[str]) -> int:
    if not argv:
        from sealroom.desktop.app import run_gui

        return int(run_gui())
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "user_required", False) and not args.user:
        parser.error("init needs --user NAME")
    try:
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
