"""Input checks and the small image conversions every layer shares."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from .errors import WatermarkError

MIN_SIDE = 32
"""Below this the fingerprint has too few cells to carry any evidence."""

U8 = NDArray[np.uint8]
F32 = NDArray[np.float32]


def check_rgb(image: object, what: str = "image") -> U8:
    """Return `image` as a contiguous HxWx3 uint8 array or raise WatermarkError saying why not."""
    if not isinstance(image, np.ndarray):
        raise WatermarkError(f"{what} must be a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise WatermarkError(f"{what} must have dtype uint8 (0-255), got {image.dtype}")
    if image.ndim != 3 or image.shape[2] != 3:
        raise WatermarkError(f"{what} must be an RGB array of shape HxWx3, got {image.shape}")
    if image.shape[0] < MIN_SIDE or image.shape[1] < MIN_SIDE:
        raise WatermarkError(
            f"{what} is {image.shape[1]}x{image.shape[0]} pixels; at least "
            f"{MIN_SIDE}x{MIN_SIDE} is needed"
        )
    return np.ascontiguousarray(image)


def check_key(key: object) -> bytes:
    if not isinstance(key, bytes | bytearray) or len(key) != 32:
        raise WatermarkError("the watermark key must be exactly 32 bytes")
    return bytes(key)


def check_payload(payload: object) -> int:
    if isinstance(payload, bool) or not isinstance(payload, int | np.integer):
        raise WatermarkError(f"payload must be an integer, got {type(payload).__name__}")
    value = int(payload)
    if not 0 <= value < 2**64:
        raise WatermarkError(f"payload must fit in 64 bits (0 <= payload < 2**64), got {value}")
    return value


def luminance(image: U8) -> F32:
    """Rec. 601 luma as float32; the fingerprint lives in luma, which JPEG keeps at full size."""
    rgb = image.astype(np.float32)
    luma: F32 = (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]).astype(np.float32)
    return luma


def base_preview(original: U8, max_side: int = 2048) -> U8:
    """The unmarked preview: `original` shrunk so its longest side is at most `max_side`.

    Pillow's fixed-point resampling is used because it gives the same bytes on every machine,
    which is what makes a preview re-creatable from the original.
    """
    image = check_rgb(original, "original")
    if max_side < MIN_SIDE:
        raise WatermarkError(f"max_side must be at least {MIN_SIDE}, got {max_side}")
    height, width = image.shape[:2]
    longest = max(height, width)
    if longest <= max_side:
        return image.copy()
    scale = max_side / longest
    size = (max(MIN_SIDE, round(width * scale)), max(MIN_SIDE, round(height * scale)))
    resized = Image.fromarray(image, "RGB").resize(size, Image.Resampling.LANCZOS)
    return np.asarray(resized, dtype=np.uint8).copy()


def add_luma(image: U8, delta: F32) -> U8:
    """Add the same signed change to R, G and B (a pure luma change), rounding half away from 0."""
    out = image.astype(np.float32) + delta[..., None]
    return to_u8(out)


def to_u8(values: NDArray[np.float32]) -> U8:
    """Round to the nearest level (ties to even, as IEEE rint) and clip to 0-255."""
    pixels: U8 = np.clip(np.rint(values), 0, 255).astype(np.uint8)
    return pixels
