"""Receipts: made with the recipient's age key, readable and checkable only by the sender."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from sealroom.crypto import agebox, bech32
from sealroom.crypto.errors import CorruptDataError, PackageError
from sealroom.crypto.receipt import Receipt, make_receipt, open_receipt


def _receipt(recipient: str) -> Receipt:
    return Receipt("pkg_0123456789ab", recipient, "2026-12-03T12:00:00Z", "a" * 64, "b" * 64)


def test_the_sender_opens_a_receipt_made_by_the_recipient() -> None:
    partner, partner_public = agebox.generate_identity()
    sender, sender_public = agebox.generate_identity()
    sealed = make_receipt(_receipt(partner_public), partner, sender_public)
    assert open_receipt(sealed, sender) == _receipt(partner_public)
    with pytest.raises(PackageError, match="not addressed to your key"):
        open_receipt(sealed, partner)


def test_a_receipt_claiming_another_recipient_is_refused() -> None:
    mallory, _ = agebox.generate_identity()
    _, victim_public = agebox.generate_identity()
    sender, sender_public = agebox.generate_identity()
    forged = make_receipt(_receipt(victim_public), mallory, sender_public)
    with pytest.raises(PackageError, match="not made with the recipient's key"):
        open_receipt(forged, sender)
    partner, partner_public = agebox.generate_identity()
    genuine = make_receipt(_receipt(partner_public), partner, sender_public)
    assert open_receipt(genuine, sender).recipient == partner_public
    changed = make_receipt(
        replace(_receipt(partner_public), package_id="pkg_other"), mallory, sender_public
    )
    with pytest.raises(PackageError):
        open_receipt(changed, sender)


def test_bech32_matches_age_keygen(tmp_path: Path) -> None:
    subprocess.run(["age-keygen", "-o", str(tmp_path / "k")], check=True, capture_output=True)
    secret_line = (tmp_path / "k").read_bytes().splitlines()[-1]
    public = subprocess.run(
        ["age-keygen", "-y", str(tmp_path / "k")], capture_output=True, text=True, check=True
    ).stdout.strip()
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    raw = X25519PrivateKey.from_private_bytes(bytes(bech32.age_secret_key(secret_line)))
    assert raw.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    ) == bech32.age_public_key(public)
    with pytest.raises(CorruptDataError, match="checksum"):
        bech32.age_public_key(public[:-1] + ("q" if public[-1] != "q" else "p"))
