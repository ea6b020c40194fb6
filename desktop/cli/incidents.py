"""`sealroom incident ...`: leak cases, from a trace or by hand, to the evidence pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault import incidents, incidents_case, incidents_pack
from sealroom.vault.incidents_case import IncidentCase
from sealroom.vault.protect import trace


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    incident = sub.add_parser("incident", help="leak cases and their evidence packs")
    actions = incident.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("open", help="open a case from a traced file, or by hand")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--from-trace", nargs="+", metavar="FILE", help="suspect files: traced, then kept"
    )
    source.add_argument("--asset", metavar="ID", help="the leaked asset (a case opened by hand)")
    p.add_argument("--title", default="", help="what the case is (needed with --asset)")
    add_common(p)
    p.set_defaults(handler=cmd_open)
    p = actions.add_parser("list", help="list cases, newest first")
    p.add_argument("--status", choices=incidents.STATUSES)
    add_common(p)
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser("show", help="show one case: candidates, agreements, timeline, notes")
    p.add_argument("id")
    add_common(p)
    p.set_defaults(handler=cmd_show)
    p = actions.add_parser("status", help="move a case on (open, confirmed, dismissed, closed)")
    p.add_argument("id")
    p.add_argument("status", choices=incidents.STATUSES)
    p.add_argument("--reason", default="", help="why (sealed in the audit log)")
    add_common(p)
    p.set_defaults(handler=cmd_status)
    p = actions.add_parser("note", help="add a note (sealed in the audit log)")
    p.add_argument("id")
    p.add_argument("text")
    add_common(p)
    p.set_defaults(handler=cmd_note)
    p = actions.add_parser("export", help="write the evidence pack (PDF) into a folder")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="DIR")
    add_common(p)
    p.set_defaults(handler=cmd_export)


def cmd_open(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.from_trace:
            reports = trace.trace_files(vault, [Path(f) for f in args.from_trace])
            found = incidents.open_from_trace(vault, reports, args.title)
        else:
            found = incidents.open_incident(vault, args.title, args.asset)
    done(args, found.to_json(), f"opened incident {found.id}: {found.title}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = incidents.list_incidents(vault, args.status or "")
    if args.json:
        print_json([i.to_json() for i in found])
    else:
        print_table(
            ["ID", "STATUS", "OPENED", "ASSET", "TITLE"],
            [(i.id, i.status, i.opened[:16], i.asset_id or "", i.title) for i in found],
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = incidents_case.show_case(vault, args.id)
    if args.json:
        print_json(case.to_json())
    else:
        _print_case(case)
    return 0


def _print_case(case: IncidentCase) -> None:
    i = case.incident
    print(f"{i.id}: {i.title} [{i.status}]")
    print(f"  opened {i.opened} by {i.opened_by} ({i.source})")
    if i.asset_id:
        print(f"  asset {i.asset_id} {case.asset_title} version {i.asset_version}")
    for s in case.suspects:
        print(f"  suspect {s.name} ({s.size:,} bytes, {s.verdict})")
    if case.candidates:
        print_table(
            ["  PARTY", "NAME", "SCORE", "P(INNOCENT SCORES THIS HIGH)", "NAMED"],
            [(c.party_id, c.party_name, f"{c.score:.1f}", f"{c.p_false:.2g}",
              "yes" if c.accused else "") for c in case.candidates],
        )
    for party_id, signed in case.agreements.items():
        for a in signed:
            print(f"  {case.party_names.get(party_id, party_id)} signed {a.kind} "
                  f"\"{a.title}\" ({a.status})")
    for t in case.timeline:
        who = case.party_names.get(t.party_id, t.party_id)
        print(f"  {t.time[:16]}  {t.what}" + (f"  {who}" if who else ""))
    for n in case.notes:
        print(f"  note {n.time[:16]} {n.author}: {n.text}")


def cmd_status(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = incidents.set_status(vault, args.id, args.status, args.reason)
    done(args, found.to_json(), f"incident {found.id} is now {found.status}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = incidents.add_note(vault, args.id, args.text)
    done(args, note.__dict__, f"note added to incident {args.id}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        written = incidents_pack.export_pack(vault, args.id, Path(args.out))
    done(args, {"files": [str(p) for p in written]},
         "wrote " + ", ".join(str(p) for p in written))
    return 0
