"""The Access screen: who may see what, as a matrix of parties and campaigns (or assets).

Cells in the warning colour are exceptions: grants that no NDA in force covers. Enter on a cell
grants access (the vault applies the NDA rule; an owner may override it with a reason);
Delete revokes the cell's grant, with a reason.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from sealroom.desktop.models import work_tasks
from sealroom.desktop.models.access import (
    EXCEPTION_BACKGROUND,
    GRANTED_BACKGROUND,
    INHERITED_BACKGROUND,
    AccessModel,
    AccessProxy,
    Target,
)
from sealroom.desktop.views import common
from sealroom.desktop.views.grant_dialog import GrantDialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.vault.assets import Asset
from sealroom.vault.grants import Grant
from sealroom.vault.when import display

MODES = (("campaign", "Campaigns"), ("asset", "Assets"))
TARGET_WIDTH = 116
STRETCH_UP_TO = 8
"""With this many columns or fewer, they share the table's width."""


def _swatch(colour: QColor, text: str) -> QLabel:
    """A legend entry: the cell colour, then what it means."""
    alpha = colour.alphaF()
    solid = QColor.fromRgbF(
        *(alpha * c + (1 - alpha) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    )
    label = QLabel(f"<span style='color:{solid.name()}'>■</span> {text}")
    label.setObjectName("muted")
    return label


class AccessView(TableSection):
    title = "Access"
    can_delete = True
    split = (74, 26)
    empty_text = (
        "Nobody to show yet.\n\nAdd people and companies and a campaign or an asset, "
        "then grant access here."
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.access = AccessModel()
        super().__init__(ctx, self.access, AccessProxy())
        self.data: work_tasks.AccessData | None = None
        self.search.setPlaceholderText("Find a party (Ctrl+F)")
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.mode.setToolTip("Show campaigns or assets across")
        self.mode.currentIndexChanged.connect(self._rebuild)
        self.toolbar.insertWidget(1, self.mode)
        legend = ((GRANTED_BACKGROUND, "granted"),
                  (INHERITED_BACKGROUND, "through its campaign"),
                  (EXCEPTION_BACKGROUND, "exception: no NDA covers it"))
        for n, (colour, text) in enumerate(legend):
            self.toolbar.insertWidget(2 + n, _swatch(colour, text))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(TARGET_WIDTH)
        header.setStretchLastSection(False)
        header.setMinimumHeight(46)
        self.table.setSortingEnabled(False)
        parties = self.table.verticalHeader()
        parties.show()
        parties.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        parties.setMinimumWidth(150)
        self.facts = common.Facts(
            ["Who", "What", "Access", "Detail"],
            "Select a cell: a person or company and a campaign or asset.\n\n"
            "Enter grants access, Delete revokes it.",
        )
        self.grant_button = QPushButton("Grant…")
        self.grant_button.setToolTip("Grant access to the selected cell (Enter)")
        self.grant_button.clicked.connect(self.grant_selected)
        self.revoke_button = QPushButton("Revoke…")
        self.revoke_button.setToolTip("Revoke the selected cell's grant (Delete)")
        self.revoke_button.clicked.connect(self.delete_selected)
        self.facts.add_button(self.grant_button)
        self.facts.add_button(self.revoke_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: GrantDialog | None = None
        self._pending_cell: tuple[str, str] | None = None

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        super().load()
        self.run(work_tasks.access_matrix, done=self._loaded)

    def _loaded(self, data: work_tasks.AccessData) -> None:
        self.data = data
        self._rebuild()

    def _rebuild(self, *args: object) -> None:
        if self.data is None:
            return
        kind = str(self.mode.currentData())
        if kind == "campaign":
            targets = [Target("campaign", c.id, c.name, None, c.launch_display or "")
                       for c in self.data.campaigns]
        else:
            targets = [_asset_target(a) for a in self.data.assets]
        self.access.set_matrix(self.data.parties, targets, self.data.grants)
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode
        fill = len(targets) <= STRETCH_UP_TO
        header.setSectionResizeMode(mode.Stretch if fill else mode.Interactive)
        if not fill:
            for column in range(len(targets)):
                header.resizeSection(column, TARGET_WIDTH)
        self._select_pending_cell()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.data = None
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
                "Who": f"{party.name} ({party.kind})",
                "What": f"{target.title} ({', '.join(filter(None, [target.kind, target.detail]))})",
                "Access": "\n".join(lines) or "none",
                "Detail": "⚠ exception: no NDA in force covers this" if cell.exception else "",
            },
        )

    def reveal(self, key: str) -> None:
        """`key` is "party id|target id" (from the dashboard's exceptions)."""
        party_id, _, target_id = key.partition("|")
        self.search.clear()
        self._pending_cell = (party_id, target_id)
        wanted = "asset" if target_id.startswith("ast_") else "campaign"
        if self.mode.currentData() != wanted:
            self.mode.setCurrentIndex(self.mode.findData(wanted))
        self._select_pending_cell()

    def _select_pending_cell(self) -> None:
        if self._pending_cell is None or self.data is None:
            return
        party_id, target_id = self._pending_cell
        rows = [r for r, p in enumerate(self.access.parties) if p.id == party_id]
        columns = [c for c, t in enumerate(self.access.targets) if t.id == target_id]
        if rows and columns:
            self._pending_cell = None
            index = self.proxy.mapFromSource(self.access.index(rows[0], columns[0]))
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
        self.dialog.saved.connect(self._granted)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _granted(self, grant: Grant) -> None:
        message = f"Granted {grant.party_name} {grant.level} access to {grant.target_title}"
        if grant.exception:
            message += " as an exception (no NDA covers it)"
        self.ctx.messages.show_info(message)
        self._pending_cell = (grant.party_id, grant.target_id)
        self.load()

    def delete_selected(self) -> None:
        at = self._current_cell()
        found = self.access.cell_at(self.access.index(*at)) if at else None
        if found is None or not found[2].direct:
            return
        party, target, cell = found
        grant = cell.direct[0]
        reason = common.ask_reason(
            self, "Revoke access", f"Why does {party.name} lose access to {target.title}?"
        )
        if reason is not None:
            self._pending_cell = (party.id, target.id)
            self.run(work_tasks.revoke_grant, grant.id, reason, done=self._revoked)

    def _revoked(self, grant: Grant) -> None:
        self.ctx.messages.show_info(f"Revoked {grant.party_name}'s access to {grant.target_title}")
        self.load()


def _asset_target(asset: Asset) -> Target:
    """An asset column: its own title over its campaign's name (titles often repeat it)."""
    title = asset.title
    campaign = asset.campaign_name or ""
    if campaign and title.startswith(f"{campaign}: "):
        title = title[len(campaign) + 2 :]
    first = textwrap.shorten(title, 16, placeholder="…")
    header = f"{first}\n{textwrap.shorten(campaign, 16, placeholder='…')}" if campaign else first
    detail = asset.sensitivity + (" · embargoed" if asset.embargoed else "")
    return Target("asset", asset.id, asset.title, asset.campaign_id, detail, header)


def _describe(grant: Grant, inherited: bool) -> str:
    until = display(grant.valid_until, grant.zone) or "no end date"
    text = f"{grant.level}, {grant.state}, until {until}"
    if inherited:
        text += " (granted on the campaign)"
    if grant.exception:
        text += f"\n  exception: {grant.exception_reason}"
    elif grant.covering_nda_id:
        text += f"\n  under NDA {grant.covering_nda_id}"
    return text
