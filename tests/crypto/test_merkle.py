"""RFC 9162 Merkle tree hashing: known vectors, a reference implementation, the frontier."""

from __future__ import annotations

import hashlib
import random

import pytest

from sealroom.crypto.merkle import EMPTY_ROOT, Frontier, leaf_hash, node_hash, root_of

# The leaf inputs and tree heads of the Certificate Transparency test suite (RFC 6962/9162).
CT_INPUTS = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    bytes(range(0x50, 0x58)),
    bytes(range(0x60, 0x70)),
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def reference_root(entries: list[bytes]) -> bytes:
    """MTH(D[n]) exactly as RFC 9162 section 2.1.1 defines it (recursive, on raw entries)."""
    n = len(entries)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + entries[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    left = reference_root(entries[:k])
    right = reference_root(entries[k:])
    return hashlib.sha256(b"\x01" + left + right).digest()


def test_empty_tree_root_is_hash_of_nothing() -> None:
    assert root_of([]) == EMPTY_ROOT == hashlib.sha256(b"").digest()
    assert Frontier().root() == EMPTY_ROOT


@pytest.mark.parametrize("size", range(1, len(CT_INPUTS) + 1))
def test_certificate_transparency_vectors(size: int) -> None:
    leaves = [leaf_hash(x) for x in CT_INPUTS[:size]]
    assert root_of(leaves).hex() == CT_ROOTS[size - 1]


def test_leaf_and_node_hashes_are_domain_separated() -> None:
    a, b = leaf_hash(b"a"), leaf_hash(b"b")
    assert leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()
    assert node_hash(a, b) == hashlib.sha256(b"\x01" + a + b).digest()
    # A two-leaf root is not the leaf hash of the concatenated children (second preimage).
    assert node_hash(a, b) != leaf_hash(a + b)


def test_frontier_matches_reference_at_every_size() -> None:
    rng = random.Random(9162)
    entries = [rng.randbytes(rng.randrange(0, 40)) for _ in range(300)]
    frontier = Frontier()
    for n, entry in enumerate(entries, start=1):
        removed = frontier.append(leaf_hash(entry))
        # The levels merged away are exactly the trailing one bits of the old size.
        old = n - 1
        trailing = 0
        while old >> trailing & 1:
            trailing += 1
        assert removed == list(range(trailing))
        assert frontier.size == n
        assert set(frontier.levels) == {lv for lv in range(n.bit_length()) if n >> lv & 1}
        assert frontier.root() == reference_root(entries[:n]), n
        assert root_of(leaf_hash(e) for e in entries[:n]) == frontier.root()


def test_frontier_can_be_reloaded_from_its_levels() -> None:
    frontier = Frontier()
    leaves = [leaf_hash(bytes([i])) for i in range(37)]
    for leaf in leaves[:21]:
        frontier.append(leaf)
    reloaded = Frontier(frontier.size, frontier.levels)
    for leaf in leaves[21:]:
        frontier.append(leaf)
        reloaded.append(leaf)
    assert reloaded.root() == frontier.root() == root_of(leaves)


@pytest.mark.parametrize(
    ("size", "levels"),
    [(3, {0: b"x" * 32}), (4, {0: b"x" * 32, 2: b"y" * 32}), (0, {0: b"x" * 32}), (1, {})],
)
def test_frontier_refuses_levels_that_do_not_fit_the_size(
    size: int, levels: dict[int, bytes]
) -> None:
    with pytest.raises(ValueError):
        Frontier(size, levels)


def test_any_change_to_the_leaves_changes_the_root() -> None:
    entries = [f"event {i}".encode() for i in range(13)]
    root = root_of(leaf_hash(e) for e in entries)
    for i in range(len(entries)):
        changed = list(entries)
        changed[i] = changed[i] + b"!"
        assert root_of(leaf_hash(e) for e in changed) != root
        removed = entries[:i] + entries[i + 1 :]
        assert root_of(leaf_hash(e) for e in removed) != root
    swapped = list(entries)
    swapped[3], swapped[4] = swapped[4], swapped[3]
    assert root_of(leaf_hash(e) for e in swapped) != root
    assert root_of(leaf_hash(e) for e in [*entries, entries[-1]]) != root
