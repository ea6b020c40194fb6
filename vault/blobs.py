"""Encrypted blobs beside the database: one random key per blob, wrapped by the content key.

A blob is written to a temporary file in the vault folder, fsynced and renamed into place before
its database row commits; a blob file without a row (a crash in between) is removed by `sweep`
at the next unlock. Nothing decrypted is ever written here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.stream import Progress, decrypt_chunks, encrypt_stream
from sealroom.crypto.wrap import subkey, unwrap, wrap
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError
from sealroom.vault.fsutil import fsync_dir, open_regular
from sealroom.vault.store import Connection, query

BLOB_DIR = "blobs"
TMP_PREFIX = ".incoming-"
WRAP_LABEL = "sealroom blob key wrap"


@dataclass(frozen=True)
class BlobRecord:
    id: str
    wrapped_key: bytes
    key_epoch: int
    size: int
    sha256: str


def blob_context(blob_id: str) -> bytes:
    return f"sealroom blob {blob_id}".encode()


class BlobStore:
    def __init__(self, folder: Path, conn: Connection, content_key: SecretBytes, epoch: int):
        self.root = folder / BLOB_DIR
        self.root.mkdir(mode=0o700, exist_ok=True)
        self._conn = conn
        self._wrap_key = subkey(content_key, WRAP_LABEL)
        self._epoch = epoch

    def path_of(self, blob_id: str) -> Path:
        return self.root / blob_id[:2] / blob_id

    def write(
        self,
        src: BinaryIO,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BlobRecord:
        """Encrypt `src` into a new blob file; the caller records it with `insert` afterwards."""
        blob_id = secrets.token_hex(16)
        tmp = self.root / f"{TMP_PREFIX}{blob_id}"
        with SecretBytes.random() as blob_key:
            try:
                with open(tmp, "wb") as out:
                    size, digest = encrypt_stream(blob_key, src, out, progress, cancelled)
                    out.flush()
                    os.fsync(out.fileno())
                final = self.path_of(blob_id)
                final.parent.mkdir(mode=0o700, exist_ok=True)
                os.replace(tmp, final)
                fsync_dir(final.parent)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            wrapped = wrap(self._wrap_key, blob_key, blob_context(blob_id))
        return BlobRecord(blob_id, wrapped, self._epoch, size, digest)

    def insert(self, record: BlobRecord) -> None:
        self._conn.execute(
            "INSERT INTO blobs (id, wrapped_key, key_epoch, size, sha256, created)"
            " VALUES (?,?,?,?,?,?)",
            (
                record.id,
                record.wrapped_key,
                record.key_epoch,
                record.size,
                record.sha256,
                now_stamp(),
            ),
        )

    def discard(self, blob_id: str) -> None:
        """Remove a blob file that will not be (or is no longer) recorded."""
        with contextlib.suppress(FileNotFoundError):
            self.path_of(blob_id).unlink()

    def record(self, blob_id: str) -> BlobRecord:
        rows = query(
            self._conn,
            "SELECT id, wrapped_key, key_epoch, size, sha256 FROM blobs WHERE id = ?",
            (blob_id,),
        )
        if not rows:
            raise CorruptDataError(f"blob {blob_id} has no record in the vault database")
        r = rows[0]
        return BlobRecord(r[0], bytes(r[1]), int(r[2]), int(r[3]), r[4])

    def read_chunks(self, blob_id: str) -> Iterator[bytes]:
        """Authenticated plaintext chunks of a blob, decrypted in memory."""
        record = self.record(blob_id)
        path = self.path_of(blob_id)
        if not path.exists():
            raise CorruptDataError(f"the encrypted file of blob {blob_id} is missing")
        with (
            unwrap(self._wrap_key, record.wrapped_key, blob_context(blob_id)) as key,
            open_regular(path, CorruptDataError) as src,
        ):
            try:
                yield from decrypt_chunks(key, src)
            except CorruptDataError as exc:
                raise CorruptDataError(f"blob {blob_id}: {exc}") from None

    def read_bytes(self, blob_id: str) -> bytes:
        return b"".join(self.read_chunks(blob_id))

    def sweep(self) -> int:
        """Delete blob files with no database row and interrupted writes; return how many."""
        known = {row[0] for row in query(self._conn, "SELECT id FROM blobs")}
        removed = 0
        for path in self.root.rglob("*"):
            if not path.is_file():
                continue
            if path.name.startswith(TMP_PREFIX) or path.name not in known:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def rewrap_all(self, old_content_key: SecretBytes, new_epoch: int) -> int:
        """Re-wrap every blob key still under an older content key (key rotation)."""
        old_wrap = subkey(old_content_key, WRAP_LABEL)
        rows = query(
            self._conn, "SELECT id, wrapped_key FROM blobs WHERE key_epoch < ?", (new_epoch,)
        )
        for blob_id, wrapped in rows:
            with unwrap(old_wrap, bytes(wrapped), blob_context(blob_id)) as blob_key:
                rewrapped = wrap(self._wrap_key, blob_key, blob_context(blob_id))
            self._conn.execute(
                "UPDATE blobs SET wrapped_key = ?, key_epoch = ? WHERE id = ?",
                (rewrapped, new_epoch, blob_id),
            )
        old_wrap.wipe()
        return len(rows)

    def close(self) -> None:
        self._wrap_key.wipe()
