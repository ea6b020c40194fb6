"""A FIFO, a device or a folder given as an import, a document, a trace suspect or found as a blob
is refused before it is opened, with a one-line message, and the vault stays usable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sealroom.vault.agreements.contracts import NewAgreement, add_agreement, attach_document
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import CorruptDataError, InvalidInputError
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect.trace import trace_files
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

NOT_FILES = ["fifo", "device", "folder"]


def _not_a_file(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe.png"
        os.mkfifo(path)  # opening it for reading would block until someone writes
        return path
    if kind == "device":
        return Path("/dev/zero")  # never ends
    path = tmp_path / "folder.png"
    path.mkdir()
    return path


@pytest.mark.parametrize("kind", NOT_FILES)
def test_import_refuses_a_non_regular_file(vault: Vault, tmp_path: Path, kind: str) -> None:
    path = _not_a_file(tmp_path, kind)
    before = vault.audit.size
    with pytest.raises(InvalidInputError, match="not a regular file") as refused:
        assets.import_file(vault, path)
    assert "\n" not in str(refused.value) and str(path) in str(refused.value)
    assert vault.audit.size == before and assets.count_assets(vault) == 0


@pytest.mark.parametrize("kind", NOT_FILES)
def test_trace_refuses_a_non_regular_suspect(vault: Vault, tmp_path: Path, kind: str) -> None:
    with pytest.raises(InvalidInputError, match="not a regular file"):
        trace_files(vault, [_not_a_file(tmp_path, kind)])


def test_a_fifo_as_agreement_document_is_refused(vault: Vault, tmp_path: Path) -> None:
    brand = parties.add_party(vault, "Northwind", "brand")
    effective = When(now_utc(), "UTC")
    nda = add_agreement(
        vault, NewAgreement(kind="nda", title="NDA", party_ids=(brand.id,), effective=effective)
    )
    with pytest.raises(InvalidInputError, match="named pipe"):
        attach_document(vault, nda.id, _not_a_file(tmp_path, "fifo"))


def test_a_fifo_planted_as_a_blob_is_damage_not_a_hang(vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "brief.txt"
    source.write_text("Spring brief\n")
    asset = assets.import_file(vault, source)
    blob = vault.blobs.path_of(asset.blob_id)
    blob.unlink()
    os.mkfifo(blob)
    with pytest.raises(CorruptDataError, match="named pipe"):
        assets.read_asset(vault, asset.id)
