"""The access matrix: people and companies down, campaigns or assets across, grants in cells.

A cell shows the grant in force (or scheduled) for that party and target; on an asset, a grant
on the asset's campaign shows too, marked as coming from the campaign. A grant that no NDA in
force covers (an owner's override, or an NDA that lapsed) is an exception, shown in a warning
colour; the vault decides that (`Grant.exception`), the model only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QBrush, QFont

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.models.access_columns import Columns, Target, TargetColumns, column_header
from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE, Index, SearchProxy
from sealroom.desktop.widgets.colours import (
    EXCEPTION_BACKGROUND,
    GRANTED_BACKGROUND,
    INHERITED_BACKGROUND,
)
from sealroom.vault.access.grants import Grant
from sealroom.vault.parties.directory import Party

CELL_ROLE = Qt.ItemDataRole.UserRole + 20
"""(party id, target id) of a cell."""
PARTY_NAME_ROLE = Qt.ItemDataRole.UserRole + 21
COLUMN_HEADER_SIZE = QSize(116, 46)
"""Every column header's size: two short lines (see `column_header`)."""


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
    """Cells are worked out when shown, from the grants keyed by (party id, target id): setting
    a matrix of 20 parties and 100k assets costs the grants and the columns, not their product."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parties: list[Party] = []
        self.targets: Columns = TargetColumns()
        self._grants: dict[tuple[str, str], tuple[Grant, ...]] = {}

    def set_matrix(
        self, parties: list[Party], targets: Sequence[Target], grants: list[Grant]
    ) -> None:
        """`targets`: a few `Target`s (campaigns), or `AssetColumns` (any number of assets)."""
        self.beginResetModel()
        self.parties = list(parties)
        self.targets = targets if isinstance(targets, Columns) else TargetColumns(targets)
        found: dict[tuple[str, str], list[Grant]] = {}
        for grant in grants:
            found.setdefault((grant.party_id, grant.target_id), []).append(grant)
        self._grants = {key: tuple(mine) for key, mine in found.items()}
        self.endResetModel()

    def clear(self) -> None:
        self.set_matrix([], [], [])

    def column_of(self, target_id: str) -> int | None:
        """The column of a target (a scan: for selecting a cell, not for painting)."""
        return self.targets.index_of(target_id)

    def row_of(self, party_id: str) -> int | None:
        return next((r for r, p in enumerate(self.parties) if p.id == party_id), None)

    def cell(self, party_id: str, target_id: str) -> Cell:
        """The cell of a party and a target in the matrix (empty for a target not shown)."""
        column = self.column_of(target_id)
        return EMPTY if column is None else self._cell(party_id, column)

    def _cell(self, party_id: str, column: int) -> Cell:
        target_id, campaign_id = self.targets.key(column)
        mine = self._grants.get((party_id, target_id), ())
        inherited = self._grants.get((party_id, campaign_id), ()) if campaign_id else ()
        return Cell(mine, inherited) if mine or inherited else EMPTY

    def cell_at(self, index: Index) -> tuple[Party, Target, Cell] | None:
        if not index.isValid():
            return None
        party = self.parties[index.row()]
        return party, self.targets[index.column()], self._cell(party.id, index.column())

    def exceptions(self) -> int:
        """Cells of the matrix whose own grants (not the campaign's) are exceptions."""
        parties = {p.id for p in self.parties}
        keys = [
            key
            for key, mine in self._grants.items()
            if key[0] in parties and any(g.exception for g in mine)
        ]
        wanted = {target_id for _, target_id in keys}
        shown = {i for i in self.targets.ids() if i in wanted} if wanted else set()
        return sum(1 for _, target_id in keys if target_id in shown)

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
        if role == _SIZE_HINT and orientation == Qt.Orientation.Horizontal:
            return COLUMN_HEADER_SIZE  # so the header measures no text (it would, for 200 columns)
        if role != _DISPLAY and role != _TOOLTIP:  # a header view asks for several more
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.parties):
                return None
            party = self.parties[section]
            return party.name if role == _DISPLAY else f"{party.name} ({word(party.kind)})"
        if not 0 <= section < len(self.targets):
            return None
        target = self.targets[section]
        if role == _DISPLAY:
            return column_header(target)
        return f"{word(target.kind, True)}: {target.title}\n{target.detail}".strip()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every cell painted: roles never answered leave first.
        # (`checkIndex` would call rowCount and columnCount three times each.)
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self.parties) or column >= len(self.targets):
            return None
        if role == _ALIGNMENT:
            return _CENTRE
        party = self.parties[row]
        if role == RECORD_ROLE:
            return party.id
        if role == PARTY_NAME_ROLE:
            return party.name
        if role == CELL_ROLE:
            return (party.id, self.targets.key(column)[0])
        cell = self._cell(party.id, column)
        if cell is EMPTY:
            return "" if role == _DISPLAY else (0, 0) if role == SORT_ROLE else None
        if role == _DISPLAY:
            return _cell_text(cell)
        if role == SORT_ROLE:
            return (len(cell.direct), len(cell.inherited))
        if role == Qt.ItemDataRole.FontRole and cell.inherited and not cell.direct:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.exception:
                return QBrush(EXCEPTION_BACKGROUND)
            return QBrush(GRANTED_BACKGROUND if cell.direct else INHERITED_BACKGROUND)
        if role == _TOOLTIP:
            return "\n".join(_grant_line(g, g in cell.inherited) for g in cell.grants)
        return None


_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SIZE_HINT = Qt.ItemDataRole.SizeHintRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_ANSWERED = frozenset(
    int(role)
    for role in (
        _DISPLAY,
        _ALIGNMENT,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        _TOOLTIP,
        SORT_ROLE,
        RECORD_ROLE,
        PARTY_NAME_ROLE,
        CELL_ROLE,
    )
)
"""The roles `AccessModel.data` answers (a delegate asks for others: decoration, check state)."""


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


def _cell_text(cell: Cell) -> str:
    if not cell.grants:
        return ""
    grant = cell.direct[0] if cell.direct else cell.inherited[0]
    text = word(grant.level)
    if grant.state == "scheduled":
        text += translate("AccessModel", " (later)")
    if cell.exception:
        text = "⚠ " + text
    return text


def _grant_line(grant: Grant, inherited: bool) -> str:
    until = grant.valid_until_display or translate("AccessModel", "no end")
    line = translate("AccessModel", "{level} ({state}) until {until}").format(
        level=word(grant.level), state=word(grant.state), until=until)
    if inherited:
        line += translate("AccessModel", ", through the campaign")
    if grant.exception:
        line += translate("AccessModel", "; exception: {reason}").format(
            reason=grant.exception_reason)
    elif grant.covering_nda_id:
        line += translate("AccessModel", "; under NDA {nda}").format(nda=grant.covering_nda_id)
    return line
