"""The vault calls of the work screens (dashboard, campaigns, agreements, access).

Like tasks.py: each runs on the vault thread, calls use-cases and returns their records. Dates a
person typed are handed to the vault's parser (`parse_when`) here, so its message, naming the
field, reaches the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize

from sealroom.desktop.i18n import translate
from sealroom.desktop.models.access_columns import AssetColumns
from sealroom.desktop.tasks.changed import AGREEMENTS, ASSETS, CAMPAIGNS, GRANTS
from sealroom.desktop.tasks.previews import Preview, render_preview
from sealroom.desktop.workers import Job, changes
from sealroom.vault.access import grants
from sealroom.vault.access.grants import Grant
from sealroom.vault.agreements import contracts as agreements
from sealroom.vault.agreements.contracts import Agreement, NewAgreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets import details as asset_details
from sealroom.vault.assets import targets as asset_targets
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.assets.targets import CampaignFilter
from sealroom.vault.media.files import media_type_of
from sealroom.vault.parties import campaigns
from sealroom.vault.parties import directory as parties
from sealroom.vault.parties.campaigns import Campaign
from sealroom.vault.parties.directory import Party
from sealroom.vault.release import approvals as release
from sealroom.vault.reports import dashboard
from sealroom.vault.session import Vault
from sealroom.vault.when import When, parse_when


def _when(
    text: str, zone: str, what: str, field: str, end_of_day: bool = False
) -> When | None:
    if not text.strip():
        return None
    return parse_when(text, zone, what=what, field=field, end_of_day=end_of_day)


# -- what dialogs choose from -------------------------------------------------------------------


@dataclass(frozen=True)
class Choices:
    parties: list[Party]
    campaigns: list[Campaign]


def choices(vault: Vault, job: Job) -> Choices:
    return Choices(
        parties.list_parties(vault, lookup=True), campaigns.list_campaigns(vault, lookup=True)
    )


# -- dashboard ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardData:
    board: dashboard.Dashboard
    approvals: list[release.ReleaseRequest]
    """Releases of secret assets someone else asked for: this person may approve them."""


def build_dashboard(vault: Vault, job: Job) -> DashboardData:
    board = dashboard.build_dashboard(vault)
    asked = release.list_release_requests(vault)
    mine = vault.actor.user
    return DashboardData(board, [r for r in asked if r.requested_by != mine])


# -- campaigns ----------------------------------------------------------------------------------


def list_campaigns(vault: Vault, job: Job) -> list[Campaign]:
    return campaigns.list_campaigns(vault)


@dataclass(frozen=True)
class CampaignFields:
    name: str
    brand_id: str | None
    launch: str
    zone: str
    influencer_ids: tuple[str, ...]
    notes: str


@changes(CAMPAIGNS)
def save_campaign(
    vault: Vault, job: Job, campaign_id: str | None, fields: CampaignFields
) -> Campaign:
    launch = _when(fields.launch, fields.zone, "launch", "launch")
    if campaign_id is None:
        return campaigns.add_campaign(
            vault, fields.name, fields.brand_id, launch, fields.influencer_ids, fields.notes
        )
    return campaigns.edit_campaign(
        vault,
        campaign_id,
        name=fields.name,
        brand_id=fields.brand_id,
        launch=launch,
        clear_launch=launch is None,
        influencer_ids=fields.influencer_ids,
        notes=fields.notes,
    )


# -- agreements ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementsData:
    agreements: list[Agreement]
    campaign_names: dict[str, str]


def list_agreements(vault: Vault, job: Job) -> AgreementsData:
    found = agreements.list_agreements(vault)
    names = {c.id: c.name for c in campaigns.list_campaigns(vault, lookup=True)}
    return AgreementsData(found, names)


@dataclass(frozen=True)
class AgreementFields:
    kind: str
    title: str
    party_ids: tuple[str, ...]
    effective: str
    expires: str
    zone: str
    status: str
    survival_days: int
    campaign_ids: tuple[str, ...]
    notes: str
    document: Path | None


@changes(AGREEMENTS, GRANTS)
def save_agreement(
    vault: Vault, job: Job, agreement_id: str | None, fields: AgreementFields
) -> Agreement:
    effective = _when(fields.effective, fields.zone, "effective date", "effective")
    expires = _when(fields.expires, fields.zone, "expiry", "expires", end_of_day=True)
    if effective is None:
        # says it is empty
        effective = parse_when("", fields.zone, what="effective date", field="effective")
    if agreement_id is None:
        return agreements.add_agreement(
            vault,
            NewAgreement(
                kind=fields.kind,
                title=fields.title,
                party_ids=fields.party_ids,
                effective=effective,
                expires=expires,
                status=fields.status,
                survival_days=fields.survival_days,
                campaign_ids=fields.campaign_ids,
                notes=fields.notes,
                document=fields.document,
            ),
        )
    saved = agreements.edit_agreement(
        vault,
        agreement_id,
        title=fields.title,
        effective=effective,
        expires=expires,
        clear_expiry=expires is None,
        survival_days=fields.survival_days,
        campaign_ids=fields.campaign_ids,
        notes=fields.notes,
    )
    if fields.document is not None:
        saved = agreements.attach_document(vault, agreement_id, fields.document)
    return saved


@changes(AGREEMENTS, GRANTS)
def set_agreement_status(
    vault: Vault, job: Job, agreement_id: str, status: str, reason: str
) -> Agreement:
    return agreements.set_status(vault, agreement_id, status, reason)


def preview_document(vault: Vault, job: Job, agreement_id: str, page: int, size: QSize) -> Preview:
    """The attached document's page, rendered in memory (PDF or image)."""
    agreement = agreements.get_agreement(vault, agreement_id)
    name = agreement.document_name or ""
    data = agreements.read_document(vault, agreement_id)
    media_type = media_type_of(Path(name))
    if not Preview.can_render(media_type):
        return Preview(agreement_id, None, 0, 0, translate(
            "Preview", "No preview for {name}; export it to read it").format(name=name))
    return render_preview(agreement_id, media_type, data, page, size)


