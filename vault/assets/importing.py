"""Importing files as assets, or as new versions of an asset: all or nothing.

A batch is checked first (readable, not empty, what its name says), then every file and its
thumbnail are encrypted into blobs, then duplicates are looked for by SHA-256, and only then is
one transaction written with every row and audit event. Any failure discards the blobs already
written, so a refused batch leaves the vault as it was.

A file whose SHA-256 is already in the vault (any version of any asset) is refused with
`DuplicateAssetError`, which names the existing asset so the caller can offer to import it as a
new version of that asset (or of another one) with `ImportOptions(new_version_of=...)`.
An asset imported into a campaign whose launch is still ahead is embargoed until that launch
unless another embargo is given.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sealroom.vault.assets.records import (
    COLUMNS,
    VERSION_COLUMNS,
    Asset,
    check_sensitivity,
    clean_tags,
    load_asset,
)
from sealroom.vault.blobs import BlobRecord
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media.files import Inspection, inspect
from sealroom.vault.records import new_id, utc_now
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, now_utc

ImportProgress = Callable[[int, int], None]
"""Called with (bytes done, bytes in the whole batch)."""


@dataclass(frozen=True)
class ImportOptions:
    title: str | None = None
    """Title of the new asset (one file only); default: the file name without extension."""
    campaign_id: str | None = None
    sensitivity: str = "confidential"
    embargo_until: When | None = None
    tags: tuple[str, ...] = ()
    new_version_of: str | None = None
    """Add the file as the next version of this asset instead of creating an asset."""
    note: str = ""
    """What changed, for a new version."""


class DuplicateAssetError(InvalidInputError):
    """The file is already in the vault; `existing` is the asset holding it."""

    def __init__(self, path: Path, existing: Asset, version: int) -> None:
        self.path = path
        self.existing = existing
        self.version = version
        super().__init__(
            f"{path.name} is already in the vault as {existing.id} '{existing.title}' "
            f"(version {version}); nothing was imported. To keep it as a new version of an "
            "asset, import it as a new version"
        )


@dataclass(frozen=True)
class _Prepared:
    path: Path
    size: int
    inspection: Inspection


@dataclass
class _Written:
    prepared: _Prepared
    blob: BlobRecord
    thumbnail: BlobRecord | None


def import_files(
    vault: Vault,
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    progress: ImportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Asset]:
    """Import files with the same options as new assets (or one file as a new version)."""
    options = options or ImportOptions()
    files = [Path(p) for p in paths]
    if options.title and len(files) > 1:
        raise InvalidInputError("a title names one file; import several files without one")
    if options.new_version_of and len(files) > 1:
        raise InvalidInputError("a new version is one file; import the files one at a time")
    return import_batch(vault, [(f, options) for f in files], progress, cancelled)


def import_batch(
    vault: Vault,
    items: Sequence[tuple[Path, ImportOptions]],
    progress: ImportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Asset]:
    """Import files, each with its own options, in one transaction: all or nothing."""
    vault.require_content("import assets")
    if not items:
        raise InvalidInputError("no files to import")
    plans = [_plan(vault, options) for _, options in items]
    versioned = [p.target.id for p in plans if p.target is not None]
    if len(versioned) != len(set(versioned)):
        raise InvalidInputError("give one new version of an asset at a time")
    prepared = [_prepare(Path(path)) for path, _ in items]
    _refuse_repeats(prepared)
    written = _write_blobs(vault, prepared, progress, cancelled)
    try:
        seen: dict[str, Path] = {}
        for item, plan in zip(written, plans, strict=True):
            _refuse_duplicate(vault, item, plan.target)
            if item.blob.sha256 in seen:
                raise InvalidInputError(
                    f"{item.prepared.path.name} and {seen[item.blob.sha256].name} have the same "
                    "content; import it once"
                )
            seen[item.blob.sha256] = item.prepared.path
        with vault.transaction():
            results = []
            for item, plan in zip(written, plans, strict=True):
                vault.blobs.insert(item.blob)
                if item.thumbnail is not None:
                    vault.blobs.insert(item.thumbnail)
                if plan.target is not None:
                    results.append(_insert_version(vault, plan.target, item, plan.options.note))
                else:
                    results.append(_insert_asset(vault, item, plan))
        return [load_asset(vault, asset_id) for asset_id in results]
    except BaseException:
        for item in written:
            vault.blobs.discard(item.blob.id)
            if item.thumbnail is not None:
                vault.blobs.discard(item.thumbnail.id)
        raise


@dataclass(frozen=True)
class _Plan:
    options: ImportOptions
    target: Asset | None
    embargo: When | None
    tags: tuple[str, ...]


def _plan(vault: Vault, options: ImportOptions) -> _Plan:
    """Check one file's options before anything is read or written."""
    if options.new_version_of:
        if options.title or options.campaign_id or options.embargo_until or options.tags:
            raise InvalidInputError(
                "a new version keeps its asset's title, campaign, embargo and tags; "
                "change those by editing the asset"
            )
        return _Plan(options, load_asset(vault, options.new_version_of), None, ())
    check_sensitivity(options.sensitivity)
    return _Plan(options, None, _embargo_for(vault, options), clean_tags(options.tags))


