"""Shares: a watermarked preview of an asset issued to one party, and its re-creation.

A share stores only what is needed to re-create its preview bit-exactly (asset version, mark
number, size, visible-mark text); the preview itself is never kept. The mark number is the
invisible fingerprint's payload, random and unique per share, unguessable without the vault's
watermark key. What the share was issued under (the grant, the NDA, a second person's approval or
an owner's override) is recorded with it from the outbound decision (`record_origin`), so a
trace can name them.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.watermark import MARK_VERSION, VisibleMark, WatermarkError, render_preview
from sealroom.vault import epochs, exports, wrapped_settings
from sealroom.vault.assets import catalog as assets
from sealroom.vault.clock import now_stamp, now_utc
from sealroom.vault.errors import CorruptDataError, InvalidInputError, NotFoundError
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import outbound
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection, query

DEFAULT_MAX_SIDE = 2048
MIN_MAX_SIDE = 256
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHARE_COLUMNS = (
    "id, kind, asset_id, asset_version, party_id, mark_number, share_code, max_side,"
    " visible_mark, created, created_by, revoked, key_epoch, mark_version"
)
SHARE_PLACEHOLDERS = ",".join("?" * len(SHARE_COLUMNS.split(",")))
_COLUMNS = SHARE_COLUMNS


@dataclass(frozen=True)
class Share:
    id: str
    kind: str
    asset_id: str
    asset_version: int
    party_id: str
    mark_number: int
    share_code: str
    max_side: int
    visible_mark: str | None
    """The visible mark's fields as JSON, or None for a preview without one."""
    created: str
    created_by: str
    revoked: str | None = None
    key_epoch: int = 0
    """The key epoch whose watermark key marked it (0: made before key epochs)."""
    mark_version: int = 1
    """The version of the invisible mark its preview carries (see crypto's mask.py)."""

    def mark(self) -> VisibleMark | None:
        return VisibleMark(**json.loads(self.visible_mark)) if self.visible_mark else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("mark_number")
        return data


def watermark_key(vault: Vault) -> SecretBytes:
    """The secret fingerprint key that marks new previews: the current epoch's."""
    return watermark_key_for(vault, vault.header.key_epoch)


def watermark_key_for(vault: Vault, epoch: int) -> SecretBytes:
    """The fingerprint key of a key epoch: the one started by the latest removal of an owner or
    manager at or before `epoch` (see `epochs`), else the vault's first, created on first use."""
    vault.require_content("make or trace watermarked previews")
    content_key = vault.keys.content
    assert content_key is not None
    vault_id = vault.header.vault_id
    started = [e for e in epochs.watermark_epochs(vault.conn) if e <= epoch]
    if started:
        setting = epochs.watermark_setting(started[-1])
        key = wrapped_settings.load(vault.conn, setting, content_key, vault_id)
        if key is None:
            raise CorruptDataError(f"vault database lost the watermark key of epoch {started[-1]}")
        return key
    found = wrapped_settings.load(vault.conn, wrapped_settings.WATERMARK_KEY, content_key, vault_id)
    if found is not None:
        return found
    key = SecretBytes.random()
    with vault.transaction() as conn:
        wrapped_settings.store(
            conn,
            wrapped_settings.WATERMARK_KEY,
            content_key,
            vault_id,
            key,
            vault.header.key_epoch,
        )
        vault.audit.append("watermark.key.create", vault_id)
    return key


def new_mark_number(vault: Vault) -> int:
    """A random fingerprint payload (the invisible mark) that no share of this vault has yet."""
    while True:
        number = secrets.randbits(62) + 1
        if not query(vault.conn, "SELECT 1 FROM shares WHERE mark_number = ?", (number,)):
            return number


def new_share_code() -> str:
    """A random six-character code for a share's visible mark (unambiguous letters and digits)."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))


def list_shares(vault: Vault, asset_id: str | None = None) -> list[Share]:
    vault.require_content("list shares")
    sql = f"SELECT {_COLUMNS} FROM shares"
    params: tuple[Any, ...] = ()
    if asset_id is not None:
        sql += " WHERE asset_id = ?"
        params = (asset_id,)
    return [Share(*row) for row in query(vault.conn, sql + " ORDER BY created, rowid", params)]


def shared_asset_titles(vault: Vault) -> dict[str, str]:
    """The title of each asset some share was made of (a deleted asset has none)."""
    vault.require_content("list shares")
    sql = "SELECT id, title FROM assets WHERE id IN (SELECT asset_id FROM shares)"
    return {str(i): str(t) for i, t in query(vault.conn, sql)}


def shareable_assets(vault: Vault) -> list[tuple[str, str]]:
    """(id, title) of every asset a preview can be made of (images and PDFs), by title: what
    a person chooses from to share. Two columns only, so 100k assets stay a few MB."""
    vault.require_content("list assets")
    sql = (
        "SELECT id, title FROM assets WHERE media_type LIKE 'image/%'"
        " OR media_type = 'application/pdf' ORDER BY title COLLATE NOCASE, id"
    )
    found = [(str(i), str(t)) for i, t in query(vault.conn, sql)]
    vault.record_listing("asset.list", reason="to choose one to share")
    return found


def get_share(vault: Vault, share_id: str) -> Share:
    vault.require_content("read shares")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM shares WHERE id = ?", (share_id,))
    if not rows:
        raise NotFoundError(f"no share with id {share_id}")
    return Share(*rows[0])


def asset_pages(vault: Vault, asset_id: str, version: int | None = None) -> list[previews.Page]:
    """The pictures of an image or PDF asset, decoded in memory."""
    asset = assets.get_asset(vault, asset_id)
    if not (asset.media_type.startswith("image/") or asset.media_type == "application/pdf"):
        raise InvalidInputError(
            f"asset {asset.id} is {asset.media_type}; watermarked previews are made of images "
            "and PDFs",
            field="asset_id",
        )
    data = assets.read_asset(vault, asset_id, version)
    return previews.decode_pages(data, f"asset {asset_id}")


def render_share(vault: Vault, share: Share) -> list[previews.RGB]:
    """Re-create a share's preview pages exactly as they were issued."""
    pages = asset_pages(vault, share.asset_id, share.asset_version)
    with watermark_key_for(vault, share.key_epoch) as key:
        try:
            return [
                render_preview(
                    page.pixels,
                    key=bytes(key.value),
                    payload=share.mark_number,
                    visible=share.mark(),
                    max_side=share.max_side,
                    version=share.mark_version,
                )
                for page in pages
            ]
        except WatermarkError as exc:
            raise InvalidInputError(f"cannot make a preview of {share.asset_id}: {exc}") from None


