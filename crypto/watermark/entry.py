"""The stored summary of one asset image or PDF page: what the vault keeps for the asset search.

Entries are bytes in the encrypted database. Older formats are still read (so an old vault can
be searched while it is re-indexed), but `is_current` tells the vault to index them again.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .errors import WatermarkError
from .thumbs import THUMB

_MAGIC = b"SRIX3"
_THUMBLESS, _LAYOUTLESS = b"SRIX1", b"SRIX2"
ENTRY_MAGIC = _MAGIC
_HEADER = struct.Struct(">5sHIIQfI")
_LAYOUT_SHAPE = struct.Struct(">HH")


@dataclass(frozen=True, eq=False)
class IndexEntry:
    """What the vault stores per asset image or PDF page (see to_bytes/from_bytes)."""

    asset_key: str
    width: int
    height: int
    phash: int
    scale: float
    """Size of the entry's feature image relative to the asset image."""
    points: NDArray[np.float32]
    descriptors: NDArray[np.uint8]
    thumb: NDArray[np.uint8] | None = None
    """THUMB x THUMB grey thumbnail of the whole picture (None in entries from before it)."""
    layout: NDArray[np.uint8] | None = None
    """Small grey image of the picture, aspect kept (layout.py; None in entries from before it)."""

    def to_bytes(self) -> bytes:
        name = self.asset_key.encode("utf-8")
        header = _HEADER.pack(
            _MAGIC, len(name), self.width, self.height, self.phash, self.scale, len(self.points)
        )
        return (
            header
            + name
            + self.points.astype(">f4").tobytes()
            + self.descriptors.astype(np.uint8).tobytes()
            + (self.thumb if self.thumb is not None else np.zeros(THUMB * THUMB, np.uint8))
            .astype(np.uint8)
            .tobytes()
            + _layout_bytes(self.layout)
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> IndexEntry:
        try:
            magic, name_len, width, height, phash, scale, count = _HEADER.unpack_from(data)
        except struct.error as exc:
            raise WatermarkError("index entry is truncated; re-index the asset") from exc
        if magic not in (_MAGIC, _THUMBLESS, _LAYOUTLESS):
            raise WatermarkError("not a Sealroom index entry; re-index the asset")
        offset = _HEADER.size
        thumb_bytes = 0 if magic == _THUMBLESS else THUMB * THUMB
        expected = offset + name_len + count * 8 + count * 32 + thumb_bytes
        layout_shape = (0, 0)
        if magic == _MAGIC and len(data) >= expected + _LAYOUT_SHAPE.size:
            layout_shape = _LAYOUT_SHAPE.unpack_from(data, expected)
            expected += _LAYOUT_SHAPE.size + layout_shape[0] * layout_shape[1]
        if len(data) != expected:
            raise WatermarkError("index entry has the wrong length; re-index the asset")
        name = data[offset : offset + name_len].decode("utf-8")
        offset += name_len
        points = np.frombuffer(data, ">f4", count * 2, offset).astype(np.float32).reshape(count, 2)
        offset += count * 8
        descriptors = np.frombuffer(data, np.uint8, count * 32, offset).reshape(count, 32).copy()
        offset += count * 32
        thumb = None
        if thumb_bytes:
            thumb = np.frombuffer(data, np.uint8, thumb_bytes, offset).reshape(THUMB, THUMB).copy()
        offset += thumb_bytes + _LAYOUT_SHAPE.size
        layout = None
        if layout_shape[0] * layout_shape[1]:
            size = layout_shape[0] * layout_shape[1]
            layout = np.frombuffer(data, np.uint8, size, offset).reshape(layout_shape).copy()
        return cls(name, width, height, phash, scale, points, descriptors, thumb, layout)


def _layout_bytes(layout: NDArray[np.uint8] | None) -> bytes:
    if layout is None:
        return _LAYOUT_SHAPE.pack(0, 0)
    return _LAYOUT_SHAPE.pack(*layout.shape) + layout.astype(np.uint8).tobytes()


def is_current(data: bytes) -> bool:
    """Whether stored entry bytes are of the current format (older ones lack the thumbnail or
    the layout)."""
    return data[: len(_MAGIC)] == _MAGIC
