"""Evidence: what a registered suspect says about each fingerprint cell.

The residual (suspect minus the reference after matching brightness, contrast and gamma) is
high-passed to drop lighting changes, stripped of outliers (a visible mark, a pasted overlay, a
mis-registered edge) and weighted by the perceptual mask, i.e. by how strongly each pixel was
marked. Summed per cell it gives one number per cell. Nothing here depends on which shares will be
scored, which is what keeps the innocent-score statistics exact. Each registration is also read a
second time without its outliers and their surroundings, i.e. without what was drawn over the
picture (see `evidences`); the tracer corrects the odds for both readings.
"""

from __future__ import annotations

import math
import warnings

import cv2
import numpy as np
from numpy.typing import NDArray

from .blind import TILE, carries_blind_layer
from .imaging import F32
from .pattern import grid_shape, project

OUTLIER = 5.0
"""Residuals beyond this many robust standard deviations are dropped."""
OVERLAY_MARGIN = 2
"""Pixels around an outlier left out with it when reading without overlays."""
MAX_OVERLAY = 0.6
"""Above this share of the picture flagged, outliers are not an overlay: no second reading."""
_SAMPLES = 40_000
"""Pixels sampled (evenly) to fit the tone curve and measure the spread: plenty for 4 and 1
numbers, and it keeps both cheap on large previews."""


def _sampled(values: F32, valid: NDArray[np.bool_]) -> NDArray[np.float64]:
    step = max(1, values.size // _SAMPLES)
    while math.gcd(step, values.shape[-1]) != 1:  # else every row would give the same columns
        step += 1
    every = valid.ravel()[::step]
    return values.ravel()[::step][every].astype(np.float64)


def _tone_curve(ref: F32, sus: F32, valid: NDArray[np.bool_]) -> F32:
    """The cubic that best maps reference luma to suspect luma (brightness, contrast, gamma)."""
    x = _sampled(ref, valid) / 255.0
    y = _sampled(sus, valid)
    if x.size < 16:
        return ref
    with warnings.catch_warnings():
        # A blank page leaves few distinct levels: the cubic is then underdetermined, and the
        # least-squares answer polyfit still gives is the right one.
        warnings.simplefilter("ignore", np.exceptions.RankWarning)
        a, b, c, d = (np.float32(v) for v in np.polyfit(x, y, 3))
    unit = ref * np.float32(1.0 / 255.0)
    curve: F32 = ((a * unit + b) * unit + c) * unit + d
    return curve


def _remove_tiled(residual: F32, mask: F32, valid_map: F32) -> F32:
    """Subtract whatever repeats with the blind tile's period (the blind layer).

    The blind layer is the same tile everywhere, and its sync chips are the same in every share,
    so in an averaged (colluded) copy it would swamp the fingerprints. Its least-squares estimate
    per tile position is removed; this depends on the suspect only, not on any share.
    """
    height, width = residual.shape
    rows, cols = -(-height // TILE), -(-width // TILE)

    def per_position(values: F32) -> NDArray[np.float64]:
        padded = np.zeros((rows * TILE, cols * TILE), np.float32)
        padded[:height, :width] = values
        sums: NDArray[np.float64] = padded.reshape(rows, TILE, cols, TILE).sum(
            axis=(0, 2), dtype=np.float64
        )
        return sums

    weight = mask * valid_map
    tile = per_position(weight * residual) / np.maximum(per_position(weight * mask), 1e-6)
    repeated = np.tile(tile.astype(np.float32), (rows, cols))[:height, :width]
    cleaned: F32 = ((residual - mask * repeated) * valid_map).astype(np.float32)
    return cleaned


def _residual(
    warped: F32, valid_map: F32, reference_luma: F32, cell: int
) -> tuple[F32, float]:
    """The high-passed residual of the suspect against the reference, and its robust spread."""
    valid = valid_map > 0.5
    residual = (warped - _tone_curve(reference_luma, warped, valid)) * valid_map
    window = (6 * cell + 1, 6 * cell + 1)
    local = cv2.blur(residual, window, borderType=cv2.BORDER_REFLECT)
    support = cv2.blur(valid_map, window, borderType=cv2.BORDER_REFLECT)
    residual = ((residual - local / np.maximum(support, 1e-3)) * valid_map).astype(np.float32)
    # The floor keeps rounding to whole levels (std 0.29) from being mistaken for outliers.
    spread = max(1.4826 * float(np.median(np.abs(_sampled(residual, valid)))), 0.5)
    return residual, spread


def _overlay_free(residual: F32, spread: float, valid_map: F32) -> F32 | None:
    """`valid_map` without what was drawn over the picture, or None when nothing was.

    A visible mark, a sticker or a caption leaves residual outliers along its strokes, and a
    fainter change inside them (a visible mark's light fill) that is no outlier but, where the
    mark sits on blank paper, is as strong as the fingerprint there. Leaving out the outliers and
    a margin of OVERLAY_MARGIN pixels around them, before the tone curve and the local mean are
    fitted again, removes both. None also when the outliers are everywhere (a filter that
    changed every edge).
    """
    outliers = (np.abs(residual) > OUTLIER * spread).astype(np.uint8)
    if not outliers.any():
        return None
    size = 2 * OVERLAY_MARGIN + 1
    covered = cv2.dilate(outliers, np.ones((size, size), np.uint8)) > 0
    valid = valid_map > 0.5
    if np.count_nonzero(covered & valid) > MAX_OVERLAY * np.count_nonzero(valid):
        return None
    kept: F32 = (valid_map * ~covered).astype(np.float32)
    return kept


def _cells(residual: F32, spread: float, valid_map: F32, mask: F32) -> NDArray[np.float64]:
    height, width = residual.shape
    rows, cols, cell = grid_shape(height, width)
    residual = residual.copy()
    residual[np.abs(residual) > OUTLIER * spread] = 0.0
    if carries_blind_layer(height, width):
        residual = _remove_tiled(residual, mask, valid_map)
    weighted = residual * mask
    return project(weighted.astype(np.float32), cell, rows, cols)


def evidences(
    warped: F32, valid_map: F32, reference_luma: F32, mask: F32
) -> list[NDArray[np.float64]]:
    """One evidence value per fingerprint cell of the reference grid (zeros where unseen): of
    the suspect as it is and, when it has residual outliers (a visible mark, stickers, edges a
    filter or a re-post changed), of the suspect without them and their surroundings.

    Both depend on the suspect only, so an innocent share's score is N(0, 1) on each; the
    tracer corrects the odds for both.
    """
    height, width = reference_luma.shape
    rows, cols, cell = grid_shape(height, width)
    if np.count_nonzero(valid_map > 0.5) < 64:
        return [np.zeros(rows * cols)]
    residual, spread = _residual(warped, valid_map, reference_luma, cell)
    found = [_cells(residual, spread, valid_map, mask)]
    kept = _overlay_free(residual, spread, valid_map)
    if kept is not None and np.count_nonzero(kept > 0.5) >= 64:
        again, again_spread = _residual(warped, kept, reference_luma, cell)
        found.append(_cells(again, again_spread, kept, mask))
    return found
