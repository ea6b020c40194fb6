"""Previews of a text page issued before and after mark version 2, traced through `sealroom trace`.

The vault keeps each share's mark version: a preview issued before version 2 is re-created and
traced with version 1, a new one with version 2, side by side on the same page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from leaks import document_page, double_compression, social_repost
from PIL import Image
from sealroom_access import allow_copies
from sealroom_cli import cli_env, run

from sealroom.crypto.watermark import MARK_VERSION
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares
from sealroom.vault.session import Vault
from sealroom.vault.store import query

PASSWORD = "paper trail password"
DATA = Path(__file__).parent.parent / "data"


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("sheet")
    source = folder / "sheet.png"
    Image.fromarray(document_page(11)).save(source)
    found: dict[str, Any] = {"folder": folder, "vault": str(folder / "sheet.sealroom")}
    with Vault.create(folder / "sheet.sealroom", "owner", PASSWORD) as vault:
        asset = assets.import_file(vault, source, title="rate sheet").id
        people = {
            name: parties.add_party(vault, name, "brand", organisation="Brand").id
            for name in ("Earlier", "Later", "Bystander")
        }
        issued = {}
        for name, person in people.items():
            allow_copies(vault, person, asset)
            share, (path,) = shares.export_preview(
                vault, asset, person, folder / f"{name}.png"
            )
            issued[name] = (share, path)
        earlier, _ = issued["Earlier"]
        # The share of "Earlier" stands for one issued before version 2: recorded as version 1
        # and its preview made as version 1 made it.
        with vault.transaction() as conn:
            conn.execute("UPDATE shares SET mark_version = 1 WHERE id = ?", (earlier.id,))
        (old_page,) = shares.render_share(vault, shares.get_share(vault, earlier.id))
        Image.fromarray(old_page).save(issued["Earlier"][1])
        found["people"] = people
        found["issued"] = {name: (s.id, s.mark_version, p) for name, (s, p) in issued.items()}
        found["rerendered"] = {
            name: shares.render_share(vault, shares.get_share(vault, s.id))[0]
            for name, (s, _) in issued.items()
        }
    return found


def _trace(sheet: dict[str, Any], suspect: Path) -> dict[str, Any]:
    out = run("trace", "--vault", sheet["vault"], str(suspect), "--json", env=cli_env(PASSWORD))
    report: dict[str, Any] = json.loads(out.stdout)
    return report


def test_new_previews_carry_the_current_version_and_are_re_created_exactly(
    sheet: dict[str, Any],
) -> None:
    assert sheet["issued"]["Later"][1] == MARK_VERSION
    for name in ("Later", "Bystander"):  # written by the export, re-created from the record
        assert np.array_equal(_pixels(sheet["issued"][name][2]), sheet["rerendered"][name]), name
    earlier, later = (_pixels(sheet["issued"][n][2]) for n in ("Earlier", "Later"))
    assert not np.array_equal(earlier, later)


def test_a_preview_issued_before_version_2_is_still_named(sheet: dict[str, Any]) -> None:
    _, _, path = sheet["issued"]["Earlier"]
    suspect = sheet["folder"] / "earlier-leak.png"
    Image.fromarray(double_compression(_pixels(path), np.random.default_rng(3))).save(suspect)
    report = _trace(sheet, suspect)
    assert report["accused"] == [sheet["people"]["Earlier"]], report["summary"]


def test_a_reposted_version_2_page_is_named_beside_a_version_1_share(
    sheet: dict[str, Any],
) -> None:
    _, _, path = sheet["issued"]["Later"]
    suspect = sheet["folder"] / "later-post.jpg"
    Image.fromarray(social_repost(_pixels(path), np.random.default_rng(5))).save(suspect)
    report = _trace(sheet, suspect)
    assert report["accused"] == [sheet["people"]["Later"]], report["summary"]
    assert report["candidates"][0]["score"] > 15


def test_shares_recorded_before_the_column_existed_are_version_1(tmp_path: Path) -> None:
    folder = tmp_path / "vault-schema1"
    shutil.copytree(DATA / "vault-schema1", folder)
    with Vault.unlock(folder, "owner", "golden-owner-pw") as vault:
        columns = {row[1]: row[4] for row in query(vault.conn, "PRAGMA table_info(shares)")}
    assert columns["mark_version"] == "1"
