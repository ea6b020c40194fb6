"""The test double for the OS keychain: keyrings.alt's file-backed keyring in a scratch file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyrings.alt.file import PlaintextKeyring


@contextmanager
def file_keyring(path: Path) -> Iterator[PlaintextKeyring]:
    """Installs a PlaintextKeyring storing in `path` as the keyring for the duration."""
    backend = PlaintextKeyring()
    backend.file_path = str(path)  # type: ignore[misc]
    with installed(backend):
        yield backend


@contextmanager
def installed(backend: KeyringBackend) -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(before)
