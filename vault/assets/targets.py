"""Assets as the columns of the access matrix: a few light fields each, never the full record.

A vault of 100k assets is listed here in one query. Each row is a plain tuple of strings (no
file names, hashes or blob ids): CPython's garbage collector stops tracking such tuples, so 100k
of them add nothing to its pauses. A record class would stay tracked, and a full collection
over 100k records holds the GIL, and with it the GUI thread, for tens of milliseconds.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from sealroom.vault.session import Vault
from sealroom.vault.store import query


class CampaignFilter(Enum):
    ALL = "all"


ALL_CAMPAIGNS: Final = CampaignFilter.ALL
"""`list_asset_targets` with this lists every asset, with a campaign or without."""

AssetTarget = tuple[str, str, str | None, str | None, str, bool]
"""(id, title, campaign id, campaign name, sensitivity, embargoed).

`embargoed` as `Asset.embargoed`: an embargo was set and nobody has released it yet."""

_SELECT = (
    "SELECT a.id, a.title, a.campaign_id, c.name, a.sensitivity,"
    " a.embargo_until IS NOT NULL AND a.released IS NULL"
    " FROM assets a LEFT JOIN campaigns c ON c.id = a.campaign_id"
)


def list_asset_targets(
    vault: Vault, campaign_id: str | CampaignFilter | None = ALL_CAMPAIGNS
) -> list[AssetTarget]:
    """The assets of a campaign (`None`: those without a campaign; `ALL_CAMPAIGNS`: every
    asset), oldest first, with what a column of the access matrix shows. One audit event."""
    vault.require_content("list assets")
    params: tuple[str, ...] = ()
    if campaign_id is ALL_CAMPAIGNS:
        where, obj, reason = "", "", ""
    elif campaign_id is None:
        where, obj, reason = " WHERE a.campaign_id IS NULL", "", "without a campaign"
    else:
        where, obj, reason = " WHERE a.campaign_id = ?", campaign_id, ""
        params = (campaign_id,)
    vault.record_listing("asset.list", obj, reason)
    rows = query(vault.conn, f"{_SELECT}{where} ORDER BY a.created, a.rowid", params)
    shared: dict[str, str] = {}  # one string per campaign id, name or level, not one per row
    return [
        (
            str(asset_id),
            str(title),
            None if cid is None else shared.setdefault(cid, cid),
            None if name is None else shared.setdefault(name, name),
            shared.setdefault(sensitivity, sensitivity),
            bool(embargoed),
        )
        for asset_id, title, cid, name, sensitivity, embargoed in rows
    ]
