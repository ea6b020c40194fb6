"""The signed events of an evidence pack: the audit events the pack quotes, each with its Merkle
inclusion proof against a checkpoint signed for the export.

The events go beside the PDF as an audit bundle (the format of `audit_bundle.files`: events.jsonl
with leaf indexes, the signed checkpoint, proofs.jsonl, events.jsonl.sig, allowed_signers,
events.csv, bundle.json and verify.py), so `sealroom audit verify`, the bundle's own verify.py
and `ssh-keygen -Y verify` check it without the vault. The files are built in memory (a pack
quotes a few hundred events at most) and written by the caller through `exports.export_files`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sealroom.crypto import merkle, sshsig
from sealroom.vault import epochs
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_bundle import files, table
from sealroom.vault.audit_bundle.export import TEMPLATE
from sealroom.vault.audit_heads import Checkpoint
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError, InvalidInputError
from sealroom.vault.session import Vault

BUNDLE_FILES = (
    files.EVENTS,
    files.CHECKPOINT,
    files.PROOFS,
    files.SIGNATURE,
    files.ALLOWED_SIGNERS,
    files.CSV,
    files.MANIFEST,
    files.VERIFIER,
)
"""Every file of the pack's bundle, in the order they are written."""
ABBREVIATED = 8
"""Hex digits of each hash the PDF prints (the bundle keeps them whole)."""


@dataclass(frozen=True)
class ProvenEvent:
    event: AuditEvent
    """As the person exporting reads it (their sealed free text opened)."""
    index: int
    """The event's leaf index in the log's Merkle tree (seq - 1)."""
    leaf_hash: bytes
    path: tuple[bytes, ...]
    """The inclusion proof, from the leaf's sibling up to the root's child (RFC 9162)."""


@dataclass(frozen=True)
class ProvenEvents:
    checkpoint: Checkpoint
    fingerprint: str
    """The SHA256 fingerprint (as `ssh-keygen -l` prints it) of the key that signed it."""
    events: tuple[ProvenEvent, ...]
    bundle: dict[str, bytes]
    """The bundle's files by name."""


def short(digest: bytes) -> str:
    """A hash as the PDF prints it: its first hex digits."""
    return digest.hex()[:ABBREVIATED]


def sign_checkpoint(vault: Vault) -> Checkpoint:
    """A signed checkpoint over the whole log as it is now; call it inside the transaction
    that records the export, after its event, so the checkpoint covers that event too."""
    fresh = vault.audit.checkpoint()
    if fresh is not None:
        return fresh
    size = vault.audit.size
    for found in reversed(vault.audit.checkpoints()):  # the append signed one already
        if found.size == size:
            return found
    raise InvalidInputError("only an owner or a manager can sign the audit log for a pack")


def prove(
    vault: Vault, checkpoint: Checkpoint, events: Sequence[AuditEvent], subject: dict[str, str]
) -> ProvenEvents:
    """The inclusion proof of each of `events` (all within `checkpoint`) and the bundle
    carrying them; `subject` says in bundle.json what the events were chosen for."""
    wanted = {e.seq: e for e in events}
    if any(not 0 < seq <= checkpoint.size for seq in wanted):
        raise InvalidInputError("an event quoted in the pack is newer than its checkpoint")
    leaves: list[bytes] = []
    lines = io.BytesIO()
    csv_text = io.StringIO()
    rows = table.EventWriter(csv_text)
    for row in vault.audit.stored_rows(checkpoint.size):
        seq, leaf = int(row[0]), bytes(row[-1])
        if seq != len(leaves) + 1:
            raise CorruptDataError(f"audit log is damaged: event {len(leaves) + 1} is missing")
        leaves.append(merkle.leaf_hash(leaf))
        if seq in wanted:
            lines.write(files.event_line(seq - 1, leaf))
            rows.write(seq - 1, row)
    tree = merkle.Tree(leaves)
    if tree.size != checkpoint.size or tree.root() != checkpoint.root:
        raise CorruptDataError(
            "audit log is damaged: its events do not match its signed checkpoint"
        )
    proven = tuple(
        ProvenEvent(wanted[seq], seq - 1, leaves[seq - 1], tuple(tree.inclusion(seq - 1)))
        for seq in sorted(wanted)
    )
    key = epochs.signing_key_for_size(vault.header, checkpoint.size).public_key
    fingerprint = sshsig.fingerprint(key)
    bundle = _bundle(vault, checkpoint, proven, lines.getvalue(), fingerprint, subject)
    bundle[files.CSV] = csv_text.getvalue().encode("utf-8")
    return ProvenEvents(checkpoint, fingerprint, proven, bundle)


def _bundle(
    vault: Vault,
    checkpoint: Checkpoint,
    proven: tuple[ProvenEvent, ...],
    events: bytes,
    fingerprint: str,
    subject: dict[str, str],
) -> dict[str, bytes]:
    vault_id = vault.header.vault_id
    proofs = "".join(
        json.dumps({"index": p.index, "path": [files.b64(h) for h in p.path]}) + "\n"
        for p in proven
    )
    signers = "".join(
        sshsig.allowed_signers_line(vault_id, key.public_key, files.NAMESPACE)
        for key in vault.header.signing_history()
    )
    manifest: dict[str, Any] = {
        "format": files.FORMAT,
        "vault_id": vault_id,
        "origin": vault.audit.origin,
        "exported_at": now_stamp(),
        "exported_by_role": vault.role.value,
        "filter": subject,
        "filtered": True,
        "tree_size": checkpoint.size,
        "events": len(proven),
        "signer": fingerprint,
    }
    found = {
        files.EVENTS: events,
        files.CHECKPOINT: files.SignedCheckpoint(checkpoint.note, checkpoint.signature)
        .to_text()
        .encode("utf-8"),
        files.PROOFS: proofs.encode("utf-8"),
        files.ALLOWED_SIGNERS: signers.encode("utf-8"),
        files.MANIFEST: (json.dumps(manifest, indent=2) + "\n").encode("utf-8"),
        files.VERIFIER: TEMPLATE.read_bytes(),
    }
    signature = vault.ssh_sign(files.NAMESPACE, events)
    if signature is None:
        raise InvalidInputError("only an owner or a manager can sign the events of a pack")
    found[files.SIGNATURE] = signature.encode("utf-8")
    return found

