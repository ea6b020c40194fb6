"""What every screen of the main window is: a `SectionView`, usually a `TableSection`.

A table section is a title, a search box, buttons, a table (a model behind a `SearchProxy`) and
a detail pane. A subclass supplies the model, the columns it shows, the detail widget and the
vault calls; the window drives it through `load`, `clear`, `new_item`, `delete_selected` and
`focus_search`, so adding a screen is one view and one model (see sections.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate
from sealroom.desktop.models.paged import PagedTableModel
from sealroom.desktop.models.table import RECORD_ROLE, RecordTableModel, SearchProxy, SourceProxy
from sealroom.desktop.widgets.colours import WARNING
from sealroom.desktop.widgets.forms import MessageBar
from sealroom.desktop.workers import EVERYTHING, Task, TaskFunction, VaultRunner

FIT_ROWS = 200
"""Rows looked at to size a column to its content (cheap for any size of table)."""
MAX_COLUMN_WIDTH = 320


@dataclass
class SectionContext:
    runner: VaultRunner
    messages: MessageBar
    window: QWidget
    navigate: Callable[[str, str], None] | None = None
    """Show the screen with this key and select the record with this id there."""
    search: Callable[[str, str], None] | None = None
    """Show the screen with this key, its table filtered by this text."""

    def go(self, section: str, key: str) -> None:
        if self.navigate is not None:
            self.navigate(section, key)

    def find(self, section: str, text: str) -> None:
        if self.search is not None:
            self.search(section, text)


class SectionView(QWidget):
    """A screen. `loaded` is False after a lock until the screen is shown again."""

    title = ""
    new_label = ""
    """Text of the screen's Ctrl+N action; empty when the screen creates nothing."""
    can_delete = False
    watches: frozenset[str] = frozenset()
    """The kinds of records the screen shows (`tasks.changed`); when a task elsewhere changes
    one of them, the screen reads its records again: at once if showing, else when shown."""

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.loaded = False
        self.stale = False
        """Loaded, but the vault changed since: `load` again before the screen is shown."""
        ctx.runner.vault_changed.connect(self._vault_changed)

    def load(self) -> None:
        self.loaded = True
        self.stale = False

    def _vault_changed(self, kinds: frozenset[str], origin: object) -> None:
        if origin is self or not self.loaded:
            return
        if EVERYTHING not in self.watches and not kinds & self.watches:
            return
        if self.isVisible():
            self.load()
        else:
            self.stale = True

    def clear(self) -> None:
        """Drop everything read from the vault (the vault is locking)."""
        self.loaded = False
        self.stale = False

    def new_item(self) -> None:
        """Ctrl+N."""

    def long_work_running(self) -> bool:
        """Work the person would lose by quitting now (an import)."""
        return False

    def delete_selected(self) -> None:
        """Delete key."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def reveal(self, key: str) -> None:
        """Select the record with this id once it is loaded (from a link on another screen)."""

    def show_matching(self, text: str) -> None:
        """Filter the screen's table by this text (from a link on another screen)."""

    def run(
        self,
        fn: TaskFunction,
        *args: Any,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
    ) -> Task:
        """Run a vault call; its result and errors come back to bound methods of this view."""
        task = self.ctx.runner.submit(fn, *args)
        task.origin = self
        task.done.connect(done)
        task.failed.connect(failed or self.show_error)
        return task

    def show_error(self, message: str) -> None:
        self.ctx.messages.show_error(message)

    def serve_pages(self, model: PagedTableModel[Any], read: TaskFunction) -> None:
        """Read the pages `model` asks for with `read` (a task returning a `tasks.Page`)."""
        model.page_wanted.connect(functools.partial(self._read_page, model, read))

    def _read_page(self, model: PagedTableModel[Any], read: TaskFunction, request: Any) -> None:
        self.run(
            read,
            request,
            done=functools.partial(self._page_read, model),
            failed=functools.partial(self._page_failed, model, request),
        )

    def _page_read(self, model: PagedTableModel[Any], page: Any) -> None:
        model.add_page(page.request, page.records, page.total)

    def _page_failed(self, model: PagedTableModel[Any], request: Any, message: str) -> None:
        model.page_failed(request)
        self.show_error(message)


