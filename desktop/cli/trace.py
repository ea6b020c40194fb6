"""`sealroom trace`: which recipient a leaked file came from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sealroom.cli.output import print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.protect import trace

SHOWN_CANDIDATES = 5


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("trace", help="find which recipient a leaked file came from")
    p.add_argument("suspects", nargs="+", metavar="SUSPECT")
    add_common(p)
    p.set_defaults(handler=cmd_trace)


def cmd_trace(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        reports = trace.trace_files(vault, [Path(s) for s in args.suspects])
    unreadable = [r for r in reports if r.error]
    if args.json:
        for report in reports:
            print_json(_json_report(report))
    else:
        for report in reports:
            _print_report(report)
    for report in unreadable:
        print(f"error: {report.error}", file=sys.stderr)
    return 1 if unreadable else 0


def _json_report(report: trace.SuspectReport) -> dict[str, object]:
    data = report.to_json()
    return {
        "suspect": data["suspect"],
        "asset_id": data["asset_id"],
        "page": data["page"],
        "verdict": data["verdict"],
        "accused": data["accused"],
        "alignment": data["alignment"],
        "candidates": data["candidates"],
        **({"error": data["error"]} if data["error"] else {}),
    }


def _print_report(report: trace.SuspectReport) -> None:
    print(f"{report.suspect}: {report.verdict.upper()}")
    if report.asset_id:
        page = f" page {report.page}" if report.page and report.page > 1 else ""
        print(f"  asset {report.asset_id}{page}")
    if report.alignment:
        a = report.alignment
        print(
            f"  alignment: {int(a['inliers'])} matched features, correlation "
            f"{a['correlation']:.3f}, {a['coverage']:.0%} of the preview visible"
            + (", mirrored" if a["mirrored"] else "")
        )
    if report.accused:
        print(f"  named: {', '.join(report.accused)}")
    if report.candidates:
        rows = [
            (c.party_id, c.share_id, f"{c.score:.1f}", f"{c.p_false:.2g}")
            for c in report.candidates[:SHOWN_CANDIDATES]
        ]
        print_table(["  PARTY", "SHARE", "SCORE", "P(INNOCENT SCORES THIS HIGH)"], rows)
        rest = len(report.candidates) - SHOWN_CANDIDATES
        if rest > 0:
            print(f"  ... and {rest} more recipients below (use --json for all)")
    elif report.verdict == "no confident match" and report.asset_id:
        print("  no previews of this asset were issued, so there is nobody to test")
