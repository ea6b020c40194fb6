"""The Access screen: who may see what, as a matrix of parties and campaigns (or assets).

Cells in the warning colour are exceptions: grants that no NDA in force covers. Enter on a cell
grants access (the vault applies the NDA rule; an owner may override it with a reason);
Delete revokes the cell's grant, with a reason.

A vault may hold 100k assets, so the matrix shows campaigns first and loads no asset for them;
the asset columns (light records: title, campaign, sensitivity, embargo) load on the vault
thread when the person switches to assets, all of them or one campaign's (the campaign filter).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.access import (
    COLUMN_HEADER_SIZE,
    AccessModel,
    AccessProxy,
)
from sealroom.desktop.models.access_columns import AssetColumns, Target
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.changed import AGREEMENTS, ASSETS, CAMPAIGNS, GRANTS, PARTIES
from sealroom.desktop.views.grant_dialog import GrantDialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.desktop.widgets.colours import (
    EXCEPTION_BACKGROUND,
    GRANTED_BACKGROUND,
    INHERITED_BACKGROUND,
    legend_swatch,
)
from sealroom.vault.access.grants import Grant
from sealroom.vault.assets.targets import ALL_CAMPAIGNS, CampaignFilter
from sealroom.vault.parties.campaigns import Campaign
from sealroom.vault.when import display

MODES = (("campaign", QT_TRANSLATE_NOOP("AccessView", "Campaigns")),
         ("asset", QT_TRANSLATE_NOOP("AccessView", "Assets")))
ALL_KEY = "*all"
NO_CAMPAIGN_KEY = "*none"
"""Keys of the campaign filter besides campaign ids: every asset, the assets of no campaign."""
TARGET_WIDTH = COLUMN_HEADER_SIZE.width()
STRETCH_UP_TO = 8
"""With this many columns or fewer, they share the table's width."""


