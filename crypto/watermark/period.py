"""Measure the repeat period of the blind tile in a suspect, whatever its scale.

A repeating tile puts peaks in the image's autocorrelation at multiples of its period along each
axis. The coarse period is the most prominent peak in the plausible range (0.3x to 1.6x of the
nominal tile); it is then refined on the peaks at 2, 3, ... periods, whose positions pin the
period down to a small fraction of a pixel, which the folding step needs.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy import fft, ndimage

from .imaging import F32

MIN_SCALE = 0.3
MAX_SCALE = 1.6
MAX_MULTIPLE = 12
_SMOOTH = 31
_SIDE = 3  # lags on each side used as the local background of a peak


def axis_autocorrelation(detail: F32, axis: int) -> NDArray[np.float64]:
    """Normalised autocorrelation of `detail` along one axis, summed over the other."""
    length = detail.shape[axis]
    size = fft.next_fast_len(2 * length, real=True)
    spectrum = fft.rfft(detail, n=size, axis=axis)
    power = (spectrum.real**2 + spectrum.imag**2).sum(axis=1 - axis, dtype=np.float64)
    # Whitening the spectrum (dividing by its local average) flattens the picture's broad
    # spectrum while the tile's comb of narrow lines stands out: the peaks in the
    # autocorrelation become sharp and the picture's own correlations fade.
    smooth = ndimage.uniform_filter1d(power, _SMOOTH, mode="nearest")
    whitened = power / np.maximum(smooth, 1e-12) - 1.0
    ac = fft.irfft(whitened, n=size)[:length]
    return np.asarray(ac / max(float(np.abs(ac[1:]).max()), 1e-12), dtype=np.float64)


def _prominence(ac: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each lag's value above the mean of its neighbours 4 to 9 lags away."""
    kernel = np.zeros(2 * (_SIDE + 6) + 1)
    kernel[:6] = 1.0
    kernel[-6:] = 1.0
    background = np.convolve(ac, kernel / kernel.sum(), mode="same")
    return ac - background


def _peak(ac: NDArray[np.float64], centre: float, half_width: int) -> float | None:
    lo = max(1, round(centre) - half_width)
    hi = min(ac.size - 2, round(centre) + half_width)
    if hi <= lo:
        return None
    top = lo + int(np.argmax(ac[lo : hi + 1]))
    left, mid, right = ac[top - 1], ac[top], ac[top + 1]
    curvature = left - 2.0 * mid + right
    shift = 0.5 * (left - right) / curvature if curvature < 0 else 0.0
    return top + float(np.clip(shift, -0.5, 0.5))


def _refine(ac: NDArray[np.float64], coarse: float) -> float:
    """Least-squares period through the peaks near k * period, k = 1, 2, ..."""
    period, num, den = coarse, 0.0, 0.0
    for multiple in range(1, MAX_MULTIPLE + 1):
        centre = multiple * period
        if centre > ac.size / 2:
            break
        lag = _peak(ac, centre, 2)
        if lag is None:
            break
        num += multiple * lag
        den += multiple * multiple
        period = num / den
    return period


def candidate_periods(detail: F32, nominal: int, count: int) -> list[tuple[float, float]]:
    """Up to `count` (period_y, period_x) guesses, most likely first."""
    acs = [axis_autocorrelation(detail, axis) for axis in (0, 1)]
    lo = math.ceil(MIN_SCALE * nominal)
    hi = min(math.floor(MAX_SCALE * nominal), *(ac.size // 2 for ac in acs))
    if hi <= lo:
        return []
    combined = _prominence(acs[0])[lo : hi + 1] + _prominence(acs[1])[lo : hi + 1]
    guesses: list[tuple[float, float]] = []
    for index in np.argsort(-combined, kind="stable"):
        if len(guesses) == count or combined[index] <= 0:
            break
        coarse = float(lo + index)
        if any(abs(coarse - g[1]) < 4 for g in guesses):
            continue
        guesses.append((_refine(acs[0], coarse), _refine(acs[1], coarse)))
    return guesses
