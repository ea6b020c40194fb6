"""Error correction for the blind payload: a rate-1/2, constraint-length-7 convolutional code.

Chosen over Reed-Solomon because the blind reader produces soft evidence per coded bit (a signed
correlation), and soft-decision Viterbi decoding uses all of it. The generators are the classic
(171, 133) octal pair. The encoder appends K-1 zero bits so the decoder ends in state 0.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

CONSTRAINT = 7
_GENERATORS = (0o171, 0o133)
_STATES = 1 << (CONSTRAINT - 1)


def _parity(value: NDArray[np.int64]) -> NDArray[np.int64]:
    bits = np.zeros_like(value)
    for shift in range(CONSTRAINT):
        bits ^= (value >> shift) & 1
    return bits


# For each (state, input bit): the two coded bits and the next state. The register holds the
# newest bit in its top position: register = (bit << 6) | state.
_REGISTER = (np.arange(2)[None, :] << (CONSTRAINT - 1)) | np.arange(_STATES)[:, None]
_OUTPUTS = np.stack([_parity(_REGISTER & g) for g in _GENERATORS], axis=-1)  # [state, bit, 2]
_NEXT = _REGISTER >> 1  # [state, bit]


def coded_length(info_bits: int) -> int:
    return 2 * (info_bits + CONSTRAINT - 1)


def encode(bits: NDArray[np.uint8]) -> NDArray[np.uint8]:
    state = 0
    out: list[int] = []
    for bit in [*bits.tolist(), *([0] * (CONSTRAINT - 1))]:
        out.extend(int(x) for x in _OUTPUTS[state, bit])
        state = int(_NEXT[state, bit])
    return np.array(out, dtype=np.uint8)


def decode(soft: NDArray[np.float64], info_bits: int) -> NDArray[np.uint8]:
    """Most likely information bits given soft values (positive means coded bit 1)."""
    steps = info_bits + CONSTRAINT - 1
    pairs = np.asarray(soft, dtype=np.float64).reshape(steps, 2)
    signs = _OUTPUTS.astype(np.float64) * 2.0 - 1.0  # [state, bit, 2]
    metric = np.full(_STATES, -np.inf)
    metric[0] = 0.0
    choices = np.zeros((steps, _STATES), dtype=np.int64)  # previous state of each survivor
    bits_in = np.zeros((steps, _STATES), dtype=np.uint8)
    flat_next = _NEXT.ravel()
    for step in range(steps):
        gain = signs @ pairs[step]  # [state, bit]
        if step >= info_bits:
            gain[:, 1] = -np.inf  # tail bits are zero
        candidate = (metric[:, None] + gain).ravel()
        best = np.full(_STATES, -np.inf)
        origin = np.zeros(_STATES, dtype=np.int64)
        order = np.argsort(candidate, kind="stable")  # later (larger) writes win
        best[flat_next[order]] = candidate[order]
        origin[flat_next[order]] = order
        metric = best
        choices[step] = origin // 2
        bits_in[step] = (origin % 2).astype(np.uint8)
    state = 0
    decoded = np.zeros(steps, dtype=np.uint8)
    for step in range(steps - 1, -1, -1):
        decoded[step] = bits_in[step, state]
        state = int(choices[step, state])
    return decoded[:info_bits]
