"""Fast scoring of many shares: one popcount per 64 cells and bit plane.

The evidence is rounded to signed integers of LEVEL_BITS bits, split into positive and negative
bit planes and packed like the shares' signs. A share's score is then a weighted sum of
popcount(plane AND signs). Rounding the evidence first does not disturb the statistics: the
rounded vector is just another fixed vector, and z is computed exactly for it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from .pattern import sign_bytes

LEVEL_BITS = 10
_CHUNK = 64


def _words(bits: NDArray[np.uint8], count: int) -> NDArray[np.uint64]:
    """Pack 0/1 values (first in the top bit, like the signs) into 64-bit words."""
    packed = np.packbits(bits, axis=-1)
    width = -(-count // 64) * 8
    padded = np.zeros((*packed.shape[:-1], width), np.uint8)
    padded[..., : packed.shape[-1]] = packed
    return padded.view(np.uint64)


def _popcount(words: NDArray[np.uint64]) -> NDArray[np.int64]:
    counts: NDArray[np.int64] = np.bitwise_count(words).sum(axis=-1, dtype=np.int64)
    return counts


def share_scores(
    evidence: NDArray[np.float64], key: bytes, numbers: Sequence[int], label: bytes
) -> NDArray[np.float64]:
    """z = <q, s> / ||q|| for each number's keyed +-1 signs s, q the rounded evidence."""
    out = np.zeros(len(numbers))
    peak = float(np.abs(evidence).max()) if evidence.size else 0.0
    if peak == 0.0:
        return out
    levels = (1 << (LEVEL_BITS - 1)) - 1
    q = np.rint(evidence / peak * levels).astype(np.int64)
    norm = float(np.sqrt(np.sum(q * q, dtype=np.float64)))
    positive, negative = np.maximum(q, 0), np.maximum(-q, 0)
    planes = [
        (1 << bit, _words(((part >> bit) & 1).astype(np.uint8), q.size), sign)
        for part, sign in ((positive, 1), (negative, -1))
        for bit in range(LEVEL_BITS - 1)
    ]
    total = int(q.sum())
    for start in range(0, len(numbers), _CHUNK):
        batch = numbers[start : start + _CHUNK]
        width = -(-q.size // 64) * 8
        raw = np.zeros((len(batch), width), np.uint8)
        for row, number in enumerate(batch):
            signs = sign_bytes(key, label, number, q.size)
            raw[row, : signs.size] = signs
        last = q.size % 8
        if last:  # the final byte's unused low bits must not count
            raw[:, q.size // 8] &= np.uint8((0xFF << (8 - last)) & 0xFF)
        words = raw.view(np.uint64)
        ones = np.zeros(len(batch), np.int64)  # sum of q over the cells whose sign is +1
        for weight, plane, sign in planes:
            ones += sign * weight * _popcount(words & plane[None, :])
        out[start : start + len(batch)] = (2.0 * ones - total) / norm
    return out
