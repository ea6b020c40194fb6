"""Finding the asset a suspect shows when it is framed, covered, mirrored or duplicated."""

from __future__ import annotations

import numpy as np
import pytest
from leaks import document_page, flip, jpeg, near_duplicates, product_shot, stickers, story_frame

from sealroom.crypto.watermark import (
    AssetIndex,
    VisibleMark,
    base_preview,
    embed_fingerprint,
    render_preview,
    trace_image,
)
from sealroom.crypto.watermark.detect import read_suspect
from sealroom.crypto.watermark.index import (
    CONVINCING_INLIERS,
    LAYOUT_CANDIDATES,
    alike,
    index_entry,
)
from sealroom.crypto.watermark.layout import layout_image, relative_placement
from sealroom.crypto.watermark.register import gray_of

KEY = bytes(range(32))


def test_a_crop_finds_the_asset_and_every_near_duplicate(
    coffee: np.ndarray, chelsea: np.ndarray
) -> None:
    index = AssetIndex()
    index.add("coffee", coffee)
    for number, variant in enumerate(near_duplicates(coffee, np.random.default_rng(1))):
        index.add(f"coffee alt {number}", variant)
    index.add("unrelated", chelsea)
    h, w = coffee.shape[:2]
    crop = np.ascontiguousarray(coffee[40 : 40 + int(h * 0.7), 90 : 90 + int(w * 0.7)])
    keys = [m.asset_key for m in index.find_all(crop)]
    assert {"coffee", "coffee alt 0", "coffee alt 1"} <= set(keys)
    assert "unrelated" not in keys


def test_a_plain_graphic_is_found_in_a_story_frame_and_under_stickers() -> None:
    graphic = product_shot(5, 640)
    index = AssetIndex()
    index.add("bottle", graphic)
    index.add("other bottle", np.ascontiguousarray(product_shot(6, 640)[:, ::-1]))
    rng = np.random.default_rng(2)
    framed = story_frame(graphic, rng)
    covered = stickers(graphic, rng)
    for suspect in (framed, covered):
        found = index.find_all(suspect)
        assert found and found[0].asset_key == "bottle"


def test_a_mirrored_symmetric_graphic_is_traced_with_both_senses_counted() -> None:
    graphic = base_preview(product_shot(7, 560))
    payloads = list(range(500, 520))
    marked = embed_fingerprint(graphic, key=KEY, payload=507)
    result = trace_image(
        flip(marked, np.random.default_rng(3)), graphic, key=KEY, payloads=payloads
    )
    assert result.accused == (507,)
    assert result.registration is not None and result.registration.mirrored
    # Both mirror senses fit a symmetric bottle; each was scored and counted in the odds.
    assert result.tested >= 2 * len(payloads)


def test_a_collapsed_search_geometry_is_skipped_and_the_suspect_still_registers(
    coffee: np.ndarray,
) -> None:
    """A near-duplicate's homography can be singular or infinite; it must not stop the trace."""
    reference = base_preview(coffee)
    suspect = embed_fingerprint(reference, key=KEY, payload=41)
    rank_one = np.outer([1.0, 2.0, 0.0], [0.5, 0.1, 1.0])
    infinite = np.eye(3)
    infinite[0, 2] = np.inf
    hints = [(np.zeros((3, 3)), 90), (rank_one, 80), (infinite, 70), (np.eye(3), 60)]
    readings = read_suspect(suspect, reference, hints)
    assert readings and readings[0].registration is not None
    assert readings[0].registration.ecc_correlation > 0.9


