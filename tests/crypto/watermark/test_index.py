from __future__ import annotations

import numpy as np
import pytest
from skimage import data

from sealroom.crypto.watermark import AssetIndex, IndexEntry, WatermarkError, index_entry


@pytest.fixture(scope="module")
def index(astronaut: np.ndarray, coffee: np.ndarray, chelsea: np.ndarray) -> AssetIndex:
    built = AssetIndex()
    for key, image in (("astronaut", astronaut), ("coffee", coffee), ("chelsea", chelsea)):
        # Entries go through their stored form, as the vault would keep them.
        built.add_entry(IndexEntry.from_bytes(index_entry(key, image).to_bytes()))
    built.add("rocket", np.ascontiguousarray(data.rocket()))
    return built


def test_finds_a_crop_of_40_percent(index: AssetIndex, coffee: np.ndarray) -> None:
    h, w = coffee.shape[:2]
    crop = np.ascontiguousarray(coffee[60 : 60 + int(h * 0.63), 150 : 150 + int(w * 0.63)])
    match = index.find(crop)
    assert match is not None and match.asset_key == "coffee" and not match.mirrored


def test_finds_a_mirrored_copy(index: AssetIndex, chelsea: np.ndarray) -> None:
    match = index.find(np.ascontiguousarray(chelsea[:, ::-1]))
    assert match is not None and match.asset_key == "chelsea" and match.mirrored
    # The homography maps suspect pixels onto the asset: the suspect's left edge is the right.
    h = np.array(match.homography).reshape(3, 3)
    x, _, s = h @ np.array([0.0, 150.0, 1.0])
    assert abs(x / s - (chelsea.shape[1] - 1)) < 6


def test_finds_a_picture_inside_a_screenshot(index: AssetIndex, astronaut: np.ndarray) -> None:
    screen = np.full((900, 1600, 3), 235, np.uint8)
    screen[:60] = 40
    screen[200 : 200 + 384, 700 : 700 + 384] = np.asarray(
        __import__("cv2").resize(astronaut, (384, 384))
    )
    match = index.find(screen)
    assert match is not None and match.asset_key == "astronaut"


def test_unrelated_image_is_not_matched(index: AssetIndex) -> None:
    camera = np.repeat(data.camera()[..., None], 3, axis=2)
    assert index.find(np.ascontiguousarray(camera)) is None
    assert index.find(np.ascontiguousarray(data.hubble_deep_field())) is None


def test_stored_entry_round_trips_and_rejects_damage(astronaut: np.ndarray) -> None:
    entry = index_entry("asset/1/page/2", astronaut)
    blob = entry.to_bytes()
    again = IndexEntry.from_bytes(blob)
    assert again.asset_key == entry.asset_key and again.phash == entry.phash
    assert np.array_equal(again.descriptors, entry.descriptors)
    assert np.array_equal(again.points, entry.points)
    assert again.layout is not None and entry.layout is not None
    assert np.array_equal(again.layout, entry.layout) and max(again.layout.shape) == 96
    with pytest.raises(WatermarkError):
        IndexEntry.from_bytes(blob[:-1])
    with pytest.raises(WatermarkError):
        IndexEntry.from_bytes(b"junk")
