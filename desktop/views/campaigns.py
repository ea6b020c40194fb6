"""The Campaigns screen: each brand launch with its influencers, assets and agreements."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP
from sealroom.desktop.models.campaigns import CampaignsModel, launch_ahead
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.changed import ASSETS, CAMPAIGNS, PARTIES
from sealroom.desktop.views.campaign_dialog import CampaignDialog
from sealroom.desktop.views.package_dialog import open_package_dialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.parties.campaigns import Campaign


class CampaignsView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Campaigns")
    watches = frozenset({ASSETS, CAMPAIGNS, PARTIES})
    new_label = QT_TRANSLATE_NOOP("Section", "New campaign…")
    legend = QT_TRANSLATE_NOOP(
        "Legend", "Orange launch: still ahead, so the assets of the campaign are under embargo."
    )
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "No campaigns yet.\n\nA campaign groups a brand's launch, its influencers, assets "
            "and agreements; its launch date is the embargo of its assets (Ctrl+N).",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.campaigns = CampaignsModel()
        super().__init__(ctx, self.campaigns)
        self.set_column_widths({1: 124, 2: 150, 3: 124, 4: 56}, stretch=0)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.add_button(self.tr("New…"), self.new_item, self.tr("New campaign (Ctrl+N)"))
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Brand"), QT_TRANSLATE_NOOP("Facts", "Launch"),
             QT_TRANSLATE_NOOP("Facts", "Influencers"), QT_TRANSLATE_NOOP("Facts", "Assets"),
             QT_TRANSLATE_NOOP("Facts", "Agreements"), QT_TRANSLATE_NOOP("Facts", "Notes"),
             QT_TRANSLATE_NOOP("Facts", "Added"), QT_TRANSLATE_NOOP("Facts", "Id")],
            self.tr("Select a campaign to see its details."),
        )
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected campaign (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.assets_button = QPushButton(self.tr("Show its assets"))
        self.assets_button.clicked.connect(self.show_assets)
        self.share_button = QPushButton(self.tr("Share package…"))
        self.share_button.setToolTip(self.tr(
            "Issue share packages of the campaign's assets to its brand, influencers or others"
        ))
        self.share_button.clicked.connect(self.share_selected)
        for button in (self.edit_button, self.assets_button, self.share_button):
            self.facts.add_button(button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: CampaignDialog | None = None

    def load(self) -> None:
        super().load()
        self.run(work_tasks.list_campaigns, done=self._listed)

    def _listed(self, found: list[Campaign]) -> None:
        self.campaigns.set_records(found)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.campaigns.clear()
        super().clear()

    def selected(self) -> Campaign | None:
        keys = self.selected_keys()
        row = self.campaigns.row_of(keys[0]) if len(keys) == 1 else -1
        return self.campaigns.record(row) if row >= 0 else None

    def show_detail(self, key: str | None) -> None:
        row = self.campaigns.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            return
        c = self.campaigns.record(row)
        launch = c.launch_display or "—"
        if launch_ahead(c):
            launch += self.tr("  (ahead: its assets are embargoed until then)")
        self.facts.show_values(
            c.name,
            {
                "Brand": c.brand_name or "—",
                "Launch": launch,
                "Influencers": ", ".join(c.influencer_names) or "—",
                "Assets": str(c.asset_count),
                "Agreements": str(len(c.agreement_ids)),
                "Notes": c.notes or "—",
                "Added": self.tr("{time} UTC by {name}").format(
                    time=short_time(c.created), name=c.created_by),
                "Id": c.id,
            },
        )

    def new_item(self) -> None:
        self._open_dialog(None)

    def open_item(self, key: str) -> None:
        row = self.campaigns.row_of(key)
        if row >= 0:
            self._open_dialog(self.campaigns.record(row))

    def edit_selected(self) -> None:
        campaign = self.selected()
        if campaign is not None:
            self._open_dialog(campaign)

    def _open_dialog(self, campaign: Campaign | None) -> None:
        self.dialog = CampaignDialog(self.ctx.runner, campaign, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _saved(self, campaign: Campaign) -> None:
        self.campaigns.replace_record(campaign)
        self.select_key(campaign.id)
        self.show_detail(campaign.id)

    def share_selected(self) -> None:
        campaign = self.selected()
        if campaign is not None:
            open_package_dialog(self.ctx, campaign_id=campaign.id)

    def show_assets(self) -> None:
        campaign = self.selected()
        if campaign is not None:
            self.ctx.find("assets", campaign.name)
