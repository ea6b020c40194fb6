"""A cut-out of a shared page, traced in a vault that holds unshared copies of that page.

The same sheet is often kept several times (exports that differ only in their metadata, a
re-upload under a new title); only one of them was shared. A corner of a text page has no
usable features, so it is placed by its layout, where every copy fits exactly as well as the
shared page: the copies must not take the shared page's place among the pages tested.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from leaks import document_page, jpeg
from PIL import Image, PngImagePlugin
from sealroom_access import allow_copies
from sealroom_cli import cli_env, run

from sealroom.crypto.watermark.index import LAYOUT_CANDIDATES
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"


def _save(pixels: np.ndarray, path: Path, note: str = "") -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", note)
    Image.fromarray(pixels).save(path, pnginfo=info)
    return path


def test_a_page_crop_is_named_among_unshared_copies_of_the_page(tmp_path: Path) -> None:
    page = document_page(13, (900, 1272))
    with Vault.create(tmp_path / "crowded.sealroom", "owner", PASSWORD) as vault:
        for number in range(LAYOUT_CANDIDATES):
            copy = _save(page, tmp_path / f"copy-{number}.png", f"export {number}")
            assets.import_file(vault, copy, title=f"term sheet copy {number}")
        shared = assets.import_file(vault, _save(page, tmp_path / "sheet.png"), title="term sheet")
        previews = {}
        for name in ("Lumen", "Kito"):
            person = parties.add_party(vault, name, "brand", organisation="Brand")
            allow_copies(vault, person.id, shared.id)
            _, (file,) = shares.export_preview(
                vault, shared.id, person.id, tmp_path / f"preview-{name}.png"
            )
            previews[person.id] = np.asarray(Image.open(file).convert("RGB"))
    leaker, preview = next(iter(previews.items()))
    height, width = preview.shape[:2]
    ch, cw = round(height * 0.55), round(width * 0.55)  # the lower right 30 %: text only
    crop = jpeg(np.ascontiguousarray(preview[height - ch :, width - cw :]), 85)
    suspect = _save(crop, tmp_path / "corner.png")
    out = run(
        "trace",
        "--vault",
        str(tmp_path / "crowded.sealroom"),
        str(suspect),
        "--json",
        env=cli_env(PASSWORD),
    ).stdout
    report = json.loads(out)
    assert report["verdict"] == "identified", report["summary"]
    assert report["accused"] == [leaker]
    assert report["asset_id"] == shared.id
