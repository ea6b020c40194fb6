""""Remember on this computer" in the viewer, with a file-based keyring as the OS keychain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from file_keyring import file_keyring, installed
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from share_packages import make_package

from sealroom.crypto.identity import create_identity, write_identity
from sealroom.crypto.kdf import calibrate
from sealroom.desktop.viewer.pages import TermsPage, UnlockPage
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.vault.partner.store import PartnerStore

PASSWORD = "partner password"
WAIT_MS = 15_000


@pytest.fixture
def identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    made, secret = create_identity(PASSWORD, calibrate())
    path = tmp_path / "identity.json"
    write_identity(path, made)
    secret[:] = bytes(len(secret))
    return path, made.recipient


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[Path]:
    with file_keyring(tmp_path / "keychain.cfg") as backend:
        yield Path(backend.file_path)


def _window(qtbot: QtBot, tmp_path: Path, recipient: str, identity: Path) -> ViewerWindow:
    package = tmp_path / "spring.sealshare"
    package.write_bytes(make_package(recipient).data)
    window = ViewerWindow(package, PartnerStore.load(tmp_path / "data" / "partner.json"))
    qtbot.addWidget(window)
    window.show()
    page = window.page
    assert isinstance(page, UnlockPage)
    page.identity.setText(str(identity))
    return window


def _unlock_page(window: ViewerWindow) -> UnlockPage:
    page = window.unlock_page
    assert page is not None
    return page


def test_remembered_identity_opens_without_typing_until_forgotten(
        qtbot: QtBot, tmp_path: Path, identity: tuple[Path, str], keychain: Path) -> None:
    path, recipient = identity
    first = _window(qtbot, tmp_path, recipient, path)
    page = _unlock_page(first)
    assert page.remember.isVisible() and not page.remember.isChecked()
    page.password.setText(PASSWORD)
    page.remember.setChecked(True)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(first.page, TermsPage), timeout=WAIT_MS)
    first.close()

    again = _window(qtbot, tmp_path, recipient, path)
    page = _unlock_page(again)
    assert page.remembered and page.remember.isChecked() and not page.password.text()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(again.page, TermsPage), timeout=WAIT_MS)
    again.close()

    forgetting = _window(qtbot, tmp_path, recipient, path)
    page = _unlock_page(forgetting)
    page.remember.setChecked(False)
    assert not page.remembered
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=WAIT_MS)
    assert "type the password" in page.error.text()
    assert isinstance(forgetting.page, UnlockPage)

    later = _window(qtbot, tmp_path, recipient, path)
    assert not _unlock_page(later).remembered and not _unlock_page(later).remember.isChecked()


def test_without_a_keychain_the_option_is_hidden(qtbot: QtBot, tmp_path: Path,
                                                 identity: tuple[Path, str]) -> None:
    path, recipient = identity
    with installed(fail.Keyring()):
        window = _window(qtbot, tmp_path, recipient, path)
        page = _unlock_page(window)
        assert not page.remember.isVisible()
        assert page.password.isVisible()


def test_passphrase_packages_offer_no_remembering(qtbot: QtBot, tmp_path: Path,
                                                  keychain: Path) -> None:
    package = tmp_path / "spring.sealshare"
    package.write_bytes(make_package(passphrase="one-two-three-four-five-six").data)
    window = ViewerWindow(package, PartnerStore.load(tmp_path / "partner.json"))
    qtbot.addWidget(window)
    window.show()
    assert not _unlock_page(window).remember.isVisible()
