"""Assets and parties: round trips, refusals with reasons, and what an auditor may not do."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from sealroom.crypto import stream
from sealroom.crypto.keyslots import Role
from sealroom.vault import users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

AUDITOR_PASSWORD = "auditor password"


def _source(folder: Path, name: str, size: int, seed: int) -> tuple[Path, bytes]:
    data = random.Random(seed).randbytes(size)
    path = folder / name
    path.write_bytes(data)
    return path, data


def _blob_files(vault_dir: Path) -> set[str]:
    return {p.name for p in (vault_dir / "blobs").rglob("*") if p.is_file()}


def test_import_export_round_trip(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    size = 2 * stream.CHUNK_BYTES + 77
    source, data = _source(tmp_path, "Spring Campaign Brief.bin", size, seed=1)
    asset = assets.import_file(vault, source)
    assert asset.title == "Spring Campaign Brief"
    assert asset.original_name == "Spring Campaign Brief.bin"
    assert asset.size == size
    assert asset.sha256 == hashlib.sha256(data).hexdigest()
    assert asset.created_by == "owner"
    blob_path = vault.blobs.path_of(asset.blob_id)
    assert blob_path.stat().st_size == stream.sealed_size(size)
    assert data[:64] not in blob_path.read_bytes()

    assert assets.get_asset(vault, asset.id) == asset
    assert assets.read_asset(vault, asset.id) == data
    out = tmp_path / "out" / "copy.bin"
    out.parent.mkdir()
    seen: list[int] = []
    assert assets.export_asset(vault, asset.id, out, progress=seen.append) == out
    assert out.read_bytes() == data
    assert seen[-1] == size
    into_folder = assets.export_asset(vault, asset.id, out.parent)
    assert into_folder == out.parent / "Spring Campaign Brief.bin"
    assert into_folder.read_bytes() == data
    assert sorted(p.name for p in out.parent.iterdir()) == ["Spring Campaign Brief.bin", "copy.bin"]

    second, second_data = _source(tmp_path, "moodboard.bin", 1000, seed=2)
    titled = assets.import_file(vault, second, title="  Mood board  ")
    assert titled.title == "Mood board"
    listed = assets.list_assets(vault)
    assert [a.id for a in listed] == [asset.id, titled.id]
    assert assets.read_asset(vault, titled.id) == second_data
    report = verify.verify_vault(vault)
    assert report.ok and report.blobs_checked >= 2

    vault.lock()
    with Vault.unlock(vault_dir, "owner", "correct horse battery") as reopened:
        assert assets.read_asset(reopened, asset.id) == data
        assert [a.id for a in assets.list_assets(reopened)] == [asset.id, titled.id]


def test_export_never_overwrites(vault: Vault, tmp_path: Path) -> None:
    source, data = _source(tmp_path, "a.bin", 5000, seed=3)
    asset = assets.import_file(vault, source)
    existing = tmp_path / "existing.bin"
    existing.write_bytes(b"keep me")
    with pytest.raises(InvalidInputError, match="already exists"):
        assets.export_asset(vault, asset.id, existing)
    assert existing.read_bytes() == b"keep me"
    # Into a folder that already has a file of the original name: refused as well.
    with pytest.raises(InvalidInputError, match="already exists"):
        assets.export_asset(vault, asset.id, tmp_path)
    assert source.read_bytes() == data
    assert not list(tmp_path.glob(".*.partial"))


def test_delete_removes_the_blob_file(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    keep_src, keep_data = _source(tmp_path, "keep.bin", 3000, seed=4)
    gone_src, _ = _source(tmp_path, "gone.bin", 3000, seed=5)
    keep = assets.import_file(vault, keep_src)
    gone = assets.import_file(vault, gone_src)
    gone_blob = vault.blobs.path_of(gone.blob_id)
    assert gone_blob.exists()
    assets.delete_asset(vault, gone.id)
    assert not gone_blob.exists()
    assert gone.blob_id not in _blob_files(vault_dir)
    assert keep.blob_id in _blob_files(vault_dir)
    with pytest.raises(NotFoundError, match=gone.id):
        assets.get_asset(vault, gone.id)
    with pytest.raises(NotFoundError):
        assets.delete_asset(vault, gone.id)
    assert [a.id for a in assets.list_assets(vault)] == [keep.id]
    assert assets.read_asset(vault, keep.id) == keep_data
    assert verify.verify_vault(vault).ok


def test_unusable_files_are_refused_and_leave_nothing(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    folder = tmp_path / "a folder"
    folder.mkdir()
    before = _blob_files(vault_dir)
    with pytest.raises(InvalidInputError, match="empty"):
        assets.import_file(vault, empty)
    with pytest.raises(InvalidInputError, match="folder"):
        assets.import_file(vault, folder)
    with pytest.raises(InvalidInputError, match="cannot read"):
        assets.import_file(vault, tmp_path / "missing.bin")
    assert _blob_files(vault_dir) == before
    assert assets.list_assets(vault) == []
    with pytest.raises(NotFoundError):
        assets.get_asset(vault, "ast_000000000000")
    with pytest.raises(NotFoundError):
        assets.export_asset(vault, "ast_000000000000", tmp_path / "x.bin")
    assert not (tmp_path / "x.bin").exists()


def test_parties_add_list_edit_and_validation(vault: Vault, vault_dir: Path) -> None:
    brand = parties.add_party(vault, "  Northwind Cosmetics ", "brand", "pr@northwind.example")
    assert brand.name == "Northwind Cosmetics"
    assert brand.kind == "brand" and brand.email == "pr@northwind.example"
    creator = parties.add_party(vault, "Ada Lens", "influencer", organisation="Lens Studio")
    assert creator.email is None and creator.organisation == "Lens Studio"
    assert [p.name for p in parties.list_parties(vault)] == ["Ada Lens", "Northwind Cosmetics"]

    edited = parties.edit_party(vault, brand.id, name="Northwind", email="press@northwind.example")
    assert edited.name == "Northwind" and edited.email == "press@northwind.example"
    assert edited.kind == "brand" and edited.created == brand.created
    assert parties.get_party(vault, brand.id) == edited
    assert parties.edit_party(vault, creator.id, kind="agency").kind == "agency"

    bad_adds: list[tuple[Callable[[], object], str]] = [
        (lambda: parties.add_party(vault, "X", "sponsor"), "kind must be one of"),
        (lambda: parties.add_party(vault, "X", ""), "kind must be one of"),
        (lambda: parties.add_party(vault, "", "brand"), "needs a name"),
        (lambda: parties.add_party(vault, "   ", "brand"), "needs a name"),
        (lambda: parties.add_party(vault, "X", "brand", "not-an-email"), "not an email"),
        (lambda: parties.add_party(vault, "X", "brand", "a@b"), "not an email"),
        (lambda: parties.add_party(vault, "X", "brand", "a b@c.de"), "not an email"),
        (lambda: parties.edit_party(vault, brand.id, kind="villain"), "kind must be one of"),
        (lambda: parties.edit_party(vault, brand.id, name=" "), "needs a name"),
        (lambda: parties.edit_party(vault, brand.id, email="@@"), "not an email"),
    ]
    for action, message in bad_adds:
        with pytest.raises(InvalidInputError, match=message):
            action()
    assert parties.get_party(vault, brand.id) == edited
    assert len(parties.list_parties(vault)) == 2
    with pytest.raises(NotFoundError):
        parties.edit_party(vault, "pty_000000000000", name="Nobody")

    vault.lock()
    with Vault.unlock(vault_dir, "owner", "correct horse battery") as reopened:
        assert parties.get_party(reopened, brand.id) == edited


def test_an_auditor_is_refused_content_with_a_reason(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    source, _ = _source(tmp_path, "contract.bin", 4000, seed=6)
    asset = assets.import_file(vault, source)
    party = parties.add_party(vault, "Northwind", "brand")
    users.add_user(vault, "aldo", Role.AUDITOR, AUDITOR_PASSWORD)
    vault.lock()
    out = tmp_path / "leak.bin"
    with Vault.unlock(vault_dir, "aldo", AUDITOR_PASSWORD) as auditor:
        assert auditor.keys.content is None
        denied: list[Callable[[], object]] = [
            lambda: assets.import_file(auditor, source),
            lambda: assets.list_assets(auditor),
            lambda: assets.get_asset(auditor, asset.id),
            lambda: assets.read_asset(auditor, asset.id),
            lambda: assets.export_asset(auditor, asset.id, out),
            lambda: assets.delete_asset(auditor, asset.id),
            lambda: parties.add_party(auditor, "Someone", "brand"),
            lambda: parties.list_parties(auditor),
            lambda: parties.get_party(auditor, party.id),
            lambda: parties.edit_party(auditor, party.id, name="Renamed"),
            lambda: auditor.blobs,
        ]
        for action in denied:
            with pytest.raises(PermissionDeniedError, match=r"auditor cannot .*no content key"):
                action()
        assert not out.exists()
        # ... and can still do an auditor's work.
        report = verify.verify_vault(auditor)
        assert report.ok and not report.content_checked
    with Vault.unlock(vault_dir, "owner", "correct horse battery") as owner:
        assert [a.id for a in assets.list_assets(owner)] == [asset.id]
        assert parties.get_party(owner, party.id).name == "Northwind"
