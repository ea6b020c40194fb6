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


# -- proofs (RFC 9162 section 2.1.3 and 2.1.4) --------------------------------------------------


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


class Tree:
    """Every level of a tree of known leaf hashes, to answer proofs in O(log^2 n) each."""

    def __init__(self, leaves: list[bytes]) -> None:
        self.size = len(leaves)
        self._levels: list[list[bytes]] = [leaves]
        level = leaves
        while len(level) > 1:
            level = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
            self._levels.append(level)

    def _hash(self, start: int, end: int) -> bytes:
        """MTH of the leaves [start, end); start is aligned to the subtree sizes asked."""
        n = end - start
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0:
            height = n.bit_length() - 1
            return self._levels[height][start >> height]
        k = _split(n)
        return node_hash(self._hash(start, start + k), self._hash(start + k, end))

    def root(self, size: int | None = None) -> bytes:
        return self._hash(0, self.size if size is None else size)

    def inclusion(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[0:size]): the audit path of leaf `index` in the tree of `size` leaves."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ValueError("leaf index outside the tree")
        path: list[bytes] = []
        start, end = 0, size
        while end - start > 1:
            k = _split(end - start)
            if index < start + k:
                path.append(self._hash(start + k, end))
                end = start + k
            else:
                path.append(self._hash(start, start + k))
                start += k
        path.reverse()
        return path

    def consistency(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """PROOF(old_size, D[0:new_size]) of RFC 9162 section 2.1.4.1."""
        new_size = self.size if new_size is None else new_size
        if not 0 < old_size <= new_size <= self.size:
            raise ValueError("consistency proof sizes outside the tree")
        return self._subproof(old_size, 0, new_size, True)

    def _subproof(self, m: int, start: int, end: int, complete: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if complete else [self._hash(start, end)]
        k = _split(n)
        if m <= k:
            return [*self._subproof(m, start, start + k, complete), self._hash(start + k, end)]
        return [*self._subproof(m - k, start + k, end, False), self._hash(start, start + k)]


def verify_inclusion(leaf: bytes, index: int, size: int, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 section 2.1.3.2: whether `leaf` (a leaf hash) is at `index` of the tree."""
    if not 0 <= index < size:
        return False
    fn, sn = index, size - 1
    r = leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: list[bytes]
) -> bool:
    """RFC 9162 section 2.1.4.2: whether the tree of `new_size` extends the one of `old_size`."""
    if not 0 < old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0
