"""`sealroom agreement ...`: NDAs, sponsorships, licences and talent agreements."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.cli.options import DATE_HELP, DAYS, day, many, when, zone_option
from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.agreements import contracts as agreements
from sealroom.vault.agreements.records import AGREEMENT_KINDS, AGREEMENT_STATUSES, Agreement
from sealroom.vault.errors import InvalidInputError


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agreement = sub.add_parser("agreement", help="NDAs, sponsorships, licences, talent")
    actions = agreement.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="record an agreement", epilog=DATE_HELP)
    p.add_argument("--kind", required=True, choices=AGREEMENT_KINDS)
    p.add_argument("--title", required=True)
    p.add_argument("--party", action="extend", nargs="+", required=True, metavar="ID")
    p.add_argument("--effective", required=True, metavar="DATE")
    p.add_argument("--expires", metavar="DATE", help="last day (a day means through its end)")
    p.add_argument("--status", default="draft", choices=AGREEMENT_STATUSES)
    p.add_argument(
        "--survival-days",
        type=DAYS,
        default=0,
        metavar="N",
        help="days confidentiality survives the end",
    )
    many(p, "--campaign", "ID", "campaigns covered (none and no --asset: all work)")
    many(p, "--asset", "ID", "assets covered")
    p.add_argument("--file", metavar="F", help="the signed document, encrypted into the vault")
    many(p, "--platform", "P", "usage rights: platforms (e.g. instagram tiktok)")
    p.add_argument("--territory", metavar="T", help="usage rights: territory (e.g. EU)")
    p.add_argument("--usage-start", metavar="DATE", help="usage rights start (default: effective)")
    p.add_argument("--usage-end", metavar="DATE", help="usage rights end")
    p.add_argument("--notes", default="")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_agreement_add)
    p = actions.add_parser("list", help="list agreements")
    p.add_argument("--kind", choices=AGREEMENT_KINDS)
    p.add_argument("--party", metavar="ID")
    add_common(p)
    p.set_defaults(handler=cmd_agreement_list)
    p = actions.add_parser("show", help="one agreement in full")
    p.add_argument("id")
    add_common(p)
    p.set_defaults(handler=cmd_agreement_show)
    p = actions.add_parser("status", help="mark sent, signed, terminated ...")
    p.add_argument("id")
    p.add_argument("status", choices=AGREEMENT_STATUSES)
    p.add_argument("--reason", default="")
    add_common(p)
    p.set_defaults(handler=cmd_agreement_status)
    p = actions.add_parser("edit", help="change dates, survival, notes", epilog=DATE_HELP)
    p.add_argument("id")
    p.add_argument("--title")
    p.add_argument("--effective", metavar="DATE")
    expiry = p.add_mutually_exclusive_group()
    expiry.add_argument("--expires", metavar="DATE")
    expiry.add_argument("--no-expiry", action="store_true")
    p.add_argument("--survival-days", type=DAYS, metavar="N")
    p.add_argument("--notes")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_agreement_edit)
    p = actions.add_parser("attach", help="encrypt the signed document into the vault")
    p.add_argument("id")
    p.add_argument("file")
    add_common(p)
    p.set_defaults(handler=cmd_agreement_attach)
    p = actions.add_parser("export", help="write the decrypted document to a file")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    add_common(p)
    p.set_defaults(handler=cmd_agreement_export)


def cmd_agreement_add(args: argparse.Namespace) -> int:
    effective = when(args, args.effective, "effective date")
    assert effective is not None
    expires = when(args, args.expires, "expiry date", end=True)
    rights: tuple[agreements.UsageRight, ...] = ()
    if args.platform or args.territory or args.usage_start or args.usage_end:
        if not args.platform or not args.territory:
            raise InvalidInputError("usage rights need --platform and --territory")
        starts = when(args, args.usage_start, "usage start") or effective
        ends = when(args, args.usage_end, "usage end", end=True)
        rights = (agreements.UsageRight(tuple(args.platform), args.territory, starts, ends),)
    new = agreements.NewAgreement(
        kind=args.kind,
        title=args.title,
        party_ids=tuple(args.party),
        effective=effective,
        expires=expires,
        status=args.status,
        survival_days=args.survival_days,
        campaign_ids=tuple(args.campaign),
        asset_ids=tuple(args.asset),
        usage_rights=rights,
        notes=args.notes,
        document=Path(args.file) if args.file else None,
    )
    with open_vault(args) as vault:
        found = agreements.add_agreement(vault, new)
    done(args, found.to_json(), f"added {found.kind_label} {found.title} as {found.id}")
    return 0


def cmd_agreement_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = agreements.list_agreements(vault, args.kind, args.party)
    if args.json:
        print_json([a.to_json() for a in found])
    else:
        rows = [
            (
                a.id,
                a.kind,
                a.title,
                a.current_status,
                ", ".join(a.party_names),
                day(a.effective_display),
                day(a.expires_display),
                "yes" if a.document_blob_id else None,
            )
            for a in found
        ]
        headers = ["ID", "KIND", "TITLE", "STATUS", "PARTIES", "EFFECTIVE", "EXPIRES", "DOC"]
        print_table(headers, rows)
    return 0


def _describe(agreement: Agreement) -> list[tuple[str, object]]:
    scope = "all work with its parties" if agreement.general else ""
    if agreement.campaign_ids:
        scope += "campaigns " + ", ".join(agreement.campaign_ids)
    if agreement.asset_ids:
        scope += ("; " if scope else "") + "assets " + ", ".join(agreement.asset_ids)
    lines: list[tuple[str, object]] = [
        ("id", agreement.id),
        ("kind", agreement.kind_label),
        ("title", agreement.title),
        ("status", agreement.current_status),
        (
            "parties",
            ", ".join(
                f"{n} ({i})"
                for n, i in zip(agreement.party_names, agreement.party_ids, strict=True)
            ),
        ),
        ("effective", agreement.effective_display),
        ("expires", agreement.expires_display or "never"),
        ("confidential until", day(agreement.confidential_until_display)),
        ("scope", scope),
        ("document", agreement.document_name),
    ]
    for right in agreement.usage_rights:
        ends = right.ends.display() if right.ends else "no end"
        text = (
            f"{', '.join(right.platforms)} in {right.territory}, {right.starts.display()} - {ends}"
        )
        lines.append(("usage rights", text))
    if agreement.notes:
        lines.append(("notes", agreement.notes))
    return lines


def cmd_agreement_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = agreements.view_agreement(vault, args.id)
    if args.json:
        print_json(found.to_json())
    else:
        for label, value in _describe(found):
            print(f"{label + ':':<20}{value if value is not None else '-'}")
    return 0


def cmd_agreement_status(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = agreements.set_status(vault, args.id, args.status, args.reason)
    done(args, found.to_json(), f"{found.id} is now {found.current_status}")
    return 0


def cmd_agreement_edit(args: argparse.Namespace) -> int:
    effective = when(args, args.effective, "effective date")
    expires = when(args, args.expires, "expiry date", end=True)
    with open_vault(args) as vault:
        found = agreements.edit_agreement(
            vault,
            args.id,
            title=args.title,
            effective=effective,
            expires=expires,
            clear_expiry=args.no_expiry,
            survival_days=args.survival_days,
            notes=args.notes,
        )
    done(args, found.to_json(), f"updated agreement {found.id}")
    return 0


def cmd_agreement_attach(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = agreements.attach_document(vault, args.id, Path(args.file))
    done(args, found.to_json(), f"attached {found.document_name} to {found.id}")
    return 0


def cmd_agreement_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        out = agreements.export_document(vault, args.id, Path(args.out))
    done(args, {"id": args.id, "out": str(out)}, f"exported the document of {args.id} to {out}")
    return 0
