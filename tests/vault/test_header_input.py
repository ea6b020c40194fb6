"""A hostile header.json or a link planted beside it: one clear error, nothing followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sealroom.vault.errors import CorruptDataError
from sealroom.vault.layout import HEADER_NAME, read_header, write_header
from sealroom.vault.session import Vault

PASSWORD = "a long enough password"


def test_a_deeply_nested_header_is_reported_as_damage(tmp_path: Path) -> None:
    folder = tmp_path / "v.sealroom"
    Vault.create(folder, "owner", PASSWORD).lock()
    (folder / HEADER_NAME).write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(CorruptDataError, match="not valid header JSON"):
        Vault.unlock(folder, "owner", PASSWORD)


def test_a_link_planted_at_the_temporary_header_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "v.sealroom"
    Vault.create(folder, "owner", PASSWORD).lock()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    os.symlink(victim, folder / f".{HEADER_NAME}.tmp")
    header = read_header(folder)
    write_header(folder, header)
    assert victim.read_text() == "keep me"
    assert read_header(folder) == header
    assert not (folder / f".{HEADER_NAME}.tmp").exists()
