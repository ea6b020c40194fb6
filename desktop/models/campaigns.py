"""The campaigns table: name, brand, influencers, launch (the embargo), assets, agreements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate
from sealroom.desktop.models.table import Column, RecordTableModel
from sealroom.desktop.widgets.colours import WARNING
from sealroom.vault.parties.campaigns import Campaign
from sealroom.vault.when import now_utc, stamp


def launch_ahead(campaign: Campaign) -> bool:
    return campaign.launch is not None and campaign.launch > stamp(now_utc())


class CampaignsModel(RecordTableModel[Campaign]):
    columns = (
        Column[Campaign](QT_TRANSLATE_NOOP("Column", "Campaign"), lambda c: c.name),
        Column[Campaign](QT_TRANSLATE_NOOP("Column", "Brand"), lambda c: c.brand_name or ""),
        Column[Campaign](
            QT_TRANSLATE_NOOP("Column", "Influencers"),
            lambda c: ", ".join(c.influencer_names),
            sort=lambda c: len(c.influencer_names),
            tooltip=lambda c: "\n".join(c.influencer_names),
        ),
        Column[Campaign](
            QT_TRANSLATE_NOOP("Column", "Launch"),
            lambda c: (c.launch_display or "")[:16],
            sort=lambda c: c.launch or "",
            tooltip=lambda c: c.launch_display or translate("CampaignsModel", "no launch date"),
        ),
        Column[Campaign](
            QT_TRANSLATE_NOOP("Column", "Assets"),
            lambda c: str(c.asset_count), sort=lambda c: c.asset_count, align_right=True,
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_campaign_id, parent=parent)

    def extra_data(self, record: Campaign, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and launch_ahead(record):
            return QBrush(WARNING)
        return None


def _campaign_id(campaign: Campaign) -> str:
    return campaign.id
