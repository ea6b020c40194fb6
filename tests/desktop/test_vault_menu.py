"""The Vault menu on a real vault: People (owners only), Verify vault, Export calendar, About."""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sealroom.crypto.keyslots import Role
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.about import AboutDialog
from sealroom.desktop.views.people import PeopleDialog
from sealroom.desktop.views.person_dialog import PersonDialog
from sealroom.desktop.views.verify_dialog import VerifyDialog
from sealroom.desktop.widgets import forms as common
from sealroom.vault.assets.importing import import_files
from sealroom.vault.errors import WrongPasswordError
from sealroom.vault.session import Vault
from sealroom.vault.users import add_user

from .conftest import PASSWORD, WAIT_MS, make_image, unlock_through_dialog, wait_idle

NEW_PASSWORD = "a longer new password"


@pytest.fixture
def app(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> SealroomApp:
    import_files(vault, [make_image(tmp_path / "hero.png", (240, 120, 40))])
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return sealroom


def _people(app: SealroomApp, qtbot: QtBot) -> PeopleDialog:
    menu = app.window.vault_menu
    assert menu.people_action.isVisible() and menu.people_action.isEnabled()
    menu.people_action.trigger()
    dialog = menu.dialog
    assert isinstance(dialog, PeopleDialog)
    wait_idle(app, qtbot)
    return dialog


def _person(people: PeopleDialog) -> PersonDialog:
    dialog = people.person_dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    return dialog


def _save(app: SealroomApp, qtbot: QtBot, dialog: PersonDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)


def test_an_owner_adds_a_person_changes_a_password_and_removes_them(
    app: SealroomApp, qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = _people(app, qtbot)
    assert people.names() == ["owner"]
    people.select("owner")
    assert not people.remove_button.isEnabled()  # nobody removes themselves

    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    add = _person(people)
    add.name.setText("mira")
    add.role.setCurrentIndex(add.role.findData("manager"))
    add.password.setText("short")
    add.repeat.setText("other")
    _save(app, qtbot, add)
    assert add.form.error_of(add.repeat) == "The two passwords differ"
    add.repeat.setText("short")
    _save(app, qtbot, add)
    assert "at least 8 characters" in add.form.error_of(add.password)  # by its field
    add.password.setText(PASSWORD)
    add.repeat.setText(PASSWORD)
    _save(app, qtbot, add)
    qtbot.waitUntil(add.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert people.names() == ["owner", "mira"]
    assert people.status.text() == "Added mira as manager."

    people.select("mira")
    qtbot.mouseClick(people.password_button, Qt.MouseButton.LeftButton)
    change = _person(people)
    assert change.form.layout_.rowCount() == 3  # the general message, password, repeat
    change.password.setText(NEW_PASSWORD)
    change.repeat.setText(NEW_PASSWORD)
    _save(app, qtbot, change)
    qtbot.waitUntil(change.isHidden, timeout=WAIT_MS)
    assert people.status.text() == "mira has a new password."
    app.window.lock()  # the People dialog goes with the lock
    wait_idle(app, qtbot)
    assert not people.isVisible()
    Vault.unlock(vault.folder, "mira", NEW_PASSWORD).lock()  # the new password opens
    unlock_through_dialog(app, qtbot)
    qtbot.waitUntil(lambda: app.runner.unlocked, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    people = _people(app, qtbot)

    asked: list[str] = []

    def confirm(parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(common, "confirm", confirm)
    people.select("mira")
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert "rotated" in asked[0] and "re-encrypted" in asked[0]
    assert people.busy.isVisible()  # the rotation runs on the vault thread
    qtbot.waitUntil(lambda: not people.busy.isVisible(), timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert people.names() == ["owner"]
    assert "keys were rotated" in people.status.text()
    people.reject()

    app.window.lock()
    wait_idle(app, qtbot)
    again = Vault.unlock(vault.folder, "owner", PASSWORD)  # still opens, under new keys
    try:
        assert [u for u, _ in again.header.users()] == ["owner"]
    finally:
        again.lock()
    with pytest.raises(WrongPasswordError, match="no user 'mira'"):
        Vault.unlock(vault.folder, "mira", NEW_PASSWORD)


def test_people_is_not_offered_to_a_manager(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault
) -> None:
    add_user(vault, "mira", Role.MANAGER, PASSWORD)
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom._last_user = "mira"
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    assert sealroom.runner.identity()[:2] == ("mira", "manager")
    menu = sealroom.window.vault_menu
    assert not menu.people_action.isVisible()
    menu.show_people()
    assert menu.dialog is None
    assert menu.verify_action.isEnabled() and menu.calendar_action.isEnabled()


def test_verify_vault_reports_an_intact_vault_with_progress(
    app: SealroomApp, qtbot: QtBot
) -> None:
    app.window.vault_menu.verify_action.trigger()
    dialog = app.window.vault_menu.dialog
    assert isinstance(dialog, VerifyDialog) and dialog.task is not None
    steps: list[tuple[int, int]] = []
    dialog.task.progressed.connect(lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert steps[0] == (0, 5) and steps[-1] == (5, 5)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert dialog.report is not None and dialog.report.ok
    assert dialog.report.blobs_checked == 2  # the image and its thumbnail
    assert dialog.status.text().startswith("The vault is intact: checked 2 encrypted files")
    assert dialog.bar.maximum() == 5 and dialog.bar.value() == 5  # 2 databases, 2 blobs, log
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.close_button.isDefault()


def test_cancel_stops_the_verification(app: SealroomApp, qtbot: QtBot) -> None:
    release = threading.Event()

    def hold(vault: Vault, job: object) -> None:
        release.wait(WAIT_MS / 1000)

    app.runner.submit(hold)  # the vault thread is busy: the check waits its turn
    app.window.vault_menu.verify_action.trigger()
    dialog = app.window.vault_menu.dialog
    assert isinstance(dialog, VerifyDialog) and dialog.running
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert dialog.report is None
    assert dialog.status.text() == "Verification cancelled; nothing was recorded."
    wait_idle(app, qtbot)


def test_export_calendar_writes_the_file_chosen(
    app: SealroomApp, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "dates"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    app.window.vault_menu.calendar_action.trigger()
    wait_idle(app, qtbot)
    written = tmp_path / "dates.ics"
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert app.window.messages.text().startswith("Exported 0 dates")
    assert app.window.messages.text().endswith("to dates.ics")

    written.write_text("not a calendar", encoding="utf-8")
    app.window.vault_menu.calendar_action.trigger()
    wait_idle(app, qtbot)
    assert "is not a calendar" in app.window.messages.text()


def test_about_names_the_version_licence_and_libraries(app: SealroomApp, qtbot: QtBot) -> None:
    app.window.vault_menu.about_action.trigger()
    dialog = app.window.vault_menu.dialog
    assert isinstance(dialog, AboutDialog)
    assert dialog.heading.text() == f"Sealroom {metadata.version('sealroom')}"
    assert "GPL-3.0-or-later" in dialog.licence.text()
    libraries = dialog.library_versions()
    assert libraries["PySide6-Essentials"] == metadata.version("PySide6-Essentials")
    assert libraries["cryptography"] == metadata.version("cryptography")
    assert "pytest" not in libraries  # test tools are not what the app runs on
    dialog.reject()


def test_the_vault_actions_wait_for_an_unlocked_vault(app: SealroomApp, qtbot: QtBot) -> None:
    menu = app.window.vault_menu
    app.window.lock()
    wait_idle(app, qtbot)
    assert not menu.verify_action.isEnabled() and not menu.calendar_action.isEnabled()
    assert not menu.people_action.isVisible()
    assert menu.about_action.isEnabled()
