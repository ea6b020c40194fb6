"""Decoding images and PDF pages in memory, with limits checked before anything is decoded.

Suspects and assets come from outside, so their declared size is read from the header first: a
30,000 x 30,000 image is refused before its pixels are allocated. Nothing decoded is written to
disk; arrays are RGB uint8, height x width x 3.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import pdf
from sealroom.vault.media.pdf import RGB as RGB
from sealroom.vault.media.pdf import Page as Page
from sealroom.vault.media.pdf import is_pdf as is_pdf

MAX_PIXELS = 80_000_000
"""Largest image accepted (beyond any phone or most cameras); more is a decompression bomb.

Kept below Pillow's own warning threshold (about 89 megapixels) so that our check speaks first."""
MIN_SIDE = 16


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


def iter_pages(data: bytes, what: str = "file") -> Iterator[Page]:
    """The pictures in a file, one at a time: one for an image, one per page for a PDF (within
    the PDF renderer's pixel budget, see `media.pdf`)."""
    if is_pdf(data):
        yield from pdf.iter_pages(data, what)
    else:
        yield Page(1, decode_image(data, what))


def decode_pages(data: bytes, what: str = "file") -> list[Page]:
    """All the pictures in a file (`iter_pages`), for callers that need every page at once."""
    return list(iter_pages(data, what))


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
