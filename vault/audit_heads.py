"""Signed tree heads: the chain of checkpoints and the head that vault.db keeps of it.

Each checkpoint's signed note names its tree (origin, size, root hash), the epoch of the key that
signed it, and its predecessor (size and SHA-256 of the predecessor's note), so the checkpoints
form a hash chain that a deleted or altered checkpoint breaks. The newest head is written to
vault.db in the same transaction as its checkpoint. An auditor can rewrite audit.db (they hold its
key) but cannot write vault.db (content key) nor sign (no signing key); a folder writer can copy
an older audit.db back. Either way the log stops extending the head in vault.db, and unlock,
lock and `verify` say so. The check at unlock and lock costs O(events since the head), not O(log).

A note written before chaining had three lines (origin, size, root); such legacy checkpoints
still verify, and the chain starts at the first chained checkpoint, which names the last of them.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sealroom.crypto.merkle import Frontier, leaf_hash
from sealroom.crypto.signing import verify as verify_signature
from sealroom.vault.errors import HistoryTamperedError
from sealroom.vault.store import Connection, query, transaction

# The epoch recorded in notes when a log is opened without a vault header (tests, tools).
SIGNING_EPOCH = 0


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root: bytes
    time: str
    note: str
    signature: bytes


@dataclass(frozen=True)
class NoteFields:
    origin: str
    size: int
    root: bytes
    epoch: int | None  # None: a legacy note, written before checkpoints were chained
    previous: tuple[int, bytes] | None  # (size, note hash) of the predecessor; None: the first

    @property
    def chained(self) -> bool:
        return self.epoch is not None


@dataclass(frozen=True)
class TreeHead:
    """The newest signed head as vault.db records it, with the tree's frontier at that size."""

    size: int
    root: bytes
    epoch: int
    note_hash: bytes
    frontier: bytes

    def tree(self) -> Frontier:
        try:
            tree = Frontier.from_bytes(self.size, self.frontier)
        except ValueError:
            tree = None
        if tree is None or tree.root() != self.root:
            raise HistoryTamperedError("vault.db's record of the audit log's head is damaged")
        return tree


def checkpoint_note(
    origin: str,
    size: int,
    root: bytes,
    *,
    epoch: int | None = None,
    previous: tuple[int, bytes] | None = None,
) -> str:
    """The signed text of a checkpoint: origin, tree size and root hash, one per line; a chained
    note adds the signing epoch and its predecessor (size and note hash, `0 -` for none)."""
    text = f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"
    if epoch is None:
        return text
    prev = f"{previous[0]} {base64.b64encode(previous[1]).decode()}" if previous else "0 -"
    return f"{text}epoch {epoch}\nprevious {prev}\n"


def note_hash(note: str) -> bytes:
    return hashlib.sha256(note.encode()).digest()


def parse_note(note: str) -> NoteFields | None:
    """The fields of a checkpoint note; None if it is not one this version writes."""
    lines = note.split("\n")
    if not lines or lines[-1] != "" or len(lines) not in (4, 6):
        return None
    try:
        origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2], validate=True)
        if len(lines) == 4:
            return NoteFields(origin, size, root, None, None)
        key, epoch = lines[3].split(" ")
        word, prev_size, prev_hash = lines[4].split(" ")
        if key != "epoch" or word != "previous":
            return None
        previous = None
        if prev_hash != "-":
            previous = (int(prev_size), base64.b64decode(prev_hash, validate=True))
        fields = NoteFields(origin, size, root, int(epoch), previous)
    except ValueError:
        return None
    if checkpoint_note(origin, size, root, epoch=fields.epoch, previous=previous) != note:
        return None
    return fields


def read_head(conn: Connection) -> TreeHead | None:
    rows = query(conn, "SELECT size, root, epoch, note_hash, frontier FROM main.audit_head")
    if not rows:
        return None
    size, root, epoch, hashed, frontier = rows[0]
    return TreeHead(int(size), bytes(root), int(epoch), bytes(hashed), bytes(frontier))


def write_head(conn: Connection, head: TreeHead) -> None:
    """Call inside the transaction that inserts the head's checkpoint."""
    conn.execute(
        "INSERT OR REPLACE INTO main.audit_head (id, size, root, epoch, note_hash, frontier)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        (head.size, head.root, head.epoch, head.note_hash, head.frontier),
    )


