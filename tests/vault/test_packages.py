"""Issuing share packages from a real vault, opened on the partner side (real age, images)."""

from __future__ import annotations

import csv
import hashlib
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sealroom_access import allow_copies
from skimage import data as samples

from sealroom.crypto import agebox
from sealroom.crypto.errors import PackageError
from sealroom.crypto.keyslots import Role
from sealroom.crypto.receipt import Receipt, make_receipt, open_receipt
from sealroom.vault import users
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.partner.opening import accept_terms, open_share, receipt_for
from sealroom.vault.partner.store import PartnerStore
from sealroom.vault.protect import package_receipts, package_records, packages, packages_batch
from sealroom.vault.protect import trace as tracing
from sealroom.vault.protect.outbound import OutboundRefusedError
from sealroom.vault.protect.shares import get_share
from sealroom.vault.session import Vault
from sealroom.vault.store import query

PASSWORD = "correct horse battery"


def _photo(path: Path, seed: int, size: tuple[int, int] = (360, 280)) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    base = np.stack([(x * 255 // size[0]), (y * 255 // size[1]), ((x + y) % 256)], axis=-1)
    noise = rng.integers(0, 40, base.shape)
    Image.fromarray(((base + noise) % 256).astype(np.uint8)).save(path)
    return path


@pytest.fixture
def setup(vault: Vault, tmp_path: Path) -> dict[str, object]:
    photos = [
        assets.import_file(vault, _photo(tmp_path / f"look-{i}.png", i), title=f"Look {i}")
        for i in range(2)
    ]
    identity, recipient = agebox.generate_identity()
    brand = parties.add_party(
        vault, "Lumen Cosmetics", "brand", organisation="Lumen", age_recipient=recipient
    )
    allow_copies(vault, brand.id, *(p.id for p in photos))
    return {"photos": photos, "brand": brand, "identity": identity, "recipient": recipient}


def test_party_age_recipient_is_validated(vault: Vault) -> None:
    with pytest.raises(InvalidInputError, match="not an age recipient"):
        parties.add_party(vault, "Bad", "brand", age_recipient="age1nope")
    party = parties.add_party(vault, "Plain", "brand")
    _, recipient = agebox.generate_identity()
    assert parties.edit_party(vault, party.id, age_recipient=recipient).age_recipient == recipient
    assert parties.get_party(vault, party.id).age_recipient == recipient
    assert parties.edit_party(vault, party.id, age_recipient="").age_recipient is None


def test_package_opens_for_its_recipient_with_marked_previews(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    photos, brand = setup["photos"], setup["brand"]
    out = tmp_path / "lumen.sealshare"
    issued = packages.issue_package(vault, brand.id, [p.id for p in photos], out, max_side=256)
    assert issued.passphrase is None and issued.path == out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    store = PartnerStore(tmp_path / "partner.json")
    opened = open_share(out.read_bytes(), store, identity=setup["identity"])
    manifest = opened.manifest
    assert manifest.package_id == issued.package.id
    assert manifest.recipient_party == brand.id and manifest.recipient_age == setup["recipient"]
    assert manifest.sender_public_key == vault.header.signing_public_key
    assert manifest.nda_title == "Mutual NDA" and "Lumen Cosmetics" in manifest.nda_terms
    assert manifest.receipt_recipient == package_receipts.receipt_recipient(vault)
    assert [a.asset_id for a in manifest.assets] == [p.id for p in photos]
    assert len(opened.previews) == 2
    for data in opened.previews.values():
        picture = previews.decode_pages(data, "preview")[0].pixels
        assert max(picture.shape[:2]) == 256
    for share_id in issued.package.share_ids:
        share = get_share(vault, share_id)
        assert (share.kind, share.party_id, share.key_epoch) == (
            "package",
            brand.id,
            vault.header.key_epoch,
        )
        assert share.share_code in (share.visible_mark or "")
    events = [(e.action, e.object) for e in vault.audit.events(limit=40)]
    assert ("package.create", issued.package.id) in events
    other, _ = agebox.generate_identity()
    with pytest.raises(PackageError, match="not addressed to your key"):
        open_share(out.read_bytes(), store, identity=other)


def test_pdf_pages_become_images_and_trace_names_the_recipient(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    brand = setup["brand"]
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(previews.encode_pdf([samples.astronaut(), samples.chelsea()]))
    deck = assets.import_file(vault, pdf, title="Deck")
    allow_copies(vault, brand.id, deck.id)
    out = tmp_path / "deck.sealshare"
    issued = packages.issue_package(vault, brand.id, [deck.id], out, max_side=400)
    package_records.revoke_package(vault, issued.package.id, "the campaign was cancelled")
    opened = open_share(
        out.read_bytes(), PartnerStore(tmp_path / "p.json"), identity=setup["identity"]
    )
    (entry,) = opened.manifest.assets
    assert [f.page for f in entry.files] == [1, 2]
    assert all(f.path.endswith(".png") for f in entry.files)
    leaked = tmp_path / "leak.png"
    leaked.write_bytes(opened.previews[entry.files[1].path])
    (report,) = tracing.trace_files(vault, [leaked])
    assert report.verdict == "identified" and report.page == 2
    assert report.accused == (brand.id,)
    assert report.candidates[0].share_id == issued.package.share_ids[0]


def test_passphrase_package_opens_and_the_passphrase_is_not_stored(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    plain = parties.add_party(vault, "Press Desk", "press")
    photo = setup["photos"][0]
    allow_copies(vault, plain.id, photo.id)
    with pytest.raises(InvalidInputError, match="has no age recipient"):
        packages.issue_package(vault, plain.id, [photo.id], tmp_path / "x.sealshare")
    out = tmp_path / "press.sealshare"
    issued = packages.issue_package(vault, plain.id, [photo.id], out, passphrase=True, max_side=256)
    assert issued.passphrase and len(issued.passphrase.split("-")) == 6
    opened = open_share(
        out.read_bytes(), PartnerStore(tmp_path / "p.json"), passphrase=issued.passphrase
    )
    assert opened.manifest.recipient_age == "" and opened.manifest.recipient_party == plain.id
    assert issued.package.protection == "passphrase" and issued.package.recipient_age is None
    raw = b"".join(p.read_bytes() for p in vault.folder.rglob("*") if p.is_file())
    assert issued.passphrase.encode() not in raw
    assert all(issued.passphrase not in e.reason for e in vault.audit.events(limit=50))


def test_outbound_rule_refuses_and_leaves_no_file(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    _, recipient = agebox.generate_identity()
    stranger = parties.add_party(vault, "Stranger", "brand", age_recipient=recipient)
    out = tmp_path / "s.sealshare"
    before = query(vault.conn, "SELECT count(*) FROM shares")[0][0]
    with pytest.raises(OutboundRefusedError, match="Stranger has no grant"):
        packages.issue_package(vault, stranger.id, [setup["photos"][0].id], out)
    assert not out.exists() and not list(tmp_path.glob(".*partial"))
    assert query(vault.conn, "SELECT count(*) FROM shares")[0][0] == before
    assert query(vault.conn, "SELECT count(*) FROM packages")[0][0] == 0


def test_window_is_signed_and_refused_outside(vault: Vault, setup: dict, tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    out = tmp_path / "w.sealshare"
    packages.issue_package(
        vault,
        setup["brand"].id,
        [setup["photos"][0].id],
        out,
        not_before=start,
        not_after=start + timedelta(days=2),
        max_side=256,
    )
    store = PartnerStore(tmp_path / "p.json")
    with pytest.raises(PackageError, match="expired on 2026-01-03T09:00:00Z"):
        open_share(out.read_bytes(), store, identity=setup["identity"])
    with pytest.raises(PackageError, match="not valid yet"):
        open_share(
            out.read_bytes(), store, identity=setup["identity"], now=start - timedelta(hours=1)
        )
    with pytest.raises(InvalidInputError, match="later than its not-before"):
        packages.issue_package(
            vault,
            setup["brand"].id,
            [setup["photos"][0].id],
            tmp_path / "bad.sealshare",
            not_before=start,
            not_after=start,
        )


def test_revocation_reaches_the_partner_through_a_later_package(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    brand, photo, identity = setup["brand"], setup["photos"][0], setup["identity"]
    first = packages.issue_package(
        vault, brand.id, [photo.id], tmp_path / "1.sealshare", max_side=256
    )
    store = PartnerStore(tmp_path / "partner.json")
    open_share(first.path.read_bytes(), store, identity=identity)
    revoked = package_records.revoke_package(vault, first.package.id, "sent too early")
    assert revoked.status == "revoked"
    assert get_share(vault, first.package.share_ids[0]).revoked is not None
    with pytest.raises(InvalidInputError, match="already revoked"):
        package_records.revoke_package(vault, first.package.id)
    second = packages.issue_package(
        vault, brand.id, [photo.id], tmp_path / "2.sealshare", max_side=256
    )
    opened = open_share(second.path.read_bytes(), store, identity=identity)
    assert opened.manifest.revoked_packages == (first.package.id,)
    with pytest.raises(PackageError, match="revoked this package"):
        open_share(
            first.path.read_bytes(), PartnerStore.load(tmp_path / "partner.json"), identity=identity
        )


def test_receipt_round_trip_records_acceptance(vault: Vault, setup: dict, tmp_path: Path) -> None:
    issued = packages.issue_package(
        vault, setup["brand"].id, [setup["photos"][0].id], tmp_path / "r.sealshare", max_side=256
    )
    store = PartnerStore(tmp_path / "partner.json")
    opened = open_share(issued.path.read_bytes(), store, identity=setup["identity"])
    when = accept_terms(opened, store)
    sealed = receipt_for(opened, when, setup["identity"])
    with package_receipts.receipt_key(vault) as key:
        assert open_receipt(sealed, key.value).package_id == issued.package.id
    package = package_receipts.import_receipt(vault, sealed)
    assert (package.status, package.accepted) == ("accepted", when)
    assert package.receipt_sha256 == hashlib.sha256(sealed).hexdigest()
    events = [(e.action, e.object) for e in vault.audit.events(limit=40)]
    assert ("package.receipt", issued.package.id) in events
    assert package_receipts.import_receipt(vault, sealed) == package  # the same file again
    with pytest.raises(PackageError):
        package_receipts.import_receipt(vault, sealed[:-10])


def test_receipt_for_a_package_not_issued_here_is_refused(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    stranger = Receipt(
        "pkg_000000000000", setup["recipient"], "2026-12-01T10:00:00Z", "0" * 64, "0" * 64
    )
    sealed = make_receipt(stranger, setup["identity"], package_receipts.receipt_recipient(vault))
    with pytest.raises(NotFoundError, match="which this vault did not issue"):
        package_receipts.import_receipt(vault, sealed)


def test_batch_issues_one_package_each_with_ledger_and_cancel(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    photo = setup["photos"][0]
    people = []
    for i in range(4):
        _, recipient = agebox.generate_identity()
        party = parties.add_party(vault, f"=Brand {i}", "brand", age_recipient=recipient)
        allow_copies(vault, party.id, photo.id)
        people.append(party.id)
    _, recipient = agebox.generate_identity()
    refused = parties.add_party(vault, "No Grant", "brand", age_recipient=recipient)
    out_dir = tmp_path / "batch"
    out_dir.mkdir()
    seen: list[tuple[int, int]] = []
    result = packages_batch.issue_batch(
        vault,
        [*people[:2], refused.id, *people[2:]],
        [photo.id],
        out_dir,
        max_side=256,
        progress=lambda n, total: seen.append((n, total)),
        cancelled=lambda: len(seen) >= 4,
    )
    assert result.cancelled and len(result.issued) == 3
    assert [p for p, _ in result.refused] == [refused.id]
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5)]
    assert {i.package.party_id for i in result.issued} == {*people[:3]}
    assert result.ledger is not None and stat.S_IMODE(result.ledger.stat().st_mode) == 0o600
    with open(result.ledger, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["package_id"] for r in rows] == [i.package.id for i in result.issued]
    assert all(r["party_name"].startswith("'=Brand") for r in rows)
    assert all(r["passphrase_delivered_separately"] == "no" for r in rows)
    for row in rows:
        assert (out_dir / row["file_name"]).is_file()
    files = sorted(p.name for p in out_dir.iterdir() if p.suffix == ".sealshare")
    assert files == sorted(r["file_name"] for r in rows)
    assert not [p for p in os.listdir(out_dir) if p.endswith(".partial")]
    (ledger_event,) = [e for e in vault.audit.events(limit=60) if e.action == "package.ledger"]
    assert ledger_event.reason == f"3 packages listed in {result.ledger.name}"


def test_a_batch_refuses_keyless_recipients_before_any_work(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    photo = setup["photos"][0]
    plain = parties.add_party(vault, "Plain Studio", "agency")
    allow_copies(vault, plain.id, photo.id)
    before = len(vault.audit.events(limit=500))
    with pytest.raises(InvalidInputError, match=r"Plain Studio \(.*\) has no age recipient"):
        packages_batch.issue_batch(
            vault, [setup["brand"].id, plain.id], [photo.id], tmp_path, max_side=256
        )
    assert not list(tmp_path.glob("*.sealshare")) and not list(tmp_path.glob("ledger-*"))
    assert len(vault.audit.events(limit=500)) == before


def test_a_batch_that_stops_midway_keeps_and_lists_what_it_wrote(
    vault: Vault, setup: dict, tmp_path: Path
) -> None:
    """A package that cannot be made (here its party was removed meanwhile) stops the batch;
    the packages written before it stay recorded, in the ledger, with their passphrases."""
    photos = setup["photos"]
    people = []
    for i in range(3):
        party = parties.add_party(vault, f"Brand {i}", "brand")
        allow_copies(vault, party.id, *(p.id for p in photos))
        people.append(party.id)

    def delete_after_the_first(done: int, total: int) -> None:
        if done == 1:
            parties.delete_party(vault, people[1], "left the campaign")

    result = packages_batch.issue_batch(
        vault, people, [p.id for p in photos], tmp_path, max_side=256, passphrase=True,
        progress=delete_after_the_first,
    )
    assert len(result.issued) == 1 and result.issued[0].passphrase
    assert result.stopped is not None and result.stopped.startswith("stopped at Brand 1 (")
    assert result.ledger is not None
    with open(result.ledger, newline="") as f:
        assert [r["package_id"] for r in csv.DictReader(f)] == [result.issued[0].package.id]
    assert [p.name for p in tmp_path.glob("*.sealshare")] == [result.issued[0].path.name]


def test_after_a_new_key_epoch_packages_sign_with_the_new_key_and_old_receipts_import(
    vault: Vault, vault_dir: Path, setup: dict, tmp_path: Path
) -> None:
    brand, photo, identity = setup["brand"], setup["photos"][0], setup["identity"]
    early = packages.issue_package(
        vault, brand.id, [photo.id], tmp_path / "early.sealshare", max_side=256
    )
    receipt_before = package_receipts.receipt_recipient(vault)
    old_public = vault.header.signing_public_key
    users.add_user(vault, "leo", Role.MANAGER, "leaver password 1")
    users.remove_user(vault, "leo")
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        assert owner.header.signing_public_key != old_public
        late = packages.issue_package(
            owner, brand.id, [photo.id], tmp_path / "late.sealshare", max_side=256
        )
        store = PartnerStore(tmp_path / "partner.json")
        opened = open_share(late.path.read_bytes(), store, identity=identity)
        assert opened.manifest.sender_public_key == owner.header.signing_public_key
        assert get_share(owner, late.package.share_ids[0]).key_epoch == owner.header.key_epoch
        assert package_receipts.receipt_recipient(owner) == receipt_before
        first = open_share(early.path.read_bytes(), store, identity=identity)
        sealed = receipt_for(first, accept_terms(first, store), identity)
        assert package_receipts.import_receipt(owner, sealed).status == "accepted"
