"""Insiders and folder writers against the keys: a planted pending header, a manager who makes
itself owner, tampered ids and roles, an older header put back, and older unsigned headers."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import rfc8785
import sqlcipher3

from sealroom.crypto import kdf
from sealroom.crypto.keyslots import (
    CompartmentKeys,
    Role,
    VaultHeader,
    renew_envelope,
    seal_slot,
)
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import CorruptDataError, UnsafeParametersError, WrongPasswordError
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
MIA_PASSWORD = "manager password 1"
ALDO_PASSWORD = "auditor password 1"
EVE_PASSWORD = "attacker password 1"
DATA = Path(__file__).parent.parent / "data"


def _team(vault: Vault) -> None:
    users.add_user(vault, "mia", Role.MANAGER, MIA_PASSWORD)
    users.add_user(vault, "aldo", Role.AUDITOR, ALDO_PASSWORD)


def _header(folder: Path, name: str = "header.json") -> VaultHeader:
    return VaultHeader.from_bytes((folder / name).read_bytes())


def _sqlcipher_opens(path: Path, key: SecretBytes) -> bool:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def _attacker_keys() -> CompartmentKeys:
    return CompartmentKeys(audit=SecretBytes.random(), content=SecretBytes.random())


def _plant_pending(folder: Path, keys: CompartmentKeys) -> VaultHeader:
    """What anyone who can write the folder can do without any secret: seal keys of their
    choosing to every slot's public key, add an owner slot of their own, epoch + 1."""
    header = _header(folder)
    epoch = header.key_epoch + 1
    slots = tuple(renew_envelope(header.vault_id, s, keys, epoch) for s in header.slots)
    eve = seal_slot(header.vault_id, "eve", Role.OWNER, EVE_PASSWORD, keys, kdf.calibrate(), epoch)
    pending = replace(header, slots=(*slots, eve), key_epoch=epoch)
    (folder / "header.next.json").write_bytes(pending.to_bytes())
    return pending


def _actions(vault: Vault, action: str) -> list[Any]:
    return [e for e in vault.audit.events(newest_first=False) if e.action == action]


def _assert_planted_header_ignored(folder: Path, keys: CompartmentKeys, before: bytes) -> None:
    with Vault.unlock(folder, "owner", PASSWORD) as opened:
        assert opened.header.key_epoch == _header(folder).key_epoch
        assert "eve" not in [name for name, _ in opened.header.users()]
        (refused,) = _actions(opened, "key.rotate")
        assert refused.outcome == "failure"
        assert "header.next.json was not used" in refused.reason
        report = verify.verify_vault(opened)
        assert not report.ok
        assert any("header.next.rejected.json" in p for p in report.problems)
    assert (folder / "header.json").read_bytes() == before
    assert not (folder / "header.next.json").exists()
    assert (folder / "header.next.rejected.json").exists()
    # Nothing was re-keyed to the attacker's keys, and the attacker's slot opens nothing.
    assert keys.content is not None
    assert not _sqlcipher_opens(folder / "vault.db", keys.content)
    assert not _sqlcipher_opens(folder / "audit.db", keys.audit)
    with pytest.raises(WrongPasswordError, match="no user 'eve'"):
        Vault.unlock(folder, "eve", EVE_PASSWORD)


# -- attack 1: a planted pending header -------------------------------------------------------


def test_a_planted_pending_header_is_ignored_and_reported(vault: Vault, vault_dir: Path) -> None:
    _team(vault)
    vault.lock()
    before = (vault_dir / "header.json").read_bytes()
    keys = _attacker_keys()
    _plant_pending(vault_dir, keys)
    _assert_planted_header_ignored(vault_dir, keys, before)
    # The people of the vault still open it, with its own keys.
    for name, password in (("mia", MIA_PASSWORD), ("aldo", ALDO_PASSWORD)):
        with Vault.unlock(vault_dir, name, password) as opened:
            assert opened.header.key_epoch == 1


