"""Check a Sealroom audit bundle with nothing but Python and the `cryptography` package.

Usage: python verify.py [BUNDLE_FOLDER]   (default: the folder this file is in)
Checks: the checkpoint's Ed25519 signature by the key in allowed_signers, each event line's
leaf index and seq, and that the events' RFC 9162 Merkle tree (or, for a filtered export, each
event's inclusion proof) gives the signed root. `ssh-keygen -Y verify` checks events.jsonl.sig.
"""

import base64
import hashlib
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def fail(message: str) -> None:
    sys.exit(f"FAILED: {message}")


def inclusion_root(leaf: bytes, index: int, size: int, path: list[bytes]) -> bytes:
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if fn & 1 or fn == sn:
            r = h(b"\x01" + p + r)
            while fn & 1 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = h(b"\x01" + r + p)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else b""


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    signer = (folder / "allowed_signers").read_text().split()[-1]
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(signer)[-32:])
    note, _, sig_line = (folder / "checkpoint").read_text().partition("\n\n")
    try:
        key.verify(base64.b64decode(sig_line.split()[-1]), (note + "\n").encode())
    except Exception:
        fail("the checkpoint's signature does not verify")
    _, size_text, root_text = note.split("\n")[:3]
    size, root = int(size_text), base64.b64decode(root_text)
    filtered = (folder / "proofs.jsonl").exists()
    proofs: dict[int, list[bytes]] = {}
    if filtered:
        for text in (folder / "proofs.jsonl").read_text().splitlines():
            item = json.loads(text)
            proofs[item["index"]] = [base64.b64decode(p) for p in item["path"]]
    stack: list[tuple[int, bytes]] = []  # (height, hash) of the perfect subtrees so far
    count, last = 0, -1
    data = (folder / "events.jsonl").read_bytes()
    if data and not data.endswith(b"\n"):
        fail("events.jsonl is truncated")
    for n, line in enumerate(data.splitlines(), 1):
        head, sep, rest = line.partition(b',"event":')
        index = int(head.removeprefix(b'{"index":'))
        leaf = rest[:-1]
        if not sep or json.loads(leaf)["seq"] != index + 1 or index <= last:
            fail(f"events.jsonl line {n}: bad index or seq")
        if not filtered and index != last + 1:
            fail(f"events.jsonl line {n}: events before it are missing")
        last, count = index, count + 1
        leaf_hash = h(b"\x00" + leaf)
        if filtered:
            if inclusion_root(leaf_hash, index, size, proofs.get(index, [])) != root:
                fail(f"events.jsonl line {n}: inclusion proof fails")
            continue
        stack.append((0, leaf_hash))
        while len(stack) > 1 and stack[-1][0] == stack[-2][0]:
            (height, right), (_, left) = stack.pop(), stack.pop()
            stack.append((height + 1, h(b"\x01" + left + right)))
    if not filtered:
        computed = h(b"")
        for i, (_, node) in enumerate(reversed(stack)):
            computed = node if i == 0 else h(b"\x01" + node + computed)
        if count != size or computed != root:
            fail(f"{count} events do not hash to the signed root of {size} events")
    print(f"OK: {count} events, root {root_text}, signed checkpoint of {size} events")


if __name__ == "__main__":
    main()
