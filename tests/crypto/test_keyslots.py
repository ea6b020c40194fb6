"""The vault header and its key slots: damage, tampering, hostile parameters, role separation."""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from types import CodeType, FrameType
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sealroom.crypto import kdf
from sealroom.crypto.errors import CorruptDataError, UnsafeParametersError, WrongPasswordError
from sealroom.crypto.keyslots import (
    CompartmentKeys,
    KeySlot,
    Role,
    VaultHeader,
    open_slot,
    renew_envelope,
    seal_slot,
    unlock_private_key,
)
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import generate_signing_key

VAULT_ID = "vlt_0123456789ab"
PASSWORDS = {"owner": "owner password 1", "mia": "manager password 2", "aldo": "auditor pw 3"}
ROLES = {"owner": Role.OWNER, "mia": Role.MANAGER, "aldo": Role.AUDITOR}
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WRAPPED_FIELDS = ("wrapped_private", "envelope")

Body = dict[str, Any]


@pytest.fixture(scope="module")
def sealed() -> tuple[VaultHeader, CompartmentKeys]:
    keys = CompartmentKeys(audit=SecretBytes.random(), content=SecretBytes.random())
    slots = tuple(
        seal_slot(VAULT_ID, user, ROLES[user], PASSWORDS[user], keys, kdf.calibrate(), 1)
        for user in PASSWORDS
    )
    _, public = generate_signing_key()
    return VaultHeader(VAULT_ID, public, slots, key_epoch=1), keys


def _body(header: VaultHeader) -> Body:
    body: Body = json.loads(header.to_bytes())
    return body


def _with_checksum(body: Body) -> bytes:
    """Serialise a header body with a freshly computed checksum, as an attacker could."""
    clean = {k: v for k, v in body.items() if k != "checksum"}
    clean["checksum"] = hashlib.sha256(rfc8785.dumps(clean)).hexdigest()
    return json.dumps(clean, indent=2, sort_keys=True).encode()


def _slot_json(body: Body, user: str) -> Body:
    for slot in body["slots"]:
        if slot["user"] == user:
            return slot  # type: ignore[no-any-return]
    raise AssertionError(user)


def _other_b64(ch: str, shift: int = 1) -> str:
    if ch == "=":
        return "A"
    return B64[(B64.index(ch) + shift) % 64]


@contextlib.contextmanager
def _calls_to(code: CodeType) -> Iterator[list[str]]:
    """Record every call of the function with this code object (a spy, not a stub)."""
    seen: list[str] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code is code:
            seen.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        yield seen
    finally:
        sys.setprofile(None)


def _envelope_plaintext(slot: KeySlot, password: str, epoch: int) -> bytes:
    """Open a slot's envelope by the documented construction, returning the raw plaintext."""
    with unlock_private_key(VAULT_ID, slot, password) as private:
        eph_public, nonce, sealed = slot.envelope[:32], slot.envelope[32:44], slot.envelope[44:]
        shared = X25519PrivateKey.from_private_bytes(bytes(private.value)).exchange(
            X25519PublicKey.from_public_bytes(eph_public)
        )
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=eph_public + slot.public_key,
        info=b"sealroom key envelope",
    ).derive(shared)
    return AESGCM(key).decrypt(nonce, sealed, slot.binding(VAULT_ID, epoch))