def record_expected(conn: Connection, tree: Frontier, noted: str) -> None:
    """Remember the tree a session held when the log was found altered under it."""
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO main.audit_expected (id, size, frontier, noted)"
            " VALUES (1, ?, ?, ?)",
            (tree.size, tree.to_bytes(), noted),
        )


def clear_expected(conn: Connection) -> None:
    conn.execute("DELETE FROM main.audit_expected")


def _expected_problem(conn: Connection, schema: str, stored: Frontier | None) -> str | None:
    rows = query(conn, "SELECT size, frontier, noted FROM main.audit_expected")
    if not rows:
        return None
    size, frontier, noted = int(rows[0][0]), bytes(rows[0][1]), str(rows[0][2])
    problem = (
        f"audit log was altered while the vault was open ({noted}): it does not hold the "
        f"{size} events the vault had recorded"
    )
    try:
        expected = TreeHead(size, Frontier.from_bytes(size, frontier).root(), 0, b"", frontier)
        recomputed = tree_from_head(conn, schema, expected)
    except (ValueError, HistoryTamperedError):
        return problem
    if stored is None or recomputed.size != stored.size or recomputed.root() != stored.root():
        return problem
    return None


def read_checkpoints(conn: Connection, schema: str) -> dict[int, Checkpoint]:
    rows = query(conn, f"SELECT size, root, time, note, signature FROM {schema}.checkpoints")
    return {
        int(r[0]): Checkpoint(int(r[0]), bytes(r[1]), str(r[2]), str(r[3]), bytes(r[4]))
        for r in rows
    }


def chain_problems(
    checkpoints: dict[int, Checkpoint], size: int, expected_hash: bytes
) -> list[str]:
    """Walk the chain back from the checkpoint at `size` whose note must hash to `expected_hash`;
    every link must be present and unaltered, down to the first (or to a legacy checkpoint)."""
    problems: list[str] = []
    seen: set[int] = set()
    while size not in seen:
        seen.add(size)
        checkpoint = checkpoints.get(size)
        if checkpoint is None:
            problems.append(
                f"audit log was altered: the checkpoint at {size} events, "
                "which a later signed head names, is missing"
            )
            break
        fields = parse_note(checkpoint.note)
        if note_hash(checkpoint.note) != expected_hash or fields is None:
            problems.append(
                f"audit log was altered: the checkpoint at {size} events "
                "differs from the one signed"
            )
            break
        if fields.size != checkpoint.size or fields.root != checkpoint.root:
            problems.append(
                f"audit log was altered: the checkpoint at {size} events does not match its note"
            )
            break
        if not fields.chained or fields.previous is None:
            break
        size, expected_hash = fields.previous
    return problems


def chained_checkpoints(checkpoints: dict[int, Checkpoint]) -> list[Checkpoint]:
    """The checkpoints whose note is chained, oldest first."""
    found = []
    for size in sorted(checkpoints):
        fields = parse_note(checkpoints[size].note)
        if fields is not None and fields.chained:
            found.append(checkpoints[size])
    return found


def previous_link(
    checkpoints: dict[int, Checkpoint], head: TreeHead | None
) -> tuple[int, bytes] | None:
    """What a new checkpoint names as its predecessor: the head, else the newest legacy one."""
    if head is not None:
        return head.size, head.note_hash
    if not checkpoints:
        return None
    newest = checkpoints[max(checkpoints)]
    return newest.size, note_hash(newest.note)


def tree_from_head(conn: Connection, schema: str, head: TreeHead) -> Frontier:
    """The head's trusted frontier extended by the leaves stored after it (O(new events))."""
    tree = head.tree()
    cursor = conn.execute(
        f"SELECT seq, leaf FROM {schema}.events WHERE seq > ? ORDER BY seq", (head.size,)
    )
    for seq, leaf in cursor:
        if seq != tree.size + 1:
            raise HistoryTamperedError(
                f"audit log was altered: event {tree.size + 1} after the vault's last signed "
                f"head at {head.size} events is missing"
            )
        tree.append(leaf_hash(bytes(leaf)))
    return tree


