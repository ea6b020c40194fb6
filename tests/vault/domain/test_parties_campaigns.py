"""Party handles and deletion, campaigns, and the schema-1 vault upgrading to this schema."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.parties import campaigns
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, now_utc

DATA = Path(__file__).parent.parent.parent / "data"
Snapshot = Callable[[], dict[str, Any]]


def test_handles_are_cleaned_unique_and_removable(vault: Vault) -> None:
    maya = parties.add_party(vault, "Maya", "influencer", handle="@Maya.Okafor")
    assert (maya.handle, maya.mention) == ("Maya.Okafor", "@Maya.Okafor")
    with pytest.raises(InvalidInputError, match="already the handle of Maya"):
        parties.add_party(vault, "Copycat", "influencer", handle="maya.okafor")
    with pytest.raises(InvalidInputError, match="is not a social-media handle"):
        parties.add_party(vault, "Spaces", "influencer", handle="two words")
    assert parties.edit_party(vault, maya.id, handle="").handle is None
    assert vault.audit.events(limit=1)[0].reason == "changed handle"


def test_delete_needs_a_reason_and_happens_once(vault: Vault, snapshot: Snapshot) -> None:
    brand = parties.add_party(vault, "Northwind", "brand")
    before = snapshot()
    with pytest.raises(InvalidInputError, match="say why"):
        parties.delete_party(vault, brand.id, "")
    assert snapshot() == before
    deleted = parties.delete_party(vault, brand.id, "duplicate entry")
    assert deleted.deleted is not None
    with pytest.raises(InvalidInputError, match="already deleted"):
        parties.delete_party(vault, brand.id, "again")
    with pytest.raises(InvalidInputError, match="deleted party cannot be a campaign's brand"):
        campaigns.add_campaign(vault, "Spring", brand.id)


def test_campaign_brand_influencers_and_launch(vault: Vault, snapshot: Snapshot) -> None:
    brand = parties.add_party(vault, "Northwind", "brand", handle="northwind")
    ines = parties.add_party(vault, "Ines", "influencer", handle="ines.k")
    launch = When(now_utc() + timedelta(days=9), "America/New_York")
    made = campaigns.add_campaign(vault, "Spring", brand.id, launch, [ines.id, ines.id], "notes")
    assert (made.brand_name, made.influencer_names, made.launch) == (
        "Northwind",
        ("Ines",),
        launch.text,
    )
    assert made.launch_display is not None and made.launch_display.endswith("America/New_York")
    assert campaigns.campaign_handles(vault, made.id) == {"northwind", "ines.k"}
    before = snapshot()
    with pytest.raises(InvalidInputError, match=r"Ines .* is an influencer, not a brand"):
        campaigns.add_campaign(vault, "Bad", ines.id)
    with pytest.raises(InvalidInputError, match="is a brand, not an influencer"):
        campaigns.add_campaign(vault, "Bad", brand.id, influencer_ids=[brand.id])
    with pytest.raises(InvalidInputError, match="needs a name"):
        campaigns.add_campaign(vault, " ")
    with pytest.raises(NotFoundError):
        campaigns.edit_campaign(vault, "cmp_missing", name="x")
    assert snapshot() == before
    edited = campaigns.edit_campaign(vault, made.id, clear_launch=True, influencer_ids=[])
    assert edited.launch is None and edited.influencer_ids == ()
    assert vault.audit.events(limit=1)[0].reason == "changed launch, influencers"
    (listed,) = campaigns.list_campaigns(vault)
    assert listed.id == made.id and listed.asset_count == 0


def test_schema1_vault_gains_versions_and_defaults(tmp_path: Path) -> None:
    folder = tmp_path / "vault-schema1"
    shutil.copytree(DATA / "vault-schema1", folder)
    with Vault.unlock(folder, "owner", "golden-owner-pw") as vault:
        (version,) = query(vault.conn, "PRAGMA user_version")[0]
        assert version >= 2
        brief = assets.get_asset(vault, "ast_124bfc8fce03")
        assert (brief.version, brief.sensitivity, brief.embargoed) == (1, "confidential", False)
        (first,) = assets.list_versions(vault, brief.id)
        assert (first.sha256, first.blob_id, first.current) == (brief.sha256, brief.blob_id, True)
        party = parties.get_party(vault, "pty_3c0bf2602cbb")
        assert (party.handle, party.deleted) == (None, None)
