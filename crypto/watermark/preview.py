"""Preview rendering: the one entry point that turns an original into a recipient's preview."""

from __future__ import annotations

from .embed import embed_fingerprint
from .imaging import U8, base_preview
from .mask import MARK_VERSION
from .visible import VisibleMark, apply_visible_mark


def render_preview(
    original: U8,
    *,
    key: bytes,
    payload: int,
    visible: VisibleMark | None,
    max_side: int = 2048,
    version: int = MARK_VERSION,
) -> U8:
    """Resize (longest side <= max_side), embed the share's fingerprint, then draw the visible mark.

    Bit-exact: the same original, key, payload, mark, max_side and mark version give the same
    bytes, so the vault can re-create any preview instead of storing it. Trace against
    `base_preview(original, max_side)` with the same mark version.
    """
    marked = embed_fingerprint(
        base_preview(original, max_side), key=key, payload=payload, version=version
    )
    return marked if visible is None else apply_visible_mark(marked, visible)
