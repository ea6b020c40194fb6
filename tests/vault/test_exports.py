"""Every export goes through one helper: the audit event is committed before plaintext is written,
the partial file is 0600 and never follows a link, a killed export's partial file is removed at
the next unlock and reported, and finished exports are 0600."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sealroom_cli import cli_env, run

from sealroom.vault import verify
from sealroom.vault.agreements.contracts import (
    NewAgreement,
    add_agreement,
    attach_document,
    export_document,
)
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect.shares import export_preview
from sealroom.vault.reports.calendar import export_calendar
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

PASSWORD = "correct horse battery"
BIG = 24 * 1024 * 1024


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask, so a file is private only if the code makes it so."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_a_killed_export_leaves_no_readable_plaintext_and_is_cleaned_at_unlock(
    vault_dir: Path, tmp_path: Path
) -> None:
    big = tmp_path / "master.mov"
    big.write_bytes(os.urandom(BIG))
    with Vault.create(vault_dir, "owner", PASSWORD) as vault:
        asset_id = assets.import_file(vault, big).id
        before = vault.audit.size
    out = tmp_path / "out" / "master.mov"
    out.parent.mkdir()
    partial = out.with_name(".master.mov.partial")
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from sealroom.vault.assets import catalog
        from sealroom.crypto import kdf
        from sealroom.vault.session import Vault
        kdf.enable_test_parameters()  # the tiny test-only key derivation, as in the suite
        os.umask(0)
        vault = Vault.unlock(Path({str(vault_dir)!r}), "owner", {PASSWORD!r})
        def progress(done):
            if done >= 4 * 65536:
                print("writing", done, flush=True)
                sys.stdin.read()  # wait here, mid-write, until killed
        catalog.export_asset(vault, {asset_id!r}, Path({str(out)!r}), progress)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.startswith("writing"), child.stderr.read() if child.stderr else line
        # mid-write: the partial exists, holds part of the plaintext, and only its owner can read it
        assert 0 < partial.stat().st_size < BIG
        assert _mode(partial) == 0o600
        assert not out.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    assert child.returncode == -signal.SIGKILL
    assert partial.exists()  # nothing could clean up after SIGKILL

    listed = run(
        "asset", "list", "--vault", str(vault_dir), "--user", "owner", env=cli_env(PASSWORD)
    )
    assert listed.stderr.splitlines() == [
        f"note: removed 1 partial file(s) left by an interrupted export: {partial}"
    ]
    assert not partial.exists() and not out.exists()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as again:
        assert again.notices == []  # reported once, by the unlock that cleaned up
        events = again.audit.events(newest_first=False)[before:]
        actions = [(e.action, e.object, e.outcome) for e in events]
        # the export was recorded before any plaintext was written, then the cleanup
        assert ("asset.export", asset_id, "success") in actions
        export_at = actions.index(("asset.export", asset_id, "success"))
        cleanup = [i for i, a in enumerate(actions) if a[0] == "export.cleanup"]
        assert len(cleanup) == 1 and cleanup[0] > export_at
        assert verify.verify_vault(again).problems == []


def _photo(path: Path) -> Path:
    pixels = np.random.default_rng(3).integers(0, 255, (300, 400, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


def test_every_export_is_private_to_its_owner(
    vault: Vault, tmp_path: Path, open_umask: None
) -> None:
    photo = assets.import_file(vault, _photo(tmp_path / "teaser.png"))
    brand = parties.add_party(vault, "Northwind", "brand")
    soon = When(now_utc() + timedelta(days=3), "UTC")
    nda = add_agreement(
        vault,
        NewAgreement(
            kind="nda",
            title="NDA",
            party_ids=(brand.id,),
            effective=When(now_utc() - timedelta(days=1), "UTC"),
            expires=soon,
        ),
    )
    signed = tmp_path / "nda.pdf"
    Image.new("RGB", (60, 80), "white").save(signed, "PDF")
    attach_document(vault, nda.id, signed)
    out = tmp_path / "exports"
    out.mkdir()
    written = [
        assets.export_asset(vault, photo.id, out / "original.png"),
        export_document(vault, nda.id, out / "nda.pdf"),
    ]
    export_calendar(vault, out / "dates.ics")
    written.append(out / "dates.ics")
    reason = "owner's override: checking file permissions"  # the access rule is not tested here
    _share, previews = export_preview(
        vault, photo.id, brand.id, out / "preview.png", override_reason=reason
    )
    written += previews
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}


def test_exports_do_not_follow_links_or_overwrite(vault: Vault, tmp_path: Path) -> None:
    asset = assets.import_file(vault, _photo(tmp_path / "teaser.png"))
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's file\n")
    out = tmp_path / "out"
    out.mkdir()
    before = vault.audit.size

    (out / "link.png").symlink_to(elsewhere)
    with pytest.raises(InvalidInputError, match="symbolic link"):
        assets.export_asset(vault, asset.id, out / "link.png")
    (out / "dangling.png").symlink_to(tmp_path / "nowhere.png")
    with pytest.raises(InvalidInputError, match="symbolic link"):
        assets.export_asset(vault, asset.id, out / "dangling.png")
    assert not (tmp_path / "nowhere.png").exists()

    (out / ".planted.png.partial").symlink_to(elsewhere)
    with pytest.raises(InvalidInputError, match="in the way"):
        assets.export_asset(vault, asset.id, out / "planted.png")
    assert not (out / "planted.png").exists()

    (out / "taken.png").write_bytes(b"mine")
    with pytest.raises(InvalidInputError, match="already exists"):
        assets.export_asset(vault, asset.id, out / "taken.png")
    assert (out / "taken.png").read_bytes() == b"mine"
    (out / "notes.ics").write_text("not a calendar")
    with pytest.raises(InvalidInputError, match="not a calendar"):
        export_calendar(vault, out / "notes.ics")
    (out / "cal.ics").symlink_to(elsewhere)
    with pytest.raises(InvalidInputError):
        export_calendar(vault, out / "cal.ics")

    assert elsewhere.read_text() == "someone else's file\n"
    assert vault.audit.size == before  # refused before anything was recorded or written

    export_calendar(vault, out / "dates.ics")
    export_calendar(vault, out / "dates.ics")  # an existing calendar is replaced, as before
    assert (out / "dates.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_init_makes_the_vault_folder_private(tmp_path: Path, open_umask: None) -> None:
    folder = tmp_path / "shared.sealroom"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    Vault.create(folder, "owner", PASSWORD).lock()
    assert _mode(folder) == 0o700
    assert _mode(folder / "vault.db") == 0o600
