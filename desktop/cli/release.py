"""`sealroom release`, `approve`, `releases` and `asset check`: lifting embargoes through the
release guard, with a second person's approval for secret assets."""

from __future__ import annotations

import argparse

from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.release import approvals as release
from sealroom.vault.release.approvals import GuardReport, ReleaseBlockedError


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("release", help="lift an asset's embargo (runs the release guard)")
    p.add_argument("asset_id", metavar="ASSET_ID")
    add_common(p)
    p.set_defaults(handler=cmd_release)
    p = sub.add_parser("approve", help="approve another person's release of a secret asset")
    p.add_argument("asset_id", metavar="ASSET_ID")
    add_common(p)
    p.set_defaults(handler=cmd_approve)
    p = sub.add_parser("releases", help="releases waiting for approval")
    p.add_argument("--all", action="store_true", help="include approved and withdrawn ones")
    add_common(p)
    p.set_defaults(handler=cmd_releases)


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
