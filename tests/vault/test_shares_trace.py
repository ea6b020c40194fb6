"""Watermarked previews as shares, and leak tracing through the vault (real images, real vault)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sealroom_access import allow_copies
from skimage import data as samples

from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares, trace
from sealroom.vault.session import Vault
from sealroom.vault.store import query


def _save(pixels: np.ndarray, path: Path, **options: object) -> Path:
    Image.fromarray(pixels).save(path, **options)
    return path


@pytest.fixture
def shared(vault: Vault, tmp_path: Path) -> dict[str, object]:
    photo = _save(samples.astronaut(), tmp_path / "launch.jpg", quality=95)
    other = _save(samples.coffee(), tmp_path / "coffee.png")
    asset = assets.import_file(vault, photo, title="Launch photo")
    unshared = assets.import_file(vault, other, title="Coffee")
    people = [
        parties.add_party(vault, f"Partner {i}", "brand", organisation=f"Brand {i}")
        for i in range(4)
    ]
    files = {}
    for person in people:
        allow_copies(vault, person.id, asset.id)
        share, written = shares.export_preview(
            vault, asset.id, person.id, tmp_path / f"preview-{person.id}.png", max_side=400
        )
        files[person.id] = (share, written[0])
    return {"asset": asset, "unshared": unshared, "people": people, "files": files}


def test_preview_is_marked_small_and_without_metadata(vault: Vault, shared: dict) -> None:
    share, path = next(iter(shared["files"].values()))
    image = Image.open(path)
    assert max(image.size) == 400
    assert not image.info.get("exif") and not image.getexif()
    assert not [k for k in image.info if k not in ("dpi",)]
    original = np.asarray(Image.open(path).convert("RGB"))
    assert share.kind == "file" and share.share_code in (share.visible_mark or "")
    events = [(e.action, e.object) for e in vault.audit.events(limit=20)]
    assert ("share.create", share.id) in events
    assert original.std() > 10


def test_preview_is_recreated_bit_exactly(vault: Vault, shared: dict) -> None:
    for share, path in shared["files"].values():
        recreated = shares.render_share(vault, share)[0]
        assert np.array_equal(recreated, np.asarray(Image.open(path).convert("RGB")))


def test_previews_of_two_recipients_differ(shared: dict) -> None:
    paths = [p for _, p in shared["files"].values()]
    a, b = (np.asarray(Image.open(p).convert("RGB")).astype(int) for p in paths[:2])
    assert np.abs(a - b).max() > 0


def test_attacked_leak_names_its_recipient(vault: Vault, shared: dict, tmp_path: Path) -> None:
    leaker = shared["people"][2]
    _, path = shared["files"][leaker.id]
    image = Image.open(path).convert("RGB")
    w, h = image.size
    cropped = image.crop((int(w * 0.1), int(h * 0.05), int(w * 0.95), int(h * 0.9)))
    cropped = cropped.resize((int(cropped.width * 0.8), int(cropped.height * 0.8)))
    leak = tmp_path / "leak.jpg"
    cropped.save(leak, quality=60)
    (report,) = trace.trace_files(vault, [leak])
    assert report.verdict == "identified"
    assert report.accused == (leaker.id,)
    assert report.asset_id == shared["asset"].id
    assert report.candidates[0].p_false < 1e-6
    innocents = [c for c in report.candidates if c.party_id != leaker.id]
    assert len(innocents) == 3 and all(c.p_false > 1e-6 for c in innocents)
    assert report.alignment is not None and report.alignment["inliers"] > 0


def test_never_marked_original_accuses_nobody(vault: Vault, shared: dict, tmp_path: Path) -> None:
    original = _save(samples.astronaut(), tmp_path / "original.jpg", quality=80)
    (report,) = trace.trace_files(vault, [original])
    assert report.asset_id == shared["asset"].id
    assert report.verdict == "no confident match"
    assert report.accused == ()
    assert len(report.candidates) == 4


def test_unknown_and_unshared_assets(vault: Vault, shared: dict, tmp_path: Path) -> None:
    stranger = _save(samples.chelsea(), tmp_path / "stranger.png")
    coffee = _save(samples.coffee(), tmp_path / "coffee-copy.jpg", quality=85)
    stranger_pdf = tmp_path / "stranger.pdf"
    stranger_pdf.write_bytes(
        previews.encode_pdf([samples.chelsea(), samples.camera()[..., None].repeat(3, axis=2)])
    )
    unknown, unshared, unknown_pdf = trace.trace_files(vault, [stranger, coffee, stranger_pdf])
    assert unknown.verdict == "unknown asset" and unknown.asset_id is None
    assert unknown_pdf.verdict == "unknown asset" and unknown_pdf.error is None
    assert unshared.verdict == "no confident match"
    assert unshared.asset_id == shared["unshared"].id and unshared.candidates == ()


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_bad_suspects_get_clear_answers_and_change_nothing(
    vault: Vault, shared: dict, tmp_path: Path
) -> None:
    good = io.BytesIO()
    Image.fromarray(samples.astronaut()).save(good, "JPEG")
    tiny = io.BytesIO()
    Image.new("RGB", (1, 1)).save(tiny, "PNG")
    bad = {
        "notes.txt": b"not a picture at all",
        "empty.jpg": b"",
        "truncated.jpg": good.getvalue()[:2000],
        "dot.png": tiny.getvalue(),
        "huge.png": _png_header(30_000, 30_000),
    }
    paths = []
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    before = query(vault.conn, "SELECT count(*) FROM shares")[0]
    reports = trace.trace_files(vault, paths)
    messages = {Path(r.suspect).name: r.error for r in reports}
    assert all(r.verdict == "unreadable" for r in reports)
    assert "not an image" in messages["notes.txt"]
    assert "empty" in messages["empty.jpg"]
    assert "truncated" in messages["truncated.jpg"] or "damaged" in messages["truncated.jpg"]
    assert "too small" in messages["dot.png"]
    assert "megapixels" in messages["huge.png"]
    assert query(vault.conn, "SELECT count(*) FROM shares")[0] == before


def test_pdf_asset_gives_marked_page_images(vault: Vault, tmp_path: Path) -> None:
    pages = [samples.astronaut(), samples.chelsea()]
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(previews.encode_pdf([np.asarray(p) for p in pages]))
    deck = assets.import_file(vault, pdf, title="Deck")
    person = parties.add_party(vault, "Press One", "press")
    allow_copies(vault, person.id, deck.id)
    _, written = shares.export_preview(
        vault, deck.id, person.id, tmp_path / "deck-prev.pdf", max_side=512
    )
    rendered = previews.decode_pages(written[0].read_bytes())
    assert len(rendered) == 2
    _, pngs = shares.export_preview(vault, deck.id, person.id, tmp_path / "deck.png", max_side=512)
    assert [p.name for p in pngs] == ["deck-p1.png", "deck-p2.png"]
    (report,) = trace.trace_files(vault, [pngs[1]])
    assert report.verdict == "identified" and report.page == 2
    assert report.accused == (person.id,)
    (from_pdf,) = trace.trace_files(vault, [written[0]])
    assert from_pdf.verdict == "identified" and from_pdf.accused == (person.id,)


def test_text_assets_have_no_previews(vault: Vault, tmp_path: Path) -> None:
    caption = tmp_path / "caption.txt"
    caption.write_text("Launch day!")
    asset = assets.import_file(vault, caption)
    person = parties.add_party(vault, "Someone", "other")
    allow_copies(vault, person.id, asset.id)
    with pytest.raises(InvalidInputError, match="images and PDFs"):
        shares.export_preview(vault, asset.id, person.id, tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_share_choices_are_images_and_pdfs_and_titles_follow_shares(
    vault: Vault, shared: dict, tmp_path: Path
) -> None:
    caption = tmp_path / "caption.txt"
    caption.write_text("Launch day!")
    assets.import_file(vault, caption, title="A caption")
    before = vault.audit.size
    choices = shares.shareable_assets(vault)
    assert [title for _, title in choices] == ["Coffee", "Launch photo"]
    assert vault.audit.events(limit=1)[0].action == "asset.list"
    assert vault.audit.size == before + 1
    asset = shared["asset"]
    assert shares.shared_asset_titles(vault) == {asset.id: "Launch photo"}
