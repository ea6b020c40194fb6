"""Agreement records: the dataclasses, loading them, and the checks every change runs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, display, from_stamp, now_utc, stamp

AGREEMENT_KINDS = ("nda", "sponsorship", "licence", "talent")
AGREEMENT_STATUSES = ("draft", "sent", "signed", "expired", "terminated")
KIND_LABELS = {
    "nda": "NDA",
    "sponsorship": "sponsorship",
    "licence": "licence / usage rights",
    "talent": "talent agreement",
}
MAX_SURVIVAL_DAYS = 36500

COLUMNS = (
    "id, kind, title, status, effective, expires, zone, survival_days, terminated,"
    " document_blob_id, document_name, document_sha256, document_size, notes, created,"
    " created_by, updated"
)


@dataclass(frozen=True)
class UsageRight:
    """Where and when the licensed content may be used."""

    platforms: tuple[str, ...]
    territory: str
    starts: When
    ends: When | None = None
    id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platforms": list(self.platforms),
            "territory": self.territory,
            "starts": self.starts.text,
            "ends": self.ends.text if self.ends else None,
            "starts_display": self.starts.display(),
            "ends_display": self.ends.display() if self.ends else None,
        }


@dataclass(frozen=True)
class NewAgreement:
    """What a person fills in to record an agreement."""

    kind: str
    title: str
    party_ids: tuple[str, ...]
    effective: When
    expires: When | None = None
    status: str = "draft"
    survival_days: int = 0
    """How long confidentiality survives the agreement's end, in days."""
    campaign_ids: tuple[str, ...] = ()
    asset_ids: tuple[str, ...] = ()
    """Scope. An NDA with no campaigns and no assets covers all the work with its parties."""
    usage_rights: tuple[UsageRight, ...] = ()
    notes: str = ""
    document: Path | None = None
    """The signed document, encrypted into the vault."""


@dataclass(frozen=True)
class Agreement:
    id: str
    kind: str
    title: str
    status: str
    """As recorded; see `status_at` for the status a signed agreement past its expiry has."""
    effective: str
    expires: str | None
    zone: str
    survival_days: int
    terminated: str | None
    document_blob_id: str | None
    document_name: str | None
    document_sha256: str | None
    document_size: int | None
    notes: str
    created: str
    created_by: str
    updated: str
    party_ids: tuple[str, ...] = ()
    party_names: tuple[str, ...] = ()
    campaign_ids: tuple[str, ...] = ()
    asset_ids: tuple[str, ...] = ()
    usage_rights: tuple[UsageRight, ...] = field(default_factory=tuple)

    def status_at(self, now: datetime | None = None) -> str:
        """`expired` for a signed agreement whose expiry has passed; otherwise the status."""
        moment = stamp(now or now_utc())
        if self.status == "signed" and self.expires is not None and self.expires < moment:
            return "expired"
        return self.status

    def in_force(self, now: datetime | None = None) -> bool:
        """Signed, effective and not expired at `now`."""
        moment = stamp(now or now_utc())
        return self.status_at(now) == "signed" and self.effective <= moment

    @property
    def current_status(self) -> str:
        return self.status_at()

    @property
    def general(self) -> bool:
        """No campaigns or assets listed: it covers all the work with its parties."""
        return not self.campaign_ids and not self.asset_ids

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def effective_display(self) -> str:
        return display(self.effective, self.zone) or ""

    @property
    def expires_display(self) -> str | None:
        return display(self.expires, self.zone)

    @property
    def confidential_until(self) -> str | None:
        """UTC instant until which confidentiality survives (end + survival period), if it ends."""
        end = self.terminated or self.expires
        if end is None:
            return None
        return stamp(from_stamp(end) + timedelta(days=self.survival_days))

    @property
    def confidential_until_display(self) -> str | None:
        return display(self.confidential_until, self.zone)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for key in ("party_ids", "party_names", "campaign_ids", "asset_ids"):
            data[key] = list(data[key])
        data["usage_rights"] = [u.to_json() for u in self.usage_rights]
        data["current_status"] = self.current_status
        data["effective_display"] = self.effective_display
        data["expires_display"] = self.expires_display
        data["confidential_until"] = self.confidential_until
        data["confidential_until_display"] = self.confidential_until_display
        data["general"] = self.general
        return data


