"""People who can unlock the vault: add, change password, remove (with key rotation), list."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sealroom.crypto.kdf import KdfParams, calibrate
from sealroom.crypto.keyslots import CompartmentKeys, KeySlot, Role, renew_envelope, seal_slot
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import keyrotation
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.layout import write_header
from sealroom.vault.session import Vault

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class User:
    name: str
    role: Role


def list_users(vault: Vault, *, lookup: bool = False) -> list[User]:
    vault.record_listing("user.list", lookup=lookup)
    return [User(name, role) for name, role in vault.header.users()]


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(ch in name for ch in "\n\r\t"):
        raise InvalidInputError("user name must be 1-64 characters on one line")
    return name


def add_user(
    vault: Vault, name: str, role: Role, password: str, kdf: KdfParams | None = None
) -> User:
    vault.require_owner("add people to the vault")
    name = _check_name(name)
    check_new_password(password)
    if any(existing == name for existing, _ in vault.header.users()):
        raise InvalidInputError(f"there is already a user named '{name}'")
    slot = seal_slot(
        vault.header.vault_id,
        name,
        role,
        password,
        vault.keys,
        kdf or calibrate(),
        vault.header.key_epoch,
    )
    header = vault.header.with_slot(slot)
    with vault.transaction():
        vault.audit.append("user.add", name, reason=f"role {role.value}")
        write_header(vault.folder, header)
    vault.header = header
    return User(name, role)


def change_password(
    vault: Vault, name: str, new_password: str, kdf: KdfParams | None = None
) -> None:
    """Give `name` a new password: your own, or anyone's if you are an owner.

    The slot gets a fresh key pair, so an owner can reset a password they never knew.
    """
    if name != vault.actor.user:
        vault.require_owner("change another person's password")
    check_new_password(new_password)
    old = _slot_of(vault, name)
    keys = vault.keys
    if old.role.reads_content and keys.content is None:
        raise PermissionDeniedError("an auditor cannot reset a password of an owner or manager")
    slot = seal_slot(
        vault.header.vault_id,
        name,
        old.role,
        new_password,
        keys,
        kdf or calibrate(),
        vault.header.key_epoch,
    )
    header = vault.header.with_slot(slot)
    with vault.transaction():
        vault.audit.append("user.passwd", name)
        write_header(vault.folder, header)
    vault.header = header


def remove_user(vault: Vault, name: str) -> None:
    """Remove a person and rotate every key they held, so old copies of them open nothing new."""
    vault.require_owner("remove people from the vault")
    slot = _slot_of(vault, name)
    if name == vault.actor.user:
        raise InvalidInputError("you cannot remove yourself; ask another owner")
    owners = [n for n, r in vault.header.users() if r is Role.OWNER]
    if slot.role is Role.OWNER and len(owners) <= 1:
        raise InvalidInputError("the last owner cannot be removed")
    assert vault.keys.content is not None
    new_keys = CompartmentKeys(
        audit=SecretBytes.random(),
        content=SecretBytes.random() if slot.role.reads_content else vault.keys.content.copy(),
    )
    epoch = vault.header.key_epoch + 1
    remaining = vault.header.without_user(name)
    renewed = tuple(renew_envelope(remaining.vault_id, s, new_keys, epoch) for s in remaining.slots)
    new_header = replace(remaining, slots=renewed, key_epoch=epoch)
    with vault.transaction():
        vault.audit.append("user.remove", name, reason=f"keys rotated to epoch {epoch}")
        vault.audit.checkpoint()
    vault.close_databases()
    keyrotation.begin(vault.folder, new_header)
    keyrotation.apply(vault.folder, vault.keys, new_keys, epoch)
    vault.reopen(new_header, new_keys)


def _slot_of(vault: Vault, name: str) -> KeySlot:
    for slot in vault.header.slots:
        if slot.user == name:
            return slot
    raise NotFoundError(f"no user named '{name}' in this vault")
