"""Evidence: what a registered suspect says about each fingerprint cell.

The residual (suspect minus the reference after matching brightness, contrast and gamma) is
high-passed to drop lighting changes, stripped of outliers (a visible mark, a pasted overlay, a
mis-registered edge) and weighted by the perceptual mask, i.e. by how strongly each pixel was
marked. Summed per cell it gives one number per cell. Nothing here depends on which shares will be
scored, which is what keeps the innocent-score statistics exact.
"""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

from .blind import TILE, carries_blind_layer
from .imaging import F32
from .pattern import grid_shape, project

OUTLIER = 5.0
"""Residuals beyond this many robust standard deviations are dropped."""
_SAMPLE_STEP = 7


def _tone_curve(ref: F32, sus: F32, valid: NDArray[np.bool_]) -> F32:
    """The cubic that best maps reference luma to suspect luma (brightness, contrast, gamma)."""
    x = ref[valid][::_SAMPLE_STEP].astype(np.float64) / 255.0
    y = sus[valid][::_SAMPLE_STEP].astype(np.float64)
    if x.size < 16:
        return ref
    coeffs = np.polyfit(x, y, 3)
    return np.polyval(coeffs, ref.astype(np.float64) / 255.0).astype(np.float32)


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


def cell_evidence(
    warped: F32, valid_map: F32, reference_luma: F32, mask: F32
) -> NDArray[np.float64]:
    """One evidence value per fingerprint cell of the reference grid (zeros where unseen)."""
    height, width = reference_luma.shape
    rows, cols, cell = grid_shape(height, width)
    valid = valid_map > 0.5
    if valid.sum() < 64:
        return np.zeros(rows * cols)
    residual = (warped - _tone_curve(reference_luma, warped, valid)) * valid_map
    window = (6 * cell + 1, 6 * cell + 1)
    local = cv2.blur(residual, window, borderType=cv2.BORDER_REFLECT)
    support = cv2.blur(valid_map, window, borderType=cv2.BORDER_REFLECT)
    residual = (residual - local / np.maximum(support, 1e-3)) * valid_map
    # The floor keeps rounding to whole levels (std 0.29) from being mistaken for outliers.
    spread = max(1.4826 * float(np.median(np.abs(residual[valid][::_SAMPLE_STEP]))), 0.5)
    residual[np.abs(residual) > OUTLIER * spread] = 0.0
    if carries_blind_layer(height, width):
        residual = _remove_tiled(residual.astype(np.float32), mask, valid_map)
    weighted = residual * mask
    return project(weighted.astype(np.float32), cell, rows, cols)
