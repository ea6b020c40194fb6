"""The large vault the GUI benchmark opens: N assets and M audit events, built fast.

Importing 100k real files would take hours, so the asset rows (and their `asset_versions` rows)
are inserted with SQL inside `vault.transaction()`. They point at a handful of REAL encrypted
blobs (written with `vault.blobs.write` + `vault.blobs.insert`), a few with real thumbnails:
many asset rows share one blob. This is a benchmark fixture, not a vault the app would make.
Audit events are appended with the real `AuditLog.append`, 10k per transaction.
"""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

from core_audit import _append
from core_report import progress

from sealroom.vault.blobs import BlobRecord
from sealroom.vault.session import Vault

OWNER = "owner"
PASSWORD = "correct horse battery"
REAL_BLOBS = 8
THUMBNAILED = 4
CAMPAIGNS = 40
WORDS = ("teaser", "brief", "moodboard", "cut", "storyboard", "still", "contract", "press kit")
SENSITIVITY = ("internal", "confidential", "secret")
ASSET_SQL = (
    "INSERT INTO assets (id, title, original_name, media_type, size, sha256, blob_id, created,"
    " created_by, campaign_id, sensitivity, embargo_until, embargo_zone, released,"
    " released_by, thumbnail_blob_id, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
VERSION_SQL = (
    "INSERT INTO asset_versions (asset_id, version, original_name, media_type, size, sha256,"
    " blob_id, thumbnail_blob_id, note, created, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def _png(seed: int, size: tuple[int, int], fmt: str) -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, (40 * seed % 256, 90 + 20 * seed % 160, 200 - 15 * seed))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _write_blob(vault: Vault, data: bytes) -> tuple[BlobRecord, str]:
    record = vault.blobs.write(io.BytesIO(data))
    vault.blobs.insert(record)
    return record, hashlib.sha256(data).hexdigest()


def _real_blobs(vault: Vault) -> list[tuple[BlobRecord, str, str | None]]:
    """(blob, sha256 of the plaintext, thumbnail blob id or None) for REAL_BLOBS images."""
    made = []
    with vault.transaction():
        for k in range(REAL_BLOBS):
            record, digest = _write_blob(vault, _png(k, (640, 400), "PNG"))
            thumb = None
            if k < THUMBNAILED:
                thumb = _write_blob(vault, _png(k, (160, 100), "JPEG"))[0].id
            made.append((record, digest, thumb))
    return made


def _insert_assets(vault: Vault, count: int) -> None:
    blobs = _real_blobs(vault)
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO campaigns (id, name, created, created_by, updated) VALUES (?,?,?,?,?)",
            [
                (
                    f"cmp_bench{k:04d}",
                    f"Campaign {k:02d}",
                    "2026-01-01T00:00:00Z",
                    OWNER,
                    "2026-01-01T00:00:00Z",
                )
                for k in range(CAMPAIGNS)
            ],
        )
    batch = 10_000
    for start in range(0, count, batch):
        assets, versions = [], []
        for k in range(start, min(start + batch, count)):
            blob, digest, thumb = blobs[k % len(blobs)]
            asset_id = f"ast_bench{k:07d}"
            name = f"{WORDS[k % len(WORDS)].replace(' ', '-')}-{k:06d}.png"
            created = f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}T{k % 24:02d}:00:00Z"
            embargo = "2027-03-01T09:00:00Z" if k % 7 == 0 else None
            assets.append(
                (
                    asset_id,
                    f"{WORDS[k % len(WORDS)]} {k:06d}",
                    name,
                    "image/png",
                    blob.size,
                    digest,
                    blob.id,
                    created,
                    OWNER,
                    f"cmp_bench{k % CAMPAIGNS:04d}",
                    SENSITIVITY[k % 3],
                    embargo,
                    "Europe/Paris" if embargo else None,
                    None,
                    None,
                    thumb,
                    1,
                )
            )
            versions.append(
                (
                    asset_id,
                    1,
                    name,
                    "image/png",
                    blob.size,
                    digest,
                    blob.id,
                    thumb,
                    "",
                    created,
                    OWNER,
                )
            )
        with vault.transaction() as conn:
            conn.executemany(ASSET_SQL, assets)
            conn.executemany(VERSION_SQL, versions)
            vault.audit.append("bench.fixture", f"{len(assets)} asset rows inserted by SQL")
        progress(f"gui: {start + len(assets):,}/{count:,} asset rows")


def build_vault(folder: Path, assets: int, events: int) -> str:
    """Create the vault at `folder`; return a one-line description for the report."""
    started = time.perf_counter()
    progress("gui: creating the vault (insecure test KDF)")
    vault = Vault.create(folder, OWNER, PASSWORD)
    try:
        _insert_assets(vault, assets)
        result = _append(vault, events, 10_000, float("inf"))
        size = vault.audit.size
    finally:
        vault.lock()
    took = time.perf_counter() - started
    return (
        f"Fixture: {assets:,} asset rows inserted by SQL sharing {REAL_BLOBS} real encrypted "
        f"blobs ({THUMBNAILED} with real thumbnails), {result.appended:,} audit events appended "
        f"with AuditLog.append ({size:,} in the log at the end); built in {took:.0f} s."
    )
