"""Command-line handlers for campaigns, agreements, asset details and access grants."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.desktop.cli_commands import done, open_vault
from sealroom.desktop.cli_io import human_size, print_json, print_table
from sealroom.vault.access import grants
from sealroom.vault.agreements import contracts as agreements
from sealroom.vault.agreements.records import Agreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets import details as asset_details
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.parties import campaigns
from sealroom.vault.when import When, parse_when


def when(args: argparse.Namespace, text: str | None, what: str, end: bool = False) -> When | None:
    """A date option parsed with the command's --zone; None if the option was not given."""
    if text is None:
        return None
    return parse_when(text, getattr(args, "zone", None), end_of_day=end, what=what)


def _day(text: str | None) -> str:
    return text[:10] if text else "-"


# -- campaigns ----------------------------------------------------------------------------------


def cmd_campaign_add(args: argparse.Namespace) -> int:
    launch = when(args, args.launch, "launch")
    with open_vault(args) as vault:
        found = campaigns.add_campaign(
            vault, args.name, args.brand, launch, args.influencer, args.notes
        )
    shown = f", launching {found.launch_display}" if found.launch_display else ""
    done(args, found.to_json(), f"added campaign {found.name} as {found.id}{shown}")
    return 0


def cmd_campaign_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = campaigns.list_campaigns(vault)
    if args.json:
        print_json([c.to_json() for c in found])
    else:
        rows = [
            (
                c.id,
                c.name,
                c.brand_name,
                c.launch_display,
                ", ".join(c.influencer_names) or None,
                c.asset_count,
            )
            for c in found
        ]
        print_table(["ID", "NAME", "BRAND", "LAUNCH", "INFLUENCERS", "ASSETS"], rows)
    return 0


def cmd_campaign_edit(args: argparse.Namespace) -> int:
    launch = when(args, args.launch, "launch")
    with open_vault(args) as vault:
        found = campaigns.edit_campaign(
            vault,
            args.id,
            name=args.name,
            brand_id=args.brand,
            launch=launch,
            clear_launch=args.no_launch,
            influencer_ids=args.influencer,
            notes=args.notes,
        )
    done(args, found.to_json(), f"updated campaign {found.id}")
    return 0


# -- agreements ---------------------------------------------------------------------------------


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
                _day(a.effective_display),
                _day(a.expires_display),
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
        ("confidential until", _day(agreement.confidential_until_display)),
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


# -- asset details ------------------------------------------------------------------------------


def cmd_asset_edit(args: argparse.Namespace) -> int:
    embargo = when(args, args.embargo_until, "embargo time")
    with open_vault(args) as vault:
        found = asset_details.edit_asset(
            vault,
            args.id,
            title=args.title,
            campaign_id=args.campaign,
            clear_campaign=args.no_campaign,
            sensitivity=args.sensitivity,
            embargo_until=embargo,
            tags=args.tag,
        )
    done(args, found.to_json(), f"updated asset {found.id}")
    return 0


def cmd_asset_versions(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = assets.list_versions(vault, args.id)
    if args.json:
        print_json([v.to_json() for v in found])
    else:
        rows = [
            (
                v.version,
                v.original_name,
                human_size(v.size),
                v.sha256[:12],
                v.created[:16],
                v.created_by,
                "current" if v.current else None,
                v.note or None,
            )
            for v in found
        ]
        headers = ["VERSION", "FILE", "SIZE", "SHA-256", "ADDED", "BY", "", "NOTE"]
        print_table(headers, rows)
    return 0


# -- access grants ------------------------------------------------------------------------------


def cmd_grant(args: argparse.Namespace) -> int:
    valid_from = when(args, args.valid_from, "start")
    valid_until = when(args, args.until, "end date", end=True)
    with open_vault(args) as vault:
        found = grants.grant_access(
            vault,
            args.party,
            asset_id=args.asset,
            campaign_id=args.campaign,
            level=args.level,
            valid_from=valid_from,
            valid_until=valid_until,
            agreement_id=args.agreement,
            override_reason=args.override_reason,
        )
    message = f"granted {found.party_name} {found.level} access to {found.target_kind} "
    message += f"{found.target_id} as {found.id}"
    if found.exception:
        message += f" (EXCEPTION: {found.exception_reason})"
    elif found.covering_nda_id:
        message += f" under NDA {found.covering_nda_id}"
    done(args, found.to_json(), message)
    return 0


def cmd_grants(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = grants.list_grants(
            vault,
            party_id=args.party,
            asset_id=args.asset,
            campaign_id=args.campaign,
            include_inactive=args.all,
            exceptions_only=args.exceptions,
        )
    if args.json:
        print_json([g.to_json() for g in found])
    else:
        rows = [
            (
                g.id,
                g.party_name,
                f"{g.target_kind} {g.target_id}",
                g.level,
                _day(g.valid_until_display),
                g.state,
                f"EXCEPTION: {g.exception_reason}" if g.exception else g.covering_nda_id,
            )
            for g in found
        ]
        print_table(["ID", "PARTY", "TARGET", "LEVEL", "UNTIL", "STATE", "NDA"], rows)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = grants.revoke_grant(vault, args.grant_id, args.reason)
    done(args, found.to_json(), f"revoked {found.id} ({found.party_name}, {found.target_id})")
    return 0
