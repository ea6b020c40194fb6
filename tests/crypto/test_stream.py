"""The chunked blob format: round trips, and every kind of damage or tampering is refused.

The format promises that truncation, reordering, removal, duplication, splicing between files
and trailing data all fail to decrypt, and that no unauthenticated plaintext is released.
"""

from __future__ import annotations

import hashlib
import io
import random

import pytest

from sealroom.crypto import stream
from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.secretbytes import SecretBytes

CHUNK = stream.CHUNK_BYTES
SEALED = stream.SEALED_CHUNK_BYTES
HEADER = stream.HEADER_BYTES
SIZES = [1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 1000, 3 * CHUNK]
DAMAGE = "damaged|truncated|tampered"


def _key(seed: int) -> SecretBytes:
    return SecretBytes(random.Random(seed).randbytes(32))


def _plain(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


def _seal(key: SecretBytes, plain: bytes) -> bytes:
    out = io.BytesIO()
    size, digest = stream.encrypt_stream(key, io.BytesIO(plain), out)
    assert size == len(plain)
    assert digest == hashlib.sha256(plain).hexdigest()
    return out.getvalue()


def _open(key: SecretBytes, sealed: bytes) -> bytes:
    return b"".join(stream.decrypt_chunks(key, io.BytesIO(sealed)))


def _chunks(sealed: bytes) -> tuple[bytes, list[bytes]]:
    body = sealed[HEADER:]
    return sealed[:HEADER], [body[i : i + SEALED] for i in range(0, len(body), SEALED)]


def _assert_refused(key: SecretBytes, sealed: bytes, plain: bytes) -> None:
    """Decryption fails, and whatever was released before the failure is authentic plaintext
    made of whole chunks (a streaming reader never sees a forged byte)."""
    released: list[bytes] = []
    with pytest.raises(CorruptDataError, match=DAMAGE):
        for chunk in stream.decrypt_chunks(key, io.BytesIO(sealed)):
            released.append(chunk)
    got = b"".join(released)
    assert plain.startswith(got)
    assert len(got) % CHUNK == 0


@pytest.fixture(scope="module")
def three_chunks() -> tuple[SecretBytes, bytes, bytes]:
    """A small file spanning 3 chunks (the last one partial), its key and its sealed form."""
    key = _key(7)
    plain = _plain(2 * CHUNK + 1000, seed=3)
    return key, plain, _seal(key, plain)


@pytest.mark.parametrize("size", SIZES)
def test_round_trip_and_sealed_size(size: int) -> None:
    key = _key(size)
    plain = _plain(size, seed=size)
    sealed = _seal(key, plain)
    assert len(sealed) == stream.sealed_size(size)
    assert _open(key, sealed) == plain
    out = io.BytesIO()
    assert stream.decrypt_stream(key, io.BytesIO(sealed), out) == size
    assert out.getvalue() == plain


def test_ciphertext_hides_the_plaintext_and_is_randomised() -> None:
    key = _key(1)
    plain = b"confidential brief " * 5000
    one, two = _seal(key, plain), _seal(key, plain)
    assert one != two  # fresh salt, so fresh payload key
    assert b"confidential brief" not in one
    assert _open(key, one) == _open(key, two) == plain


def test_progress_and_cancel() -> None:
    key = _key(2)
    seen: list[int] = []
    plain = _plain(3 * CHUNK + 5)
    stream.encrypt_stream(key, io.BytesIO(plain), io.BytesIO(), progress=seen.append)
    assert seen == [CHUNK, 2 * CHUNK, 3 * CHUNK, 3 * CHUNK + 5]
    with pytest.raises(stream.Cancelled):
        stream.encrypt_stream(key, io.BytesIO(plain), io.BytesIO(), cancelled=lambda: True)


def test_wrong_key_is_refused(three_chunks: tuple[SecretBytes, bytes, bytes]) -> None:
    _, plain, sealed = three_chunks
    _assert_refused(_key(8), sealed, plain)


def test_every_header_byte_flip_is_detected(
    three_chunks: tuple[SecretBytes, bytes, bytes],
) -> None:
    key, _, sealed = three_chunks
    for offset in range(HEADER):
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(sealed)
            damaged[offset] ^= mask
            with pytest.raises(CorruptDataError, match="header"):
                _open(key, bytes(damaged))


def test_sampled_byte_flips_in_every_chunk_are_detected(
    three_chunks: tuple[SecretBytes, bytes, bytes],
) -> None:
    key, plain, sealed = three_chunks
    rng = random.Random(64)
    starts = [HEADER + i * SEALED for i in range(3)]
    ends = [*starts[1:], len(sealed)]
    checked = 0
    for start, end in zip(starts, ends, strict=True):
        length = end - start
        # first and last bytes, the whole authentication tag, and a random sample
        offsets = {0, 1, length - 1, *range(length - stream.TAG_BYTES, length)}
        offsets |= set(rng.sample(range(length), 48))
        for rel in sorted(offsets):
            damaged = bytearray(sealed)
            damaged[start + rel] ^= 1 << rng.randrange(8)
            _assert_refused(key, bytes(damaged), plain)
            checked += 1
    assert checked >= 3 * 60


@pytest.mark.parametrize("size", [2 * CHUNK + 1000, 3 * CHUNK])
def test_truncation_anywhere_is_refused(size: int) -> None:
    key = _key(11)
    plain = _plain(size, seed=11)
    sealed = _seal(key, plain)
    cuts = {0, 1, HEADER - 1, HEADER, HEADER + 1, len(sealed) - 1, len(sealed) - 16}
    for i in range(1, 3):  # at chunk boundaries and in the middle of each chunk
        cuts |= {HEADER + i * SEALED, HEADER + i * SEALED - 1, HEADER + i * SEALED + 1}
    for i in range(3):
        cuts.add(HEADER + i * SEALED + SEALED // 2)
    for cut in sorted(c for c in cuts if c < len(sealed)):
        truncated = sealed[:cut]
        with pytest.raises(CorruptDataError, match=DAMAGE + "|header"):
            _open(key, truncated)


@pytest.mark.parametrize("size", [2 * CHUNK + 1000, 3 * CHUNK])
def test_removed_reordered_and_duplicated_chunks_are_refused(size: int) -> None:
    key = _key(12)
    plain = _plain(size, seed=12)
    header, chunks = _chunks(_seal(key, plain))
    assert len(chunks) == 3
    variants: list[list[bytes]] = []
    for i in range(3):
        variants.append(chunks[:i] + chunks[i + 1 :])  # removed
        variants.append([*chunks[: i + 1], chunks[i], *chunks[i + 1 :]])  # duplicated in place
        variants.append([*chunks, chunks[i]])  # duplicated at the end
    variants += [
        [chunks[1], chunks[0], chunks[2]],
        [chunks[0], chunks[2], chunks[1]],
        [chunks[2], chunks[0], chunks[1]],
        [chunks[2], chunks[1], chunks[0]],
        [chunks[0]],
        [chunks[0], chunks[1]],
    ]
    for variant in variants:
        assert variant != chunks
        _assert_refused(key, header + b"".join(variant), plain)


def test_splicing_between_blobs_is_refused() -> None:
    key, other_key = _key(21), _key(22)
    plain = _plain(2 * CHUNK + 1000, seed=21)
    header, chunks = _chunks(_seal(key, plain))
    # Another file: once under the same key (different salt), once under another key.
    for donor_key in (key, other_key):
        donor_header, donor_chunks = _chunks(_seal(donor_key, _plain(2 * CHUNK + 1000, seed=99)))
        for i in range(3):
            spliced = list(chunks)
            spliced[i] = donor_chunks[i]
            _assert_refused(key, header + b"".join(spliced), plain)
        _assert_refused(key, donor_header + b"".join(chunks), plain)
    # The same plaintext sealed twice under the same key still cannot be mixed.
    twin_header, twin_chunks = _chunks(_seal(key, plain))
    _assert_refused(key, header + twin_chunks[0] + chunks[1] + chunks[2], plain)
    _assert_refused(key, twin_header + b"".join(chunks), plain)


@pytest.mark.parametrize("size", [100, 2 * CHUNK + 1000, 3 * CHUNK])
@pytest.mark.parametrize("garbage", [b"\x00", b"x" * 16, b"\x00" * 17, b"y" * (CHUNK + 16)])
def test_trailing_garbage_is_refused(size: int, garbage: bytes) -> None:
    key = _key(31)
    plain = _plain(size, seed=31)
    sealed = _seal(key, plain)
    _assert_refused(key, sealed + garbage, plain)


def test_a_whole_extra_valid_chunk_is_refused() -> None:
    """A chunk sealed as a non-final chunk 3 of the same stream cannot be appended either."""
    key = _key(41)
    plain = _plain(3 * CHUNK, seed=41)
    longer = _plain(4 * CHUNK + 10, seed=41)
    assert longer.startswith(plain)
    sealed = _seal(key, plain)
    header, chunks = _chunks(sealed)
    _, other = _chunks(_seal(key, longer))
    _assert_refused(key, header + b"".join(chunks) + other[3], plain)


def test_empty_input_round_trips_but_an_empty_body_is_refused() -> None:
    key = _key(51)
    sealed = _seal(key, b"")
    assert _open(key, sealed) == b""
    with pytest.raises(CorruptDataError, match="truncated"):
        _open(key, sealed[:HEADER])
