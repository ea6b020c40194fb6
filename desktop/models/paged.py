"""A table model for lists too long to hold: the vault counts the rows, and the rows themselves
are read a page at a time as views paint them. Only the pages looked at last stay in memory.

The model never waits for the vault. A row whose page is not here yet shows a placeholder and
asks for its page (`page_wanted`, a `PageRequest`); the screen reads the page on the vault thread
and hands it back with `add_page`. Scrolling to the end of 100k rows therefore reads the one
page on screen, not the 500 pages before it, and memory stays the same however far one scrolls.

Each listing (a new search or sort) has its own serial, so a page of an older listing that
arrives late is dropped. `refresh` counts again and re-reads what is on screen without moving
the scroll position (after an import or a delete).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal

from sealroom.desktop.models.table import ColumnsModel, Index

R = TypeVar("R")

PLACEHOLDER = "…"
"""What a row shows until its page arrives."""
REFRESH_DELAY_MS = 300
SEARCH_DELAY_MS = 250


@dataclass(frozen=True)
class PageRequest:
    """Rows `offset` to `offset + limit` of a listing; `count` asks for the listing's size too."""

    serial: int
    listing: Any
    """What the model lists: its search and sort (the subclass's `listing()`)."""
    page: int
    offset: int
    limit: int
    count: bool


