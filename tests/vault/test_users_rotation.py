"""People and keys: adding, passwords, removal with key rotation, interrupted rotations, and
the auditor's slot that cannot produce the content key."""

from __future__ import annotations

import contextlib
import hashlib
import random
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto.keyslots import (
    CompartmentKeys,
    Role,
    VaultHeader,
    open_slot,
    unlock_private_key,
)
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import keyrotation, users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import (
    CorruptDataError,
    InvalidInputError,
    PermissionDeniedError,
    WrongPasswordError,
)
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import open_database, query, rekey

PASSWORDS = {
    "owner": "correct horse battery",
    "mia": "manager password 1",
    "aldo": "auditor password 1",
    "leo": "leaver password 1",
    "olga": "second owner password",
}
ROLES = {
    "mia": Role.MANAGER,
    "aldo": Role.AUDITOR,
    "leo": Role.MANAGER,
    "olga": Role.OWNER,
}


def _add(vault: Vault, *names: str) -> None:
    for name in names:
        users.add_user(vault, name, ROLES[name], PASSWORDS[name])


def _unlock(folder: Path, name: str, password: str | None = None) -> Vault:
    return Vault.unlock(folder, name, password or PASSWORDS[name])


def _import(vault: Vault, folder: Path, seed: int) -> tuple[assets.Asset, bytes]:
    data = random.Random(seed).randbytes(150_000)
    path = folder / f"asset-{seed}.bin"
    path.write_bytes(data)
    return assets.import_file(vault, path), data


