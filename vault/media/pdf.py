"""The one PDF renderer: page by page, in memory, within a budget of rendered pixels.

A PDF is tiny on disk whatever its pages declare: 58 KB can describe 500 pages of 200 x 200
inches. Page sizes are read first (cheap, nothing drawn), then:
- at most `MAX_PAGES` pages;
- each page is drawn so that its longest side is at most the caller's `longest_side`;
- the whole document together renders to at most `MAX_TOTAL_PIXELS`: when the pages would need
  more, every page is drawn smaller by the same factor, so a long document still renders, only
  coarser, and a hostile one costs what a normal one does;
- pages are produced one at a time (`iter_pages`), so a caller that handles a page and drops it
  (trace) holds one page in memory, and one that keeps them all (previews) holds at most
  `MAX_TOTAL_PIXELS` pixels.

Thumbnails (the first page) and the desktop's preview (one page fitted to the screen) use
`render_page`. Nothing rendered is written to disk.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from numpy.typing import NDArray

from sealroom.vault.errors import InvalidInputError

RGB = NDArray[np.uint8]
PDF_MAGIC = b"%PDF-"
MAX_PAGES = 500
RENDER_SIDE = 2048
"""Longest side of a page rendered for previews and tracing."""
MAX_TOTAL_PIXELS = 100_000_000
"""All pages of one document together (300 MB as RGB if a caller keeps every page)."""
MAX_PAGE_PIXELS = 16_000_000
"""One page drawn for the screen or a thumbnail."""
MIN_SCALE = 0.01


@dataclass(frozen=True)
class Page:
    """One picture of a file: the image itself, or one rendered PDF page (numbered from 1)."""

    number: int
    pixels: RGB


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


class _Document:
    """A PdfDocument opened from bytes, closed on exit; damage becomes our error."""

    def __init__(self, source: bytes | Path, what: str) -> None:
        try:
            self.doc = pypdfium2.PdfDocument(str(source) if isinstance(source, Path) else source)
        except pypdfium2.PdfiumError as exc:
            raise InvalidInputError(f"{what} is not a PDF Sealroom can read ({exc})") from None
        self.what = what

    def __enter__(self) -> _Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.doc.close()

    def sizes(self) -> list[tuple[float, float]]:
        count = len(self.doc)
        if count == 0:
            raise InvalidInputError(f"{self.what} is a PDF without pages")
        if count > MAX_PAGES:
            raise InvalidInputError(f"{self.what} has {count} pages; at most {MAX_PAGES}")
        sizes = []
        for index in range(count):
            width, height = self.doc.get_page_size(index)
            if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
                raise InvalidInputError(f"{self.what}: page {index + 1} has no size")
            sizes.append((float(width), float(height)))
        return sizes

    def render(self, index: int, scale: float) -> RGB:
        page = self.doc[index]
        try:
            bitmap = page.render(scale=max(scale, MIN_SCALE))
            try:
                pixels = bitmap.to_numpy()
                rgb = np.ascontiguousarray(pixels[:, :, 2::-1] if pixels.shape[2] >= 3 else pixels)
            finally:
                bitmap.close()
        except pypdfium2.PdfiumError as exc:
            raise InvalidInputError(
                f"{self.what}: page {index + 1} cannot be drawn ({exc})"
            ) from None
        finally:
            page.close()
        return rgb.astype(np.uint8, copy=False)


def page_scales(
    sizes: list[tuple[float, float]], longest_side: int, max_total_pixels: int
) -> list[float]:
    """The scale of each page: longest side `longest_side`, all pages within the pixel budget."""
    scales = [longest_side / max(width, height) for width, height in sizes]
    total = sum(width * height * s * s for (width, height), s in zip(sizes, scales, strict=True))
    if total > max_total_pixels:
        shrink = math.sqrt(max_total_pixels / total) * 0.999  # rounding up of each side
        scales = [s * shrink for s in scales]
    return scales


def iter_pages(
    data: bytes,
    what: str = "PDF",
    longest_side: int = RENDER_SIDE,
    max_total_pixels: int = MAX_TOTAL_PIXELS,
) -> Iterator[Page]:
    """Every page of a PDF as RGB, one at a time, within the budget (module docstring)."""
    with _Document(data, what) as document:
        sizes = document.sizes()
        for index, scale in enumerate(page_scales(sizes, longest_side, max_total_pixels)):
            yield Page(index + 1, document.render(index, scale))


@dataclass(frozen=True)
class RenderedPage:
    index: int
    """Numbered from 0."""
    pages: int
    pixels: RGB


def render_page(
    source: bytes | Path, index: int, width: int, height: int, what: str = "PDF"
) -> RenderedPage:
    """One page (numbered from 0, clamped to the document) fitted inside width x height."""
    with _Document(source, what) as document:
        sizes = document.sizes()
        index = max(0, min(index, len(sizes) - 1))
        page_width, page_height = sizes[index]
        scale = min(width / page_width, height / page_height)
        scale = min(scale, math.sqrt(MAX_PAGE_PIXELS / (page_width * page_height)))
        return RenderedPage(index, len(sizes), document.render(index, scale))
