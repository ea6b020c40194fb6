"""A trace result links each accused recipient and the near miss to the share (code, date, who
issued it, package), the grant and the NDA it was issued under, or the owner's override (real
vault, real previews, real traces)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from skimage import data as samples

from sealroom.crypto.keyslots import Role
from sealroom.vault import users
from sealroom.vault.access.grants import grant_access
from sealroom.vault.agreements.contracts import NewAgreement, add_agreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import packages, shares, trace
from sealroom.vault.protect.outbound import outbound_exceptions
from sealroom.vault.protect.trace_links import share_links
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, now_utc

PASSWORD = "correct horse battery"


def _nda(vault: Vault, party_id: str, title: str) -> str:
    now = now_utc()
    return add_agreement(
        vault,
        NewAgreement(
            kind="nda",
            title=title,
            party_ids=(party_id,),
            effective=When(now - timedelta(days=10), "UTC"),
            expires=When(now + timedelta(days=200), "UTC"),
            status="signed",
        ),
    ).id


def _save(pixels: np.ndarray, path: Path) -> Path:
    Image.fromarray(pixels).save(path)
    return path


@pytest.fixture
def world(vault: Vault, tmp_path: Path) -> Iterator[dict[str, object]]:
    photo = _save(samples.astronaut(), tmp_path / "launch.png")
    asset = assets.import_file(vault, photo, title="Launch photo")
    lumen = parties.add_party(vault, "Lumen", "brand", organisation="Lumen Cosmetics")
    kito = parties.add_party(vault, "Kito", "influencer")
    nova = parties.add_party(vault, "Nova", "press")
    nda = _nda(vault, lumen.id, "Lumen spring NDA")
    grant = grant_access(vault, lumen.id, asset_id=asset.id).id
    for other in (kito, nova):
        _nda(vault, other.id, f"{other.name} NDA")
    grant_access(vault, kito.id, asset_id=asset.id)
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    vault.lock()
    issued = {}
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        for person in (lumen, kito):
            share, (path,) = shares.export_preview(
                manager, asset.id, person.id, tmp_path / f"{person.name}.png", max_side=400
            )
            issued[person.id] = (share, path)
    owner = Vault.unlock(vault.folder, "owner", PASSWORD)
    # Nova has an NDA but no grant: only an owner's override lets a copy go to them.
    share, (path,) = shares.export_preview(
        owner,
        asset.id,
        nova.id,
        tmp_path / "nova.png",
        max_side=400,
        override_reason="Press preview agreed on the phone, grant to follow",
    )
    issued[nova.id] = (share, path)
    yield {
        "vault": owner,
        "asset": asset,
        "people": {"lumen": lumen, "kito": kito, "nova": nova},
        "nda": nda,
        "grant": grant,
        "issued": issued,
    }
    owner.lock()


def test_a_traced_leak_links_to_its_share_grant_and_nda(world: dict, tmp_path: Path) -> None:
    vault = world["vault"]
    lumen = world["people"]["lumen"]
    share, path = world["issued"][lumen.id]
    leak = tmp_path / "leak.jpg"
    Image.open(path).convert("RGB").save(leak, quality=80)
    (report,) = trace.trace_files(vault, [leak])
    assert report.accused == (lumen.id,)
    best = report.candidates[0]
    links = best.links
    assert links is not None
    assert (links.share_id, links.share_code) == (share.id, share.share_code)
    assert (links.issued, links.issued_by) == (share.created, "mia")
    assert (links.kind, links.package_id, links.recorded) == ("file", None, True)
    assert (links.grant_id, links.grant_level, links.grant_target) == (
        world["grant"],
        "preview",
        "Launch photo",
    )
    assert (links.nda_id, links.nda_title) == (world["nda"], "Lumen spring NDA")
    assert links.exception_id is None
    # Every candidate shown carries its own share's links, never the accused's.
    for candidate in report.candidates:
        assert candidate.links is not None and candidate.links.share_id == candidate.share_id
    json_links = report.to_json()["candidates"][0]["links"]
    assert json_links["share_code"] == share.share_code and json_links["nda_id"] == world["nda"]


def test_an_override_share_links_to_the_owners_exception(world: dict, tmp_path: Path) -> None:
    vault = world["vault"]
    nova = world["people"]["nova"]
    share, path = world["issued"][nova.id]
    (report,) = trace.trace_files(vault, [path])
    assert report.accused == (nova.id,)
    links = report.candidates[0].links
    assert links is not None and links.share_code == share.share_code
    (exception,) = outbound_exceptions(vault)
    assert exception.party_id == nova.id
    assert (links.exception_id, links.grant_id, links.issued_by) == (exception.id, None, "owner")
    assert links.nda_id is not None and links.nda_title == "Nova NDA"


def test_a_package_share_links_to_its_package(world: dict, tmp_path: Path) -> None:
    vault = world["vault"]
    kito = world["people"]["kito"]
    issued = packages.issue_package(
        vault, kito.id, [world["asset"].id], tmp_path / "kito.sealshare", passphrase=True,
        max_side=400,
    )
    (share_id,) = issued.package.share_ids
    # The preview inside the package, re-created exactly as it was issued, is traced.
    (pixels,) = shares.render_share(vault, shares.get_share(vault, share_id))
    (report,) = trace.trace_files(vault, [_save(pixels, tmp_path / "from-package.png")])
    assert report.accused == (kito.id,)
    links = report.candidates[0].links
    assert links is not None
    assert (links.share_id, links.kind) == (share_id, "package")
    assert links.package_id == issued.package.id
    assert links.grant_id is not None and links.nda_title == "Kito NDA"
    assert links.issued_by == "owner"


def test_a_share_issued_before_origins_were_recorded_says_so(world: dict) -> None:
    vault = world["vault"]
    share, _ = world["issued"][world["people"]["kito"].id]
    with vault.transaction() as conn:  # as a share issued by an earlier schema has no origin
        conn.execute("DELETE FROM share_origins WHERE share_id = ?", (share.id,))
    links = share_links(vault, [share.id, "shr_nonexistent"])
    assert set(links) == {share.id}
    old = links[share.id]
    assert (old.recorded, old.grant_id, old.nda_id, old.exception_id) == (False, None, None, None)
    assert (old.share_code, old.issued_by) == (share.share_code, "mia")
    assert query(vault.conn, "SELECT count(*) FROM share_origins")[0][0] == 2
