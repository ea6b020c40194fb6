"""The Share dialog under the outbound rule (real vault, real widgets offscreen): a refusal is
shown in the dialog with its reason; an owner may then share with a written override, which the
dashboard shows; a manager gets no override and cannot leave out the visible mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sealroom.crypto.keyslots import Role
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.dashboard import EXCEPTIONS
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.share_dialog import ShareDialog
from sealroom.desktop.views.shares import SharesView
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.vault import users
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault
from sealroom.vault.store import query

from .conftest import PASSWORD, WAIT_MS, make_scene, press, wait_idle

MANAGER_PASSWORD = "manager password 2"


@pytest.fixture
def refused_vault(vault: Vault, tmp_path: Path) -> Vault:
    """A confidential photo and a press party with no grant and no NDA; a manager."""
    add_party(vault, "Daily Glow", "press")
    import_files(vault, [make_scene(tmp_path / "hero.png")])
    users.add_user(vault, "mira", Role.MANAGER, MANAGER_PASSWORD)
    vault.lock()
    return vault


def _open(app: SealroomApp, qtbot: QtBot, vault: Vault, user: str, password: str) -> ShareDialog:
    app.prefs.last_vault = vault.folder
    app.start()
    qtbot.waitUntil(lambda: isinstance(app.dialog, UnlockDialog), timeout=WAIT_MS)
    unlock = app.dialog
    assert isinstance(unlock, UnlockDialog)
    unlock.user.setCurrentText(user)
    unlock.password.setText(password)
    qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.runner.unlocked, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    app.window.show_section("shares")
    shares = app.window.views["shares"]
    assert isinstance(shares, SharesView)
    wait_idle(app, qtbot)
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shares.dialog is not None, timeout=WAIT_MS)
    dialog = shares.dialog
    assert isinstance(dialog, ShareDialog)
    dialog.party.setCurrentIndex(dialog.party.findText("Daily Glow (press)"))
    return dialog


def _create(app: SealroomApp, qtbot: QtBot, dialog: ShareDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=WAIT_MS)
    wait_idle(app, qtbot)


def test_owner_sees_the_refusal_then_shares_with_a_recorded_override(
    sealroom: SealroomApp, qtbot: QtBot, refused_vault: Vault, tmp_path: Path
) -> None:
    dialog = _open(sealroom, qtbot, refused_vault, "owner", PASSWORD)
    assert dialog.visible.isEnabled()
    assert not dialog.reason.isVisibleTo(dialog)
    out = tmp_path / "preview.png"
    dialog.out.setText(str(out))
    _create(sealroom, qtbot, dialog)
    shown = dialog.form.error_of(dialog.reason)
    assert "refused: Daily Glow has no grant" in shown and "no signed, unexpired NDA" in shown
    assert dialog.isVisible() and not out.exists()
    assert dialog.reason.isVisibleTo(dialog)
    assert dialog.save_button.text() == "Create with override"
    dialog.reason.setPlainText("urgent")
    _create(sealroom, qtbot, dialog)
    assert "at least 10 characters" in dialog.form.error_of(dialog.reason)
    assert dialog.isVisible() and not out.exists()
    dialog.reason.setPlainText("Press embargo briefing agreed by phone with the editor")
    _create(sealroom, qtbot, dialog)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    assert out.is_file()

    sealroom.window.show_section("dashboard")
    board = sealroom.window.views["dashboard"]
    assert isinstance(board, DashboardView)
    board.load()
    qtbot.waitUntil(lambda: board.model.count(EXCEPTIONS) == 1, timeout=WAIT_MS)
    (item,) = [i for i in board.model.records() if i.card == EXCEPTIONS]
    assert item.key.startswith("obx_") and item.title == "Daily Glow ← copy of hero"
    assert "owner override by owner: Press embargo briefing" in item.detail


def test_manager_sees_the_refusal_without_an_override_or_an_unmarked_copy(
    sealroom: SealroomApp, qtbot: QtBot, refused_vault: Vault, tmp_path: Path
) -> None:
    dialog = _open(sealroom, qtbot, refused_vault, "mira", MANAGER_PASSWORD)
    assert not dialog.visible.isEnabled() and dialog.visible.isChecked()
    out = tmp_path / "preview.png"
    dialog.out.setText(str(out))
    _create(sealroom, qtbot, dialog)
    shown = dialog.form.error_of(None)
    assert "refused: Daily Glow has no grant" in shown and "ask an owner" in shown
    assert not dialog.reason.isVisibleTo(dialog)
    assert dialog.save_button.text() == "Create"
    assert dialog.isVisible() and not out.exists()
    found: list[tuple[int, list[tuple[str, str]]]] = []
    task = sealroom.runner.submit(_shares_and_refusals)
    task.done.connect(found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
    assert found[0] == (0, [("mira", "denied")])


def _shares_and_refusals(vault: Vault, job: object) -> tuple[int, list[tuple[str, str]]]:
    events = [e for e in vault.audit.events(limit=30) if e.action == "share.authorize"]
    count = query(vault.conn, "SELECT count(*) FROM shares")[0][0]
    return count, [(e.actor, e.outcome) for e in events]
