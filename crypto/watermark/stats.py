"""False-accusation odds of a fingerprint score.

A share's score is z = <a, s> / ||a|| where `a` is the evidence vector taken from the suspect (one
number per grid cell) and `s` the share's keyed +-1 signs. For an innocent share the signs are fair
coin flips independent of `a`, so z has mean 0 and variance exactly 1 whatever was done to the
image; it is a Rademacher sum, hence sub-Gaussian (P(z >= t) <= exp(-t^2/2)) and, with tens of
thousands of cells and the evidence clipped, Gaussian to well beyond the naming threshold. The odds
for one share are the Gaussian tail; for N shares tested they are 1 - (1 - p)^N (Sidak), the chance
that at least one innocent scores that high.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy import special

NAMING_THRESHOLD = 1e-6
"""A share is named only when the corrected false-accusation probability is below this."""


def single_tail(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """P(an innocent share scores >= z)."""
    return np.asarray(special.ndtr(-z), dtype=np.float64)


def corrected(p_single: NDArray[np.float64], tested: int) -> NDArray[np.float64]:
    """P(at least one of `tested` innocent shares scores as high)."""
    p = np.clip(p_single, 0.0, 1.0)
    with np.errstate(divide="ignore"):
        return np.asarray(-np.expm1(tested * np.log1p(-p)), dtype=np.float64)


def naming_score(tested: int, threshold: float = NAMING_THRESHOLD) -> float:
    """The score above which a share is named when `tested` shares are scored."""
    per_share = -math.expm1(math.log1p(-threshold) / max(tested, 1))
    return float(-special.ndtri(per_share))
