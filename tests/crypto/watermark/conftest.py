from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from skimage import data

KEY = bytes(range(32))


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    return np.ascontiguousarray(data.astronaut())


@pytest.fixture(scope="session")
def chelsea() -> np.ndarray:
    return np.ascontiguousarray(data.chelsea())


@pytest.fixture(scope="session")
def coffee() -> np.ndarray:
    return np.ascontiguousarray(data.coffee())


Image = np.ndarray


def _jpeg(image: Image, quality: int) -> Image:
    ok, buf = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def _resize(image: Image, factor: float) -> Image:
    size = (round(image.shape[1] * factor), round(image.shape[0] * factor))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


@pytest.fixture(scope="session")
def key() -> bytes:
    return KEY


@pytest.fixture(scope="session")
def jpeg() -> Callable[[Image, int], Image]:
    """Re-compress as JPEG (4:2:0) at the given quality."""
    return _jpeg


@pytest.fixture(scope="session")
def resize() -> Callable[[Image, float], Image]:
    return _resize
