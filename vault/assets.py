"""Assets: confidential files kept encrypted in the vault (import, export, list, delete)."""

from __future__ import annotations

import contextlib
import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sealroom.crypto.stream import Progress
from sealroom.vault.errors import InvalidInputError, NotFoundError, SealroomError
from sealroom.vault.records import new_id, utc_now
from sealroom.vault.session import Vault
from sealroom.vault.store import query

_COLUMNS = "id, title, original_name, media_type, size, sha256, blob_id, created, created_by"


@dataclass(frozen=True)
class Asset:
    id: str
    title: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    blob_id: str
    created: str
    created_by: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def media_type_of(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def import_file(
    vault: Vault,
    path: Path,
    title: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Asset:
    """Encrypt a file into the vault. Streams: memory stays bounded whatever the file size."""
    vault.require_content("import assets")
    path = Path(path)
    try:
        src = open(path, "rb")  # noqa: SIM115 - closed below, after the blob is written
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}") from None
    with src:
        if os.fstat(src.fileno()).st_size == 0:
            raise InvalidInputError(f"{path} is empty")
        blob = vault.blobs.write(src, progress, cancelled)
    asset = Asset(
        id=new_id("ast"),
        title=(title or path.stem).strip() or path.name,
        original_name=path.name,
        media_type=media_type_of(path),
        size=blob.size,
        sha256=blob.sha256,
        blob_id=blob.id,
        created=utc_now(),
        created_by=vault.actor.user,
    )
    try:
        with vault.transaction() as conn:
            vault.blobs.insert(blob)
            conn.execute(
                f"INSERT INTO assets ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                tuple(asset.__dict__.values()),
            )
            vault.audit.append("asset.import", asset.id, reason=f"{asset.size} bytes")
    except BaseException:
        vault.blobs.discard(blob.id)
        raise
    return asset


def get_asset(vault: Vault, asset_id: str) -> Asset:
    vault.require_content("read assets")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM assets WHERE id = ?", (asset_id,))
    if not rows:
        raise NotFoundError(f"no asset with id {asset_id}")
    return Asset(*rows[0])


def find_by_hash(vault: Vault, sha256: str) -> list[Asset]:
    vault.require_content("read assets")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM assets WHERE sha256 = ?", (sha256,))
    return [Asset(*r) for r in rows]


def list_assets(vault: Vault) -> list[Asset]:
    vault.require_content("list assets")
    with vault.transaction():
        vault.audit.append("asset.list")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM assets ORDER BY created, id")
    return [Asset(*r) for r in rows]


def read_asset(vault: Vault, asset_id: str) -> bytes:
    """The decrypted original, in memory only (for previews)."""
    asset = get_asset(vault, asset_id)
    with vault.transaction():
        vault.audit.append("asset.view", asset.id)
    return vault.blobs.read_bytes(asset.blob_id)


def export_asset(vault: Vault, asset_id: str, out: Path, progress: Progress | None = None) -> Path:
    """Write the decrypted original to a file the person chose. A failure leaves no file."""
    asset = get_asset(vault, asset_id)
    out = Path(out)
    if out.is_dir():
        out = out / asset.original_name
    if out.exists():
        raise InvalidInputError(f"{out} already exists; choose another name")
    partial = out.with_name(f".{out.name}.partial")
    written = 0
    try:
        with open(partial, "xb") as dst:
            for chunk in vault.blobs.read_chunks(asset.blob_id):
                dst.write(chunk)
                written += len(chunk)
                if progress is not None:
                    progress(written)
            dst.flush()
            os.fsync(dst.fileno())
        with vault.transaction():
            vault.audit.append("asset.export", asset.id, reason=f"to {out.name}")
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SealroomError(f"cannot write {out}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out


def delete_asset(vault: Vault, asset_id: str) -> None:
    asset = get_asset(vault, asset_id)
    with vault.transaction() as conn:
        conn.execute("DELETE FROM assets WHERE id = ?", (asset.id,))
        conn.execute("DELETE FROM blobs WHERE id = ?", (asset.blob_id,))
        vault.audit.append("asset.delete", asset.id, reason=asset.title)
    with contextlib.suppress(OSError):
        vault.blobs.discard(asset.blob_id)
