"""The pages of the share-package viewer: unlock, NDA terms, previews, and a refusal."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QMouseEvent, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.widgets.busy import busy_bar
from sealroom.vault.partner.opening import OpenedShare, SenderStatus


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
COLUMN_WIDTH = 760


def human_time(stamp: str) -> str:
    """`2027-03-01T09:00:00Z` as `1 Mar 2027, 09:00 UTC` (unchanged when not a stamp)."""
    try:
        when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    return f"{when.day} {when:%b %Y, %H:%M} UTC"


def humanized(text: str) -> str:
    """Every UTC stamp in `text` written for people; the first letter in capitals."""
    text = STAMP.sub(lambda m: human_time(m.group()), text).replace("UTC (UTC)", "UTC")
    return text[:1].upper() + text[1:]


def _column(page: QWidget) -> QVBoxLayout:
    """A centred column of readable width on `page`; returns its layout."""
    outer = QHBoxLayout(page)
    outer.setContentsMargins(24, 20, 24, 20)
    inner = QWidget()
    inner.setMaximumWidth(COLUMN_WIDTH)
    outer.addStretch(1)
    outer.addWidget(inner, 100)
    outer.addStretch(1)
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    return layout


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PannedPicture(QLabel):
    """The preview: a mouse drag pans the scroll area around it and never starts a drag and
    drop, so a preview cannot be dropped into another application or a folder."""

    def __init__(self) -> None:
        super().__init__()
        self.scroller: QScrollArea | None = None
        self._grab: QPoint | None = None
        self.setAcceptDrops(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._grab = event.globalPosition().toPoint()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is None or self.scroller is None:
            event.accept()
            return
        now = event.globalPosition().toPoint()
        delta = now - self._grab
        self._grab = now
        horizontal = self.scroller.horizontalScrollBar()
        vertical = self.scroller.verticalScrollBar()
        horizontal.setValue(horizontal.value() - delta.x())
        vertical.setValue(vertical.value() - delta.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()


class UnlockPage(QWidget):
    """Asks for the identity file and its password, or for the package's passphrase."""

    open_wanted = Signal()

    def __init__(self, package: Path, passphrase_mode: bool, default_identity: Path,
                 can_remember: bool = False) -> None:
        super().__init__()
        self.passphrase_mode = passphrase_mode
        self.remembered = False
        layout = _column(self)
        layout.addWidget(_title(self.tr("Open {name}").format(name=package.name)))
        form = QFormLayout()
        self.identity = QLineEdit(str(default_identity))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase = QLineEdit()
        self.passphrase.setPlaceholderText(self.tr("six words, separated by hyphens"))
        if passphrase_mode:
            layout.addWidget(_wrapped(self.tr(
                "This package opens with the passphrase its sender gave you separately.")))
            form.addRow(self.tr("Passphrase"), self.passphrase)
        else:
            layout.addWidget(_wrapped(self.tr(
                "This package is encrypted to your key. Unlock your identity to open it.")))
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(self._browse)
            row = QHBoxLayout()
            row.addWidget(self.identity)
            row.addWidget(browse)
            form.addRow(self.tr("Identity file"), row)
            form.addRow(self.tr("Password"), self.password)
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setToolTip(self.tr(
            "Keeps your identity wrapped under a secret in this computer's keychain, so that "
            "packages open here without the password"))
        self.remember.setVisible(can_remember and not passphrase_mode)
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.error = _wrapped()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #e03131")
        layout.addWidget(self.error)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_wanted)
        self.password.returnPressed.connect(self.open_wanted)
        self.passphrase.returnPressed.connect(self.open_wanted)
        layout.addWidget(self.open_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self.setFocusProxy(self.passphrase if passphrase_mode else self.password)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Your identity file"))
        if name:
            self.identity.setText(name)

    def set_remembered(self, remembered: bool) -> None:
        """Shows whether this identity opens without its password on this computer."""
        self.remembered = remembered
        self.remember.blockSignals(True)
        self.remember.setChecked(remembered)
        self.remember.blockSignals(False)
        self.password.setPlaceholderText(
            self.tr("not needed: remembered on this computer") if remembered else "")

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.open_button.setEnabled(not busy)
        if busy:
            self.error.clear()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)


