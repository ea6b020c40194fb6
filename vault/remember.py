""""Remember on this computer": secrets wrapped under a device secret kept in the OS keychain.

The keychain (through `keyring`) holds only a random 32-byte device secret, never a key of a
vault or a package. What is remembered (a partner identity's secret key, or the password a
person unlocks a vault with) is kept on disk in `$XDG_DATA_HOME/sealroom/remembered/` (0600),
wrapped with AES-256-GCM under a key derived from that device secret and bound to its slot. A
copy of the folder is useless without this computer's keychain; forgetting removes the file.
When no keychain backend works, `keychain_usable()` is False and nothing is offered.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail, null

from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.wrap import subkey, unwrap, wrap
from sealroom.vault.fsutil import atomic_write
from sealroom.vault.partner.store import user_data_dir

SERVICE = "Sealroom"
DEVICE_ENTRY = "device-secret"
FORMAT = "sealroom-remembered/1"
MAX_FILE = 16 * 1024


def keychain_usable() -> bool:
    """True when a real keychain backend is configured (not keyring's fail or null backend)."""
    try:
        backend = keyring.get_keyring()
    except (keyring.errors.KeyringError, RuntimeError):
        return False
    return not isinstance(backend, fail.Keyring | null.Keyring)


def identity_slot(recipient: str) -> str:
    return f"identity:{recipient}"


def vault_slot(vault_folder: Path, user: str) -> str:
    return f"vault:{vault_folder.resolve()}:{user}"


def _folder() -> Path:
    return user_data_dir() / "remembered"


def _path(slot: str) -> Path:
    return _folder() / f"{hashlib.sha256(slot.encode()).hexdigest()[:32]}.json"


def _device_key(create: bool) -> SecretBytes | None:
    try:
        stored = keyring.get_password(SERVICE, DEVICE_ENTRY)
        if stored is None:
            if not create:
                return None
            fresh = SecretBytes.random(32)
            keyring.set_password(SERVICE, DEVICE_ENTRY, base64.b64encode(fresh.value).decode())
            device = fresh
        else:
            device = SecretBytes(base64.b64decode(stored, validate=True))
    except (keyring.errors.KeyringError, binascii.Error, ValueError):
        return None
    key = subkey(device, "sealroom remembered secret")
    device.wipe()
    return key


def remember(slot: str, secret: bytes | bytearray) -> bool:
    """Keep `secret` wrapped for `slot`; False (nothing written) when the keychain fails."""
    key = _device_key(create=True)
    if key is None:
        return False
    try:
        wrapped = wrap(key, SecretBytes(secret), slot.encode())
    finally:
        key.wipe()
    _folder().mkdir(parents=True, exist_ok=True, mode=0o700)
    record = {"format": FORMAT, "wrapped": base64.b64encode(wrapped).decode()}
    atomic_write(_path(slot), json.dumps(record).encode())
    return True


def is_remembered(slot: str) -> bool:
    return _path(slot).is_file()


def recall(slot: str) -> bytearray | None:
    """The remembered secret (wipe it after use), or None when there is none or it no longer
    opens (another computer's keychain, a reset keychain, a damaged file)."""
    path = _path(slot)
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE:
            return None
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != FORMAT:
            return None
        wrapped = base64.b64decode(record["wrapped"], validate=True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    key = _device_key(create=False)
    if key is None:
        return None
    try:
        secret = unwrap(key, wrapped, slot.encode())
    except CorruptDataError:
        return None
    finally:
        key.wipe()
    value = bytearray(secret.value)
    secret.wipe()
    return value


def forget(slot: str) -> None:
    """Remove what is remembered for `slot` (the device secret stays for other slots)."""
    _path(slot).unlink(missing_ok=True)