def export_preview(
    vault: Vault,
    asset_id: str,
    party_id: str,
    out: Path,
    max_side: int = DEFAULT_MAX_SIDE,
    visible: bool = True,
    override_reason: str | None = None,
) -> tuple[Share, list[Path]]:
    """Write a watermarked preview for one party and record it as a share of kind `file`.

    Image assets give one PNG (or JPEG if `out` ends in .jpg); PDF assets give a PDF of page
    images, or one PNG per page if `out` ends in .png. No metadata is carried over. Issued only
    under the outbound rule (`outbound.authorize_outbound`), which `override_reason` may
    override for an owner.
    """
    if max_side < MIN_MAX_SIDE:
        raise InvalidInputError(
            f"the longest side must be at least {MIN_MAX_SIDE} pixels", field="max_side"
        )
    decision = outbound.authorize_outbound(
        vault, party_id, asset_id, override_reason=override_reason, visible_mark=visible
    )
    asset = assets.get_asset(vault, asset_id)
    party = parties.get_party(vault, party_id)
    out = Path(out)
    code = new_share_code()
    mark = VisibleMark(
        recipient=party.name,
        organisation=party.organisation or party.kind,
        date=now_utc().strftime("%Y-%m-%d"),
        share_code=code,
    )
    share = Share(
        id=new_id("shr"),
        kind="file",
        asset_id=asset.id,
        asset_version=asset.version,
        party_id=party.id,
        mark_number=new_mark_number(vault),
        share_code=code,
        max_side=max_side,
        visible_mark=json.dumps(asdict(mark)) if visible else None,
        created=now_stamp(),
        created_by=vault.actor.user,
        key_epoch=vault.header.key_epoch,
        mark_version=MARK_VERSION,
    )
    pages = render_share(vault, share)
    files = _encode_outputs(out, pages, asset.media_type == "application/pdf")
    targets = [target for target, _ in files]

    def record(conn: Connection) -> None:
        conn.execute(
            f"INSERT INTO shares ({_COLUMNS}) VALUES ({SHARE_PLACEHOLDERS})",
            tuple(asdict(share).values()),
        )
        record_origin(conn, share.id, decision)
        vault.audit.append(
            "share.create",
            share.id,
            reason=f"file preview of {asset.id} for {party.id} ({len(pages)} pages)",
        )

    outputs = [exports.data_output(target, data) for target, data in files]
    exports.export_files(vault, outputs, record, action="share.create", obj=share.id)
    return share, targets


def record_origin(conn: Connection, share_id: str, decision: outbound.OutboundDecision) -> None:
    """Record the grant, NDA, approval or override a share was issued under (its outbound
    decision); call inside the transaction that records the share."""
    conn.execute(
        "INSERT INTO share_origins (share_id, grant_id, nda_id, approval_id, exception_id)"
        " VALUES (?,?,?,?,?)",
        (
            share_id,
            decision.grant_id,
            decision.nda_id,
            decision.approval_id,
            decision.exception_id,
        ),
    )


def _encode_outputs(out: Path, pages: list[previews.RGB], is_pdf: bool) -> list[tuple[Path, bytes]]:
    suffix = out.suffix.lower()
    encode: Callable[[previews.RGB], bytes]
    if suffix == ".pdf":
        return [(out, previews.encode_pdf(pages))]
    if suffix in (".jpg", ".jpeg"):
        encode = previews.encode_jpeg
    elif suffix == ".png":
        encode = previews.encode_png
    else:
        raise InvalidInputError(f"{out.name}: name the preview .png, .jpg or .pdf", field="out")
    if len(pages) == 1 and not is_pdf:
        return [(out, encode(pages[0]))]
    return [
        (out.with_name(f"{out.stem}-p{n}{out.suffix}"), encode(p)) for n, p in enumerate(pages, 1)
    ]
