"""Mark version 1 against version 2: the leaker's score on a text page and a photo.

Each preview is issued as the vault issues it (with and without the visible mark), attacked as
leakers do, and traced against 20 recipients; the table gives the leaker's z with each version
(version 1 is how previews issued before version 2 stay marked and traced). A photo gets the same
preview, and the same scores, from both versions.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

import cv2
import numpy as np
from leaks import REALISTIC, document_page
from skimage import data

from sealroom.crypto.watermark import VisibleMark, base_preview, render_preview, trace_image

FAMILIES = ("social re-post 1080/q75", "double compression", "grayscale/filter", "screen photo")
PAYLOADS = [5000 + 71 * i for i in range(20)]
MARK = VisibleMark(recipient="Lumen Ito", organisation="Brand", date="2026-12-04", share_code="Q7")


def _leaker_z(
    original: np.ndarray, key: bytes, visible: VisibleMark | None, version: int
) -> list[str]:
    reference = base_preview(original)
    preview = render_preview(
        original, key=key, payload=PAYLOADS[3], visible=visible, version=version
    )
    out = []
    for index, family in enumerate(FAMILIES):
        suspect = REALISTIC[family](preview, np.random.default_rng(index))
        result = trace_image(suspect, reference, key=key, payloads=PAYLOADS, version=version)
        z = next(c.score for c in result.candidates if c.payload == PAYLOADS[3])
        out.append(f"{z:.1f}" + ("*" if PAYLOADS[3] in result.accused else ""))
    return out


def rows(key: bytes) -> list[str]:
    pictures = {
        "text page 1240x1754": document_page(21),
        "photo 2048x2048": cv2.resize(data.astronaut(), (2048, 2048)),
    }
    out = [f"{'picture, visible mark, version':<44}" + "".join(f"{f[:20]:>22}" for f in FAMILIES)]
    for name, original in pictures.items():
        for visible in (MARK, None):
            for version in (1, 2):
                label = f"{name}, {'mark' if visible else 'none'}, v{version}"
                cells = _leaker_z(original, key, visible, version)
                out.append(f"{label:<44}" + "".join(f"{c:>22}" for c in cells))
    out.append("leaker's z with 20 recipients; * named (odds below one in a million)")
    return out
