"""Acknowledgement receipts: a partner's proof that they accepted a package's NDA terms.

A receipt names the package, the recipient, the time of acceptance and the hashes of the
manifest and NDA terms. It is authenticated with the recipient's age key: an HMAC under a key
derived from X25519(recipient's identity, sender's receipt key). Only the holder of the
recipient's identity can make it, and only the sender (who holds the receipt key) can check it;
the whole receipt is then age-encrypted to the sender, so nobody else reads it on the way.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass

import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto import agebox
from sealroom.crypto.bech32 import age_public_key, age_secret_key
from sealroom.crypto.errors import PackageError

FORMAT = "sealroom-receipt/1"
MAX_RECEIPT = 64 * 1024


@dataclass(frozen=True)
class Receipt:
    package_id: str
    recipient: str
    accepted_at: str
    manifest_sha256: str
    nda_sha256: str
    format: str = FORMAT

    def body(self) -> bytes:
        return bytes(rfc8785.dumps(asdict(self)))


def _mac_key(secret: bytes | bytearray, public: bytes) -> bytes:
    shared = X25519PrivateKey.from_private_bytes(bytes(secret)).exchange(
        X25519PublicKey.from_public_bytes(public)
    )
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"sealroom-receipt/1").derive(shared)


def make_receipt(receipt: Receipt, identity: bytes | bytearray, sender_receipt_key: str) -> bytes:
    """The sealed receipt file: authenticated with `identity`, encrypted to the sender."""
    secret = age_secret_key(identity)
    try:
        key = _mac_key(secret, age_public_key(sender_receipt_key))
    finally:
        secret[:] = bytes(len(secret))
    body = receipt.body()
    tag = hmac.new(key, body, hashlib.sha256).hexdigest()
    document = json.dumps({"receipt": json.loads(body), "mac": tag}).encode()
    return agebox.encrypt_to_recipient(document, sender_receipt_key)


def open_receipt(sealed: bytes, receipt_identity: bytes | bytearray) -> Receipt:
    """The receipt, if it decrypts with the sender's receipt key and its MAC holds."""
    if len(sealed) > MAX_RECEIPT:
        raise PackageError("the receipt file is too large")
    document = agebox.decrypt_with_identity(sealed, receipt_identity)
    try:
        data = json.loads(document)
        fields = data["receipt"]
        receipt = Receipt(**{k: str(fields[k]) for k in Receipt.__dataclass_fields__})
        tag = str(data["mac"])
    except (ValueError, KeyError, TypeError):
        raise PackageError("the receipt is malformed") from None
    if receipt.format != FORMAT:
        raise PackageError("the receipt is not of a version this app reads")
    secret = age_secret_key(receipt_identity)
    try:
        key = _mac_key(secret, age_public_key(receipt.recipient))
    finally:
        secret[:] = bytes(len(secret))
    expected = hmac.new(key, receipt.body(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, tag):
        raise PackageError("the receipt was not made with the recipient's key")
    return receipt
