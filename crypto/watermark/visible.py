"""Visible mark: tiled, rotated, semi-transparent text naming the recipient.

Light text with a dark outline stays legible on dark and light pictures alike. The font is the
one that ships inside Pillow, so the same mark is drawn on every machine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .errors import WatermarkError
from .imaging import U8, check_rgb, to_u8


@dataclass(frozen=True)
class VisibleMark:
    recipient: str
    organisation: str
    date: str
    share_code: str
    opacity: float = 0.25
    """0 (invisible) to 1 (opaque text)."""
    density: float = 1.0
    """Relative number of repeats: 2.0 packs the text about twice as tightly in each direction."""
    angle: float = 30.0
    """Counter-clockwise rotation of the text, in degrees."""

    def __post_init__(self) -> None:
        if not 0.0 < self.opacity <= 1.0:
            raise WatermarkError(f"opacity must be in (0, 1], got {self.opacity}")
        if not 0.25 <= self.density <= 4.0:
            raise WatermarkError(f"density must be between 0.25 and 4, got {self.density}")
        if not any(s.strip() for s in (self.recipient, self.organisation, self.share_code)):
            raise WatermarkError("a visible mark needs a recipient, organisation or share code")

    def lines(self) -> tuple[str, str]:
        first = " - ".join(s for s in (self.recipient, self.organisation) if s.strip())
        second = " - ".join(s for s in (self.date, self.share_code) if s.strip())
        return first, second


def apply_visible_mark(image: U8, mark: VisibleMark) -> U8:
    pixels = check_rgb(image)
    height, width = pixels.shape[:2]
    size = max(10, round(min(height, width) / 26))
    font = ImageFont.load_default(size=size)
    text = "\n".join(mark.lines())
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    left, top, right, bottom = probe.multiline_textbbox((0, 0), text, font=font, align="center")
    step_x = round((right - left + 2.5 * size) / mark.density)
    step_y = round((bottom - top + 3.0 * size) / mark.density)
    side = math.ceil(math.hypot(height, width)) + 2 * max(step_x, step_y)
    layer = Image.new("LA", (side, side), (0, 0))
    draw = ImageDraw.Draw(layer)
    stroke = max(1, size // 10)
    for row, y in enumerate(range(0, side, step_y)):
        shift = (step_x // 2) * (row % 2)
        for x in range(-shift, side, step_x):
            draw.multiline_text(
                (x, y),
                text,
                font=font,
                fill=(235, 255),
                align="center",
                stroke_width=stroke,
                stroke_fill=(20, 255),
            )
    layer = layer.rotate(mark.angle, resample=Image.Resampling.BICUBIC)
    x0, y0 = (side - width) // 2, (side - height) // 2
    crop = np.asarray(layer.crop((x0, y0, x0 + width, y0 + height)), dtype=np.float32)
    alpha = crop[..., 1:2] / 255.0 * np.float32(mark.opacity)
    out = pixels.astype(np.float32) * (1.0 - alpha) + crop[..., 0:1] * alpha
    return to_u8(out)