class TermsPage(QWidget):
    """The sender, their key, the NDA terms, and an explicit acceptance."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, share: OpenedShare) -> None:
        super().__init__()
        m = share.manifest
        layout = _column(self)
        layout.addWidget(_title(m.nda_title or self.tr("Confidentiality terms")))
        layout.addWidget(_wrapped(
            self.tr("From {sender} to {recipient}. Open from {start} until {end}.").format(
                sender=m.sender_name, recipient=m.recipient_name,
                start=human_time(m.not_before), end=human_time(m.not_after))))
        self.sender_label = _wrapped(self._sender_text(share))
        if share.sender_status is SenderStatus.CHANGED:
            self.sender_label.setStyleSheet("color: #e03131; font-weight: bold")
        layout.addWidget(self.sender_label)
        self.terms = QPlainTextEdit(m.nda_terms)
        self.terms.setReadOnly(True)
        self.terms.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout.addWidget(self.terms, 1)
        self.setFocusProxy(self.terms)  # Page Down reads on; Tab reaches the checkbox
        self.agree = QCheckBox(self.tr("I have read these terms and accept them"))
        layout.addWidget(self.agree)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.accept_button = QPushButton(self.tr("Accept and view"))
        self.accept_button.setEnabled(False)
        self.agree.toggled.connect(self.accept_button.setEnabled)
        self.decline_button.clicked.connect(self.declined)
        self.accept_button.clicked.connect(self.accepted)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        layout.addLayout(buttons)

    def _sender_text(self, share: OpenedShare) -> str:
        fingerprint = share.sender_fingerprint
        if share.sender_status is SenderStatus.KNOWN:
            return self.tr("Sender key {key}: the same key as their earlier packages.").format(
                key=fingerprint)
        if share.sender_status is SenderStatus.NEW:
            return self.tr("Sender key {key}: the first package from this sender on this "
                           "computer. Compare the key with them by phone or in person.").format(
                key=fingerprint)
        return self.tr("Warning: the sender's key changed to {key}. This package may not come "
                       "from them; check with the sender before accepting.").format(
            key=fingerprint)


class PreviewPage(QWidget):
    """The previews, from memory only: zoom and page through; no save, copy or print."""

    receipt_wanted = Signal()

    def __init__(self, share: OpenedShare, capture_note: str, can_receipt: bool) -> None:
        super().__init__()
        self.share = share
        self.pages = share.pages
        self.index = 0
        self.zoom = 1.0
        self.image = QImage()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.caption = QLabel()
        top.addWidget(self.caption, 1)
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.zoom_out_button = QPushButton("−")
        self.zoom_in_button = QPushButton("+")
        self.fit_button = QPushButton(self.tr("Fit"))
        for button in (self.previous_button, self.next_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        self.receipt_button = QPushButton(self.tr("Export receipt…"))
        self.receipt_button.setVisible(can_receipt)
        self.receipt_button.clicked.connect(self.receipt_wanted)
        top.addWidget(self.receipt_button)
        layout.addLayout(top)
        self.picture = PannedPicture()
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.picture)
        self.picture.scroller = self.scroller
        self.scroller.setWidgetResizable(True)
        layout.addWidget(self.scroller, 1)
        self.note = _wrapped(
            self.tr("Marked for {name}. Previews cannot be saved, copied or printed. ").format(
                name=share.manifest.recipient_name) + capture_note)
        layout.addWidget(self.note)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToNextPage, self.next),
            (QKeySequence.StandardKey.MoveToPreviousPage, self.previous),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            QShortcut(keys, self, slot)
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit)
        QShortcut(QKeySequence(Qt.Key.Key_Home), self, lambda: self.show_page(0))
        QShortcut(QKeySequence(Qt.Key.Key_End), self, lambda: self.show_page(len(self.pages) - 1))
        self.show_page(0)

    def show_page(self, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        asset, entry = self.pages[self.index]
        self.image = QImage.fromData(self.share.previews[entry.path])
        self.caption.setText(self.tr("{title} — page {n} of {total}").format(
            title=asset.title, n=self.index + 1, total=len(self.pages)))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.pages) - 1)
        self.fit()

    def next(self) -> None:
        self.show_page(self.index + 1)

    def previous(self) -> None:
        self.show_page(self.index - 1)

    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / 1.25)

    def fit(self) -> None:
        if self.image.isNull():
            self.picture.setText(self.tr("This preview cannot be shown."))
            return
        area = self.scroller.viewport().size()
        self._set_zoom(min(area.width() / self.image.width(), area.height() / self.image.height(),
                           1.0))

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.05, min(zoom, 8.0))
        if self.image.isNull():
            return
        scaled = self.image.scaled(
            max(1, int(self.image.width() * self.zoom)),
            max(1, int(self.image.height() * self.zoom)),
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(QPixmap.fromImage(scaled))


class RefusedPage(QWidget):
    """Why a package does not open, in one sentence, and what to do about it."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        layout = _column(self)
        layout.addStretch(1)
        layout.addWidget(_title(self.tr("This package cannot be opened")))
        self.reason = _wrapped(humanized(reason))
        font = self.reason.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.reason.setFont(font)
        layout.addWidget(self.reason)
        hint = _wrapped(self.tr("Nothing of it was shown or kept on this computer. If you still "
                                "need it, ask the sender for a new package."))
        hint.setObjectName("muted")
        layout.addWidget(hint)
        layout.addStretch(2)
