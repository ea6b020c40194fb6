"""The brand partner's viewer, on real packages: unlock, accept the NDA, page through, refuse."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from share_packages import MadePackage, make_package

from sealroom.crypto import agebox
from sealroom.crypto.identity import create_identity, write_identity
from sealroom.crypto.kdf import calibrate
from sealroom.crypto.receipt import open_receipt
from sealroom.desktop.viewer.pages import (
    PreviewPage,
    RefusedPage,
    TermsPage,
    UnlockPage,
    human_time,
)
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.vault.partner.store import PartnerStore

PASSWORD = "partner password"
WAIT_MS = 15_000


@pytest.fixture
def partner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    identity, secret = create_identity(PASSWORD, calibrate())
    path = tmp_path / "identity.json"
    write_identity(path, identity)
    secret[:] = bytes(len(secret))
    yield path, identity.recipient


def _viewer(qtbot: QtBot, tmp_path: Path, made: MadePackage) -> ViewerWindow:
    package = tmp_path / "spring.sealshare"
    package.write_bytes(made.data)
    window = ViewerWindow(package, PartnerStore.load(tmp_path / "data" / "partner.json"))
    qtbot.addWidget(window)
    window.show()
    return window


def _unlock(qtbot: QtBot, window: ViewerWindow, identity: Path, password: str = PASSWORD) -> None:
    page = window.page
    assert isinstance(page, UnlockPage)
    page.identity.setText(str(identity))
    page.password.setText(password)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)


def test_accept_the_nda_then_page_through(qtbot: QtBot, tmp_path: Path,
                                          partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    receipt_identity, receipt_recipient = agebox.generate_identity()
    made = make_package(recipient, receipt_recipient=receipt_recipient)
    window = _viewer(qtbot, tmp_path, made)
    _unlock(qtbot, window, identity)
    qtbot.waitUntil(lambda: isinstance(window.page, TermsPage), timeout=WAIT_MS)
    terms = window.page
    assert isinstance(terms, TermsPage)
    assert "launch on 1 March" in terms.terms.toPlainText()
    assert "first package from this sender" in terms.sender_label.text()
    assert not terms.accept_button.isEnabled()
    terms.agree.setChecked(True)
    qtbot.mouseClick(terms.accept_button, Qt.MouseButton.LeftButton)
    previews = window.page
    assert isinstance(previews, PreviewPage)
    assert "page 1 of 3" in previews.caption.text()
    assert not previews.picture.pixmap().isNull()
    qtbot.mouseClick(previews.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(previews, Qt.Key.Key_PageDown)
    assert "Look 3" in previews.caption.text() and not previews.next_button.isEnabled()
    before = previews.picture.pixmap().width()
    qtbot.mouseClick(previews.zoom_in_button, Qt.MouseButton.LeftButton)
    assert previews.picture.pixmap().width() > before
    assert previews.picture.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert "cannot be hidden from screenshots" in previews.note.text()
    receipt = tmp_path / "receipt.sealreceipt"
    window.export_receipt(receipt)
    opened = open_receipt(receipt.read_bytes(), receipt_identity)
    assert opened.package_id == made.manifest.package_id and opened.recipient == recipient


def test_a_second_opening_skips_the_accepted_terms(qtbot: QtBot, tmp_path: Path,
                                                   partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    made = make_package(recipient)
    first = _viewer(qtbot, tmp_path, made)
    _unlock(qtbot, first, identity)
    qtbot.waitUntil(lambda: isinstance(first.page, TermsPage), timeout=WAIT_MS)
    terms = first.page
    assert isinstance(terms, TermsPage)
    terms.agree.setChecked(True)
    terms.accept_button.click()
    first.close()
    second = _viewer(qtbot, tmp_path, made)
    _unlock(qtbot, second, identity)
    qtbot.waitUntil(lambda: isinstance(second.page, PreviewPage), timeout=WAIT_MS)


def test_an_expired_package_is_refused_with_its_dates(qtbot: QtBot, tmp_path: Path,
                                                      partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    made = make_package(recipient, valid_from=datetime.now(UTC) - timedelta(days=10),
                        valid_days=2)
    window = _viewer(qtbot, tmp_path, made)
    _unlock(qtbot, window, identity)
    qtbot.waitUntil(lambda: isinstance(window.page, RefusedPage), timeout=WAIT_MS)
    page = window.page
    assert isinstance(page, RefusedPage)
    assert f"expired on {human_time(made.manifest.not_after)}" in page.reason.text()


def test_a_wrong_password_stays_on_the_unlock_page(qtbot: QtBot, tmp_path: Path,
                                                   partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    window = _viewer(qtbot, tmp_path, make_package(recipient))
    _unlock(qtbot, window, identity, "not it")
    page = window.page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=WAIT_MS)
    assert "wrong password" in page.error.text()
    assert page.open_button.isEnabled()


def test_a_passphrase_package_and_a_tampered_one(qtbot: QtBot, tmp_path: Path,
                                                 partner: tuple[Path, str]) -> None:
    made = make_package(passphrase="alpha-bravo-charlie-delta-echo-foxtrot")
    window = _viewer(qtbot, tmp_path, made)
    page = window.page
    assert isinstance(page, UnlockPage) and page.passphrase_mode
    page.passphrase.setText("alpha-bravo-charlie-delta-echo-foxtrot")
    page.open_button.click()
    qtbot.waitUntil(lambda: isinstance(window.page, TermsPage), timeout=WAIT_MS)
    tampered = bytearray(made.data)
    tampered[-10] ^= 0x40
    other = _viewer(qtbot, tmp_path, MadePackage(bytes(tampered), made.canary, made.manifest))
    page = other.page
    assert isinstance(page, UnlockPage)
    page.passphrase.setText("alpha-bravo-charlie-delta-echo-foxtrot")
    page.open_button.click()
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=WAIT_MS)
    assert "tampered" in page.error.text()


def test_a_file_that_is_not_a_package_is_refused_at_once(qtbot: QtBot, tmp_path: Path,
                                                         partner: tuple[Path, str]) -> None:
    window = _viewer(qtbot, tmp_path, MadePackage(b"PK\x03\x04 not age", b"", None))  # type: ignore[arg-type]
    page = window.page
    assert isinstance(page, RefusedPage)
    assert "not a share package" in page.reason.text().lower()


def test_nothing_decrypted_reaches_the_disk(qapp: QApplication, qtbot: QtBot, tmp_path: Path,
                                            partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    made = make_package(recipient)
    window = _viewer(qtbot, tmp_path, made)
    _unlock(qtbot, window, identity)
    qtbot.waitUntil(lambda: isinstance(window.page, TermsPage), timeout=WAIT_MS)
    terms = window.page
    assert isinstance(terms, TermsPage)
    terms.agree.setChecked(True)
    terms.accept_button.click()
    previews = window.page
    assert isinstance(previews, PreviewPage)
    for _ in range(3):
        previews.next()
        qapp.processEvents()
    window.close()
    places = {Path(tempfile.gettempdir()), tmp_path, Path.home() / ".cache",
              Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))}
    for place in places:
        for folder, _, files in os.walk(place):
            for name in files:
                assert made.canary not in _read(Path(folder) / name), Path(folder) / name


def _read(path: Path) -> bytes:
    """The file's bytes, or nothing when it vanished or cannot be read (other programs' files)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 50_000_000:
            return b""
        return path.read_bytes()
    except OSError:
        return b""


