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
    p.add_argument(
        "--combined",
        action="store_true",
        help="the suspects are copies of one leak: also test them together (a stronger test)",
    )
    add_common(p)
    p.set_defaults(handler=cmd_trace)


def cmd_trace(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        reports = trace.trace_files(
            vault, [Path(s) for s in args.suspects], combined=args.combined
        )
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
        "summary": data["summary"],
        "accused": data["accused"],
        "near_miss": data["near_miss"],
        "tested": data["tested"],
        "considered": data["considered"],
        "alignment": data["alignment"],
        "candidates": data["candidates"],
        **({"error": data["error"]} if data["error"] else {}),
    }


def _print_report(report: trace.SuspectReport) -> None:
    print(f"{report.suspect}: {report.verdict.upper()}")
    if report.summary and not report.error:
        print(f"  {report.summary}")
    if report.asset_id:
        page = f" page {report.page}" if report.page and report.page > 1 else ""
        title = next((c.title for c in report.considered if c.asset_id == report.asset_id), "")
        print(f"  asset {report.asset_id}{page}" + (f" ({title})" if title else ""))
    others = [c for c in report.considered if c.asset_id != report.asset_id]
    if others:
        print("  also considered (near-duplicates and look-alikes):")
        for c in others:
            tested = f"{c.shares} shares tested" if c.shares else "no shares issued"
            where = f" page {c.page}" if c.page > 1 else ""
            print(f"    {c.asset_id}{where} ({c.title}): {tested}")
    if report.alignment:
        a = report.alignment
        print(
            f"  alignment: {int(a['inliers'])} matched features, correlation "
            f"{a['correlation']:.3f}, {a['coverage']:.0%} of the preview visible"
            + (", mirrored" if a["mirrored"] else "")
        )
    linked = list(report.accused_candidates)
    if report.near_miss is not None:
        linked.append(report.near_miss)
    for held in linked:
        for line in _link_lines(held):
            print(f"  {line}")
    if report.candidates:
        print(f"  odds corrected for {report.tested:,} hypotheses (asset, page, alignment, share)")
        rows = [
            (
                c.party_name or c.party_id,
                c.party_id,
                c.share_id,
                f"{c.score:.1f}" if c.method == "fingerprint" else "blind",
                trace.odds_words(c.p_false),
            )
            for c in report.candidates[:SHOWN_CANDIDATES]
        ]
        print_table(
            ["  RECIPIENT", "PARTY", "SHARE", "SCORE", "P(INNOCENT SCORES THIS HIGH)"],
            [(f"  {r[0]}", *r[1:]) for r in rows],
        )
        rest = len(report.candidates) - SHOWN_CANDIDATES
        if rest > 0:
            print(f"  ... and {rest} more recipients below (use --json for all)")


def _link_lines(c: trace.TraceCandidate) -> list[str]:
    """The share an accused recipient or the near miss holds, and what it was issued under."""
    who = f"{c.party_name or c.party_id} ({c.party_id})"
    links = c.links
    if links is None:
        return [f"{who}: share {c.share_id}"]
    where = f" in package {links.package_id}" if links.package_id else ""
    revoked = f", revoked {links.revoked[:10]}" if links.revoked else ""
    first = (
        f"{who}: share {links.share_code} ({links.share_id}), issued {links.issued[:10]} "
        f"by {links.issued_by}{where}{revoked}"
    )
    if not links.recorded:
        return [first, "    grant and NDA: not recorded (issued before shares recorded them)"]
    under = []
    if links.exception_id:
        under.append(f"owner override {links.exception_id}")
    if links.grant_id:
        target = ", ".join(t for t in (links.grant_level, links.grant_target) if t)
        under.append(f"grant {links.grant_id}" + (f" ({target})" if target else ""))
    elif not links.exception_id:
        under.append("no grant recorded")
    if links.nda_id:
        under.append(f"NDA {links.nda_id}" + (f" ({links.nda_title})" if links.nda_title else ""))
    else:
        under.append("no NDA (none was needed)" if not links.exception_id else "no NDA")
    return [first, "    under " + "; ".join(under)]
