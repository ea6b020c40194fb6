"""`sealroom audit list` and `sealroom verify`: the tamper-evident log and the whole-vault check."""

from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path

from sealroom.cli.options import bounded
from sealroom.cli.output import print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.audit_bundle.export import ExportFilter, export_bundle, parse_time
from sealroom.vault.audit_detail import SEALED
from sealroom.vault.verify import verify_vault

MAX_LIMIT = 1_000_000


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="the tamper-evident access log").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = audit.add_parser("list", help="show recent events")
    p.add_argument("--limit", type=bounded(1, MAX_LIMIT), default=50, metavar="N")
    add_common(p)
    p.set_defaults(handler=cmd_audit_list)

    p = audit.add_parser("export", help="write a signed bundle an auditor checks without the vault")
    p.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder")
    p.add_argument("--since", metavar="T", help="from this date or time (UTC, inclusive)")
    p.add_argument("--until", metavar="T", help="up to this date (inclusive) or time (exclusive)")
    p.add_argument("--party", metavar="ID", help="only events about this party")
    p.add_argument("--asset", metavar="ID", help="only events about this asset")
    p.add_argument("--previous-checkpoint", metavar="F", help="prove the log grew from it")
    p.add_argument("--no-pdf", action="store_true", help="skip report.pdf")
    add_common(p)
    p.set_defaults(handler=cmd_audit_export)

    p = audit.add_parser("verify", help="check an exported bundle (no vault needed)")
    p.add_argument("bundle", metavar="DIR2")
    p.add_argument("--previous-checkpoint", metavar="F", help="a checkpoint you kept earlier")
    p.add_argument("--signer-fingerprint", metavar="FP", help="the vault key you expect")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_audit_verify)

    p = sub.add_parser("verify", help="check every page, blob, event and signature")
    add_common(p)
    p.set_defaults(handler=cmd_verify)


def cmd_audit_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        events = vault.audit.events(limit=args.limit)
        with vault.transaction():
            vault.audit.append("audit.list", reason=f"limit {args.limit}")
    if args.json:
        print_json([e.to_json() for e in events])
    else:
        rows = [
            (
                e.seq,
                e.time[:19].replace("T", " "),
                e.actor,
                e.action,
                e.object,
                e.outcome,
                _detail(e),
            )
            for e in events
        ]
        print_table(["SEQ", "TIME (UTC)", "ACTOR", "ACTION", "OBJECT", "OUTCOME", "DETAIL"], rows)
    return 0


def _detail(event: AuditEvent) -> str:
    """The reason, and a mark where free text is sealed from this reader (an auditor)."""
    if not event.detail:
        return event.reason
    return f"{event.reason} {SEALED}".strip()


def cmd_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = verify_vault(vault)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "problems": report.problems,
                "content_checked": report.content_checked,
                "blobs_checked": report.blobs_checked,
                "events_checked": report.events_checked,
                "checkpoints_checked": report.checkpoints_checked,
            }
        )
    else:
        scope = "vault" if report.content_checked else "audit log (auditor: content not checked)"
        for problem in report.problems:
            print(f"problem: {problem}")
        print(
            f"{'OK' if report.ok else 'FAILED'}: {scope}; {report.blobs_checked} blobs, "
            f"{report.events_checked} audit events, {report.checkpoints_checked} signed checkpoints"
        )
    return 0 if report.ok else 1


def cmd_audit_export(args: argparse.Namespace) -> int:
    flt = ExportFilter(
        since=parse_time(args.since) if args.since else None,
        until=parse_time(args.until, end=True) if args.until else None,
        party=args.party,
        asset=args.asset,
    )
    out = Path(args.out)
    previous = Path(args.previous_checkpoint) if args.previous_checkpoint else None
    with open_vault(args) as vault:
        result = export_bundle(vault, out, flt, previous)
        vault_id = vault.header.vault_id
    if not args.no_pdf:
        from sealroom.vault.audit_bundle.report import write_report

        def pages(done: int, total: int) -> None:
            if done == total or done % max(1, total // 10) == 0:
                print(f"report.pdf: page {done:,} of {total:,}", file=sys.stderr)

        write_report(out, vault_id, pages)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "folder": str(out),
                "events": result.exported,
                "tree_size": result.size,
                "signer": result.fingerprint,
                "ssh_signed": result.ssh_signed,
            }
        )
    else:
        print(
            f"exported {result.exported} of {result.size} events to {out}, "
            f"checkpoint signed by {result.fingerprint}"
        )
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    previous = Path(args.previous_checkpoint) if args.previous_checkpoint else None
    report = verify_bundle(Path(args.bundle), previous, args.signer_fingerprint)
    root = base64.b64encode(report.root).decode()
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "problems": report.problems,
                "notes": report.notes,
                "events": report.events,
                "root": root,
                "signer": report.signer,
            }
        )
    if not report.ok:
        print(f"error: the bundle {args.bundle} failed verification", file=sys.stderr)
    if not args.json:
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        for problem in report.problems:
            print(f"problem: {problem}")
        if report.ok:
            print(f"OK: {report.events} events, root {root}, signed by {report.signer}")
    return 0 if report.ok else 1
