"""History an insider cannot rewrite: a folder writer who copies an older audit.db or vault.db back
or rolls the whole folder back, and an auditor who holds the audit key and edits audit.db by hand.
Each is refused at the next unlock by an owner or manager, by `sealroom verify`, or (for an edit
made while the vault is open) by the lock, which will not sign a log it cannot vouch for."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlcipher3
from sealroom_cli import cli_env, run

from sealroom.crypto.keyslots import Role
from sealroom.crypto.merkle import Frontier, leaf_hash, root_of
from sealroom.vault import users, verify
from sealroom.vault.audit import AuditEvent
from sealroom.vault.errors import HistoryTamperedError
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
AUDITOR = ("aldo", "auditor password 1")
MANAGER = ("bob", "manager password 1")


def _events(vault: Vault, count: int, tag: str) -> None:
    for i in range(count):
        with vault.transaction():
            vault.audit.append("test.event", f"{tag} {i}")


@pytest.fixture
def folder(vault: Vault, vault_dir: Path) -> Path:
    """A vault with an auditor, locked twice by its owner (two chained checkpoints), then opened
    once by the auditor (whose events come after the owner's last signed head)."""
    users.add_user(vault, AUDITOR[0], Role.AUDITOR, AUDITOR[1])
    _events(vault, 5, "first")
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        _events(owner, 5, "second")
    with Vault.unlock(vault_dir, *AUDITOR):
        pass
    return vault_dir


def _audit_key(folder: Path) -> str:
    """What the auditor holds: the audit key, from their own slot."""
    with Vault.unlock(folder, *AUDITOR) as auditor:
        return auditor.keys.audit.hex()


@contextlib.contextmanager
def _as_auditor(folder: Path, key: str | None = None) -> Iterator[sqlcipher3.Connection]:
    """audit.db opened directly with the audit key, its append-only triggers dropped."""
    key = key or _audit_key(folder)
    conn = sqlcipher3.connect(str(folder / "audit.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_update")
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
        yield conn
    finally:
        conn.close()


def _rebuild_frontier(conn: sqlcipher3.Connection) -> None:
    """Make the stored Merkle frontier agree with the stored leaves again."""
    tree = Frontier()
    for (leaf,) in conn.execute("SELECT leaf FROM events ORDER BY seq"):
        tree.append(leaf_hash(bytes(leaf)))
    conn.execute("DELETE FROM merkle_frontier")
    for level, digest in tree.levels.items():
        conn.execute("INSERT INTO merkle_frontier (level, hash) VALUES (?, ?)", (level, digest))


def _head_size(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("SELECT max(size) FROM checkpoints").fetchone()[0])


def _delete_tail(conn: sqlcipher3.Connection, rebuild: bool) -> None:
    cut = _head_size(conn) - 3
    conn.execute("DELETE FROM events WHERE seq > ?", (cut,))
    conn.execute("DELETE FROM checkpoints WHERE size > ?", (cut,))
    if rebuild:
        _rebuild_frontier(conn)


def _forge_actor(conn: sqlcipher3.Connection, consistent: bool) -> None:
    """Blame event 4 on someone else: the row only, or row, leaf and tree together."""
    row = conn.execute(
        "SELECT seq, time, actor, role, device, app_version, action, object, outcome, reason"
        " FROM events WHERE seq = 4"
    ).fetchone()
    forged = AuditEvent(*row[:2], "mallory", *row[3:])
    leaf = forged.canonical() if consistent else None
    conn.execute(
        "UPDATE events SET actor = 'mallory', leaf = coalesce(?, leaf) WHERE seq = 4", (leaf,)
    )
    if consistent:
        _rebuild_frontier(conn)


def _refill(conn: sqlcipher3.Connection) -> None:
    """Delete the tail, then append invented events past the old end, with a consistent tree
    (the signed checkpoints are left as they were: the auditor cannot sign new ones)."""
    cut = _head_size(conn) - 3
    (top,) = conn.execute("SELECT max(seq) FROM events").fetchone()
    conn.execute("DELETE FROM events WHERE seq > ?", (cut,))
    for seq in range(cut + 1, top + 3):
        event = AuditEvent(
            seq, "2030-01-01T00:00:00.000Z", "aldo", "auditor", "x", "0", "a", "", "success", ""
        )
        conn.execute(
            "INSERT INTO events (seq, time, actor, role, device, app_version, action, object,"
            " outcome, reason, leaf) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (*event.to_json().values(), event.canonical()),
        )
    _rebuild_frontier(conn)


def _drop_middle_checkpoint(conn: sqlcipher3.Connection) -> None:
    (first,) = conn.execute("SELECT min(size) FROM checkpoints").fetchone()
    conn.execute("DELETE FROM checkpoints WHERE size = ?", (first,))


ATTACKS: dict[str, tuple[Callable[[sqlcipher3.Connection], object], str]] = {
    "auditor deletes the tail": (lambda c: _delete_tail(c, rebuild=False), "behind the vault"),
    "auditor deletes the tail and rebuilds the frontier": (
        lambda c: _delete_tail(c, rebuild=True),
        "behind the vault",
    ),
    "auditor replaces the tail with invented events": (_refill, "does not extend"),
    "auditor edits an actor, leaf and tree": (
        lambda c: _forge_actor(c, consistent=True),
        "does not extend the vault's last signed head",
    ),
    "auditor deletes an older checkpoint": (_drop_middle_checkpoint, "is missing"),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_an_auditor_edit_is_refused_at_unlock_and_by_verify(folder: Path, attack: str) -> None:
    tamper, message = ATTACKS[attack]
    with _as_auditor(folder) as conn:
        tamper(conn)
    with pytest.raises(HistoryTamperedError, match=message):
        Vault.unlock(folder, "owner", PASSWORD)
    checked = run(
        "verify", "--vault", str(folder), "--user", "owner", env=cli_env(PASSWORD), code=1
    )
    assert message in checked.stderr


def test_an_auditor_edit_of_a_row_alone_is_found_by_verify_and_never_signed(folder: Path) -> None:
    """Changing a row but not its leaf changes nothing a checkpoint signs: the unlock's
    O(new events) check cannot see it; verify, which reads every event, does."""
    with _as_auditor(folder) as conn:
        _forge_actor(conn, consistent=False)
        leaves = [bytes(leaf) for (leaf,) in conn.execute("SELECT leaf FROM events ORDER BY seq")]
    with Vault.unlock(folder, "owner", PASSWORD) as owner:
        report = verify.verify_vault(owner)
        assert any("event 4 differs from its leaf" in p for p in report.problems)
    with Vault.unlock(folder, "owner", PASSWORD) as owner:
        signed = owner.audit.checkpoints()[-1]
        stored = [leaf for _, leaf in owner.audit.iter_stored()]
        assert stored[: len(leaves)] == leaves  # the lock signed the true leaves, not the row
        assert signed.root == root_of(leaf_hash(x) for x in stored[: signed.size])
        assert not verify.verify_vault(owner).ok


def test_the_lock_refuses_to_sign_a_log_edited_while_open(folder: Path) -> None:
    key = _audit_key(folder)
    owner = Vault.unlock(folder, "owner", PASSWORD)
    _events(owner, 4, "open")
    signed_before = [c.size for c in owner.audit.checkpoints()]
    with _as_auditor(folder, key) as conn:
        (top,) = conn.execute("SELECT max(seq) FROM events").fetchone()
        conn.execute("DELETE FROM events WHERE seq > ?", (top - 2,))
        _rebuild_frontier(conn)
    with pytest.raises(HistoryTamperedError, match="altered while the vault was open"):
        owner.lock()
    assert owner._lock is None  # the vault is closed and its keys wiped all the same
    with _as_auditor(folder, key) as conn:
        sizes = [int(s) for (s,) in conn.execute("SELECT size FROM checkpoints ORDER BY size")]
    assert sizes == signed_before  # nothing was signed over the edited log
    with pytest.raises(HistoryTamperedError, match="altered while the vault was open"):
        Vault.unlock(folder, "owner", PASSWORD)


def test_the_lock_refuses_to_sign_when_the_new_events_were_rewritten(folder: Path) -> None:
    """The events since the last signed head rewritten in place (same count, tree rebuilt):
    the lock recomputes them from the head vault.db holds and will not sign."""
    key = _audit_key(folder)
    owner = Vault.unlock(folder, "owner", PASSWORD)
    _events(owner, 2, "open")
    with _as_auditor(folder, key) as conn:
        (top,) = conn.execute("SELECT max(seq) FROM events").fetchone()
        conn.execute("UPDATE events SET leaf = CAST(leaf || x'20' AS BLOB) WHERE seq = ?", (top,))
        _rebuild_frontier(conn)
    with pytest.raises(HistoryTamperedError, match="refusing to sign the audit log"):
        owner.lock()
    # vault.db keeps the tree the session held: the rewritten events stay refused afterwards.
    with pytest.raises(HistoryTamperedError, match="altered while the vault was open"):
        Vault.unlock(folder, "owner", PASSWORD)


def test_an_older_audit_db_copied_back_is_refused(vault: Vault, vault_dir: Path) -> None:
    _events(vault, 3, "before")
    vault.lock()
    older = (vault_dir / "audit.db").read_bytes()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        _events(owner, 3, "after")
    (vault_dir / "audit.db").write_bytes(older)
    with pytest.raises(HistoryTamperedError, match="audit log is behind the vault"):
        Vault.unlock(vault_dir, "owner", PASSWORD)
    checked = run("verify", "--vault", str(vault_dir), env=cli_env(PASSWORD), code=1)
    assert "an older audit.db was copied back" in checked.stderr


def test_an_older_vault_db_copied_back_is_refused(vault: Vault, vault_dir: Path) -> None:
    _events(vault, 3, "before")
    vault.lock()
    older = (vault_dir / "vault.db").read_bytes()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        _events(owner, 3, "after")
    (vault_dir / "vault.db").write_bytes(older)
    with pytest.raises(HistoryTamperedError, match=r"vault\.db is older than its audit log"):
        Vault.unlock(vault_dir, "owner", PASSWORD)


def _snapshot(folder: Path, into: Path) -> None:
    shutil.copytree(folder, into)


def _restore(snapshot: Path, folder: Path) -> None:
    shutil.rmtree(folder)
    shutil.copytree(snapshot, folder)


def test_a_rolled_back_folder_is_noticed_by_the_device_that_saw_it_newer(
    vault: Vault, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.add_user(vault, MANAGER[0], Role.MANAGER, MANAGER[1])
    vault.lock()
    _snapshot(vault_dir, tmp_path / "copy-with-bob")
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        users.remove_user(owner, MANAGER[0])
        assert not owner.warnings
    _restore(tmp_path / "copy-with-bob", vault_dir)  # a folder writer puts the old folder back

    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert any("went backwards" in w and "removed" in w for w in owner.warnings)
        recorded = [e for e in owner.audit.events() if e.action == "vault.rollback"]
        assert recorded and recorded[0].outcome == "warning"
        report = verify.verify_vault(owner)
        assert any("went backwards" in p for p in report.problems)
    opened = run(
        "audit", "list", "--vault", str(vault_dir), "--user", "owner", env=cli_env(PASSWORD)
    )
    assert "vault.rollback" in opened.stdout

    # Why it matters: the rolled-back folder lets the removed manager in again ...
    with Vault.unlock(vault_dir, *MANAGER) as bob:
        assert bob.role is Role.MANAGER
    # ... and a device that never saw the newer vault cannot know (the documented limit).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "fresh-device"))
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert owner.warnings == []


def test_the_command_line_warns_loudly_when_a_vault_went_backwards(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    vault.lock()
    _snapshot(vault_dir, tmp_path / "older")
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        _events(owner, 2, "newer")
    _restore(tmp_path / "older", vault_dir)
    listed = run("audit", "list", "--vault", str(vault_dir), env=cli_env(PASSWORD))
    assert listed.stderr.startswith("WARNING: this vault went backwards")


def test_an_auditor_edit_breaks_the_auditors_own_check(folder: Path) -> None:
    """Without vault.db an auditor's unlock still checks the chain of signed checkpoints."""
    with _as_auditor(folder) as conn:
        _drop_middle_checkpoint(conn)
    with pytest.raises(HistoryTamperedError, match="is missing"):
        Vault.unlock(folder, *AUDITOR)
