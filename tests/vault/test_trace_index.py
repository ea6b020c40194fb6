"""The asset index for tracing is built at import and kept current."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from skimage import data as samples

from sealroom.crypto.watermark.entry import ENTRY_MAGIC, IndexEntry
from sealroom.vault.assets import catalog as assets
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.trace_index import build_index
from sealroom.vault.session import Vault
from sealroom.vault.store import query


def _entries(vault: Vault) -> dict[tuple[str, int], bytes]:
    rows = query(vault.conn, "SELECT asset_id, page, entry FROM trace_index")
    return {(str(a), int(p)): bytes(e) for a, p, e in rows}


def test_import_indexes_images_and_every_pdf_page(vault: Vault, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.fromarray(samples.chelsea()).save(photo)
    deck = tmp_path / "deck.pdf"
    deck.write_bytes(previews.encode_pdf([samples.coffee(), samples.astronaut()]))
    note = tmp_path / "note.txt"
    note.write_text("not a picture")
    image, pdf, text = (assets.import_file(vault, p) for p in (photo, deck, note))
    entries = _entries(vault)
    assert set(entries) == {(image.id, 1), (pdf.id, 1), (pdf.id, 2)}
    assert all(e.startswith(ENTRY_MAGIC) for e in entries.values())
    assert text.id not in {a for a, _ in entries}
    before = vault.audit.size
    index = build_index(vault)  # nothing left to index: no asset is read again
    assert len(index) == 3 and vault.audit.size == before


def test_entries_of_the_older_format_are_indexed_again(vault: Vault, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.fromarray(samples.rocket()).save(photo)
    asset = assets.import_file(vault, photo)
    current = _entries(vault)[(asset.id, 1)]
    layout = IndexEntry.from_bytes(current).layout
    assert layout is not None
    without_layout = current[: -(4 + layout.size)]
    for older in (
        b"SRIX1" + without_layout[5:-256],  # the first format: no thumbnail
        b"SRIX2" + without_layout[5:],  # the second: no layout
    ):
        assert IndexEntry.from_bytes(older).layout is None
        with vault.transaction() as conn:
            conn.execute("UPDATE trace_index SET entry = ? WHERE asset_id = ?", (older, asset.id))
        index = build_index(vault)
        assert len(index) == 1 and index.entries[0].layout is not None
        assert _entries(vault)[(asset.id, 1)] == current
