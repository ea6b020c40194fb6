"""A 2 GiB file imports in bounded memory: the child process's peak resident size stays under
200 MiB (the file is sparse, so creating it costs nothing)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sealroom.crypto import stream
from sealroom.vault.assets import catalog as assets
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
SCRIPT = Path(__file__).parent / "scripts" / "vault_child.py"
SIZE = 2 * 1024 * 1024 * 1024
PEAK_LIMIT_KIB = 200 * 1024
MARKS = {0: b"start of the file", 12_345_678: b"somewhere", SIZE - 9: b"last byte"}
"""A few non-zero bytes in the sparse file, so that the digest says which bytes were read."""


def _expected_digest() -> str:
    """SHA-256 of the sparse file, computed from what was written without reading it back."""
    digest = hashlib.sha256()
    zeros = bytes(16 * 1024 * 1024)
    position = 0
    for offset, data in sorted(MARKS.items()):
        while position < offset:
            step = min(len(zeros), offset - position)
            digest.update(zeros[:step])
            position += step
        digest.update(data)
        position += len(data)
    while position < SIZE:
        step = min(len(zeros), SIZE - position)
        digest.update(zeros[:step])
        position += step
    return digest.hexdigest()


@pytest.mark.slow
def test_a_2_gib_import_stays_under_200_mib(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    vault.lock()
    source = tmp_path / "raw footage.bin"
    with open(source, "wb") as out:
        os.truncate(out.fileno(), SIZE)
        for offset, data in MARKS.items():
            out.seek(offset)
            out.write(data)
    assert source.stat().st_size == SIZE
    env = dict(os.environ)
    env["SEALROOM_INSECURE_TEST_KDF"] = "1"
    blob: Path | None = None
    try:
        done = subprocess.run(
            [sys.executable, str(SCRIPT), "large", str(vault_dir), "owner", PASSWORD, str(source)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        word, peak, digest, asset_id = done.stdout.split()
        assert word == "maxrss"
        assert int(peak) < PEAK_LIMIT_KIB, f"peak resident memory {int(peak) // 1024} MiB"
        assert digest == _expected_digest()
        with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
            asset = assets.get_asset(opened, asset_id)
            assert asset.size == SIZE and asset.sha256 == digest
            blob = opened.blobs.path_of(asset.blob_id)
            assert blob.stat().st_size == stream.sealed_size(SIZE)
            # The start of the blob decrypts to the start of the file.
            first = next(iter(opened.blobs.read_chunks(asset.blob_id)))
            assert first[: len(MARKS[0])] == MARKS[0]
            assert first[len(MARKS[0]) :] == bytes(stream.CHUNK_BYTES - len(MARKS[0]))
    finally:
        # Keep the 2 GiB out of pytest's retained temporary folders.
        source.unlink(missing_ok=True)
        if blob is not None:
            blob.unlink(missing_ok=True)
