"""Registration hypotheses: every plausible way the reference may sit in a suspect.

Feature matching gives one answer when the picture is distinctive. It is ambiguous on nearly
symmetric subjects (a portrait matches its own mirror image), and silent on flat graphics and
text pages with too few distinct features. Instead of guessing, the tracer keeps every plausible
registration: the one the asset search found, the feature match in each mirror sense when both
are strong, and, when features fail, the whole suspect in each of the 8 orientations (rotations
by 90 degrees and mirrors) whose shape fits. Each hypothesis is scored by the fingerprint and
counted in the false-accusation odds, so trying more never makes an accusation easier.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from numpy.typing import NDArray

from .imaging import U8
from .register import (
    Matrix,
    Registration,
    gray_of,
    match_homography,
    orb_features,
    refine,
    resize_matrix,
    shrink,
    shrink_matrix,
)

FEATURE_SIDE = 1024
FEATURES = 2000
AMBIGUOUS = 0.35
"""A second mirror sense is kept when its inliers reach this share of the best one's."""
ASPECT_TOLERANCE = 0.08
"""A whole-frame orientation is tried when the aspect ratios agree this closely."""
MIN_HINT_CORRELATION = 0.35
"""An asset-search homography is kept when its refined fit correlates at least this well."""
MIN_FRAME_CORRELATION = 0.2
"""A whole-frame orientation is kept when the refined fit correlates at least this well."""
SYMMETRIC = 0.3
"""Mirror likeness above which the other mirror sense is tried as well."""
MIRROR_MARGIN = 0.15
"""The mirror image is kept as a hypothesis when its fit is at most this much worse."""
SAME_CORNERS = 0.25
MIN_MATCHED = 40
"""A feature match with this many inliers is kept beside its refinement."""
"""Two registrations whose reference corners land within this many pixels are one hypothesis."""
MAX_HYPOTHESES = 8
SNAP = 0.12
"""A matched geometry whose corners are within this share of the suspect's diagonal of the
suspect's own corners is also tried as the whole frame."""
ORIENTATION_LIKENESS = 0.7
"""Farther off, the whole frame is still tried in the orientation the geometry is this close to
(cosine of the linear parts), when the suspect has the picture's shape."""


def dihedral(k: int, width: int, height: int) -> Matrix:
    """Orientation k (0-7) as a matrix mapping reference pixels onto an oriented frame.

    k % 4 quarter turns counter-clockwise, mirrored first when k >= 4. The result maps a
    (width x height) picture to one of (width x height) or (height x width).
    """
    m = np.eye(3)
    w, h = width, height
    if k >= 4:
        m = np.array([[-1.0, 0.0, w - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]) @ m
    for _ in range(k % 4):
        # (x, y) -> (y, w - 1 - x): a quarter turn counter-clockwise, as np.rot90.
        m = np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, w - 1.0], [0.0, 0.0, 1.0]]) @ m
        w, h = h, w
    return m


def _oriented_size(k: int, width: int, height: int) -> tuple[int, int]:
    return (height, width) if k % 2 else (width, height)


def whole_frame(suspect_shape: tuple[int, int], reference_shape: tuple[int, int]) -> list[Matrix]:
    """reference -> suspect homographies for each orientation whose shape fits the suspect."""
    sh, sw = suspect_shape
    rh, rw = reference_shape
    found = []
    for k in range(8):
        ow, oh = _oriented_size(k, rw, rh)
        if abs((sw / sh) / (ow / oh) - 1.0) > ASPECT_TOLERANCE:
            continue
        scale = resize_matrix(sw / ow, sh / oh)
        found.append(scale @ dihedral(k, rw, rh))
    return found


def _mirror_likeness(gray: NDArray[np.uint8]) -> float:
    """Correlation of a picture with its own mirror image, on a small copy (1: symmetric)."""
    small = cv2.resize(gray, (32, 32), interpolation=cv2.INTER_AREA).astype(np.float64)
    a = small - small.mean()
    b = a[:, ::-1]
    return float((a * b).sum() / (np.sqrt((a * a).sum() * (b * b).sum()) + 1e-9))


def _is_mirror(h: Matrix) -> bool:
    return float(np.linalg.det(h[:2, :2])) < 0


def _corners(h: Matrix, shape: tuple[int, int]) -> NDArray[np.float64]:
    rh, rw = shape
    pts = np.array([[0, 0, 1], [rw, 0, 1], [rw, rh, 1], [0, rh, 1]], dtype=np.float64).T
    mapped = h @ pts
    corners: NDArray[np.float64] = (mapped[:2] / mapped[2]).T
    return corners


def _feature_matches(
    ref_gray: NDArray[np.uint8], sus_gray: NDArray[np.uint8]
) -> list[tuple[Matrix, int]]:
    """reference -> suspect homographies from features, one per mirror sense that is strong."""
    ref_small, _ = shrink(ref_gray, FEATURE_SIDE)
    ref_pts, ref_desc = orb_features(ref_small, FEATURES)
    found: list[tuple[Matrix, int]] = []
    for mirrored in (False, True):
        image = np.ascontiguousarray(sus_gray[:, ::-1]) if mirrored else sus_gray
        sus_small, _ = shrink(image, FEATURE_SIDE)
        sus_pts, sus_desc = orb_features(sus_small, FEATURES)
        match = match_homography(ref_pts, ref_desc, sus_pts, sus_desc)
        if match is None:
            continue
        h = (
            np.linalg.inv(shrink_matrix(image.shape, sus_small.shape))
            @ match[0]
            @ shrink_matrix(ref_gray.shape, ref_small.shape)
        )
        if mirrored:
            flip = np.array([[-1.0, 0.0, sus_gray.shape[1] - 1.0], [0, 1, 0], [0, 0, 1]])
            h = flip @ h
        found.append((h, match[1]))
    if not found:
        return []
    best = max(n for _, n in found)
    return [(h, n) for h, n in found if n >= AMBIGUOUS * best]