def test_keyboard_alone_opens_and_pages_and_a_drag_only_pans(
        qtbot: QtBot, tmp_path: Path, partner: tuple[Path, str]) -> None:
    identity, recipient = partner
    window = _viewer(qtbot, tmp_path, make_package(recipient, pages=3))
    page = window.page
    assert isinstance(page, UnlockPage)
    page.identity.setText(str(identity))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.password, timeout=WAIT_MS)
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.page, TermsPage), timeout=WAIT_MS)
    terms = window.page
    assert isinstance(terms, TermsPage)
    assert QApplication.focusWidget() is terms.terms
    qtbot.keyClick(terms.terms, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is terms.agree
    qtbot.keyClick(terms.agree, Qt.Key.Key_Space)
    assert terms.accept_button.isEnabled()
    terms.accept_button.setFocus()
    qtbot.keyClick(terms.accept_button, Qt.Key.Key_Space)
    previews = window.page
    assert isinstance(previews, PreviewPage)
    qtbot.keyClick(previews, Qt.Key.Key_End)
    assert "page 3 of 3" in previews.caption.text()
    qtbot.keyClick(previews, Qt.Key.Key_Home)
    assert "page 1 of 3" in previews.caption.text()

    QApplication.clipboard().clear()
    for _ in range(8):
        previews.zoom_in()
    bar = previews.scroller.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    picture = previews.picture
    middle = picture.rect().center()
    qtbot.mousePress(picture, Qt.MouseButton.LeftButton, pos=middle)
    for step in range(1, 6):
        qtbot.mouseMove(picture, middle + QPoint(-20 * step, 0))
    qtbot.mouseRelease(picture, Qt.MouseButton.LeftButton, pos=middle + QPoint(-100, 0))
    assert bar.value() > start  # the drag panned the preview ...
    assert isinstance(window.page, PreviewPage)
    clipboard = QApplication.clipboard().mimeData()
    assert clipboard is None or not (clipboard.hasImage() or clipboard.hasUrls())  # ... only
