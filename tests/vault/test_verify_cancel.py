"""Verify vault reports its steps and stops when asked, recording nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from sealroom.vault.assets.importing import import_files
from sealroom.vault.errors import Cancelled
from sealroom.vault.session import Vault
from sealroom.vault.verify import verify_steps, verify_vault


def _actions(vault: Vault) -> list[str]:
    return [e.action for e in vault.audit.events(newest_first=False)]


def test_steps_are_counted_ahead_and_cancel_stops_between_them(
    vault: Vault, tmp_path: Path
) -> None:
    photo = tmp_path / "hero.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)
    import_files(vault, [photo])
    said: list[str] = []
    report = verify_vault(vault, said.append)
    assert report.ok and len(said) == verify_steps(vault) == 3 + report.blobs_checked

    before = _actions(vault)
    asked = iter([False, False, True])
    with pytest.raises(Cancelled):
        verify_vault(vault, None, lambda: next(asked))
    assert _actions(vault) == before  # a cancelled check records nothing