def test_a_planted_pending_header_signed_by_the_attacker_is_ignored(
    vault: Vault, vault_dir: Path
) -> None:
    """The attacker signs the planted header's slot list with an admin key of their own."""
    from sealroom.crypto.adminsig import sign_header
    from sealroom.crypto.signing import generate_signing_key

    _team(vault)
    vault.lock()
    before = (vault_dir / "header.json").read_bytes()
    admin, _ = generate_signing_key()
    keys = CompartmentKeys(
        audit=SecretBytes.random(), content=SecretBytes.random(), admin=admin.copy()
    )
    pending = _plant_pending(vault_dir, keys)
    resigned = sign_header(pending, admin)
    (vault_dir / "header.next.json").write_bytes(resigned.to_bytes())
    _assert_planted_header_ignored(vault_dir, keys, before)


def test_an_auditor_is_not_stopped_by_a_planted_pending_header(
    vault: Vault, vault_dir: Path
) -> None:
    _team(vault)
    vault.lock()
    _plant_pending(vault_dir, _attacker_keys())
    with Vault.unlock(vault_dir, "aldo", ALDO_PASSWORD) as auditor:
        (refused,) = _actions(auditor, "key.rotate")
        assert refused.outcome == "failure"
    assert (vault_dir / "header.next.rejected.json").exists()


def test_a_rotation_finished_at_unlock_is_an_audit_event(vault: Vault, vault_dir: Path) -> None:
    """A removal interrupted after its pending header was written is finished by the next
    unlock of an owner or manager, and the log says so."""
    from sealroom.vault import keyrotation

    _team(vault)
    with vault.transaction():
        vault.audit.append("user.remove", "aldo", reason="keys rotated to epoch 2")
        vault.audit.checkpoint()
    rotation = keyrotation.plan_removal(vault.header, vault.keys, "aldo", vault.audit.size)
    keyrotation.begin(vault_dir, rotation.header)
    vault.close_databases()
    vault._lock.release()
    vault._lock = None  # type: ignore[assignment]
    with Vault.unlock(vault_dir, "mia", MIA_PASSWORD) as mia:
        (event,) = _actions(mia, "key.rotate")
        assert event.outcome == "success" and "epoch 2" in event.reason
        assert mia.header.key_epoch == 2
        assert verify.verify_vault(mia).ok


# -- attack 4: a manager makes itself owner ---------------------------------------------------


def _promote_mia(folder: Path, keys: CompartmentKeys) -> VaultHeader:
    """Mia (a manager, holding the content and audit keys) re-seals her slot as an owner's and
    drops the real owner, as anyone with her keys and write access to the folder could."""
    header = _header(folder)
    mia = seal_slot(
        header.vault_id, "mia", Role.OWNER, MIA_PASSWORD, keys, kdf.calibrate(), header.key_epoch
    )
    forged = replace(
        header,
        slots=tuple(mia if s.user == "mia" else s for s in header.slots if s.user != "owner"),
    )
    (folder / "header.json").write_bytes(forged.to_bytes())
    return forged


def _mia_keys(folder: Path) -> CompartmentKeys:
    with Vault.unlock(folder, "mia", MIA_PASSWORD) as manager:
        assert manager.keys.content is not None
        return CompartmentKeys(audit=manager.keys.audit.copy(), content=manager.keys.content.copy())


def test_a_manager_cannot_make_itself_owner(vault: Vault, vault_dir: Path) -> None:
    _team(vault)
    vault.lock()
    original = (vault_dir / "header.json").read_bytes()
    _promote_mia(vault_dir, _mia_keys(vault_dir))
    for name, password in (("mia", MIA_PASSWORD), ("aldo", ALDO_PASSWORD)):
        with pytest.raises(CorruptDataError, match=r"tampered with.*owners. signature"):
            Vault.unlock(vault_dir, name, password)
    assert not (vault_dir / "unlock-failures.jsonl").exists()
    (vault_dir / "header.json").write_bytes(original)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert owner.role is Role.OWNER and verify.verify_vault(owner).ok


