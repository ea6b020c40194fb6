"""Tracing: which shares' fingerprints are in a suspect, with calibrated false-accusation odds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from .correlate import share_scores
from .errors import WatermarkError
from .evidence import evidences
from .imaging import U8, check_key, check_payload, check_rgb, luminance
from .mask import MARK_VERSION, perceptual_mask
from .orient import hypotheses
from .pattern import DECOY_LABEL, FINGERPRINT_LABEL, grid_shape
from .register import Matrix, Registration, warp_luma
from .stats import NAMING_THRESHOLD, corrected, naming_score, single_tail

DECOYS = 64
"""Shares nobody holds, scored alongside as a visible check that innocent scores look N(0, 1)."""

Verdict = Literal["identified", "no confident match"]


@dataclass(frozen=True)
class Candidate:
    payload: int
    score: float
    """Normalised correlation z; an innocent share's z is N(0, 1)."""
    p_single: float
    """P(one innocent share scores >= score in any of the readings tried)."""
    p_false: float
    """P(any of the tested innocent shares scores >= score): the false-accusation odds."""


@dataclass(frozen=True)
class TraceResult:
    verdict: Verdict
    accused: tuple[int, ...]
    """Every share whose false-accusation odds are below the naming threshold, best first."""
    candidates: tuple[Candidate, ...]
    """Every tested share, highest score first."""
    registration: Registration | None
    coverage: float
    """Fraction of the reference's fingerprint cells the suspect shows."""
    tested: int
    """(registration, share) hypotheses tested: what the odds are corrected for."""
    threshold: float
    naming_score: float
    """The score a share needs to be named with this many shares tested."""
    decoy_std: float
    """Spread of the decoy shares' scores; close to 1 when the statistics hold."""


def scores(
    evidence: NDArray[np.float64], key: bytes, numbers: Sequence[int], label: bytes
) -> NDArray[np.float64]:
    """z-score of each number's keyed +-1 signs against the evidence (see correlate.py)."""
    return share_scores(evidence, key, numbers, label)


def _result(readings: list[Reading], key: bytes, payloads: list[int]) -> TraceResult:
    """Each share's best score over the readings, odds corrected for every (reading, share);
    the registration shown is the reading that gave the top score."""
    per_reading = np.array([scores(r.evidence, key, payloads, FINGERPRINT_LABEL) for r in readings])
    z = np.max(per_reading, axis=0)
    best = readings[int(np.argmax(per_reading.max(axis=1)))]
    registration, coverage, evidence = best.registration, best.coverage, best.evidence
    tested = len(payloads) * len(readings)
    p_pair = single_tail(z)
    # A share's score is its best over the readings: one innocent share reaches it with the
    # chance of any of its readings doing so.
    p_single = corrected(p_pair, len(readings))
    p_false = corrected(p_pair, tested)
    order = np.argsort(-z, kind="stable")
    candidates = tuple(
        Candidate(payloads[i], float(z[i]), float(p_single[i]), float(p_false[i])) for i in order
    )
    accused = tuple(c.payload for c in candidates if c.p_false < NAMING_THRESHOLD)
    decoys = scores(evidence, key, list(range(DECOYS)), DECOY_LABEL)
    return TraceResult(
        verdict="identified" if accused else "no confident match",
        accused=accused,
        candidates=candidates,
        registration=registration,
        coverage=coverage,
        tested=tested,
        threshold=NAMING_THRESHOLD,
        naming_score=naming_score(tested),
        decoy_std=float(np.std(decoys)),
    )


@dataclass(frozen=True, eq=False)
class Reading:
    """What one registration hypothesis of a suspect says about each fingerprint cell."""

    registration: Registration | None
    evidence: NDArray[np.float64]
    coverage: float
    """Fraction of the reference's fingerprint cells the suspect shows."""


def read_suspect(
    suspect: U8,
    reference: U8,
    hints: Sequence[tuple[Matrix, int]] = (),
    version: int = MARK_VERSION,
) -> list[Reading]:
    """Readings of every plausible registration of `reference` in `suspect` (see orient.py):
    one of all it shows, and one without what was drawn over it (see evidence.evidences).

    `reference` is the unmarked base preview; `hints` map suspect pixels to reference pixels;
    `version` is the mark version of the shares to be scored (it decides the evidence weights).
    Nothing here depends on which shares will be scored. Empty when the reference cannot be
    found in the suspect at all.
    """
    suspect = check_rgb(suspect, "suspect")
    reference = check_rgb(reference, "reference")
    ref_luma = luminance(reference)
    mask = perceptual_mask(ref_luma, version)
    found = []
    for registration in hypotheses(suspect, reference, hints):
        warped, resampled, valid = warp_luma(suspect, ref_luma, registration)
        for evidence in evidences(warped, valid, resampled, mask):
            if not np.any(evidence):
                continue
            coverage = float(np.count_nonzero(evidence)) / evidence.size
            found.append(Reading(registration, evidence, coverage))
    return found


def trace_image(
    suspect: U8,
    reference: U8,
    *,
    key: bytes,
    payloads: Sequence[int],
    version: int = MARK_VERSION,
) -> TraceResult:
    """Score every share in `payloads` against `suspect`.

    `reference` is the unmarked base preview (`base_preview(original, max_side)`: the resized
    original, without fingerprint or visible mark), i.e. the geometry the shares were marked on.
    A visible mark in the suspect is tolerated: its strokes are dropped as outliers. When the
    geometry is ambiguous (a mirror-symmetric subject, a featureless graphic) every plausible
    registration is scored and the odds are corrected for each one tried. `version` is the
    mark version the shares were issued with.
    """
    key = check_key(key)
    numbers = [check_payload(p) for p in payloads]
    if not numbers:
        raise WatermarkError("payloads is empty: pass the share numbers issued for this asset")
    if len(set(numbers)) != len(numbers):
        raise WatermarkError("payloads contains duplicates: each share number must appear once")
    readings = read_suspect(suspect, reference, version=version)
    if not readings:
        rows, cols, _ = grid_shape(*reference.shape[:2])
        readings = [Reading(None, np.zeros(rows * cols), 0.0)]
    return _result(readings, key, numbers)
