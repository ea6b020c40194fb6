"""Shared pieces of the domain tests, as fixtures (test modules cannot import each other under
`--import-mode=importlib`): a small cast of parties and a campaign, NDAs on demand, and a
snapshot of everything a refused action must leave untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from sealroom.vault.agreements.contracts import NewAgreement, add_agreement
from sealroom.vault.parties import campaigns
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, now_utc


def days_from_now(n: float, zone: str = "UTC") -> When:
    return When(now_utc() + timedelta(days=n), zone)


@pytest.fixture
def snapshot(vault: Vault) -> Callable[[], dict[str, Any]]:
    """Row counts of every table, the audit log's size and the blob files on disk."""

    def take() -> dict[str, Any]:
        tables = [
            r[0]
            for r in query(vault.conn, "SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(r[0]).startswith("sqlite_")
        ]
        state: dict[str, Any] = {
            t: query(vault.conn, f"SELECT count(*) FROM {t}")[0][0] for t in tables
        }
        state["audit events"] = vault.audit.size
        state["audit rows"] = query(vault.conn, "SELECT count(*) FROM audit.events")[0][0]
        state["blob files"] = sorted(
            p.name for p in (vault.folder / "blobs").rglob("*") if p.is_file()
        )
        return state

    return take


@dataclass
class Cast:
    brand: str
    influencer: str
    other: str
    campaign: str


@pytest.fixture
def cast(vault: Vault) -> Cast:
    """A brand, two influencers (Ines in the campaign, Omar not) and a campaign launching in
    10 days."""
    brand = parties.add_party(vault, "Northwind", "brand", handle="northwind")
    ines = parties.add_party(vault, "Ines", "influencer", handle="ines.k")
    omar = parties.add_party(vault, "Omar", "influencer", handle="omar")
    campaign = campaigns.add_campaign(vault, "Spring", brand.id, days_from_now(10), [ines.id])
    return Cast(brand.id, ines.id, omar.id, campaign.id)


@pytest.fixture
def make_nda(vault: Vault) -> Callable[..., str]:
    """`make_nda(party_id, campaigns=(), assets=(), effective=, expires=, status=)` -> id."""

    def make(
        party_id: str,
        campaigns: tuple[str, ...] = (),
        assets: tuple[str, ...] = (),
        effective: When | None = None,
        expires: When | None = None,
        status: str = "signed",
    ) -> str:
        new = NewAgreement(
            kind="nda",
            title="NDA",
            party_ids=(party_id,),
            effective=effective or days_from_now(-30),
            expires=expires or days_from_now(365),
            status=status,
            campaign_ids=campaigns,
            asset_ids=assets,
        )
        return add_agreement(vault, new).id

    return make
