"""age encryption for share packages and receipts: X25519 recipients or a generated passphrase.

Any age implementation opens what is written here (`age -d -i key.txt`, or `age -d` with the
passphrase). Before decrypting, the header is read and bounded: an scrypt stanza asking for a
work factor above 2^22 is refused, so a hostile file cannot stall the viewer for minutes.
"""

from __future__ import annotations

import secrets

import pyrage
from xkcdpass import xkcd_password

from sealroom.crypto.errors import PackageError, PackageKeyError

MAGIC = b"age-encryption.org/v1\n"
MAX_SCRYPT_LOG_N = 22
MAX_HEADER = 16 * 1024
MAX_STANZAS = 64
PASSPHRASE_WORDS = 6


def generate_identity() -> tuple[bytearray, str]:
    """A new age X25519 identity: (secret `AGE-SECRET-KEY-1...` as bytes, public `age1...`)."""
    identity = pyrage.x25519.Identity.generate()
    return bytearray(str(identity).encode("ascii")), str(identity.to_public())


def public_of(identity: bytes | bytearray) -> str:
    return str(_identity(identity).to_public())


def check_recipient(recipient: str) -> str:
    """The recipient if it is a valid `age1...` X25519 public key; raises PackageError."""
    try:
        pyrage.x25519.Recipient.from_str(recipient.strip())
    except (pyrage.RecipientError, ValueError):
        raise PackageError(f"not an age recipient (age1...): {recipient[:20]!r}") from None
    return recipient.strip()


def generate_passphrase() -> str:
    """Six words from the EFF long list (about 77 bits), separated by hyphens."""
    words = xkcd_password.generate_wordlist(
        wordfile=xkcd_password.locate_wordfile("eff-long"), min_length=3, max_length=9
    )
    return "-".join(secrets.choice(words) for _ in range(PASSPHRASE_WORDS))


def encrypt_to_recipient(data: bytes, recipient: str) -> bytes:
    key = pyrage.x25519.Recipient.from_str(check_recipient(recipient))
    return bytes(pyrage.encrypt(data, [key]))


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    return bytes(pyrage.passphrase.encrypt(data, passphrase))


def stanza_types(data: bytes) -> list[str]:
    """The recipient stanza types of an age header (`X25519`, `scrypt`, ...), checked for bounds."""
    if not data.startswith(MAGIC):
        raise PackageError("not a share package (no age header)")
    end = data.find(b"\n---", 0, MAX_HEADER)
    if end < 0:
        raise PackageError("the package header is damaged or too large")
    types = []
    for line in data[len(MAGIC) : end].split(b"\n"):
        if not line.startswith(b"-> "):
            continue
        args = line[3:].split(b" ")
        kind = args[0].decode("ascii", "replace")
        types.append(kind)
        if kind == "scrypt":
            if len(args) != 3 or not args[2].isdigit():
                raise PackageError("the package's passphrase stanza is malformed")
            if int(args[2]) > MAX_SCRYPT_LOG_N:
                raise PackageError(
                    f"the package asks for an scrypt work factor of 2^{int(args[2])}, above the "
                    f"2^{MAX_SCRYPT_LOG_N} this viewer accepts"
                )
    if not types or len(types) > MAX_STANZAS:
        raise PackageError("the package header has no usable recipient")
    return types


def decrypt_with_identity(data: bytes, identity: bytes | bytearray) -> bytes:
    if "X25519" not in stanza_types(data):
        raise PackageKeyError("this package is not encrypted to a key: use its passphrase")
    try:
        return bytes(pyrage.decrypt(data, [_identity(identity)]))
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise PackageKeyError("this package is not addressed to your key") from None
        raise PackageError("the package is damaged or was tampered with") from None


def decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    if stanza_types(data) != ["scrypt"]:
        raise PackageKeyError("this package is encrypted to a key, not a passphrase")
    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase))
    except pyrage.DecryptError:
        raise PackageKeyError(
            "wrong passphrase, or the package is damaged or was tampered with"
        ) from None


def _identity(identity: bytes | bytearray) -> pyrage.x25519.Identity:
    try:
        return pyrage.x25519.Identity.from_str(bytes(identity).decode("ascii").strip())
    except (pyrage.IdentityError, UnicodeDecodeError, ValueError):
        raise PackageKeyError("not an age identity (AGE-SECRET-KEY-1...)") from None