def _sqlcipher_opens(path: Path, key: SecretBytes) -> bool:
    """Open a database directly with SQLCipher (no Sealroom code in between)."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def _assert_keys_open_nothing(folder: Path, keys: CompartmentKeys) -> None:
    assert not _sqlcipher_opens(folder / "audit.db", keys.audit)
    with pytest.raises(CorruptDataError):
        open_database(folder / "audit.db", keys.audit).close()
    if keys.content is not None:
        assert not _sqlcipher_opens(folder / "vault.db", keys.content)
        with pytest.raises(CorruptDataError):
            open_database(folder / "vault.db", keys.content).close()


def _slot_keys(header_bytes: bytes, name: str) -> CompartmentKeys:
    header = VaultHeader.from_bytes(header_bytes)
    return open_slot(header.vault_id, header.slot_for(name), PASSWORDS[name], header.key_epoch)


def test_add_users_with_roles(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    _add(vault, "mia", "aldo")
    assert users.list_users(vault) == [
        users.User("owner", Role.OWNER),
        users.User("mia", Role.MANAGER),
        users.User("aldo", Role.AUDITOR),
    ]
    for name, role, password, message in [
        ("mia", Role.MANAGER, "long enough pw", "already a user named 'mia'"),
        ("new", Role.MANAGER, "short", "at least 8 characters"),
        ("   ", Role.MANAGER, "long enough pw", "1-64 characters"),
        ("two\nlines", Role.MANAGER, "long enough pw", "1-64 characters"),
        ("x" * 65, Role.MANAGER, "long enough pw", "1-64 characters"),
    ]:
        with pytest.raises(InvalidInputError, match=message):
            users.add_user(vault, name, role, password)
    vault.lock()

    with _unlock(vault_dir, "mia") as manager:
        assert manager.role is Role.MANAGER and manager.keys.content is not None
        asset, data = _import(manager, tmp_path, seed=1)
        assert assets.read_asset(manager, asset.id) == data
        with pytest.raises(PermissionDeniedError, match="only an owner"):
            users.add_user(manager, "eve", Role.OWNER, "long enough pw")
        with pytest.raises(PermissionDeniedError, match="only an owner"):
            users.remove_user(manager, "aldo")
        with pytest.raises(PermissionDeniedError, match="only an owner"):
            users.change_password(manager, "owner", "taken over pw")
    with _unlock(vault_dir, "aldo") as auditor:
        assert auditor.role is Role.AUDITOR and auditor.keys.content is None
        with pytest.raises(PermissionDeniedError):
            users.add_user(auditor, "eve", Role.AUDITOR, "long enough pw")
        assert verify.verify_vault(auditor).ok
    for name in ("mia", "aldo"):
        with pytest.raises(WrongPasswordError):
            _unlock(vault_dir, name, PASSWORDS["owner"])


def test_auditor_slot_from_header_json_gives_no_content_key(vault: Vault, vault_dir: Path) -> None:
    _add(vault, "aldo")
    vault.lock()
    header_bytes = (vault_dir / "header.json").read_bytes()
    header = VaultHeader.from_bytes(header_bytes)
    owner_keys = _slot_keys(header_bytes, "owner")
    auditor_keys = _slot_keys(header_bytes, "aldo")
    assert owner_keys.content is not None
    assert auditor_keys.content is None
    assert auditor_keys.audit == owner_keys.audit
    # The audit key opens the audit log and nothing else.
    assert _sqlcipher_opens(vault_dir / "audit.db", auditor_keys.audit)
    assert not _sqlcipher_opens(vault_dir / "vault.db", auditor_keys.audit)

    slot = header.slot_for("aldo")
    with unlock_private_key(header.vault_id, slot, PASSWORDS["aldo"]) as private:
        eph_public, nonce, sealed = slot.envelope[:32], slot.envelope[32:44], slot.envelope[44:]
        shared = X25519PrivateKey.from_private_bytes(bytes(private.value)).exchange(
            X25519PublicKey.from_public_bytes(eph_public)
        )
        private_bytes = bytes(private.value)
    envelope_key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=eph_public + slot.public_key,
        info=b"sealroom key envelope",
    ).derive(shared)
    plain = AESGCM(envelope_key).decrypt(
        nonce, sealed, slot.binding(header.vault_id, header.key_epoch)
    )
    content = bytes(owner_keys.content.value)
    assert plain == b"A" + bytes(owner_keys.audit.value)
    assert content not in plain
    assert content not in private_bytes
    assert content not in header_bytes


def test_change_password(vault: Vault, vault_dir: Path) -> None:
    _add(vault, "mia", "aldo")
    users.change_password(vault, "mia", "mia's new password")
    with pytest.raises(InvalidInputError, match="at least 8"):
        users.change_password(vault, "mia", "short")
    vault.lock()
    with pytest.raises(WrongPasswordError):
        _unlock(vault_dir, "mia")
    with _unlock(vault_dir, "mia", "mia's new password") as manager:
        users.change_password(manager, "mia", "mia's third password")
        with pytest.raises(PermissionDeniedError):
            users.change_password(manager, "aldo", "not yours to set")
    with _unlock(vault_dir, "aldo") as auditor:
        with pytest.raises(PermissionDeniedError):
            users.change_password(auditor, "owner", "not yours to set")
        users.change_password(auditor, "aldo", "aldo's new password")
    for name, old in (("mia", "mia's new password"), ("aldo", PASSWORDS["aldo"])):
        with pytest.raises(WrongPasswordError):
            _unlock(vault_dir, name, old)
    with _unlock(vault_dir, "mia", "mia's third password") as manager:
        assert manager.role is Role.MANAGER
    with _unlock(vault_dir, "aldo", "aldo's new password") as auditor:
        assert auditor.keys.content is None
    with _unlock(vault_dir, "owner") as owner:
        users.change_password(owner, "owner", "owner's new password")
    with pytest.raises(WrongPasswordError):
        _unlock(vault_dir, "owner")
    with _unlock(vault_dir, "owner", "owner's new password") as owner:
        assert verify.verify_vault(owner).ok


def test_removing_a_manager_rotates_every_key(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    _add(vault, "mia", "aldo", "leo")
    first, first_data = _import(vault, tmp_path, seed=2)
    party = parties.add_party(vault, "Northwind", "brand")
    old_header = (vault_dir / "header.json").read_bytes()
    old_epoch = vault.header.key_epoch
    leo_keys = _slot_keys(old_header, "leo")
    assert leo_keys.content == vault.keys.content  # what leo could know before

    users.remove_user(vault, "leo")
    assert vault.header.key_epoch == old_epoch + 1
    assert "leo" not in [u.name for u in users.list_users(vault)]
    assert vault.keys.content != leo_keys.content and vault.keys.audit != leo_keys.audit
    # The session goes on under the new keys.
    assert assets.read_asset(vault, first.id) == first_data
    second, second_data = _import(vault, tmp_path, seed=3)
    epochs = {row[0] for row in query(vault.conn, "SELECT key_epoch FROM blobs")}
    assert epochs == {old_epoch + 1}
    assert verify.verify_vault(vault).ok
    vault.lock()
    assert not (vault_dir / "header.next.json").exists()

    _assert_keys_open_nothing(vault_dir, leo_keys)
    with pytest.raises(WrongPasswordError, match="no user 'leo'"):
        _unlock(vault_dir, "leo")

    # Putting the old header back does not let leo in either, and harms nothing.
    current = (vault_dir / "header.json").read_bytes()
    (vault_dir / "header.json").write_bytes(old_header)
    with pytest.raises(CorruptDataError):
        _unlock(vault_dir, "leo")
    (vault_dir / "header.json").write_bytes(current)

    for name in ("owner", "mia"):
        with _unlock(vault_dir, name) as opened:
            assert assets.read_asset(opened, first.id) == first_data
            assert assets.read_asset(opened, second.id) == second_data
            assert parties.get_party(opened, party.id).name == "Northwind"
            report = verify.verify_vault(opened)
            assert report.ok and report.blobs_checked == 2 and report.checkpoints_checked >= 1
    with _unlock(vault_dir, "aldo") as auditor:
        assert verify.verify_vault(auditor).ok
        removals = [e for e in auditor.audit.events() if e.action == "user.remove"]
        assert [e.object for e in removals] == ["leo"]


def test_removing_an_auditor_rotates_the_audit_key(vault: Vault, vault_dir: Path) -> None:
    _add(vault, "aldo")
    old_header = (vault_dir / "header.json").read_bytes()
    aldo_keys = _slot_keys(old_header, "aldo")
    content_before = vault.keys.content
    assert content_before is not None
    content_before = content_before.copy()
    users.remove_user(vault, "aldo")
    assert vault.keys.audit != aldo_keys.audit
    vault.lock()
    _assert_keys_open_nothing(vault_dir, aldo_keys)
    with _unlock(vault_dir, "owner") as owner:
        assert owner.keys.content == content_before
        assert verify.verify_vault(owner).ok


def test_the_last_owner_always_remains(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(InvalidInputError, match="cannot remove yourself"):
        users.remove_user(vault, "owner")
    _add(vault, "olga")
    vault.lock()
    with _unlock(vault_dir, "olga") as olga:
        users.remove_user(olga, "owner")
        assert users.list_users(olga) == [users.User("olga", Role.OWNER)]
        with pytest.raises(InvalidInputError, match=r"cannot remove yourself|last owner"):
            users.remove_user(olga, "olga")
        assert verify.verify_vault(olga).ok
    with pytest.raises(WrongPasswordError):
        _unlock(vault_dir, "owner")
    with _unlock(vault_dir, "olga") as olga:
        assert [u.role for u in users.list_users(olga)] == [Role.OWNER]


def _crash(vault: Vault) -> None:
    """Stop as a killed program would: no lock event, no checkpoint, the folder lock released."""
    vault.close_databases()
    vault.keys.wipe()
    vault._lock.release()
    vault._lock = None  # type: ignore[assignment]


def _interrupt_removal(vault: Vault, name: str, stage: str) -> CompartmentKeys:
    """Do what `users.remove_user` does, stopping where a crash could: after writing the
    pending header ("begin"), after re-keying audit.db ("audit") or vault.db too ("content").
    Return the keys the removed person held."""
    folder = vault.folder
    header = vault.header
    assert vault.keys.content is not None
    old = CompartmentKeys(audit=vault.keys.audit.copy(), content=vault.keys.content.copy())
    removed = _slot_keys((folder / "header.json").read_bytes(), name)
    epoch = header.key_epoch + 1
    with vault.transaction():
        vault.audit.append("user.remove", name, reason=f"keys rotated to epoch {epoch}")
        vault.audit.checkpoint()
    rotation = keyrotation.plan_removal(header, vault.keys, name, vault.audit.size)
    new = rotation.keys
    _crash(vault)
    keyrotation.begin(folder, rotation.header)
    if stage in ("audit", "content"):
        with contextlib.closing(open_database(folder / "audit.db", old.audit)) as db:
            rekey(db, new.audit)
    if stage == "content":
        assert old.content is not None and new.content is not None
        with contextlib.closing(open_database(folder / "vault.db", old.content)) as db:
            rekey(db, new.content)
    return removed


@pytest.mark.parametrize(
    ("stage", "finisher"),
    [("begin", "owner"), ("audit", "owner"), ("content", "owner"), ("audit", "mia")],
)
def test_an_interrupted_rotation_is_finished_at_the_next_unlock(
    vault: Vault, vault_dir: Path, tmp_path: Path, stage: str, finisher: str
) -> None:
    _add(vault, "mia", "aldo", "leo")
    asset, data = _import(vault, tmp_path, seed=4)
    epoch = vault.header.key_epoch
    leo_keys = _interrupt_removal(vault, "leo", stage)
    assert (vault_dir / "header.next.json").exists()

    # Neither the removed person nor an auditor can open (or finish) it meanwhile.
    with pytest.raises(PermissionDeniedError, match="removed"):
        _unlock(vault_dir, "leo")
    with pytest.raises(PermissionDeniedError, match="owner or manager"):
        _unlock(vault_dir, "aldo")
    assert (vault_dir / "header.next.json").exists()

    with _unlock(vault_dir, finisher) as opened:
        assert opened.header.key_epoch == epoch + 1
        assert not (vault_dir / "header.next.json").exists()
        assert VaultHeader.from_bytes((vault_dir / "header.json").read_bytes()) == opened.header
        assert "leo" not in [name for name, _ in opened.header.users()]
        assert assets.read_asset(opened, asset.id) == data
        report = verify.verify_vault(opened)
        assert report.ok and report.blobs_checked == 1
    _assert_keys_open_nothing(vault_dir, leo_keys)
    for name in ("owner", "mia"):
        with _unlock(vault_dir, name) as again:
            assert hashlib.sha256(assets.read_asset(again, asset.id)).hexdigest() == asset.sha256
    with _unlock(vault_dir, "aldo") as auditor:
        assert verify.verify_vault(auditor).ok
