"""The main window: a sidebar of screens, the current screen, menus with every action.

Locking (Ctrl+L, idle time, or closing) cancels pending vault work, clears every screen's
model, locks the vault on the vault thread and shows the locked page; `locked` then tells the
app to offer the unlock dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.views.section import SectionContext, SectionView
from sealroom.desktop.views.sections import Section, sections_for
from sealroom.desktop.views.vault_menu import VaultMenu
from sealroom.desktop.widgets.forms import MessageBar
from sealroom.desktop.workers import VaultRunner

KEY_ROLE = Qt.ItemDataRole.UserRole


def go_shortcut(number: int) -> str:
    """The shortcut of the `number`-th screen (from 1): Ctrl+1 to Ctrl+9, then Ctrl+Alt+1…"""
    return f"Ctrl+{number}" if number <= 9 else f"Ctrl+Alt+{number - 9}"


class LockedPage(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("lockedPage")
        self.title = QLabel(self.tr("Sealroom is locked"))
        self.title.setObjectName("lockedTitle")
        note = QLabel(self.tr("Nothing decrypted is in memory. Unlock to continue."))
        note.setObjectName("muted")
        self.unlock_button = QPushButton(self.tr("&Unlock…"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(window.unlock_wanted)
        self.other_button = QPushButton(self.tr("&Open or create another vault…"))
        self.other_button.clicked.connect(window.other_vault_wanted)
        column = QVBoxLayout(self)
        column.addStretch(2)
        for widget in (self.title, note, self.unlock_button, self.other_button):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)


class MainWindow(QMainWindow):
    locked = Signal()
    unlock_wanted = Signal()
    other_vault_wanted = Signal()
    preferences_wanted = Signal()

    def __init__(self, runner: VaultRunner) -> None:
        super().__init__()
        self.runner = runner
        self.setWindowTitle(self.tr("Sealroom"))
        self.resize(QSize(1240, 780))
        self.messages = MessageBar()
        self.ctx = SectionContext(runner, self.messages, self, self.navigate, self.search_in)
        self.views: dict[str, SectionView] = {}
        self.role = "owner"
        """The role the screens were built for; an unlock with another role rebuilds them."""
        self.ask_before_quitting = True

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(220)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.stack = QStackedWidget()
        self.locked_page = LockedPage(self)
        self.stack.addWidget(self.locked_page)
        self._build_sections()
        self.sidebar.currentItemChanged.connect(self._section_chosen)

        brand = QLabel(self.tr("Sealroom"))
        brand.setObjectName("brand")
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(0)
        left_column.addWidget(brand)
        left_column.addWidget(self.sidebar, 1)
        left.setFixedWidth(220)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        bar_row = QHBoxLayout()
        bar_row.setContentsMargins(18, 10, 18, 0)
        bar_row.addWidget(self.messages)
        right_column.addLayout(bar_row)
        right_column.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(left)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.who = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumSize(QSize(90, 8))
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addWidget(self.who)
        self.statusBar().addPermanentWidget(self.busy)
        runner.busy_changed.connect(self._busy_changed)
        self._build_actions()
        self._show_locked()

    # -- sections ------------------------------------------------------------------------------

    def _build_sections(self) -> None:
        """The sidebar and one view per screen the current role sees (and no other)."""
        group = ""
        for section in sections_for(self.role):
            if section.group != group:
                group = section.group
                header = QListWidgetItem(translate("Section", group).upper())
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setPointSizeF(7.5)
                font.setBold(True)
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.2)
                header.setFont(font)
                header.setSizeHint(QSize(200, 40 if self.sidebar.count() else 28))
                header.setTextAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
                header.setData(KEY_ROLE, "")
                self.sidebar.addItem(header)
            item = QListWidgetItem(translate("Section", section.title))
            item.setData(KEY_ROLE, section.key)
            view = section.factory(self.ctx)
            self.views[section.key] = view
            self.stack.addWidget(view)
            item.setToolTip(translate("Section", section.summary or section.title))
            self.sidebar.addItem(item)

    def navigate(self, key: str, record: str) -> None:
        """Show screen `key` and select `record` there (links from the dashboard and others)."""
        if key not in self.views:
            return
        self.show_section(key)
        self.views[key].reveal(record)

    def search_in(self, key: str, text: str) -> None:
        if key in self.views:
            self.show_section(key)
            self.views[key].show_matching(text)

    def _rebuild_for(self, role: str) -> None:
        """Drop every screen and build those `role` sees (an auditor gets the audit screens
        only: the content screens are not built, so nothing can ask for content)."""
        self.role = role
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self.sidebar.blockSignals(False)
        for view in self.views.values():
            view.clear()
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views = {}
        self._build_sections()
        self._build_go_actions()

    def available_sections(self) -> list[Section]:
        return [s for s in sections_for(self.role) if s.key in self.views]

    @property
    def current_view(self) -> SectionView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionView) else None

    def show_section(self, key: str) -> None:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(KEY_ROLE) == key:
                self.sidebar.setCurrentRow(row)
                return

    def _section_chosen(self, item: QListWidgetItem | None, previous: object) -> None:
        key = item.data(KEY_ROLE) if item is not None else ""
        view = self.views.get(key)
        if view is None or not self.runner.unlocked:
            return
        self.messages.dismiss()
        self.stack.setCurrentWidget(view)
        if not view.loaded or view.stale:
            view.load()
        self._update_actions()

    # -- actions -------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], keys: QKeySequence | str = ""
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.new_item, QKeySequence(std.New))
        self.delete_action = self._action(
            self.tr("&Delete…"), self.delete_selected, QKeySequence(std.Delete)
        )
        self.find_action = self._action(self.tr("&Find"), self.focus_search, QKeySequence(std.Find))
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence(std.Refresh)
        )
        self.lock_action = self._action(self.tr("&Lock"), self.lock, "Ctrl+L")
        self.prefs_action = self._action(
            self.tr("&Preferences…"), self.preferences_wanted.emit, "Ctrl+,"
        )
        self.sidebar_action = self._action(self.tr("Go to &sections"), self.focus_sidebar, "Ctrl+0")
        quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        menu = self.menuBar()
        vault_menu = menu.addMenu(self.tr("&Vault"))
        for action in (self.lock_action, self.prefs_action):
            vault_menu.addAction(action)
        vault_menu.addAction(
            self._action(self.tr("&Open or create another vault…"), self.other_vault)
        )
        self.vault_menu = VaultMenu(self, self.runner, self.messages)
        vault_menu.addSeparator()
        vault_menu.addActions(self.vault_menu.actions())
        vault_menu.addSeparator()
        vault_menu.addAction(self.vault_menu.about_action)
        vault_menu.addAction(quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        for action in (self.new_action, self.delete_action, self.find_action, self.refresh_action):
            edit_menu.addAction(action)
        self.go_menu = menu.addMenu(self.tr("&Go"))
        self.go_actions: list[QAction] = []
        self._build_go_actions()

    def _build_go_actions(self) -> None:
        for action in self.go_actions:
            self.removeAction(action)
            action.deleteLater()
        self.go_menu.clear()
        self.go_menu.addAction(self.sidebar_action)
        self.go_actions = []
        for number, section in enumerate(self.available_sections(), start=1):
            action = self._action(
                translate("Section", section.title), self._go_to, go_shortcut(number)
            )
            action.setData(section.key)
            self.go_menu.addAction(action)
            self.go_actions.append(action)
        self._update_actions()

    def _go_to(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_section(str(action.data()))
            view = self.current_view
            if view is not None:
                view.setFocus()
                view.focusNextChild()

    def _update_actions(self) -> None:
        view = self.current_view if self.runner.unlocked else None
        self.new_action.setEnabled(bool(view and view.new_label))
        self.new_action.setText(
            translate("Section", view.new_label) if view and view.new_label else self.tr("&New…")
        )
        self.delete_action.setEnabled(bool(view and view.can_delete))
        for action in (self.find_action, self.refresh_action, *self.go_actions):
            action.setEnabled(view is not None)
        self.sidebar_action.setEnabled(view is not None)
        self.lock_action.setEnabled(self.runner.unlocked)
        self.vault_menu.update(self.runner.unlocked)

    def new_item(self) -> None:
        if self.current_view is not None:
            self.current_view.new_item()

    def delete_selected(self) -> None:
        if self.current_view is not None:
            self.current_view.delete_selected()

    def focus_search(self) -> None:
        if self.current_view is not None:
            self.current_view.focus_search()

    def refresh(self) -> None:
        if self.current_view is not None:
            self.current_view.load()

    def focus_sidebar(self) -> None:
        self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def other_vault(self) -> None:
        self.lock()
        self.other_vault_wanted.emit()

    def _busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # -- lock and unlock -----------------------------------------------------------------------

    def on_unlocked(self) -> None:
        user, role, folder = self.runner.identity()
        if [s.key for s in sections_for(role)] != list(self.views):
            self._rebuild_for(role)  # another set of screens (an auditor's, or back from it)
        self.role = role
        self.setWindowTitle(self.tr("{folder} — Sealroom").format(folder=folder))
        self.who.setText(f"  {user} ({word(role)}) · {folder}")
        self.sidebar.setEnabled(True)
        self.messages.dismiss()
        current = self.sidebar.currentItem()
        key = current.data(KEY_ROLE) if current is not None else ""
        if key not in self.views:
            key = next((k for k in ("dashboard", "assets", "audit") if k in self.views), "")
        self.sidebar.setCurrentRow(-1)
        self.show_section(key)
        self._update_actions()

    def lock(self) -> None:
        """Drop everything decrypted, lock the vault, and ask for the password again."""
        if not self.runner.unlocked:
            return
        self.runner.lock()
        for view in self.views.values():
            view.clear()
        self._show_locked()
        self.locked.emit()

    def _show_locked(self) -> None:
        self.messages.dismiss()
        self.stack.setCurrentWidget(self.locked_page)
        self.sidebar.setEnabled(False)
        self.setWindowTitle(self.tr("Sealroom — locked"))
        self.who.setText(self.tr("  Locked"))
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        long_work = any(view.long_work_running() for view in self.views.values())
        if long_work and self.ask_before_quitting:
            answer = QMessageBox.question(
                self,
                self.tr("Quit Sealroom"),
                self.tr("An import is still running. Quit and cancel it? Files not yet imported "
                "stay where they are."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.runner.lock()
        for view in self.views.values():
            view.clear()
        self.runner.shutdown()
        event.accept()
