"""Verifying an export bundle with no vault: signatures, every leaf, proofs and sequence numbers.

A leaf is hashed as the bytes in the file; its JSON is parsed for its seq, not re-canonicalised
(the signed root already fixes every byte).

Every problem found is reported, each naming the file, line and what is wrong.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Any

from sealroom.crypto import merkle, sshsig
from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.signing import verify as verify_signature
from sealroom.vault import audit_heads
from sealroom.vault.audit_bundle import files

MAX_PROBLEMS = 50


@dataclass
class BundleReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: int = 0
    size: int = 0
    root: bytes = b""
    signer: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append("... more problems not listed")


def _allowed_keys(text: str, report: BundleReport) -> list[tuple[str, bytes]]:
    keys = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        try:
            blob = base64.b64decode(parts[-1], validate=True)
            key = blob[-32:]
            if parts[-2] != "ssh-ed25519" or blob != sshsig.public_key_blob(key):
                raise ValueError
        except (ValueError, IndexError):
            report.problem(f"allowed_signers line {n}: not an Ed25519 signer line")
            continue
        keys.append((parts[0], key))
    return keys


def _read_checkpoint(
    path: Path, keys: list[tuple[str, bytes]], what: str, report: BundleReport
) -> tuple[audit_heads.NoteFields, bytes] | None:
    """The fields of a signed checkpoint and its signer's key; None (reported) if bad."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        report.problem(f"{what}: cannot be read as text")
        return None
    parsed = files.parse_checkpoint(text)
    fields = audit_heads.parse_note(parsed.note) if parsed else None
    if parsed is None or fields is None:
        report.problem(f"{what}: not a signed checkpoint (note, empty line, signature line)")
        return None
    for _, key in keys:
        if verify_signature(key, parsed.note.encode(), parsed.signature):
            return fields, key
    report.problem(
        f"{what}: its signature does not verify with the keys in allowed_signers "
        "(altered, or signed by another key)"
    )
    return None


def _load_json(path: Path, report: BundleReport) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        report.problem(f"{path.name}: not valid JSON")
        return None


def verify_bundle(
    folder: Path, previous: Path | None = None, signer_fingerprint: str | None = None
) -> BundleReport:
    report = BundleReport()
    if not folder.is_dir():
        report.problem(f"{folder} is not a folder")
        return report
    required = (files.EVENTS, files.CHECKPOINT, files.ALLOWED_SIGNERS, files.MANIFEST)
    missing = [name for name in required if not (folder / name).is_file()]
    for name in missing:
        report.problem(f"{name} is missing")
    if missing:
        return report
    keys = _allowed_keys((folder / files.ALLOWED_SIGNERS).read_text("utf-8", "replace"), report)
    if signer_fingerprint is not None:
        keys = [k for k in keys if sshsig.fingerprint(k[1]) == signer_fingerprint]
        if not keys:
            report.problem(f"allowed_signers holds no key with fingerprint {signer_fingerprint}")
            return report
    manifest = _load_json(folder / files.MANIFEST, report)
    if not isinstance(manifest, dict) or manifest.get("format") != files.FORMAT:
        report.problem(f"{files.MANIFEST}: not a {files.FORMAT} manifest")
        return report
    vault_id = str(manifest.get("vault_id"))
    if keys and any(principal != vault_id for principal, _ in keys):
        report.problem(f"allowed_signers names a principal other than the vault {vault_id}")
    checked = _read_checkpoint(folder / files.CHECKPOINT, keys, "checkpoint", report)
    if checked is None:
        return report
    fields, signer = checked
    report.size, report.root = fields.size, fields.root
    report.signer = sshsig.fingerprint(signer)
    if signer_fingerprint is None and previous is None:
        report.notes.append(
            f"the key {report.signer} comes from the bundle itself: compare it with the vault's, "
            "or give the expected signer fingerprint or a previously exported checkpoint"
        )
    if fields.origin != f"sealroom.audit/{vault_id}":
        report.problem(f"checkpoint: it is of the log {fields.origin}, not of vault {vault_id}")
    data = (folder / files.EVENTS).read_bytes()
    _check_signature(folder, data, keys, report)
    prev = _read_checkpoint(previous, keys, "previous checkpoint", report) if previous else None
    if previous is not None and prev is None:
        report.problem("previous checkpoint: not one this vault signed (another vault's?)")
    filtered = manifest.get("filtered") is True
    proofs = _read_proofs(folder, report) if filtered else {}
    tree_root_at = _check_events(data, fields, filtered, proofs, prev, report)
    if prev is not None:
        _check_previous(folder, prev[0], fields, filtered, tree_root_at, report)
    elif (folder / files.CONSISTENCY).is_file():
        report.notes.append("consistency.json present: give the earlier checkpoint to check it")
    return report


