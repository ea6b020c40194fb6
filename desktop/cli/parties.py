"""`sealroom party ...`: brands, influencers, agencies and press."""

from __future__ import annotations

import argparse

from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.parties import directory as parties
from sealroom.vault.parties.directory import PARTY_KINDS


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    party = sub.add_parser("party", help="brands, influencers, agencies, press").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = party.add_parser("add", help="add a party")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=PARTY_KINDS)
    p.add_argument("--email")
    p.add_argument("--org", metavar="ORGANISATION")
    p.add_argument("--handle", metavar="@NAME", help="social-media handle")
    p.add_argument(
        "--age-recipient", metavar="age1...", help="the party's key that share packages use"
    )
    add_common(p)
    p.set_defaults(handler=cmd_party_add)
    p = party.add_parser("list", help="list parties")
    add_common(p)
    p.set_defaults(handler=cmd_party_list)
    p = party.add_parser("edit", help="change a party")
    p.add_argument("id")
    p.add_argument("--name")
    p.add_argument("--kind", choices=PARTY_KINDS)
    p.add_argument("--email")
    p.add_argument("--org", metavar="ORGANISATION")
    p.add_argument("--handle", metavar="@NAME", help="social-media handle ('' removes it)")
    p.add_argument(
        "--age-recipient",
        metavar="age1...",
        help="the party's key that share packages use ('' removes it)",
    )
    add_common(p)
    p.set_defaults(handler=cmd_party_edit)
    p = party.add_parser("delete", help="delete a party and revoke its grants")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    add_common(p)
    p.set_defaults(handler=cmd_party_delete)


def cmd_party_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.add_party(
            vault, args.name, args.kind, args.email, args.org, args.handle, args.age_recipient
        )
    done(args, party.to_json(), f"added {party.kind} {party.name} as {party.id}")
    return 0


def cmd_party_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = parties.list_parties(vault)
    if args.json:
        print_json([p.to_json() for p in found])
    else:
        rows = [(p.id, p.name, p.kind, p.mention, p.email, p.organisation) for p in found]
        print_table(["ID", "NAME", "KIND", "HANDLE", "EMAIL", "ORGANISATION"], rows)
    return 0


def cmd_party_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.edit_party(
            vault,
            args.id,
            name=args.name,
            kind=args.kind,
            email=args.email,
            organisation=args.org,
            handle=args.handle,
            age_recipient=args.age_recipient,
        )
    done(args, party.to_json(), f"updated {party.id}")
    return 0


def cmd_party_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.delete_party(vault, args.id, args.reason)
    done(args, party.to_json(), f"deleted {party.name} ({party.id}); its active grants are revoked")
    return 0
