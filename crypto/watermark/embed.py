"""Embedding: the per-share fingerprint and the blind payload, hidden under the perceptual mask."""

from __future__ import annotations

import numpy as np

from .blind import blind_field, carries_blind_layer
from .imaging import F32, U8, add_luma, check_key, check_payload, check_rgb, luminance
from .mask import MARK_VERSION, perceptual_mask
from .pattern import fingerprint_field

FINGERPRINT_RMS = 1.2
"""RMS luma change of the traced fingerprint (the field itself has RMS 2/3)."""
BLIND_RMS = 1.4
"""RMS luma change of the blind layer (its field has RMS 2/3 as well)."""
_FIELD_RMS = 2.0 / 3.0
_TOTAL_RMS = float(np.hypot(FINGERPRINT_RMS, BLIND_RMS))


def embed_fingerprint(
    image: U8, *, key: bytes, payload: int, version: int = MARK_VERSION
) -> U8:
    """Return `image` with share `payload`'s fingerprint and blind payload embedded.

    Deterministic: the same image, key, payload and mark version always give the same bytes.
    """
    pixels = check_rgb(image)
    key = check_key(key)
    payload = check_payload(payload)
    height, width = pixels.shape[:2]
    mask = perceptual_mask(luminance(pixels), version)
    if not carries_blind_layer(height, width):
        # Too small to be read blind: the whole budget goes to the traced fingerprint.
        gain = np.float32(_TOTAL_RMS / _FIELD_RMS)
        return add_luma(pixels, mask * gain * fingerprint_field(key, payload, height, width))
    return add_luma(pixels, mask * with_blind_layer(key, payload, height, width))


def with_blind_layer(key: bytes, payload: int, height: int, width: int) -> F32:
    """The fingerprint and the blind layer together, before the mask (a >= 1 MP preview's)."""
    field = np.float32(FINGERPRINT_RMS / _FIELD_RMS) * fingerprint_field(
        key, payload, height, width
    )
    field += np.float32(BLIND_RMS / _FIELD_RMS) * blind_field(key, payload, height, width)
    return field
