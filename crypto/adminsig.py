"""The owners' admin key: an Ed25519 key, sealed in owner slots only, that signs the header.

A key slot's envelope is sealed to its public key and needs no secret to make, so anyone who can
write the vault folder could add a slot of their own, and a manager could re-label their slot as
an owner's. The admin signature covers what must not change without an owner: the vault id, the
key epoch, every slot's id, user, role and public key, and the checkpoint-signing keys. Password
wrappings, KDF parameters and envelopes are not signed: changing them can only lock a person out
(their own password change) or fail to open.

A pending header (a key rotation in progress) carries a second signature, by the admin key of
the header it replaces, over its whole body including the envelopes: only an owner of the vault
as it stands can start a rotation, and no one can swap the keys sealed in it.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sealroom.crypto.header import VaultHeader
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import sign, verify

SLOT_LIST_FORMAT = "sealroom-slot-list/1"
ROTATION_FORMAT = "sealroom-rotation/1"


def admin_public_key(admin_key: SecretBytes) -> bytes:
    private = Ed25519PrivateKey.from_private_bytes(bytes(admin_key.value))
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def slot_list_message(header: VaultHeader) -> bytes:
    """The signed part of a header, as RFC 8785 canonical JSON."""
    return rfc8785.dumps(
        {
            "format": SLOT_LIST_FORMAT,
            "vault_id": header.vault_id,
            "key_epoch": header.key_epoch,
            "admin_public_key": (header.admin_public_key or b"").hex(),
            "signing_public_key": header.signing_public_key.hex(),
            "signing_keys": [
                [k.epoch, k.public_key.hex(), k.after_size] for k in header.signing_keys
            ],
            "slots": [[s.slot_id, s.user, s.role.value, s.public_key.hex()] for s in header.slots],
        }
    )


def sign_header(header: VaultHeader, admin_key: SecretBytes) -> VaultHeader:
    """The header with `admin_key` as its admin key and a fresh signature over its slot list."""
    signed = replace(header, admin_public_key=admin_public_key(admin_key), rotation_signature=b"")
    if not signed.signing_keys:
        signed = replace(signed, signing_keys=header.signing_history())
    return replace(signed, admin_signature=sign(admin_key, slot_list_message(signed)))


def signature_holds(header: VaultHeader) -> bool:
    """Whether a version 2 header's slot list is signed by the admin key it names."""
    if header.admin_public_key is None:
        return False
    if not header.signing_keys or header.signing_keys[-1].public_key != header.signing_public_key:
        return False
    return verify(header.admin_public_key, slot_list_message(header), header.admin_signature)


def rotation_message(pending: VaultHeader) -> bytes:
    body = pending.body(with_signatures=False)
    digest = hashlib.sha256(rfc8785.dumps(body)).hexdigest()
    return rfc8785.dumps({"format": ROTATION_FORMAT, "pending_sha256": digest})


def authorise_rotation(pending: VaultHeader, current_admin_key: SecretBytes) -> VaultHeader:
    return replace(pending, rotation_signature=sign(current_admin_key, rotation_message(pending)))


def rotation_authorised(current: VaultHeader, pending: VaultHeader) -> bool:
    """Whether the current header's admin key signed this pending header, envelopes included."""
    if current.admin_public_key is None or not pending.rotation_signature:
        return False
    return verify(current.admin_public_key, rotation_message(pending), pending.rotation_signature)
