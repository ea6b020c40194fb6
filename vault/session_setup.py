"""Creating a vault's databases, and opening a key slot whose password was right.

Kept apart from `session` (the unlocked vault) because both run before a `Vault` exists.
"""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path

from sealroom.crypto.header import VaultHeader
from sealroom.crypto.keyslots import CompartmentKeys, KeySlot, open_envelope
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import headertrust, keyrotation, wrapped_settings
from sealroom.vault.layout import AUDIT_DB, CONTENT_DB
from sealroom.vault.store import migrate, open_database, transaction


def create_databases(
    folder: Path, header: VaultHeader, keys: CompartmentKeys, signing_key: SecretBytes
) -> None:
    assert keys.content is not None
    public_b64 = base64.b64encode(header.signing_public_key).decode()
    with contextlib.closing(open_database(folder / AUDIT_DB, keys.audit, create=True)) as adb:
        migrate(adb, "audit")
        with transaction(adb):
            adb.execute("INSERT INTO info (name, value) VALUES ('vault_id', ?)", (header.vault_id,))
            adb.execute(
                "INSERT INTO info (name, value) VALUES ('signing_public_key', ?)", (public_b64,)
            )
            assert header.admin_public_key is not None
            adb.execute(
                "INSERT INTO info (name, value) VALUES (?, ?)",
                (headertrust.ADMIN_PIN, base64.b64encode(header.admin_public_key).decode()),
            )
    with contextlib.closing(open_database(folder / CONTENT_DB, keys.content, create=True)) as db:
        migrate(db, "content")
        with transaction(db):
            wrapped_settings.store(
                db, wrapped_settings.SIGNING_KEY, keys.content, header.vault_id, signing_key, 1
            )
            headertrust.record(db, header)


def open_slot(
    folder: Path, header: VaultHeader, slot: KeySlot, private_key: SecretBytes
) -> tuple[VaultHeader, CompartmentKeys, list[headertrust.Notice]]:
    """Open a slot whose password was right, checking it against the signed header, and finish
    (or set aside) a pending key change."""
    headertrust.check_slot_keys(header, slot, private_key)
    keys = open_envelope(header.vault_id, slot, private_key, header.key_epoch)
    headertrust.check_admin_key(header, slot, keys)
    return keyrotation.finish_pending(folder, header, keys, slot.user, private_key)
