"""Finding a cut-out of a picture by its layout, where features fail.

A crop of a text page has no usable features (the same words repeat everywhere, so every match
is ambiguous) and its thumbnail looks nothing like the whole page's. What still identifies it is
the layout: where the title, the paragraphs and the table sit. Each indexed picture keeps a small
grey image of its layout (LAYOUT_SIDE on its longer side); the suspect, reduced to a range of
scales, is slid over each one by normalised cross-correlation, which finds the crop's size and
place in the picture as well as the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .register import Matrix, shrink, shrink_matrix
from .thumbs import standardised

LAYOUT_SIDE = 96
SMALLEST = 0.3
"""Smallest share of the picture's side a crop is looked for at."""
LARGEST = 1.0
SCALES = 31
"""Crop sizes tried between SMALLEST and LARGEST (geometric steps of about 4 %)."""
MIN_TEMPLATE = 12
RESCORED = 3
"""Best placements (by plain correlation) of each picture re-scored with stickers left out."""
TRIM = 0.25
"""Share of pixels left out of the re-score as covered (the worst agreeing ones)."""
LAYOUT_MATCH = 0.6
"""Trimmed correlation below which a placement is not proposed."""
SIBLING_MARGIN = 0.1
"""Border of a picture left out when placing it in a near-duplicate (a cut loses its edges)."""
SIBLING_ZOOM = 1.2
"""Largest zoom between near-duplicates looked for, either way."""
SIBLING_MATCH = 0.5
"""Correlation below which two near-duplicates' layouts are not trusted to relate their frames."""


def layout_image(gray: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """The picture resized to LAYOUT_SIDE on its longer side, its aspect kept."""
    scale = LAYOUT_SIDE / max(gray.shape)
    size = (max(1, round(gray.shape[1] * scale)), max(1, round(gray.shape[0] * scale)))
    method = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
    return np.ascontiguousarray(cv2.resize(gray, size, interpolation=method), dtype=np.uint8)


@dataclass(frozen=True)
class LayoutMatch:
    entry: int
    score: float
    to_picture: Matrix
    """Maps suspect pixels to the picture's layout image's pixels."""


def _placement(
    layout: NDArray[np.float32], template: NDArray[np.float32]
) -> tuple[float, int, int]:
    scores = cv2.matchTemplate(layout, template, cv2.TM_CCOEFF_NORMED)
    _, best, _, (x, y) = cv2.minMaxLoc(scores)
    return float(best), int(x), int(y)


def _trimmed(patch: NDArray[np.float32], template: NDArray[np.float32]) -> float:
    """Correlation with the worst agreeing TRIM of pixels left out (stickers, a caption bar).

    Disagreement is judged over small neighbourhoods, so covered areas are left out while the
    scattered differences between two pages of text, which tell them apart, are kept.
    """
    a, b = (standardised(v.astype(np.float64).ravel()) for v in (patch, template))
    keep = max(2, round(a.size * (1.0 - TRIM)))
    gaps = cv2.blur(np.abs(a - b).reshape(patch.shape).astype(np.float32), (5, 5)).ravel()
    kept = np.argpartition(gaps, keep - 1)[:keep]
    x, y = a[kept] - a[kept].mean(), b[kept] - b[kept].mean()
    denom = float(np.sqrt((x * x).sum() * (y * y).sum()))
    return float((x * y).sum()) / denom if denom > 1e-9 else 0.0


def search_layouts(
    gray: NDArray[np.uint8], layouts: Sequence[NDArray[np.uint8] | None]
) -> list[LayoutMatch]:
    """The pictures `gray` may be cut from, best placement first."""
    reduced, _ = shrink(gray, 2 * LAYOUT_SIDE)
    if min(reduced.shape) < MIN_TEMPLATE:
        return []
    source = reduced.astype(np.float32)
    if float(source.std()) < 1.0:
        return []  # a blank picture matches any blank area
    to_reduced = shrink_matrix(gray.shape, reduced.shape)
    shares = np.exp(np.linspace(np.log(SMALLEST), np.log(LARGEST), SCALES))
    templates: dict[tuple[int, int], NDArray[np.float32]] = {}
    found: list[LayoutMatch] = []
    for number, layout in enumerate(layouts):
        if layout is None:
            continue
        picture = layout.astype(np.float32)
        lh, lw = picture.shape
        fit = max(lw / source.shape[1], lh / source.shape[0])
        placed: list[tuple[float, int, int, int, int]] = []
        for share in shares:
            tw, th = round(source.shape[1] * share * fit), round(source.shape[0] * share * fit)
            if tw > lw or th > lh or min(tw, th) < MIN_TEMPLATE:
                continue
            template = templates.get((tw, th))
            if template is None:
                template = np.asarray(
                    cv2.resize(source, (tw, th), interpolation=cv2.INTER_AREA), np.float32
                )
                templates[(tw, th)] = template
            placed.append((*_placement(picture, template), tw, th))
        rescored = [
            (_trimmed(picture[y : y + th, x : x + tw], templates[(tw, th)]), x, y, tw, th)
            for _, x, y, tw, th in sorted(placed, reverse=True)[:RESCORED]
        ]
        if not rescored or max(rescored)[0] < LAYOUT_MATCH:
            continue
        score, x, y, tw, th = max(rescored)
        shift = np.array([[1.0, 0.0, float(x)], [0.0, 1.0, float(y)], [0.0, 0.0, 1.0]])
        place = shift @ shrink_matrix(source.shape, (th, tw)) @ to_reduced
        found.append(LayoutMatch(number, score, place))
    found.sort(key=lambda m: -m.score)
    return found


def relative_placement(
    source: NDArray[np.uint8], other: NDArray[np.uint8]
) -> tuple[Matrix, float] | None:
    """Where `source`'s layout sits in a near-duplicate's (a burst frame is shifted and zoomed,
    an alternate cut is cropped): layout pixels of `source` -> layout pixels of `other`, found by
    sliding the middle of `source` over `other` at a range of sizes, and the correlation."""
    a, b = source.astype(np.float32), other.astype(np.float32)
    ah, aw = a.shape
    y0, x0 = round(ah * SIBLING_MARGIN), round(aw * SIBLING_MARGIN)
    core = a[y0 : ah - y0, x0 : aw - x0]
    best: tuple[float, int, int, int, int] | None = None
    for zoom in np.exp(np.linspace(np.log(1 / SIBLING_ZOOM), np.log(SIBLING_ZOOM), 25)):
        tw, th = round(core.shape[1] * zoom), round(core.shape[0] * zoom)
        if tw > b.shape[1] or th > b.shape[0] or min(tw, th) < MIN_TEMPLATE:
            continue
        template = np.asarray(cv2.resize(core, (tw, th), interpolation=cv2.INTER_AREA), np.float32)
        score, x, y = _placement(b, template)
        if best is None or score > best[0]:
            best = (score, x, y, tw, th)
    if best is None:
        return None
    score, x, y, tw, th = best
    shift = np.array([[1.0, 0.0, float(x)], [0.0, 1.0, float(y)], [0.0, 0.0, 1.0]])
    cut = np.array([[1.0, 0.0, -float(x0)], [0.0, 1.0, -float(y0)], [0.0, 0.0, 1.0]])
    return shift @ shrink_matrix(core.shape, (th, tw)) @ cut, score
