"""The asset detail pane: a decrypted preview (image or PDF page) and the asset's facts.

The preview is rendered on the vault thread into a `QImage` and shown from memory; nothing
decrypted is written to disk or kept after another asset is selected or the vault locks.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.assets import kind_label
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks.previews import Preview
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.units import human_size

RENDER_SIZE = QSize(1400, 1400)
PREVIEW_DELAY_MS = 120
"""How long the selection rests on an asset before its preview is decrypted."""
FACTS = (
    QT_TRANSLATE_NOOP("Facts", "Campaign"),
    QT_TRANSLATE_NOOP("Facts", "Sensitivity"),
    QT_TRANSLATE_NOOP("Facts", "Embargo"),
    QT_TRANSLATE_NOOP("Facts", "Tags"),
    QT_TRANSLATE_NOOP("Facts", "File"),
    QT_TRANSLATE_NOOP("Facts", "Type"),
    QT_TRANSLATE_NOOP("Facts", "Size"),
    QT_TRANSLATE_NOOP("Facts", "Version"),
    QT_TRANSLATE_NOOP("Facts", "Imported"),
    QT_TRANSLATE_NOOP("Facts", "SHA-256"),
    QT_TRANSLATE_NOOP("Facts", "Id"),
)


class PreviewLabel(QLabel):
    """Shows an image scaled to fit, keeping the full-size image to rescale on resize."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None

    def set_image(self, image: QImage | None, message: str = "") -> None:
        self.image = image
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if image is None:
            self.setPixmap(QPixmap())
            self.setText(message)
        else:
            self.setText("")
            self._rescale()

    def set_text(self, text: str) -> None:
        """A text file's content, top-left aligned."""
        self.set_image(None, text)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.image is None:
            return
        ratio = self.devicePixelRatioF()
        box = self.contentsRect().size() * ratio
        image = self.image
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)


