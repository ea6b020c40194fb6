"""A partner's age identity file: created, unlocked with the password, usable by `age`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from sealroom.crypto import agebox
from sealroom.crypto.errors import CorruptDataError, WrongPasswordError
from sealroom.crypto.identity import create_identity, read_identity, unlock_identity, write_identity
from sealroom.crypto.kdf import calibrate


def test_identity_round_trip_and_age_encrypts_to_its_recipient(tmp_path: Path) -> None:
    identity, secret = create_identity("partner password", calibrate())
    path = tmp_path / "lumen.identity"
    write_identity(path, identity)
    assert path.stat().st_mode & 0o777 == 0o600
    assert secret.decode() not in path.read_text()
    loaded = read_identity(path)
    assert unlock_identity(loaded, "partner password") == secret
    sealed = subprocess.run(
        ["age", "-r", loaded.recipient], input=b"for lumen", capture_output=True, check=True
    ).stdout
    assert agebox.decrypt_with_identity(sealed, secret) == b"for lumen"


def test_wrong_password_and_a_swapped_recipient_are_told_apart(tmp_path: Path) -> None:
    identity, _ = create_identity("partner password", calibrate())
    with pytest.raises(WrongPasswordError):
        unlock_identity(identity, "not the password")
    path = tmp_path / "id.json"
    write_identity(path, identity)
    data = json.loads(path.read_text())
    data["recipient"] = agebox.generate_identity()[1]
    path.write_text(json.dumps(data))
    with pytest.raises(WrongPasswordError):  # the recipient is bound to the wrapped key
        unlock_identity(read_identity(path), "partner password")


@pytest.mark.parametrize("content", ["", "{", '{"format": "x"}', "[" * 100_000, "x" * 20_000])
def test_a_malformed_identity_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CorruptDataError):
        read_identity(path)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(CorruptDataError, match="not a regular file"):
        read_identity(fifo)


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    identity, _ = create_identity("partner password", calibrate())
    path = tmp_path / "id.json"
    path.write_text("keep me")
    with pytest.raises(CorruptDataError, match="exists already"):
        write_identity(path, identity)
    assert path.read_text() == "keep me"
