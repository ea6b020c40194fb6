"""What a person does in the GUI benchmark, each step driven by keys and clicks on the real app.

Every action returns when the app has finished it (the vault thread is idle and the view shows
the result) plus a short settle time in which deferred layout and painting run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from gui_probe import spin, wait_until
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider, QApplication

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.section import TableSection
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.workers import Job
from sealroom.vault.session import Vault

SETTLE_MS = 300
TIMEOUT_S = 600.0
SCREENS = (
    "Dashboard", "Assets", "Audit log", "Campaigns", "Agreements", "People & companies",
    "Access", "Shares",
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

    def scroll_to_bottom(self, key: str, target_rows: int, budget_s: float) -> str:
        """Press End in the table until `target_rows` are shown or nothing more can be fetched.

        Returns a note: rows reached, pages asked for by the view, and any direct fetchMore.
        """
        view = self.table_view(key)
        table: QAbstractItemView = view.table
        proxy = view.proxy
        table.setFocus()
        started = time.perf_counter()
        presses = direct = 0
        while proxy.rowCount() < target_rows:
            wait_until(self.idle, TIMEOUT_S, "the page in flight")
            if not proxy.canFetchMore(QModelIndex()):
                break
            if time.perf_counter() - started > budget_s:
                break
            before = proxy.rowCount()
            QTest.keyClick(table, Qt.Key.Key_End)
            presses += 1
            # then drag the scroll bar to the bottom, which is what makes a view fetch more
            table.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
            try:
                wait_until(lambda: proxy.rowCount() > before, 0.5, "a page")  # noqa: B023
            except TimeoutError:
                if proxy.canFetchMore(QModelIndex()):
                    direct += 1
                    proxy.fetchMore(QModelIndex())
                    wait_until(
                        lambda: proxy.rowCount() > before or self.idle(),  # noqa: B023
                        TIMEOUT_S,
                        "a page",
                    )
        self.settle()
        elapsed = time.perf_counter() - started
        note = (
            f"{proxy.rowCount():,} rows after {presses} End presses + drags to the bottom"
            f" in {elapsed:.0f} s"
        )
        if direct:
            note += f", {direct} direct fetchMore calls"
        return note

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
