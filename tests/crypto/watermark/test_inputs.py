from __future__ import annotations

import numpy as np
import pytest

from sealroom.crypto.watermark import (
    VisibleMark,
    WatermarkError,
    apply_visible_mark,
    embed_fingerprint,
    read_blind_payload,
    render_preview,
    trace_image,
)

GOOD = np.zeros((64, 64, 3), np.uint8)

KEY = bytes(range(32))


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((1, 1, 3), np.uint8),
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((64, 64, 3), np.float32),
        np.zeros((64, 64), np.uint8),
        np.zeros((64, 64, 4), np.uint8),
        [[1, 2, 3]],
    ],
)
def test_bad_images_are_refused_with_a_clear_error(image: object) -> None:
    with pytest.raises(WatermarkError, match=r"image|original|array|pixels|dtype"):
        embed_fingerprint(image, key=KEY, payload=1)  # type: ignore[arg-type]
    with pytest.raises(WatermarkError):
        render_preview(image, key=KEY, payload=1, visible=None)  # type: ignore[arg-type]
    with pytest.raises(WatermarkError):
        read_blind_payload(image, key=KEY)  # type: ignore[arg-type]


def test_bad_key_payload_and_share_list_are_refused() -> None:
    with pytest.raises(WatermarkError, match="32 bytes"):
        embed_fingerprint(GOOD, key=b"short", payload=1)
    for payload in (-1, 2**64, 1.5, True):
        with pytest.raises(WatermarkError, match="payload"):
            embed_fingerprint(GOOD, key=KEY, payload=payload)  # type: ignore[arg-type]
    with pytest.raises(WatermarkError, match="empty"):
        trace_image(GOOD, GOOD, key=KEY, payloads=[])
    with pytest.raises(WatermarkError, match="duplicates"):
        trace_image(GOOD, GOOD, key=KEY, payloads=[3, 3])


def test_visible_mark_settings_are_checked() -> None:
    with pytest.raises(WatermarkError, match="opacity"):
        VisibleMark("a", "b", "c", "d", opacity=1.5)
    with pytest.raises(WatermarkError, match="density"):
        VisibleMark("a", "b", "c", "d", density=0.0)


def test_visible_mark_is_drawn_light_and_dark_and_denser_on_request() -> None:
    dark = np.full((200, 300, 3), 10, np.uint8)
    light = np.full((200, 300, 3), 245, np.uint8)
    sparse = VisibleMark("Ana Lima", "Studio North", "2025-03-01", "Q4-7Z", opacity=0.5)
    dense = VisibleMark("Ana Lima", "Studio North", "2025-03-01", "Q4-7Z", opacity=0.5, density=2.5)
    on_dark = apply_visible_mark(dark, sparse)
    on_light = apply_visible_mark(light, sparse)
    assert (on_dark.astype(int) - dark).max() > 60  # light text shows on dark
    assert (light.astype(int) - on_light).max() > 60  # dark outline shows on light
    changed = lambda out, base: np.count_nonzero(np.any(out != base, axis=2))  # noqa: E731
    assert changed(apply_visible_mark(dark, dense), dark) > 1.5 * changed(on_dark, dark)
    assert apply_visible_mark(dark, sparse).tobytes() == on_dark.tobytes()
