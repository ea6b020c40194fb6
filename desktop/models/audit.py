"""The audit log table, fetched a page at a time so a log of a million events stays smooth.

The model holds the events already fetched (newest first) and the size of the log when the view
opened. When a view scrolls near the end it calls `fetchMore`; the model asks for the next page
with `page_wanted(top_seq, offset, count)` and the screen answers with `add_page` once the vault
thread has read it. Pages are anchored on `top_seq`, so events appended while the log is on
screen do not shift the pages; a refresh shows them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE, Column, Index, short_time
from sealroom.vault.audit import AuditEvent

PAGE_SIZE = 100
FAILURE_COLOUR = QColor("#d9534f")


def _when(e: AuditEvent) -> str:
    return short_time(e.time) + e.time[16:19]


COLUMNS: tuple[Column[AuditEvent], ...] = (
    Column[AuditEvent]("#", lambda e: str(e.seq), sort=lambda e: e.seq, align_right=True),
    Column[AuditEvent]("Time (UTC)", _when, sort=lambda e: e.time),
    Column[AuditEvent]("Who", lambda e: e.actor, tooltip=lambda e: f"{e.role} on {e.device}"),
    Column[AuditEvent]("Action", lambda e: e.action),
    Column[AuditEvent]("Object", lambda e: e.object),
    Column[AuditEvent]("Outcome", lambda e: e.outcome),
    Column[AuditEvent]("Detail", lambda e: e.reason, tooltip=lambda e: e.reason),
)


class AuditModel(QAbstractTableModel):
    page_wanted = Signal(int, int, int)
    """(top_seq, offset, count): fetch `count` events below `top_seq - offset`, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []
        self._top = 0
        self._waiting = False

    @property
    def total(self) -> int:
        """How many events the log had when it was opened (the rows a full scroll shows)."""
        return self._top

    def start(self, top_seq: int) -> None:
        """Show the log as of `top_seq` events; the first page is asked for right away."""
        self.beginResetModel()
        self._events = []
        self._top = top_seq
        self._waiting = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.start(0)

    def add_page(self, top_seq: int, offset: int, events: list[AuditEvent]) -> None:
        """The page asked for; a page for an older view of the log (or a repeat) is ignored."""
        if top_seq != self._top or offset != len(self._events):
            return
        events = events[: self._top - offset]
        if not events:
            self._top = offset  # the log is shorter than announced: stop fetching
            self._waiting = False
            return
        first = len(self._events)
        self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
        self._events.extend(events)
        self.endInsertRows()
        self._waiting = False  # only now: a view may ask for more while rows go in

    def page_failed(self) -> None:
        self._waiting = False

    def event_at(self, row: int) -> AuditEvent:
        return self._events[row]

    def row_of_seq(self, seq: int) -> int:
        """Events are newest first and numbered without gaps, so the row follows from `seq`."""
        row = self._top - seq
        ok = 0 <= row < len(self._events) and self._events[row].seq == seq
        return row if ok else -1

    def events(self) -> list[AuditEvent]:
        return list(self._events)

    # -- Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._waiting and len(self._events) < self._top

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._waiting = True
        offset = len(self._events)
        self.page_wanted.emit(self._top, offset, min(PAGE_SIZE, self._top - offset))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        event = self._events[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(event)
        if role == SORT_ROLE:
            return column.sort(event) if column.sort else column.text(event).casefold()
        if role == RECORD_ROLE:
            return str(event.seq)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(event)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and event.outcome != "success":
            return QBrush(FAILURE_COLOUR)
        return None
