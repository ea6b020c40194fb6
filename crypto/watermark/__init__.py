"""Forensic watermarking of previews and leak tracing.

- `render_preview` makes a recipient's preview: resize, invisible fingerprint, visible mark.
- `trace_image` scores every share of an asset against a suspect, against the unmarked
  `base_preview`, with calibrated false-accusation odds.
- `read_blind_payload` reads the share number without the original (large previews).
- `AssetIndex` finds which asset a suspect shows.
"""

from .blind import read_blind_payload
from .detect import Candidate, TraceResult, trace_image
from .embed import embed_fingerprint
from .entry import IndexEntry
from .errors import WatermarkError
from .imaging import base_preview
from .index import AssetIndex, AssetMatch, index_entry
from .mask import MARK_VERSION
from .preview import render_preview
from .register import Registration
from .stats import NAMING_THRESHOLD
from .visible import VisibleMark, apply_visible_mark

__all__ = [
    "MARK_VERSION",
    "NAMING_THRESHOLD",
    "AssetIndex",
    "AssetMatch",
    "Candidate",
    "IndexEntry",
    "Registration",
    "TraceResult",
    "VisibleMark",
    "WatermarkError",
    "apply_visible_mark",
    "base_preview",
    "embed_fingerprint",
    "index_entry",
    "read_blind_payload",
    "render_preview",
    "trace_image",
]
