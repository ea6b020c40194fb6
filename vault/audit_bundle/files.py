"""The file formats of an export bundle.

`events.jsonl`: one line per event, `{"index":I,"event":LEAF}` where LEAF is the event's leaf
bytes verbatim (RFC 8785 canonical JSON) and I its 0-based leaf index in the log's Merkle tree,
so that SHA-256(0x00 || LEAF) is recomputed from the file alone.
`checkpoint`: the signed note (origin, size, root, epoch, previous), an empty line, then
`-- ORIGIN SIGNATURE` (base64 Ed25519 signature of the note's bytes).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

EVENTS = "events.jsonl"
SIGNATURE = "events.jsonl.sig"
CHECKPOINT = "checkpoint"
ALLOWED_SIGNERS = "allowed_signers"
PROOFS = "proofs.jsonl"
CONSISTENCY = "consistency.json"
MANIFEST = "bundle.json"
CSV = "events.csv"
PDF = "report.pdf"
VERIFIER = "verify.py"
NAMESPACE = "sealroom-audit"
FORMAT = "sealroom-audit-bundle/1"
MAX_CHECKPOINT = 4096

_LINE = re.compile(rb'\{"index":(0|[1-9][0-9]{0,11}),"event":(\{.*\})\}\n?', re.DOTALL)


def event_line(index: int, leaf: bytes) -> bytes:
    return b'{"index":%d,"event":%s}\n' % (index, leaf)


def parse_event_line(line: bytes) -> tuple[int, bytes] | None:
    """(index, leaf bytes) of one line of events.jsonl; None if the line is not one."""
    match = _LINE.fullmatch(line)
    if match is None:
        return None
    return int(match.group(1)), match.group(2)


@dataclass(frozen=True)
class SignedCheckpoint:
    note: str
    signature: bytes

    def to_text(self) -> str:
        origin = self.note.split("\n", 1)[0]
        return f"{self.note}\n-- {origin} {base64.b64encode(self.signature).decode()}\n"


def parse_checkpoint(text: str) -> SignedCheckpoint | None:
    """The note and signature of a checkpoint file; None if it is not one."""
    if len(text) > MAX_CHECKPOINT or "\n\n" not in text:
        return None
    note, _, tail = text.partition("\n\n")
    note += "\n"
    lines = tail.split("\n")
    if len(lines) != 2 or lines[1] != "":
        return None
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[0] != "--" or parts[1] != note.split("\n", 1)[0]:
        return None
    try:
        signature = base64.b64decode(parts[2], validate=True)
    except ValueError:
        return None
    if len(signature) != 64:
        return None
    return SignedCheckpoint(note, signature)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: object, length: int = 32) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return data if len(data) == length else None
