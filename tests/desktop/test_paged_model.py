"""The paged table model: reads only the pages a view shows, keeps a bounded number of them,
drops pages of an older listing, and refreshes without losing the scroll position."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from sealroom.desktop.models.paged import PLACEHOLDER, PagedTableModel, PageRequest
from sealroom.desktop.models.table import RECORD_ROLE, Column, SourceProxy

ROWS = 100_000


class Words(PagedTableModel[str]):
    columns = (Column[str]("Word", lambda w: w), Column[str]("Length", lambda w: str(len(w))))
    page_size = 100
    keep_pages = 5

    def __init__(self) -> None:
        super().__init__(key=lambda w: w)
        self.search = ""

    def listing(self) -> str:
        return self.search


class Vault:
    """Answers a model's page requests when told to, like the vault thread does later."""

    def __init__(self, model: Words, rows: int) -> None:
        self.model = model
        self.rows = [f"word-{n:06d}" for n in range(rows)]
        self.queue: list[PageRequest] = []
        self.asked: list[PageRequest] = []
        model.page_wanted.connect(self._ask)

    def _ask(self, request: PageRequest) -> None:
        self.queue.append(request)
        self.asked.append(request)

    def answer(self) -> None:
        while self.queue:
            request = self.queue.pop(0)
            found = [w for w in self.rows if request.listing in w]
            page = found[request.offset : request.offset + request.limit]
            self.model.add_page(request, page, len(found) if request.count else None)

    def pages_asked(self) -> list[int]:
        return [r.page for r in self.asked]


def opened(rows: int = ROWS) -> tuple[Words, Vault]:
    model = Words()
    vault = Vault(model, rows)
    model.open_listing()
    vault.answer()
    return model, vault


def test_the_end_of_a_long_listing_reads_one_page(qtbot: QtBot, qtmodeltester: Any) -> None:
    model, vault = opened()
    assert model.rowCount() == ROWS
    assert model.index(ROWS - 1, 0).data() == PLACEHOLDER
    assert model.index(ROWS - 1, 0).data(RECORD_ROLE) is None
    assert model.index(ROWS - 1, 1).data() is None
    qtbot.waitUntil(lambda: bool(vault.queue))
    vault.answer()
    assert model.index(ROWS - 1, 0).data() == f"word-{ROWS - 1:06d}"
    assert model.index(ROWS - 1, 1).data() == "11"
    assert vault.pages_asked() == [0, ROWS // 100 - 1]
    qtmodeltester.check(model)


def test_memory_holds_a_bounded_number_of_pages(qtbot: QtBot) -> None:
    model, vault = opened()
    for page in range(10, 210, 10):
        model.index(page * 100, 0).data()
        qtbot.waitUntil(lambda: bool(vault.queue))
        vault.answer()
    assert len(model.loaded_records()) == model.keep_pages * model.page_size
    assert model.row_of("word-020000") == 20000  # the newest pages are kept
    assert model.row_of("word-000000") == -1  # the first was dropped
    assert model.index(0, 0).data() == PLACEHOLDER  # and is read again when shown


def test_pages_on_screen_now_are_read_first_and_two_at_a_time(qtbot: QtBot) -> None:
    model, vault = opened()
    for page in (3, 4, 50, 51):
        model.index(page * 100, 0).data()
    qtbot.waitUntil(lambda: len(vault.queue) == 2)
    assert [r.page for r in vault.queue] == [51, 50]
    request = vault.queue.pop(0)
    model.add_page(request, vault.rows[request.offset : request.offset + 100], None)
    qtbot.waitUntil(lambda: len(vault.queue) == 2)
    assert [r.page for r in vault.queue] == [50, 4]


def test_a_page_of_an_older_listing_is_dropped(qtbot: QtBot) -> None:
    model, vault = opened()
    model.index(5000, 0).data()
    qtbot.waitUntil(lambda: bool(vault.queue))
    stale = vault.queue.pop()
    model.search = "word-0001"
    model.open_listing()
    vault.answer()
    assert model.rowCount() == 100
    model.add_page(stale, vault.rows[5000:5100], None)
    assert model.row_of("word-005000") == -1
    assert model.index(0, 0).data() == "word-000100"


def test_refresh_counts_again_and_keeps_the_scroll_position(qtbot: QtBot) -> None:
    model, vault = opened(1000)
    proxy = SourceProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.scrollTo(proxy.index(800, 0))
    qtbot.waitUntil(lambda: bool(vault.queue))
    vault.answer()
    top = view.rowAt(0)
    assert top > 700

    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    vault.rows.insert(0, "word-aaaaaa")
    model.refresh()
    vault.answer()
    assert model.rowCount() == 1001 and inserted == [(1000, 1000)]
    assert view.rowAt(0) == top
    qtbot.waitUntil(lambda: model.index(top, 0).data() == vault.rows[top])

    del vault.rows[:10]
    model.refresh()
    vault.answer()
    assert model.rowCount() == 991
    model.close_listing()
    assert model.rowCount() == 0 and model.loaded_records() == []
    view.close()
