"""Perceptual mask: how much luma change each pixel can hide.

Texture hides a change, flat areas show it, and near-black or near-white pixels would clip. The
mask follows local contrast between a floor (so flat areas still carry a little of the mark) and a
ceiling (so one busy corner does not take the whole budget), and is scaled to unit RMS so that the
layers' strengths are RMS luma changes. The same mask is recomputed from the unmarked preview when
tracing, where it weights the evidence towards the pixels that carry most of the mark.

Mark version 2 adapts the mask to pages that are mostly blank paper (text documents, sheets,
silhouettes on white). Version 1 left the paper almost unmarked and put the whole budget into the
text strokes, which a re-post at 1080 px and JPEG 75 blurs away: a page scored z 2 to 10 where a
photo scores 80. Version 2 raises the floor on such pages and lets the mark darken white paper
(a one-sided change, since white cannot get whiter), which carries it through a re-post at the
same RMS change (z about 50 under the visible mark, read without it; see
evidence.evidences). A picture with little blank paper, such as every photo, gets exactly
the version 1 mask, so its previews and their tracing are unchanged.
"""

from __future__ import annotations

import cv2
import numpy as np

from .errors import WatermarkError
from .imaging import F32

WINDOW = 7
FLOOR = 1.5
CEILING = 24.0
LEAST_HEADROOM = 0.2
MARK_VERSIONS = (1, 2)
MARK_VERSION = 2
"""The mark new previews carry; a preview keeps the version it was issued with."""
PAPER_FLOOR = 8.0
"""Floor of version 2 on a page that is all blank paper."""
PAPER_START = 0.3
PAPER_FULL = 0.6
"""Blank-paper shares of a picture where version 2 starts and ends adapting (photos: under 0.15)."""
_PAPER_LEVELS = 64


def _local_mean_and_std(luma: F32) -> tuple[F32, F32]:
    mean = np.asarray(cv2.blur(luma, (WINDOW, WINDOW), borderType=cv2.BORDER_REFLECT), np.float32)
    mean_sq = cv2.blur(luma * luma, (WINDOW, WINDOW), borderType=cv2.BORDER_REFLECT)
    std: F32 = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0)).astype(np.float32)
    return mean, std


def _paper(mean: F32, std: F32) -> float:
    """How much of a blank page the picture is, 0 to 1, in coarse steps (stable across machines)."""
    blank = (std < FLOOR) & ((mean > 240.0) | (mean < 15.0))
    share = float(np.count_nonzero(blank)) / max(blank.size, 1)
    ramp = min(max((share - PAPER_START) / (PAPER_FULL - PAPER_START), 0.0), 1.0)
    return round(ramp * _PAPER_LEVELS) / _PAPER_LEVELS


def check_version(version: int) -> int:
    if version not in MARK_VERSIONS:
        raise WatermarkError(f"mark version {version} is not one of {MARK_VERSIONS}")
    return version


def adapts(luma: F32) -> bool:
    """Whether version 2 marks this picture differently from version 1."""
    return _paper(*_local_mean_and_std(luma)) > 0.0


def perceptual_mask(luma: F32, version: int = MARK_VERSION) -> F32:
    mean, std = _local_mean_and_std(luma)
    floor, least_headroom = FLOOR, LEAST_HEADROOM
    if check_version(version) >= 2:
        paper = _paper(mean, std)
        floor += (PAPER_FLOOR - FLOOR) * paper
        least_headroom += (1.0 - LEAST_HEADROOM) * paper
    mask = np.clip(std, floor, CEILING)
    headroom = np.clip(np.minimum(mean, 255.0 - mean) / 12.0, least_headroom, 1.0)
    mask = (mask * headroom).astype(np.float32)
    rms = float(np.sqrt(np.mean(np.square(mask, dtype=np.float64))))
    # Rounding the gain makes the mask immune to last-bit differences in the mean above, which is
    # what keeps previews byte-identical across machines.
    gain = np.float32(round(4096.0 / max(rms, 1e-3)) / 4096.0)
    scaled: F32 = (mask * gain).astype(np.float32)
    return scaled
