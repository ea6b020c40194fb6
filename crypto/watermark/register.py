"""Registration: put a suspect back onto the reference preview's pixel grid.

ORB features matched with a ratio test give a RANSAC homography (the mirrored suspect is tried
too); an ECC refinement on a reduced copy then makes it sub-pixel, which the small fingerprint
cells need. The result maps reference pixel coordinates to suspect pixel coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .imaging import F32, U8, luminance

FEATURE_SIDE = 1024
ECC_SIDE = 512
ECC_ITERATIONS = 30
MIN_INLIERS = 12
FEATURES = 2000
MIN_INLIER_SHARE = 0.2
_RATIO = 0.8

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Registration:
    homography: tuple[float, ...]
    """Row-major 3x3 matrix mapping reference pixels to suspect pixels."""
    mirrored: bool
    inliers: int
    ecc_correlation: float
    """Correlation of the registered luma with the reference (1.0 is a perfect fit)."""

    def matrix(self) -> Matrix:
        return np.array(self.homography, dtype=np.float64).reshape(3, 3)


def shrink(gray: NDArray[np.uint8], side: int) -> tuple[NDArray[np.uint8], float]:
    """`gray` reduced so its longest side is at most `side`, and the factor applied."""
    scale = min(1.0, side / max(gray.shape))
    if scale >= 1.0:
        return gray, 1.0
    size = (max(1, round(gray.shape[1] * scale)), max(1, round(gray.shape[0] * scale)))
    small: NDArray[np.uint8] = np.asarray(
        cv2.resize(gray, size, interpolation=cv2.INTER_AREA), dtype=np.uint8
    )
    return small, scale


def gray_of(image: U8) -> NDArray[np.uint8]:
    gray: NDArray[np.uint8] = np.clip(luminance(image), 0, 255).astype(np.uint8)
    return gray


def orb_features(
    gray: NDArray[np.uint8], count: int
) -> tuple[NDArray[np.float32], NDArray[np.uint8]]:
    """ORB keypoint positions and their 32-byte descriptors."""
    orb = cv2.ORB_create(nfeatures=count, scaleFactor=1.2, nlevels=8, fastThreshold=10)  # type: ignore[attr-defined]
    keypoints, descriptors = orb.detectAndCompute(gray, None)
    if descriptors is None or len(keypoints) == 0:
        return np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8)
    points = np.array([kp.pt for kp in keypoints], dtype=np.float32).reshape(-1, 2)
    return points, np.asarray(descriptors, dtype=np.uint8)


def match_homography(
    src_pts: NDArray[np.float32],
    src_desc: NDArray[np.uint8],
    dst_pts: NDArray[np.float32],
    dst_desc: NDArray[np.uint8],
) -> tuple[Matrix, int] | None:
    """RANSAC homography mapping src points onto dst points, with its inlier count."""
    if len(src_desc) < MIN_INLIERS or len(dst_desc) < 2:
        return None
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = matcher.knnMatch(src_desc, dst_desc, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < _RATIO * p[1].distance]
    if len(good) < MIN_INLIERS:
        return None
    src = src_pts[[m.queryIdx for m in good]]
    dst = dst_pts[[m.trainIdx for m in good]]
    cv2.setRNGSeed(0x5EA1)
    homography, inlier_mask = cv2.findHomography(src, dst, cv2.USAC_DEFAULT, 4.0, maxIters=2000)
    if homography is None or inlier_mask is None:
        return None
    inliers = int(inlier_mask.sum())
    if inliers < MIN_INLIERS or inliers < MIN_INLIER_SHARE * len(good):
        return None
    if not plausible(np.asarray(homography, dtype=np.float64)):
        return None
    return homography.astype(np.float64), inliers


def plausible(h: Matrix) -> bool:
    """A homography a real copy could produce: no flip, sane scale, mild perspective."""
    h = h / h[2, 2]
    det = float(np.linalg.det(h[:2, :2]))
    return 0.002 < det < 400.0 and float(np.abs(h[2, :2]).max()) < 0.005


def _scale_matrix(factor: float) -> Matrix:
    return resize_matrix(factor, factor)


def resize_matrix(fx: float, fy: float) -> Matrix:
    """Pixel coordinates of an image -> those of its copy resized by (fx, fy).

    Pixel centres line up (x' = (x + 0.5) * fx - 0.5), as in OpenCV's and Pillow's resizing;
    a plain diagonal scale would be off by up to a pixel, a quarter of a fingerprint cell.
    """
    return np.array([[fx, 0.0, 0.5 * fx - 0.5], [0.0, fy, 0.5 * fy - 0.5], [0.0, 0.0, 1.0]])


def shrink_matrix(full: tuple[int, ...], small: tuple[int, ...]) -> Matrix:
    """resize_matrix for an image of shape `full` reduced to shape `small` (rows, cols)."""
    return resize_matrix(small[1] / full[1], small[0] / full[0])


def _flip_matrix(width: int) -> Matrix:
    return np.array([[-1.0, 0.0, width - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])


def _inlier_mask(
    ref_small: NDArray[np.uint8], sus_small: NDArray[np.uint8], warp: NDArray[np.float32]
) -> NDArray[np.uint8]:
    """Suspect pixels that look like the warped reference: stickers, captions and UI that
    cover part of the picture are left out, so they cannot pull the fit away."""
    size = (sus_small.shape[1], sus_small.shape[0])
    predicted = cv2.warpPerspective(ref_small.astype(np.float32), warp.astype(np.float64), size)
    cover = cv2.warpPerspective(np.ones(ref_small.shape, np.float32), warp.astype(np.float64), size)
    inside = cover > 0.99
    sus = sus_small.astype(np.float32)
    if inside.sum() < 64:
        return inside.astype(np.uint8)
    gain, offset = np.polyfit(predicted[inside][::5], sus[inside][::5], 1)
    residual = np.abs(sus - (gain * predicted + offset))
    local = cv2.blur(residual, (9, 9))
    spread = 1.4826 * float(np.median(local[inside])) + 1.0
    keep = inside & (local < 4.0 * spread)
    if keep.sum() < 0.3 * inside.sum():
        keep = inside  # too much disagrees: the start is off, not the picture covered
    mask: NDArray[np.uint8] = keep.astype(np.uint8)
    return mask


def refine(
    ref_gray: NDArray[np.uint8], sus_gray: NDArray[np.uint8], h: Matrix
) -> tuple[Matrix, float]:
    """ECC refinement of h (reference -> suspect, full size) and the fit's correlation.

    The suspect is cut to where the reference lands in it first, so a picture that fills a
    small part of a screenshot is refined at its own resolution, not the screenshot's.
    """
    height, width = sus_gray.shape
    rh, rw = ref_gray.shape
    corners = np.array([[0, 0, 1], [rw, 0, 1], [rw, rh, 1], [0, rh, 1]], np.float64).T
    mapped = h @ corners
    if np.any(mapped[2] <= 1e-9):
        return h, 0.0
    xs, ys = mapped[0] / mapped[2], mapped[1] / mapped[2]
    margin = 0.05 * max(xs.max() - xs.min(), ys.max() - ys.min())
    x0, y0 = max(0, int(xs.min() - margin)), max(0, int(ys.min() - margin))
    x1, y1 = min(width, int(xs.max() + margin) + 1), min(height, int(ys.max() + margin) + 1)
    if x1 - x0 < 32 or y1 - y0 < 32:
        return h, 0.0
    crop = np.ascontiguousarray(sus_gray[y0:y1, x0:x1])
    shift = np.array([[1.0, 0.0, -x0], [0.0, 1.0, -y0], [0.0, 0.0, 1.0]])
    ref_small, _ = shrink(ref_gray, ECC_SIDE)
    sus_small, _ = shrink(crop, ECC_SIDE)
    to_ref = shrink_matrix(ref_gray.shape, ref_small.shape)
    to_sus = shrink_matrix(crop.shape, sus_small.shape)
    warp = (to_sus @ shift @ h @ np.linalg.inv(to_ref)).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, ECC_ITERATIONS, 1e-5)
    try:
        cc, warp = cv2.findTransformECC(
            ref_small.astype(np.float32),
            sus_small.astype(np.float32),
            warp,
            cv2.MOTION_HOMOGRAPHY,
            criteria,
            _inlier_mask(ref_small, sus_small, warp),
            3,
        )
    except cv2.error:
        return h, 0.0
    refined = np.linalg.inv(shift) @ np.linalg.inv(to_sus) @ warp.astype(np.float64) @ to_ref
    return refined / refined[2, 2], float(cc)


def register(suspect: U8, reference: U8) -> Registration | None:
    """Find where the reference preview sits in the suspect, or None if it cannot be found."""
    ref_gray = gray_of(reference)
    ref_small, _ = shrink(ref_gray, FEATURE_SIDE)
    ref_pts, ref_desc = orb_features(ref_small, FEATURES)
    best: tuple[Matrix, int, bool] | None = None
    sus_full = gray_of(suspect)
    for mirrored in (False, True):
        sus_img = sus_full[:, ::-1] if mirrored else sus_full
        sus_small, _ = shrink(np.ascontiguousarray(sus_img), FEATURE_SIDE)
        sus_pts, sus_desc = orb_features(sus_small, FEATURES)
        found = match_homography(ref_pts, ref_desc, sus_pts, sus_desc)
        if found is not None and (best is None or found[1] > best[1]):
            h = (
                np.linalg.inv(shrink_matrix(sus_img.shape, sus_small.shape))
                @ found[0]
                @ shrink_matrix(ref_gray.shape, ref_small.shape)
            )
            if mirrored:
                h = _flip_matrix(sus_full.shape[1]) @ h
            best = (h, found[1], mirrored)
        if best is not None and best[1] >= 60:
            break
    if best is None:
        return None
    h, inliers, mirrored = best
    refined, cc = refine(ref_gray, sus_full, h)
    return Registration(tuple(float(v) for v in refined.ravel()), mirrored, inliers, cc)


def scale_of(registration: Registration, shape: tuple[int, int]) -> float:
    """Linear size of one reference pixel in the suspect, at the reference's centre."""
    h = registration.matrix()
    cy, cx = shape[0] / 2.0, shape[1] / 2.0
    pts = np.array([[[cx, cy]], [[cx + 1.0, cy]], [[cx, cy + 1.0]]], dtype=np.float64)
    mapped = cv2.perspectiveTransform(pts, h)[:, 0, :]
    jac = np.stack([mapped[1] - mapped[0], mapped[2] - mapped[0]])
    return float(np.sqrt(abs(np.linalg.det(jac))))


def warp_luma(suspect: U8, reference_luma: F32, registration: Registration) -> tuple[F32, F32, F32]:
    """The suspect's luma on the reference grid, the reference as it would look after the same
    resampling round trip (so detail the suspect lost is not mistaken for a difference), and a
    0/1 map of where the suspect has real pixels."""
    height, width = reference_luma.shape
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    h = registration.matrix()
    luma = luminance(suspect)
    warped = cv2.warpPerspective(luma, h, (width, height), flags=flags)
    ones = np.ones(luma.shape, dtype=np.float32)
    valid = cv2.warpPerspective(ones, h, (width, height), flags=flags)
    valid = cv2.erode((valid > 0.999).astype(np.uint8), np.ones((5, 5), np.uint8))
    source = reference_luma
    scale = scale_of(registration, (height, width))
    if scale < 0.95:
        source = np.asarray(cv2.GaussianBlur(reference_luma, (0, 0), 0.45 / scale), np.float32)
    there = cv2.warpPerspective(source, h, (luma.shape[1], luma.shape[0]), flags=cv2.INTER_LINEAR)
    back = cv2.warpPerspective(there, h, (width, height), flags=flags)
    return warped.astype(np.float32), back.astype(np.float32), valid.astype(np.float32)