def load_agreements(vault: Vault, where: str = "", params: tuple[Any, ...] = ()) -> list[Agreement]:
    sql = f"SELECT {COLUMNS} FROM agreements" + (f" WHERE {where}" if where else "")
    rows = query(vault.conn, sql + " ORDER BY effective DESC, id", params)
    if not rows:
        return []
    ids = [r[0] for r in rows]
    parties = _grouped(
        vault,
        "SELECT ap.agreement_id, p.id, p.name FROM agreement_parties ap"
        " JOIN parties p ON p.id = ap.party_id ORDER BY p.name",
    )
    campaigns = _grouped(vault, "SELECT agreement_id, campaign_id, '' FROM agreement_campaigns")
    assets = _grouped(vault, "SELECT agreement_id, asset_id, '' FROM agreement_assets")
    rights: dict[str, list[UsageRight]] = {}
    zones = {r[0]: r[6] for r in rows}
    for right_id, agreement_id, platforms, territory, starts, ends in query(
        vault.conn,
        "SELECT id, agreement_id, platforms, territory, starts, ends FROM usage_rights"
        " ORDER BY starts, id",
    ):
        if agreement_id not in zones:
            continue
        zone = zones[agreement_id]
        rights.setdefault(agreement_id, []).append(
            UsageRight(
                tuple(p for p in platforms.split(",") if p),
                territory,
                When.stored(starts, zone),
                When.stored(ends, zone) if ends else None,
                right_id,
            )
        )
    found = []
    for r, agreement_id in zip(rows, ids, strict=True):
        members = parties.get(agreement_id, [])
        found.append(
            replace(
                Agreement(*r),
                party_ids=tuple(m[0] for m in members),
                party_names=tuple(m[1] for m in members),
                campaign_ids=tuple(sorted(m[0] for m in campaigns.get(agreement_id, []))),
                asset_ids=tuple(sorted(m[0] for m in assets.get(agreement_id, []))),
                usage_rights=tuple(rights.get(agreement_id, [])),
            )
        )
    return found


def _grouped(vault: Vault, sql: str) -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for key, value, label in query(vault.conn, sql):
        grouped.setdefault(str(key), []).append((str(value), str(label)))
    return grouped


def load_agreement(vault: Vault, agreement_id: str) -> Agreement:
    vault.require_content("read agreements")
    found = load_agreements(vault, "id = ?", (agreement_id,))
    if not found:
        raise NotFoundError(f"no agreement with id {agreement_id}")
    return found[0]


def check_dates(effective: When, expires: When | None) -> None:
    if expires is not None and expires.utc <= effective.utc:
        raise InvalidInputError(
            f"the expiry {expires.display()} is not after the effective date "
            f"{effective.display()}; check the order of the dates",
            field="expires",
        )


def check_survival(days: int) -> None:
    if not 0 <= days <= MAX_SURVIVAL_DAYS:
        raise InvalidInputError(
            f"the confidentiality survival period must be 0-{MAX_SURVIVAL_DAYS} days, not {days}",
            field="survival_days",
        )


def clean_usage_right(right: UsageRight) -> UsageRight:
    platforms = tuple(dict.fromkeys(p.strip().lower() for p in right.platforms if p.strip()))
    if not platforms:
        raise InvalidInputError("a usage right names at least one platform (e.g. instagram)")
    if any("," in p for p in platforms):
        raise InvalidInputError("give platforms one by one, without commas inside a name")
    if not right.territory.strip():
        raise InvalidInputError("a usage right names a territory (e.g. worldwide, EU, US)")
    if right.ends is not None and right.ends.utc <= right.starts.utc:
        raise InvalidInputError(
            f"the usage right ends {right.ends.display()}, not after it starts "
            f"{right.starts.display()}; check the order of the dates"
        )
    return UsageRight(platforms, right.territory.strip(), right.starts, right.ends, right.id)


def check_scope(vault: Vault, campaign_ids: tuple[str, ...], asset_ids: tuple[str, ...]) -> None:
    for campaign_id in campaign_ids:
        if not query(vault.conn, "SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,)):
            raise NotFoundError(f"no campaign with id {campaign_id}")
    for asset_id in asset_ids:
        if not query(vault.conn, "SELECT 1 FROM assets WHERE id = ?", (asset_id,)):
            raise NotFoundError(f"no asset with id {asset_id}")
