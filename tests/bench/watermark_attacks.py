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
