"""`sealroom preview export` and `sealroom trace`: watermarked previews and leak tracing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from sealroom.desktop.cli_commands import open_vault
from sealroom.desktop.cli_io import print_json, print_table
from sealroom.desktop.cli_outbound import add_outbound_commands
from sealroom.vault.protect import shares, trace

Common = Callable[..., None]
SHOWN_CANDIDATES = 5


def add_watermark_commands(sub: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
    preview = sub.add_parser("preview", help="watermarked previews").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = preview.add_parser(
        "export",
        help="write a preview marked for one party (visible and invisible) and record the share",
    )
    p.add_argument("--asset", required=True, metavar="ID")
    p.add_argument("--party", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE", help=".png, .jpg or .pdf")
    p.add_argument(
        "--max-side",
        type=int,
        default=shares.DEFAULT_MAX_SIDE,
        metavar="N",
        help=f"longest side in pixels (default {shares.DEFAULT_MAX_SIDE})",
    )
    p.add_argument(
        "--no-visible-mark",
        action="store_true",
        help="owner only: invisible fingerprint only (the visible mark deters; keep it if unsure)",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="owner only: issue although the outbound rule refuses; recorded as an exception",
    )
    common(p)
    p.set_defaults(handler=cmd_preview_export)
    add_outbound_commands(preview, common)

    p = sub.add_parser("trace", help="find which recipient a leaked file came from")
    p.add_argument("suspects", nargs="+", metavar="SUSPECT")
    common(p)
    p.set_defaults(handler=cmd_trace)


def cmd_preview_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        share, files = shares.export_preview(
            vault,
            args.asset,
            args.party,
            Path(args.out),
            args.max_side,
            visible=not args.no_visible_mark,
            override_reason=args.override_reason,
        )
    if args.json:
        print_json({**share.to_json(), "files": [str(f) for f in files]})
    else:
        names = ", ".join(str(f) for f in files)
        print(f"wrote {names}: share {share.id} (code {share.share_code}) for {share.party_id}")
    return 0


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
