"""What a person does in the GUI benchmark, each step driven by keys and clicks on the real app.

Every action returns when the app has finished it (the vault thread is idle and the view shows
the result) plus a short settle time in which deferred layout and painting run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from gui_probe import INTERVAL_MS, spin, wait_until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.paged import PLACEHOLDER
from sealroom.desktop.views.access import AccessView
from sealroom.desktop.views.section import TableSection
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.workers import Job
from sealroom.vault.session import Vault

SETTLE_MS = 300
KEY_REPEAT_MS = 33
"""A held key repeats about 30 times a second."""
TIMEOUT_S = 600.0
SCREENS = (
    "Dashboard",
    "Assets",
    "Audit log",
    "Campaigns",
    "Agreements",
    "People & companies",
    "Access",
    "Shares",
)


@dataclass
class Driver:
    app: SealroomApp
    password: str

    # -- waiting -------------------------------------------------------------------------------

    def idle(self) -> bool:
        return not self.app.runner.busy

    def settle(self) -> None:
        wait_until(self.idle, TIMEOUT_S, "the vault thread")
        spin(SETTLE_MS)
        wait_until(self.idle, TIMEOUT_S, "the vault thread")

    def drain(self) -> None:
        """Wait until everything queued on the vault thread (a lock, too) has run."""
        task = self.app.runner.submit(_nothing)
        done: list[bool] = []
        task.finished.connect(lambda: done.append(True))  # GUI-thread signal of the task
        wait_until(lambda: bool(done), TIMEOUT_S, "the vault thread to drain")

    # -- screens -------------------------------------------------------------------------------

    def open_screen(self, title: str) -> None:
        sidebar = self.app.window.sidebar
        item = next(
            sidebar.item(r) for r in range(sidebar.count()) if sidebar.item(r).text() == title
        )
        sidebar.scrollToItem(item)
        rect = sidebar.visualItemRect(item)
        QTest.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        view = self.app.window.current_view
        wait_until(lambda: view is not None and view.loaded, TIMEOUT_S, f"{title} to load")
        self.settle()

    def table_view(self, key: str) -> TableSection:
        view = self.app.window.views[key]
        assert isinstance(view, TableSection)
        return view

    def _wait_for_row(self, view: TableSection, row: int, started: float) -> str:
        index = view.proxy.index(row, 0)
        wait_until(lambda: index.data() != PLACEHOLDER, TIMEOUT_S, f"row {row:,} to show")
        shown = time.perf_counter() - started
        self.settle()
        return f"row {row + 1:,} of {view.proxy.rowCount():,} shown after {shown * 1000:.0f} ms"

    def press_end(self, key: str) -> str:
        """Ctrl+End in the table: the last row, and only its page is read."""
        view = self.table_view(key)
        view.table.setFocus()
        started = time.perf_counter()
        QTest.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        return self._wait_for_row(view, view.proxy.rowCount() - 1, started)

    def drag_to_row(self, key: str, row: int) -> str:
        """Drag the scroll bar so that `row` is the top row, as a person dragging it would."""
        view = self.table_view(key)
        bar = view.table.verticalScrollBar()
        started = time.perf_counter()
        bar.setSliderDown(True)
        for step in range(1, 11):  # the slider moves in ten steps, the view following
            bar.setSliderPosition(bar.value() + (row - bar.value()) * step // 10)
            spin(INTERVAL_MS)
        bar.setSliderDown(False)
        return self._wait_for_row(view, view.table.rowAt(0), started)

    def page_down(self, key: str, presses: int) -> str:
        """PageDown `presses` times, each press as the key repeat would send it."""
        view = self.table_view(key)
        view.table.setFocus()
        started = time.perf_counter()
        for _ in range(presses):
            QTest.keyClick(view.table, Qt.Key.Key_PageDown)
            spin(KEY_REPEAT_MS)
        return self._wait_for_row(view, view.table.rowAt(0), started)

    def search(self, key: str, text: str) -> str:
        view = self.table_view(key)
        view.search.setFocus()
        QTest.keyClicks(view.search, text)
        self.settle()
        return f"{view.proxy.rowCount():,} rows match '{text}'"

    def clear_search(self, key: str) -> str:
        view = self.table_view(key)
        view.search.selectAll()
        QTest.keyClick(view.search, Qt.Key.Key_Backspace)
        self.settle()
        return f"{view.proxy.rowCount():,} rows shown"

    def sort_by(self, key: str, column: int) -> str:
        view = self.table_view(key)
        header = view.table.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        pos = header.rect().center()
        pos.setX(x)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        self.settle()
        title = view.proxy.headerData(column, Qt.Orientation.Horizontal)
        first = view.proxy.index(0, column).data()
        return f"sorted by {title}; first row '{first}'"

    def search_assets(self) -> str:
        return self.search("assets", "brief 0042")

    def clear_assets_search(self) -> str:
        return self.clear_search("assets")

    def sort_assets(self) -> str:
        return self.sort_by("assets", 1)

    def access_assets(self, assets: int) -> str:
        """Switch the Access matrix to every asset across (the mode box, as chosen from it)."""
        view = self.app.window.views["access"]
        assert isinstance(view, AccessView)
        started = time.perf_counter()
        view.mode.setCurrentIndex(view.mode.findData("asset"))
        wait_until(lambda: view.access.columnCount() == assets, TIMEOUT_S, "the asset columns")
        shown = time.perf_counter() - started
        self.settle()
        return f"{view.access.columnCount():,} asset columns after {shown * 1000:.0f} ms"

    def search_audit(self) -> str:
        return self.search("audit", "asset.view")

    def clear_audit_search(self) -> str:
        return self.clear_search("audit")

    # -- lock and unlock -----------------------------------------------------------------------

    def lock(self) -> None:
        window = self.app.window
        window.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is window, 10, "the window to activate")
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        wait_until(lambda: not self.app.runner.unlocked, TIMEOUT_S, "the lock")
        self.drain()
        spin(SETTLE_MS)

    def unlock(self) -> None:
        wait_until(
            lambda: isinstance(self.app.dialog, UnlockDialog), TIMEOUT_S, "the unlock dialog"
        )
        dialog = self.app.dialog
        assert isinstance(dialog, UnlockDialog)
        QTest.keyClicks(dialog.password, self.password)
        QTest.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        wait_until(self._screen_loaded, TIMEOUT_S, "a screen after unlock")
        self.settle()

    def _screen_loaded(self) -> bool:
        view = self.app.window.current_view
        return self.app.runner.unlocked and view is not None and view.loaded


def _nothing(vault: Vault, job: Job) -> None:
    return None