def hypotheses(
    suspect: U8, reference: U8, hints: Sequence[tuple[Matrix, int]] = ()
) -> list[Registration]:
    """Every plausible registration of `reference` in `suspect`, best fit first.

    `hints` are (suspect -> reference homography, inliers) pairs from the asset search
    (AssetMatch mapped to the reference's size). Feature matching runs when no hint fits;
    whole-frame orientations when nothing else does.
    """
    ref_gray = gray_of(reference)
    sus_gray = gray_of(suspect)
    shape = (reference.shape[0], reference.shape[1])
    found: list[Registration] = []
    symmetric = _mirror_likeness(ref_gray) >= SYMMETRIC

    def add(h: Matrix, inliers: int, cc: float) -> bool:
        corners = _corners(h, shape)
        for other in found:
            if np.abs(_corners(other.matrix(), shape) - corners).max() < SAME_CORNERS:
                return False
        found.append(Registration(tuple(float(v) for v in h.ravel()), _is_mirror(h), inliers, cc))
        return True

    def keep(h: Matrix, inliers: int, minimum: float, exact: bool = False) -> None:
        refined, cc = refine(ref_gray, sus_gray, h)
        if cc < minimum or not np.all(np.isfinite(refined)):
            return
        added = add(refined, inliers, cc)
        if exact:
            # A whole copy sits exactly on its frame; stickers or a smooth gradient can pull the
            # refinement off it, so the frame itself is kept too.
            add(h / h[2, 2], inliers, cc)
        if not added:
            return
        if inliers >= MIN_MATCHED:
            # Many matched features pin the geometry down about as well as the refinement on a
            # reduced copy (better on text and where stickers pull the fit): keep both.
            add(h / h[2, 2], inliers, cc)
        # A nearly mirror-symmetric subject fits its mirror image about as well: keep both
        # senses and let the fingerprint tell them apart.
        if not symmetric:
            return
        mirror = np.array([[-1.0, 0.0, shape[1] - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
        other, other_cc = refine(ref_gray, sus_gray, refined @ mirror)
        if other_cc >= max(minimum, cc - MIRROR_MARGIN):
            add(other, inliers, other_cc)

    frames = whole_frame(sus_gray.shape[:2], shape)
    for hint, inliers in hints:
        inverse = _inverse(hint)
        if inverse is None:
            continue
        keep(inverse, inliers, MIN_HINT_CORRELATION)
        frame = _snapped(inverse, frames, shape, sus_gray.shape[:2])
        if frame is not None:
            keep(frame, inliers, MIN_HINT_CORRELATION, exact=True)
    if not found or all(r.ecc_correlation < 0.6 for r in found):
        for h, inliers in _feature_matches(ref_gray, sus_gray):
            keep(h, inliers, 0.0)
    if not found:
        for h in whole_frame(sus_gray.shape[:2], shape):
            keep(h, 0, MIN_FRAME_CORRELATION)
    found.sort(key=lambda r: -r.ecc_correlation)
    return found[:MAX_HYPOTHESES]


def _snapped(
    h: Matrix, frames: list[Matrix], shape: tuple[int, int], suspect: tuple[int, int]
) -> Matrix | None:
    """The whole-frame orientation `h` nearly is, if any.

    A whole copy (flipped, filtered, re-posted) of a flat picture gives few good features and a
    smooth fit that correlates well even when it is off; when the suspect has the picture's
    shape, the exact whole-frame geometry nearest the matched one is tried beside it.
    """
    corners = _corners(h, shape)
    if not np.all(np.isfinite(corners)):
        return None
    tolerance = SNAP * float(np.hypot(*suspect))
    distances = [float(np.abs(_corners(f, shape) - corners).max()) for f in frames]
    if not distances:
        return None
    if min(distances) <= tolerance:
        return frames[int(np.argmin(distances))]
    # A loose fit (a few features on a flat picture) still tells which way round the copy is.
    linear = h[:2, :2] / (np.linalg.norm(h[:2, :2]) + 1e-12)
    likeness = [float((f[:2, :2] / np.linalg.norm(f[:2, :2]) * linear).sum()) for f in frames]
    best = int(np.argmax(likeness))
    return frames[best] if likeness[best] >= ORIENTATION_LIKENESS else None


def _inverse(h: Matrix) -> Matrix | None:
    """The inverse of a search homography, or None when it collapses the picture.

    A search between near-duplicates or on few features can return a degenerate homography
    (singular, or with infinite entries); such a hint carries no geometry and is skipped.
    """
    h = np.asarray(h, dtype=np.float64)
    if not np.all(np.isfinite(h)):
        return None
    scale = float(np.abs(h).max())
    if scale == 0.0 or abs(float(np.linalg.det(h / scale))) < 1e-12:
        return None
    try:
        inverse: Matrix = np.asarray(np.linalg.inv(h), dtype=np.float64)
    except np.linalg.LinAlgError:
        return None
    return inverse if np.all(np.isfinite(inverse)) else None
