"""Test-wide settings: offscreen Qt, and the fast key derivation that only tests may use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sealroom.crypto import kdf

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
kdf.enable_test_parameters()
"""Tiny Argon2id parameters for every test in this process. Child processes that tests start
through tests/support get the same from their launcher; the shipped app has no way to enable
them (tests/crypto/test_kdf.py)."""

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def device_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test is a fresh device: what it remembers of vaults lives in its own folder."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "work.sealroom"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[object]:
    from sealroom.vault.session import Vault

    opened = Vault.create(vault_dir, "owner", PASSWORD)
    yield opened
    if opened._lock is not None:
        opened.lock()
