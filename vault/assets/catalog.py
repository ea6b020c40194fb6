"""Assets: confidential files kept encrypted in the vault (import, export, list, delete).

An asset keeps every version it was given (`asset_versions`); the `assets` row describes the
newest. Importing is in `importing`, editing campaign, sensitivity, embargo and tags in
`details`; this module reads, exports and deletes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from sealroom.crypto.stream import Progress
from sealroom.vault.assets.importing import (
    DuplicateAssetError,
    ImportOptions,
    add_version,
    holder_of,
    import_batch,
    import_files,
)
from sealroom.vault.assets.records import (
    SENSITIVITIES,
    Asset,
    AssetVersion,
    count_asset_matches,
    load_asset,
    load_asset_page,
    load_assets,
    load_versions,
)
from sealroom.vault.errors import InvalidInputError, NotFoundError, SealroomError
from sealroom.vault.media.files import media_type_of
from sealroom.vault.session import Vault
from sealroom.vault.store import IntegrityError, query

__all__ = [
    "SENSITIVITIES",
    "Asset",
    "AssetVersion",
    "DuplicateAssetError",
    "ImportOptions",
    "add_version",
    "count_assets",
    "delete_asset",
    "export_asset",
    "find_by_hash",
    "get_asset",
    "import_batch",
    "import_file",
    "import_files",
    "list_assets",
    "list_assets_page",
    "list_versions",
    "media_type_of",
    "read_asset",
    "read_thumbnails",
]


def import_file(
    vault: Vault,
    path: Path,
    title: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: ImportOptions | None = None,
) -> Asset:
    """Encrypt one file into the vault as a new asset. Streams: memory stays bounded."""
    chosen = options or ImportOptions()
    if title is not None:
        chosen = ImportOptions(**{**chosen.__dict__, "title": title})

    def bytes_done(done: int, _total: int) -> None:
        if progress is not None:
            progress(done)

    return import_files(vault, [Path(path)], chosen, bytes_done, cancelled)[0]


def get_asset(vault: Vault, asset_id: str) -> Asset:
    return load_asset(vault, asset_id)


def find_by_hash(vault: Vault, sha256: str) -> list[Asset]:
    """Assets any of whose versions has this SHA-256."""
    vault.require_content("read assets")
    held = holder_of(vault, sha256)
    return [held[0]] if held else []


def list_assets(
    vault: Vault, campaign_id: str | None = None, tag: str | None = None
) -> list[Asset]:
    """Every asset (or those of a campaign, or with a tag), oldest first."""
    vault.require_content("list assets")
    conditions: list[str] = []
    params: list[str] = []
    if campaign_id is not None:
        conditions.append("a.campaign_id = ?")
        params.append(campaign_id)
    if tag is not None:
        conditions.append("EXISTS (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id AND tag = ?)")
        params.append(tag.strip().lower().removeprefix("#"))
    with vault.transaction():
        vault.audit.append("asset.list", campaign_id or "", reason=f"tag {tag}" if tag else "")
    return load_assets(vault, " AND ".join(conditions), tuple(params))


def list_assets_page(
    vault: Vault,
    search: str = "",
    sort: str = "title",
    descending: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> list[Asset]:
    """A page of assets, searched and sorted in SQL (see `load_asset_page`).

    The first page of a listing records one `asset.list` event; the pages after it do not. The
    search text itself stays out of the audit log, which an auditor reads."""
    vault.require_content("list assets")
    if offset == 0:
        with vault.transaction():
            vault.audit.append("asset.list", reason="with a search" if search.strip() else "")
    return load_asset_page(vault, search, sort, descending, offset, limit)


def count_assets(vault: Vault, search: str = "") -> int:
    """How many assets a listing with this search has (the length of a paged table).

    Not an audit event of its own: a listing counts, then reads its first page, which is one."""
    vault.require_content("count assets")
    return count_asset_matches(vault, search)


def list_versions(vault: Vault, asset_id: str) -> list[AssetVersion]:
    """An asset's versions, oldest first; `current` marks the one in use."""
    versions = load_versions(vault, asset_id)
    with vault.transaction():
        vault.audit.append("asset.versions", asset_id)
    return versions


