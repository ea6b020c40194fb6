"""The asset index for leak tracing: built when an image or PDF is imported, loaded once.

Each image asset and PDF page is summarised (features, perceptual hash, thumbnail; see
crypto.watermark.index) and the summary kept in the encrypted database. Import indexes new files
from the bytes it has just stored, so the first trace does not wait; anything missed (files
imported before the index existed, entries of an older format) is indexed at the next trace.
The loaded index is kept per open vault and reloaded only when the stored entries change.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from sealroom.crypto.watermark import AssetIndex, IndexEntry, WatermarkError, index_entry
from sealroom.crypto.watermark.entry import ENTRY_MAGIC, is_current
from sealroom.vault.assets.records import Asset
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.shares import asset_pages
from sealroom.vault.session import Vault
from sealroom.vault.store import query

_TRACEABLE = "(v.media_type LIKE 'image/%' OR v.media_type = 'application/pdf')"
_loaded: weakref.WeakKeyDictionary[Vault, tuple[tuple[int, float], AssetIndex]] = (
    weakref.WeakKeyDictionary()
)


def entry_key(asset_id: str, version: int, page: int) -> str:
    return f"{asset_id}#{version}#{page}"


def parse_key(key: str) -> tuple[str, int, int]:
    asset_id, version, page = key.rsplit("#", 2)
    return asset_id, int(version), int(page)


def _store(vault: Vault, asset_id: str, version: int, pages: Sequence[previews.Page]) -> None:
    entries = [index_entry(entry_key(asset_id, version, p.number), p.pixels) for p in pages]
    with vault.transaction() as conn:
        for page, entry in zip(pages, entries, strict=True):
            conn.execute(
                "INSERT OR REPLACE INTO trace_index (asset_id, asset_version, page, entry) "
                "VALUES (?,?,?,?)",
                (asset_id, version, page.number, entry.to_bytes()),
            )


def index_imported(vault: Vault, imported: Sequence[tuple[Asset, Path]]) -> None:
    """Index freshly imported images and PDFs from their files (checked against the stored hash).

    Never fails an import: whatever cannot be indexed now is indexed at the next trace.
    """
    for asset, path in imported:
        if not (asset.media_type.startswith("image/") or asset.media_type == "application/pdf"):
            continue
        try:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != asset.sha256:
                continue  # the file changed since it was stored; index from the vault later
            _store(vault, asset.id, asset.version, previews.decode_pages(data, path.name))
        except (OSError, InvalidInputError, WatermarkError):
            continue


def build_index(vault: Vault, progress: Callable[[str], None] | None = None) -> AssetIndex:
    """Index every image and PDF page not yet (or not currently) indexed, then load the index."""
    vault.require_content("trace leaks")
    missing = query(
        vault.conn,
        "SELECT a.id, v.version FROM assets a JOIN asset_versions v ON v.asset_id = a.id "
        f"WHERE {_TRACEABLE} AND NOT EXISTS (SELECT 1 FROM trace_index t WHERE "
        "t.asset_id = a.id AND t.asset_version = v.version AND substr(t.entry, 1, 5) = ?)",
        (ENTRY_MAGIC,),
    )
    for asset_id, version in missing:
        if progress is not None:
            progress(f"indexing {asset_id} version {version}")
        try:
            pages = asset_pages(vault, asset_id, version)
            _store(vault, asset_id, version, pages)
        except (InvalidInputError, WatermarkError):
            continue
        with vault.transaction():
            vault.audit.append("trace.index", asset_id, reason=f"version {version}")
    (stamp,) = query(vault.conn, "SELECT count(*), total(rowid) FROM trace_index")
    cached = _loaded.get(vault)
    if cached is not None and cached[0] == tuple(stamp):
        return cached[1]
    index = AssetIndex()
    for (blob,) in query(vault.conn, "SELECT entry FROM trace_index ORDER BY rowid"):
        data = bytes(blob)
        if is_current(data):
            index.add_entry(IndexEntry.from_bytes(data))
    _loaded[vault] = ((int(stamp[0]), float(stamp[1])), index)
    return index
