"""Wrapping small secrets (blob keys, the signing key) under a compartment key."""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.secretbytes import SecretBytes


def subkey(key: SecretBytes, label: str) -> SecretBytes:
    """A purpose-bound key derived with HKDF-SHA256; distinct labels give independent keys."""
    return SecretBytes(
        HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label.encode()).derive(
            bytes(key.value)
        )
    )


def wrap(key: SecretBytes, secret: SecretBytes, context: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key.value).encrypt(nonce, bytes(secret.value), context)


def unwrap(key: SecretBytes, wrapped: bytes, context: bytes) -> SecretBytes:
    try:
        return SecretBytes(AESGCM(key.value).decrypt(wrapped[:12], wrapped[12:], context))
    except InvalidTag:
        raise CorruptDataError(
            "a wrapped key failed authentication (damaged or tampered)"
        ) from None
