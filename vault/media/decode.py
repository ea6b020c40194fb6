"""Decoding images and PDF pages in memory, with limits checked before anything is decoded.

Suspects and assets come from outside, so their declared size is read from the header first: a
30,000 x 30,000 image is refused before its pixels are allocated. Nothing decoded is written to
disk; arrays are RGB uint8, height x width x 3.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
import pypdfium2
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

from sealroom.vault.errors import InvalidInputError

RGB = NDArray[np.uint8]
MAX_PIXELS = 80_000_000
"""Largest image accepted (beyond any phone or most cameras); more is a decompression bomb.

Kept below Pillow's own warning threshold (about 89 megapixels) so that our check speaks first."""
MIN_SIDE = 16
PDF_MAGIC = b"%PDF-"
MAX_PDF_PAGES = 500
PDF_RENDER_SIDE = 2048


@dataclass(frozen=True)
class Page:
    """One picture of a file: the image itself, or one rendered PDF page (numbered from 1)."""

    number: int
    pixels: RGB


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def decode_image(data: bytes, what: str = "file") -> RGB:
    """An image file's pixels, upright (EXIF orientation applied), as RGB."""
    if not data:
        raise InvalidInputError(f"{what} is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise InvalidInputError(
                    f"{what} is {width} x {height} pixels; images over "
                    f"{MAX_PIXELS // 1_000_000} megapixels are refused"
                )
            if min(width, height) < MIN_SIDE:
                raise InvalidInputError(
                    f"{what} is only {width} x {height} pixels; too small to trace or preview"
                )
            rgb = ImageOps.exif_transpose(image).convert("RGB")
    except InvalidInputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InvalidInputError(
            f"{what} declares too many pixels; images over "
            f"{MAX_PIXELS // 1_000_000} megapixels are refused before decoding"
        ) from None
    except UnidentifiedImageError:
        raise InvalidInputError(f"{what} is not an image Sealroom can read") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise InvalidInputError(f"{what} is damaged or truncated ({exc})") from None
    return np.asarray(rgb, dtype=np.uint8).copy()


def render_pdf(data: bytes, what: str = "PDF", longest_side: int = PDF_RENDER_SIDE) -> list[Page]:
    """Every page of a PDF rendered in memory so that its longest side is `longest_side`."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise InvalidInputError(f"{what} is not a PDF Sealroom can read ({exc})") from None
    try:
        if len(document) > MAX_PDF_PAGES:
            raise InvalidInputError(f"{what} has {len(document)} pages; at most {MAX_PDF_PAGES}")
        pages = []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            scale = longest_side / max(width, height, 1.0)
            bitmap = page.render(scale=scale)
            pixels = np.asarray(bitmap.to_pil().convert("RGB"), dtype=np.uint8).copy()
            pages.append(Page(index + 1, pixels))
            bitmap.close()
            page.close()
        return pages
    finally:
        document.close()


def decode_pages(data: bytes, what: str = "file") -> list[Page]:
    """The pictures in a file: one for an image, one per page for a PDF."""
    if is_pdf(data):
        return render_pdf(data, what)
    return [Page(1, decode_image(data, what))]


def encode_png(pixels: RGB) -> bytes:
    """PNG bytes with no metadata at all (no EXIF, GPS, text chunks)."""
    out = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()


def encode_jpeg(pixels: RGB, quality: int = 92) -> bytes:
    out = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(out, format="JPEG", quality=quality, subsampling=0)
    return out.getvalue()


def encode_pdf(pages: list[RGB]) -> bytes:
    """A PDF made of page images only: no text layer, no metadata beyond the page images."""
    images = [Image.fromarray(p, "RGB") for p in pages]
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=144)
    return out.getvalue()
