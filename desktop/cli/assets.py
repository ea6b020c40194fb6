"""`sealroom asset ...`: confidential files, their versions and details."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.cli.options import DATE_HELP, bounded, many, when, zone_option
from sealroom.cli.output import done, human_size, print_json, print_table
from sealroom.cli.release import cmd_check
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets import details as asset_details
from sealroom.vault.assets.records import SENSITIVITIES
from sealroom.vault.errors import InvalidInputError

MAX_VERSION = 1_000_000


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    asset = sub.add_parser("asset", help="confidential files").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = asset.add_parser(
        "import", help="encrypt files into the vault (all or nothing)", epilog=DATE_HELP
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--title", metavar="T")
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--sensitivity", choices=SENSITIVITIES, default="confidential")
    p.add_argument("--embargo-until", metavar="DATETIME")
    many(p, "--tag", "T", "tags")
    p.add_argument("--new-version-of", metavar="ID", help="keep the file as a new version")
    p.add_argument("--note", default="", help="what changed (with --new-version-of)")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_asset_import)
    p = asset.add_parser("list", help="list assets")
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--tag", metavar="T")
    add_common(p)
    p.set_defaults(handler=cmd_asset_list)
    p = asset.add_parser("export", help="write a decrypted original to a file")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--version", type=bounded(1, MAX_VERSION), metavar="N", help="an earlier version"
    )
    add_common(p)
    p.set_defaults(handler=cmd_asset_export)
    p = asset.add_parser("delete", help="delete an asset and its encrypted file")
    p.add_argument("id")
    add_common(p)
    p.set_defaults(handler=cmd_asset_delete)

    p = asset.add_parser("edit", help="change title, campaign, sensitivity, embargo, tags")
    p.add_argument("id")
    p.add_argument("--title")
    campaign = p.add_mutually_exclusive_group()
    campaign.add_argument("--campaign", metavar="ID")
    campaign.add_argument("--no-campaign", action="store_true")
    p.add_argument("--sensitivity", choices=SENSITIVITIES)
    p.add_argument("--embargo-until", metavar="DATETIME", help="set or move the embargo")
    p.add_argument("--tag", action="extend", nargs="+", metavar="T", help="replace the tags")
    zone_option(p)
    add_common(p)
    p.set_defaults(handler=cmd_asset_edit)
    p = asset.add_parser("versions", help="an asset's versions")
    p.add_argument("id")
    add_common(p)
    p.set_defaults(handler=cmd_asset_versions)
    p = asset.add_parser("check", help="run the release guard without releasing")
    p.add_argument("id")
    add_common(p)
    p.set_defaults(handler=cmd_check)


def cmd_asset_import(args: argparse.Namespace) -> int:
    """Import files, all or nothing; a file already in the vault is refused with the option
    that keeps it as a new version."""
    if args.title and len(args.files) > 1:
        raise InvalidInputError("--title names one file; import several files without it")
    options = assets.ImportOptions(
        title=args.title,
        campaign_id=args.campaign,
        sensitivity=args.sensitivity,
        embargo_until=when(args, args.embargo_until, "embargo time"),
        tags=tuple(args.tag),
        new_version_of=args.new_version_of,
        note=args.note,
    )
    with open_vault(args) as vault:
        try:
            imported = assets.import_files(vault, [Path(f) for f in args.files], options)
        except assets.DuplicateAssetError as exc:
            raise InvalidInputError(
                f"{exc.path.name} is already in the vault as {exc.existing.id} "
                f"'{exc.existing.title}' (version {exc.version}); nothing was imported. "
                f"To keep it as a new version of an asset, rerun with --new-version-of ID "
                f"(e.g. --new-version-of {exc.existing.id})"
            ) from None
    if args.json:
        print_json([a.to_json() for a in imported] if len(imported) > 1 else imported[0].to_json())
    else:
        for a in imported:
            what = f"version {a.version} of {a.id}" if args.new_version_of else a.id
            embargoed = f", embargoed until {a.embargo_display}" if a.embargoed else ""
            print(f"imported {a.original_name} as {what} ({human_size(a.size)}{embargoed})")
    return 0


def cmd_asset_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = assets.list_assets(vault, args.campaign, args.tag)
    if args.json:
        print_json([a.to_json() for a in found])
    else:
        rows = [
            (
                a.id,
                a.title,
                a.kind,
                human_size(a.size),
                a.sensitivity,
                a.embargo_display if a.embargoed else None,
                a.version,
                a.created[:16],
            )
            for a in found
        ]
        headers = ["ID", "TITLE", "KIND", "SIZE", "SENSITIVITY", "EMBARGO", "V", "IMPORTED"]
        print_table(headers, rows)
    return 0


def cmd_asset_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        out = assets.export_asset(vault, args.id, Path(args.out), version=args.version)
    done(args, {"id": args.id, "out": str(out)}, f"exported {args.id} to {out}")
    return 0


def cmd_asset_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        assets.delete_asset(vault, args.id)
    done(args, {"id": args.id}, f"deleted {args.id}")
    return 0


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
