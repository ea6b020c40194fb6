"""The vault header: one key slot per person, each wrapping the compartment keys of their role.

Every ciphertext in a slot carries associated data binding the vault id, slot id, user, role and
KDF parameters, so moving a slot under another name or role fails to unwrap. The whole header
carries a SHA-256 checksum so that accidental damage is told apart from a wrong password (an
attacker can recompute the checksum, but then only gets "wrong password").
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto.errors import CorruptDataError, WrongPasswordError
from sealroom.crypto.kdf import KdfParams, derive_key
from sealroom.crypto.secretbytes import SecretBytes

HEADER_FORMAT = "sealroom-vault"
HEADER_VERSION = 1
KEY_BYTES = 32
_CONTENT_TAG = b"C"
_AUDIT_TAG = b"A"


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    AUDITOR = "auditor"

    @property
    def reads_content(self) -> bool:
        return self is not Role.AUDITOR


@dataclass
class CompartmentKeys:
    """The two vault keys; an auditor's slot yields the audit key only."""

    audit: SecretBytes
    content: SecretBytes | None = None

    def for_role(self, role: Role) -> CompartmentKeys:
        content = self.content.copy() if role.reads_content and self.content else None
        return CompartmentKeys(audit=self.audit.copy(), content=content)

    def wipe(self) -> None:
        self.audit.wipe()
        if self.content is not None:
            self.content.wipe()

    def _plaintext(self) -> bytearray:
        out: bytearray = bytearray(_AUDIT_TAG) + self.audit.value
        if self.content is not None:
            out += _CONTENT_TAG + self.content.value
        return out

    @classmethod
    def _parse(cls, plain: bytes | bytearray) -> CompartmentKeys:
        audit: SecretBytes | None = None
        content: SecretBytes | None = None
        for offset in range(0, len(plain), 1 + KEY_BYTES):
            tag = bytes(plain[offset : offset + 1])
            key = SecretBytes(plain[offset + 1 : offset + 1 + KEY_BYTES])
            if tag == _AUDIT_TAG:
                audit = key
            elif tag == _CONTENT_TAG:
                content = key
        if audit is None or len(audit) != KEY_BYTES:
            raise CorruptDataError("key slot holds no audit key")
        return cls(audit=audit, content=content)


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
    password: str,
    keys: CompartmentKeys,
    kdf: KdfParams,
    epoch: int,
) -> KeySlot:
    """Create a slot for `user`, holding only the keys that `role` may use."""
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


def unlock_private_key(vault_id: str, slot: KeySlot, password: str) -> SecretBytes:
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
    if slot.role.reads_content != (keys.content is not None):
        keys.wipe()
        raise CorruptDataError(f"key slot of '{slot.user}' does not match its role")
    return keys


def open_slot(vault_id: str, slot: KeySlot, password: str, epoch: int) -> CompartmentKeys:
    with unlock_private_key(vault_id, slot, password) as private_key:
        return open_envelope(vault_id, slot, private_key, epoch)


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    signing_public_key: bytes
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    key_epoch: int = 1

    def slot_for(self, user: str) -> KeySlot:
        for slot in self.slots:
            if slot.user == user:
                return slot
        raise WrongPasswordError(f"no user '{user}' in this vault")

    def users(self) -> list[tuple[str, Role]]:
        return [(slot.user, slot.role) for slot in self.slots]

    def with_slot(self, slot: KeySlot) -> VaultHeader:
        others = tuple(s for s in self.slots if s.user != slot.user)
        return replace(self, slots=(*others, slot))

    def without_user(self, user: str) -> VaultHeader:
        return replace(self, slots=tuple(s for s in self.slots if s.user != user))

    def _body(self) -> dict[str, Any]:
        return {
            "format": HEADER_FORMAT,
            "version": HEADER_VERSION,
            "vault_id": self.vault_id,
            "key_epoch": self.key_epoch,
            "signing_public_key": _b64(self.signing_public_key),
            "slots": [slot.to_json() for slot in self.slots],
        }

    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = hashlib.sha256(rfc8785.dumps(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        try:
            body = json.loads(data)
            if not isinstance(body, dict):
                raise ValueError("not an object")
            checksum = body.pop("checksum")
        except (ValueError, KeyError, UnicodeDecodeError) as exc:
            raise CorruptDataError("vault header is damaged: it is not valid header JSON") from exc
        if hashlib.sha256(rfc8785.dumps(body)).hexdigest() != checksum:
            raise CorruptDataError("vault header is damaged: its checksum does not match")
        if body.get("format") != HEADER_FORMAT:
            raise CorruptDataError("this folder is not a Sealroom vault")
        if body.get("version") != HEADER_VERSION:
            raise CorruptDataError(
                f"vault header version {body.get('version')} is not supported by this Sealroom"
            )
        try:
            return cls(
                vault_id=str(body["vault_id"]),
                signing_public_key=base64.b64decode(body["signing_public_key"], validate=True),
                slots=tuple(KeySlot.from_json(s) for s in body["slots"]),
                key_epoch=int(body["key_epoch"]),
            )
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise CorruptDataError(f"vault header is damaged: {exc}") from exc
