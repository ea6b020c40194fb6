"""The files of a vault folder and reading and writing its header."""

from __future__ import annotations

from pathlib import Path

from sealroom.crypto.header import VaultHeader
from sealroom.vault.errors import VaultNotFoundError
from sealroom.vault.fsutil import atomic_write

HEADER_NAME = "header.json"
PENDING_HEADER_NAME = "header.next.json"
"""A header for new keys whose rotation has begun but not finished; see `keyrotation`."""
REJECTED_HEADER_NAME = "header.next.rejected.json"
"""Where a pending header that the vault's keys do not authenticate is set aside, as evidence."""
CONTENT_DB = "vault.db"
AUDIT_DB = "audit.db"


def read_header(folder: Path, name: str = HEADER_NAME) -> VaultHeader:
    try:
        data = (folder / name).read_bytes()
    except FileNotFoundError:
        raise VaultNotFoundError(f"no Sealroom vault at {folder}") from None
    return VaultHeader.from_bytes(data)


def write_header(folder: Path, header: VaultHeader, name: str = HEADER_NAME) -> None:
    atomic_write(folder / name, header.to_bytes())
