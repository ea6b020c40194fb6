"""`sealroom campaign ...`: brand launches."""

from __future__ import annotations

import argparse

from sealroom.cli.options import DATE_HELP, many, when, zone_option
from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.parties import campaigns


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    campaign = sub.add_parser("campaign", help="brand launches", epilog=DATE_HELP)
    actions = campaign.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="add a campaign", epilog=DATE_HELP)
    p.add_argument("--name", required=True)
    p.add_argument("--brand", metavar="ID", help="the brand (a party of kind brand)")
    p.add_argument("--launch", metavar="DATETIME", help="launch = embargo time, with its zone")
    many(p, "--influencer", "ID", "influencers (parties of kind influencer)")
    p.add_argument("--notes", default="")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_campaign_add)
    p = actions.add_parser("list", help="list campaigns")
    add_common(p)
    p.set_defaults(handler=cmd_campaign_list)
    p = actions.add_parser("edit", help="change a campaign", epilog=DATE_HELP)
    p.add_argument("id")
    p.add_argument("--name")
    p.add_argument("--brand", metavar="ID")
    launch = p.add_mutually_exclusive_group()
    launch.add_argument("--launch", metavar="DATETIME")
    launch.add_argument("--no-launch", action="store_true", help="remove the launch date")
    p.add_argument(
        "--influencer", action="extend", nargs="+", metavar="ID", help="replace the influencers"
    )
    p.add_argument("--notes")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_campaign_edit)


def cmd_campaign_add(args: argparse.Namespace) -> int:
    launch = when(args, args.launch, "launch")
    with open_vault(args) as vault:
        found = campaigns.add_campaign(
            vault, args.name, args.brand, launch, args.influencer, args.notes
        )
    shown = f", launching {found.launch_display}" if found.launch_display else ""
    done(args, found.to_json(), f"added campaign {found.name} as {found.id}{shown}")
    return 0


def cmd_campaign_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = campaigns.list_campaigns(vault)
    if args.json:
        print_json([c.to_json() for c in found])
    else:
        rows = [
            (
                c.id,
                c.name,
                c.brand_name,
                c.launch_display,
                ", ".join(c.influencer_names) or None,
                c.asset_count,
            )
            for c in found
        ]
        print_table(["ID", "NAME", "BRAND", "LAUNCH", "INFLUENCERS", "ASSETS"], rows)
    return 0


def cmd_campaign_edit(args: argparse.Namespace) -> int:
    launch = when(args, args.launch, "launch")
    with open_vault(args) as vault:
        found = campaigns.edit_campaign(
            vault,
            args.id,
            name=args.name,
            brand_id=args.brand,
            launch=launch,
            clear_launch=args.no_launch,
            influencer_ids=args.influencer,
            notes=args.notes,
        )
    done(args, found.to_json(), f"updated campaign {found.id}")
    return 0
