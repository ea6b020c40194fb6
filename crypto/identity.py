"""A brand partner's age identity, kept in a file encrypted under the partner's password.

The file is JSON: the public `age1...` recipient (to send to the manager), Argon2id parameters,
and the secret identity wrapped with AES-256-GCM under the derived key. The public recipient is
bound as associated data, so a file whose recipient was swapped does not open.
"""

from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sealroom.crypto import agebox
from sealroom.crypto.errors import CorruptDataError, WrongPasswordError
from sealroom.crypto.kdf import KdfParams, calibrate, derive_key
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.wrap import unwrap, wrap

FORMAT = "sealroom-identity/1"
MAX_FILE = 16 * 1024


@dataclass(frozen=True)
class IdentityFile:
    recipient: str
    kdf: KdfParams
    wrapped: bytes

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "recipient": self.recipient,
                "kdf": self.kdf.to_json(),
                "wrapped": base64.b64encode(self.wrapped).decode(),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> IdentityFile:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise CorruptDataError("not a Sealroom identity file")
            recipient = agebox.check_recipient(str(data["recipient"]))
            return cls(
                recipient, KdfParams.from_json(data["kdf"]),
                base64.b64decode(data["wrapped"], validate=True),
            )
        except (ValueError, KeyError, TypeError, RecursionError):
            raise CorruptDataError("the identity file is malformed") from None


def create_identity(
    password: str, params: KdfParams | None = None
) -> tuple[IdentityFile, bytearray]:
    """A new identity file and its secret (wipe it after use). Slow: not on a GUI thread."""
    secret, recipient = agebox.generate_identity()
    kdf = params or calibrate()
    with derive_key(password, kdf) as key:
        wrapped = wrap(key, SecretBytes(secret), recipient.encode())
    return IdentityFile(recipient, kdf, wrapped), secret


def unlock_identity(identity: IdentityFile, password: str) -> bytearray:
    """The secret `AGE-SECRET-KEY-1...` as bytes. Slow: never on a GUI thread."""
    with derive_key(password, identity.kdf) as key:
        try:
            secret = unwrap(key, identity.wrapped, identity.recipient.encode())
        except CorruptDataError:
            raise WrongPasswordError("wrong password for this identity") from None
    value = bytearray(secret.value)
    secret.wipe()
    if agebox.public_of(value) != identity.recipient:
        raise CorruptDataError("the identity file's key does not match its recipient")
    return value


def write_identity(path: Path, identity: IdentityFile) -> None:
    """Writes the file 0600 and refuses to replace an existing one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise CorruptDataError(f"{path} exists already; choose another file") from None
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(identity.to_json())
        out.flush()
        os.fsync(out.fileno())


def read_identity(path: Path) -> IdentityFile:
    """Reads a bounded regular file; a FIFO or device is refused without blocking on it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CorruptDataError(f"cannot read identity file {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CorruptDataError(f"{path} is not a regular file")
        data = f.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise CorruptDataError(f"{path} is too large to be an identity file")
    return IdentityFile.from_json(data.decode("utf-8", "replace"))
