"""Argument definitions of the domain subcommands: campaigns, agreements, grants, releases,
the dashboard, the calendar and the demo vault. Handlers are in `cli_domain` and `cli_release`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sealroom.desktop import cli_domain as d
from sealroom.desktop import cli_release as r
from sealroom.vault.access.grants import GRANT_LEVELS
from sealroom.vault.agreements.records import AGREEMENT_KINDS, AGREEMENT_STATUSES
from sealroom.vault.assets.records import SENSITIVITIES
from sealroom.vault.when import local_zone_name

Common = Callable[..., None]

DATE_HELP = (
    "Dates are ISO 8601: 2026-03-01 (a day, read in --zone or this computer's zone), "
    "2026-03-01T09:00+01:00 or '2026-03-01T09:00 Europe/Paris'. A time without an offset or "
    "zone name is refused unless --zone is given."
)


def zone_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--zone",
        metavar="ZONE",
        help=f"time zone for dates given without one (default for days: {local_zone_name()})",
    )


def _many(parser: argparse.ArgumentParser, flag: str, metavar: str, help_text: str) -> None:
    parser.add_argument(
        flag, action="extend", nargs="+", default=[], metavar=metavar, help=help_text
    )


def add_campaign_commands(sub: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
    campaign = sub.add_parser("campaign", help="brand launches", epilog=DATE_HELP)
    actions = campaign.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="add a campaign", epilog=DATE_HELP)
    p.add_argument("--name", required=True)
    p.add_argument("--brand", metavar="ID", help="the brand (a party of kind brand)")
    p.add_argument("--launch", metavar="DATETIME", help="launch = embargo time, with its zone")
    _many(p, "--influencer", "ID", "influencers (parties of kind influencer)")
    p.add_argument("--notes", default="")
    zone_option(p)
    common(p)
    p.set_defaults(handler=d.cmd_campaign_add)
    p = actions.add_parser("list", help="list campaigns")
    common(p)
    p.set_defaults(handler=d.cmd_campaign_list)
    p = actions.add_parser("edit", help="change a campaign", epilog=DATE_HELP)
    p.add_argument("id")
    p.add_argument("--name")
    p.add_argument("--brand", metavar="ID")
    launch = p.add_mutually_exclusive_group()
    launch.add_argument("--launch", metavar="DATETIME")
    launch.add_argument("--no-launch", action="store_true", help="remove the launch date")
    p.add_argument(
        "--influencer", action="extend", nargs="+", metavar="ID", help="replace the influencers"
    )
    p.add_argument("--notes")
    zone_option(p)
    common(p)
    p.set_defaults(handler=d.cmd_campaign_edit)


def add_agreement_commands(sub: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
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
        type=int,
        default=0,
        metavar="N",
        help="days confidentiality survives the end",
    )
    _many(p, "--campaign", "ID", "campaigns covered (none and no --asset: all work)")
    _many(p, "--asset", "ID", "assets covered")
    p.add_argument("--file", metavar="F", help="the signed document, encrypted into the vault")
    _many(p, "--platform", "P", "usage rights: platforms (e.g. instagram tiktok)")
    p.add_argument("--territory", metavar="T", help="usage rights: territory (e.g. EU)")
    p.add_argument("--usage-start", metavar="DATE", help="usage rights start (default: effective)")
    p.add_argument("--usage-end", metavar="DATE", help="usage rights end")
    p.add_argument("--notes", default="")
    zone_option(p)
    common(p)
    p.set_defaults(handler=d.cmd_agreement_add)
    p = actions.add_parser("list", help="list agreements")
    p.add_argument("--kind", choices=AGREEMENT_KINDS)
    p.add_argument("--party", metavar="ID")
    common(p)
    p.set_defaults(handler=d.cmd_agreement_list)
    p = actions.add_parser("show", help="one agreement in full")
    p.add_argument("id")
    common(p)
    p.set_defaults(handler=d.cmd_agreement_show)
    p = actions.add_parser("status", help="mark sent, signed, terminated ...")
    p.add_argument("id")
    p.add_argument("status", choices=AGREEMENT_STATUSES)
    p.add_argument("--reason", default="")
    common(p)
    p.set_defaults(handler=d.cmd_agreement_status)
    p = actions.add_parser("edit", help="change dates, survival, notes", epilog=DATE_HELP)
    p.add_argument("id")
    p.add_argument("--title")
    p.add_argument("--effective", metavar="DATE")
    expiry = p.add_mutually_exclusive_group()
    expiry.add_argument("--expires", metavar="DATE")
    expiry.add_argument("--no-expiry", action="store_true")
    p.add_argument("--survival-days", type=int, metavar="N")
    p.add_argument("--notes")
    zone_option(p)
    common(p)
    p.set_defaults(handler=d.cmd_agreement_edit)
    p = actions.add_parser("attach", help="encrypt the signed document into the vault")
    p.add_argument("id")
    p.add_argument("file")
    common(p)
    p.set_defaults(handler=d.cmd_agreement_attach)
    p = actions.add_parser("export", help="write the decrypted document to a file")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    common(p)
    p.set_defaults(handler=d.cmd_agreement_export)


def add_asset_options(p: argparse.ArgumentParser) -> None:
    """Options `asset import` takes beyond the files and the title."""
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--sensitivity", choices=SENSITIVITIES, default="confidential")
    p.add_argument("--embargo-until", metavar="DATETIME")
    _many(p, "--tag", "T", "tags")
    p.add_argument("--new-version-of", metavar="ID", help="keep the file as a new version")
    p.add_argument("--note", default="", help="what changed (with --new-version-of)")
    zone_option(p)


def add_asset_commands(asset: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
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
    common(p)
    p.set_defaults(handler=d.cmd_asset_edit)
    p = asset.add_parser("versions", help="an asset's versions")
    p.add_argument("id")
    common(p)
    p.set_defaults(handler=d.cmd_asset_versions)
    p = asset.add_parser("check", help="run the release guard without releasing")
    p.add_argument("id")
    common(p)
    p.set_defaults(handler=r.cmd_check)


def add_access_commands(sub: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "grant", help="give a party access to an asset or a campaign", epilog=DATE_HELP
    )
    p.add_argument("--party", required=True, metavar="ID")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--asset", metavar="ID")
    target.add_argument("--campaign", metavar="ID")
    p.add_argument("--level", choices=GRANT_LEVELS, default="preview")
    p.add_argument("--from", dest="valid_from", metavar="DATETIME", help="default: now")
    p.add_argument("--until", metavar="DATE", help="last day of access")
    p.add_argument("--agreement", metavar="ID", help="the agreement it is granted under")
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="owner only: grant without a covering NDA; recorded as an exception",
    )
    zone_option(p)
    common(p)
    p.set_defaults(handler=d.cmd_grant)
    p = sub.add_parser("grants", help="list access grants")
    p.add_argument("--party", metavar="ID")
    p.add_argument("--asset", metavar="ID")
    p.add_argument("--campaign", metavar="ID")
    p.add_argument("--all", action="store_true", help="include revoked and ended grants")
    p.add_argument("--exceptions", action="store_true", help="only grants without a covering NDA")
    common(p)
    p.set_defaults(handler=d.cmd_grants)
    p = sub.add_parser("revoke", help="end an access grant")
    p.add_argument("grant_id", metavar="GRANT_ID")
    p.add_argument("--reason", required=True)
    common(p)
    p.set_defaults(handler=d.cmd_revoke)


def add_release_commands(sub: argparse._SubParsersAction, common: Common) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("release", help="lift an asset's embargo (runs the release guard)")
    p.add_argument("asset_id", metavar="ASSET_ID")
    common(p)
    p.set_defaults(handler=r.cmd_release)
    p = sub.add_parser("approve", help="approve another person's release of a secret asset")
    p.add_argument("asset_id", metavar="ASSET_ID")
    common(p)
    p.set_defaults(handler=r.cmd_approve)
    p = sub.add_parser("releases", help="releases waiting for approval")
    p.add_argument("--all", action="store_true", help="include approved and withdrawn ones")
    common(p)
    p.set_defaults(handler=r.cmd_releases)
    p = sub.add_parser("dashboard", help="embargoes, expiries, exceptions, incidents, unlocks")
    p.add_argument("--embargo-days", type=int, default=14, metavar="N")
    p.add_argument("--expiry-days", type=int, default=30, metavar="N")
    common(p)
    p.set_defaults(handler=r.cmd_dashboard)
    p = sub.add_parser("calendar", help="write embargo lifts and expiries to an .ics file")
    p.add_argument("--out", required=True, metavar="FILE.ics")
    p.add_argument("--redact", action="store_true", help="ids instead of titles and names")
    common(p)
    p.set_defaults(handler=r.cmd_calendar)
    p = sub.add_parser("demo", help="create a realistic demo vault")
    p.add_argument("--vault", required=True, metavar="DIR", help="folder for the new vault")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=r.cmd_demo)