def check_options(vault: Vault, options: ImportOptions) -> None:
    """Refuse options an import would refuse (campaign, sensitivity, embargo, tags), before any
    file is read: a form asks for them once for a whole batch."""
    vault.require_content("import assets")
    _plan(vault, options)


def add_version(vault: Vault, asset_id: str, path: Path, note: str = "") -> Asset:
    """Keep `path` as the next version of an asset; the earlier versions stay readable."""
    return import_files(vault, [path], ImportOptions(new_version_of=asset_id, note=note))[0]


def holder_of(vault: Vault, sha256: str) -> tuple[Asset, int] | None:
    """The asset and version that hold a file with this SHA-256, if any."""
    rows = query(
        vault.conn,
        "SELECT asset_id, version FROM asset_versions WHERE sha256 = ? ORDER BY created LIMIT 1",
        (sha256,),
    )
    if not rows:
        return None
    return load_asset(vault, rows[0][0]), int(rows[0][1])


def _embargo_for(vault: Vault, options: ImportOptions) -> When | None:
    now = now_utc()
    launch: When | None = None
    if options.campaign_id is not None:
        rows = query(
            vault.conn,
            "SELECT launch, launch_zone FROM campaigns WHERE id = ?",
            (options.campaign_id,),
        )
        if not rows:
            raise InvalidInputError(
                f"no campaign with id {options.campaign_id}", field="campaign_id"
            )
        if rows[0][0]:
            launch = When.stored(rows[0][0], rows[0][1])
    if options.embargo_until is not None:
        if options.embargo_until.utc <= now:
            raise InvalidInputError(
                f"the embargo time {options.embargo_until.display()} is in the past",
                field="embargo_until",
            )
        return options.embargo_until
    if launch is not None and launch.utc > now:
        return launch
    return None


def _prepare(path: Path) -> _Prepared:
    try:
        with open(path, "rb") as src:
            size = os.fstat(src.fileno()).st_size
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}") from None
    if size == 0:
        raise InvalidInputError(f"{path} is empty (0 bytes); nothing was imported")
    try:
        inspection = inspect(path)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}") from None
    return _Prepared(path, size, inspection)


def _refuse_repeats(prepared: list[_Prepared]) -> None:
    seen: set[Path] = set()
    for item in prepared:
        resolved = item.path.resolve()
        if resolved in seen:
            raise InvalidInputError(f"{item.path} is named twice; import it once")
        seen.add(resolved)


