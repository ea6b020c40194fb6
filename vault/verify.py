"""Checking a whole vault: database pages, every blob, the Merkle tree and every checkpoint."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sealroom.crypto.merkle import Frontier, leaf_hash
from sealroom.crypto.signing import verify as verify_signature
from sealroom.vault import audit_heads, epochs, headertrust
from sealroom.vault.audit import CHECKPOINT_EVERY, AuditEvent
from sealroom.vault.errors import Cancelled, CorruptDataError
from sealroom.vault.session import Vault
from sealroom.vault.store import DatabaseError, query

SIGNING_ROLES = ("owner", "manager")


def verify_steps(vault: Vault) -> int:
    """How many steps `verify_vault` reports: two database checks, each blob, the audit log."""
    if not vault.role.reads_content:
        return 2
    return 3 + int(query(vault.conn, "SELECT count(*) FROM blobs")[0][0])


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    blobs_checked: int = 0
    events_checked: int = 0
    checkpoints_checked: int = 0
    content_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_vault(
    vault: Vault,
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> VerifyReport:
    """Report every problem found; an auditor's run checks the audit log only.

    `progress` hears each step ("checking blob ..."); `cancelled` is asked before each one and
    stops the check (`Cancelled`, nothing recorded) when it answers True."""
    report = VerifyReport(content_checked=vault.role.reads_content)
    tell = progress or (lambda _: None)

    def say(text: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("verification cancelled")
        tell(text)

    schemas = ["main", "audit"] if report.content_checked else ["main"]
    for schema in schemas:
        say(f"checking database pages ({schema})")
        try:
            rows = query(vault.conn, f"PRAGMA {schema}.cipher_integrity_check")
            report.problems += [f"database page check: {r[0]}" for r in rows]
            rows = query(vault.conn, f"PRAGMA {schema}.integrity_check")
            report.problems += [f"database structure: {r[0]}" for r in rows if r[0] != "ok"]
        except (CorruptDataError, DatabaseError) as exc:
            report.problems.append(f"database check failed: {exc}")
    if report.content_checked:
        try:
            _verify_blobs(vault, report, say)
        except (CorruptDataError, DatabaseError) as exc:
            report.problems.append(f"blob check failed: {exc}")
    try:
        _verify_audit(vault, report, say)
    except (CorruptDataError, DatabaseError) as exc:
        report.problems.append(f"audit log check failed: {exc}")
    try:
        _record(vault, report)
    except (CorruptDataError, DatabaseError) as exc:
        report.problems.append(f"could not record this check in the audit log: {exc}")
    return report


def _record(vault: Vault, report: VerifyReport) -> None:
    with vault.transaction():
        vault.audit.append(
            "vault.verify",
            vault.header.vault_id,
            "success" if report.ok else "failure",
            public=f"{len(report.problems)} problems",
        )


def _verify_blobs(vault: Vault, report: VerifyReport, say: Callable[[str], None]) -> None:
    rows = query(vault.conn, "SELECT id, size, sha256 FROM blobs ORDER BY id")
    for blob_id, size, sha256 in rows:
        say(f"checking blob {blob_id}")
        digest = hashlib.sha256()
        total = 0
        try:
            for chunk in vault.blobs.read_chunks(blob_id):
                digest.update(chunk)
                total += len(chunk)
        except CorruptDataError as exc:
            report.problems.append(str(exc))
            continue
        if total != size or digest.hexdigest() != sha256:
            report.problems.append(f"blob {blob_id}: content does not match its recorded hash")
        report.blobs_checked += 1


def _verify_audit(vault: Vault, report: VerifyReport, say: Callable[[str], None]) -> None:
    say("checking the audit log")
    log = vault.audit
    pinned = log.info("signing_public_key")
    public_key = base64.b64decode(pinned) if pinned else b""
    if public_key != vault.header.signing_public_key:
        report.problems.append("audit log: signing key differs from the vault header's")
    checkpoints = {c.size: c for c in log.checkpoints()}
    head = log.head()
    rules = CheckpointRules(checkpoints)
    frontier = Frontier()
    try:
        for event, stored_leaf in log.iter_stored():
            if event.seq != frontier.size + 1:
                report.problems.append(f"audit log: event {event.seq} is out of sequence")
            if event.canonical() != stored_leaf:
                report.problems.append(f"audit log: event {event.seq} differs from its leaf")
            frontier.append(leaf_hash(stored_leaf))
            checkpoint = checkpoints.get(frontier.size)
            if checkpoint is not None and checkpoint.root != frontier.root():
                report.problems.append(
                    f"audit log: checkpoint at {checkpoint.size} events does not match the events"
                )
            if head is not None and head.size == frontier.size and head.root != frontier.root():
                report.problems.append(
                    f"audit log was altered: its first {head.size} events do not hash to the "
                    "head the vault signed"
                )
            report.problems += rules.check(event, frontier.size)
            report.events_checked += 1
    except (CorruptDataError, DatabaseError) as exc:
        report.problems.append(f"audit log unreadable: {exc}")
        return
    if frontier.root() != log.root() or frontier.size != log.size:
        report.problems.append("audit log: stored Merkle tree head does not match the events")
    for checkpoint in checkpoints.values():
        if checkpoint.size > frontier.size:
            report.problems.append(
                f"audit log: checkpoint at {checkpoint.size} events is beyond "
                "the end of the log (events were removed)"
            )
        fields = audit_heads.parse_note(checkpoint.note)
        problem = epochs.checkpoint_problem(
            vault.header, checkpoint.size, checkpoint.note.encode(), checkpoint.signature
        )
        if fields is None or (fields.origin, fields.size, fields.root) != (
            log.origin, checkpoint.size, checkpoint.root
        ):
            problem = f"checkpoint at {checkpoint.size} events has a bad signature"
        if problem is not None:
            report.problems.append(f"audit log: {problem}")
        report.checkpoints_checked += 1
    report.problems += _head_problems(vault, checkpoints, frontier.size)
    report.problems += vault.warnings
    report.problems += headertrust.folder_problems(vault.folder)


def _head_problems(
    vault: Vault,
    checkpoints: dict[int, audit_heads.Checkpoint],
    size: int,
) -> list[str]:
    """The log against the head vault.db holds (content holders) or its own newest signed
    checkpoint (auditors): behind, broken chain, or a vault.db older than its log."""
    problems: list[str] = []
    head = vault.audit.head()
    chained = audit_heads.chained_checkpoints(checkpoints)
    if vault.role.reads_content:
        head_size = head.size if head is not None else 0
        if head is not None and size < head.size:
            problems.append(
                f"audit log is behind the vault: it holds {size} events but the vault's last "
                f"signed head is at {head.size} (an older audit.db was copied back, or its newest "
                "events were deleted)"
            )
        if head is not None:
            problems += audit_heads.chain_problems(checkpoints, head.size, head.note_hash)
        later = [c for c in chained if c.size > head_size]
        newest = later[-1] if later else None
        if newest is not None and verify_signature(
            epochs.signing_key_for_size(vault.header, newest.size).public_key,
            newest.note.encode(),
            newest.signature,
        ):
            problems.append(
                f"vault.db is older than its audit log: the log holds a checkpoint at "
                f"{newest.size} events signed after the vault's last recorded head at "
                f"{head_size} (vault.db was replaced by an older copy)"
            )
    elif chained:
        newest = chained[-1]
        problems += audit_heads.chain_problems(
            checkpoints, newest.size, audit_heads.note_hash(newest.note)
        )
    return problems


class CheckpointRules:
    """From the first chained checkpoint on, every lock by a content holder is signed, and no
    content holder's event lies CHECKPOINT_EVERY or more events past the last checkpoint."""

    def __init__(self, checkpoints: dict[int, audit_heads.Checkpoint]) -> None:
        chained = audit_heads.chained_checkpoints(checkpoints)
        self._start = chained[0].size if chained else None
        self._sizes = set(checkpoints)
        self._last = 0

    def check(self, event: AuditEvent, size: int) -> list[str]:
        if size in self._sizes:
            self._last = size
        if self._start is None or size <= self._start:
            return []
        if event.role not in SIGNING_ROLES or (
            event.action == "vault.unlock" and event.outcome == "failure"
        ):
            return []
        if event.action == "vault.lock" and size not in self._sizes:
            return [f"audit log: the lock at event {size} has no checkpoint (checkpoints removed)"]
        if size - self._last >= CHECKPOINT_EVERY:
            self._last = size  # one report per gap
            return [
                f"audit log: no checkpoint in the {CHECKPOINT_EVERY} events before event {size} "
                "(checkpoints removed)"
            ]
        return []
