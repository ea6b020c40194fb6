"""The access matrix: people and companies down, campaigns or assets across, grants in cells.

A cell shows the grant in force (or scheduled) for that party and target; on an asset, a grant
on the asset's campaign shows too, marked as coming from the campaign. A grant that no NDA in
force covers (an owner's override, or an NDA that lapsed) is an exception, shown in a warning
colour; the vault decides that (`Grant.exception`), the model only shows it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE, Index, SearchProxy
from sealroom.vault.grants import Grant
from sealroom.vault.parties import Party

CELL_ROLE = Qt.ItemDataRole.UserRole + 20
"""(party id, target id) of a cell."""
PARTY_NAME_ROLE = Qt.ItemDataRole.UserRole + 21
EXCEPTION_BACKGROUND = QColor(255, 146, 43, 110)
GRANTED_BACKGROUND = QColor(64, 192, 87, 70)
INHERITED_BACKGROUND = QColor(64, 192, 87, 32)


@dataclass(frozen=True)
class Target:
    kind: str
    """campaign or asset"""
    id: str
    title: str
    campaign_id: str | None = None
    detail: str = ""
    header: str = ""
    """Column header text (two short lines); made from the title if empty."""


@dataclass(frozen=True)
class Cell:
    direct: tuple[Grant, ...]
    inherited: tuple[Grant, ...]
    """Grants on the asset's campaign."""

    @property
    def grants(self) -> tuple[Grant, ...]:
        return self.direct + self.inherited

    @property
    def exception(self) -> bool:
        return any(g.exception for g in self.grants)


EMPTY = Cell((), ())


class AccessModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parties: list[Party] = []
        self.targets: list[Target] = []
        self._cells: dict[tuple[str, str], Cell] = {}

    def set_matrix(self, parties: list[Party], targets: list[Target], grants: list[Grant]) -> None:
        self.beginResetModel()
        self.parties = list(parties)
        self.targets = list(targets)
        direct: dict[tuple[str, str], list[Grant]] = {}
        for grant in grants:
            direct.setdefault((grant.party_id, grant.target_id), []).append(grant)
        self._cells = {}
        for party in self.parties:
            for target in self.targets:
                mine = tuple(direct.get((party.id, target.id), ()))
                inherited: tuple[Grant, ...] = ()
                if target.kind == "asset" and target.campaign_id:
                    inherited = tuple(direct.get((party.id, target.campaign_id), ()))
                if mine or inherited:
                    self._cells[(party.id, target.id)] = Cell(mine, inherited)
        self.endResetModel()

    def clear(self) -> None:
        self.set_matrix([], [], [])

    def cell(self, party_id: str, target_id: str) -> Cell:
        return self._cells.get((party_id, target_id), EMPTY)

    def cell_at(self, index: Index) -> tuple[Party, Target, Cell] | None:
        if not index.isValid():
            return None
        party = self.parties[index.row()]
        target = self.targets[index.column()]
        return party, target, self.cell(party.id, target.id)

    def exceptions(self) -> int:
        """Cells whose own grants (not the campaign's) are exceptions."""
        return sum(1 for c in self._cells.values() if any(g.exception for g in c.direct))

    # -- Qt interface --------------------------------------------------------------------------
    # Parties are the vertical header (it stays in view when the matrix scrolls sideways);
    # columns are the targets.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.parties)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.targets)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.parties):
                return None
            party = self.parties[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return party.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{party.name} ({party.kind})"
            return None
        if not 0 <= section < len(self.targets):
            return None
        target = self.targets[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return target.header or header_text(target.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{target.kind.capitalize()}: {target.title}\n{target.detail}".strip()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        party = self.parties[index.row()]
        target = self.targets[index.column()]
        cell = self.cell(party.id, target.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(cell)
        if role == SORT_ROLE:
            return (len(cell.direct), len(cell.inherited))
        if role == RECORD_ROLE:
            return party.id
        if role == PARTY_NAME_ROLE:
            return party.name
        if role == CELL_ROLE:
            return (party.id, target.id)
        if role == Qt.ItemDataRole.FontRole and cell.inherited and not cell.direct:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.exception:
                return QBrush(EXCEPTION_BACKGROUND)
            if cell.direct:
                return QBrush(GRANTED_BACKGROUND)
            if cell.inherited:
                return QBrush(INHERITED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and cell.grants:
            return "\n".join(_grant_line(g, g in cell.inherited) for g in cell.grants)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AccessProxy(SearchProxy):
    """Keeps the parties whose name contains the search text; rows stay in name order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""

    def set_search(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self._text or not isinstance(model, AccessModel):
            return True
        return self._text in model.parties[source_row].name.casefold()


def header_text(title: str, width: int = 13) -> str:
    """A title on at most two lines of about `width` characters, for narrow columns."""
    lines = textwrap.wrap(title, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _cell_text(cell: Cell) -> str:
    if not cell.grants:
        return ""
    grant = cell.direct[0] if cell.direct else cell.inherited[0]
    text = grant.level
    if grant.state == "scheduled":
        text += " (later)"
    if cell.exception:
        text = "⚠ " + text
    return text


def _grant_line(grant: Grant, inherited: bool) -> str:
    until = grant.valid_until_display or "no end"
    line = f"{grant.level} ({grant.state}) until {until}"
    if inherited:
        line += ", through the campaign"
    if grant.exception:
        line += f"; exception: {grant.exception_reason}"
    elif grant.covering_nda_id:
        line += f"; under NDA {grant.covering_nda_id}"
    return line
