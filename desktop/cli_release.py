"""Command-line handlers for releases, the dashboard, the calendar and the demo vault."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sealroom.desktop.cli_commands import done, open_vault
from sealroom.desktop.cli_io import NEW_PASSWORD_ENV, print_json, print_table
from sealroom.vault import users
from sealroom.vault.release import approvals as release
from sealroom.vault.release.approvals import GuardReport, ReleaseBlockedError
from sealroom.vault.reports import calendar as calendar_export
from sealroom.vault.reports import dashboard


def _print_findings(args: argparse.Namespace, report: GuardReport) -> None:
    if args.json:
        print_json(report.to_json())
        return
    for finding in report.findings:
        print(f"line {finding.line}:{finding.column}: {finding.message}")


def cmd_check(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = release.check_release(vault, args.id)
    if args.json:
        print_json(report.to_json())
    elif not report.checked:
        print(f"{report.asset_id} is not text; the release guard has nothing to read")
    elif report.ok:
        print(f"{report.asset_id}: no placeholders, drafts or stray @handles")
    else:
        _print_findings(args, report)
    return 0 if report.ok else 1


def cmd_release(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        try:
            outcome = release.release_asset(vault, args.asset_id)
        except ReleaseBlockedError as exc:
            _print_findings(args, exc.report)
            raise
    if outcome.state == "awaiting_approval":
        message = (
            f"{outcome.asset_id} is secret: its release waits for another owner or manager "
            f"(`sealroom approve {outcome.asset_id}`)"
        )
    else:
        message = f"released {outcome.asset_id}: its embargo is lifted"
    done(args, outcome.to_json(), message)
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        try:
            outcome = release.approve_release(vault, args.asset_id)
        except ReleaseBlockedError as exc:
            _print_findings(args, exc.report)
            raise
    done(args, outcome.to_json(), f"approved and released {outcome.asset_id}")
    return 0


def cmd_releases(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = release.list_release_requests(vault, pending_only=not args.all)
    if args.json:
        print_json([r.to_json() for r in found])
    else:
        rows = [
            (r.asset_id, r.asset_title, r.version, r.state, r.requested[:16], r.requested_by)
            for r in found
        ]
        print_table(["ASSET", "TITLE", "VERSION", "STATE", "ASKED (UTC)", "BY"], rows)
    return 0


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


def cmd_demo(args: argparse.Namespace) -> int:
    from sealroom.vault.demo import (
        build as demo,  # numpy and the sample images: only for this command
    )

    password = os.environ.get(NEW_PASSWORD_ENV) or demo.DEFAULT_PASSWORD
    users.check_new_password(password)
    summary = demo.build_demo(Path(args.vault), password)
    shown = password if password == demo.DEFAULT_PASSWORD else f"(the one in ${NEW_PASSWORD_ENV})"
    if args.json:
        print_json(
            {
                "vault": str(summary.folder),
                "user": summary.user,
                "second_user": demo.SECOND_MANAGER,
                "password": password if password == demo.DEFAULT_PASSWORD else None,
                "parties": summary.parties,
                "campaigns": summary.campaigns,
                "agreements": summary.agreements,
                "assets": summary.assets,
                "grants": summary.grants,
                "exceptions": summary.exceptions,
                "seconds": round(summary.seconds, 1),
            }
        )
        return 0
    print(
        f"created a demo vault at {summary.folder} in {summary.seconds:.1f} s: "
        f"{summary.parties} parties, {summary.campaigns} campaigns, "
        f"{summary.agreements} agreements, {summary.assets} assets, "
        f"{summary.grants} grants ({summary.exceptions} exceptions)"
    )
    print(f"user: {summary.user}")
    print(f"password: {shown}")
    print(f"second manager, to approve the secret asset's release: {demo.SECOND_MANAGER}"
          " (same password)")
    print(f"try: sealroom dashboard --vault {summary.folder}")
    return 0
