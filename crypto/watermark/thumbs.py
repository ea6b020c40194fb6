"""Finding plain pictures by their layout: grey thumbnails compared in every orientation.

Each indexed picture keeps a 16x16 grey thumbnail. A suspect's proposed regions (regions.py) are
straightened and reduced the same way, and compared with every entry in each of the 8
orientations by a trimmed correlation: the quarter of cells that disagree most are left out, so
a sticker or caption over part of the picture does not hide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .regions import Region, proposals, rectified_thumbnail

THUMB = 16
THUMB_MATCH = 0.85
"""Trimmed correlation above which a region is tried against an entry."""
TRIM = 0.25
"""Share of thumbnail cells left out as covered (the worst agreeing ones)."""
ASPECT_TOLERANCE = 0.08


def thumbnail(gray: NDArray[np.uint8]) -> NDArray[np.uint8]:
    small: NDArray[np.uint8] = np.asarray(
        cv2.resize(gray, (THUMB, THUMB), interpolation=cv2.INTER_AREA), dtype=np.uint8
    )
    return small


def standardised(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Zero mean, unit standard deviation along the last axis (flat rows stay zero)."""
    centred = values - values.mean(axis=-1, keepdims=True)
    spread = centred.std(axis=-1, keepdims=True)
    out: NDArray[np.float64] = np.where(spread > 1e-6, centred / np.maximum(spread, 1e-6), 0.0)
    return out


def orient(thumb: NDArray[np.uint8], k: int) -> NDArray[np.uint8]:
    """Orientation k of a thumbnail, as orient.dihedral(k) orients the picture."""
    flipped = thumb[:, ::-1] if k >= 4 else thumb
    return np.ascontiguousarray(np.rot90(flipped, k % 4))


@dataclass(frozen=True)
class ThumbMatch:
    entry: int
    orientation: int
    region: Region
    score: float


class ThumbTable:
    """Every entry's thumbnail in its 8 orientations, ready to compare with a region."""

    def __init__(
        self, thumbs: Sequence[NDArray[np.uint8] | None], sizes: Sequence[tuple[int, int]]
    ):
        rows, owners, turns, aspects = [], [], [], []
        for number, (thumb, (width, height)) in enumerate(zip(thumbs, sizes, strict=True)):
            if thumb is None:
                continue
            for k in range(8):
                rows.append(orient(thumb, k).astype(np.float64).ravel())
                owners.append(number)
                turns.append(k)
                aspects.append(height / width if k % 2 else width / height)
        self._rows = standardised(np.array(rows)) if rows else np.zeros((0, THUMB * THUMB))
        self._owners = np.array(owners, np.int64)
        self._turns = np.array(turns, np.int64)
        self._aspects = np.array(aspects, np.float64)

    def search(self, gray: NDArray[np.uint8], skip: set[int]) -> list[ThumbMatch]:
        """Matches above THUMB_MATCH in any proposed region, best first."""
        if not len(self._rows):
            return []
        found: list[ThumbMatch] = []
        keep_cells = round(THUMB * THUMB * (1.0 - TRIM))
        allowed = ~np.isin(self._owners, list(skip))
        for region in proposals(gray):
            fits = allowed & (
                np.abs((region.width / region.height) / self._aspects - 1.0) <= ASPECT_TOLERANCE
            )
            if not fits.any():
                continue
            query = standardised(
                rectified_thumbnail(gray, region, THUMB).astype(np.float64).ravel()
            )
            rows = self._rows[fits]
            gaps = np.abs(rows - query[None, :])
            kept = np.argpartition(gaps, keep_cells - 1, axis=1)[:, :keep_cells]
            a = np.take_along_axis(rows, kept, axis=1)
            b = query[kept]
            a = a - a.mean(axis=1, keepdims=True)
            b = b - b.mean(axis=1, keepdims=True)
            denom = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1)) + 1e-9
            scores = (a * b).sum(axis=1) / denom
            for i in np.flatnonzero(scores >= THUMB_MATCH):
                index = np.flatnonzero(fits)[i]
                found.append(
                    ThumbMatch(
                        int(self._owners[index]), int(self._turns[index]), region, float(scores[i])
                    )
                )
        found.sort(key=lambda m: -m.score)
        return found
