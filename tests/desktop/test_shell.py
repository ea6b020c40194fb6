"""The shell: first start, creating and unlocking vaults, locking by Ctrl+L and by idle time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views import theme as theme_module
from sealroom.desktop.views.audit_checks import VerifyView
from sealroom.desktop.views.create_vault import CreateVaultDialog
from sealroom.desktop.views.start import StartDialog, demo_available
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.vault.session import Vault

from .conftest import (
    PASSWORD,
    WAIT_MS,
    create_through_dialogs,
    press,
    unlock_through_dialog,
    wait_idle,
)


def test_first_start_offers_create_open_and_the_demo_when_present(sealroom: SealroomApp) -> None:
    sealroom.start()
    start = sealroom.dialog
    assert isinstance(start, StartDialog)
    assert start.isVisible()
    assert start.create_button.isVisible() and start.open_button.isVisible()
    assert start.demo_button.isVisible() == demo_available()


def test_create_dialog_shows_each_problem_next_to_its_field(
    sealroom: SealroomApp, qtbot: QtBot, tmp_path: Path
) -> None:
    sealroom.start()
    assert isinstance(sealroom.dialog, StartDialog)
    qtbot.mouseClick(sealroom.dialog.create_button, Qt.MouseButton.LeftButton)
    dialog = sealroom.dialog
    assert isinstance(dialog, CreateVaultDialog)
    dialog.location.setText(str(tmp_path / "missing"))
    dialog.submit()
    assert "existing folder" in dialog.form.error_of(dialog._location_field)
    dialog.location.setText(str(tmp_path))
    dialog.password.setText("short")
    dialog.submit()
    assert "at least 8 characters" in dialog.form.error_of(dialog.password)
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.submit()
    assert dialog.form.error_of(dialog.repeat) == "The two passwords differ"
    assert not dialog.form.error_of(dialog.password)
    assert not sealroom.runner.busy and not sealroom.runner.unlocked


def test_create_vault_through_first_start(
    sealroom: SealroomApp, qtbot: QtBot, tmp_path: Path, prefs: object
) -> None:
    sealroom.start()
    folder = create_through_dialogs(sealroom, qtbot, tmp_path)
    assert (folder / "header.json").is_file()
    assert sealroom.prefs.last_vault == folder
    window = sealroom.window
    assert window.current_view is window.views["dashboard"]  # the first screen
    assert "Work.sealroom" in window.windowTitle()
    assert "owner (owner)" in window.who.text()


def test_wrong_password_then_right_and_ctrl_l_locks(unlocked: SealroomApp, qtbot: QtBot) -> None:
    window = unlocked.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(unlocked.dialog, UnlockDialog), timeout=WAIT_MS)
    assert not unlocked.runner.unlocked
    assert window.stack.currentWidget() is window.locked_page
    dialog = unlocked.dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.user.currentText() == "owner"

    unlock_through_dialog(unlocked, qtbot, "not the password")
    assert dialog.form.error_of(dialog.password) == "Wrong password for user 'owner'"
    assert not unlocked.runner.unlocked and dialog.isVisible()

    unlock_through_dialog(unlocked, qtbot)
    qtbot.waitUntil(lambda: unlocked.runner.unlocked, timeout=WAIT_MS)
    assert not dialog.isVisible()
    assert window.current_view is window.views["dashboard"]
    wait_idle(unlocked, qtbot)


def test_later_starts_go_straight_to_unlocking_the_last_vault(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault
) -> None:
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    dialog = sealroom.dialog
    assert isinstance(dialog, UnlockDialog)
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)


def test_open_existing_vault_from_start_dialog(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    vault.lock()
    sealroom.start()
    start = sealroom.dialog
    assert isinstance(start, StartDialog)
    start.open_folder(tmp_path)  # not a vault
    assert "is not a Sealroom vault" in start.error.text()
    start.open_folder(vault.folder)
    assert isinstance(sealroom.dialog, UnlockDialog)


def test_idle_time_locks_and_drops_decrypted_data(unlocked: SealroomApp, qtbot: QtBot) -> None:
    assert unlocked.idle.timer.isActive()
    assert unlocked.idle.timer.interval() == 10 * 60_000
    with qtbot.waitSignal(unlocked.window.locked, timeout=WAIT_MS):
        unlocked.idle.set_interval_ms(30)
    assert not unlocked.runner.unlocked
    qtbot.waitUntil(lambda: isinstance(unlocked.dialog, UnlockDialog), timeout=WAIT_MS)
    for view in unlocked.window.views.values():
        if isinstance(view, VerifyView):
            assert view.result.toPlainText() == ""
        else:
            assert view.model.rowCount() == 0
        assert not view.loaded


def test_preferences_change_idle_time_and_theme(unlocked: SealroomApp) -> None:
    unlocked.prefs.idle_minutes = 3
    unlocked.prefs.theme = "dark"
    unlocked._preferences_changed()
    assert unlocked.idle.timer.interval() == 3 * 60_000
    assert QApplication.instance().property("theme") == "dark"  # type: ignore[union-attr]
    unlocked.theme.apply("light")
    assert QApplication.instance().property("theme") == "light"  # type: ignore[union-attr]


def test_theme_follows_the_system_unless_chosen(
    sealroom: SealroomApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert app is not None
    theme = sealroom.theme
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: True)
    theme.apply("system")
    assert app.property("theme") == "dark"
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: False)
    theme._system_changed(Qt.ColorScheme.Light)  # what colorSchemeChanged calls
    assert app.property("theme") == "light"
    theme.apply("dark")
    theme._system_changed(Qt.ColorScheme.Light)
    assert app.property("theme") == "dark"  # a chosen theme stays
    theme.apply("light")


def test_every_screen_is_reachable_from_the_keyboard(unlocked: SealroomApp, qtbot: QtBot) -> None:
    window = unlocked.window
    control, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    for number, section in enumerate(window.available_sections(), start=1):
        key = getattr(Qt.Key, f"Key_{number if number <= 9 else number - 9}")
        press(unlocked, qtbot, key, control if number <= 9 else control | alt)
        assert window.current_view is window.views[section.key], section.key
        wait_idle(unlocked, qtbot)
    press(unlocked, qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.hasFocus()
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {"Ctrl+N", "Del", "Ctrl+F", "Ctrl+L", "F5", "Ctrl+,", "Ctrl+Q"} <= shortcuts


def test_an_error_from_the_vault_is_one_line(unlocked: SealroomApp, qtbot: QtBot) -> None:
    window = unlocked.window
    window.show_section("assets")
    view = window.views["assets"]
    view.run(_missing_asset, done=view.show_error)
    wait_idle(unlocked, qtbot)
    assert window.messages.text() == "No asset with id ast_000000000000"
    assert window.messages.isVisible()


def _missing_asset(vault: Vault, job: object) -> None:
    from sealroom.vault.assets.catalog import get_asset

    get_asset(vault, "ast_000000000000")


def test_screens_with_orange_values_say_what_orange_means(unlocked: SealroomApp) -> None:
    window = unlocked.window
    for key, words in (("assets", "embargo"), ("agreements", "expired"), ("campaigns", "ahead")):
        view = window.views[key]
        label = getattr(view, "legend_label", None)
        assert label is not None and words in label.text(), key
    assert getattr(window.views["parties"], "legend_label", None) is None
