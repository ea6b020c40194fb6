"""The access matrix's asset columns: light records, narrowed to a campaign, audited once."""

from __future__ import annotations

import gc
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.assets.targets import ALL_CAMPAIGNS, list_asset_targets
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.release.approvals import release_asset
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc


def _asset(vault: Vault, tmp_path: Path, name: str, **options: Any) -> str:
    path = tmp_path / f"{name}.png"
    Image.new("RGB", (64, 48), (sum(map(ord, name)) % 256, 10, 200)).save(path)
    return import_files(vault, [path], ImportOptions(title=name, **options))[0].id


@pytest.fixture
def assets(vault: Vault, tmp_path: Path) -> dict[str, str]:
    """Two campaigns with an asset each (the spring one embargoed), and one asset in none."""
    spring = add_campaign(vault, "Spring Glow").id
    summer = add_campaign(vault, "Summer Drop").id
    later = When(now_utc() + timedelta(days=10), "Europe/Paris")
    return {
        "spring": spring,
        "summer": summer,
        "hero": _asset(vault, tmp_path, "hero", campaign_id=spring, embargo_until=later),
        "teaser": _asset(vault, tmp_path, "teaser", campaign_id=summer, sensitivity="secret"),
        "logo": _asset(vault, tmp_path, "logo", sensitivity="internal"),
    }


def test_every_asset_with_its_campaign_oldest_first(vault: Vault, assets: dict[str, str]) -> None:
    found = list_asset_targets(vault)
    assert found == [
        (assets["hero"], "hero", assets["spring"], "Spring Glow", "confidential", True),
        (assets["teaser"], "teaser", assets["summer"], "Summer Drop", "secret", False),
        (assets["logo"], "logo", None, None, "internal", False),
    ]
    gc.collect()
    assert not any(gc.is_tracked(row) for row in found)  # 100k cost the collector nothing
    release_asset(vault, assets["hero"])
    assert list_asset_targets(vault, assets["spring"])[0][-1] is False  # no longer embargoed


def test_narrowed_to_one_campaign_or_to_none(vault: Vault, assets: dict[str, str]) -> None:
    assert [t[0] for t in list_asset_targets(vault, assets["summer"])] == [assets["teaser"]]
    assert [t[0] for t in list_asset_targets(vault, None)] == [assets["logo"]]
    assert [t[0] for t in list_asset_targets(vault, ALL_CAMPAIGNS)] == [
        assets["hero"],
        assets["teaser"],
        assets["logo"],
    ]
    assert list_asset_targets(vault, "cmp_unknown") == []


def test_each_listing_is_one_audit_event(vault: Vault, assets: dict[str, str]) -> None:
    for campaign in (ALL_CAMPAIGNS, assets["spring"], None):
        before = vault.audit.size
        list_asset_targets(vault, campaign)
        (event,) = vault.audit.events(limit=vault.audit.size - before)
        assert event.action == "asset.list"
        assert event.object == (assets["spring"] if campaign == assets["spring"] else "")
        assert event.reason == ("without a campaign" if campaign is None else "")
