"""Testing many hypotheses at once: every (asset, page, registration, share) a suspect may be.

A tracer that tries several assets, pages, registrations and orientations gives innocent shares
more chances to score high. Each trial is exact on its own (an innocent share's score is N(0, 1)
whatever the evidence), so the odds of the best score are corrected for the number of
(trial, share) pairs tested in all: P(any innocent scores as high) = 1 - (1 - p)^tested.

Several suspects of the same leak (copies found in different places) are combined into one
stronger trial on the same reference grid by adding their unit-normalised evidence: an innocent
share's score on the sum is still N(0, 1), while the true share's scores add up.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .correlate import share_scores
from .pattern import FINGERPRINT_LABEL
from .stats import NAMING_THRESHOLD, corrected, single_tail

NEAR_MISS = 1e-4
"""Odds below which an unnamed best candidate is reported as a near miss ("likely, not proven")."""
MAX_COMBINATIONS = 16
"""Most ways of pairing the suspects' registrations that a combined test tries."""


@dataclass(frozen=True, eq=False)
class Trial:
    """One reading of a suspect on one reference, and the shares marked on that reference."""

    group: int
    """Which reference (asset, page, preview size) the evidence is on; combining needs equal."""
    evidence: NDArray[np.float64]
    payloads: tuple[int, ...]


@dataclass(frozen=True)
class Finding:
    payload: int
    group: int
    trial: int
    """Index of the trial (in the sequence tested) that gave the best score."""
    score: float
    p_single: float
    p_false: float
    """P(any of the tested innocent (trial, share) pairs scores as high)."""


@dataclass(frozen=True)
class Verdict:
    findings: tuple[Finding, ...]
    """Each share's best trial, most significant first."""
    tested: int
    named: tuple[Finding, ...]
    near_miss: Finding | None


def run_trials(
    trials: Sequence[Trial], key: bytes | Callable[[int], bytes], extra_tested: int = 0
) -> Verdict:
    """Score every trial's shares; correct the odds for every (trial, share) pair tested.

    `key` is the fingerprint key, or a function giving each payload's key (shares issued in
    different key epochs carry different keys). `extra_tested` counts hypotheses tested
    elsewhere for the same suspect (another page).
    """
    key_of: Callable[[int], bytes] = key if callable(key) else (lambda _payload: key)
    best: dict[int, tuple[float, int, int]] = {}
    tested = extra_tested
    for number, trial in enumerate(trials):
        if not trial.payloads:
            continue
        tested += len(trial.payloads)
        by_key: dict[bytes, list[int]] = {}
        for payload in trial.payloads:
            by_key.setdefault(key_of(payload), []).append(payload)
        for group_key, group in by_key.items():
            z = share_scores(trial.evidence, group_key, group, FINGERPRINT_LABEL)
            for payload, score in zip(group, z.tolist(), strict=True):
                if payload not in best or score > best[payload][0]:
                    best[payload] = (score, trial.group, number)
    if not best:
        return Verdict((), tested, (), None)
    payloads = list(best)
    z = np.array([best[p][0] for p in payloads])
    p_single = single_tail(z)
    p_false = corrected(p_single, max(tested, 1))
    findings = sorted(
        (
            Finding(p, best[p][1], best[p][2], float(z[i]), float(p_single[i]), float(p_false[i]))
            for i, p in enumerate(payloads)
        ),
        key=lambda f: (f.p_false, -f.score),
    )
    named = tuple(f for f in findings if f.p_false < NAMING_THRESHOLD)
    close = [f for f in findings if NAMING_THRESHOLD <= f.p_false < NEAR_MISS]
    near = close[0] if not named and len(close) == 1 else None
    return Verdict(tuple(findings), tested, named, near)


def unit(evidence: NDArray[np.float64]) -> NDArray[np.float64]:
    norm = float(np.linalg.norm(evidence))
    return evidence / norm if norm > 0 else evidence


def combine(per_suspect: Sequence[Sequence[Trial]]) -> list[Trial]:
    """Combined trials for suspects of one leak: one per way of pairing their readings of a
    reference (the first reading of each when there would be more than MAX_COMBINATIONS)."""
    groups = {t.group for trials in per_suspect for t in trials}
    combined: list[Trial] = []
    for group in sorted(groups):
        options = [[t for t in trials if t.group == group] for trials in per_suspect]
        options = [o for o in options if o]
        if len(options) < 2:
            continue
        if int(np.prod([len(o) for o in options])) > MAX_COMBINATIONS:
            options = [o[:1] for o in options]
        for chosen in itertools.product(*options):
            evidence = np.sum([unit(t.evidence) for t in chosen], axis=0)
            payloads = tuple(sorted(set.intersection(*(set(t.payloads) for t in chosen))))
            combined.append(Trial(group, evidence, payloads))
    return combined
