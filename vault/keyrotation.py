"""Rotating the vault keys when a person is removed, safely across a crash.

The new header (every remaining slot's envelope renewed under new keys) is written first as
`header.next.json`. Then each database is re-keyed and the blob and signing keys re-wrapped;
each step checks whether it is already done, so it can be repeated. Last, the new header
replaces the old. A crash at any point leaves both headers, and the next unlock by a remaining
owner or manager (whose password opens both, as their slot's key pair is unchanged) finishes it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sealroom.crypto.keyslots import CompartmentKeys, VaultHeader, open_envelope
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import wrapped_settings
from sealroom.vault.blobs import BlobStore
from sealroom.vault.errors import (
    CorruptDataError,
    PermissionDeniedError,
    WrongPasswordError,
)
from sealroom.vault.fsutil import fsync_dir
from sealroom.vault.layout import (
    AUDIT_DB,
    CONTENT_DB,
    HEADER_NAME,
    PENDING_HEADER_NAME,
    read_header,
    write_header,
)
from sealroom.vault.store import open_database, rekey, transaction


def begin(folder: Path, new_header: VaultHeader) -> None:
    write_header(folder, new_header, PENDING_HEADER_NAME)


def finish_pending(
    folder: Path,
    header: VaultHeader,
    keys: CompartmentKeys,
    user: str,
    private_key: SecretBytes,
) -> tuple[VaultHeader, CompartmentKeys]:
    """Complete an interrupted rotation, if there is one; return the header and keys to use."""
    if not (folder / PENDING_HEADER_NAME).exists():
        return header, keys
    pending = read_header(folder, PENDING_HEADER_NAME)
    if pending.vault_id != header.vault_id or pending.key_epoch != header.key_epoch + 1:
        raise CorruptDataError("an unfinished key change belongs to another vault state")
    try:
        slot = pending.slot_for(user)
    except WrongPasswordError:
        raise PermissionDeniedError(f"'{user}' has been removed from this vault") from None
    if keys.content is None:
        raise PermissionDeniedError(
            "a key change is unfinished: an owner or manager must unlock the vault once first"
        )
    new_keys = open_envelope(pending.vault_id, slot, private_key, pending.key_epoch)
    apply(folder, keys, new_keys, pending.key_epoch)
    keys.wipe()
    return pending, new_keys


def apply(folder: Path, old: CompartmentKeys, new: CompartmentKeys, epoch: int) -> None:
    """Re-key the databases, re-wrap blob and signing keys, then promote the new header."""
    _rekey_if_needed(folder / AUDIT_DB, old.audit, new.audit)
    if new.content is not None and old.content is not None and new.content != old.content:
        _rekey_if_needed(folder / CONTENT_DB, old.content, new.content)
        db = open_database(folder / CONTENT_DB, new.content)
        with contextlib.closing(db), transaction(db):
            store = BlobStore(folder, db, new.content, epoch)
            store.rewrap_all(old.content, epoch)
            store.close()
            vault_id = read_header(folder).vault_id
            wrapped_settings.rewrap_all(db, old.content, new.content, vault_id, epoch)
    os.replace(folder / PENDING_HEADER_NAME, folder / HEADER_NAME)
    fsync_dir(folder)


def _rekey_if_needed(path: Path, old: SecretBytes, new: SecretBytes) -> None:
    if old == new:
        return
    try:
        open_database(path, new).close()
        return
    except CorruptDataError:
        pass
    with contextlib.closing(open_database(path, old)) as db:
        rekey(db, new)
