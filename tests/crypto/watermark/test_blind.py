from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sealroom.crypto.watermark import ecc, embed_fingerprint, read_blind_payload

KEY = bytes(range(32))


@pytest.fixture(scope="module")
def camera_sized(coffee: np.ndarray) -> np.ndarray:
    """A camera-sized picture: the blind layer needs about a megapixel."""
    return cv2.resize(coffee, (1800, 1200), interpolation=cv2.INTER_CUBIC)


def test_blind_payload_round_trip(
    camera_sized: np.ndarray, jpeg: Callable[..., np.ndarray], resize: Callable[..., np.ndarray]
) -> None:
    payload = 0xDEADBEEF01234567
    marked = embed_fingerprint(camera_sized, key=KEY, payload=payload)
    assert read_blind_payload(marked, key=KEY) == payload
    height, width = marked.shape[:2]
    # Half the area, cut at an offset that is not a multiple of the tile, then shrunk.
    crop = np.ascontiguousarray(
        marked[150 : 150 + int(height * 0.71), 333 : 333 + int(width * 0.71)]
    )
    assert read_blind_payload(jpeg(resize(crop, 0.8), 80), key=KEY) == payload


def test_blind_reader_finds_nothing_in_unmarked_or_foreign_copies(
    camera_sized: np.ndarray,
) -> None:
    assert read_blind_payload(camera_sized, key=KEY) is None
    marked = embed_fingerprint(camera_sized, key=KEY, payload=77)
    assert read_blind_payload(marked, key=bytes(32)) is None


_SPAN = 2 * ecc.CONSTRAINT


@settings(max_examples=25, deadline=None)
@given(
    st.integers(0, 2**64 - 1),
    st.lists(st.integers(0, ecc.coded_length(64) // _SPAN - 1), max_size=6, unique=True),
    st.integers(0, _SPAN - 1),
)
def test_convolutional_code_corrects_scattered_errors(
    payload: int, windows: list[int], offset: int
) -> None:
    # One flipped coded bit per window of two constraint lengths: scattered, not a burst (six
    # adjacent flips exceed the code's free distance of 10 and are not meant to be corrected).
    bits = np.unpackbits(np.frombuffer(payload.to_bytes(8, "big"), np.uint8))
    soft = ecc.encode(bits).astype(np.float64) * 2.0 - 1.0
    soft[[w * _SPAN + offset for w in windows]] *= -1.0
    assert np.array_equal(ecc.decode(soft, 64), bits)
