"""Opening a share package on a partner's computer: sender trust, revocations, window, receipt."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.errors import PackageError
from sealroom.crypto.receipt import open_receipt
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import generate_signing_key
from sealroom.vault.partner.opening import (
    SenderStatus,
    accept_terms,
    open_share,
    read_package_file,
    receipt_for,
)
from sealroom.vault.partner.store import PartnerStore

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
PREVIEW = b"\x89PNG" + os.urandom(500)


class Sender:
    def __init__(self) -> None:
        self.key, self.public = generate_signing_key()
        self.receipt_identity, self.receipt_recipient = agebox.generate_identity()

    def package(self, recipient: str, package_id: str, revoked: tuple[str, ...] = (),
                key: SecretBytes | None = None, public: bytes | None = None) -> bytes:
        entry = sharepkg.file_entry("previews/a-1.png", PREVIEW)
        manifest = sharepkg.Manifest(
            package_id=package_id, issued_at=sharepkg.stamp(NOW), sender_name="Northlight",
            sender_vault="vlt_000000000001",
            sender_key=base64.b64encode(public or self.public).decode(),
            recipient_name="Lumen", recipient_party="pty_000000000001", recipient_age=recipient,
            not_before=sharepkg.stamp(NOW - timedelta(hours=1)),
            not_after=sharepkg.stamp(NOW + timedelta(days=2)),
            nda_title="Spring NDA", nda_terms="Keep it confidential until launch.",
            assets=(sharepkg.PackageAsset("ast_000000000001", "Hero", (entry,)),),
            revoked_packages=revoked, receipt_recipient=self.receipt_recipient,
        )
        payload = sharepkg.build_payload(manifest, {entry.path: PREVIEW}, key or self.key)
        return agebox.encrypt_to_recipient(payload, recipient)


@pytest.fixture
def store(tmp_path: Path) -> PartnerStore:
    return PartnerStore.load(tmp_path / "partner.json")


def test_first_package_trusts_the_sender_and_a_changed_key_is_flagged(store: PartnerStore) -> None:
    sender = Sender()
    identity, recipient = agebox.generate_identity()
    first = open_share(sender.package(recipient, "pkg_1"), store, identity=identity, now=NOW)
    assert first.sender_status is SenderStatus.NEW
    assert first.previews == {"previews/a-1.png": PREVIEW}
    again = open_share(sender.package(recipient, "pkg_2"), PartnerStore.load(store.path),
                       identity=identity, now=NOW)
    assert again.sender_status is SenderStatus.KNOWN
    impostor_key, impostor_public = generate_signing_key()
    forged = sender.package(recipient, "pkg_3", key=impostor_key, public=impostor_public)
    changed = open_share(forged, PartnerStore.load(store.path), identity=identity, now=NOW)
    assert changed.sender_status is SenderStatus.CHANGED
    assert changed.sender_fingerprint != first.sender_fingerprint


def test_a_later_package_revokes_an_earlier_one(store: PartnerStore) -> None:
    sender = Sender()
    identity, recipient = agebox.generate_identity()
    old = sender.package(recipient, "pkg_old")
    open_share(old, store, identity=identity, now=NOW)
    open_share(sender.package(recipient, "pkg_new", revoked=("pkg_old",)), store,
               identity=identity, now=NOW)
    with pytest.raises(PackageError, match="revoked this package"):
        open_share(old, PartnerStore.load(store.path), identity=identity, now=NOW)


def test_a_changed_key_cannot_revoke_packages(store: PartnerStore) -> None:
    sender = Sender()
    identity, recipient = agebox.generate_identity()
    genuine = sender.package(recipient, "pkg_genuine")
    open_share(genuine, store, identity=identity, now=NOW)
    impostor_key, impostor_public = generate_signing_key()
    open_share(sender.package(recipient, "pkg_x", revoked=("pkg_genuine",), key=impostor_key,
                              public=impostor_public), store, identity=identity, now=NOW)
    assert open_share(genuine, store, identity=identity, now=NOW).sender_status is \
        SenderStatus.KNOWN


def test_outside_the_window_is_refused_with_dates(store: PartnerStore) -> None:
    sender = Sender()
    identity, recipient = agebox.generate_identity()
    data = sender.package(recipient, "pkg_1")
    with pytest.raises(PackageError, match="expired on 2026-12-05T12:00:00Z"):
        open_share(data, store, identity=identity, now=NOW + timedelta(days=3))
    with pytest.raises(PackageError, match="not valid yet"):
        open_share(data, store, identity=identity, now=NOW - timedelta(days=1))


def test_acceptance_is_remembered_and_the_receipt_reaches_the_sender(store: PartnerStore) -> None:
    sender = Sender()
    identity, recipient = agebox.generate_identity()
    share = open_share(sender.package(recipient, "pkg_1"), store, identity=identity, now=NOW)
    assert share.accepted_at is None
    when = accept_terms(share, store, NOW)
    reopened = open_share(sender.package(recipient, "pkg_1"), PartnerStore.load(store.path),
                          identity=identity, now=NOW)
    assert reopened.accepted_at == when
    receipt = open_receipt(receipt_for(share, when, identity), sender.receipt_identity)
    assert (receipt.package_id, receipt.recipient) == ("pkg_1", recipient)
    assert receipt.accepted_at == when
    assert receipt.manifest_sha256 == share.manifest_sha256
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert b"Keep it confidential" not in store.path.read_bytes()


def test_a_fifo_and_a_damaged_store_give_clear_errors(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.sealshare")
    with pytest.raises(PackageError, match="not a regular file"):
        read_package_file(tmp_path / "p.sealshare")
    (tmp_path / "partner.json").write_text("{broken")
    from sealroom.vault.errors import CorruptDataError

    with pytest.raises(CorruptDataError, match="partner record"):
        PartnerStore.load(tmp_path / "partner.json")


