"""Listings are recorded once per screen per unlock, lookups not at all, and content views and
exports every time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

from sealroom.vault import users
from sealroom.vault.access.grants import list_grants
from sealroom.vault.agreements.contracts import list_agreements
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import campaigns
from sealroom.vault.parties import directory as parties
from sealroom.vault.release.approvals import list_release_requests
from sealroom.vault.reports.dashboard import build_dashboard
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"


def _actions(vault: Vault, since: int) -> Counter[str]:
    return Counter(e.action for e in vault.audit.events(newest_first=False)[since:])


def _photo(path: Path, seed: int) -> Path:
    pixels = np.random.default_rng(seed).integers(0, 255, (120, 160, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


def test_a_session_of_screens_lookups_views_and_exports(vault: Vault, tmp_path: Path) -> None:
    brand = parties.add_party(vault, "Northwind", "brand")
    campaigns.add_campaign(vault, "Spring", brand.id)
    photos = [assets.import_file(vault, _photo(tmp_path / f"p{n}.png", n)) for n in range(3)]
    start = vault.audit.size

    for _visit in range(5):  # the person goes back and forth between screens
        assets.count_assets(vault)
        assets.list_assets_page(vault, offset=0)
        assets.list_assets_page(vault, offset=500)
        parties.list_parties(vault)
        campaigns.list_campaigns(vault)
        list_agreements(vault)
        list_grants(vault)
        list_release_requests(vault)
        build_dashboard(vault)
        users.list_users(vault)
    for _lookup in range(5):  # names and titles to label other things
        parties.list_parties(vault, include_deleted=True, lookup=True)
        campaigns.list_campaigns(vault, lookup=True)
        list_agreements(vault, lookup=True)
        list_release_requests(vault, lookup=True)
        assets.list_assets(vault, lookup=True)
        assert assets.asset_titles(vault, [p.id for p in photos]) == {p.id: p.title for p in photos}
    for n in range(3):  # content is recorded every time
        assets.read_asset(vault, photos[0].id)
        assets.export_asset(vault, photos[0].id, tmp_path / f"copy{n}.png")

    counted = _actions(vault, start)
    assert counted == Counter(
        {
            "asset.list": 1,
            "party.list": 1,
            "campaign.list": 1,
            "agreement.list": 1,
            "grant.list": 1,
            "asset.release.list": 1,
            "dashboard.view": 1,
            "user.list": 1,
            "asset.view": 3,
            "asset.export": 3,
        }
    )


def test_listings_are_recorded_again_after_the_next_unlock(vault_dir: Path) -> None:
    with Vault.create(vault_dir, "owner", PASSWORD) as vault:
        parties.list_parties(vault)
        parties.list_parties(vault)
    for _unlock in range(2):
        with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
            parties.list_parties(vault)
            parties.list_parties(vault)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        assert _actions(vault, 0)["party.list"] == 3


def test_a_listing_of_another_object_is_its_own_event(vault: Vault) -> None:
    northwind = parties.add_party(vault, "Northwind", "brand")
    lumen = parties.add_party(vault, "Lumen", "brand")
    start = vault.audit.size
    for party in (northwind, lumen, northwind):
        list_agreements(vault, party_id=party.id)
    listed = [e.object for e in vault.audit.events(newest_first=False)[start:]]
    assert listed == [northwind.id, lumen.id]
