"""Key epochs: each removal of an owner or manager starts a new signing key and watermark key.

A person who leaves keeps whatever they copied, so the keys they held must stop counting. When
the content key rotates (an owner or manager removed), the new epoch's checkpoint-signing key
and watermark key are derived from the new content key; anyone finishing an interrupted rotation
can therefore re-create them. Older keys stay, but only to check the past: old signing keys as
public keys in the signed header (each valid for the audit-log sizes of its epoch), old
watermark keys wrapped under the new content key, used by trace for shares of their epoch and
never for a new preview.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sealroom.crypto.header import EpochKey, VaultHeader
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import verify
from sealroom.crypto.wrap import subkey
from sealroom.vault import wrapped_settings
from sealroom.vault.store import Connection, query

_WATERMARK_PREFIX = "watermark_key_e"


def epoch_signing_key(content_key: SecretBytes, vault_id: str, epoch: int) -> SecretBytes:
    return subkey(content_key, f"sealroom signing key epoch {epoch} {vault_id}")


def epoch_watermark_key(content_key: SecretBytes, vault_id: str, epoch: int) -> SecretBytes:
    return subkey(content_key, f"sealroom watermark key epoch {epoch} {vault_id}")


def signing_public_key(private_key: SecretBytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(bytes(private_key.value))
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def watermark_setting(epoch: int) -> wrapped_settings.WrappedSetting:
    return wrapped_settings.WrappedSetting(f"{_WATERMARK_PREFIX}{epoch}")


def watermark_epochs(conn: Connection) -> list[int]:
    """The epochs that started a watermark key of their own, in order."""
    rows = query(
        conn, "SELECT name FROM settings WHERE name LIKE 'watermark\\_key\\_e%' ESCAPE '\\'"
    )
    found = []
    for (name,) in rows:
        suffix = str(name)[len(_WATERMARK_PREFIX) :]
        if suffix.isdigit():
            found.append(int(suffix))
    return sorted(found)


def store_epoch_keys(conn: Connection, content_key: SecretBytes, vault_id: str, epoch: int) -> None:
    """Make the epoch's signing and watermark keys current; safe to repeat (call in a
    transaction, after the older secrets were re-wrapped under `content_key`)."""
    with epoch_signing_key(content_key, vault_id, epoch) as signing:
        wrapped_settings.store(
            conn, wrapped_settings.SIGNING_KEY, content_key, vault_id, signing, epoch
        )
    with epoch_watermark_key(content_key, vault_id, epoch) as watermark:
        wrapped_settings.store(
            conn, watermark_setting(epoch), content_key, vault_id, watermark, epoch
        )


def signing_key_for_size(header: VaultHeader, size: int) -> EpochKey:
    """The key that must have signed a checkpoint of `size` events."""
    history = header.signing_history()
    chosen = history[0]
    for key in history:
        if key.after_size < size:
            chosen = key
    return chosen


def checkpoint_problem(header: VaultHeader, size: int, note: bytes, signature: bytes) -> str | None:
    """None if the checkpoint is signed by its epoch's key; otherwise what is wrong with it."""
    expected = signing_key_for_size(header, size)
    if verify(expected.public_key, note, signature):
        return None
    for key in header.signing_history():
        if key is not expected and verify(key.public_key, note, signature):
            if key.epoch < expected.epoch:
                return (
                    f"checkpoint at {size} events is signed with the key of epoch {key.epoch}, "
                    f"which ended at {expected.after_size} events (signed after its epoch ended: "
                    "a removed person's key?)"
                )
            return f"checkpoint at {size} events is signed with a key of a later epoch"
    return f"checkpoint at {size} events has a bad signature"