def test_a_corner_crop_of_a_text_page_is_placed_by_its_layout_among_similar_pages() -> None:
    """Pages of one template, words from one vocabulary: features match nothing reliably."""
    pages = {f"sheet {seed}": document_page(seed, (900, 1272)) for seed in (11, 12, 13, 14)}
    index = AssetIndex()
    for name, page in pages.items():
        index.add(name, page)
    mark = VisibleMark("Lumen", "Brand", "2026-12-04", "SR-7")
    for number, (name, page) in enumerate(pages.items()):
        preview = render_preview(page, key=KEY, payload=9, visible=mark)
        height, width = preview.shape[:2]
        ch, cw = round(height * 0.55), round(width * 0.55)  # 30 % of the page
        top, left = (height - ch) * (number % 2), (width - cw) * (number // 2)
        crop = jpeg(np.ascontiguousarray(preview[top : top + ch, left : left + cw]), 85)
        found = index.find_all(crop)
        assert found and found[0].asset_key == name and found[0].by_layout
        assert index.find(crop) is None  # a placement by layout alone is not an answer
        # Close enough for registration to finish: the crop's corner lands near its place.
        h = np.array(found[0].homography).reshape(3, 3)
        corner = h @ np.array([0.0, 0.0, 1.0])
        assert corner[:2] / corner[2] == pytest.approx([left, top], abs=0.02 * height)


def _lower_right_crop(page: np.ndarray, payload: int) -> np.ndarray:
    """30 % of a marked preview from its lower right corner: text only, no title."""
    mark = VisibleMark("Lumen", "Brand", "2026-12-04", "SR-7")
    preview = render_preview(page, key=KEY, payload=payload, visible=mark)
    height, width = preview.shape[:2]
    ch, cw = round(height * 0.55), round(width * 0.55)
    return jpeg(np.ascontiguousarray(preview[height - ch :, width - cw :]), 85)


def test_a_chance_feature_match_does_not_stop_the_search_by_layout() -> None:
    """The repeated glyphs of a cut-out text page can fit some texture of an unrelated picture."""
    page = document_page(11, (900, 1272))
    index = AssetIndex()
    index.add("bottle", product_shot(3, 1200))
    index.add("sheet", page)
    found = index.find_all(_lower_right_crop(page, 12))
    chance = [m.inliers for m in found if m.asset_key == "bottle" and m.inliers]
    assert chance and max(chance) < CONVINCING_INLIERS
    assert "sheet" in [m.asset_key for m in found if m.by_layout]


def test_copies_nobody_received_never_push_a_shared_page_out_of_the_proposals() -> None:
    page = document_page(13, (900, 1272))
    index = AssetIndex()
    for number in range(LAYOUT_CANDIDATES):  # placed exactly as well as the page itself
        index.add(f"draft {number}", page)
    index.add("sheet", page)
    crop = _lower_right_crop(page, 9)
    assert "sheet" not in [m.asset_key for m in index.find_all(crop)]
    found = index.find_all(crop, testable=lambda key: key == "sheet")
    assert "sheet" in [m.asset_key for m in found if m.by_layout]
    assert {f"draft {n}" for n in range(LAYOUT_CANDIDATES)} <= {m.asset_key for m in found}


def test_a_page_is_placed_in_its_burst_frame_and_its_tighter_cut_by_layout() -> None:
    """A near-duplicate matched by features lends its geometry to the shared page; a burst frame
    is shifted and zoomed and a cut is tighter, so the two are related by layout, not assumed
    to share a frame."""
    page = document_page(21, (900, 1272))
    height, width = page.shape[:2]
    burst, cut = near_duplicates(page, np.random.default_rng(3))
    top, left = round(height * 0.06), round(width * 0.05)
    kept_w, kept_h = width - left - round(width * 0.07), height - top - round(height * 0.04)
    truths = {
        "burst": np.array([[1.01, 0, -width * 0.012], [0, 1.01, height * 0.008], [0, 0, 1]]),
        "cut": np.array(
            [
                [width / kept_w, 0, -left * width / kept_w],
                [0, height / kept_h, -top * height / kept_h],
                [0, 0, 1],
            ]
        ),
    }
    scale = np.diag([96 / height, 96 / height, 1.0])  # page pixels -> layout pixels
    source = layout_image(gray_of(page))
    points = np.array([[0.3 * width, 0.3 * height, 1], [0.7 * width, 0.6 * height, 1]]).T
    for name, other in (("burst", burst), ("cut", cut)):
        found = relative_placement(source, layout_image(gray_of(other)))
        assert found is not None and found[1] > 0.5
        expected = truths[name] @ points
        placed = np.linalg.inv(scale) @ found[0] @ scale @ points
        error = np.abs(placed[:2] / placed[2] - expected[:2] / expected[2]).max()
        # Within 8 of the page's pixels; assuming the same frame would be 18 (burst), 42 (cut).
        assert error < 8.0, (name, error)


def test_a_whole_flipped_flat_graphic_is_also_tried_on_its_exact_frame() -> None:
    """Features on a flat bottle give a loose fit that a smooth gradient still correlates with;
    the whole-frame geometry it nearly is must be tried too, or the fingerprint is missed."""
    graphic = product_shot(3)
    index = AssetIndex()
    index.add("bottle", graphic)
    for number, variant in enumerate(near_duplicates(graphic, np.random.default_rng(7))):
        index.add(f"bottle alt {number}", variant)
    mark = VisibleMark("Lumen", "Brand", "2026-12-04", "SR-7")
    preview = render_preview(graphic, key=KEY, payload=300, visible=mark)
    suspect = flip(preview, np.random.default_rng(0))
    hints = [
        (np.array(m.homography).reshape(3, 3), m.inliers)
        for m in index.find_all(suspect)
        if m.asset_key == "bottle"
    ]
    width = graphic.shape[1]
    exact = np.array([[-1.0, 0.0, width - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    readings = read_suspect(suspect, base_preview(graphic), hints)
    assert any(
        np.abs(r.registration.matrix() - exact).max() < 1.5
        for r in readings
        if r.registration is not None
    )


def test_a_tighter_cut_of_a_page_is_its_near_duplicate_and_another_page_is_not() -> None:
    """A cut of a page changes its thumbnail more than another page of the same template does;
    placing the layouts one in the other tells the cut's page from the other page."""
    page, other = document_page(31), document_page(32)
    _, cut = near_duplicates(page, np.random.default_rng(4))
    entries = {
        name: index_entry(name, pixels)
        for name, pixels in (("page", page), ("other", other), ("cut", cut))
    }
    assert alike(entries["cut"], entries["page"])
    assert not alike(entries["cut"], entries["other"])


def test_a_loose_fit_on_a_whole_copy_still_tries_the_frame_it_is_turned_like() -> None:
    """A flat picture can match with a fit far off its frame; its orientation still holds."""
    graphic = product_shot(3, 800)
    reference = base_preview(graphic)
    suspect = flip(embed_fingerprint(reference, key=KEY, payload=5), np.random.default_rng(0))
    width = reference.shape[1]
    exact = np.array([[-1.0, 0.0, width - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    loose = np.array([[1.3, 0.35, -60.0], [-0.1, 1.25, -150.0], [0.0, 0.0005, 1.0]]) @ exact
    readings = read_suspect(suspect, reference, [(np.linalg.inv(loose), 60)])
    assert any(
        np.abs(r.registration.matrix() - exact).max() < 1.5
        for r in readings
        if r.registration is not None
    )
