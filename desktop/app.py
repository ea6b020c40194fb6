"""The desktop app: one QApplication, the vault thread, the main window and the unlock flow.

First start offers to create a vault, open one, or open the demo; later starts go straight to
unlocking the last vault. Locking (Ctrl+L or idle time) brings the unlock dialog back.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog

from sealroom.desktop.i18n import Language
from sealroom.desktop.launch import PathKind, path_kind
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.desktop.views.create_vault import CreateVaultDialog
from sealroom.desktop.views.idle import IdleWatcher
from sealroom.desktop.views.main_window import MainWindow
from sealroom.desktop.views.preferences import Preferences, PreferencesDialog
from sealroom.desktop.views.start import DEMO_PASSWORD, DEMO_USER, DemoDialog, StartDialog
from sealroom.desktop.views.theme import Theme
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.workers import VaultRunner
from sealroom.vault.layout import HEADER_NAME


class SealroomApp(QObject):
    """Wires the window to the dialogs that open and unlock vaults."""

    def __init__(self, app: QApplication, prefs: Preferences) -> None:
        super().__init__()
        self.app = app
        self.prefs = prefs
        self.theme = Theme(app, prefs.theme)
        self.runner = VaultRunner()
        self.window = MainWindow(self.runner)
        # Queued: the lock drops everything decrypted at once; the unlock dialog is built in the
        # next turn of the event loop, so neither half blocks the window for long.
        self.window.locked.connect(self.show_unlock, Qt.ConnectionType.QueuedConnection)
        self.window.unlock_wanted.connect(self.show_unlock)
        self.window.other_vault_wanted.connect(self.show_start)
        self.window.preferences_wanted.connect(self.show_preferences)
        self.idle = IdleWatcher(app, prefs.idle_minutes)
        self.idle.idle.connect(self.window.lock)
        self.window.locked.connect(self.idle.stop)
        self.folder: Path | None = None
        self.dialog: QDialog | None = None
        self.viewer: ViewerWindow | None = None
        self._last_user: str | None = None

    def start(self, path: Path | None = None) -> None:
        """Show the window, then unlock `path` (a vault folder), or the last vault."""
        self.window.show()
        if path is not None and self.open_path(path):
            return
        last = self.prefs.last_vault
        if last is not None and (last / HEADER_NAME).is_file():
            self.folder = last
            self.show_unlock()
        else:
            self.show_start()

    # -- dialogs -------------------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.open()

    def show_start(self) -> None:
        dialog = StartDialog(self.window)
        dialog.create_chosen.connect(self.show_create)
        dialog.open_chosen.connect(self.open_folder)
        dialog.demo_chosen.connect(self.open_demo)
        self._open_dialog(dialog)

    def show_create(self) -> None:
        location = self.folder.parent if self.folder else None
        dialog = CreateVaultDialog(self.runner, self.window, location)
        dialog.created.connect(self._opened)
        dialog.rejected.connect(self._create_cancelled)
        self._open_dialog(dialog)

    def _create_cancelled(self) -> None:
        if not self.runner.unlocked and self.folder is None:
            self.show_start()

    def open_path(self, path: Path) -> bool:
        """Open what `sealroom PATH` names: a vault folder goes to unlocking (True); a share
        package opens in a viewer window of its own (False: the usual start follows)."""
        if path_kind(path) is PathKind.VAULT:
            self.open_folder(path)
            return True
        self.viewer = ViewerWindow(path)
        self.viewer.show()
        return False

    def open_folder(self, folder: Path) -> None:
        self.folder = folder
        self.show_unlock()

    def open_demo(self) -> None:
        """Unlock the demo vault, building it first if it does not exist yet."""
        folder = self.prefs.demo_folder
        if (folder / HEADER_NAME).is_file():
            self.folder = folder
            self._last_user = DEMO_USER
            self.show_unlock()
            return
        folder.parent.mkdir(parents=True, exist_ok=True)
        dialog = DemoDialog(self.runner, folder, self.window)
        dialog.opened.connect(self._opened)
        dialog.rejected.connect(self._create_cancelled)
        self._open_dialog(dialog)

    def show_unlock(self) -> None:
        if self.folder is None:
            self.show_start()
            return
        demo = self.folder == self.prefs.demo_folder
        hint = self.tr("The demo vault's password is “{password}”.").format(
            password=DEMO_PASSWORD) if demo else ""
        dialog = UnlockDialog(self.runner, self.folder, self.window, self._last_user, hint)
        dialog.unlocked.connect(self._unlocked)
        dialog.other_vault_wanted.connect(self.show_start)
        self._open_dialog(dialog)

    def _unlocked(self) -> None:
        assert self.folder is not None
        self._opened(self.folder)

    def _opened(self, folder: Path) -> None:
        self.folder = folder
        self.prefs.last_vault = folder
        self._last_user = self.runner.identity()[0]
        self.dialog = None
        self.window.on_unlocked()
        self.idle.start()

    def close(self) -> None:
        """Close the window (which locks the vault and stops the vault thread)."""
        if self.dialog is not None:
            self.dialog.close()
        self.window.ask_before_quitting = False
        self.window.close()
        self.app.removeEventFilter(self.idle)
        self.idle.stop()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self.window)
        dialog.accepted.connect(self._preferences_changed)
        dialog.open()

    def _preferences_changed(self) -> None:
        self.idle.set_minutes(self.prefs.idle_minutes)
        self.theme.apply(self.prefs.theme)


def run_gui(path: Path | None = None) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Sealroom")
    app.setOrganizationName("Sealroom")
    app.setDesktopFileName("sealroom")
    prefs = Preferences()
    Language(app).apply(prefs.language)  # before any window is built: texts and direction
    sealroom = SealroomApp(app, prefs)
    sealroom.start(path)
    return int(app.exec())
