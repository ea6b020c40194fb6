from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from skimage import metrics

from sealroom.crypto.watermark import (
    NAMING_THRESHOLD,
    VisibleMark,
    base_preview,
    embed_fingerprint,
    render_preview,
    trace_image,
)

SHARES = list(range(7000, 7200))

KEY = bytes(range(32))


def test_embedded_share_is_named_and_nobody_else(astronaut: np.ndarray) -> None:
    marked = embed_fingerprint(astronaut, key=KEY, payload=7042)
    result = trace_image(marked, astronaut, key=KEY, payloads=SHARES)
    assert result.verdict == "identified"
    assert result.accused == (7042,)
    top = result.candidates[0]
    assert top.payload == 7042 and top.p_false < NAMING_THRESHOLD
    assert all(c.p_false > 1e-3 for c in result.candidates[1:])
    assert result.registration is not None and result.coverage > 0.95


def test_invisible_mark_quality(astronaut: np.ndarray, coffee: np.ndarray) -> None:
    for image in (astronaut, coffee):
        marked = embed_fingerprint(image, key=KEY, payload=1)
        assert metrics.peak_signal_noise_ratio(image, marked) >= 42.0
        assert metrics.structural_similarity(image, marked, channel_axis=2) >= 0.985


def test_preview_is_bit_exact_and_share_specific(coffee: np.ndarray) -> None:
    mark = VisibleMark("Ana Lima", "Studio North", "2025-03-01", "Q4-7Z")
    first = render_preview(coffee, key=KEY, payload=99, visible=mark, max_side=500)
    again = render_preview(coffee.copy(), key=KEY, payload=99, visible=mark, max_side=500)
    other = render_preview(coffee, key=KEY, payload=100, visible=mark, max_side=500)
    assert first.shape == (333, 500, 3) and first.dtype == np.uint8
    assert first.tobytes() == again.tobytes()
    assert first.tobytes() != other.tobytes()


def test_jpeg_and_crop_survive(
    chelsea: np.ndarray, jpeg: Callable[..., np.ndarray], resize: Callable[..., np.ndarray]
) -> None:
    marked = embed_fingerprint(chelsea, key=KEY, payload=7100)
    height, width = marked.shape[:2]
    top, left = height // 5, width // 6
    crop = marked[top : top + int(height * 0.75), left : left + int(width * 0.75)]
    suspect = jpeg(resize(np.ascontiguousarray(crop), 0.8), 60)
    result = trace_image(suspect, chelsea, key=KEY, payloads=SHARES)
    assert result.accused == (7100,)


def test_preview_with_visible_mark_is_traced(
    coffee: np.ndarray, jpeg: Callable[..., np.ndarray]
) -> None:
    mark = VisibleMark("Ana Lima", "Studio North", "2025-03-01", "Q4-7Z", opacity=0.3)
    preview = render_preview(coffee, key=KEY, payload=7003, visible=mark)
    result = trace_image(jpeg(preview, 75), base_preview(coffee), key=KEY, payloads=SHARES)
    assert result.accused == (7003,)


def test_averaged_copies_name_every_colluder(
    astronaut: np.ndarray, jpeg: Callable[..., np.ndarray]
) -> None:
    colluders = [7010, 7011, 7012, 7013]
    copies = [embed_fingerprint(astronaut, key=KEY, payload=p) for p in colluders]
    average = np.rint(np.mean(copies, axis=0)).astype(np.uint8)
    result = trace_image(jpeg(average, 75), astronaut, key=KEY, payloads=SHARES)
    assert set(result.accused) == set(colluders)


@pytest.mark.parametrize("quality", [75, 95])
def test_never_marked_image_accuses_nobody(
    chelsea: np.ndarray, quality: int, jpeg: Callable[..., np.ndarray]
) -> None:
    result = trace_image(jpeg(chelsea, quality), chelsea, key=KEY, payloads=SHARES)
    assert result.verdict == "no confident match"
    assert result.accused == ()
    assert min(c.p_false for c in result.candidates) > NAMING_THRESHOLD
    assert 0.7 < result.decoy_std < 1.3


def test_unrelated_suspect_cannot_be_registered(astronaut: np.ndarray) -> None:
    noise = np.random.default_rng(5).integers(0, 256, (300, 300, 3), dtype=np.uint8)
    result = trace_image(noise, astronaut, key=KEY, payloads=SHARES[:5])
    assert result.registration is None
    assert result.verdict == "no confident match"


def test_flat_graphic_without_features_is_traced_in_place() -> None:
    y, x = np.mgrid[0:300, 0:400]
    flat = np.stack([x * 0.5 + 40, y * 0.5 + 60, np.full(x.shape, 128.0)], axis=2).astype(np.uint8)
    marked = embed_fingerprint(flat, key=KEY, payload=7150)
    result = trace_image(marked, flat, key=KEY, payloads=SHARES)
    assert result.registration is not None and result.registration.inliers == 0
    assert result.accused == (7150,)


def test_mirrored_and_rotated_copy_is_traced(
    coffee: np.ndarray, jpeg: Callable[..., np.ndarray]
) -> None:
    marked = embed_fingerprint(coffee, key=KEY, payload=7160)
    h, w = marked.shape[:2]
    turned = cv2.warpAffine(marked, cv2.getRotationMatrix2D((w / 2, h / 2), 4.0, 0.9), (w, h))
    result = trace_image(
        jpeg(np.ascontiguousarray(turned[:, ::-1]), 80), coffee, key=KEY, payloads=SHARES
    )
    assert result.registration is not None and result.registration.mirrored
    assert result.accused == (7160,)
