"""Where a picture may sit inside a suspect: the whole frame, and framed regions within it.

A story screenshot, a post with its interface around it, or a photo of a screen shows the
picture as a bright-edged rectangle (or, photographed, a quadrilateral) inside other things.
Plain pictures have too few features to be found by matching, but their layout is distinctive:
each proposed region is rectified and compared by thumbnail with every indexed asset.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .register import Matrix

WORK_SIDE = 640
MIN_AREA = 0.06
"""Regions smaller than this share of the suspect are not proposed."""
MAX_REGIONS = 6


@dataclass(frozen=True)
class Region:
    to_suspect: Matrix
    """Maps the rectified region's pixels (0..width, 0..height) into the suspect."""
    width: int
    height: int


def _order(corners: NDArray[np.float64]) -> NDArray[np.float64]:
    """Top-left, top-right, bottom-right, bottom-left."""
    total = corners.sum(axis=1)
    diff = corners[:, 0] - corners[:, 1]
    return np.array(
        [
            corners[np.argmin(total)],
            corners[np.argmax(diff)],
            corners[np.argmax(total)],
            corners[np.argmin(diff)],
        ]
    )


def _region(corners: NDArray[np.float64]) -> Region | None:
    tl, tr, br, bl = _order(corners)
    width = round((np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2)
    height = round((np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2)
    if width < 16 or height < 16:
        return None
    rect = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    quad = np.array([tl, tr, br, bl], np.float32)
    return Region(cv2.getPerspectiveTransform(rect, quad).astype(np.float64), width, height)


def proposals(gray: NDArray[np.uint8]) -> list[Region]:
    """The whole frame first, then the largest framed regions (rectangles and quadrilaterals)."""
    height, width = gray.shape
    whole = _region(np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float64))
    found = [whole] if whole is not None else []
    scale = min(1.0, WORK_SIDE / max(height, width))
    small = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))))
    edges = cv2.dilate(cv2.Canny(small, 30, 90), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    area = small.shape[0] * small.shape[1]
    shapes = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not MIN_AREA * area <= w * h <= 0.95 * area:
            continue
        hull = cv2.convexHull(contour)
        quad = cv2.approxPolyDP(hull, 0.03 * cv2.arcLength(hull, True), True)
        if len(quad) == 4 and cv2.contourArea(quad) > 0.8 * w * h * 0.7:
            corners = quad.reshape(4, 2).astype(np.float64)
        else:
            corners = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float64)
        shapes.append((w * h, corners / scale))
    shapes.sort(key=lambda s: -s[0])
    for _, corners in shapes:
        region = _region(corners)
        if region is None:
            continue
        if any(
            np.abs(_corner_points(region) - _corner_points(r)).max() < 0.02 * max(height, width)
            for r in found
        ):
            continue
        found.append(region)
        if len(found) > MAX_REGIONS:
            break
    return found


def _corner_points(region: Region) -> NDArray[np.float64]:
    rect = np.array(
        [[[0, 0], [region.width, 0], [region.width, region.height], [0, region.height]]],
        np.float64,
    )
    points: NDArray[np.float64] = cv2.perspectiveTransform(rect, region.to_suspect)[0]
    return points


def rectified_thumbnail(gray: NDArray[np.uint8], region: Region, side: int) -> NDArray[np.uint8]:
    """The region straightened to its own rectangle, reduced to side x side."""
    flat = cv2.warpPerspective(
        gray,
        region.to_suspect,
        (region.width, region.height),
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
    )
    thumb: NDArray[np.uint8] = np.asarray(
        cv2.resize(flat, (side, side), interpolation=cv2.INTER_AREA), dtype=np.uint8
    )
    return thumb
