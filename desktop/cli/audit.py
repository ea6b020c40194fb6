"""`sealroom audit list` and `sealroom verify`: the tamper-evident log and the whole-vault check."""

from __future__ import annotations

import argparse

from sealroom.cli.options import bounded
from sealroom.cli.output import print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.audit import AuditEvent
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
