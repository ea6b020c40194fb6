"""The append-only audit log: canonical JSON events, an RFC 9162 Merkle tree, signed checkpoints.

Events live in `audit.db`, attached to the content database so that a change and its event
commit in one transaction. The tree is kept as a frontier (one hash per set bit of the size), so
an append costs O(log n) and opening a log of a million events reads a handful of rows.

An event's free text is sealed for content holders (see audit_detail); checkpoints are chained
and their newest head is kept in vault.db (see audit_heads).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import rfc8785

from sealroom.crypto.merkle import Frontier, leaf_hash
from sealroom.vault import audit_heads
from sealroom.vault.audit_detail import DetailSealer
from sealroom.vault.audit_filter import NO_FILTER, AuditFilter
from sealroom.vault.audit_heads import Checkpoint, checkpoint_note
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError, HistoryTamperedError
from sealroom.vault.records import Actor
from sealroom.vault.store import Connection, IntegrityError, contains_pattern, query

__all__ = [
    "CHECKPOINT_EVERY",
    "AuditEvent",
    "AuditFilter",
    "AuditLog",
    "Checkpoint",
    "checkpoint_note",
]

CHECKPOINT_EVERY = 1000

Signer = Callable[[bytes], bytes]


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    time: str
    actor: str
    role: str
    device: str
    app_version: str
    action: str
    object: str
    outcome: str
    reason: str
    # The sealed free text (base64 of the ciphertext), "" when the event has none. The reason of
    # an event with a sealed detail is what an auditor may see, usually nothing.
    detail: str = ""

    def canonical(self) -> bytes:
        """The event as RFC 8785 canonical JSON: the exact bytes the Merkle leaf hashes."""
        return rfc8785.dumps(self.to_json())

    def to_json(self) -> dict[str, Any]:
        fields = {name: getattr(self, name) for name in EVENT_FIELDS}  # flat: no deep copy
        if not fields["detail"]:
            del fields["detail"]  # events written before sealed details hash without the key
        return fields


EVENT_COLUMNS = "seq, time, actor, role, device, app_version, action, object, outcome, reason"
COLUMN_NAMES = tuple(name.strip() for name in EVENT_COLUMNS.split(","))
EVENT_FIELDS = (*COLUMN_NAMES, "detail")
SEARCHED_COLUMNS = ("actor", "role", "device", "action", "object", "outcome")




def _event(columns: tuple[Any, ...], sealed: bytes) -> AuditEvent:
    """An event from its EVENT_COLUMNS and its sealed detail, as stored."""
    fields = dict(zip(COLUMN_NAMES, columns, strict=True))
    return AuditEvent(**fields, detail=base64.b64encode(sealed).decode())


def astuple_columns(event: AuditEvent) -> tuple[Any, ...]:
    """The values of EVENT_COLUMNS, in order."""
    return tuple(getattr(event, name) for name in COLUMN_NAMES)


def audit_origin(vault_id: str) -> str:
    return f"sealroom.audit/{vault_id}"


class AuditLog:
    """Appends events within the caller's transaction; `schema` is where audit.db is attached."""

    def __init__(
        self,
        conn: Connection,
        schema: str,
        origin: str,
        actor: Actor,
        signer: Signer | None,
        sealer: DetailSealer | None = None,
        epoch: int = audit_heads.SIGNING_EPOCH,
    ) -> None:
        self._conn = conn
        self._schema = schema
        self.origin = origin
        self._actor = actor
        self._signer = signer
        self._sealer = sealer
        self._epoch = epoch
        if sealer is not None:
            conn.create_function("sealroom_detail", 2, sealer.sql_open, deterministic=True)
        rows = query(conn, f"SELECT level, hash FROM {schema}.merkle_frontier")
        (size,) = query(conn, f"SELECT coalesce(max(seq), 0) FROM {schema}.events")[0]
        try:
            self._frontier = Frontier(int(size), {int(level): bytes(h) for level, h in rows})
        except ValueError:
            raise CorruptDataError(
                "audit log is damaged: its Merkle tree does not match its events"
            ) from None
        (last,) = query(conn, f"SELECT coalesce(max(size), 0) FROM {schema}.checkpoints")[0]
        self._last_checkpoint = int(last)

    @property
    def reads_details(self) -> bool:
        """Whether this log opens sealed free text (the person holds the content key)."""
        return self._sealer is not None

    @property
    def size(self) -> int:
        return self._frontier.size

    def root(self) -> bytes:
        return self._frontier.root()

    def append(
        self,
        action: str,
        obj: str = "",
        outcome: str = "success",
        reason: str = "",
        *,
        actor: Actor | None = None,
        time: str | None = None,
        public: str = "",
    ) -> AuditEvent:
        """Record one event. Call inside the transaction that makes the change it describes.

        `reason` is free text: a content holder's log seals it (only content holders read it);
        `public` is text an auditor may read (no names, file names or notes)."""
        who = actor or self._actor
        seq = self._frontier.size + 1
        sealed = b""
        if reason and self._sealer is not None:
            sealed = self._sealer.seal(seq, reason)
            shown = public
        else:
            shown = "; ".join(text for text in (public, reason) if text)
        event = AuditEvent(
            seq=seq,
            time=time or now_stamp(),
            actor=who.user,
            role=who.role,
            device=who.device,
            app_version=who.app_version,
            action=action,
            object=obj,
            outcome=outcome,
            reason=shown,
            detail=base64.b64encode(sealed).decode(),
        )
        leaf = event.canonical()
        s = self._schema
        previous = self._frontier.copy()
        removed = self._frontier.append(leaf_hash(leaf))
        try:
            try:
                self._conn.execute(
                    f"INSERT INTO {s}.events ({EVENT_COLUMNS}, detail, leaf)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*astuple_columns(event), sealed or None, leaf),
                )
                for level in removed:
                    self._conn.execute(f"DELETE FROM {s}.merkle_frontier WHERE level = ?", (level,))
                new_level = len(removed)
                self._conn.execute(
                    f"INSERT INTO {s}.merkle_frontier (level, hash) VALUES (?, ?)",
                    (new_level, self._frontier.levels[new_level]),
                )
            except IntegrityError:
                raise HistoryTamperedError(
                    "audit log was altered while the vault was open (event "
                    f"{seq} or its Merkle tree was already there): nothing more is recorded or "
                    "signed; run `sealroom verify`"
                ) from None
            since = self._frontier.size - self._last_checkpoint
            if self._frontier.size % CHECKPOINT_EVERY == 0 or since >= CHECKPOINT_EVERY:
                self.checkpoint()
        except BaseException:
            self._frontier = previous
            raise
        return event

    def forget_uncommitted(self) -> None:
        """Reload the frontier after a rolled-back transaction."""
        self.__init__(  # type: ignore[misc]
            self._conn,
            self._schema,
            self.origin,
            self._actor,
            self._signer,
            self._sealer,
            self._epoch,
        )

    def checkpoint(self) -> Checkpoint | None:
        """Sign the current tree head, unless it is already signed or this person cannot sign.

        Before signing, the log must extend the head vault.db holds (HistoryTamperedError
        otherwise); the new head goes to vault.db in the caller's transaction."""
        if self._signer is None or self.size == 0:
            return None
        s = self._schema
        if query(self._conn, f"SELECT 1 FROM {s}.checkpoints WHERE size = ?", (self.size,)):
            return None
        head = audit_heads.read_head(self._conn)
        audit_heads.require_extends(self._conn, s, head, self._frontier)
        previous = audit_heads.previous_link(audit_heads.read_checkpoints(self._conn, s), head)
        root = self.root()
        note = checkpoint_note(self.origin, self.size, root, epoch=self._epoch, previous=previous)
        checkpoint = Checkpoint(self.size, root, now_stamp(), note, self._signer(note.encode()))
        self._conn.execute(
            f"INSERT INTO {s}.checkpoints (size, root, time, note, signature) VALUES (?,?,?,?,?)",
            (checkpoint.size, checkpoint.root, checkpoint.time, note, checkpoint.signature),
        )
        new_head = audit_heads.TreeHead(
            self.size, root, self._epoch, audit_heads.note_hash(note), self._frontier.to_bytes()
        )
        audit_heads.write_head(self._conn, new_head)
        audit_heads.clear_expected(self._conn)
        self._last_checkpoint = self.size
        return checkpoint

    def tree(self) -> Frontier:
        """A copy of the tree as this session holds it."""
        return self._frontier.copy()

    def note_altered(self, held: Frontier) -> None:
        """The log was found altered under this session: vault.db keeps the tree it `held`,
        which the log must extend at every later unlock (until a checkpoint is signed again)."""
        if self._signer is not None:
            audit_heads.record_expected(self._conn, held, now_stamp())

    def head(self) -> audit_heads.TreeHead | None:
        """The newest signed head vault.db holds (content holders only)."""
        return audit_heads.read_head(self._conn) if self._signer is not None else None

    def events(
        self, limit: int | None = None, newest_first: bool = True, before_seq: int | None = None
    ) -> list[AuditEvent]:
        """Events in seq order; with `before_seq`, only those numbered below it (keyset paging:
        a page deep in a log of a million events costs the same as the first). A content
        holder sees each sealed detail opened as the reason; an auditor sees it sealed."""
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {EVENT_COLUMNS}, detail FROM {self._schema}.events"
        params: tuple[Any, ...] = ()
        if before_seq is not None:
            sql += " WHERE seq < ?"
            params = (before_seq,)
        sql += f" ORDER BY seq {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params = (*params, limit)
        return [self._view(row) for row in query(self._conn, sql, params)]

    def search(
        self,
        text: str,
        top_seq: int,
        offset: int,
        limit: int,
        where: AuditFilter = NO_FILTER,
    ) -> list[AuditEvent]:
        """Events numbered `top_seq` or below whose who, device, action, object, outcome or
        detail contains `text` (case-insensitive), newest first, from the `offset`-th match.
        Sealed details are searched only by a content holder, who can open them; `where`
        narrows further (period, person, action, party, asset, outcome), in SQL."""
        condition, params = self._matching(text, top_seq, where)
        sql = (
            f"SELECT {EVENT_COLUMNS}, detail FROM {self._schema}.events WHERE {condition}"
            " ORDER BY seq DESC LIMIT ? OFFSET ?"
        )
        rows = query(self._conn, sql, (*params, limit, offset))
        return [self._view(row) for row in rows]

    def count_matching(self, text: str, top_seq: int, where: AuditFilter = NO_FILTER) -> int:
        """How many events `search` finds over all its pages."""
        condition, params = self._matching(text, top_seq, where)
        sql = f"SELECT count(*) FROM {self._schema}.events WHERE {condition}"
        return int(query(self._conn, sql, params)[0][0])

    def distinct(self, column: str) -> list[str]:
        """The values one filterable column takes (people, actions, outcomes), sorted."""
        if column not in ("actor", "action", "outcome"):
            raise ValueError(column)
        rows = query(self._conn, f"SELECT DISTINCT {column} FROM {self._schema}.events")
        return sorted(str(r[0]) for r in rows)

    def _matching(
        self, text: str, top_seq: int, where: AuditFilter = NO_FILTER
    ) -> tuple[str, tuple[Any, ...]]:
        conditions = ["seq <= ?"]
        params: list[Any] = [top_seq]
        if text.strip():
            columns = [*SEARCHED_COLUMNS, "reason"]
            if self._sealer is not None:
                columns.append("sealroom_detail(seq, detail)")
            pattern = contains_pattern(text.strip())
            conditions.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [pattern] * len(columns)
        extra, extra_params = where.clauses()
        return " AND ".join(conditions + extra), (*params, *extra_params)

    def _view(self, row: tuple[Any, ...]) -> AuditEvent:
        """An event as this person may read it."""
        sealed = bytes(row[-1]) if row[-1] is not None else b""
        event = _event(row[:-1], sealed)
        if not sealed or self._sealer is None:
            return event
        text = self._sealer.open(event.seq, sealed)
        return replace(event, reason=text, detail="")

    def iter_stored(self) -> Iterator[tuple[AuditEvent, bytes]]:
        """Every event in order, as stored (details sealed), with the leaf bytes stored for it
        (for verification)."""
        cursor = self._conn.execute(
            f"SELECT {EVENT_COLUMNS}, detail, leaf FROM {self._schema}.events ORDER BY seq"
        )
        for row in cursor:
            sealed = bytes(row[-2]) if row[-2] is not None else b""
            event = _event(row[:-2], sealed)
            yield event, bytes(row[-1])

    def stored_rows(self, up_to: int) -> Iterator[tuple[Any, ...]]:
        """Events 1..`up_to` as stored, in order: the EVENT_COLUMNS, whether a sealed detail is
        there, then the leaf bytes (a fast path for exports of millions of events)."""
        return self._conn.execute(
            f"SELECT {EVENT_COLUMNS}, detail IS NOT NULL, leaf FROM {self._schema}.events"
            " WHERE seq <= ? ORDER BY seq",
            (up_to,),
        )

    def checkpoints(self) -> list[Checkpoint]:
        found = audit_heads.read_checkpoints(self._conn, self._schema)
        return [found[size] for size in sorted(found)]

    def info(self, name: str) -> str | None:
        rows = query(self._conn, f"SELECT value FROM {self._schema}.info WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None
