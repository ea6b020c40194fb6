""""Remember on this computer": the keychain holds a device secret, the disk a wrapped secret."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from file_keyring import file_keyring, installed
from keyring.backends import fail

from sealroom.vault import remember

SECRET = b"AGE-SECRET-KEY-1EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPL"


@pytest.fixture
def keychain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "keychain.cfg"
    with file_keyring(path):
        yield path


def test_a_remembered_secret_comes_back_and_is_not_on_disk_in_clear(keychain: Path) -> None:
    slot = remember.identity_slot("age1example")
    assert remember.keychain_usable()
    assert remember.recall(slot) is None
    assert remember.remember(slot, SECRET)
    assert remember.recall(slot) == bytearray(SECRET)
    files = list((Path(os.environ["XDG_DATA_HOME"]) / "sealroom" / "remembered").iterdir())
    assert len(files) == 1 and oct(files[0].stat().st_mode & 0o777) == "0o600"
    assert SECRET not in files[0].read_bytes()
    device = keyring.get_password(remember.SERVICE, remember.DEVICE_ENTRY)
    assert device is not None and len(base64.b64decode(device)) == 32
    assert keychain.read_text().count(" = ") == 1  # the device secret is all it holds


def test_forget_removes_it_and_other_slots_stay(keychain: Path) -> None:
    one, two = remember.identity_slot("age1one"), remember.identity_slot("age1two")
    remember.remember(one, b"first")
    remember.remember(two, b"second")
    remember.forget(one)
    assert remember.recall(one) is None and not remember.is_remembered(one)
    assert remember.recall(two) == bytearray(b"second")


def test_another_keychain_cannot_open_what_this_one_wrapped(tmp_path: Path,
                                                           keychain: Path) -> None:
    slot = remember.vault_slot(tmp_path / "vault", "Ada")
    remember.remember(slot, b"vault password")
    with file_keyring(tmp_path / "other-computer.cfg"):
        assert remember.is_remembered(slot)
        assert remember.recall(slot) is None


def test_a_wrapped_secret_is_bound_to_its_slot(keychain: Path) -> None:
    one, two = remember.identity_slot("age1one"), remember.identity_slot("age1two")
    remember.remember(one, b"first")
    remember._path(one).replace(remember._path(two))
    assert remember.recall(two) is None


def test_without_a_keychain_backend_nothing_is_offered_or_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with installed(fail.Keyring()):
        assert isinstance(keyring.get_keyring(), fail.Keyring)
        assert not remember.keychain_usable()
        assert not remember.remember(remember.identity_slot("age1x"), b"secret")
    assert not (tmp_path / "data" / "sealroom" / "remembered").exists()
