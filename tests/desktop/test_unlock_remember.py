""""Remember on this computer" in the unlock dialog: the password, wrapped, never a key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from file_keyring import file_keyring, installed
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.vault import remember
from sealroom.vault.session import Vault

from .conftest import PASSWORD, WAIT_MS


@pytest.fixture
def keychain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with file_keyring(tmp_path / "keychain.cfg") as backend:
        yield Path(backend.file_path)


def _dialog(app: SealroomApp, folder: Path) -> UnlockDialog:
    app.start(folder)
    dialog = app.dialog
    assert isinstance(dialog, UnlockDialog)
    return dialog


def _unlock(qtbot: QtBot, app: SealroomApp, dialog: UnlockDialog) -> None:
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=WAIT_MS)


def test_a_remembered_password_unlocks_without_typing_until_forgotten(
        sealroom: SealroomApp, vault: Vault, qtbot: QtBot, keychain: Path) -> None:
    vault.lock()
    dialog = _dialog(sealroom, vault.folder)
    assert dialog.remember.isVisibleTo(dialog) and not dialog.remember.isChecked()
    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(True)
    _unlock(qtbot, sealroom, dialog)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    slot = remember.vault_slot(vault.folder, "owner")
    assert remember.is_remembered(slot)
    wrapped = next((keychain.parent / "data" / "sealroom" / "remembered").iterdir()).read_bytes()
    assert PASSWORD.encode() not in wrapped
    sealroom.runner.lock()
    qtbot.waitUntil(lambda: not sealroom.runner.unlocked, timeout=WAIT_MS)

    again = _dialog(sealroom, vault.folder)
    assert again.remembered and again.remember.isChecked() and not again.password.text()
    _unlock(qtbot, sealroom, again)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    sealroom.runner.lock()
    qtbot.waitUntil(lambda: not sealroom.runner.unlocked, timeout=WAIT_MS)

    forgetting = _dialog(sealroom, vault.folder)
    forgetting.remember.setChecked(False)
    assert not remember.is_remembered(slot)
    qtbot.mouseClick(forgetting.unlock_button, Qt.MouseButton.LeftButton)
    assert not sealroom.runner.unlocked
    assert "Type your password" in forgetting.form.error_of(forgetting.password)


def test_without_a_keychain_the_option_is_hidden(sealroom: SealroomApp, vault: Vault,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    vault.lock()
    with installed(fail.Keyring()):
        dialog = _dialog(sealroom, vault.folder)
        assert not dialog.remember.isVisibleTo(dialog)
