"""The vault header file: its slots, key epoch, signing keys and the owners' signature.

Version 2 headers add what a checksum cannot give: the list of people, roles, slot public keys,
the key epoch and the signing keys is signed by the owners' admin key (see `adminsig`), whose
private half is sealed in owner slots only. Version 1 headers (older vaults) are still read; an
owner's unlock upgrades them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

import rfc8785

from sealroom.crypto.errors import CorruptDataError, WrongPasswordError
from sealroom.crypto.keyslots import HEADER_FORMAT, KeySlot, Role

HEADER_VERSION = 2
LEGACY_HEADER_VERSION = 1
MAX_HEADER_BYTES = 4 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@dataclass(frozen=True)
class EpochKey:
    """A checkpoint-signing public key and the audit-log size after which it signs: checkpoints
    of `after_size + 1` events and more, until the next key's `after_size`."""

    epoch: int
    public_key: bytes
    after_size: int

    def to_json(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "public_key": _b64(self.public_key),
            "after_size": self.after_size,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EpochKey:
        return cls(
            int(data["epoch"]),
            base64.b64decode(data["public_key"], validate=True),
            int(data["after_size"]),
        )


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    signing_public_key: bytes
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    key_epoch: int = 1
    admin_public_key: bytes | None = None
    """None in a version 1 header (an older vault whose slot list no owner has signed yet)."""
    admin_signature: bytes = b""
    signing_keys: tuple[EpochKey, ...] = ()
    """Every checkpoint-signing key the vault has had, oldest first; the last one is current."""
    rotation_signature: bytes = b""
    """On a pending header only: the current admin key's signature authorising the rotation."""

    @property
    def signed(self) -> bool:
        return self.admin_public_key is not None

    def signing_history(self) -> tuple[EpochKey, ...]:
        return self.signing_keys or (EpochKey(1, self.signing_public_key, 0),)

    def slot_for(self, user: str) -> KeySlot:
        for slot in self.slots:
            if slot.user == user:
                return slot
        raise WrongPasswordError(f"no user '{user}' in this vault")

    def users(self) -> list[tuple[str, Role]]:
        return [(slot.user, slot.role) for slot in self.slots]

    def with_slot(self, slot: KeySlot) -> VaultHeader:
        """A person's slot replaced where it stands, or added last."""
        if any(s.user == slot.user for s in self.slots):
            return replace(
                self, slots=tuple(slot if s.user == slot.user else s for s in self.slots)
            )
        return replace(self, slots=(*self.slots, slot))

    def without_user(self, user: str) -> VaultHeader:
        return replace(self, slots=tuple(s for s in self.slots if s.user != user))

    def body(self, *, with_signatures: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": HEADER_FORMAT,
            "version": HEADER_VERSION if self.signed else LEGACY_HEADER_VERSION,
            "vault_id": self.vault_id,
            "key_epoch": self.key_epoch,
            "signing_public_key": _b64(self.signing_public_key),
            "slots": [slot.to_json() for slot in self.slots],
        }
        if self.admin_public_key is not None:
            body["admin_public_key"] = _b64(self.admin_public_key)
            body["signing_keys"] = [k.to_json() for k in self.signing_keys]
            if with_signatures:
                body["admin_signature"] = _b64(self.admin_signature)
                if self.rotation_signature:
                    body["rotation_signature"] = _b64(self.rotation_signature)
        return body

    def to_bytes(self) -> bytes:
        body = self.body()
        body["checksum"] = hashlib.sha256(rfc8785.dumps(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        if len(data) > MAX_HEADER_BYTES:
            raise CorruptDataError("vault header is damaged: it is far larger than a header")
        try:
            body = json.loads(data)
            if not isinstance(body, dict):
                raise ValueError("not an object")
            checksum = body.pop("checksum")
        except (ValueError, KeyError, UnicodeDecodeError, RecursionError, TypeError):
            raise CorruptDataError("vault header is damaged: it is not valid header JSON") from None
        if hashlib.sha256(rfc8785.dumps(body)).hexdigest() != checksum:
            raise CorruptDataError("vault header is damaged: its checksum does not match")
        if body.get("format") != HEADER_FORMAT:
            raise CorruptDataError("this folder is not a Sealroom vault")
        version = body.get("version")
        if version not in (HEADER_VERSION, LEGACY_HEADER_VERSION):
            raise CorruptDataError(
                f"vault header version {version} is not supported by this Sealroom"
            )
        try:
            header = cls(
                vault_id=str(body["vault_id"]),
                signing_public_key=base64.b64decode(body["signing_public_key"], validate=True),
                slots=tuple(KeySlot.from_json(s) for s in body["slots"]),
                key_epoch=int(body["key_epoch"]),
            )
            if version == HEADER_VERSION:
                header = replace(
                    header,
                    admin_public_key=_b64decode(body["admin_public_key"]),
                    admin_signature=_b64decode(body["admin_signature"]),
                    signing_keys=tuple(EpochKey.from_json(k) for k in body["signing_keys"]),
                    rotation_signature=_b64decode(body.get("rotation_signature", "")),
                )
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
            raise CorruptDataError(f"vault header is damaged: {exc}") from exc
        return header


def _b64decode(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)
