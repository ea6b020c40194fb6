"""Files for the demo vault: photos, PDF briefs, a short clip and captions, made in memory.

Photos are crops and variants of scikit-image's bundled sample images when scikit-image is
installed (it is a test extra), otherwise generated with Pillow; either way every file differs,
so none is a duplicate of another. They are written to a temporary folder the demo imports from.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

_SAMPLES = (
    "astronaut",
    "coffee",
    "chelsea",
    "rocket",
    "colorwheel",
    "hubble_deep_field",
    "immunohistochemistry",
    "camera",
    "coins",
    "clock",
    "moon",
    "logo",
)


def _sample_images() -> list[Image.Image]:
    try:
        from skimage import data
    except ImportError:
        return []
    images = []
    for name in _SAMPLES:
        try:
            pixels = getattr(data, name)()
        except Exception:  # a sample that needs a download: skip it
            continue
        image = Image.fromarray(np.asarray(pixels))
        images.append(image.convert("RGB"))
    return images


def _generated(index: int, rng: random.Random) -> Image.Image:
    width, height = 640, 480
    x = np.linspace(0, 1, width)[None, :, None]
    y = np.linspace(0, 1, height)[:, None, None]
    base = np.array([rng.random(), rng.random(), rng.random()])[None, None, :]
    pixels = (255 * np.clip(base * (0.4 + 0.6 * x) + (1 - base) * 0.5 * y, 0, 1)).astype(np.uint8)
    image = Image.fromarray(pixels, "RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x0, y0 = rng.randrange(width - 120), rng.randrange(height - 120)
        size = rng.randrange(40, 160)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x0, y0, x0 + size, y0 + size), fill=colour)
    draw.text((20, 20), f"sample {index}", fill=(255, 255, 255))
    return image


def photo_variant(index: int, seed: int = 7) -> Image.Image:
    """The `index`-th demo photo: a crop, flip, tint or rotation of a sample image."""
    rng = random.Random(seed * 1000 + index)
    samples = _sample_images_cached()
    if not samples:
        return _generated(index, rng)
    image = samples[index % len(samples)]
    width, height = image.size
    scale = rng.uniform(0.6, 0.95)
    crop_w, crop_h = int(width * scale), int(height * scale)
    left, top = rng.randrange(width - crop_w + 1), rng.randrange(height - crop_h + 1)
    image = image.crop((left, top, left + crop_w, top + crop_h))
    variant = index // len(samples) + index % 3
    if variant % 2:
        image = ImageOps.mirror(image)
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.7, 1.4))
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.85, 1.15))
    if variant % 3 == 2:
        image = image.rotate(rng.choice((90, 270)), expand=True)
    return image


_CACHE: list[list[Image.Image]] = []


def _sample_images_cached() -> list[Image.Image]:
    if not _CACHE:
        _CACHE.append(_sample_images())
    return _CACHE[0]


def write_photo(folder: Path, name: str, index: int) -> Path:
    """Save the `index`-th photo as `name` (the extension picks JPEG, PNG or WebP)."""
    path = folder / name
    image = photo_variant(index)
    if path.suffix.lower() in (".jpg", ".jpeg", ".webp"):
        image.save(path, quality=88)
    else:
        image.save(path)
    return path


def write_brief(folder: Path, name: str, title: str, lines: list[str], photo_index: int) -> Path:
    """A one-page PDF brief: a heading, some lines of text and a photo (Pillow saves the PDF)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    heading = ImageFont.load_default(size=56)
    body = ImageFont.load_default(size=30)
    draw.text((100, 100), title, fill=(20, 20, 20), font=heading)
    draw.text((100, 190), "CONFIDENTIAL - under embargo", fill=(180, 30, 30), font=body)
    for number, line in enumerate(lines):
        draw.text((100, 280 + 48 * number), line, fill=(40, 40, 40), font=body)
    photo = photo_variant(photo_index)
    photo.thumbnail((1040, 800))
    page.paste(photo, (100, 300 + 48 * len(lines)))
    path = folder / name
    page.save(path, "PDF", resolution=150)
    return path


def write_clip(folder: Path, name: str, photo_index: int) -> Path | None:
    """A two-second MP4 panning across a photo, or None if this OpenCV cannot write MP4."""
    try:
        import cv2
    except ImportError:  # pragma: no cover - OpenCV is a dependency
        return None
    photo = np.asarray(photo_variant(photo_index).convert("RGB").resize((640, 360)))
    path = folder / name
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 12, (320, 180))
    if not writer.isOpened():
        return None
    try:
        for frame in range(24):
            x, y = frame * 10, frame * 6
            crop = np.ascontiguousarray(photo[y : y + 180, x : x + 320, ::-1])
            writer.write(crop)
    finally:
        writer.release()
    return path if path.exists() and path.stat().st_size > 0 else None


def write_text(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
