"""People who can unlock the vault: add, change password, remove (with key rotation), list."""

from __future__ import annotations

from dataclasses import dataclass

from sealroom.crypto.adminsig import sign_header
from sealroom.crypto.header import VaultHeader
from sealroom.crypto.kdf import KdfParams, Password, calibrate
from sealroom.crypto.keyslots import KeySlot, Role, rewrap_private, seal_slot
from sealroom.vault import keyrotation
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.headertrust import commit_header
from sealroom.vault.session import Vault

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class User:
    name: str
    role: Role


def list_users(vault: Vault) -> list[User]:
    with vault.transaction():
        vault.audit.append("user.list")
    return [User(name, role) for name, role in vault.header.users()]


def check_new_password(password: Password) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError(
            f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(ch in name for ch in "\n\r\t"):
        raise InvalidInputError("user name must be 1-64 characters on one line", field="name")
    return name


def add_user(
    vault: Vault, name: str, role: Role, password: Password, kdf: KdfParams | None = None
) -> User:
    vault.require_owner("add people to the vault")
    name = _check_name(name)
    check_new_password(password)
    if any(existing == name for existing, _ in vault.header.users()):
        raise InvalidInputError(f"there is already a user named '{name}'", field="name")
    slot = seal_slot(
        vault.header.vault_id,
        name,
        role,
        password,
        vault.keys,
        kdf or calibrate(),
        vault.header.key_epoch,
    )
    header = _signed(vault, vault.header.with_slot(slot))
    with vault.transaction():
        vault.audit.append("user.add", name, reason=f"role {role.value}")
        commit_header(vault, header)
    return User(name, role)


def _signed(vault: Vault, header: VaultHeader) -> VaultHeader:
    """The header signed by the owner's admin key (which only an owner's slot holds)."""
    if vault.keys.admin is None:
        raise PermissionDeniedError("only an owner can change who can unlock the vault")
    return sign_header(header, vault.keys.admin)


def change_password(
    vault: Vault, name: str, new_password: Password, kdf: KdfParams | None = None
) -> None:
    """Give `name` a new password: your own, or anyone's if you are an owner.

    An owner gives the slot a fresh key pair and signs the new slot list, so an owner can reset
    a password they never knew. A manager or auditor changing their own password keeps their
    key pair (the owners' signature still holds) and re-wraps it under the new password.
    """
    if name != vault.actor.user:
        vault.require_owner("change another person's password")
    check_new_password(new_password)
    old = _slot_of(vault, name)
    keys = vault.keys
    if old.role.reads_content and keys.content is None:
        raise PermissionDeniedError("an auditor cannot reset a password of an owner or manager")
    header_now = vault.header
    epoch = header_now.key_epoch
    if keys.admin is not None:
        slot = seal_slot(
            header_now.vault_id, name, old.role, new_password, keys, kdf or calibrate(), epoch
        )
        header = _signed(vault, header_now.with_slot(slot))
    else:
        if vault.slot_private is None:
            raise PermissionDeniedError("unlock the vault again to change your password")
        slot = rewrap_private(
            header_now.vault_id,
            old,
            vault.slot_private,
            new_password,
            kdf or calibrate(),
            keys,
            epoch,
        )
        header = header_now.with_slot(slot)
    with vault.transaction():
        vault.audit.append("user.passwd", name)
        commit_header(vault, header)


def remove_user(vault: Vault, name: str) -> None:
    """Remove a person and rotate every key they held, so old copies of them open nothing new."""
    vault.require_owner("remove people from the vault")
    slot = _slot_of(vault, name)
    if name == vault.actor.user:
        raise InvalidInputError("you cannot remove yourself; ask another owner")
    owners = [n for n, r in vault.header.users() if r is Role.OWNER]
    if slot.role is Role.OWNER and len(owners) <= 1:
        raise InvalidInputError("the last owner cannot be removed")
    epoch = vault.header.key_epoch + 1
    with vault.transaction():
        vault.audit.append("user.remove", name, reason=f"keys rotated to epoch {epoch}")
        vault.audit.checkpoint()
    rotation = keyrotation.plan_removal(vault.header, vault.keys, name, vault.audit.size)
    vault.close_databases()
    keyrotation.begin(vault.folder, rotation.header)
    keyrotation.apply(vault.folder, vault.keys, rotation.keys, rotation.header)
    vault.reopen(rotation.header, rotation.keys)


def _slot_of(vault: Vault, name: str) -> KeySlot:
    for slot in vault.header.slots:
        if slot.user == name:
            return slot
    raise NotFoundError(f"no user named '{name}' in this vault")
