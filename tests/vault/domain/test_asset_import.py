"""Importing assets: kinds, thumbnails, campaign embargoes, duplicates, versions, bad files."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets.catalog import DuplicateAssetError, ImportOptions, import_files
from sealroom.vault.assets.details import edit_asset
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

Snapshot = Callable[[], dict[str, Any]]


def days(n: float) -> When:
    return When(now_utc() + timedelta(days=n), "Europe/Paris")


def _photo(path: Path, seed: int = 1) -> Path:
    pixels = np.random.default_rng(seed).integers(0, 255, (300, 400, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


def _pdf(path: Path) -> Path:
    Image.new("RGB", (600, 800), "white").save(path, "PDF")
    return path


def _clip(path: Path) -> Path:
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 10, (160, 96))
    for frame in range(12):
        writer.write(np.full((96, 160, 3), frame * 20, dtype=np.uint8))
    writer.release()
    return path


def test_every_kind_imports_with_a_thumbnail_where_one_can_be_made(
    vault: Vault, tmp_path: Path
) -> None:
    files = [
        _photo(tmp_path / "hero.jpg"),
        _photo(tmp_path / "detail.png", 2),
        _photo(tmp_path / "alt.webp", 3),
        _pdf(tmp_path / "brief.pdf"),
        _clip(tmp_path / "teaser.mp4"),
        tmp_path / "caption.txt",
    ]
    files[-1].write_text("Out now with @northwind\n", encoding="utf-8")
    made = import_files(vault, files, ImportOptions(tags=("Spring", "#hero", "spring")))
    kinds = {a.original_name: a.kind for a in made}
    assert kinds == {
        "hero.jpg": "image",
        "detail.png": "image",
        "alt.webp": "image",
        "brief.pdf": "pdf",
        "teaser.mp4": "video",
        "caption.txt": "text",
    }
    assert [a.has_thumbnail for a in made] == [True, True, True, True, True, False]
    assert all(a.tags == ("hero", "spring") for a in made)
    assert all(a.sensitivity == "confidential" and not a.embargoed for a in made)
    thumbnails = assets.read_thumbnails(vault, [a.id for a in made])
    assert set(thumbnails) == {a.id for a in made[:5]}
    for data in thumbnails.values():
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG" and max(image.size) <= 256
    assert vault.audit.events(limit=1)[0].action == "asset.thumbnails"


def test_a_campaign_embargoes_its_assets_until_launch(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    options = ImportOptions(campaign_id=cast.campaign, sensitivity="secret")
    (asset,) = import_files(vault, [_photo(tmp_path / "a.jpg")], options)
    assert asset.embargoed and asset.campaign_name == "Spring"
    assert asset.embargo_until is not None and asset.embargo_until > When(now_utc(), "UTC").text
    assert asset.sensitivity == "secret"
    teaser = days(2)
    own = ImportOptions(campaign_id=cast.campaign, embargo_until=teaser)
    (early,) = import_files(vault, [_photo(tmp_path / "b.jpg", 2)], own)
    assert early.embargo_until == teaser.text and early.embargo_zone == "Europe/Paris"
    assert [a.id for a in assets.list_assets(vault, campaign_id=cast.campaign)] == [
        asset.id,
        early.id,
    ]


def test_a_duplicate_is_refused_naming_the_asset_and_can_become_a_new_version(
    vault: Vault, tmp_path: Path, snapshot: Snapshot
) -> None:
    first = _photo(tmp_path / "hero.jpg")
    (original,) = import_files(vault, [first])
    copy = tmp_path / "hero-copy.jpg"
    copy.write_bytes(first.read_bytes())
    before = snapshot()
    with pytest.raises(DuplicateAssetError) as refused:
        import_files(vault, [_photo(tmp_path / "new.jpg", 5), copy])
    assert refused.value.existing.id == original.id and refused.value.version == 1
    assert f"already in the vault as {original.id}" in str(refused.value)
    assert "new version" in str(refused.value)
    assert snapshot() == before
    with pytest.raises(InvalidInputError, match="identical to the current version"):
        import_files(vault, [copy], ImportOptions(new_version_of=original.id))
    assert snapshot() == before


def test_versions_keep_history(vault: Vault, tmp_path: Path) -> None:
    (asset,) = import_files(vault, [_photo(tmp_path / "v1.jpg", 1)])
    second = assets.add_version(vault, asset.id, _photo(tmp_path / "v2.jpg", 2), "recoloured")
    assert (second.id, second.version, second.original_name) == (asset.id, 2, "v2.jpg")
    versions = assets.list_versions(vault, asset.id)
    assert [(v.version, v.current, v.note) for v in versions] == [
        (1, False, ""),
        (2, True, "recoloured"),
    ]
    assert assets.read_asset(vault, asset.id, version=1) == (tmp_path / "v1.jpg").read_bytes()
    assert assets.read_asset(vault, asset.id) == (tmp_path / "v2.jpg").read_bytes()
    out = assets.export_asset(vault, asset.id, tmp_path / "old.jpg", version=1)
    assert out.read_bytes() == (tmp_path / "v1.jpg").read_bytes()
    with pytest.raises(NotFoundError, match="has no version 7"):
        assets.read_asset(vault, asset.id, version=7)
    blobs = [v.blob_id for v in versions] + [v.thumbnail_blob_id for v in versions]
    assets.delete_asset(vault, asset.id)
    assert not any(vault.blobs.path_of(b).exists() for b in blobs if b)


def _bad_files(tmp_path: Path) -> list[tuple[Path, str]]:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG" * 10)
    fake_pdf = tmp_path / "brief.pdf"
    fake_pdf.write_bytes(b"PK\x03\x04 a zip file named like a PDF")
    latin = tmp_path / "caption.txt"
    latin.write_bytes("Café crème, d\xe9j\xe0 vu".encode("latin-1"))
    return [
        (empty, "empty.jpg is empty \\(0 bytes\\)"),
        (broken, "is not a readable JPEG image"),
        (fake_pdf, "is not a PDF"),
        (latin, "is not UTF-8 text"),
        (tmp_path, "is a folder, not a regular file"),
        (tmp_path / "missing.png", "cannot read .*No such file"),
    ]


def test_bad_files_are_refused_and_nothing_is_written(
    vault: Vault, tmp_path: Path, snapshot: Snapshot
) -> None:
    good = _photo(tmp_path / "good.jpg")
    before = snapshot()
    for bad, message in _bad_files(tmp_path):
        with pytest.raises(InvalidInputError, match=message):
            import_files(vault, [good, bad])
        assert snapshot() == before, bad.name
    with pytest.raises(InvalidInputError, match="same content"):
        twin = tmp_path / "twin.jpg"
        twin.write_bytes(good.read_bytes())
        import_files(vault, [good, twin])
    assert snapshot() == before


def test_bad_options_are_refused(vault: Vault, cast: Any, tmp_path: Path) -> None:
    photo = _photo(tmp_path / "a.jpg")
    for options, message in [
        (ImportOptions(embargo_until=days(-1)), "is in the past"),
        (ImportOptions(sensitivity="top-secret"), "sensitivity must be one of"),
        (ImportOptions(campaign_id="cmp_missing"), "no campaign with id cmp_missing"),
        (ImportOptions(tags=("a\nb",)), "is not a tag"),
        (ImportOptions(new_version_of="ast_missing"), "no asset with id ast_missing"),
        (ImportOptions(new_version_of="ast_x", tags=("x",)), "keeps its asset's title"),
    ]:
        with pytest.raises((InvalidInputError, NotFoundError), match=message):
            import_files(vault, [photo], options)
    assert assets.list_assets(vault) == []


def test_a_file_this_pillow_cannot_decode_imports_without_thumbnail(
    vault: Vault, tmp_path: Path
) -> None:
    heic = tmp_path / "phone.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(range(256)) * 4)
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        (asset,) = import_files(vault, [heic])
        assert (asset.media_type, asset.kind, asset.has_thumbnail) == ("image/heic", "image", False)
    else:  # pragma: no cover - with a HEIF decoder, damaged bytes are refused like any image
        with pytest.raises(InvalidInputError):
            import_files(vault, [heic])


def test_edit_asset_and_the_changes_that_would_skip_the_release_rules(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    options = ImportOptions(campaign_id=cast.campaign, sensitivity="secret")
    (asset,) = import_files(vault, [_photo(tmp_path / "a.jpg")], options)
    with pytest.raises(InvalidInputError, match="secret and under embargo; release it first"):
        edit_asset(vault, asset.id, sensitivity="internal")
    with pytest.raises(InvalidInputError, match="is in the past"):
        edit_asset(vault, asset.id, embargo_until=days(-2))
    lift = days(3)
    moved = edit_asset(vault, asset.id, title="Hero", embargo_until=lift, tags=["final"])
    assert (moved.title, moved.embargo_until, moved.tags) == ("Hero", lift.text, ("final",))
    reason = vault.audit.events(limit=1)[0].reason
    assert reason.startswith("title; embargo ") and reason.endswith("; tags")
    assert [a.id for a in assets.list_assets(vault, tag="final")] == [asset.id]
    assert edit_asset(vault, asset.id, clear_campaign=True).campaign_id is None