class PagedTableModel(ColumnsModel[R]):
    """Rows of records read from the vault a page at a time; `key` gives each record's id."""

    page_size = 200
    keep_pages = 30
    """Pages kept in memory; the least recently painted is dropped first."""
    most_in_flight = 2
    most_wanted = 8
    """Pages remembered while others are being read; older wishes are forgotten (the view
    has scrolled past them, and asks again for what it still shows)."""

    page_wanted = Signal(object)
    """A `PageRequest`: the screen reads it on the vault thread and calls `add_page`."""

    def __init__(self, key: Callable[[R], str], parent: QObject | None = None) -> None:
        super().__init__(key, parent)
        self._serial = 0
        self._listing: Any = None
        self._active = False
        self._total = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._in_flight: set[int] = set()
        self._wanted_pages: OrderedDict[int, None] = OrderedDict()
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(0)
        self._ask_timer.timeout.connect(self._ask)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.search_text = ""
        """What the listing searches for, once typing has paused (empty: everything)."""
        self._typed = ""
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._search_typed)

    # -- listings ------------------------------------------------------------------------------

    def listing(self) -> Any:
        """The search and sort a new listing is read with (a subclass's frozen dataclass)."""
        return None

    @property
    def total(self) -> int:
        """The rows of the listing, as counted when it was opened or last refreshed."""
        return self._total

    @property
    def active(self) -> bool:
        return self._active

    def set_search(self, text: str) -> None:
        """Search as the person types: a new listing once typing pauses."""
        self._typed = text.strip()
        self._typing.start()

    def _search_typed(self) -> None:
        if self._typed != self.search_text:
            self.search_text = self._typed
            if self._active:
                self.open_listing()

    def open_listing(self) -> None:
        """Start over from the first row (the screen was opened, or the search or sort changed)."""
        self._active = True
        self._serial += 1
        self.beginResetModel()
        self._forget()
        self._total = 0
        self.endResetModel()
        self._listing = self.listing()
        self._request(0, count=True)

    def refresh(self) -> None:
        """Count again and re-read the rows on screen, keeping the scroll position."""
        self._refresh_timer.stop()
        if not self._active:
            return
        self._serial += 1
        self._in_flight.clear()
        self._wanted_pages.clear()
        self._request(next(reversed(self._pages), 0), count=True)

    def refresh_soon(self) -> None:
        """`refresh` shortly, once for a burst of changes (an import of many files)."""
        if self._active and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def close_listing(self) -> None:
        """Forget every row (the vault is locking)."""
        self._active = False
        self._serial += 1
        self._refresh_timer.stop()
        self._typing.stop()
        self.search_text = self._typed = ""
        self.beginResetModel()
        self._forget()
        self._total = 0
        self.endResetModel()

    def _forget(self) -> None:
        self._pages.clear()
        self._in_flight.clear()
        self._wanted_pages.clear()
        self._ask_timer.stop()

    # -- pages ---------------------------------------------------------------------------------

    def add_page(self, request: PageRequest, records: list[R], total: int | None) -> None:
        """A page read for `request`, and the listing's size when the request asked for it."""
        if request.serial != self._serial:
            return
        self._in_flight.discard(request.page)
        if total is not None:
            self._resize(total)
            self._pages = OrderedDict({request.page: list(records)})
            self._changed(0, self._total - 1)
        else:
            self._pages[request.page] = list(records)
            self._pages.move_to_end(request.page)
            while len(self._pages) > self.keep_pages:
                self._pages.popitem(last=False)
            first = request.page * self.page_size
            self._changed(first, first + len(records) - 1)
        self._ask_timer.start()

    def page_failed(self, request: PageRequest) -> None:
        if request.serial == self._serial:
            self._in_flight.discard(request.page)

    def _resize(self, total: int) -> None:
        total = max(0, total)
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    def _changed(self, first: int, last: int) -> None:
        last = min(last, self._total - 1)
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _want(self, page: int) -> None:
        if page in self._in_flight:
            return
        self._wanted_pages[page] = None
        self._wanted_pages.move_to_end(page)
        while len(self._wanted_pages) > self.most_wanted:
            self._wanted_pages.popitem(last=False)
        if not self._ask_timer.isActive():
            self._ask_timer.start()

    def _ask(self) -> None:
        """Ask for the pages wanted last first: they are the ones on screen now."""
        while self._wanted_pages and len(self._in_flight) < self.most_in_flight:
            page, _ = self._wanted_pages.popitem(last=True)
            if page not in self._pages and page * self.page_size < self._total:
                self._request(page, count=False)

    def _request(self, page: int, count: bool) -> None:
        self._in_flight.add(page)
        offset = page * self.page_size
        self.page_wanted.emit(
            PageRequest(self._serial, self._listing, page, offset, self.page_size, count)
        )

    # -- records -------------------------------------------------------------------------------

    def record_at(self, row: int) -> R | None:
        """The record of a row if its page is here; otherwise None, and the page is asked for."""
        page, place = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            if self._active and 0 <= row < self._total:
                self._want(page)
            return None
        self._pages.move_to_end(page)
        return rows[place] if place < len(rows) else None

    def loaded(self) -> Iterator[tuple[int, R]]:
        """(row, record) of every row read and still in memory, in row order."""
        for page in sorted(self._pages):
            first = page * self.page_size
            for place, record in enumerate(self._pages[page]):
                if first + place < self._total:
                    yield first + place, record

    def loaded_records(self) -> list[R]:
        return [record for _, record in self.loaded()]

    def row_of(self, key: str) -> int:
        """The row of the record with this id among the rows in memory, or -1."""
        for row, record in self.loaded():
            if self._key(record) == key:
                return row
        return -1

    def record_of(self, key: str) -> R | None:
        """The record with this id among the rows in memory, or None."""
        return next((r for _, r in self.loaded() if self._key(r) == key), None)

    def replace_record(self, record: R) -> None:
        """A record changed (edited here): shown at once where it is; a refresh re-sorts."""
        row = self.row_of(self._key(record))
        if row < 0:
            return
        page, place = divmod(row, self.page_size)
        self._pages[page][place] = record
        self._changed(row, row)

    # -- Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called about a thousand times a repaint: cheap checks, and roles no column answers
        # return before the record is looked up.
        if role not in self.answered_roles or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < self._total:
            return None
        record = self.record_at(row)
        if record is None:
            loading = role == Qt.ItemDataRole.DisplayRole and index.column() == 0
            return PLACEHOLDER if loading else None
        return self.record_data(record, index.column(), role)
