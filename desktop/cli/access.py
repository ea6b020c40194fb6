"""`sealroom grant`, `grants` and `revoke`: which party may see which asset or campaign."""

from __future__ import annotations

import argparse

from sealroom.cli.options import DATE_HELP, day, when, zone_option
from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.access import grants
from sealroom.vault.access.grants import GRANT_LEVELS


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "grant", help="give a party access to an asset or a campaign", epilog=DATE_HELP
    )
    p.add_argument("--party", required=True, metavar="ID")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--asset", metavar="ID")
    target.add_argument("--campaign", metavar="ID")
    p.add_argument("--level", choices=GRANT_LEVELS, default="preview")
    p.add_argument("--from", dest="valid_from", metavar="DATETIME", help="default: now")
    p.add_argument("--until", metavar="DATE", help="last day of access")
    p.add_argument("--agreement", metavar="ID", help="the agreement it is granted under")
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="owner only: grant without a covering NDA; recorded as an exception",
    )
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_grant)
    p = sub.add_parser("grants", help="list access grants")
    p.add_argument("--party", metavar="ID")
    p.add_argument("--asset", metavar="ID")
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--all", action="store_true", help="include revoked and ended grants")
    p.add_argument("--exceptions", action="store_true", help="only grants without a covering NDA")
    add_common(p)
    p.set_defaults(handler=cmd_grants)
    p = sub.add_parser("revoke", help="end an access grant")
    p.add_argument("grant_id", metavar="GRANT_ID")
    p.add_argument("--reason", required=True)
    add_common(p)
    p.set_defaults(handler=cmd_revoke)


def cmd_grant(args: argparse.Namespace) -> int:
    valid_from = when(args, args.valid_from, "start")
    valid_until = when(args, args.until, "end date", end=True)
    with open_vault(args) as vault:
        found = grants.grant_access(
            vault,
            args.party,
            asset_id=args.asset,
            campaign_id=args.campaign,
            level=args.level,
            valid_from=valid_from,
            valid_until=valid_until,
            agreement_id=args.agreement,
            override_reason=args.override_reason,
        )
    message = f"granted {found.party_name} {found.level} access to {found.target_kind} "
    message += f"{found.target_id} as {found.id}"
    if found.exception:
        message += f" (EXCEPTION: {found.exception_reason})"
    elif found.covering_nda_id:
        message += f" under NDA {found.covering_nda_id}"
    done(args, found.to_json(), message)
    return 0


def cmd_grants(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = grants.list_grants(
            vault,
            party_id=args.party,
            asset_id=args.asset,
            campaign_id=args.campaign,
            include_inactive=args.all,
            exceptions_only=args.exceptions,
        )
    if args.json:
        print_json([g.to_json() for g in found])
    else:
        rows = [
            (
                g.id,
                g.party_name,
                f"{g.target_kind} {g.target_id}",
                g.level,
                day(g.valid_until_display),
                g.state,
                f"EXCEPTION: {g.exception_reason}" if g.exception else g.covering_nda_id,
            )
            for g in found
        ]
        print_table(["ID", "PARTY", "TARGET", "LEVEL", "UNTIL", "STATE", "NDA"], rows)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = grants.revoke_grant(vault, args.grant_id, args.reason)
    done(args, found.to_json(), f"revoked {found.id} ({found.party_name}, {found.target_id})")
    return 0
