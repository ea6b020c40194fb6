"""Turning decrypted bytes into an on-screen image, in memory only.

Images decode with `QImage.loadFromData`; PDF pages render with pypdfium2 from the bytes in
memory. Nothing is written to disk and nothing is cached beyond the returned `QImage`.
Runs on the vault thread (`QImage` is safe off the GUI thread; `QPixmap` is not).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from sealroom.desktop.i18n import translate

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
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return Preview(asset_id, None, 0, 0, translate(
            "Preview", "This PDF could not be opened (damaged or encrypted)"))
    try:
        pages = len(document)
        if pages == 0:
            return Preview(asset_id, None, 0, 0, translate("Preview", "This PDF has no pages"))
        page = max(0, min(page, pages - 1))
        pdf_page = document[page]
        width, height = pdf_page.get_size()
        scale = min(size.width() / max(width, 1.0), size.height() / max(height, 1.0))
        bitmap = pdf_page.render(scale=max(scale, 0.05), rev_byteorder=True, prefer_bgrx=True)
        try:
            pixels = bitmap.to_numpy()
            h, w = pixels.shape[:2]
            four = pixels.shape[2] == 4
            fmt = QImage.Format.Format_RGBX8888 if four else QImage.Format.Format_RGB888
            image = QImage(pixels.data, w, h, pixels.strides[0], fmt).copy()
        finally:
            bitmap.close()
            pdf_page.close()
        return Preview(asset_id, image, page, pages)
    finally:
        document.close()
