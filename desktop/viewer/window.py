"""The brand partner's viewer: one window per share package, nothing decrypted on disk.

Unlock (identity and password, or the passphrase) and the checks run off the GUI thread; a
refused package shows why (wrong key, tampered, expired, revoked). The NDA terms come first
and must be accepted explicitly; the acceptance is remembered on this computer, and a signed
receipt can be exported for the sender.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStackedWidget, QWidget

from sealroom.crypto.errors import PackageKeyError
from sealroom.crypto.identity import read_identity
from sealroom.desktop.viewer.background import Call
from sealroom.desktop.viewer.capture import exclude_from_capture
from sealroom.desktop.viewer.pages import PreviewPage, RefusedPage, TermsPage, UnlockPage
from sealroom.vault import remember
from sealroom.vault.errors import SealroomError
from sealroom.vault.partner.opening import (
    OpenedShare,
    accept_terms,
    needs_passphrase,
    open_package_file,
    open_share,
    read_package_file,
    receipt_for,
)
from sealroom.vault.partner.store import PartnerStore, user_data_dir

DEFAULT_IDENTITY = "identity.json"


class ViewerWindow(QMainWindow):
    def __init__(self, package: Path, store: PartnerStore | None = None) -> None:
        super().__init__()
        self.package = package
        self.store = store or PartnerStore.load()
        self.share: OpenedShare | None = None
        self.identity: bytearray | None = None
        self.call: Call | None = None
        self.setWindowTitle(self.tr("{name} — Sealroom viewer").format(name=package.name))
        self.resize(900, 700)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.capture_note = exclude_from_capture(self)
        try:
            passphrase_mode = needs_passphrase(package)
        except SealroomError as exc:
            self._show(RefusedPage(str(exc)))
            self.unlock_page: UnlockPage | None = None
            return
        self.unlock_page = UnlockPage(package, passphrase_mode, user_data_dir() / DEFAULT_IDENTITY,
                                      can_remember=remember.keychain_usable())
        self.unlock_page.open_wanted.connect(self.open_package)
        self.unlock_page.identity.textChanged.connect(self._identity_chosen)
        self.unlock_page.remember.toggled.connect(self._remember_toggled)
        self._identity_chosen(self.unlock_page.identity.text())
        self._show(self.unlock_page)

    @property
    def page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _show(self, page: QWidget) -> None:
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _identity_chosen(self, text: str) -> None:
        """Whether the chosen identity is remembered here (read from its public part only)."""
        page = self.unlock_page
        if page is None or page.passphrase_mode or not page.remember.isVisibleTo(page):
            return
        slot = self._slot(Path(text))
        page.set_remembered(slot is not None and remember.is_remembered(slot))

    def _remember_toggled(self, on: bool) -> None:
        page = self.unlock_page
        if page is None or on or not page.remembered:
            return
        slot = self._slot(Path(page.identity.text()))
        if slot is not None:
            remember.forget(slot)
        page.set_remembered(False)

    @staticmethod
    def _slot(identity: Path) -> str | None:
        try:
            return remember.identity_slot(read_identity(identity).recipient)
        except SealroomError:
            return None

    def open_package(self) -> None:
        page = self.unlock_page
        if page is None or self.call is not None:
            return
        page.set_busy(True)
        if page.passphrase_mode:
            self.call = Call(self._open, None, None, page.passphrase.text(), False)
        else:
            self.call = Call(self._open, Path(page.identity.text()), page.password.text(), None,
                             page.remember.isVisibleTo(page) and page.remember.isChecked())
        self.call.done.connect(self._opened)
        self.call.failed.connect(self._failed)
        self.call.start()

    def _open(self, identity: Path | None, password: str | None, passphrase: str | None,
              keep: bool) -> tuple[OpenedShare, bytearray | None]:
        """Off the GUI thread: with a remembered identity and no password typed, the identity
        comes from this computer's keychain; with "remember" ticked it is kept there."""
        slot = self._slot(identity) if identity is not None and keep else None
        if slot is not None and not password and remember.is_remembered(slot):
            secret = remember.recall(slot)
            if secret is None:
                remember.forget(slot)
                raise PackageKeyError("the identity remembered on this computer no longer "
                                      "opens here; type its password")
            try:
                return open_share(read_package_file(self.package), self.store,
                                  identity=secret), secret
            except BaseException:
                secret[:] = bytes(len(secret))
                raise
        if passphrase is None and not password:
            raise PackageKeyError("type the password of your identity")
        share, secret = open_package_file(self.package, self.store, identity_file=identity,
                                          password=password, passphrase=passphrase)
        if slot is not None and secret is not None:
            remember.remember(slot, secret)
        return share, secret

    def _failed(self, message: str, kind: type[BaseException]) -> None:
        self.call = None
        if self.unlock_page is not None and issubclass(kind, PackageKeyError):
            self.unlock_page.show_error(message)
            self._identity_chosen(self.unlock_page.identity.text())
        else:
            self._show(RefusedPage(message))

    def _opened(self, result: tuple[OpenedShare, bytearray | None]) -> None:
        self.call = None
        self.share, self.identity = result
        if self.share.accepted_at is not None:
            self._show_previews()
            return
        terms = TermsPage(self.share)
        terms.accepted.connect(self._accepted)
        terms.declined.connect(self.close)
        self._show(terms)

    def _accepted(self) -> None:
        assert self.share is not None
        accept_terms(self.share, self.store)
        self._show_previews()

    def _show_previews(self) -> None:
        assert self.share is not None
        can_receipt = self.identity is not None and bool(self.share.manifest.receipt_recipient)
        previews = PreviewPage(self.share, self.capture_note, can_receipt)
        previews.receipt_wanted.connect(self.export_receipt)
        self._show(previews)

    def export_receipt(self, target: Path | None = None) -> None:
        share, identity = self.share, self.identity
        if share is None or identity is None:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the receipt for the sender"),
                f"{share.manifest.package_id}.sealreceipt")
            if not name:
                return
            target = Path(name)
        accepted_at = self.store.accepted.get(share.manifest.package_id) or ""
        target.write_bytes(receipt_for(share, accepted_at, identity))

    def closeEvent(self, event: object) -> None:
        if self.identity is not None:
            self.identity[:] = bytes(len(self.identity))
        self.share = None
        super().closeEvent(event)  # type: ignore[arg-type]