def _check_signature(
    folder: Path, data: bytes, keys: list[tuple[str, bytes]], report: BundleReport
) -> None:
    path = folder / files.SIGNATURE
    if not path.is_file():
        report.notes.append(
            "no events.jsonl.sig (an auditor's export): events are checked against the signed "
            "checkpoint only"
        )
        return
    try:
        parsed = sshsig.verify_message(path.read_text("utf-8", "replace"), files.NAMESPACE, data)
    except CorruptDataError as exc:
        report.problem(f"events.jsonl.sig: {exc} (events.jsonl was changed after signing)")
        return
    if parsed.public_key not in [key for _, key in keys]:
        fp = sshsig.fingerprint(parsed.public_key)
        report.problem(f"events.jsonl.sig: signed by {fp}, a key not in allowed_signers")


def _read_proofs(folder: Path, report: BundleReport) -> dict[int, list[bytes]]:
    proofs: dict[int, list[bytes]] = {}
    path = folder / files.PROOFS
    if not path.is_file():
        report.problem("proofs.jsonl is missing (a filtered export proves each event)")
        return proofs
    for n, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
        try:
            item = json.loads(line)
            hashes = [files.unb64(h) for h in item["path"]]
            if not isinstance(item["index"], int) or None in hashes:
                raise ValueError
        except (ValueError, KeyError, TypeError):
            report.problem(f"proofs.jsonl line {n}: not an inclusion proof")
            continue
        proofs[item["index"]] = [h for h in hashes if h is not None]
    return proofs


Parsed = tuple[int, bytes, object]  # index, leaf bytes, the event parsed from them


def _parse_chunk(chunk: list[bytes]) -> list[Parsed] | None:
    """Well-formed lines parsed with one JSON call; None if any line needs a closer look."""
    try:
        outer = json.loads(b"[" + b",".join(chunk) + b"]")
    except ValueError:
        return None
    items: list[Parsed] = []
    for line, item in zip(chunk, outer, strict=True):
        if not isinstance(item, dict) or len(item) != 2 or type(item.get("index")) is not int:
            return None
        prefix = b'{"index":%d,"event":' % item["index"]
        if not line.startswith(prefix) or line[-1:] != b"}":
            return None
        items.append((item["index"], line[len(prefix) : -1], item.get("event")))
    return items


def _parse_line(line: bytes) -> Parsed | None:
    parsed = files.parse_event_line(line)
    if parsed is None:
        return None
    index, leaf = parsed
    try:
        event = json.loads(leaf)
    except ValueError:
        event = None
    return index, leaf, event


CHUNK = 50_000