def test_a_manager_who_signs_with_an_admin_key_of_its_own_is_refused(
    vault: Vault, vault_dir: Path
) -> None:
    from sealroom.crypto.adminsig import sign_header
    from sealroom.crypto.signing import generate_signing_key

    _team(vault)
    vault.lock()
    keys = _mia_keys(vault_dir)
    admin, _ = generate_signing_key()
    keys.admin = admin.copy()
    forged = sign_header(_promote_mia(vault_dir, keys), admin)
    (vault_dir / "header.json").write_bytes(forged.to_bytes())
    with pytest.raises(CorruptDataError, match="admin key this vault never had"):
        Vault.unlock(vault_dir, "mia", MIA_PASSWORD)
    with pytest.raises(CorruptDataError, match="admin key this vault never had"):
        Vault.unlock(vault_dir, "aldo", ALDO_PASSWORD)


def test_a_manager_holds_no_admin_key(vault: Vault, vault_dir: Path) -> None:
    _team(vault)
    assert vault.keys.admin is not None
    vault.lock()
    for name, password in (("mia", MIA_PASSWORD), ("aldo", ALDO_PASSWORD)):
        with Vault.unlock(vault_dir, name, password) as opened:
            assert opened.keys.admin is None


# -- a tampered vault id, slot id or role is tampering, not a wrong password -----------------


def _rewrite(folder: Path, change: Any) -> None:
    body = json.loads((folder / "header.json").read_bytes())
    body.pop("checksum")
    change(body)
    body["checksum"] = hashlib.sha256(rfc8785.dumps(body)).hexdigest()
    (folder / "header.json").write_bytes(json.dumps(body, indent=2, sort_keys=True).encode())


def _slot_of(body: dict[str, Any], user: str) -> dict[str, Any]:
    return next(s for s in body["slots"] if s["user"] == user)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("what", "user", "password", "change"),
    [
        ("vault id", "owner", PASSWORD, lambda b: b.update(vault_id="vlt_000000000000")),
        ("slot id", "owner", PASSWORD, lambda b: _slot_of(b, "owner").update(slot_id="0" * 16)),
        ("slot id", "aldo", ALDO_PASSWORD, lambda b: _slot_of(b, "aldo").update(slot_id="1" * 16)),
        ("role", "mia", MIA_PASSWORD, lambda b: _slot_of(b, "mia").update(role="owner")),
        ("role", "aldo", ALDO_PASSWORD, lambda b: _slot_of(b, "aldo").update(role="manager")),
        ("role", "owner", PASSWORD, lambda b: _slot_of(b, "owner").update(role="manager")),
    ],
)
def test_a_tampered_id_or_role_is_reported_as_tampering(
    vault: Vault, vault_dir: Path, what: str, user: str, password: str, change: Any
) -> None:
    _team(vault)
    vault.lock()
    original = (vault_dir / "header.json").read_bytes()
    _rewrite(vault_dir, change)
    with pytest.raises(CorruptDataError, match="tampered with") as refused:
        Vault.unlock(vault_dir, user, password)
    assert not isinstance(refused.value, WrongPasswordError), what
    assert "password" not in str(refused.value)
    assert not (vault_dir / "unlock-failures.jsonl").exists()  # not counted as a guess
    (vault_dir / "header.json").write_bytes(original)
    Vault.unlock(vault_dir, user, password).lock()


# -- weak key derivation ----------------------------------------------------------------------


def test_init_refuses_weak_key_derivation_outside_tests(tmp_path: Path) -> None:
    weak = kdf.KdfParams(salt=b"s" * 16, iterations=1, memory_kib=256, lanes=1)
    assert kdf.test_parameters_allowed()  # what the suite runs with ...
    kdf.disable_test_parameters()  # ... and what the app runs with
    try:
        for params in (weak, replace(weak, memory_kib=kdf.MIN_MEMORY_KIB)):
            with pytest.raises(UnsafeParametersError):
                Vault.create(tmp_path / "weak.sealroom", "owner", PASSWORD, params)
            assert not (tmp_path / "weak.sealroom").exists()
    finally:
        kdf.enable_test_parameters()


# -- the header recorded in vault.db ----------------------------------------------------------


