"""Turning decrypted bytes into an on-screen image, in memory only.

Images decode with `QImage.loadFromData`; PDF pages come from the vault's one PDF renderer
(`sealroom.vault.media.pdf`, one page fitted to the view, within its pixel limits) as RGB pixels
that become a `QImage`. Nothing is written to disk and nothing is cached beyond the returned
`QImage`. Runs on the vault thread (`QImage` is safe off the GUI thread; `QPixmap` is not).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from sealroom.desktop.i18n import translate
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import pdf

PDF = "application/pdf"


@dataclass(frozen=True)
class Preview:
    asset_id: str
    image: QImage | None
    page: int
    pages: int
    message: str = ""
    """Shown instead of an image (why there is none) or under it."""
    text: str | None = None
    """The start of a text file, shown as text."""

    @staticmethod
    def can_render(media_type: str) -> bool:
        if media_type == PDF:
            return True
        if not media_type.startswith("image/"):
            return False
        subtype = media_type.split("/")[1].split("+")[0].removeprefix("x-").encode()
        known = {bytes(f.data()) for f in QImageReader.supportedImageFormats()}
        return subtype in known or subtype.replace(b"jpeg", b"jpg") in known


def render_preview(asset_id: str, media_type: str, data: bytes, page: int, size: QSize) -> Preview:
    if media_type == PDF:
        return _render_pdf(asset_id, data, page, size)
    image = QImage()
    if not image.loadFromData(data):
        return Preview(
            asset_id, None, 0, 0, translate("Preview", "This image could not be decoded")
        )
    return Preview(asset_id, _fit(image, size), 0, 1)


def _fit(image: QImage, size: QSize) -> QImage:
    if image.width() <= size.width() and image.height() <= size.height():
        return image
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _render_pdf(asset_id: str, data: bytes, page: int, size: QSize) -> Preview:
    try:
        rendered = pdf.render_page(data, page, max(size.width(), 1), max(size.height(), 1))
    except InvalidInputError as exc:
        message = translate("Preview", "This PDF could not be shown: {error}")
        return Preview(asset_id, None, 0, 0, message.format(error=exc))
    pixels = rendered.pixels
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB888)
    return Preview(asset_id, image.copy(), rendered.index, rendered.pages)
