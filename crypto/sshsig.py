"""OpenSSH signatures (the SSHSIG format of `ssh-keygen -Y sign`) with the vault's Ed25519 keys.

An auditor checks a signed file with tools they already have:
`ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n NAMESPACE -s FILE.sig < FILE`.
The format is OpenSSH's PROTOCOL.sshsig: the signature covers a blob made of the magic
preamble, the namespace and the SHA-512 of the message, so a signature made for one namespace
never verifies in another.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import sign, verify

MAGIC = b"SSHSIG"
VERSION = 1
KEY_TYPE = b"ssh-ed25519"
HASH = b"sha512"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
MAX_ARMOR = 64 * 1024


def _string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def public_key_blob(public_key: bytes) -> bytes:
    """The SSH wire form of an Ed25519 public key."""
    return _string(KEY_TYPE) + _string(public_key)


def public_key_line(public_key: bytes, comment: str = "") -> str:
    """`ssh-ed25519 AAAA... comment`, as in an authorized_keys or allowed_signers file."""
    line = f"ssh-ed25519 {base64.b64encode(public_key_blob(public_key)).decode()}"
    return f"{line} {comment}" if comment else line


def fingerprint(public_key: bytes) -> str:
    """`SHA256:...`, the fingerprint `ssh-keygen -l` prints for the key."""
    digest = hashlib.sha256(public_key_blob(public_key)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def allowed_signers_line(principal: str, public_key: bytes, namespace: str) -> str:
    if any(c.isspace() or c in ',"' for c in principal) or not principal:
        raise ValueError("a principal is one word without commas or quotes")
    return f'{principal} namespaces="{namespace}" {public_key_line(public_key)}\n'


def _signed_blob(namespace: str, message: bytes) -> bytes:
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH)
        + _string(hashlib.sha512(message).digest())
    )


def sign_message(
    private_key: SecretBytes, public_key: bytes, namespace: str, message: bytes
) -> str:
    """An armored SSH signature of `message` in `namespace`."""
    if not namespace:
        raise ValueError("an SSH signature needs a namespace")
    raw = sign(private_key, _signed_blob(namespace, message))
    blob = (
        MAGIC
        + struct.pack(">I", VERSION)
        + _string(public_key_blob(public_key))
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH)
        + _string(_string(KEY_TYPE) + _string(raw))
    )
    text = base64.b64encode(blob).decode()
    lines = [text[i : i + 70] for i in range(0, len(text), 70)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


@dataclass(frozen=True)
class SshSignature:
    public_key: bytes
    namespace: str
    hash_algorithm: str
    signature: bytes


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.at + n > len(self.data):
            raise CorruptDataError("the SSH signature is truncated")
        out = self.data[self.at : self.at + n]
        self.at += n
        return out

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def string(self) -> bytes:
        return self.take(self.uint32())


def parse_signature(armored: str) -> SshSignature:
    """Read an armored SSH signature; raises CorruptDataError naming what is wrong."""
    if len(armored) > MAX_ARMOR:
        raise CorruptDataError("the SSH signature file is too large")
    text = armored.strip()
    if not (text.startswith(BEGIN) and text.endswith(END)):
        raise CorruptDataError("not an SSH signature (no BEGIN/END SSH SIGNATURE lines)")
    body = "".join(text[len(BEGIN) : -len(END)].split())
    try:
        blob = base64.b64decode(body, validate=True)
    except ValueError:
        raise CorruptDataError("the SSH signature is not valid base64") from None
    r = _Reader(blob)
    if r.take(6) != MAGIC or r.uint32() != VERSION:
        raise CorruptDataError("not an SSH signature of version 1")
    key = _Reader(r.string())
    if key.string() != KEY_TYPE:
        raise CorruptDataError("the SSH signature is not made with an Ed25519 key")
    public_key = key.string()
    namespace = r.string().decode("utf-8", "replace")
    r.string()
    hash_algorithm = r.string().decode("ascii", "replace")
    sig = _Reader(r.string())
    if sig.string() != KEY_TYPE:
        raise CorruptDataError("the SSH signature is not an Ed25519 signature")
    raw = sig.string()
    if len(public_key) != 32 or len(raw) != 64 or r.at != len(blob):
        raise CorruptDataError("the SSH signature is malformed")
    return SshSignature(public_key, namespace, hash_algorithm, raw)


def verify_message(armored: str, namespace: str, message: bytes) -> SshSignature:
    """The parsed signature if it signs `message` in `namespace`; raises CorruptDataError."""
    parsed = parse_signature(armored)
    if parsed.namespace != namespace:
        raise CorruptDataError(
            f"the signature is for namespace {parsed.namespace!r}, not {namespace!r}"
        )
    if parsed.hash_algorithm not in ("sha512", "sha256"):
        raise CorruptDataError(f"unsupported hash {parsed.hash_algorithm!r} in the signature")
    digest = hashlib.new(parsed.hash_algorithm, message).digest()
    blob = (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(parsed.hash_algorithm.encode())
        + _string(digest)
    )
    if not verify(parsed.public_key, blob, parsed.signature):
        raise CorruptDataError("the SSH signature does not match the file")
    return parsed
