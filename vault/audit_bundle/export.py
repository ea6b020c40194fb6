"""Writing an export bundle from an open vault.

A content holder's export appends an `audit.export` event and signs a fresh checkpoint over the
whole log (as a lock does), then signs events.jsonl with the same key in OpenSSH's format. An
auditor holds no signing key: their bundle covers the log up to its newest checkpoint the vault
signed, and carries no events.jsonl.sig (the signed checkpoint and the proofs bind every event).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from pathlib import Path
from typing import Any

from sealroom.crypto import merkle, sshsig
from sealroom.crypto.keyslots import Role
from sealroom.vault import audit_heads, epochs
from sealroom.vault.audit_bundle import files, table
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError, InvalidInputError
from sealroom.vault.session import Vault

Progress = Callable[[int, int], None]
TEMPLATE = Path(__file__).with_name("verify_template.py")


def parse_time(text: str, *, end: bool = False) -> str:
    """An RFC 3339 time or a date as the log writes times (UTC, ms, Z); a date given as an end
    means the end of that day."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(
            f"{text!r} is not a date or time (use 2026-12-01 or ISO 8601)"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if end and len(text.strip()) == 10:
        when += timedelta(days=1)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True)
class ExportFilter:
    since: str | None = None  # inclusive, in the log's time format
    until: str | None = None  # exclusive
    party: str | None = None
    asset: str | None = None

    @property
    def active(self) -> bool:
        return any((self.since, self.until, self.party, self.asset))

    def matches(self, time: str, obj: str) -> bool:
        """Whether an event of this time and object is exported."""
        if self.since is not None and time < self.since:
            return False
        if self.until is not None and time >= self.until:
            return False
        if self.party is not None and self.party not in obj:
            return False
        return self.asset is None or self.asset in obj

    def describe(self) -> str:
        parts = [f"{k} {v}" for k, v in vars(self).items() if v is not None]
        return ", ".join(parts) or "all events"


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    exported: int
    size: int
    root: bytes
    fingerprint: str
    ssh_signed: bool
    notes: list[str]


