"""Text pages marked to survive a re-post (mark version 2), and copies read without overlays."""

from __future__ import annotations

import numpy as np
import pytest
from leaks import document_page, double_compression, jpeg, social_repost
from skimage import metrics

from sealroom.crypto.watermark import (
    VisibleMark,
    WatermarkError,
    base_preview,
    embed_fingerprint,
    render_preview,
    trace_image,
)
from sealroom.crypto.watermark.detect import read_suspect, scores
from sealroom.crypto.watermark.pattern import FINGERPRINT_LABEL

from .conftest import KEY

PAYLOADS = [1000 + 37 * i for i in range(20)]


def test_photos_get_the_same_preview_from_both_versions(
    astronaut: np.ndarray, coffee: np.ndarray
) -> None:
    for photo in (astronaut, coffee):
        preview = base_preview(photo)
        first = embed_fingerprint(preview, key=KEY, payload=PAYLOADS[0], version=1)
        second = embed_fingerprint(preview, key=KEY, payload=PAYLOADS[0], version=2)
        assert np.array_equal(first, second)


def test_version_2_names_the_leaker_of_a_reposted_text_page_where_version_1_does_not() -> None:
    page = base_preview(document_page(3))
    leaker = PAYLOADS[5]
    found = {}
    for version in (1, 2):
        preview = embed_fingerprint(page, key=KEY, payload=leaker, version=version)
        assert metrics.peak_signal_noise_ratio(page, preview) >= 42.0
        assert metrics.structural_similarity(page, preview, channel_axis=2) >= 0.99
        repost = social_repost(preview, np.random.default_rng(8))
        found[version] = trace_image(repost, page, key=KEY, payloads=PAYLOADS, version=version)
    old, new = found[1], found[2]
    assert new.accused == (leaker,)
    assert new.candidates[0].score > 3 * max(old.candidates[0].score, 1.0)
    assert set(old.accused) <= {leaker}  # version 1 may or may not name the leaker, nobody else


def test_a_preview_issued_before_is_traced_with_the_version_it_was_marked_with() -> None:
    page = base_preview(document_page(4))
    preview = embed_fingerprint(page, key=KEY, payload=PAYLOADS[2], version=1)
    suspect = double_compression(preview, np.random.default_rng(2))
    right = trace_image(suspect, page, key=KEY, payloads=PAYLOADS, version=1)
    other = trace_image(suspect, page, key=KEY, payloads=PAYLOADS, version=2)
    assert right.accused == (PAYLOADS[2],)
    assert right.candidates[0].score > 1.5 * other.candidates[0].score


def test_an_unknown_mark_version_is_refused_by_name() -> None:
    page = base_preview(document_page(4))
    with pytest.raises(WatermarkError, match="mark version 7 is not one of"):
        embed_fingerprint(page, key=KEY, payload=1, version=7)


@pytest.mark.parametrize("kind", ["photo", "text page"])
def test_a_copy_under_a_visible_mark_is_also_read_without_it(
    kind: str, astronaut: np.ndarray
) -> None:
    """The visible mark drawn over a preview is noise to the fingerprint; the second reading of
    each registration leaves it out and scores the leaker well above the first."""
    original = astronaut if kind == "photo" else document_page(2, (900, 1272))
    reference = base_preview(original)
    mark = VisibleMark(recipient="Lumen", organisation="Brand", date="2026-12-04", share_code="AB")
    preview = render_preview(original, key=KEY, payload=PAYLOADS[1], visible=mark)
    first, second = read_suspect(jpeg(preview, 75), reference)[:2]
    assert first.registration == second.registration
    plain, without = (
        scores(r.evidence, KEY, [PAYLOADS[1]], FINGERPRINT_LABEL)[0] for r in (first, second)
    )
    assert without > 1.3 * plain
    unmarked = read_suspect(jpeg(original, 75), reference)
    assert len(unmarked) >= 2
    innocent = [scores(r.evidence, KEY, PAYLOADS, FINGERPRINT_LABEL) for r in unmarked]
    assert np.max(innocent) < 5.0