def test_header_round_trip_and_each_role_gets_its_keys(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, keys = sealed
    parsed = VaultHeader.from_bytes(header.to_bytes())
    assert parsed == header
    assert parsed.users() == [("owner", Role.OWNER), ("mia", Role.MANAGER), ("aldo", Role.AUDITOR)]
    for user, password in PASSWORDS.items():
        opened = open_slot(VAULT_ID, parsed.slot_for(user), password, parsed.key_epoch)
        assert opened.audit == keys.audit
        if ROLES[user].reads_content:
            assert opened.content == keys.content
        else:
            assert opened.content is None


def test_wrong_password_is_told_apart(sealed: tuple[VaultHeader, CompartmentKeys]) -> None:
    header, _ = sealed
    for user in PASSWORDS:
        with pytest.raises(WrongPasswordError, match=f"wrong password for user '{user}'"):
            open_slot(VAULT_ID, header.slot_for(user), "not the password", 1)
    with pytest.raises(WrongPasswordError, match="no user 'nobody'"):
        header.slot_for("nobody")


def test_every_base64_character_change_in_wrapped_keys_is_corruption(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    text = header.to_bytes().decode()
    body = _body(header)
    checked = 0
    for user in PASSWORDS:
        slot = _slot_json(body, user)
        for name in WRAPPED_FIELDS:
            value = slot[name]
            start = text.index(f'"{value}"') + 1
            for i, ch in enumerate(value):
                for shift in (1, 37):
                    damaged = text[: start + i] + _other_b64(ch, shift) + text[start + i + 1 :]
                    with pytest.raises(CorruptDataError, match="checksum does not match"):
                        VaultHeader.from_bytes(damaged.encode())
                    checked += 1
    assert checked > 2 * 3 * (80 + 124)


def test_every_raw_byte_flip_in_wrapped_keys_is_corruption(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    data = header.to_bytes()
    body = _body(header)
    checked = 0
    for user in PASSWORDS:
        slot = _slot_json(body, user)
        for name in WRAPPED_FIELDS:
            start = data.index(b'"' + slot[name].encode() + b'"')
            for offset in range(start, start + len(slot[name]) + 2):  # with the quotes
                for mask in (0x01, 0x02, 0x20, 0x80, 0xFF):
                    damaged = bytearray(data)
                    damaged[offset] ^= mask
                    with pytest.raises(CorruptDataError, match="vault header is damaged"):
                        VaultHeader.from_bytes(bytes(damaged))
                    checked += 1
    assert checked > 5 * 3 * (80 + 124)


def test_every_byte_flip_anywhere_in_the_header_is_caught_or_harmless(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    data = header.to_bytes()
    for offset in range(len(data)):
        for mask in (0x01, 0x40):
            damaged = bytearray(data)
            damaged[offset] ^= mask
            try:
                parsed = VaultHeader.from_bytes(bytes(damaged))
            except CorruptDataError:
                continue
            # Only a change that means nothing (layout whitespace) may pass.
            assert parsed == header, f"flip at {offset} changed the header unnoticed"


def test_recomputed_checksum_then_tampered_wrapped_key_never_opens(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    """An attacker can fix the checksum; a changed wrapped key then only fails to open."""
    header, _ = sealed
    body = _body(header)
    for user in ("owner", "aldo"):
        for name, expected in (
            ("wrapped_private", (WrongPasswordError,)),
            ("envelope", (CorruptDataError,)),
        ):
            value = _slot_json(body, user)[name]
            for i in range(len(value)):
                tampered = copy.deepcopy(body)
                slot = _slot_json(tampered, user)
                slot[name] = value[:i] + _other_b64(value[i]) + value[i + 1 :]
                if base64.b64decode(slot[name]) == base64.b64decode(value):
                    continue  # non-canonical trailing bits: the same key, nothing to detect
                parsed = VaultHeader.from_bytes(_with_checksum(tampered))
                with pytest.raises(expected):
                    open_slot(VAULT_ID, parsed.slot_for(user), PASSWORDS[user], 1)


HOSTILE: list[tuple[str, Any]] = [
    ("memory_kib", 64 * 1024 * 1024),  # 64 GiB
    ("memory_kib", 2**40),
    ("memory_kib", 0),
    ("memory_kib", -1),
    ("iterations", 2**31),
    ("iterations", 0),
    ("lanes", 1000),
    ("lanes", 0),
    ("salt", "AA=="),
    ("salt", "not base64!"),
    ("algorithm", "argon2i"),
    ("memory_kib", "lots"),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE)
def test_hostile_kdf_parameters_are_refused_before_any_hashing(
    sealed: tuple[VaultHeader, CompartmentKeys], field: str, value: Any
) -> None:
    header, _ = sealed
    body = _body(header)
    _slot_json(body, "mia")["kdf"][field] = value
    data = _with_checksum(body)  # a valid checksum: this is not mere corruption
    with _calls_to(kdf.derive_key.__code__) as derive_calls:
        started = time.perf_counter()
        with pytest.raises(UnsafeParametersError, match="key slot"):
            VaultHeader.from_bytes(data)
        elapsed = time.perf_counter() - started
    assert derive_calls == []
    assert elapsed < 0.5


def test_hostile_parameters_that_bypass_the_parser_are_refused_by_derive(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    slot = header.slot_for("owner")
    hostile = replace(slot.kdf, memory_kib=64 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(UnsafeParametersError, match="65536 MiB"):
        open_slot(VAULT_ID, replace(slot, kdf=hostile), PASSWORDS["owner"], 1)
    assert time.perf_counter() - started < 0.5


def _relabelled(header: VaultHeader, user: str, changes: dict[str, str]) -> VaultHeader:
    body = _body(header)
    _slot_json(body, user).update(changes)
    return VaultHeader.from_bytes(_with_checksum(body))


@pytest.mark.parametrize(
    ("user", "changes"),
    [
        ("owner", {"user": "mallory"}),
        ("owner", {"role": "manager"}),
        ("owner", {"role": "auditor"}),
        ("mia", {"role": "owner"}),
        ("mia", {"role": "auditor"}),
        ("mia", {"user": "owner2"}),
        ("aldo", {"role": "manager"}),
        ("aldo", {"role": "owner"}),
        ("aldo", {"user": "mia2", "role": "manager"}),
        ("aldo", {"slot_id": "0000000000000000"}),
    ],
)
def test_moving_a_slot_under_another_name_or_role_fails_to_unwrap(
    sealed: tuple[VaultHeader, CompartmentKeys], user: str, changes: dict[str, str]
) -> None:
    header, _ = sealed
    moved = _relabelled(header, user, changes)
    slot = moved.slot_for(changes.get("user", user))
    assert slot.public_key == header.slot_for(user).public_key
    with pytest.raises((WrongPasswordError, CorruptDataError)):
        open_slot(VAULT_ID, slot, PASSWORDS[user], moved.key_epoch)


def test_swapping_two_slots_names_opens_neither(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    body = _body(header)
    _slot_json(body, "owner")["user"] = "tmp"
    _slot_json(body, "mia")["user"] = "owner"
    _slot_json(body, "tmp")["user"] = "mia"
    swapped = VaultHeader.from_bytes(_with_checksum(body))
    for name in ("owner", "mia"):
        for password in (PASSWORDS["owner"], PASSWORDS["mia"]):
            with pytest.raises((WrongPasswordError, CorruptDataError)):
                open_slot(VAULT_ID, swapped.slot_for(name), password, 1)


def test_moving_an_envelope_between_slots_or_epochs_fails(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    owner, auditor = header.slot_for("owner"), header.slot_for("aldo")
    # The owner's envelope in the auditor's slot: sealed to another key pair.
    grafted = replace(auditor, envelope=owner.envelope)
    with pytest.raises(CorruptDataError, match="damaged or was moved"):
        open_slot(VAULT_ID, grafted, PASSWORDS["aldo"], 1)
    # The right envelope under another epoch or vault id.
    with pytest.raises(CorruptDataError):
        open_slot(VAULT_ID, owner, PASSWORDS["owner"], 2)
    with pytest.raises((WrongPasswordError, CorruptDataError)):
        open_slot("vlt_another", owner, PASSWORDS["owner"], 1)
    changed_kdf = replace(owner, kdf=replace(owner.kdf, iterations=owner.kdf.iterations + 1))
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT_ID, changed_kdf, PASSWORDS["owner"], 1)


def test_auditor_slot_cannot_produce_the_content_key(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, keys = sealed
    parsed = VaultHeader.from_bytes(header.to_bytes())
    auditor = parsed.slot_for("aldo")
    opened = open_slot(VAULT_ID, auditor, PASSWORDS["aldo"], 1)
    assert opened.content is None
    assert opened.audit == keys.audit
    assert keys.content is not None
    content = bytes(keys.content.value)
    plain = _envelope_plaintext(auditor, PASSWORDS["aldo"], 1)
    assert plain == b"A" + bytes(keys.audit.value)
    assert content not in plain
    with unlock_private_key(VAULT_ID, auditor, PASSWORDS["aldo"]) as private:
        assert content not in bytes(private.value)
    # The owner's envelope does carry it, so the test above is not vacuous.
    assert content in _envelope_plaintext(parsed.slot_for("owner"), PASSWORDS["owner"], 1)


def _seal_raw_envelope(slot: KeySlot, plain: bytes, epoch: int) -> bytes:
    """Seal arbitrary key material to a slot by the documented construction."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=eph_public + slot.public_key,
        info=b"sealroom key envelope",
    ).derive(shared)
    nonce = b"\x00" * 12
    return eph_public + nonce + AESGCM(key).encrypt(nonce, plain, slot.binding(VAULT_ID, epoch))


def test_an_envelope_that_does_not_match_its_role_is_refused(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    """Defence in depth: a correctly sealed envelope with the wrong keys for the role."""
    header, keys = sealed
    assert keys.content is not None
    audit, content = bytes(keys.audit.value), bytes(keys.content.value)
    auditor, manager = header.slot_for("aldo"), header.slot_for("mia")
    stuffed = replace(
        auditor, envelope=_seal_raw_envelope(auditor, b"A" + audit + b"C" + content, 1)
    )
    with pytest.raises(CorruptDataError, match="does not match its role"):
        open_slot(VAULT_ID, stuffed, PASSWORDS["aldo"], 1)
    starved = replace(manager, envelope=_seal_raw_envelope(manager, b"A" + audit, 1))
    with pytest.raises(CorruptDataError, match="does not match its role"):
        open_slot(VAULT_ID, starved, PASSWORDS["mia"], 1)
    empty = replace(manager, envelope=_seal_raw_envelope(manager, b"C" + content, 1))
    with pytest.raises(CorruptDataError, match="no audit key"):
        open_slot(VAULT_ID, empty, PASSWORDS["mia"], 1)
    # The construction above is the real one: a well-formed envelope does open.
    good = replace(manager, envelope=_seal_raw_envelope(manager, b"A" + audit + b"C" + content, 1))
    assert open_slot(VAULT_ID, good, PASSWORDS["mia"], 1).content == keys.content


def test_renewed_envelope_opens_only_under_its_epoch(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    slot = header.slot_for("mia")
    new_keys = CompartmentKeys(audit=SecretBytes.random(), content=SecretBytes.random())
    renewed = renew_envelope(VAULT_ID, slot, new_keys, 2)
    opened = open_slot(VAULT_ID, renewed, PASSWORDS["mia"], 2)
    assert opened.content == new_keys.content and opened.audit == new_keys.audit
    with pytest.raises(CorruptDataError):
        open_slot(VAULT_ID, renewed, PASSWORDS["mia"], 1)


def test_header_from_other_formats_is_corrupt(
    sealed: tuple[VaultHeader, CompartmentKeys],
) -> None:
    header, _ = sealed
    bad: list[Callable[[Body], None]] = [
        lambda b: b.update(format="something-else"),
        lambda b: b.update(version=99),
        lambda b: b.pop("slots"),
        lambda b: b.update(slots=[{"user": "x"}]),
        lambda b: b["slots"][0].update(role="emperor"),
        lambda b: b["slots"][0].update(public_key="***"),
    ]
    for change in bad:
        body = _body(header)
        change(body)
        with pytest.raises(CorruptDataError):
            VaultHeader.from_bytes(_with_checksum(body))
    for raw in (b"", b"[]", b"{}", b"\xff\xfe", b"null"):
        with pytest.raises(CorruptDataError):
            VaultHeader.from_bytes(raw)
