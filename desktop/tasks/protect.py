"""The vault calls of the protection screens: watermarked shares and leak tracing.

Each runs on the vault thread. Share previews are re-created in memory (`render_share`) and
turned into a `QImage` here; nothing decrypted or watermarked is written to disk except the
file a person explicitly exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from sealroom.crypto.keyslots import Role
from sealroom.desktop.tasks.changed import SHARES
from sealroom.desktop.workers import Job, changes
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.parties.directory import Party
from sealroom.vault.protect import shares, trace
from sealroom.vault.protect.shares import Share
from sealroom.vault.session import Vault


@dataclass(frozen=True)
class ShareRow:
    share: Share
    asset_title: str
    party_name: str

    @property
    def id(self) -> str:
        return self.share.id


@dataclass(frozen=True)
class SharesData:
    rows: list[ShareRow]


def list_shares(vault: Vault, job: Job) -> SharesData:
    titles = shares.shared_asset_titles(vault)
    names = {p.id: p.name for p in parties.list_parties(vault, include_deleted=True)}
    rows = [
        ShareRow(s, titles.get(s.asset_id, s.asset_id), names.get(s.party_id, s.party_id))
        for s in shares.list_shares(vault)
    ]
    return SharesData(rows)


@dataclass(frozen=True)
class ShareChoices:
    assets: list[tuple[str, str]]
    """(id, title) of the assets a preview can be made of (images and PDFs)."""
    parties: list[Party]
    owner: bool = False
    """Whether the person may override the outbound rule and leave out the visible mark."""


def share_choices(vault: Vault, job: Job) -> ShareChoices:
    """What the share dialog offers, read when it opens."""
    return ShareChoices(
        shares.shareable_assets(vault),
        [p for p in parties.list_parties(vault) if not p.deleted],
        vault.role is Role.OWNER,
    )


@dataclass(frozen=True)
class ShareFields:
    asset_id: str
    party_id: str
    out: Path
    max_side: int
    visible: bool
    override_reason: str = ""
    """An owner's written reason to issue although the outbound rule refuses."""


@changes(SHARES)
def create_share(vault: Vault, job: Job, fields: ShareFields) -> tuple[Share, list[Path]]:
    return shares.export_preview(
        vault,
        fields.asset_id,
        fields.party_id,
        fields.out,
        fields.max_side,
        fields.visible,
        override_reason=fields.override_reason or None,
    )


@dataclass(frozen=True)
class SharePreview:
    share_id: str
    image: QImage
    pages: int


def preview_share(vault: Vault, job: Job, share_id: str, size: QSize) -> SharePreview:
    """The share's first page exactly as issued (marks included), in memory."""
    pages = shares.render_share(vault, shares.get_share(vault, share_id))
    pixels = np.ascontiguousarray(pages[0])
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB888)
    if width > size.width() or height > size.height():
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return SharePreview(share_id, image.copy(), len(pages))


@dataclass(frozen=True)
class TraceResult:
    reports: list[trace.SuspectReport]
    party_names: dict[str, str]
    asset_titles: dict[str, str]


def trace_files(vault: Vault, job: Job, paths: list[Path]) -> TraceResult:
    reports = trace.trace_files(vault, paths, job.say)
    names = {p.id: p.name for p in parties.list_parties(vault, include_deleted=True)}
    wanted = {r.asset_id for r in reports if r.asset_id}
    titles = {a.id: a.title for a in assets.list_assets(vault) if a.id in wanted}
    return TraceResult(reports, names, titles)
