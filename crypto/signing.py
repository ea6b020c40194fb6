"""Ed25519 signing keys and signatures."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sealroom.crypto.secretbytes import SecretBytes


def generate_signing_key() -> tuple[SecretBytes, bytes]:
    """A new (private, public) pair as raw 32-byte values."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return SecretBytes(raw), public


def sign(private_key: SecretBytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(bytes(private_key.value)).sign(message)


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
