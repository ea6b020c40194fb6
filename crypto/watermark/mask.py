"""Perceptual mask: how much luma change each pixel can hide.

Texture hides a change, flat areas show it, and near-black or near-white pixels would clip. The
mask follows local contrast between a floor (so flat areas still carry a little of the mark) and a
ceiling (so one busy corner does not take the whole budget), and is scaled to unit RMS so that the
layers' strengths are RMS luma changes. The same mask is recomputed from the unmarked preview when
tracing, where it weights the evidence towards the pixels that carry most of the mark.
"""

from __future__ import annotations

import cv2
import numpy as np

from .imaging import F32

WINDOW = 7
FLOOR = 1.5
CEILING = 24.0


def perceptual_mask(luma: F32) -> F32:
    mean = cv2.blur(luma, (WINDOW, WINDOW), borderType=cv2.BORDER_REFLECT)
    mean_sq = cv2.blur(luma * luma, (WINDOW, WINDOW), borderType=cv2.BORDER_REFLECT)
    std = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    mask = np.clip(std, FLOOR, CEILING)
    headroom = np.clip(np.minimum(mean, 255.0 - mean) / 12.0, 0.2, 1.0)
    mask = (mask * headroom).astype(np.float32)
    rms = float(np.sqrt(np.mean(np.square(mask, dtype=np.float64))))
    # Rounding the gain makes the mask immune to last-bit differences in the mean above, which is
    # what keeps previews byte-identical across machines.
    gain = np.float32(round(4096.0 / max(rms, 1e-3)) / 4096.0)
    scaled: F32 = (mask * gain).astype(np.float32)
    return scaled
