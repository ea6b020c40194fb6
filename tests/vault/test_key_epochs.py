"""Key epochs: removing a manager retires the signing and watermark keys they held.

Old keys stay for the past only: a checkpoint signed with a retired key after its epoch ended
is rejected by verify, and a preview issued before the removal is still traced after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sealroom_access import allow_copies
from skimage import data as samples

from sealroom.crypto.keyslots import Role
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import sign
from sealroom.vault import users, verify, wrapped_settings
from sealroom.vault.assets import catalog as assets
from sealroom.vault.audit import checkpoint_note
from sealroom.vault.clock import now_stamp
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares, trace
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
LEO_PASSWORD = "leaver password 1"


def _leos_signing_key(vault_dir: Path) -> SecretBytes:
    """What leo, a manager, can take with him: the signing key his content key unwraps."""
    with Vault.unlock(vault_dir, "leo", LEO_PASSWORD) as leo:
        assert leo.keys.content is not None
        key = wrapped_settings.load(
            leo.conn, wrapped_settings.SIGNING_KEY, leo.keys.content, leo.header.vault_id
        )
    assert key is not None
    return key


def test_a_removed_managers_signing_key_cannot_sign_new_checkpoints(
    vault: Vault, vault_dir: Path
) -> None:
    users.add_user(vault, "leo", Role.MANAGER, LEO_PASSWORD)
    vault.lock()
    old_key = _leos_signing_key(vault_dir)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        old_public = owner.header.signing_public_key
        users.remove_user(owner, "leo")
        assert owner.header.signing_public_key != old_public
        parties.add_party(owner, "Northwind", "brand")
        assert verify.verify_vault(owner).ok  # the new epoch's checkpoints verify
        ended_at = owner.header.signing_keys[-1].after_size

        # Leo's old key signs the log as it is now (the row written by anyone who can write
        # audit.db): verify names the problem.
        size, root = owner.audit.size, owner.audit.root()
        note = checkpoint_note(owner.audit.origin, size, root)
        with owner.transaction() as conn:
            conn.execute(
                "INSERT INTO audit.checkpoints (size, root, time, note, signature)"
                " VALUES (?,?,?,?,?)",
                (size, root, now_stamp(), note, sign(old_key, note.encode())),
            )
        report = verify.verify_vault(owner)
    assert not report.ok
    assert any(
        f"signed with the key of epoch 1, which ended at {ended_at} events" in p
        for p in report.problems
    ), report.problems


def test_checkpoints_before_the_removal_still_verify_with_the_old_key(
    vault: Vault, vault_dir: Path
) -> None:
    users.add_user(vault, "leo", Role.MANAGER, LEO_PASSWORD)
    vault.lock()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        users.remove_user(owner, "leo")
        history = owner.header.signing_keys
        assert [k.epoch for k in history] == [1, 2]
        parties.list_parties(owner)
        with owner.transaction():
            owner.audit.checkpoint()
        sizes = [c.size for c in owner.audit.checkpoints()]
        assert any(s <= history[1].after_size for s in sizes)  # signed by the old key
        assert any(s > history[1].after_size for s in sizes)  # signed by the new key
        report = verify.verify_vault(owner)
        assert report.ok and report.checkpoints_checked >= 2


def test_removing_an_auditor_keeps_the_signing_and_watermark_keys(vault: Vault) -> None:
    users.add_user(vault, "aldo", Role.AUDITOR, "auditor password 1")
    public = vault.header.signing_public_key
    with shares.watermark_key(vault) as before:
        users.remove_user(vault, "aldo")
        assert vault.header.signing_public_key == public
        with shares.watermark_key(vault) as after:
            assert after == before


@pytest.fixture
def photo(vault: Vault, tmp_path: Path) -> assets.Asset:
    path = tmp_path / "launch.jpg"
    Image.fromarray(samples.astronaut()).save(path, quality=95)
    return assets.import_file(vault, path, title="Launch photo")


def test_previews_before_and_after_a_removal_are_traced_with_their_epochs_keys(
    vault: Vault, vault_dir: Path, tmp_path: Path, photo: assets.Asset
) -> None:
    early = parties.add_party(vault, "Early Partner", "brand", organisation="Early Co")
    late = parties.add_party(vault, "Late Partner", "brand", organisation="Late Co")
    allow_copies(vault, early.id, photo.id)
    allow_copies(vault, late.id, photo.id)
    before, (early_file,) = shares.export_preview(
        vault, photo.id, early.id, tmp_path / "early.png", max_side=400
    )
    users.add_user(vault, "leo", Role.MANAGER, LEO_PASSWORD)
    users.remove_user(vault, "leo")
    after, (late_file,) = shares.export_preview(
        vault, photo.id, late.id, tmp_path / "late.png", max_side=400
    )
    assert (before.key_epoch, after.key_epoch) == (1, 2)
    with shares.watermark_key_for(vault, 1) as old, shares.watermark_key_for(vault, 2) as new:
        assert old != new  # leo knew the old key, not the new one
    vault.lock()

    with Vault.unlock(vault_dir, "owner", PASSWORD) as owner:
        for leaked, party in ((early_file, early), (late_file, late)):
            image = Image.open(leaked).convert("RGB")
            leak = tmp_path / f"leak-{party.id}.jpg"
            image.resize((image.width * 3 // 4, image.height * 3 // 4)).save(leak, quality=70)
            (report,) = trace.trace_files(owner, [leak])
            assert report.verdict == "identified", report
            assert report.accused == (party.id,)
        assert [s.key_epoch for s in shares.list_shares(owner)] == [1, 2]
