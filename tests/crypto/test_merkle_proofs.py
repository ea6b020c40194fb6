"""Inclusion and consistency proofs against the RFC 9162 definitions, written out directly."""

from __future__ import annotations

import hashlib

from sealroom.crypto.merkle import (
    Tree,
    leaf_hash,
    node_hash,
    root_of,
    verify_consistency,
    verify_inclusion,
)


def mth(d: list[bytes]) -> bytes:
    if not d:
        return hashlib.sha256(b"").digest()
    if len(d) == 1:
        return leaf_hash(d[0])
    k = 1 << ((len(d) - 1).bit_length() - 1)
    return node_hash(mth(d[:k]), mth(d[k:]))


def path(m: int, d: list[bytes]) -> list[bytes]:
    """RFC 9162 2.1.3.1 PATH(m, D[n])."""
    if len(d) == 1:
        return []
    k = 1 << ((len(d) - 1).bit_length() - 1)
    if m < k:
        return [*path(m, d[:k]), mth(d[k:])]
    return [*path(m - k, d[k:]), mth(d[:k])]


def subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    """RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b)."""
    if m == len(d):
        return [] if b else [mth(d)]
    k = 1 << ((len(d) - 1).bit_length() - 1)
    if m <= k:
        return [*subproof(m, d[:k], b), mth(d[k:])]
    return [*subproof(m - k, d[k:], False), mth(d[:k])]


DATA = [f"event {i}".encode() for i in range(33)]


def test_proofs_match_the_rfc_and_verify() -> None:
    for n in range(1, len(DATA) + 1):
        d = DATA[:n]
        tree = Tree([leaf_hash(x) for x in d])
        root = mth(d)
        assert tree.root() == root == root_of(leaf_hash(x) for x in d)
        for m in range(n):
            proof = tree.inclusion(m)
            assert proof == path(m, d)
            assert verify_inclusion(leaf_hash(d[m]), m, n, proof, root)
            assert not verify_inclusion(leaf_hash(b"other"), m, n, proof, root)
            if n > 1:
                assert not verify_inclusion(leaf_hash(d[m]), (m + 1) % n, n, proof, root)
        for old in range(1, n + 1):
            proof = tree.consistency(old)
            assert proof == subproof(old, d, True)
            assert verify_consistency(old, n, mth(d[:old]), root, proof)
            assert not verify_consistency(old, n, mth(DATA[1 : old + 1]), root, proof)
            if proof:
                bad = [hashlib.sha256(proof[0]).digest(), *proof[1:]]
                assert not verify_consistency(old, n, mth(d[:old]), root, bad)


def test_a_tree_of_other_leaves_is_not_consistent() -> None:
    ours = Tree([leaf_hash(x) for x in DATA[:20]])
    theirs = [leaf_hash(b"x" + x) for x in DATA[:7]]
    assert not verify_consistency(7, 20, root_of(theirs), ours.root(), ours.consistency(7))
