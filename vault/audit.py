"""The append-only audit log: canonical JSON events, an RFC 9162 Merkle tree, signed checkpoints.

Events live in `audit.db`, attached to the content database so that a change and its event
commit in one transaction. The tree is kept as a frontier (one hash per set bit of the size), so
an append costs O(log n) and opening a log of a million events reads a handful of rows.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import rfc8785

from sealroom.crypto.merkle import Frontier, leaf_hash
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError
from sealroom.vault.records import Actor
from sealroom.vault.store import Connection, contains_pattern, query

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

    def canonical(self) -> bytes:
        """The event as RFC 8785 canonical JSON: the exact bytes the Merkle leaf hashes."""
        return rfc8785.dumps(asdict(self))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


EVENT_COLUMNS = "seq, time, actor, role, device, app_version, action, object, outcome, reason"
SEARCHED_COLUMNS = ("actor", "role", "device", "action", "object", "outcome", "reason")


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root: bytes
    time: str
    note: str
    signature: bytes


def checkpoint_note(origin: str, size: int, root: bytes) -> str:
    """The signed text of a checkpoint: origin, tree size and root hash, one per line."""
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


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
    ) -> None:
        self._conn = conn
        self._schema = schema
        self.origin = origin
        self._actor = actor
        self._signer = signer
        rows = query(conn, f"SELECT level, hash FROM {schema}.merkle_frontier")
        (size,) = query(conn, f"SELECT coalesce(max(seq), 0) FROM {schema}.events")[0]
        try:
            self._frontier = Frontier(int(size), {int(level): bytes(h) for level, h in rows})
        except ValueError:
            raise CorruptDataError(
                "audit log is damaged: its Merkle tree does not match its events"
            ) from None

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
    ) -> AuditEvent:
        """Record one event. Call inside the transaction that makes the change it describes."""
        who = actor or self._actor
        event = AuditEvent(
            seq=self._frontier.size + 1,
            time=time or now_stamp(),
            actor=who.user,
            role=who.role,
            device=who.device,
            app_version=who.app_version,
            action=action,
            object=obj,
            outcome=outcome,
            reason=reason,
        )
        fields = asdict(event)
        leaf = rfc8785.dumps(fields)
        s = self._schema
        self._conn.execute(
            f"INSERT INTO {s}.events ({EVENT_COLUMNS}, leaf) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (*fields.values(), leaf),
        )
        previous = Frontier(self._frontier.size, self._frontier.levels)
        removed = self._frontier.append(leaf_hash(leaf))
        try:
            for level in removed:
                self._conn.execute(f"DELETE FROM {s}.merkle_frontier WHERE level = ?", (level,))
            new_level = len(removed)
            self._conn.execute(
                f"INSERT INTO {s}.merkle_frontier (level, hash) VALUES (?, ?)",
                (new_level, self._frontier.levels[new_level]),
            )
            if self._frontier.size % CHECKPOINT_EVERY == 0:
                self.checkpoint()
        except BaseException:
            self._frontier = previous
            raise
        return event

    def forget_uncommitted(self) -> None:
        """Reload the frontier after a rolled-back transaction."""
        self.__init__(self._conn, self._schema, self.origin, self._actor, self._signer)  # type: ignore[misc]

    def checkpoint(self) -> Checkpoint | None:
        """Sign the current tree head, unless it is already signed or this person cannot sign."""
        if self._signer is None or self.size == 0:
            return None
        s = self._schema
        if query(self._conn, f"SELECT 1 FROM {s}.checkpoints WHERE size = ?", (self.size,)):
            return None
        root = self.root()
        note = checkpoint_note(self.origin, self.size, root)
        checkpoint = Checkpoint(self.size, root, now_stamp(), note, self._signer(note.encode()))
        self._conn.execute(
            f"INSERT INTO {s}.checkpoints (size, root, time, note, signature) VALUES (?,?,?,?,?)",
            (checkpoint.size, checkpoint.root, checkpoint.time, note, checkpoint.signature),
        )
        return checkpoint

    def events(
        self, limit: int | None = None, newest_first: bool = True, before_seq: int | None = None
    ) -> list[AuditEvent]:
        """Events in seq order; with `before_seq`, only those numbered below it (keyset paging:
        a page deep in a log of a million events costs the same as the first)."""
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {EVENT_COLUMNS} FROM {self._schema}.events"
        params: tuple[Any, ...] = ()
        if before_seq is not None:
            sql += " WHERE seq < ?"
            params = (before_seq,)
        sql += f" ORDER BY seq {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params = (*params, limit)
        return [AuditEvent(*row) for row in query(self._conn, sql, params)]

    def search(self, text: str, top_seq: int, offset: int, limit: int) -> list[AuditEvent]:
        """Events numbered `top_seq` or below whose who, device, action, object, outcome or
        detail contains `text` (case-insensitive), newest first, from the `offset`-th match."""
        where, params = self._matching(text, top_seq)
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {self._schema}.events WHERE {where}"
            " ORDER BY seq DESC LIMIT ? OFFSET ?"
        )
        return [AuditEvent(*row) for row in query(self._conn, sql, (*params, limit, offset))]

    def count_matching(self, text: str, top_seq: int) -> int:
        """How many events `search` finds over all its pages."""
        where, params = self._matching(text, top_seq)
        sql = f"SELECT count(*) FROM {self._schema}.events WHERE {where}"
        return int(query(self._conn, sql, params)[0][0])

    @staticmethod
    def _matching(text: str, top_seq: int) -> tuple[str, tuple[Any, ...]]:
        like = " OR ".join(f"{c} LIKE ?2 ESCAPE '\\'" for c in SEARCHED_COLUMNS)
        return f"seq <= ?1 AND ({like})", (top_seq, contains_pattern(text.strip()))

    def iter_stored(self) -> Iterator[tuple[AuditEvent, bytes]]:
        """Every event in order with the leaf bytes stored for it (for verification)."""
        cursor = self._conn.execute(
            f"SELECT {EVENT_COLUMNS}, leaf FROM {self._schema}.events ORDER BY seq"
        )
        for row in cursor:
            yield AuditEvent(*row[:-1]), bytes(row[-1])

    def checkpoints(self) -> list[Checkpoint]:
        rows = query(
            self._conn,
            "SELECT size, root, time, note, signature"
            f" FROM {self._schema}.checkpoints ORDER BY size",
        )
        return [Checkpoint(int(r[0]), bytes(r[1]), r[2], r[3], bytes(r[4])) for r in rows]

    def info(self, name: str) -> str | None:
        rows = query(self._conn, f"SELECT value FROM {self._schema}.info WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None