def require_extends(conn: Connection, schema: str, head: TreeHead | None, tree: Frontier) -> None:
    """Before signing: the log must extend the head vault.db holds, and be the tree we hold."""
    if head is None:
        return
    checkpoints = read_checkpoints(conn, schema)
    problems = chain_problems(checkpoints, head.size, head.note_hash)[:1]
    recomputed = tree_from_head(conn, schema, head)
    if recomputed.size != tree.size or recomputed.root() != tree.root():
        problems.append(
            f"its events do not extend the vault's last signed head at {head.size} events"
        )
    if problems:
        raise HistoryTamperedError(
            f"refusing to sign the audit log: {problems[0].removeprefix('audit log was ')}"
            "; audit.db was changed outside Sealroom, run `sealroom verify`"
        )


@dataclass(frozen=True)
class SeenHead:
    """A head a device has seen: from vault.db for content holders, else the newest signed
    checkpoint of the log."""

    size: int
    root: bytes
    epoch: int


def check_log(
    conn: Connection,
    schema: str,
    *,
    key_for_size: Callable[[int], bytes],
    head: TreeHead | None,
    trusted: bool,
) -> SeenHead | None:
    """The unlock-time check. `trusted`: `head` came from vault.db (a content holder's unlock);
    else only the log's own signatures speak for it. Raises HistoryTamperedError naming the
    problem; returns the newest head the log is known to extend."""
    (top,) = query(conn, f"SELECT coalesce(max(seq), 0) FROM {schema}.events")[0]
    size = int(top)
    checkpoints = read_checkpoints(conn, schema)
    if trusted and head is not None and size < head.size:
        raise HistoryTamperedError(
            f"audit log is behind the vault: audit.db holds {size} events but the vault's last "
            f"signed head is at {head.size} (an older audit.db was copied back, or its newest "
            "events were deleted)"
        )
    beyond = [c for c in checkpoints if c > size]
    if beyond:
        raise HistoryTamperedError(
            f"audit log was truncated: a checkpoint at {max(beyond)} events is beyond its end "
            f"at {size} (its newest events were deleted)"
        )
    chained = chained_checkpoints(checkpoints)
    newest = chained[-1] if chained else None
    if trusted:
        _check_not_behind_log(chained, head, key_for_size)
    if trusted and head is not None:
        problems = chain_problems(checkpoints, head.size, head.note_hash)
        if problems:
            raise HistoryTamperedError(problems[0])
        stored_rows = query(conn, f"SELECT level, hash FROM {schema}.merkle_frontier")
        recomputed = tree_from_head(conn, schema, head)
        try:
            stored = Frontier(size, {int(level): bytes(h) for level, h in stored_rows})
        except ValueError:
            stored = None
        if stored is None or recomputed.size != size or recomputed.root() != stored.root():
            raise HistoryTamperedError(
                "audit log was altered: its Merkle tree does not extend the vault's last signed "
                f"head at {head.size} events (events before it were changed, deleted or re-added)"
            )
        expected = _expected_problem(conn, schema, stored)
        if expected:
            raise HistoryTamperedError(expected)
        return SeenHead(head.size, head.root, head.epoch)
    if newest is None:
        return None
    if not verify_signature(key_for_size(newest.size), newest.note.encode(), newest.signature):
        raise HistoryTamperedError(
            f"audit log was altered: its newest checkpoint, at {newest.size} events, has a bad "
            "signature"
        )
    problems = chain_problems(checkpoints, newest.size, note_hash(newest.note))
    if problems:
        raise HistoryTamperedError(problems[0])
    fields = parse_note(newest.note)
    assert fields is not None and fields.epoch is not None
    return SeenHead(newest.size, newest.root, fields.epoch)


def _check_not_behind_log(
    chained: list[Checkpoint], head: TreeHead | None, key_for_size: Callable[[int], bytes]
) -> None:
    """vault.db must know the newest chained checkpoint: one beyond its head means vault.db is
    an older copy (signature good) or the checkpoint was planted (signature bad)."""
    head_size = head.size if head is not None else 0
    later = [c for c in chained if c.size > head_size]
    if not later:
        return
    newest = later[-1]
    if verify_signature(key_for_size(newest.size), newest.note.encode(), newest.signature):
        raise HistoryTamperedError(
            f"vault.db is older than its audit log: the log holds a checkpoint at {newest.size} "
            f"events signed after the vault's last recorded head at {head_size} (vault.db was "
            "replaced by an older copy)"
        )
    raise HistoryTamperedError(
        f"audit log was altered: a checkpoint at {newest.size} events is not signed by this vault"
    )
