"""Free text in audit events, sealed so that only the people who hold the content key read it.

Reasons, notes and file names say something about the content (a contract's file name, why a
grant was revoked, what a suspect file was called). An auditor holds only the audit key, so an
event keeps its ids, kind and outcome in clear and its free text in `detail`, encrypted with
AES-256-GCM under a random detail key that is stored wrapped under the content key (so it
survives key rotations like the signing key does). The associated data binds the text to the
vault and to the event's sequence number, so a detail moved to another event does not open.
The Merkle leaf commits to the ciphertext: an auditor still verifies every event byte for byte.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import wrapped_settings
from sealroom.vault.store import Connection, transaction

UNREADABLE = "(detail unreadable: damaged or altered)"
SEALED = "(sealed: content holders only)"
NONCE_BYTES = 12


class DetailSealer:
    """Seals and opens the free text of events with the vault's detail key."""

    def __init__(self, key: SecretBytes, vault_id: str) -> None:
        self._key = key
        self._vault_id = vault_id

    def _context(self, seq: int) -> bytes:
        return f"sealroom audit detail {self._vault_id} {seq}".encode()

    def seal(self, seq: int, text: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        aead = AESGCM(self._key.value)
        return nonce + aead.encrypt(nonce, text.encode("utf-8"), self._context(seq))

    def open(self, seq: int, sealed: bytes) -> str:
        """The text; a placeholder if the ciphertext was damaged, altered or moved."""
        if len(sealed) < NONCE_BYTES + 16:
            return UNREADABLE
        try:
            plain = AESGCM(self._key.value).decrypt(
                sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self._context(seq)
            )
        except (InvalidTag, ValueError):
            return UNREADABLE
        return plain.decode("utf-8", errors="replace")

    def sql_open(self, seq: object, sealed: object) -> str | None:
        """`open` as an SQL function, so that a content holder's search reaches the text."""
        if not isinstance(sealed, bytes) or not isinstance(seq, int):
            return None
        return self.open(seq, sealed)

    def wipe(self) -> None:
        self._key.wipe()


def load_or_create(
    conn: Connection, content_key: SecretBytes, vault_id: str, key_epoch: int
) -> DetailSealer:
    """The vault's detail sealer; a vault made before sealed details gets its key now."""
    setting = wrapped_settings.AUDIT_DETAIL_KEY
    key = wrapped_settings.load(conn, setting, content_key, vault_id)
    if key is None:
        key = SecretBytes.random()
        with transaction(conn):
            wrapped_settings.store(conn, setting, content_key, vault_id, key, key_epoch)
    return DetailSealer(key, vault_id)