def _write_blobs(
    vault: Vault,
    prepared: list[_Prepared],
    progress: ImportProgress | None,
    cancelled: Callable[[], bool] | None,
) -> list[_Written]:
    total = sum(item.size for item in prepared)
    done = 0
    written: list[_Written] = []
    try:
        for item in prepared:
            base = done

            def step(n: int, base: int = base) -> None:
                if progress is not None:
                    progress(base + n, total)

            try:
                with open(item.path, "rb") as src:
                    blob = vault.blobs.write(src, step, cancelled)
            except OSError as exc:
                raise InvalidInputError(f"cannot read {item.path}: {exc.strerror}") from None
            entry = _Written(item, blob, None)
            written.append(entry)
            if item.inspection.thumbnail is not None:
                entry.thumbnail = vault.blobs.write(io.BytesIO(item.inspection.thumbnail))
            done += item.size
    except BaseException:
        for entry in written:
            vault.blobs.discard(entry.blob.id)
            if entry.thumbnail is not None:
                vault.blobs.discard(entry.thumbnail.id)
        raise
    return written


def _refuse_duplicate(vault: Vault, item: _Written, target: Asset | None) -> None:
    name = item.prepared.path.name
    if target is not None:
        if item.blob.sha256 == target.sha256:
            raise InvalidInputError(
                f"{name} is identical to the current version of {target.id} '{target.title}'; "
                "nothing to add"
            )
        return
    held = holder_of(vault, item.blob.sha256)
    if held is not None:
        raise DuplicateAssetError(item.prepared.path, held[0], held[1])


def _insert_asset(vault: Vault, item: _Written, plan: _Plan) -> str:
    options, embargo, tags = plan.options, plan.embargo, plan.tags
    path = item.prepared.path
    asset_id = new_id("ast")
    now = utc_now()
    thumb = item.thumbnail.id if item.thumbnail else None
    values = (
        asset_id,
        (options.title or path.stem).strip() or path.name,
        path.name,
        item.prepared.inspection.media_type,
        item.blob.size,
        item.blob.sha256,
        item.blob.id,
        now,
        vault.actor.user,
        options.campaign_id,
        options.sensitivity,
        embargo.text if embargo else None,
        embargo.zone if embargo else None,
        None,
        None,
        thumb,
        1,
    )
    vault.conn.execute(f"INSERT INTO assets ({COLUMNS}) VALUES ({','.join('?' * 17)})", values)
    _insert_version_row(vault, asset_id, 1, item, "", now)
    for tag in tags:
        vault.conn.execute("INSERT INTO asset_tags (asset_id, tag) VALUES (?, ?)", (asset_id, tag))
    detail = f"{item.blob.size} bytes, {item.prepared.inspection.media_type}, {options.sensitivity}"
    if embargo:
        detail += f", embargo until {embargo.text}"
    vault.audit.append("asset.import", asset_id, reason=detail)
    return asset_id


def _insert_version(vault: Vault, target: Asset, item: _Written, note: str) -> str:
    (latest,) = query(
        vault.conn, "SELECT max(version) FROM asset_versions WHERE asset_id = ?", (target.id,)
    )[0]
    version = int(latest or 0) + 1
    now = utc_now()
    inspection = item.prepared.inspection
    vault.conn.execute(
        "UPDATE assets SET original_name=?, media_type=?, size=?, sha256=?, blob_id=?,"
        " thumbnail_blob_id=?, version=? WHERE id=?",
        (
            item.prepared.path.name,
            inspection.media_type,
            item.blob.size,
            item.blob.sha256,
            item.blob.id,
            item.thumbnail.id if item.thumbnail else None,
            version,
            target.id,
        ),
    )
    _insert_version_row(vault, target.id, version, item, note.strip(), now)
    reason = f"version {version}: {item.prepared.path.name}, {item.blob.size} bytes"
    if note.strip():
        reason += f" ({note.strip()})"
    vault.audit.append("asset.version", target.id, reason=reason)
    return target.id


def _insert_version_row(
    vault: Vault, asset_id: str, version: int, item: _Written, note: str, now: str
) -> None:
    vault.conn.execute(
        f"INSERT INTO asset_versions ({VERSION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            asset_id,
            version,
            item.prepared.path.name,
            item.prepared.inspection.media_type,
            item.blob.size,
            item.blob.sha256,
            item.blob.id,
            item.thumbnail.id if item.thumbnail else None,
            note,
            now,
            vault.actor.user,
        ),
    )