class AssetDetail(QWidget):
    """Preview and facts of one asset. Asks its screen for previews with `preview_wanted`."""

    preview_wanted = Signal(str, int)
    """(asset id, page index)"""
    export_wanted = Signal(str)
    edit_wanted = Signal(str)
    release_wanted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(PREVIEW_DELAY_MS)
        self._settle.timeout.connect(self._want_preview)
        self.asset: Asset | None = None
        self.page = 0
        self.pages = 0
        self.preview = PreviewLabel()
        self.prev_page = QPushButton("◀")
        self.prev_page.setToolTip(self.tr("Previous page (Page Up)"))
        self.prev_page.setShortcut("PgUp")
        self.prev_page.clicked.connect(self.show_previous_page)
        self.next_page = QPushButton("▶")
        self.next_page.setToolTip(self.tr("Next page (Page Down)"))
        self.next_page.setShortcut("PgDown")
        self.next_page.clicked.connect(self.show_next_page)
        self.page_label = QLabel()
        pager = QHBoxLayout()
        pager.addStretch(1)
        pager.addWidget(self.prev_page)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_page)
        pager.addStretch(1)

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._values: dict[str, QLabel] = {}
        for name in FACTS:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._values[name] = value
            self.facts.addRow(self.tr("{name}:").format(name=translate("Facts", name)), value)
        self.export = QPushButton(self.tr("Export original…"))
        self.export.setToolTip(
            self.tr("Write the decrypted original to a file you choose (recorded)")
        )
        self.export.clicked.connect(self._export)
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setToolTip(self.tr("Title, campaign, sensitivity, tags, embargo (Enter)"))
        self.edit.clicked.connect(self._edit)
        self.release = QPushButton(self.tr("Release…"))
        self.release.setToolTip(
            self.tr("Lift the embargo now; captions are checked first, secret assets need a "
                    "second person")
        )
        self.release.clicked.connect(self._release)
        buttons = QHBoxLayout()
        for button in (self.edit, self.release, self.export):
            buttons.addWidget(button)
        buttons.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.preview, 1)
        column.addLayout(pager)
        column.addWidget(self.title)
        column.addLayout(self.facts)
        column.addLayout(buttons)
        self.show_asset(None)

    def show_asset(self, asset: Asset | None) -> None:
        same = asset is not None and self.asset is not None and asset.id == self.asset.id
        self.asset = asset
        for widget in (self.title, self.export, self.edit):
            widget.setVisible(asset is not None)
        self.release.setVisible(asset is not None and asset.embargoed)
        if asset is None:
            self.preview.set_image(None, self.tr("Select an asset to preview it."))
            self._set_pages(0, 0)
            for value in self._values.values():
                value.clear()
            return
        self.title.setText(asset.title)
        values = {
            "Campaign": asset.campaign_name or "—",
            "Sensitivity": word(asset.sensitivity, True),
            "Embargo": _embargo(asset),
            "Tags": ", ".join(f"#{t}" for t in asset.tags) or "—",
            "File": asset.original_name,
            "Type": f"{kind_label(asset)} ({asset.media_type})",
            "Size": self.tr("{size} ({bytes} bytes)").format(
                size=human_size(asset.size), bytes=f"{asset.size:,}"),
            "Version": str(asset.version),
            "Imported": self.tr("{time} UTC by {name}").format(
                time=short_time(asset.created), name=asset.created_by),
            "SHA-256": asset.sha256,
            "Id": asset.id,
        }
        for name, text in values.items():
            self._values[name].setText(text)
            self._values[name].setToolTip("")
        sha = self._values["SHA-256"]
        sha.setText(f"{asset.sha256[:16]}…{asset.sha256[-8:]}")
        sha.setToolTip(asset.sha256)
        if not same:
            self.preview.set_image(None, self.tr("Decrypting preview…"))
            self._set_pages(0, 0)
            self._settle.start()

    def _want_preview(self) -> None:
        """The selection has stayed on one asset: decrypt its preview (holding PageDown
        through a hundred assets decrypts the one it stops on, not each one on the way)."""
        if self.asset is not None:
            self.preview_wanted.emit(self.asset.id, 0)

    def show_preview(self, preview: Preview) -> None:
        if self.asset is None or preview.asset_id != self.asset.id:
            return
        if preview.text is not None:
            self.preview.set_text(preview.text)
        else:
            self.preview.set_image(preview.image, preview.message)
        self._set_pages(preview.page, preview.pages)

    def preview_failed(self, message: str) -> None:
        self.preview.set_image(None, message)

    def clear(self) -> None:
        self._settle.stop()
        self.asset = None
        self.show_asset(None)

    def _set_pages(self, page: int, pages: int) -> None:
        self.page, self.pages = page, pages
        several = pages > 1
        for widget in (self.prev_page, self.next_page, self.page_label):
            widget.setVisible(several)
        self.page_label.setText(self.tr("Page {n} of {total}").format(n=page + 1, total=pages))
        self.prev_page.setEnabled(page > 0)
        self.next_page.setEnabled(page + 1 < pages)

    def show_previous_page(self) -> None:
        self._go(self.page - 1)

    def show_next_page(self) -> None:
        self._go(self.page + 1)

    def _go(self, page: int) -> None:
        if self.asset is not None and 0 <= page < self.pages:
            self.preview_wanted.emit(self.asset.id, page)

    def _export(self) -> None:
        if self.asset is not None:
            self.export_wanted.emit(self.asset.id)

    def _edit(self) -> None:
        if self.asset is not None:
            self.edit_wanted.emit(self.asset.id)

    def _release(self) -> None:
        if self.asset is not None:
            self.release_wanted.emit(self.asset.id)


def _embargo(asset: Asset) -> str:
    if asset.released:
        return translate("AssetDetail", "Released {time} UTC by {name}").format(
            time=short_time(asset.released), name=asset.released_by or "?")
    if asset.embargo_until:
        return translate("AssetDetail", "Until {time} (not released yet)").format(
            time=asset.embargo_display)
    return translate("AssetDetail", "None")
