"""The vault calls of share packages: list, check before issuing, issue in a batch, revoke,
import a receipt. Each runs on the vault thread.

Checking runs the outbound rule for every (recipient, asset) pair without recording anything,
so the dialog can show which recipients would be refused and why before a package is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sealroom.crypto import sharepkg
from sealroom.crypto.keyslots import Role
from sealroom.crypto.receipt import MAX_RECEIPT
from sealroom.desktop.tasks.changed import PACKAGES, SHARES
from sealroom.desktop.workers import Job, changes
from sealroom.vault.access.coverage import CoverageIndex
from sealroom.vault.agreements.records import load_agreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.clock import now_utc
from sealroom.vault.errors import NotFoundError
from sealroom.vault.parties import campaigns as campaign_records
from sealroom.vault.parties import directory as parties
from sealroom.vault.parties.directory import Party
from sealroom.vault.partner.opening import read_package_file
from sealroom.vault.protect import outbound, package_receipts, package_records, shares
from sealroom.vault.protect.package_records import Package
from sealroom.vault.protect.packages_batch import BatchResult, issue_batch
from sealroom.vault.session import Vault


@dataclass(frozen=True)
class PackageRow:
    package: Package
    party_name: str
    asset_titles: tuple[str, ...]
    nda_titles: tuple[str, ...]
    status: str
    """revoked, accepted, expired (its window is over and no receipt came) or issued."""

    @property
    def id(self) -> str:
        return self.package.id


def package_status(package: Package, now: str) -> str:
    if package.status == "issued" and package.not_after < now:
        return "expired"
    return package.status


def list_packages(vault: Vault, job: Job) -> list[PackageRow]:
    names = {p.id: p.name for p in parties.list_parties(vault, include_deleted=True, lookup=True)}
    found = package_records.list_packages(vault)
    titles = assets.asset_titles(vault, sorted({a for p in found for a in p.asset_ids}))
    now = sharepkg.stamp(now_utc())
    ndas = {n: _nda_title(vault, n) for n in {n for p in found for n in p.nda_ids}}
    return [
        PackageRow(
            p,
            names.get(p.party_id, p.party_id),
            tuple(titles.get(a, a) for a in p.asset_ids),
            tuple(ndas[n] for n in p.nda_ids),
            package_status(p, now),
        )
        for p in found
    ]


@dataclass(frozen=True)
class PackageChoices:
    assets: list[tuple[str, str]]
    """(id, title) of the assets a package can hold (images and PDFs)."""
    parties: list[Party]
    chosen_assets: tuple[str, ...] = ()
    chosen_parties: tuple[str, ...] = ()
    owner: bool = False
    """Whether the person may override the outbound rule with a written reason."""


def package_choices(
    vault: Vault, job: Job, asset_ids: list[str], campaign_id: str | None
) -> PackageChoices:
    """What the dialog offers, with the assets (and, for a campaign, its brand and influencers)
    ticked in advance."""
    offered = shares.shareable_assets(vault)
    chosen_parties: tuple[str, ...] = ()
    if campaign_id:
        campaign = campaign_records.get_campaign(vault, campaign_id)
        held = {a.id for a in assets.list_assets(vault, campaign_id, lookup=True)}
        asset_ids = [a for a, _ in offered if a in held]
        brand = (campaign.brand_id,) if campaign.brand_id else ()
        chosen_parties = brand + campaign.influencer_ids
    shareable = {a for a, _ in offered}
    return PackageChoices(
        offered,
        [p for p in parties.list_parties(vault, lookup=True) if not p.deleted],
        tuple(a for a in asset_ids if a in shareable),
        chosen_parties,
        vault.role is Role.OWNER,
    )


@dataclass(frozen=True)
class RecipientCheck:
    """The outbound rule's answer for one recipient and the chosen assets."""

    party_id: str
    party_name: str
    has_key: bool
    """Whether the recipient recorded an age key (otherwise only a passphrase package)."""
    refused: tuple[tuple[str, str], ...]
    """(asset title, the rules that fail, in short) of each asset refused (empty: allowed)."""
    ndas: tuple[str, ...]
    """Titles of the NDAs the package would be issued under."""
    assets: int = 0
    """How many assets were checked."""

    @property
    def allowed(self) -> bool:
        return not self.refused


def check_recipients(
    vault: Vault, job: Job, party_ids: list[str], asset_ids: list[str]
) -> list[RecipientCheck]:
    """The rule for every chosen (recipient, asset) pair; nothing is recorded."""
    index = CoverageIndex(vault, now_utc())
    titles = assets.asset_titles(vault, asset_ids)
    nda_titles: dict[str, str] = {}
    checks = []
    for party_id in party_ids:
        party = parties.get_party(vault, party_id)
        refused: list[tuple[str, str]] = []
        ndas: list[str] = []
        for asset_id in asset_ids:
            check = outbound.check_outbound(vault, party_id, asset_id, index=index)
            if check.problems:
                short = "; ".join(logged for _, logged in check.problems)
                refused.append((titles.get(asset_id, asset_id), short))
            if check.nda_id:
                if check.nda_id not in nda_titles:
                    nda_titles[check.nda_id] = _nda_title(vault, check.nda_id)
                if nda_titles[check.nda_id] not in ndas:
                    ndas.append(nda_titles[check.nda_id])
        checks.append(
            RecipientCheck(
                party.id,
                party.name,
                bool(party.age_recipient),
                tuple(refused),
                tuple(ndas),
                len(asset_ids),
            )
        )
    return checks


def _nda_title(vault: Vault, nda_id: str) -> str:
    try:
        return load_agreement(vault, nda_id).title
    except NotFoundError:
        return nda_id


@dataclass(frozen=True)
class PackageFields:
    party_ids: list[str]
    asset_ids: list[str]
    out_dir: Path
    not_before: datetime
    not_after: datetime
    passphrase: bool
    override_reason: str = ""


@changes(PACKAGES, SHARES)
def issue_packages(vault: Vault, job: Job, fields: PackageFields) -> BatchResult:
    """One package per recipient; progress per recipient; Cancel stops before the next one."""
    job.progress(0, len(fields.party_ids))
    return issue_batch(
        vault,
        fields.party_ids,
        fields.asset_ids,
        fields.out_dir,
        not_before=fields.not_before,
        not_after=fields.not_after,
        passphrase=fields.passphrase,
        override_reason=fields.override_reason or None,
        progress=job.progress,
        cancelled=job.cancelled,
    )


@changes(PACKAGES, SHARES)
def revoke_package(vault: Vault, job: Job, package_id: str, reason: str) -> Package:
    return package_records.revoke_package(vault, package_id, reason)


@changes(PACKAGES)
def import_receipt(vault: Vault, job: Job, path: Path) -> Package:
    return package_receipts.import_receipt(vault, read_package_file(path, MAX_RECEIPT + 1))
