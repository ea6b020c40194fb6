"""The table model every section uses: rows of records, columns declared once, a sort role.

A column turns a record into the text a person sees and into the raw value the proxy sorts by
(`SORT_ROLE`): sizes sort as numbers, times as ISO strings, names case-insensitively. Records are
whatever the vault's use-cases return (frozen dataclasses); a model never stores key material
and `data()` returns only what a column chooses to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value a column sorts by."""
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The id of the row's record (never a secret: ids are random labels)."""


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


def short_time(stamp: str | None) -> str:
    """'2026-11-21T06:15:40.123Z' -> '2026-11-21 06:15' (UTC, as stored)."""
    if not stamp:
        return ""
    return stamp[:16].replace("T", " ")


class ColumnsModel(QAbstractTableModel, Generic[R]):
    """What every table of records shares: columns declared once, and the roles they answer.
    A subclass says how many rows there are and which record a row shows (`data`)."""

    columns: Sequence[Column[R]] = ()
    answered_roles: frozenset[int] = frozenset({
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        SORT_ROLE,
        RECORD_ROLE,
    })
    """The roles `record_data` and `extra_data` may answer; a subclass adding others lists
    them here."""

    def __init__(self, key: Callable[[R], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate("Column", self.columns[section].title)
        return None

    def record_data(self, record: R, column_number: int, role: int) -> Any:
        column = self.columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else column.text(record).casefold()
        if role == RECORD_ROLE:
            return self._key(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(record, column_number, role)

    def extra_data(self, record: R, column: int, role: int) -> Any:
        """Roles a subclass adds (decorations, colours)."""
        return None


class RecordTableModel(ColumnsModel[R]):
    """A list of records shown through `columns`; `key` gives each record's id."""

    def __init__(self, key: Callable[[R], str], parent: QObject | None = None) -> None:
        super().__init__(key, parent)
        self._rows: list[R] = []

    # -- Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        return self.record_data(self._rows[index.row()], index.column(), role)

    # -- records -------------------------------------------------------------------------------

    def set_records(self, records: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every record (on lock)."""
        self.set_records(())

    def records(self) -> list[R]:
        return list(self._rows)

    def record(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        for row, record in enumerate(self._rows):
            if self._key(record) == key:
                return row
        return -1

    def add_record(self, record: R) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(record)
        self.endInsertRows()

    def replace_record(self, record: R) -> None:
        row = self.row_of(self._key(record))
        if row < 0:
            self.add_record(record)
            return
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove_record(self, key: str) -> None:
        row = self.row_of(key)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()


class SearchProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` and keeps rows where any column contains the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self.setFilterFixedString(text.strip())

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class SourceProxy(QIdentityProxyModel):
    """For a model that searches and sorts itself in the vault (a `PagedTableModel`): rows pass
    through untouched, the search text goes to the model, and `sort` reaches it through
    `QAbstractProxyModel.sort`. A sorting or filtering proxy would read every row, which is
    what a paged model exists to avoid."""

    def set_search(self, text: str) -> None:
        source = self.sourceModel()
        if hasattr(source, "set_search"):
            source.set_search(text)
