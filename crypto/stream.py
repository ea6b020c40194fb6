"""Chunked authenticated encryption of files, in the layout of age's STREAM construction.

Layout: magic, 16-byte salt, HMAC-SHA256 of both; then 64 KiB plaintext chunks, each sealed with
AES-256-GCM under a payload key derived from the file key and salt. The 12-byte nonce is an
11-byte big-endian chunk counter and a flag byte set on the last chunk only, so truncation,
reordering, removal, duplication, splicing between files and trailing data all fail to decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto.errors import CorruptDataError, SealroomError
from sealroom.crypto.secretbytes import SecretBytes

MAGIC = b"SEALBLOB\x01"
SALT_BYTES = 16
MAC_BYTES = 32
HEADER_BYTES = len(MAGIC) + SALT_BYTES + MAC_BYTES
CHUNK_BYTES = 64 * 1024
TAG_BYTES = 16
SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES

Progress = Callable[[int], None]
"""Called with the number of plaintext bytes processed so far."""


class Cancelled(SealroomError):
    """The person cancelled a long operation; nothing was kept."""


def _hkdf(key: SecretBytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(bytes(key.value))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _header_mac(key: SecretBytes, salt: bytes) -> bytes:
    mac_key = _hkdf(key, None, b"sealroom blob header")
    return hmac.new(mac_key, MAGIC + salt, hashlib.sha256).digest()


def _read_full(src: BinaryIO, size: int) -> bytes:
    parts = []
    remaining = size
    while remaining:
        part = src.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def encrypt_stream(
    key: SecretBytes,
    src: BinaryIO,
    dst: BinaryIO,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    checksum: bool = True,
) -> tuple[int, str]:
    """Encrypt `src` into `dst`; return the plaintext size and its SHA-256 (hex).

    The checksum costs more than the encryption (SHA-256 runs at about half the speed of
    AES-GCM); with `checksum=False` the second value is an empty string.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    aead = AESGCM(_hkdf(key, salt, b"sealroom blob payload"))
    dst.write(MAGIC + salt + _header_mac(key, salt))
    digest = hashlib.sha256()
    total = 0
    counter = 0
    chunk = _read_full(src, CHUNK_BYTES)
    while True:
        following = _read_full(src, CHUNK_BYTES) if len(chunk) == CHUNK_BYTES else b""
        last = not following
        if checksum:
            digest.update(chunk)
        dst.write(aead.encrypt(_nonce(counter, last), chunk, None))
        total += len(chunk)
        counter += 1
        if progress is not None:
            progress(total)
        if cancelled is not None and cancelled():
            raise Cancelled("import cancelled")
        if last:
            return total, digest.hexdigest() if checksum else ""
        chunk = following


def decrypt_chunks(key: SecretBytes, src: BinaryIO) -> Iterator[bytes]:
    """Yield authenticated plaintext chunks; raise CorruptDataError at the first bad byte."""
    header = _read_full(src, HEADER_BYTES)
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        raise CorruptDataError(
            "encrypted file is damaged: its header is not a Sealroom blob header"
        )
    salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    if not hmac.compare_digest(header[len(MAGIC) + SALT_BYTES :], _header_mac(key, salt)):
        raise CorruptDataError("encrypted file is damaged or tampered with: header check failed")
    aead = AESGCM(_hkdf(key, salt, b"sealroom blob payload"))
    counter = 0
    sealed = _read_full(src, SEALED_CHUNK_BYTES)
    if not sealed:
        raise CorruptDataError("encrypted file is truncated: it has no content after its header")
    while True:
        following = (
            _read_full(src, SEALED_CHUNK_BYTES) if len(sealed) == SEALED_CHUNK_BYTES else b""
        )
        last = not following
        try:
            plain = aead.decrypt(_nonce(counter, last), sealed, None)
        except InvalidTag:
            raise CorruptDataError(
                f"encrypted file is damaged, truncated or tampered with at chunk {counter}"
            ) from None
        yield plain
        if last:
            return
        counter += 1
        sealed = following


def decrypt_stream(key: SecretBytes, src: BinaryIO, dst: BinaryIO) -> int:
    """Decrypt into `dst` (which must not be a file on disk unless the person asked for one)."""
    total = 0
    for chunk in decrypt_chunks(key, src):
        dst.write(chunk)
        total += len(chunk)
    return total


def sealed_size(plain_size: int) -> int:
    chunks = max(1, -(-plain_size // CHUNK_BYTES))
    return HEADER_BYTES + plain_size + chunks * TAG_BYTES
