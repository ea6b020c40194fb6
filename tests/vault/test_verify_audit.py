"""The audit log: one event per use-case, the Merkle tree, signed checkpoints, and tampering
with audit.db reported by verify."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import rfc8785
import sqlcipher3

from sealroom.crypto.keyslots import Role
from sealroom.crypto.merkle import leaf_hash, root_of
from sealroom.crypto.signing import verify as verify_signature
from sealroom.vault import users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.audit import AuditEvent, checkpoint_note
from sealroom.vault.epochs import signing_key_for_size
from sealroom.vault.errors import CorruptDataError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"


def _leaves(vault: Vault) -> list[bytes]:
    return [leaf for _, leaf in vault.audit.iter_stored()]


def _check_tree(vault: Vault) -> None:
    """Recompute the tree from the stored events and compare with everything stored."""
    events = list(vault.audit.iter_stored())
    assert [e.seq for e, _ in events] == list(range(1, len(events) + 1))
    for event, leaf in events:
        assert leaf == rfc8785.dumps(event.to_json())
    leaves = [leaf for _, leaf in events]
    assert vault.audit.size == len(leaves)
    assert root_of(leaf_hash(x) for x in leaves) == vault.audit.root()
    public_key = vault.header.signing_public_key
    assert vault.audit.info("signing_public_key") == base64.b64encode(public_key).decode()
    previous: tuple[int, bytes] | None = None
    for checkpoint in vault.audit.checkpoints():
        assert checkpoint.size <= len(leaves)
        assert checkpoint.root == root_of(leaf_hash(x) for x in leaves[: checkpoint.size])
        # each checkpoint is signed by the key of its epoch (a removal starts a new one)
        epoch_key = signing_key_for_size(vault.header, checkpoint.size)
        assert checkpoint.note == checkpoint_note(
            vault.audit.origin,
            checkpoint.size,
            checkpoint.root,
            epoch=epoch_key.epoch,
            previous=previous,
        )  # each checkpoint signs its predecessor's note: a chain
        note = checkpoint.note.encode()
        assert verify_signature(epoch_key.public_key, note, checkpoint.signature)
        previous = (checkpoint.size, hashlib.sha256(checkpoint.note.encode()).digest())


def test_every_use_case_appends_an_event(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "brief.bin"
    source.write_bytes(random.Random(1).randbytes(5000))
    out = tmp_path / "exported.bin"
    state: dict[str, str] = {}

    def import_asset() -> None:
        state["asset"] = assets.import_file(vault, source).id

    def add_party() -> None:
        state["party"] = parties.add_party(vault, "Northwind", "brand").id

    steps: list[tuple[str, Callable[[], object]]] = [
        ("asset.import", import_asset),
        ("asset.list", lambda: assets.list_assets(vault)),
        ("asset.view", lambda: assets.read_asset(vault, state["asset"])),
        ("asset.export", lambda: assets.export_asset(vault, state["asset"], out)),
        ("party.add", add_party),
        ("party.list", lambda: parties.list_parties(vault)),
        ("party.edit", lambda: parties.edit_party(vault, state["party"], name="Northwind Co")),
        ("user.add", lambda: users.add_user(vault, "mia", Role.MANAGER, "manager password")),
        ("user.list", lambda: users.list_users(vault)),
        ("user.passwd", lambda: users.change_password(vault, "mia", "another password")),
        ("vault.verify", lambda: verify.verify_vault(vault)),
        ("user.remove", lambda: users.remove_user(vault, "mia")),
        ("asset.delete", lambda: assets.delete_asset(vault, state["asset"])),
    ]
    first = vault.audit.events(newest_first=False)
    assert [e.action for e in first] == ["vault.unlock", "vault.create"]
    for action, step in steps:
        size = vault.audit.size
        step()
        new = vault.audit.events(newest_first=False)[size:]
        assert [e.action for e in new] == [action], f"{action}: got {[e.action for e in new]}"
        (event,) = new
        assert event.actor == "owner" and event.role == "owner" and event.outcome == "success"
        assert event.seq == size + 1
        assert event.time.endswith("Z") and event.device and event.app_version
    objects = {e.action: e.object for e in vault.audit.events()}
    assert objects["asset.import"] == state["asset"] == objects["asset.delete"]
    assert objects["user.remove"] == "mia"
    _check_tree(vault)
    size = vault.audit.size
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as reopened:
        actions = [e.action for e in reopened.audit.events(newest_first=False)[size:]]
        assert actions == ["vault.lock", "vault.unlock"]
        # the lock signed a checkpoint of the log as it was then
        assert size + 1 in {c.size for c in reopened.audit.checkpoints()}
        _check_tree(reopened)


def test_checkpoints_every_thousand_events_and_at_lock(vault: Vault, vault_dir: Path) -> None:
    start = vault.audit.size
    with vault.transaction():
        for i in range(2100):
            vault.audit.append("test.bulk", f"item {i}", reason="bulk")
    assert vault.audit.size == start + 2100
    sizes = {c.size for c in vault.audit.checkpoints()}
    assert {1000, 2000} <= sizes
    _check_tree(vault)
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as reopened:
        sizes = {c.size for c in reopened.audit.checkpoints()}
        assert {1000, 2000, start + 2100 + 1} <= sizes
        _check_tree(reopened)
        report = verify.verify_vault(reopened)
        assert report.ok
        assert report.events_checked == reopened.audit.size - 1  # all but verify's own event
        assert report.checkpoints_checked == len(sizes)


def test_a_rolled_back_append_leaves_no_trace(vault: Vault) -> None:
    size, root = vault.audit.size, vault.audit.root()
    with pytest.raises(RuntimeError), vault.transaction():
        vault.audit.append("test.rollback")
        raise RuntimeError("change failed")
    assert vault.audit.size == size and vault.audit.root() == root
    with vault.transaction():
        vault.audit.append("test.after")
    _check_tree(vault)


@contextlib.contextmanager
def _raw_audit_db(folder: Path, key_hex: str) -> Iterator[sqlcipher3.Connection]:
    """audit.db opened directly with SQLCipher and the audit key, append-only triggers off."""
    conn = sqlcipher3.connect(str(folder / "audit.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        conn.execute("DROP TRIGGER events_append_only_update")
        conn.execute("DROP TRIGGER events_append_only_delete")
        yield conn
    finally:
        conn.close()


def _event_row(conn: sqlcipher3.Connection, seq: int) -> AuditEvent:
    row = conn.execute(
        "SELECT seq, time, actor, role, device, app_version, action, object, outcome, reason"
        " FROM events WHERE seq = ?",
        (seq,),
    ).fetchone()
    return AuditEvent(*row)


def _rewrite_event(conn: sqlcipher3.Connection, seq: int) -> None:
    """Change an event and its stored leaf consistently (as someone with the audit key can)."""
    forged = AuditEvent(**{**_event_row(conn, seq).to_json(), "actor": "mallory"})
    conn.execute(
        "UPDATE events SET actor = ?, leaf = ? WHERE seq = ?",
        (forged.actor, forged.canonical(), seq),
    )


TAMPERING: dict[str, tuple[Callable[[sqlcipher3.Connection], object], str]] = {
    "event row changed": (
        lambda c: c.execute("UPDATE events SET actor = 'mallory' WHERE seq = 3"),
        "event 3 differs from its leaf",
    ),
    "stored leaf changed": (
        lambda c: c.execute("UPDATE events SET leaf = CAST('{}' AS BLOB) WHERE seq = 2"),
        "event 2 differs from its leaf",
    ),
    "event and leaf rewritten together": (
        lambda c: _rewrite_event(c, 3),
        "does not match",
    ),
    "event reworded": (
        lambda c: c.execute("UPDATE events SET reason = 'nothing to see' WHERE seq = 4"),
        "event 4 differs from its leaf",
    ),
    "sequence renumbered": (
        lambda c: c.execute("UPDATE events SET seq = seq + 100 WHERE seq = 5"),
        "out of sequence",
    ),
    "checkpoint signature forged": (
        lambda c: c.execute(
            "UPDATE checkpoints SET signature = zeroblob(64)"
            " WHERE size = (SELECT max(size) FROM checkpoints)"
        ),
        "bad signature",
    ),
    "checkpoint note changed": (
        lambda c: c.execute("UPDATE checkpoints SET note = note || 'x'"),
        "bad signature",
    ),
    "frontier changed": (
        lambda c: c.execute("UPDATE merkle_frontier SET hash = zeroblob(32)"),
        "stored Merkle tree head does not match",
    ),
    "pinned signing key replaced": (
        lambda c: c.execute(
            "UPDATE info SET value = ? WHERE name = 'signing_public_key'",
            (base64.b64encode(b"\x01" * 32).decode(),),
        ),
        "signing key",
    ),
}


@pytest.mark.parametrize("what", list(TAMPERING))
def test_tampering_with_audit_db_is_reported(vault: Vault, vault_dir: Path, what: str) -> None:
    for i in range(6):
        with vault.transaction():
            vault.audit.append("test.event", f"object {i}")
    key_hex = vault.keys.audit.hex()
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as clean:
        assert verify.verify_vault(clean).ok
    tamper, message = TAMPERING[what]
    with _raw_audit_db(vault_dir, key_hex) as conn:
        tamper(conn)
    try:
        opened = Vault.unlock(vault_dir, "owner", PASSWORD)
    except CorruptDataError as exc:  # refusing to open a damaged log is a report too
        assert any(word in str(exc) for word in ("audit", "signing key")), str(exc)
        return
    with opened:
        report = verify.verify_vault(opened)
    assert not report.ok, f"{what} went unnoticed"
    assert any(message in p for p in report.problems), report.problems


@pytest.mark.parametrize("removed", [1, 2, 3])
def test_removing_the_newest_events_is_reported(
    vault: Vault, vault_dir: Path, removed: int
) -> None:
    """Deleting the last events (and fixing nothing else) must be reported as damage: by the
    unlock with a CorruptDataError, or by verify; never as some other kind of error."""
    for i in range(5):
        with vault.transaction():
            vault.audit.append("test.event", f"object {i}")
    key_hex = vault.keys.audit.hex()
    vault.lock()
    with _raw_audit_db(vault_dir, key_hex) as conn:
        (last,) = conn.execute("SELECT max(seq) FROM events").fetchone()
        conn.execute("DELETE FROM events WHERE seq > ?", (last - removed,))
    try:
        opened = Vault.unlock(vault_dir, "owner", PASSWORD)
    except CorruptDataError:
        return
    with opened:
        report = verify.verify_vault(opened)
    assert not report.ok


def test_auditor_verifies_the_log_without_content(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "a.bin"
    source.write_bytes(b"contract text " * 100)
    assets.import_file(vault, source)
    users.add_user(vault, "aldo", Role.AUDITOR, "auditor password")
    vault.lock()
    with Vault.unlock(vault_dir, "aldo", "auditor password") as auditor:
        report = verify.verify_vault(auditor)
        assert report.ok and not report.content_checked and report.blobs_checked == 0
        assert report.events_checked > 0 and report.checkpoints_checked >= 1
        _check_tree(auditor)
        assert auditor.audit.events()[0].action == "vault.verify"
        assert auditor.audit.events()[0].actor == "aldo"
