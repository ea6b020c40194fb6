"""Keyed pseudo-random patterns: the per-share fingerprint and its geometry.

Every share's fingerprint is a grid of +1/-1 signs drawn from a PCG64 generator seeded with
HMAC-SHA256(key, label || payload). One sign covers one cell of the preview; the grid is smoothly
interpolated to pixels so that the mark sits in the low/mid frequencies that survive JPEG,
resizing and re-photographing. Because innocent shares' signs are independent fair coin flips,
the statistics of an innocent score are known exactly (see stats.py).
"""

from __future__ import annotations

import hashlib
import hmac
import math

import cv2
import numpy as np
from numpy.typing import NDArray

from .imaging import F32

MAX_CELLS = 2**17
"""Upper bound on grid cells: keeps scoring 1,000 shares well under a second."""
MIN_CELL = 4
"""Smallest cell in pixels: a halved, JPEG-compressed copy must still resolve it."""

FINGERPRINT_LABEL = b"sealroom/fingerprint/v1"
DECOY_LABEL = b"sealroom/decoy/v1"


def keyed_rng(key: bytes, label: bytes, number: int) -> np.random.Generator:
    digest = hmac.new(key, label + number.to_bytes(8, "big"), hashlib.sha256).digest()
    return np.random.Generator(np.random.PCG64(int.from_bytes(digest, "big")))


def cell_size(height: int, width: int) -> int:
    return max(MIN_CELL, math.ceil(math.sqrt(height * width / MAX_CELLS)))


def grid_shape(height: int, width: int) -> tuple[int, int, int]:
    """(rows, cols, cell) of the fingerprint grid for a preview of this size."""
    cell = cell_size(height, width)
    return -(-height // cell), -(-width // cell), cell


def sign_bytes(key: bytes, label: bytes, number: int, count: int) -> NDArray[np.uint8]:
    """`count` keyed signs packed 8 per byte, first sign in the top bit; bit 1 stands for +1."""
    rng = keyed_rng(key, label, number)
    return np.frombuffer(rng.bytes((count + 7) // 8), dtype=np.uint8)


def sign_bits(key: bytes, label: bytes, number: int, count: int) -> NDArray[np.uint8]:
    """`count` keyed bits (0/1); bit 1 stands for sign +1."""
    return np.unpackbits(sign_bytes(key, label, number, count))[:count]


def fingerprint_field(key: bytes, payload: int, height: int, width: int) -> F32:
    """The share's fingerprint in pixels (values about +-1), before the perceptual mask."""
    rows, cols, cell = grid_shape(height, width)
    bits = sign_bits(key, FINGERPRINT_LABEL, payload, rows * cols)
    grid = (bits.astype(np.float32) * 2.0 - 1.0).reshape(rows, cols)
    return upsample(grid, cell, height, width)


def upsample(grid: F32, cell: int, height: int, width: int) -> F32:
    """Bilinear interpolation of a cell grid to pixels; cell centres keep their values."""
    rows, cols = grid.shape
    field = cv2.resize(grid, (cols * cell, rows * cell), interpolation=cv2.INTER_LINEAR)
    return np.ascontiguousarray(field[:height, :width], dtype=np.float32)


def project(field: F32, cell: int, rows: int, cols: int) -> NDArray[np.float64]:
    """Sum a pixel field over each grid cell (the matched counterpart of `upsample`)."""
    height, width = field.shape
    padded = np.zeros((rows * cell, cols * cell), dtype=np.float64)
    padded[:height, :width] = field
    sums: NDArray[np.float64] = padded.reshape(rows, cell, cols, cell).sum(axis=(1, 3)).ravel()
    return sums
