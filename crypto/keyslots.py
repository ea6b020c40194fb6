"""The vault header: one key slot per person, each wrapping the compartment keys of their role.

Every ciphertext in a slot carries associated data binding the vault id, slot id, user, role and
KDF parameters, so moving a slot under another name or role fails to unwrap. The whole header
carries a SHA-256 checksum so that accidental damage is told apart from a wrong password; the
owners' signature over the slot list (`header`, `adminsig`) tells tampering apart from both.
`VaultHeader` lives in `header` and is re-exported here.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import rfc8785
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto.errors import CorruptDataError, WrongPasswordError
from sealroom.crypto.kdf import KdfParams, Password, check_new_params, derive_key
from sealroom.crypto.secretbytes import SecretBytes

HEADER_FORMAT = "sealroom-vault"
KEY_BYTES = 32
_CONTENT_TAG = b"C"
_AUDIT_TAG = b"A"
_ADMIN_TAG = b"D"


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    AUDITOR = "auditor"

    @property
    def reads_content(self) -> bool:
        return self is not Role.AUDITOR


@dataclass
class CompartmentKeys:
    """The vault keys; an auditor's slot yields the audit key only, and only an owner's slot
    holds the admin key (the Ed25519 seed that signs the header's slot list)."""

    audit: SecretBytes
    content: SecretBytes | None = None
    admin: SecretBytes | None = None

    def for_role(self, role: Role) -> CompartmentKeys:
        content = self.content.copy() if role.reads_content and self.content else None
        admin = self.admin.copy() if role is Role.OWNER and self.admin else None
        return CompartmentKeys(audit=self.audit.copy(), content=content, admin=admin)

    def wipe(self) -> None:
        self.audit.wipe()
        if self.content is not None:
            self.content.wipe()
        if self.admin is not None:
            self.admin.wipe()

    def _plaintext(self) -> bytearray:
        out: bytearray = bytearray(_AUDIT_TAG) + self.audit.value
        if self.content is not None:
            out += _CONTENT_TAG + self.content.value
        if self.admin is not None:
            out += _ADMIN_TAG + self.admin.value
        return out

    @classmethod
    def _parse(cls, plain: bytes | bytearray) -> CompartmentKeys:
        found: dict[bytes, SecretBytes] = {}
        for offset in range(0, len(plain), 1 + KEY_BYTES):
            tag = bytes(plain[offset : offset + 1])
            found[tag] = SecretBytes(plain[offset + 1 : offset + 1 + KEY_BYTES])
        audit = found.get(_AUDIT_TAG)
        if audit is None or any(len(k) != KEY_BYTES for k in found.values()):
            raise CorruptDataError("key slot holds no audit key")
        return cls(audit=audit, content=found.get(_CONTENT_TAG), admin=found.get(_ADMIN_TAG))


@dataclass(frozen=True)
class KeySlot:
    """One person's way in: an X25519 key pair whose private half is wrapped by their password,
    and an envelope of the compartment keys of their role sealed to its public half.

    The envelope can be renewed without the person's password, which is what lets an owner
    rotate the vault keys when someone else is removed.
    """

    slot_id: str
    user: str
    role: Role
    kdf: KdfParams
    public_key: bytes
    wrapped_private: bytes
    envelope: bytes

    def binding(self, vault_id: str, epoch: int) -> bytes:
        return _slot_binding(vault_id, self.slot_id, self.user, self.role, self.kdf, epoch)

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "user": self.user,
            "role": self.role.value,
            "kdf": self.kdf.to_json(),
            "public_key": _b64(self.public_key),
            "wrapped_private": _b64(self.wrapped_private),
            "envelope": _b64(self.envelope),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        return cls(
            slot_id=str(data["slot_id"]),
            user=str(data["user"]),
            role=Role(data["role"]),
            kdf=KdfParams.from_json(data["kdf"]),
            public_key=base64.b64decode(data["public_key"], validate=True),
            wrapped_private=base64.b64decode(data["wrapped_private"], validate=True),
            envelope=base64.b64decode(data["envelope"], validate=True),
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _slot_binding(
    vault_id: str, slot_id: str, user: str, role: Role, kdf: KdfParams, epoch: int | None
) -> bytes:
    fields: dict[str, Any] = {
        "format": HEADER_FORMAT,
        "vault_id": vault_id,
        "slot_id": slot_id,
        "user": user,
        "role": role.value,
        "kdf": kdf.to_json(),
    }
    if epoch is not None:
        fields["key_epoch"] = epoch
    return rfc8785.dumps(fields)


def _envelope_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=b"sealroom key envelope",
    ).derive(shared)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _seal_envelope(public_key: bytes, keys: CompartmentKeys, binding: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    nonce = secrets.token_bytes(12)
    plain = keys._plaintext()
    try:
        sealed = AESGCM(_envelope_key(shared, ephemeral_public, public_key)).encrypt(
            nonce, bytes(plain), binding
        )
    finally:
        plain[:] = bytes(len(plain))
    return ephemeral_public + nonce + sealed


def seal_slot(
    vault_id: str,
    user: str,
    role: Role,
    password: Password,
    keys: CompartmentKeys,
    kdf: KdfParams,
    epoch: int,
) -> KeySlot:
    """Create a slot for `user`, holding only the keys that `role` may use."""
    check_new_params(kdf)
    slot_id = secrets.token_hex(8)
    private = X25519PrivateKey.generate()
    public = _raw_public(private.public_key())
    private_raw = SecretBytes(
        private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )
    binding = _slot_binding(vault_id, slot_id, user, role, kdf, None)
    with private_raw, derive_key(password, kdf) as wrapping_key:
        nonce = secrets.token_bytes(12)
        wrapped = nonce + AESGCM(wrapping_key.value).encrypt(
            nonce, bytes(private_raw.value), binding
        )
    slot = KeySlot(slot_id, user, role, kdf, public, wrapped, b"")
    return renew_envelope(vault_id, slot, keys, epoch)


def renew_envelope(vault_id: str, slot: KeySlot, keys: CompartmentKeys, epoch: int) -> KeySlot:
    """Seal (new) compartment keys to an existing slot; no password needed."""
    allowed = keys.for_role(slot.role)
    try:
        envelope = _seal_envelope(slot.public_key, allowed, slot.binding(vault_id, epoch))
    finally:
        allowed.wipe()
    return replace(slot, envelope=envelope)


def unlock_private_key(vault_id: str, slot: KeySlot, password: Password) -> SecretBytes:
    """The slot's private key, or WrongPasswordError."""
    binding = _slot_binding(vault_id, slot.slot_id, slot.user, slot.role, slot.kdf, None)
    with derive_key(password, slot.kdf) as wrapping_key:
        try:
            return SecretBytes(
                AESGCM(wrapping_key.value).decrypt(
                    slot.wrapped_private[:12], slot.wrapped_private[12:], binding
                )
            )
        except InvalidTag:
            raise WrongPasswordError(f"wrong password for user '{slot.user}'") from None


def open_envelope(
    vault_id: str, slot: KeySlot, private_key: SecretBytes, epoch: int
) -> CompartmentKeys:
    """The compartment keys sealed to this slot, or CorruptDataError."""
    envelope = slot.envelope
    ephemeral_public, nonce, sealed = envelope[:32], envelope[32:44], envelope[44:]
    try:
        shared = X25519PrivateKey.from_private_bytes(bytes(private_key.value)).exchange(
            X25519PublicKey.from_public_bytes(ephemeral_public)
        )
        plain = bytearray(
            AESGCM(_envelope_key(shared, ephemeral_public, slot.public_key)).decrypt(
                nonce, sealed, slot.binding(vault_id, epoch)
            )
        )
    except (InvalidTag, ValueError):
        raise CorruptDataError(
            f"key slot of '{slot.user}' is damaged or was moved from another user or role"
        ) from None
    try:
        keys = CompartmentKeys._parse(plain)
    finally:
        plain[:] = bytes(len(plain))
    if slot.role.reads_content != (keys.content is not None) or (
        keys.admin is not None and slot.role is not Role.OWNER
    ):
        keys.wipe()
        raise CorruptDataError(f"key slot of '{slot.user}' does not match its role")
    return keys


def open_slot(vault_id: str, slot: KeySlot, password: Password, epoch: int) -> CompartmentKeys:
    with unlock_private_key(vault_id, slot, password) as private_key:
        return open_envelope(vault_id, slot, private_key, epoch)


def public_key_of(private_key: SecretBytes) -> bytes:
    """The X25519 public half of a slot's private key."""
    return _raw_public(X25519PrivateKey.from_private_bytes(bytes(private_key.value)).public_key())


def rewrap_private(
    vault_id: str,
    slot: KeySlot,
    private_key: SecretBytes,
    password: Password,
    kdf: KdfParams,
    keys: CompartmentKeys,
    epoch: int,
) -> KeySlot:
    """The same slot (same key pair, so the owners' signature still holds) under a new password."""
    check_new_params(kdf)
    binding = _slot_binding(vault_id, slot.slot_id, slot.user, slot.role, kdf, None)
    with derive_key(password, kdf) as wrapping_key:
        nonce = secrets.token_bytes(12)
        wrapped = nonce + AESGCM(wrapping_key.value).encrypt(
            nonce, bytes(private_key.value), binding
        )
    return renew_envelope(vault_id, replace(slot, kdf=kdf, wrapped_private=wrapped), keys, epoch)


if TYPE_CHECKING:
    from sealroom.crypto.header import EpochKey, VaultHeader


def __getattr__(name: str) -> Any:
    if name in ("EpochKey", "VaultHeader"):  # defined in `header`, which imports this module
        from sealroom.crypto import header

        return getattr(header, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CompartmentKeys",
    "EpochKey",
    "KeySlot",
    "Role",
    "VaultHeader",
    "open_envelope",
    "open_slot",
    "public_key_of",
    "renew_envelope",
    "rewrap_private",
    "seal_slot",
    "unlock_private_key",
]
