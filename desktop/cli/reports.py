"""`sealroom dashboard` and `sealroom calendar`: what needs attention, and when."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.cli.options import DAYS
from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.reports import calendar as calendar_export
from sealroom.vault.reports import dashboard


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("dashboard", help="embargoes, expiries, exceptions, incidents, unlocks")
    p.add_argument("--embargo-days", type=DAYS, default=14, metavar="N")
    p.add_argument("--expiry-days", type=DAYS, default=30, metavar="N")
    add_common(p)
    p.set_defaults(handler=cmd_dashboard)
    p = sub.add_parser("calendar", help="write embargo lifts and expiries to an .ics file")
    p.add_argument("--out", required=True, metavar="FILE.ics")
    p.add_argument("--redact", action="store_true", help="ids instead of titles and names")
    add_common(p)
    p.set_defaults(handler=cmd_calendar)


def cmd_dashboard(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        board = dashboard.build_dashboard(
            vault, embargo_days=args.embargo_days, expiry_days=args.expiry_days
        )
    if args.json:
        print_json(board.to_json())
        return 0
    print(f"Embargoes lifting within {args.embargo_days} days")
    print_table(
        ["WHEN", "DAYS", "WHAT", "TITLE", "NOTE"],
        [
            (
                e.lifts_display,
                e.days_left,
                f"{e.kind} {e.id}",
                e.title,
                "OVERDUE" if e.overdue else "awaiting approval" if e.awaiting_approval else None,
            )
            for e in board.embargoes
        ],
    )
    print(f"\nAgreements and usage rights expiring within {args.expiry_days} days")
    print_table(
        ["EXPIRES", "DAYS", "AGREEMENT", "TITLE", "WHAT", "PARTIES"],
        [
            (
                e.expires_display,
                e.days_left,
                e.agreement_id,
                e.title,
                e.detail,
                ", ".join(e.party_names),
            )
            for e in board.expiries
        ],
    )
    print("\nGrants without a covering NDA (exceptions)")
    print_table(
        ["GRANT", "PARTY", "TARGET", "WHY"],
        [
            (g.id, g.party_name, f"{g.target_kind} {g.target_id}", g.exception_reason)
            for g in board.exceptions
        ],
    )
    print("\nCopies issued by an owner's override of the outbound rule (30 days)")
    print_table(
        ["EXCEPTION", "PARTY", "ASSET", "BY", "REASON"],
        [
            (x.id, x.party_name, x.asset_id, x.created_by, x.reason)
            for x in board.outbound_exceptions
        ],
    )
    print("\nOpen incidents")
    print_table(
        ["ID", "TITLE", "ASSET", "OPENED"],
        [(i.id, i.title, i.asset_id, i.opened[:16]) for i in board.incidents],
    )
    print("\nFailed unlock attempts (30 days)")
    print_table(
        ["TIME (UTC)", "USER", "DEVICE", "REASON"],
        [(f.time[:19].replace("T", " "), f.user, f.device, f.reason) for f in board.failed_unlocks],
    )
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        count = calendar_export.export_calendar(vault, Path(args.out), redact=args.redact)
    done(args, {"out": args.out, "events": count}, f"wrote {count} events to {args.out}")
    return 0
