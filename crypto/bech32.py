"""Bech32 (BIP 173) decoding of age keys into their raw 32-byte X25519 values.

age writes a recipient as `age1...` and an identity as `AGE-SECRET-KEY-1...`: bech32 of the raw
key. pyrage does not expose the raw bytes, which receipts need for their X25519 authentication.
"""

from __future__ import annotations

from sealroom.crypto.errors import CorruptDataError

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, g in enumerate(_GENERATOR):
            check ^= g if (top >> i) & 1 else 0
    return check


def _expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def decode(text: str, hrp: str) -> bytes:
    """The data bytes of a bech32 string with human-readable part `hrp`."""
    lowered = text.strip().lower()
    sep = lowered.rfind("1")
    if lowered[:sep] != hrp or sep < 1 or len(lowered) - sep < 7:
        raise CorruptDataError(f"not a bech32 key with prefix {hrp!r}")
    try:
        data = [CHARSET.index(c) for c in lowered[sep + 1 :]]
    except ValueError:
        raise CorruptDataError("the key has a character bech32 does not use") from None
    if _polymod(_expand(hrp) + data) != 1:
        raise CorruptDataError("the key's checksum is wrong (mistyped or damaged)")
    acc, bits, out = 0, 0, bytearray()
    for value in data[:-6]:
        acc = (acc << 5) | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    if bits >= 5 or (acc << (8 - bits)) & 0xFF:
        raise CorruptDataError("the key has invalid padding")
    return bytes(out)


def age_public_key(recipient: str) -> bytes:
    raw = decode(recipient, "age")
    if len(raw) != 32:
        raise CorruptDataError("an age recipient holds 32 bytes")
    return raw


def age_secret_key(identity: bytes | bytearray) -> bytearray:
    raw = bytearray(decode(bytes(identity).decode("ascii", "replace"), "age-secret-key-"))
    if len(raw) != 32:
        raise CorruptDataError("an age identity holds 32 bytes")
    return raw
