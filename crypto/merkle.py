"""RFC 9162 Merkle tree hashing, kept as a compact frontier so that appends and roots are cheap.

The frontier holds one hash per set bit of the tree size: the roots of the perfect subtrees that
make up the tree, from the largest (leftmost) to the smallest (rightmost).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


class Frontier:
    """The right edge of a Merkle tree: enough to append leaves and compute the root."""

    def __init__(self, size: int = 0, levels: dict[int, bytes] | None = None) -> None:
        self.size = size
        self.levels: dict[int, bytes] = dict(levels or {})
        expected = {level for level in range(size.bit_length()) if size >> level & 1}
        if set(self.levels) != expected:
            raise ValueError("Merkle frontier does not match the tree size")

    def append(self, leaf: bytes) -> list[int]:
        """Add a leaf hash; return the levels removed (the new level is the one set)."""
        merged = leaf
        level = 0
        removed = []
        while self.size >> level & 1:
            merged = node_hash(self.levels.pop(level), merged)
            removed.append(level)
            level += 1
        self.levels[level] = merged
        self.size += 1
        return removed

    def copy(self) -> Frontier:
        return Frontier(self.size, self.levels)

    def to_bytes(self) -> bytes:
        """The level hashes, lowest level first; the size says which levels are present."""
        return b"".join(self.levels[level] for level in sorted(self.levels))

    @classmethod
    def from_bytes(cls, size: int, data: bytes) -> Frontier:
        """The inverse of `to_bytes`; ValueError if `data` does not fit `size`."""
        levels = [level for level in range(size.bit_length()) if size >> level & 1]
        if size < 0 or len(data) != 32 * len(levels):
            raise ValueError("Merkle frontier does not match the tree size")
        return cls(size, {level: data[32 * i : 32 * i + 32] for i, level in enumerate(levels)})

    def root(self) -> bytes:
        if self.size == 0:
            return EMPTY_ROOT
        acc: bytes | None = None
        for level in sorted(self.levels):
            acc = self.levels[level] if acc is None else node_hash(self.levels[level], acc)
        assert acc is not None
        return acc


def root_of(leaves: Iterable[bytes]) -> bytes:
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    return frontier.root()
