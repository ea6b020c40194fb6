"""The attack suite of the watermark benchmark: what leakers do to a preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np

Image = np.ndarray
Attack = Callable[[Sequence[Image], np.random.Generator], Image]


def jpeg(image: Image, quality: int) -> Image:
    """JPEG with 4:2:0 chroma subsampling (OpenCV's default), decoded back to RGB."""
    ok, buf = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def png(image: Image) -> Image:
    ok, buf = cv2.imencode(".png", image[..., ::-1])
    assert ok
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def resize(image: Image, factor: float, interpolation: int = cv2.INTER_AREA) -> Image:
    size = (max(8, round(image.shape[1] * factor)), max(8, round(image.shape[0] * factor)))
    return cv2.resize(image, size, interpolation=interpolation)


def crop(image: Image, area: float, rng: np.random.Generator) -> Image:
    side = float(np.sqrt(area))
    h, w = image.shape[:2]
    ch, cw = round(h * side), round(w * side)
    top, left = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    return np.ascontiguousarray(image[top : top + ch, left : left + cw])


def rotate(image: Image, degrees: float) -> Image:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR)


def noise(image: Image, sigma: float, rng: np.random.Generator) -> Image:
    out = image.astype(np.float32) + rng.normal(0.0, sigma, image.shape).astype(np.float32)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def tone(image: Image, gain: float = 1.0, contrast: float = 1.0, gamma: float = 1.0) -> Image:
    x = image.astype(np.float32) / 255.0
    x = (x - 0.5) * contrast + 0.5
    x = np.clip(x * gain, 0.0, 1.0) ** gamma
    return np.clip(np.rint(x * 255.0), 0, 255).astype(np.uint8)


def screenshot(image: Image) -> Image:
    return png(tone(resize(image, 0.8, cv2.INTER_LINEAR), gamma=0.9))


def phone_photo(image: Image, rng: np.random.Generator) -> Image:
    """A photo of the screen: perspective, optical blur, sensor noise, the phone's JPEG."""
    h, w = image.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(-0.04, 0.04, (4, 2)) * np.float32([w, h])
    dst = (src * 0.9 + np.float32([w, h]) * 0.05 + jitter).astype(np.float32)
    warped = cv2.warpPerspective(
        image,
        cv2.getPerspectiveTransform(src, dst),
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderValue=(30, 30, 30),
    )
    blurred = cv2.GaussianBlur(warped, (0, 0), 0.8)
    return jpeg(noise(blurred, 3.0, rng), 80)


def average(copies: Sequence[Image]) -> Image:
    return np.rint(np.mean(np.stack(copies), axis=0)).astype(np.uint8)


SINGLE: dict[str, Callable[[Image, np.random.Generator], Image]] = {
    "none": lambda x, r: x,
    "jpeg 90": lambda x, r: jpeg(x, 90),
    "jpeg 70": lambda x, r: jpeg(x, 70),
    "jpeg 50": lambda x, r: jpeg(x, 50),
    "jpeg 40": lambda x, r: jpeg(x, 40),
    "resize 0.75": lambda x, r: resize(x, 0.75),
    "resize 0.5": lambda x, r: resize(x, 0.5),
    "crop 80%": lambda x, r: crop(x, 0.8, r),
    "crop 50%": lambda x, r: crop(x, 0.5, r),
    "rotate 2": lambda x, r: rotate(x, 2.0),
    "rotate 5": lambda x, r: rotate(x, 5.0),
    "noise 5": lambda x, r: noise(x, 5.0, r),
    "bright +20%": lambda x, r: tone(x, gain=1.2),
    "bright -20%": lambda x, r: tone(x, gain=0.8),
    "contrast 0.7": lambda x, r: tone(x, contrast=0.7),
    "screenshot": lambda x, r: screenshot(x),
    "phone photo": phone_photo,
    "crop90+0.7x+jpeg75": lambda x, r: jpeg(resize(crop(x, 0.9, r), 0.7), 75),
}

NEVER_MARKED: dict[str, Callable[[Image, np.random.Generator], Image]] = {
    "never marked": lambda x, r: x,
    "never marked+jpeg75": lambda x, r: jpeg(x, 75),
    "never marked+0.5x": lambda x, r: resize(x, 0.5),
    "never marked+crop 50%": lambda x, r: crop(x, 0.5, r),
    "never marked+screenshot": lambda x, r: screenshot(x),
    "never marked+phone photo": phone_photo,
}

BLIND = ("none", "jpeg 50", "resize 0.5", "bright +20%", "bright -20%", "crop 50%", "screenshot")

COLLUSION: dict[str, tuple[int, Callable[[Image], Image]]] = {}
for _k in (2, 4, 8, 16):
    COLLUSION[f"avg {_k}"] = (_k, lambda x: x)
    COLLUSION[f"avg {_k}+jpeg75"] = (_k, lambda x: jpeg(x, 75))
    COLLUSION[f"avg {_k}+0.5x+jpeg75"] = (_k, lambda x: jpeg(resize(x, 0.5), 75))


# Realistic leak families: what people do to a preview before it turns up in public.


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