def test_an_older_header_put_back_does_not_bring_back_an_old_password(
    vault: Vault, vault_dir: Path
) -> None:
    """Mia's old password leaked; the owner reset it. Putting back the header.json of before
    the reset (a valid, owner-signed header) must not make the old password work again."""
    _team(vault)
    old = (vault_dir / "header.json").read_bytes()
    users.change_password(vault, "mia", "mia's new password")
    current = (vault_dir / "header.json").read_bytes()
    vault.lock()
    (vault_dir / "header.json").write_bytes(old)
    with pytest.raises(CorruptDataError, match="older or altered copy"):
        Vault.unlock(vault_dir, "mia", MIA_PASSWORD)
    assert (vault_dir / "header.json").read_bytes() == current  # the recorded one, put back
    with pytest.raises(WrongPasswordError):
        Vault.unlock(vault_dir, "mia", MIA_PASSWORD)
    with Vault.unlock(vault_dir, "mia", "mia's new password") as mia:
        (restore,) = _actions(mia, "header.restore")
        assert restore.outcome == "failure"


def test_an_older_header_put_back_is_restored_at_the_owners_unlock(
    vault: Vault, vault_dir: Path
) -> None:
    _team(vault)
    old = (vault_dir / "header.json").read_bytes()
    users.change_password(vault, "mia", "mia's new password")
    current = (vault_dir / "header.json").read_bytes()
    vault.lock()
    (vault_dir / "header.json").write_bytes(old)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert _actions(owner, "header.restore")
    assert (vault_dir / "header.json").read_bytes() == current


def test_the_recorded_header_follows_every_change(vault: Vault, vault_dir: Path) -> None:
    from sealroom.vault.headertrust import header_sha256, recorded

    _team(vault)
    users.change_password(vault, "mia", "mia's new password")
    users.remove_user(vault, "aldo")
    kept = recorded(vault.conn)
    assert kept is not None
    assert header_sha256(kept) == header_sha256(_header(vault_dir))
    vault.lock()
    with Vault.unlock(vault_dir, "mia", "mia's new password") as mia:
        users.change_password(mia, "mia", "mia's third password")
        assert mia.header.admin_public_key is not None  # her own change keeps the signature
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert not _actions(owner, "header.restore")
        assert verify.verify_vault(owner).ok


# -- older vaults without a signed slot list --------------------------------------------------


def test_an_older_unsigned_header_is_signed_by_the_first_owner_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "vault-schema1"
    shutil.copytree(DATA / "vault-schema1", folder)
    unsigned = (folder / "header.json").read_bytes()
    assert json.loads(unsigned)["version"] == 1

    # An auditor (or manager) opens it as it is, and the log says the list is not signed yet.
    with Vault.unlock(folder, "auditor", "golden-auditor-pw") as auditor:
        (warning,) = _actions(auditor, "header.unsigned")
        assert warning.outcome == "warning"
    assert (folder / "header.json").read_bytes() == unsigned

    with Vault.unlock(folder, "owner", "golden-owner-pw") as owner:
        assert owner.header.admin_public_key is not None
        assert owner.keys.admin is not None
        assert len(_actions(owner, "header.sign")) == 1
        assert verify.verify_vault(owner).ok
        brief = assets.get_asset(owner, "ast_124bfc8fce03")
        assert assets.read_asset(owner, brief.id).startswith(b"Schema 1 golden vault")
    assert json.loads((folder / "header.json").read_bytes())["version"] == 2
    with Vault.unlock(folder, "auditor", "golden-auditor-pw") as auditor:
        assert len(_actions(auditor, "header.unsigned")) == 1  # no new warning
        assert auditor.keys.admin is None

    # Putting the unsigned header back (to drop the signature) is refused for everyone.
    (folder / "header.json").write_bytes(unsigned)
    for user, password in (("owner", "golden-owner-pw"), ("auditor", "golden-auditor-pw")):
        with pytest.raises(CorruptDataError, match="lost the owners' signature"):
            Vault.unlock(folder, user, password)