class TableSection(SectionView):
    """Search, buttons, a table and a detail pane."""

    empty_text = QT_TRANSLATE_NOOP("Section", "Nothing here yet.")
    legend = ""
    """What an orange value means on this screen (shown under the table), or "" for nothing."""
    split = (63, 37)
    """How the width is shared between the table and the detail pane."""

    def __init__(
        self,
        ctx: SectionContext,
        model: QAbstractItemModel,
        proxy: SearchProxy | SourceProxy | None = None,
    ) -> None:
        super().__init__(ctx)
        self.model = model
        self.proxy: SearchProxy | SourceProxy = proxy or SearchProxy(self)
        self.proxy.setSourceModel(model)

        heading = QLabel(translate("Section", self.title))
        heading.setObjectName("sectionTitle")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(
            self.tr("Search {section}").format(section=translate("Section", self.title).lower()))
        self.search.textChanged.connect(self.proxy.set_search)
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(heading)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.search, 0)
        self.search.setMinimumWidth(220)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)

        self.empty = QLabel(translate("Section", self.empty_text))
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.empty)
        model.modelReset.connect(self._update_empty)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)
        self._pending_key: str | None = None
        model.modelReset.connect(self._select_pending)
        model.rowsInserted.connect(self._select_pending)
        model.dataChanged.connect(self._select_pending)

        self.detail = QWidget()
        self.detail.setObjectName("detailPane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, self.split[0])
        self.splitter.setStretchFactor(1, self.split[1])
        self.splitter.setSizes([self.split[0] * 100, self.split[1] * 100])
        self.splitter.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(260)

        page = QVBoxLayout(self)
        page.setContentsMargins(18, 14, 18, 14)
        page.setSpacing(10)
        page.addLayout(self.toolbar)
        page.addWidget(self.splitter, 1)
        self.legend_label: QLabel | None = None
        if self.legend:
            self.legend_label = QLabel(
                f'<span style="color:{WARNING.name()}">■</span> '
                + translate("Legend", self.legend)
            )
            self.legend_label.setObjectName("legend")
            page.addWidget(self.legend_label)
        self._update_empty()

    def set_column_widths(self, widths: dict[int, int], stretch: int) -> None:
        """Starting widths and one column that stretches. A table of records read whole (not
        paged) then sizes its columns to their content once loaded (`fit_columns`)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._stretch_column = stretch
        if isinstance(self.model, RecordTableModel):
            self.model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """The stretching column keeps at least the width of its header and content (the first
        rows, up to MAX_COLUMN_WIDTH): a scroll bar rather than a sliver."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_ROWS)
        stretch = getattr(self, "_stretch_column", -1)
        if stretch < 0:
            return
        used = sum(self.table.columnWidth(c) for c in range(self.proxy.columnCount())
                   if c != stretch and not self.table.isColumnHidden(c))
        content = min(self.table.sizeHintForColumn(stretch), MAX_COLUMN_WIDTH)
        needed = max(content, header.sectionSizeHint(stretch)) + 8
        room = self.table.viewport().width() - used
        if room >= needed:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(stretch, needed)

    def add_button(self, text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.toolbar.addWidget(button)
        return button

    # -- selection -----------------------------------------------------------------------------

    def current_view(self) -> QAbstractItemView:
        return self.table

    def selected_keys(self) -> list[str]:
        view = self.current_view()
        rows = view.selectionModel().selectedRows() if view.model() is self.proxy else []
        if not rows:
            rows = [i for i in view.selectionModel().selectedIndexes() if i.column() == 0]
        keys = (i.data(RECORD_ROLE) for i in rows)
        return [str(k) for k in keys if k is not None]

    def selected_row_count(self) -> int:
        view = self.current_view()
        rows = view.selectionModel().selectedRows() if view.model() is self.proxy else []
        return len(rows) or sum(1 for i in view.selectionModel().selectedIndexes()
                                if i.column() == 0)

    def proxy_row_of(self, key: str) -> int:
        """The table row of the record with this id, or -1. A paged model looks among the rows
        it has read only: asking every row would read the whole listing."""
        if isinstance(self.model, (RecordTableModel, PagedTableModel)):
            row = self.model.row_of(key)
            return self.proxy.mapFromSource(self.model.index(row, 0)).row() if row >= 0 else -1
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(RECORD_ROLE) == key:
                return row
        return -1

    def select_key(self, key: str) -> None:
        row = self.proxy_row_of(key)
        if row < 0:
            return
        index = self.proxy.index(row, 0)
        view = self.current_view()
        view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)

    def show_matching(self, text: str) -> None:
        self.search.setText(text)

    def reveal(self, key: str) -> None:
        self.search.clear()
        self._pending_key = key
        self._select_pending()
        if self._pending_key is not None and self.loaded:
            self.load()  # made since this screen was loaded

    def _select_pending(self, *args: object) -> None:
        key = self._pending_key
        if key is None or self.proxy_row_of(key) < 0:
            return
        self._pending_key = None
        self.select_key(key)
        self.current_view().setFocus()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        keys = self.selected_keys()
        self.show_detail(keys[0] if len(keys) == 1 else None)

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(RECORD_ROLE)
        if key is not None:
            self.open_item(str(key))

    def show_detail(self, key: str | None) -> None:
        """Fill the detail pane for one selected record (None: nothing or several)."""

    def open_item(self, key: str) -> None:
        """Enter or double-click on a row."""

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_empty(self, *args: object) -> None:
        empty = self.loaded and self.model.rowCount() == 0
        self.views.setCurrentWidget(self.empty if empty else self.main_view())

    def main_view(self) -> QWidget:
        return self.table

    def clear(self) -> None:
        super().clear()
        self._pending_key = None
        self.search.clear()
        self.show_detail(None)
