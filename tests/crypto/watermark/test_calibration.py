"""The computed false-accusation odds must match what happens on never-marked images."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats as scipy_stats
from skimage import data

from sealroom.crypto.watermark import VisibleMark, apply_visible_mark
from sealroom.crypto.watermark.detect import scores
from sealroom.crypto.watermark.evidence import evidences
from sealroom.crypto.watermark.imaging import luminance
from sealroom.crypto.watermark.mask import perceptual_mask
from sealroom.crypto.watermark.pattern import FINGERPRINT_LABEL
from sealroom.crypto.watermark.stats import corrected, naming_score, single_tail

PATTERNS = 1500

KEY = bytes(range(32))


def _unmarked_evidence(
    jpeg: Callable[..., np.ndarray], resize: Callable[..., np.ndarray]
) -> list[np.ndarray]:
    """Evidence from never-marked copies that went through typical leak processing, read as
    they are and without what was drawn over them (a visible mark on one copy of each)."""
    mark = VisibleMark(recipient="Nobody", organisation="Never", date="2026-01-01", share_code="X")
    out = []
    for name in ("astronaut", "coffee", "chelsea", "rocket"):
        image = np.ascontiguousarray(getattr(data, name)())
        copies = (
            jpeg(image, 70),
            resize(resize(image, 0.7), 1 / 0.7),
            jpeg(apply_visible_mark(image, mark), 80),
        )
        for suspect in copies:
            suspect = np.ascontiguousarray(suspect[: image.shape[0], : image.shape[1]])
            if suspect.shape != image.shape:
                continue
            luma = luminance(image)
            valid = np.ones(luma.shape, np.float32)
            out.extend(evidences(luminance(suspect), valid, luma, perceptual_mask(luma)))
    return out


def test_innocent_scores_are_standard_normal_and_p_values_uniform(
    jpeg: Callable[..., np.ndarray], resize: Callable[..., np.ndarray]
) -> None:
    z = np.concatenate(
        [
            scores(e, KEY, list(range(PATTERNS)), FINGERPRINT_LABEL)
            for e in _unmarked_evidence(jpeg, resize)
        ]
    )
    assert z.size >= 20 * PATTERNS
    assert scipy_stats.kstest(z, "norm").pvalue > 1e-3
    p = single_tail(z)
    for level in (0.1, 0.01, 0.001):
        observed = int(np.count_nonzero(p < level))
        low, high = scipy_stats.binom.interval(0.9999, z.size, level)
        assert low <= observed <= high, (level, observed, z.size * level)


def test_corrected_odds_and_naming_score_agree() -> None:
    for tested in (1, 10, 1000, 100000):
        z = naming_score(tested)
        p = corrected(single_tail(np.array([z])), tested)[0]
        assert abs(p - 1e-6) / 1e-6 < 1e-3
    # Correcting for more recipients can only make an accusation harder.
    p1 = single_tail(np.array([5.0]))
    assert corrected(p1, 1000)[0] > corrected(p1, 10)[0] > p1[0]