def export_document(vault: Vault, job: Job, agreement_id: str, target: Path) -> Path:
    return agreements.export_document(vault, agreement_id, target)


# -- access -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccessData:
    parties: list[Party]
    campaigns: list[Campaign]
    grants: list[Grant]


def access_matrix(vault: Vault, job: Job) -> AccessData:
    """Everyone, every campaign and the grants active or scheduled now; no assets (a vault may
    hold 100k): `access_assets` loads those when the matrix shows assets."""
    return AccessData(
        parties.list_parties(vault),
        campaigns.list_campaigns(vault),
        grants.list_grants(vault),
    )


@dataclass(frozen=True)
class LoadedAssets:
    request: int
    """The number the view gave its request, so it can drop answers it no longer wants."""
    columns: AssetColumns


def access_assets(
    vault: Vault, job: Job, campaign_id: str | CampaignFilter | None, request: int
) -> LoadedAssets:
    """The asset columns of the matrix: every asset, a campaign's, or those of none (None)."""
    return LoadedAssets(request, AssetColumns(asset_targets.list_asset_targets(vault, campaign_id)))


@dataclass(frozen=True)
class GrantFields:
    party_id: str
    asset_id: str | None
    campaign_id: str | None
    level: str
    valid_until: str
    zone: str
    override_reason: str


@changes(GRANTS)
def grant_access(vault: Vault, job: Job, fields: GrantFields) -> Grant:
    until = _when(fields.valid_until, fields.zone, "end date", "valid_until", end_of_day=True)
    return grants.grant_access(
        vault,
        fields.party_id,
        asset_id=fields.asset_id,
        campaign_id=fields.campaign_id,
        level=fields.level,
        valid_until=until,
        override_reason=fields.override_reason or None,
    )


@changes(GRANTS)
def revoke_grant(vault: Vault, job: Job, grant_id: str, reason: str) -> Grant:
    return grants.revoke_grant(vault, grant_id, reason)


# -- asset details and release ------------------------------------------------------------------


@dataclass(frozen=True)
class AssetFields:
    title: str
    campaign_id: str | None
    sensitivity: str
    tags: tuple[str, ...]
    embargo: str
    """A new embargo as typed, or "" to leave the embargo as it is."""
    zone: str


@changes(ASSETS)
def save_asset(vault: Vault, job: Job, asset_id: str, fields: AssetFields) -> Asset:
    return asset_details.edit_asset(
        vault,
        asset_id,
        title=fields.title,
        campaign_id=fields.campaign_id,
        clear_campaign=fields.campaign_id is None,
        sensitivity=fields.sensitivity,
        embargo_until=_when(fields.embargo, fields.zone, "embargo", "embargo_until"),
        tags=fields.tags,
    )


@dataclass(frozen=True)
class Released:
    asset: Asset
    outcome: release.ReleaseOutcome | None
    waiting: release.ReleaseRequest | None = None
    """Someone else asked for this release: the person may approve it (nothing was done)."""


@changes(ASSETS)
def release_asset(vault: Vault, job: Job, asset_id: str, approve: bool) -> Released:
    """Lift the embargo (the vault runs the release guard; secret assets need a second person).

    Without `approve`, a release someone else asked for is returned as `waiting` instead."""
    if approve:
        outcome = release.approve_release(vault, asset_id)
        return Released(assets.get_asset(vault, asset_id), outcome)
    requests = release.list_release_requests(vault, lookup=True)
    asked = [r for r in requests if r.asset_id == asset_id]
    if asked and asked[0].requested_by != vault.actor.user:
        return Released(assets.get_asset(vault, asset_id), None, asked[0])
    outcome = release.release_asset(vault, asset_id)
    return Released(assets.get_asset(vault, asset_id), outcome)