def _check_events(
    data: bytes,
    cp: audit_heads.NoteFields,
    filtered: bool,
    proofs: dict[int, list[bytes]],
    prev: tuple[audit_heads.NoteFields, bytes] | None,
    report: BundleReport,
) -> bytes | None:
    """Check every line; for a full export return the root at the previous checkpoint's size."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        report.problem(f"events.jsonl line {len(lines)}: cut off (the file was truncated)")
        lines.pop()
    frontier = merkle.Frontier()
    prev_size = prev[0].size if prev else -1
    root_at_prev = merkle.EMPTY_ROOT if prev_size == 0 else None
    last = -1
    for start in range(0, len(lines), CHUNK):
        chunk = lines[start : start + CHUNK]
        fast = _parse_chunk(chunk)
        parsed_lines = fast if fast is not None else [_parse_line(line) for line in chunk]
        for n, parsed in enumerate(parsed_lines, start + 1):
            if parsed is None:
                report.problem(f"events.jsonl line {n}: not an event line")
                continue
            index, leaf, event = parsed
            if not isinstance(event, dict):
                report.problem(f"events.jsonl line {n}: the event is not a JSON object")
            elif event.get("seq") != index + 1:
                report.problem(
                    f"events.jsonl line {n}: event seq {event.get('seq')} does not match its "
                    f"leaf index {index} (seq is index + 1)"
                )
            if index <= last:
                report.problem(
                    f"events.jsonl line {n}: index {index} comes after index {last} "
                    "(events reordered, duplicated or inserted)"
                )
            elif not filtered and index != last + 1:
                report.problem(
                    f"events.jsonl line {n}: index {index} follows {last}: "
                    f"events {last + 1}..{index - 1} are missing"
                )
            last = max(last, index)
            report.events += 1
            hashed = sha256(b"\x00" + leaf).digest()
            if filtered:
                path = proofs.get(index)
                if path is None:
                    report.problem(f"events.jsonl line {n}: no inclusion proof for index {index}")
                elif not merkle.verify_inclusion(hashed, index, cp.size, path, cp.root):
                    report.problem(
                        f"events.jsonl line {n}: event {index} is not in the signed tree "
                        "(its inclusion proof fails: the event was altered or made up)"
                    )
            else:
                frontier.append(hashed)
                if frontier.size == prev_size:
                    root_at_prev = frontier.root()
    if not filtered:
        if frontier.size != cp.size:
            report.problem(
                f"events.jsonl holds {frontier.size} events but the checkpoint signs {cp.size}"
            )
        elif frontier.root() != cp.root:
            report.problem(
                "events.jsonl: the events do not hash to the checkpoint's root "
                "(an event was altered, removed, swapped or inserted)"
            )
    return root_at_prev


def _check_previous(
    folder: Path,
    prev: audit_heads.NoteFields,
    cp: audit_heads.NoteFields,
    filtered: bool,
    root_at_prev: bytes | None,
    report: BundleReport,
) -> None:
    """The log must only have grown since the auditor's previous checkpoint."""
    if prev.origin != cp.origin:
        report.problem(
            f"previous checkpoint: it is of another log ({prev.origin}), this bundle's is "
            f"{cp.origin}"
        )
        return
    if prev.size > cp.size:
        report.problem(
            f"the log went backwards: the previous checkpoint signs {prev.size} events, this "
            f"one {cp.size} (an older audit log was put back, or events were deleted)"
        )
        return
    if not filtered:
        if root_at_prev != prev.root:
            report.problem(
                f"the log was rewritten: its first {prev.size} events do not hash to the previous "
                "checkpoint's root (rolled back and written again, or altered)"
            )
        return
    body = (
        _load_json(folder / files.CONSISTENCY, report)
        if (folder / files.CONSISTENCY).is_file()
        else None
    )
    if not isinstance(body, dict):
        report.problem("consistency.json is missing: export again with the earlier checkpoint")
        return
    proof = [files.unb64(h) for h in body.get("proof", [])]
    if (
        body.get("old_size") != prev.size
        or files.unb64(body.get("old_root")) != prev.root
        or body.get("new_size") != cp.size
        or files.unb64(body.get("new_root")) != cp.root
    ):
        report.problem("consistency.json: made for other checkpoints than these two")
    elif None in proof or not merkle.verify_consistency(
        prev.size, cp.size, prev.root, cp.root, [h for h in proof if h is not None]
    ):
        report.problem(
            f"consistency.json: the proof fails: the log at {cp.size} events does not extend "
            f"the previous checkpoint at {prev.size}"
        )
