"""Realistic leaks for tests and benchmarks: sample content and what leakers do to a preview.

Content: text pages, flat product graphics and near-duplicates of a picture (a burst frame, an
alternate cut). Attacks: the families people actually produce (a feed re-post, a story
screenshot, a photo of a screen, crops, stickers, turns, mirrors, filters, re-compression).
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

Image = np.ndarray


def jpeg(image: Image, quality: int) -> Image:
    """JPEG with 4:2:0 chroma subsampling (OpenCV's default), decoded back to RGB."""
    ok, buf = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def resize(image: Image, factor: float, interpolation: int = cv2.INTER_AREA) -> Image:
    size = (max(8, round(image.shape[1] * factor)), max(8, round(image.shape[0] * factor)))
    return cv2.resize(image, size, interpolation=interpolation)


_WORDS = [
    "agreement",
    "embargo",
    "release",
    "campaign",
    "partner",
    "deliverable",
    "exclusive",
    "territory",
    "term",
    "fee",
    "licence",
    "usage",
    "rights",
    "approval",
    "schedule",
    "launch",
    "confidential",
    "brand",
    "creator",
    "content",
]


def document_page(seed: int, size: tuple[int, int] = (1240, 1754)) -> np.ndarray:
    """A text page: title, paragraphs, a table; black on white like a contract or price sheet."""
    rng = np.random.default_rng(seed)
    page = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    width, height = size
    title = ImageFont.load_default(size=52)
    body = ImageFont.load_default(size=26)
    draw.text((90, 80), f"Confidential term sheet {seed}", font=title, fill=(20, 20, 60))
    y = 190
    while y < height - 420:
        for _ in range(int(rng.integers(3, 7))):
            words = " ".join(rng.choice(_WORDS, int(rng.integers(6, 11))))
            draw.text((90, y), words.capitalize() + ".", font=body, fill=(25, 25, 25))
            y += 38
        y += 30
    for row in range(6):
        top = height - 400 + row * 50
        draw.rectangle((90, top, width - 90, top + 50), outline=(90, 90, 90), width=2)
        draw.text((110, top + 10), f"Item {row + 1}", font=body, fill=(0, 0, 0))
        draw.text(
            (width - 330, top + 10),
            f"EUR {int(rng.integers(100, 9000)):,}",
            font=body,
            fill=(0, 0, 0),
        )
    return np.asarray(page, dtype=np.uint8).copy()


def product_shot(seed: int, size: int = 1600) -> np.ndarray:
    """A flat, nearly symmetric product graphic: a bottle on a soft gradient."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 1, size, dtype=np.float32)[:, None, None]
    top, bottom = rng.integers(150, 256, 3), rng.integers(60, 200, 3)
    canvas = np.broadcast_to(top * (1 - ramp) + bottom * ramp, (size, size, 3)).astype(np.uint8)
    canvas = np.ascontiguousarray(canvas)
    colour = tuple(int(c) for c in rng.integers(0, 200, 3))
    c = size // 2
    cv2.rectangle(canvas, (c - 170, 520), (c + 170, 1350), colour, -1)
    cv2.rectangle(canvas, (c - 60, 330), (c + 60, 540), colour, -1)
    cv2.rectangle(canvas, (c - 75, 280), (c + 75, 340), (40, 40, 40), -1)
    cv2.rectangle(canvas, (c - 150, 760), (c + 150, 1040), (245, 245, 240), -1)
    cv2.putText(canvas, "LUMEN", (c - 120, 920), cv2.FONT_HERSHEY_DUPLEX, 2.2, colour, 5)
    return canvas


def near_duplicates(page: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """A burst frame (shifted, re-exposed, new grain) and an alternate cut (cropped, graded)."""
    h, w = page.shape[:2]
    shift = np.float32([[1.01, 0, -w * 0.012], [0, 1.01, h * 0.008]])
    burst = cv2.warpAffine(page, shift, (w, h), borderMode=cv2.BORDER_REFLECT).astype(np.float32)
    burst = burst * 1.03 + rng.normal(0, 2.0, burst.shape)
    top, left = round(h * 0.06), round(w * 0.05)
    cut = page[top : h - round(h * 0.04), left : w - round(w * 0.07)].astype(np.float32)
    cut = cv2.resize(cut, (w, h), interpolation=cv2.INTER_CUBIC) * np.float32([1.04, 1.0, 0.95])
    return [np.clip(np.rint(x), 0, 255).astype(np.uint8) for x in (burst, cut)]


# Attack families.


def sharpen(image: Image, amount: float = 0.6) -> Image:
    blurred = cv2.GaussianBlur(image.astype(np.float32), (0, 0), 1.2)
    out = image.astype(np.float32) * (1.0 + amount) - blurred * amount
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def fit_width(image: Image, width: int) -> Image:
    factor = width / image.shape[1]
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return resize(image, factor, interpolation)


def social_repost(image: Image, rng: np.random.Generator) -> Image:
    """A feed post: 1080 px wide, sharpened by the app, JPEG 75 with 4:2:0 chroma."""
    return jpeg(sharpen(fit_width(image, 1080), float(rng.uniform(0.3, 0.8))), 75)


def _ui_bar(canvas: Image, top: int, height: int, shade: int, rng: np.random.Generator) -> None:
    canvas[top : top + height] = shade
    for _ in range(int(rng.integers(2, 6))):  # icons and labels
        x = int(rng.integers(20, canvas.shape[1] - 120))
        y = top + int(rng.integers(height // 5, max(height // 5 + 1, height - 50)))
        cv2.rectangle(
            canvas, (x, y), (x + int(rng.integers(30, 110)), y + 36), (255 - shade,) * 3, -1
        )


def story_frame(image: Image, rng: np.random.Generator) -> Image:
    """A phone story screenshot: 1170x2532, status bar and UI, the picture covering 15-35 %."""
    height, width = 2532, 1170
    top_colour = rng.integers(0, 256, 3).astype(np.float32)
    bottom_colour = rng.integers(0, 256, 3).astype(np.float32)
    ramp = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    canvas = np.ascontiguousarray(
        np.broadcast_to(top_colour * (1 - ramp) + bottom_colour * ramp, (height, width, 3))
    ).astype(np.uint8)
    coverage = float(rng.uniform(0.15, 0.35))
    factor = np.sqrt(coverage * height * width / (image.shape[0] * image.shape[1]))
    factor = min(factor, 0.96 * width / image.shape[1], 0.7 * height / image.shape[0])
    picture = resize(image, factor, cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC)
    ph, pw = picture.shape[:2]
    y = int(rng.integers(260, height - 300 - ph))
    x = int(rng.integers(0, width - pw + 1))
    canvas[y : y + ph, x : x + pw] = picture
    _ui_bar(canvas, 0, 140, 10, rng)
    _ui_bar(canvas, height - 220, 220, 20, rng)
    cv2.putText(
        canvas, "new drop soon!", (60, y - 40), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (255,) * 3, 4
    )
    return jpeg(canvas, 85)


def screen_photo(image: Image, rng: np.random.Generator) -> Image:
    """A phone photo of a screen: perspective, blur, moiré, colour cast, noise, phone JPEG."""
    h, w = image.shape[:2]
    big = resize(image, 1.3, cv2.INTER_LINEAR)
    bh, bw = big.shape[:2]
    src = np.float32([[0, 0], [bw, 0], [bw, bh], [0, bh]])
    jitter = rng.uniform(-0.05, 0.05, (4, 2)) * np.float32([bw, bh])
    dst = (src * 0.85 + np.float32([bw, bh]) * 0.075 + jitter).astype(np.float32)
    warped = cv2.warpPerspective(
        big,
        cv2.getPerspectiveTransform(src, dst),
        (bw, bh),
        flags=cv2.INTER_LINEAR,
        borderValue=(25, 25, 28),
    ).astype(np.float32)
    yy, xx = np.mgrid[0:bh, 0:bw].astype(np.float32)
    angle, period = float(rng.uniform(0, np.pi)), float(rng.uniform(5.0, 9.0))
    moire = 1.0 + 0.04 * np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * 2 * np.pi / period)
    cast = rng.uniform(0.88, 1.08, 3).astype(np.float32)
    shot = warped * moire[..., None] * cast
    shot = cv2.GaussianBlur(shot, (0, 0), float(rng.uniform(0.7, 1.3)))
    shot += rng.normal(0.0, 4.0, shot.shape).astype(np.float32)
    out = np.clip(np.rint(shot), 0, 255).astype(np.uint8)
    return jpeg(resize(out, min(1.0, 1600 / max(h, w)) * 1.0), 82)


def corner_crop(image: Image, rng: np.random.Generator, area: float = 0.3) -> Image:
    """Keep one corner holding `area` of the picture (a 30 % corner crop)."""
    h, w = image.shape[:2]
    side = float(np.sqrt(area))
    ch, cw = round(h * side), round(w * side)
    top = 0 if rng.integers(0, 2) else h - ch
    left = 0 if rng.integers(0, 2) else w - cw
    return jpeg(np.ascontiguousarray(image[top : top + ch, left : left + cw]), 85)


def stickers(image: Image, rng: np.random.Generator, area: float = 0.2) -> Image:
    """Stickers, emoji and a caption bar covering about `area` of the picture."""
    out = image.copy()
    h, w = out.shape[:2]
    covered = np.zeros((h, w), bool)
    bar = round(h * 0.08)
    y0 = int(rng.integers(0, h - bar))
    out[y0 : y0 + bar] = (250, 250, 250)
    cv2.putText(
        out,
        "OMG look at this",
        (w // 20, y0 + bar * 3 // 4),
        cv2.FONT_HERSHEY_DUPLEX,
        bar / 40,
        (20, 20, 20),
        max(1, bar // 15),
    )
    covered[y0 : y0 + bar] = True
    while covered.mean() < area:
        r = int(rng.integers(min(h, w) // 14, min(h, w) // 7))
        cx, cy = int(rng.integers(r, w - r)), int(rng.integers(r, h - r))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.circle(out, (cx, cy), r, colour, -1)
        cv2.circle(out, (cx - r // 3, cy - r // 4), r // 6, (0, 0, 0), -1)
        cv2.circle(out, (cx + r // 3, cy - r // 4), r // 6, (0, 0, 0), -1)
        yy, xx = np.ogrid[:h, :w]
        covered |= (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
    return jpeg(out, 85)


def rotate90(image: Image, rng: np.random.Generator) -> Image:
    turned = np.rot90(image, 1 if rng.integers(0, 2) else -1)
    return jpeg(np.ascontiguousarray(turned), 85)


def flip(image: Image, rng: np.random.Generator) -> Image:
    return jpeg(np.ascontiguousarray(image[:, ::-1]), 85)


def filtered(image: Image, rng: np.random.Generator) -> Image:
    """A phone app filter: grayscale, or warm tones with faded blacks and a vignette."""
    x = image.astype(np.float32)
    if rng.integers(0, 2):
        gray = x @ np.float32([0.299, 0.587, 0.114])
        x = np.repeat(gray[..., None], 3, axis=2) * 1.05 + 6.0
    else:
        x = x * np.float32([1.08, 1.0, 0.88]) * 0.9 + 18.0
        h, w = x.shape[:2]
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        r2 = ((yy - h / 2) / h) ** 2 + ((xx - w / 2) / w) ** 2
        x *= (1.0 - 0.5 * r2)[..., None]
    return jpeg(np.clip(np.rint(x), 0, 255).astype(np.uint8), 85)


def double_compression(image: Image, rng: np.random.Generator) -> Image:
    """Saved by one app, downsized and saved again by the next."""
    return jpeg(resize(jpeg(image, 85), float(rng.uniform(0.6, 0.85))), 70)


REALISTIC: dict[str, Callable[[Image, np.random.Generator], Image]] = {
    "social re-post 1080/q75": social_repost,
    "story frame 1170x2532": story_frame,
    "screen photo": screen_photo,
    "30% corner crop": corner_crop,
    "stickers 20%": stickers,
    "rotate 90": rotate90,
    "flip": flip,
    "grayscale/filter": filtered,
    "double compression": double_compression,
}
