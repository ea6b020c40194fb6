"""Long-lived vault secrets kept in the `settings` table, wrapped under the content key.

The watermark keys must outlive key rotations (old previews must stay traceable), so a rotation
re-wraps every stored secret under the new content key; `epochs` then adds the new epoch's keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.wrap import subkey, unwrap, wrap
from sealroom.vault.store import Connection, query


@dataclass(frozen=True)
class WrappedSetting:
    name: str

    @property
    def epoch_name(self) -> str:
        return f"{self.name}_epoch"

    def context(self, vault_id: str) -> bytes:
        return f"sealroom {self.name.replace('_', ' ')} {vault_id}".encode()

    @property
    def label(self) -> str:
        return f"sealroom {self.name.replace('_', ' ')} wrap"


SIGNING_KEY = WrappedSetting("signing_key")
WATERMARK_KEY = WrappedSetting("watermark_key")
AUDIT_DETAIL_KEY = WrappedSetting("audit_detail_key")
RECEIPT_KEY = WrappedSetting("receipt_key")
"""The vault's age X25519 identity (`AGE-SECRET-KEY-1...`) that partners' receipts are sealed to."""
ALL_SETTINGS = (SIGNING_KEY, WATERMARK_KEY, AUDIT_DETAIL_KEY)


def load(
    conn: Connection, setting: WrappedSetting, content_key: SecretBytes, vault_id: str
) -> SecretBytes | None:
    rows = query(conn, "SELECT value FROM settings WHERE name = ?", (setting.name,))
    if not rows:
        return None
    with subkey(content_key, setting.label) as wrap_key:
        return unwrap(wrap_key, bytes(rows[0][0]), setting.context(vault_id))


def store(
    conn: Connection,
    setting: WrappedSetting,
    content_key: SecretBytes,
    vault_id: str,
    secret: SecretBytes,
    epoch: int,
) -> None:
    """Insert or replace; call inside a transaction."""
    with subkey(content_key, setting.label) as wrap_key:
        wrapped = wrap(wrap_key, secret, setting.context(vault_id))
    conn.execute(
        "INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (setting.name, wrapped)
    )
    conn.execute(
        "INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (setting.epoch_name, epoch)
    )


def rewrap_all(
    conn: Connection, old: SecretBytes, new: SecretBytes, vault_id: str, epoch: int
) -> None:
    """Re-wrap every stored secret still under an older content key; safe to repeat."""
    for setting in stored_settings(conn):
        rows = query(conn, "SELECT value FROM settings WHERE name = ?", (setting.epoch_name,))
        if not rows or int(rows[0][0]) >= epoch:
            continue
        secret = load(conn, setting, old, vault_id)
        if secret is not None:
            with secret:
                store(conn, setting, new, vault_id, secret, epoch)


def stored_settings(conn: Connection) -> list[WrappedSetting]:
    """Every wrapped secret in the table (the fixed ones and each epoch's watermark key)."""
    names = {str(row[0]) for row in query(conn, "SELECT name FROM settings")}
    found = [WrappedSetting(n) for n in sorted(names) if f"{n}_epoch" in names]
    return found or list(ALL_SETTINGS)