def _prepare(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InvalidInputError(f"{out} exists and is not an empty folder; choose a new folder")
    out.mkdir(parents=True, exist_ok=True)


def _read_previous(path: Path | None, origin: str) -> audit_heads.NoteFields | None:
    if path is None:
        return None
    try:
        parsed = files.parse_checkpoint(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read the previous checkpoint {path}: {exc}") from None
    fields = audit_heads.parse_note(parsed.note) if parsed else None
    if fields is None:
        raise InvalidInputError(f"{path} is not a Sealroom checkpoint file")
    if fields.origin != origin:
        raise InvalidInputError(
            f"the previous checkpoint is of another log ({fields.origin}), not {origin}"
        )
    return fields


def _signed_checkpoint(vault: Vault, flt: ExportFilter) -> audit_heads.Checkpoint:
    """Record the export; a content holder signs the tree with it, an auditor takes the newest
    checkpoint the vault signed."""
    with vault.transaction():
        vault.audit.append("audit.export", vault.header.vault_id, public=flt.describe())
        fresh = vault.audit.checkpoint() if vault.role is not Role.AUDITOR else None
    if fresh is not None:
        return fresh
    found = audit_heads.chained_checkpoints({c.size: c for c in vault.audit.checkpoints()})
    if not found:
        raise InvalidInputError(
            "the audit log has no signed checkpoint yet: an owner or manager must lock it once"
        )
    return found[-1]


def export_bundle(
    vault: Vault,
    out: Path,
    flt: ExportFilter | None = None,
    previous: Path | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the bundle (without report.pdf, see `report.write_report`) into the new folder."""
    flt = flt or ExportFilter()
    origin = vault.audit.origin
    prev = _read_previous(previous, origin)
    _prepare(out)
    checkpoint = _signed_checkpoint(vault, flt)
    size = checkpoint.size
    if prev is not None and prev.size > size:
        raise InvalidInputError(
            f"the log went backwards: the previous checkpoint signs {prev.size} events, this log "
            f"{size} (an older audit log was put back?)"
        )
    leaves: list[bytes] = []
    exported: list[int] = []
    with (
        open(out / files.EVENTS, "wb") as jsonl,
        open(out / files.CSV, "w", encoding="utf-8", newline="") as csv_file,
    ):
        rows = table.EventWriter(csv_file)
        everything = not flt.active
        for row in vault.audit.stored_rows(size):
            seq, leaf = row[0], bytes(row[-1])
            if seq != len(leaves) + 1:
                raise CorruptDataError(f"audit log is damaged: event {len(leaves) + 1} is missing")
            leaves.append(sha256(b"\x00" + leaf).digest())
            if everything or flt.matches(row[1], row[7]):
                jsonl.write(b'{"index":%d,"event":%s}\n' % (seq - 1, leaf))
                rows.write(seq - 1, row)
                exported.append(seq - 1)
            if progress is not None and seq % 65536 == 0:
                progress(seq, size)
    tree = merkle.Tree(leaves) if flt.active or prev is not None else None
    root = tree.root() if tree else merkle.root_of(leaves)
    if len(leaves) != size or root != checkpoint.root:
        raise CorruptDataError(
            "audit log is damaged: its events do not match its signed checkpoint"
        )
    cp_text = files.SignedCheckpoint(checkpoint.note, checkpoint.signature).to_text()
    (out / files.CHECKPOINT).write_text(cp_text, "utf-8")
    if tree is not None and flt.active:
        with open(out / files.PROOFS, "w", encoding="utf-8") as proofs:
            for index in exported:
                path = [files.b64(h) for h in tree.inclusion(index)]
                proofs.write(json.dumps({"index": index, "path": path}) + "\n")
    if tree is not None and prev is not None:
        _write_consistency(out, tree, prev, checkpoint)
    vault_id = vault.header.vault_id
    lines = [
        sshsig.allowed_signers_line(vault_id, key.public_key, files.NAMESPACE)
        for key in vault.header.signing_history()
    ]
    (out / files.ALLOWED_SIGNERS).write_text("".join(lines), "utf-8")
    signature = vault.ssh_sign(files.NAMESPACE, (out / files.EVENTS).read_bytes())
    if signature is not None:
        (out / files.SIGNATURE).write_text(signature, "utf-8")
    key = epochs.signing_key_for_size(vault.header, size).public_key
    fingerprint = sshsig.fingerprint(key)
    notes = []
    if signature is None:
        notes.append(
            f"exported by an auditor: the bundle covers the log up to the vault's last signed "
            f"checkpoint ({size} of {vault.audit.size} events) and has no events.jsonl.sig"
        )
    manifest: dict[str, Any] = {
        "format": files.FORMAT,
        "vault_id": vault_id,
        "origin": origin,
        "exported_at": now_stamp(),
        "exported_by_role": vault.role.value,
        "filter": {k: v for k, v in vars(flt).items() if v is not None},
        "filtered": flt.active,
        "tree_size": size,
        "events": len(exported),
        "signer": fingerprint,
    }
    (out / files.MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    shutil.copyfile(TEMPLATE, out / files.VERIFIER)
    return ExportResult(out, len(exported), size, root, fingerprint, signature is not None, notes)


def _write_consistency(
    out: Path, tree: merkle.Tree, prev: audit_heads.NoteFields, cp: audit_heads.Checkpoint
) -> None:
    if tree.root(prev.size) != prev.root:
        raise InvalidInputError(
            f"this log does not extend the previous checkpoint: its first {prev.size} events "
            "hash to another root (the log was rewritten or rolled back)"
        )
    proof = tree.consistency(prev.size, cp.size) if prev.size else []
    body = {
        "old_size": prev.size,
        "old_root": files.b64(prev.root),
        "new_size": cp.size,
        "new_root": files.b64(cp.root),
        "proof": [files.b64(h) for h in proof],
    }
    (out / files.CONSISTENCY).write_text(json.dumps(body, indent=2) + "\n", "utf-8")