class AccessView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Access")
    watches = frozenset({AGREEMENTS, ASSETS, CAMPAIGNS, GRANTS, PARTIES})
    can_delete = True
    split = (74, 26)
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "Nobody to show yet.\n\nAdd people and companies and a campaign or an asset, "
            "then grant access here.",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.access = AccessModel()
        super().__init__(ctx, self.access, AccessProxy())
        self.data: work_tasks.AccessData | None = None
        self.search.setPlaceholderText(self.tr("Find a party (Ctrl+F)"))
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(self.tr(label), key)
        self.mode.setToolTip(self.tr("Show campaigns or assets across"))
        self.mode.currentIndexChanged.connect(self._mode_chosen)
        self.toolbar.insertWidget(1, self.mode)
        self.campaign_filter = QComboBox()
        self.campaign_filter.setToolTip(self.tr("Show the assets of one campaign"))
        self.campaign_filter.setAccessibleName(self.tr("Campaign filter"))
        self.campaign_filter.addItem(self.tr("All campaigns"), ALL_KEY)
        self.campaign_filter.currentIndexChanged.connect(self._rebuild)
        self.campaign_filter.hide()
        self.toolbar.insertWidget(2, self.campaign_filter)
        self.mode_note = QLabel(self.tr("No campaigns yet, so the assets are shown"))
        self.mode_note.setObjectName("muted")
        self.mode_note.setToolTip(self.tr(
            "Access is granted per campaign or per asset. This vault has no campaign yet; "
            "once it has one, the matrix shows campaigns again (switch with the list on the left)."
        ))
        self.mode_note.hide()
        self.toolbar.insertWidget(3, self.mode_note)
        self._assets_chosen_for_me = False
        """The matrix switched to assets by itself (no campaigns), not by the person."""
        legend = ((GRANTED_BACKGROUND, self.tr("granted")),
                  (INHERITED_BACKGROUND, self.tr("through its campaign")),
                  (EXCEPTION_BACKGROUND, self.tr("exception: no NDA covers it")))
        for n, (colour, text) in enumerate(legend):
            self.toolbar.insertWidget(4 + n, legend_swatch(colour, text))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(TARGET_WIDTH)
        header.setStretchLastSection(False)
        header.setMinimumHeight(COLUMN_HEADER_SIZE.height())
        self.table.setSortingEnabled(False)
        parties = self.table.verticalHeader()
        parties.show()
        parties.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        parties.setMinimumWidth(150)
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Who"), QT_TRANSLATE_NOOP("Facts", "What"),
             QT_TRANSLATE_NOOP("Facts", "Access"), QT_TRANSLATE_NOOP("Facts", "Detail")],
            self.tr("Select a cell: a person or company and a campaign or asset.\n\n"
            "Enter grants access, Delete revokes it."),
        )
        self.grant_button = QPushButton(self.tr("Grant…"))
        self.grant_button.setToolTip(self.tr("Grant access to the selected cell (Enter)"))
        self.grant_button.clicked.connect(self.grant_selected)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setToolTip(self.tr("Revoke the selected cell's grant (Delete)"))
        self.revoke_button.clicked.connect(self.delete_selected)
        self.facts.add_button(self.grant_button)
        self.facts.add_button(self.revoke_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: GrantDialog | None = None
        self._pending_cell: tuple[str, str] | None = None
        self._asset_columns: tuple[str, AssetColumns] | None = None
        """(campaign filter key, columns) of the asset columns last loaded."""
        self._asset_request: tuple[int, str] | None = None
        """(number, campaign filter key) of the asset columns on their way from the vault."""
        self._requests = 0

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Everything again (a refresh): the matrix now, the asset columns when shown."""
        super().load()
        self._asset_columns = None
        self._asset_request = None  # an answer on its way may predate the refresh
        self._load_matrix()

    def _load_matrix(self) -> None:
        """Parties, campaigns and grants (after a grant or a revocation, the assets stay)."""
        self.run(work_tasks.access_matrix, done=self._loaded)

    def _loaded(self, data: work_tasks.AccessData) -> None:
        self.data = data
        self._fill_campaign_filter(data.campaigns)
        self._choose_mode(bool(data.campaigns))
        self._rebuild()

    def _choose_mode(self, has_campaigns: bool) -> None:
        """Without campaigns the matrix shows assets, and says why; with the first campaign it
        goes back to campaigns, unless the person chose assets themselves."""
        mode = str(self.mode.currentData())
        wanted = mode
        if not has_campaigns and mode == "campaign":
            wanted, self._assets_chosen_for_me = "asset", True
        elif has_campaigns and self._assets_chosen_for_me:
            wanted, self._assets_chosen_for_me = "campaign", False
        if wanted != mode:
            with QSignalBlocker(self.mode):
                self.mode.setCurrentIndex(self.mode.findData(wanted))
        self.mode_note.setVisible(self._assets_chosen_for_me)

    def _mode_chosen(self, *args: object) -> None:
        self._assets_chosen_for_me = False
        self.mode_note.hide()
        self._rebuild()

    def _fill_campaign_filter(self, campaigns: list[Campaign]) -> None:
        """All campaigns, each campaign, no campaign; the choice stays if its campaign does."""
        chosen = self.campaign_filter.currentData()
        with QSignalBlocker(self.campaign_filter):
            self.campaign_filter.clear()
            self.campaign_filter.addItem(self.tr("All campaigns"), ALL_KEY)
            for campaign in campaigns:
                self.campaign_filter.addItem(campaign.name, campaign.id)
            self.campaign_filter.addItem(self.tr("No campaign"), NO_CAMPAIGN_KEY)
            self.campaign_filter.setCurrentIndex(max(self.campaign_filter.findData(chosen), 0))

    def _rebuild(self, *args: object) -> None:
        if self.data is None:
            return
        assets = self.mode.currentData() == "asset"
        self.campaign_filter.setVisible(assets)
        targets: Sequence[Target]
        if not assets:
            targets = [Target("campaign", c.id, c.name, None, c.launch_display or "")
                       for c in self.data.campaigns]
        else:
            key = str(self.campaign_filter.currentData())
            if self._asset_columns is not None and self._asset_columns[0] == key:
                targets = self._asset_columns[1]
            else:
                targets = []  # until the asset columns arrive
                self._load_assets(key)
        mode = QHeaderView.ResizeMode
        fill = mode.Stretch if len(targets) <= STRETCH_UP_TO else mode.Interactive
        self.table.horizontalHeader().setSectionResizeMode(fill)
        if self.access.columnCount():
            # A header keeps the widths of the sections it has (stretched or dragged); emptied
            # first, every new column starts at the default width (TARGET_WIDTH), for any count.
            self.access.set_matrix(self.data.parties, [], [])
        self.access.set_matrix(self.data.parties, targets, self.data.grants)
        self._select_pending_cell()

    def _load_assets(self, key: str) -> None:
        if self._asset_request is not None and self._asset_request[1] == key:
            return  # already on its way
        self._requests += 1
        self._asset_request = (self._requests, key)
        self.run(
            work_tasks.access_assets,
            _campaign_of(key),
            self._requests,
            done=self._assets_loaded,
            failed=self._assets_failed,
        )

    def _assets_loaded(self, loaded: work_tasks.LoadedAssets) -> None:
        if self._asset_request is None or self._asset_request[0] != loaded.request:
            return  # the person chose other columns since (their answer follows)
        self._asset_columns = (self._asset_request[1], loaded.columns)
        self._asset_request = None
        self._rebuild()

    def _assets_failed(self, message: str) -> None:
        self._asset_request = None
        self.show_error(message)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.data = None
        self._asset_columns = None
        self._asset_request = None
        self._pending_cell = None
        self._fill_campaign_filter([])  # campaign names are vault content
        self.access.clear()
        super().clear()

    # -- selection -----------------------------------------------------------------------------

    def _current_cell(self) -> tuple[int, int] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return source.row(), source.column()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_cell()

    def _show_cell(self) -> None:
        at = self._current_cell()
        found = self.access.cell_at(self.access.index(*at)) if at else None
        self.grant_button.setEnabled(found is not None)
        self.revoke_button.setEnabled(bool(found and found[2].direct))
        if found is None:
            self.facts.show_values(None, {})
            return
        party, target, cell = found
        lines = [_describe(g, g in cell.inherited) for g in cell.grants]
        self.facts.show_values(
            f"{party.name} → {target.title}",
            {
                "Who": f"{party.name} ({word(party.kind)})",
                "What": f"{target.title} "
                f"({', '.join(filter(None, [word(target.kind), target.detail]))})",
                "Access": "\n".join(lines) or self.tr("none"),
                "Detail": self.tr("⚠ exception: no NDA in force covers this")
                if cell.exception else "",
            },
        )

    def reveal(self, key: str) -> None:
        """`key` is "party id|target id" (from the dashboard's exceptions)."""
        party_id, _, target_id = key.partition("|")
        self.search.clear()
        self._pending_cell = (party_id, target_id)
        wanted = "asset" if target_id.startswith("ast_") else "campaign"
        before = (self.mode.currentData(), self.campaign_filter.currentData())
        with QSignalBlocker(self.mode), QSignalBlocker(self.campaign_filter):
            self.mode.setCurrentIndex(self.mode.findData(wanted))
            if wanted == "asset":
                self.campaign_filter.setCurrentIndex(0)  # all campaigns: none hides the asset
        if (self.mode.currentData(), self.campaign_filter.currentData()) != before:
            self._rebuild()
        else:
            self._select_pending_cell()
        loaded = self._asset_columns
        if self._pending_cell and loaded and self.access.targets is loaded[1]:
            self._asset_columns = None  # made since the asset columns loaded: load them again
            self._rebuild()

    def _select_pending_cell(self) -> None:
        if self._pending_cell is None or self.data is None:
            return
        row = self.access.row_of(self._pending_cell[0])
        column = self.access.column_of(self._pending_cell[1])
        if row is not None and column is not None:
            self._pending_cell = None
            index = self.proxy.mapFromSource(self.access.index(row, column))
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.table.scrollTo(index)
            self.table.setFocus()

    # -- grant and revoke ----------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        self.grant_selected()

    def grant_selected(self) -> None:
        at = self._current_cell()
        found = self.access.cell_at(self.access.index(*at)) if at else None
        if found is None:
            return
        party, target, _ = found
        self.dialog = GrantDialog(self.ctx.runner, party, target, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._granted)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _granted(self, grant: Grant) -> None:
        message = self.tr("Granted {party} {level} access to {target}").format(
            party=grant.party_name, level=word(grant.level), target=grant.target_title)
        if grant.exception:
            message += self.tr(" as an exception (no NDA covers it)")
        self.ctx.messages.show_info(message)
        self._pending_cell = (grant.party_id, grant.target_id)
        self._load_matrix()

    def delete_selected(self) -> None:
        at = self._current_cell()
        found = self.access.cell_at(self.access.index(*at)) if at else None
        if found is None or not found[2].direct:
            return
        party, target, cell = found
        grant = cell.direct[0]
        reason = common.ask_reason(
            self, self.tr("Revoke access"),
            self.tr("Why does {party} lose access to {target}?").format(
                party=party.name, target=target.title),
        )
        if reason is not None:
            self._pending_cell = (party.id, target.id)
            self.run(work_tasks.revoke_grant, grant.id, reason, done=self._revoked)

    def _revoked(self, grant: Grant) -> None:
        self.ctx.messages.show_info(self.tr("Revoked {party}'s access to {target}").format(
            party=grant.party_name, target=grant.target_title))
        self._load_matrix()


def _campaign_of(key: str) -> str | CampaignFilter | None:
    """What the vault lists for a key of the campaign filter."""
    if key == ALL_KEY:
        return ALL_CAMPAIGNS
    return None if key == NO_CAMPAIGN_KEY else key


def _describe(grant: Grant, inherited: bool) -> str:
    until = display(grant.valid_until, grant.zone) or translate(
        "AccessView", "no end date")
    text = translate("AccessView", "{level}, {state}, until {until}").format(
        level=word(grant.level), state=word(grant.state), until=until)
    if inherited:
        text += translate("AccessView", " (granted on the campaign)")
    if grant.exception:
        text += translate("AccessView", "\n  exception: {reason}").format(
            reason=grant.exception_reason)
    elif grant.covering_nda_id:
        text += translate("AccessView", "\n  under NDA {nda}").format(nda=grant.covering_nda_id)
    return text