def _version_blob(vault: Vault, asset: Asset, version: int | None) -> tuple[str, str]:
    """(blob id, original name) of a version; the current one by default."""
    if version is None or version == asset.version:
        return asset.blob_id, asset.original_name
    rows = query(
        vault.conn,
        "SELECT blob_id, original_name FROM asset_versions WHERE asset_id = ? AND version = ?",
        (asset.id, version),
    )
    if not rows:
        raise NotFoundError(f"asset {asset.id} has no version {version}")
    return str(rows[0][0]), str(rows[0][1])


def read_asset(vault: Vault, asset_id: str, version: int | None = None) -> bytes:
    """The decrypted original (of the current or a given version), in memory only."""
    asset = get_asset(vault, asset_id)
    blob_id, _ = _version_blob(vault, asset, version)
    with vault.transaction():
        vault.audit.append("asset.view", asset.id, reason=f"version {version}" if version else "")
    return vault.blobs.read_bytes(blob_id)


def read_thumbnails(vault: Vault, asset_ids: Sequence[str]) -> dict[str, bytes]:
    """JPEG thumbnails (in memory) of the assets that have one; one audit event for the batch."""
    vault.require_content("view thumbnails")
    found: dict[str, bytes] = {}
    wanted = list(dict.fromkeys(asset_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = query(
            vault.conn,
            f"SELECT id, thumbnail_blob_id FROM assets WHERE id IN ({marks})"
            " AND thumbnail_blob_id IS NOT NULL",
            tuple(chunk),
        )
        for asset_id, blob_id in rows:
            found[str(asset_id)] = vault.blobs.read_bytes(str(blob_id))
    if found:
        with vault.transaction():
            vault.audit.append("asset.thumbnails", f"{len(found)} assets")
    return found


def export_asset(
    vault: Vault,
    asset_id: str,
    out: Path,
    progress: Progress | None = None,
    version: int | None = None,
) -> Path:
    """Write the decrypted original to a file the person chose. A failure leaves no file."""
    asset = get_asset(vault, asset_id)
    blob_id, original_name = _version_blob(vault, asset, version)
    out = Path(out)
    if out.is_dir():
        out = out / original_name
    if out.exists():
        raise InvalidInputError(f"{out} already exists; choose another name", field="out")
    partial = out.with_name(f".{out.name}.partial")
    written = 0
    try:
        with open(partial, "xb") as dst:
            for chunk in vault.blobs.read_chunks(blob_id):
                dst.write(chunk)
                written += len(chunk)
                if progress is not None:
                    progress(written)
            dst.flush()
            os.fsync(dst.fileno())
        with vault.transaction():
            detail = f"to {out.name}" + (f", version {version}" if version else "")
            vault.audit.append("asset.export", asset.id, reason=detail)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SealroomError(f"cannot write {out}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out


def delete_asset(vault: Vault, asset_id: str) -> None:
    """Delete an asset, every version and thumbnail, and the grants and scope entries naming it."""
    asset = get_asset(vault, asset_id)
    blob_ids: set[str] = {asset.blob_id}
    if asset.thumbnail_blob_id:
        blob_ids.add(asset.thumbnail_blob_id)
    for blob_id, thumb_id in query(
        vault.conn,
        "SELECT blob_id, thumbnail_blob_id FROM asset_versions WHERE asset_id = ?",
        (asset.id,),
    ):
        blob_ids.add(str(blob_id))
        if thumb_id:
            blob_ids.add(str(thumb_id))
    (grants,) = query(vault.conn, "SELECT count(*) FROM grants WHERE asset_id = ?", (asset.id,))[0]
    try:
        with vault.transaction() as conn:
            conn.execute("DELETE FROM assets WHERE id = ?", (asset.id,))
            for blob_id in blob_ids:
                conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
            reason = f"{grants} grants removed" if grants else ""
            vault.audit.append("asset.delete", asset.id, reason=reason)
    except IntegrityError:
        raise InvalidInputError(
            f"{asset.id} cannot be deleted: other records (such as shares sent out) still refer "
            "to it, and they stay on record"
        ) from None
    for blob_id in blob_ids:
        with contextlib.suppress(OSError):
            vault.blobs.discard(blob_id)
