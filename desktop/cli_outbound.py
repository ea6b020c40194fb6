"""`sealroom preview request|approve|requests`: a second person's approval of each copy of a
secret asset (the outbound rule, `vault.protect.outbound`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sealroom.desktop.cli_commands import done, open_vault
from sealroom.desktop.cli_io import print_json, print_table
from sealroom.vault.protect import share_approvals

Common = Callable[..., None]


def add_outbound_commands(preview: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
    p = preview.add_parser(
        "request", help="ask another owner or manager to approve a copy of a secret asset"
    )
    p.add_argument("--asset", required=True, metavar="ID")
    p.add_argument("--party", required=True, metavar="ID")
    p.add_argument("--note", default="", metavar="TEXT", help="what the copy is for")
    common(p)
    p.set_defaults(handler=cmd_request)
    p = preview.add_parser("approve", help="approve another person's request for a copy")
    p.add_argument("request_id", metavar="REQUEST_ID")
    common(p)
    p.set_defaults(handler=cmd_approve)
    p = preview.add_parser("requests", help="requests for copies of secret assets")
    p.add_argument("--all", action="store_true", help="include approved and withdrawn ones")
    common(p)
    p.set_defaults(handler=cmd_requests)


def cmd_request(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        request = share_approvals.request_share(vault, args.asset, args.party, args.note)
    done(
        args,
        request.to_json(),
        f"asked for a copy of {request.asset_id} for {request.party_id}: request {request.id}, "
        "waiting for another owner or manager to approve it",
    )
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        request = share_approvals.approve_share(vault, args.request_id)
    done(
        args,
        request.to_json(),
        f"approved request {request.id}: one copy of {request.asset_id} for {request.party_id}",
    )
    return 0


def cmd_requests(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = share_approvals.list_share_requests(vault, pending_only=not args.all)
    if args.json:
        print_json([r.to_json() for r in found])
        return 0
    rows = [
        (
            r.id,
            r.asset_id,
            r.party_name or r.party_id,
            r.state if not r.used_by else f"used by {r.used_by}",
            r.requested[:16],
            r.requested_by,
            r.decided_by,
        )
        for r in found
    ]
    print_table(["REQUEST", "ASSET", "PARTY", "STATE", "ASKED (UTC)", "BY", "APPROVED BY"], rows)
    return 0
