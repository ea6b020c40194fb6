"""The calls the screens make into the vault. Each runs on the vault thread (see workers.py).

A function here takes the open vault and the task's `Job` first, calls use-cases, and returns
plain data (records, or an in-memory `QImage` for previews). No rule of the domain lives here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from sealroom.desktop.i18n import translate
from sealroom.desktop.models.assets import AssetListing
from sealroom.desktop.models.paged import PageRequest
from sealroom.desktop.tasks.changed import ASSETS, GRANTS, PARTIES, SHARES
from sealroom.desktop.tasks.previews import Preview, render_preview
from sealroom.desktop.workers import Job, changes
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets import importing
from sealroom.vault.assets.importing import ImportOptions
from sealroom.vault.parties import directory as parties
from sealroom.vault.parties.directory import Party
from sealroom.vault.session import Vault
from sealroom.vault.when import parse_when

TEXT_PREVIEW_BYTES = 64 * 1024

# -- opening ------------------------------------------------------------------------------------


def create_vault(job: Job, folder: Path, user: str, password: str) -> Vault:
    from sealroom.vault.users import check_new_password

    check_new_password(password)
    return Vault.create(folder, user, password)


def unlock_vault(job: Job, folder: Path, user: str, password: str) -> Vault:
    return Vault.unlock(folder, user, password)


def build_demo(job: Job, folder: Path) -> Vault:
    """Build the demo vault (a few seconds of use-cases), then unlock it."""
    from sealroom.vault.demo import build as demo

    demo.build_demo(folder, demo.DEFAULT_PASSWORD, job.say)
    return Vault.unlock(folder, demo.DEMO_USER, demo.DEFAULT_PASSWORD)


# -- assets -------------------------------------------------------------------------------------


def list_assets(vault: Vault, job: Job) -> list[assets.Asset]:
    return assets.list_assets(vault)


@dataclass(frozen=True)
class Page:
    """The rows read for a `PageRequest`, and the listing's size when the request asked."""

    request: PageRequest
    records: list[Any]
    total: int | None


def asset_page(vault: Vault, job: Job, request: PageRequest) -> Page:
    listing: AssetListing = request.listing
    total = assets.count_assets(vault, listing.search) if request.count else None
    found = assets.list_assets_page(
        vault, listing.search, listing.sort, listing.descending, request.offset, request.limit
    )
    return Page(request, found, total)


@dataclass(frozen=True)
class ImportPlan:
    files: list[tuple[Path, int]]
    skipped: list[str]

    @property
    def total_bytes(self) -> int:
        return sum(size for _, size in self.files)


def plan_import(vault: Vault, job: Job, paths: list[Path]) -> ImportPlan:
    """The files to import: given files, and the files inside given folders (recursively)."""
    files: list[tuple[Path, int]] = []
    skipped: list[str] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if job.cancelled():
                        return ImportPlan([], [])
                    if not name.startswith("."):
                        _add_file(Path(root) / name, files, skipped)
        else:
            _add_file(path, files, skipped)
    return ImportPlan(files, skipped)


def _add_file(path: Path, files: list[tuple[Path, int]], skipped: list[str]) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        skipped.append(f"{path.name}: {exc.strerror}")
        return
    if not path.is_file():
        skipped.append(translate("Import", "{name}: not a regular file").format(name=path.name))
    elif size == 0:
        skipped.append(translate("Import", "{name}: empty").format(name=path.name))
    else:
        files.append((path, size))


@dataclass(frozen=True)
class ImportChoice:
    """What the person chose for every file of an import, as typed."""

    campaign_id: str | None
    sensitivity: str
    embargo: str
    """An embargo as typed, or "" for the campaign's launch (if still ahead) or none."""
    zone: str


def check_import(vault: Vault, job: Job, choice: ImportChoice) -> ImportOptions:
    """The options for each file of an import, refused here (by field) before any file is read."""
    embargo = None
    if choice.embargo.strip():
        embargo = parse_when(choice.embargo, choice.zone, what="embargo", field="embargo_until")
    options = ImportOptions(
        campaign_id=choice.campaign_id, sensitivity=choice.sensitivity, embargo_until=embargo
    )
    importing.check_options(vault, options)
    return options


@changes(ASSETS)
def import_file(
    vault: Vault,
    job: Job,
    path: Path,
    done_before: int,
    total: int,
    options: ImportOptions | None = None,
) -> assets.Asset:
    """Import one file; progress counts bytes over the whole import (`total`)."""
    return assets.import_file(
        vault,
        path,
        progress=_ImportProgress(job, done_before, total),
        cancelled=job.cancelled,
        options=options,
    )


class _ImportProgress:
    def __init__(self, job: Job, done_before: int, total: int) -> None:
        self._job = job
        self._before = done_before
        self._total = total

    def __call__(self, done: int) -> None:
        self._job.progress(self._before + done, self._total)


def export_asset(vault: Vault, job: Job, asset_id: str, target: Path) -> Path:
    return assets.export_asset(vault, asset_id, target)


@changes(ASSETS, GRANTS, SHARES)
def delete_asset(vault: Vault, job: Job, asset_id: str) -> str:
    assets.delete_asset(vault, asset_id)
    return asset_id


def preview_asset(vault: Vault, job: Job, asset_id: str, page: int, size: QSize) -> Preview:
    """An image or PDF page rendered from the decrypted original; text as text; for other
    kinds (video) the thumbnail the vault made at import."""
    asset = assets.get_asset(vault, asset_id)
    if asset.kind == "text":
        data = assets.read_asset(vault, asset_id)
        text = data[:TEXT_PREVIEW_BYTES].decode("utf-8", "replace")
        return Preview(asset_id, None, 0, 1, text=text)
    if Preview.can_render(asset.media_type):
        data = assets.read_asset(vault, asset_id)
        return render_preview(asset_id, asset.media_type, data, page, size)
    images = thumbnails(vault, job, [asset_id])
    if asset_id in images:
        return Preview(asset_id, images[asset_id], 0, 1,
                       translate("Preview", "A still from the file; no playback here"))
    return Preview(asset_id, None, 0, 0, translate("Preview", "No preview for {type} files")
                   .format(type=asset.media_type))


def thumbnails(vault: Vault, job: Job, asset_ids: list[str]) -> dict[str, QImage]:
    """The vault's stored thumbnails of these assets, decoded in memory."""
    images = {}
    for asset_id, data in assets.read_thumbnails(vault, asset_ids).items():
        image = QImage()
        if image.loadFromData(data):
            images[asset_id] = image
    return images


# -- parties ------------------------------------------------------------------------------------


def list_parties(vault: Vault, job: Job) -> list[Party]:
    return parties.list_parties(vault)


@dataclass(frozen=True)
class PartyFields:
    name: str
    kind: str
    email: str
    organisation: str
    handle: str


@changes(PARTIES)
def save_party(vault: Vault, job: Job, party_id: str | None, fields: PartyFields) -> Party:
    if party_id is None:
        return parties.add_party(
            vault,
            fields.name,
            fields.kind,
            fields.email or None,
            fields.organisation or None,
            fields.handle or None,
        )
    return parties.edit_party(
        vault,
        party_id,
        name=fields.name,
        kind=fields.kind,
        email=fields.email,
        organisation=fields.organisation,
        handle=fields.handle,
    )


@changes(PARTIES, GRANTS)
def delete_party(vault: Vault, job: Job, party_id: str, reason: str) -> Party:
    return parties.delete_party(vault, party_id, reason)
