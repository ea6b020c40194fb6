"""Damage and tampering on disk: wrong password vs damaged vault, header, blob and page flips,
hostile key-derivation parameters and key slots moved under another name or role."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import psutil
import pytest
import rfc8785
import sqlcipher3

from sealroom.crypto import kdf, stream
from sealroom.crypto.keyslots import Role
from sealroom.vault import users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import (
    CorruptDataError,
    SealroomError,
    UnsafeParametersError,
    WrongPasswordError,
)
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
MIA_PASSWORD = "manager password"
FAILURES = "unlock-failures.jsonl"
PAGE = 4096
RESERVED = 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC-SHA512 at the end of each page
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the vault folder except the failed-unlock record and the lock file."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (FAILURES, "vault.lock")
    }


def _open_files_under(folder: Path) -> list[str]:
    root = str(folder.resolve())
    return [f.path for f in psutil.Process().open_files() if f.path.startswith(root)]


def _assert_not_left_open(folder: Path) -> None:
    """A failed unlock leaves no database or lock open: another unlock can take the lock."""
    assert _open_files_under(folder) == []


def _write_source(path: Path, size: int, seed: int) -> bytes:
    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return data


def _header_body(folder: Path) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((folder / "header.json").read_bytes())
    return body


def _write_with_checksum(folder: Path, body: dict[str, Any]) -> None:
    """Write a header as an attacker would: with a correct, recomputed checksum."""
    clean = {k: v for k, v in body.items() if k != "checksum"}
    clean["checksum"] = hashlib.sha256(rfc8785.dumps(clean)).hexdigest()
    (folder / "header.json").write_bytes(json.dumps(clean, indent=2, sort_keys=True).encode())


def _slot(body: dict[str, Any], user: str) -> dict[str, Any]:
    for slot in body["slots"]:
        if slot["user"] == user:
            return slot  # type: ignore[no-any-return]
    raise AssertionError(user)


def _failure_events(vault: Vault) -> list[Any]:
    return [
        e
        for e in vault.audit.events(newest_first=False)
        if e.action == "vault.unlock" and e.outcome == "failure"
    ]


@contextlib.contextmanager
def _calls_to(code: CodeType) -> Iterator[list[str]]:
    """Record calls of one Python function (a spy: the function itself still runs)."""
    seen: list[str] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code is code:
            seen.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        yield seen
    finally:
        sys.setprofile(None)


@pytest.fixture
def fast_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory (tmpfs) when the system has one: the page-flip test unlocks a vault
    about a thousand times, and fsync on a real disk would dominate its runtime."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="sealroom-test-", dir=shm))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path


# -- 1. wrong password versus a damaged vault -----------------------------------------------


def test_wrong_password_and_damaged_vault_are_told_apart(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "brief.bin"
    _write_source(source, 3000, seed=1)
    assets.import_file(vault, source)
    vault.lock()
    before = _snapshot(vault_dir)

    with pytest.raises(WrongPasswordError, match="wrong password for user 'owner'") as wrong:
        Vault.unlock(vault_dir, "owner", "not the password")
    assert not isinstance(wrong.value, CorruptDataError)
    assert _snapshot(vault_dir) == before
    assert (vault_dir / FAILURES).exists()
    _assert_not_left_open(vault_dir)

    damages: list[tuple[str, Callable[[bytearray], None], str]] = [
        (
            "header.json",
            lambda b: b.__setitem__(b.index(b'"envelope": "') + 20, ord("!")),
            "vault header is damaged",
        ),
        (
            "header.json",
            lambda b: b.__setitem__(slice(None), b[: len(b) // 2]),
            "vault header is damaged",
        ),
        ("vault.db", lambda b: b.__setitem__(100, b[100] ^ 0x04), "vault.db is damaged"),
        ("vault.db", lambda b: b.__setitem__(slice(0, 16), bytes(16)), "vault.db is damaged"),
        ("audit.db", lambda b: b.__setitem__(2000, b[2000] ^ 0x10), "audit.db is damaged"),
        ("vault.db", lambda b: b.__setitem__(slice(PAGE, None), b""), "damaged"),
    ]
    for name, damage, message in damages:
        path = vault_dir / name
        original = path.read_bytes()
        damaged = bytearray(original)
        damage(damaged)
        path.write_bytes(bytes(damaged))
        expected = _snapshot(vault_dir)
        with pytest.raises(CorruptDataError, match=message) as corrupt:
            Vault.unlock(vault_dir, "owner", PASSWORD)
        assert not isinstance(corrupt.value, WrongPasswordError)
        assert _snapshot(vault_dir) == expected, f"a failed unlock changed the vault ({name})"
        _assert_not_left_open(vault_dir)
        path.write_bytes(original)

    missing = vault_dir / "audit.db"
    kept = missing.read_bytes()
    missing.unlink()
    with pytest.raises(CorruptDataError, match=r"audit\.db is missing"):
        Vault.unlock(vault_dir, "owner", PASSWORD)
    assert not missing.exists()
    missing.write_bytes(kept)

    assert _snapshot(vault_dir) == before
    with Vault.unlock(vault_dir, "owner", PASSWORD) as reopened:
        # Only the wrong password counts as a failed unlock; damage is not a guess.
        assert len(_failure_events(reopened)) == 1
        assert verify.verify_vault(reopened).ok


@pytest.mark.parametrize("name", ["vault.db", "audit.db"])
def test_an_emptied_database_is_damage_and_is_not_rebuilt(
    vault: Vault, vault_dir: Path, name: str
) -> None:
    """A database file cut to 0 bytes (a failed copy, a sync tool) must be reported as damage
    by a failed unlock that writes nothing, not silently recreated as a new empty database."""
    vault.lock()
    (vault_dir / name).write_bytes(b"")
    before = _snapshot(vault_dir)
    with pytest.raises(CorruptDataError):
        Vault.unlock(vault_dir, "owner", PASSWORD)
    assert (vault_dir / name).stat().st_size == 0, f"the failed unlock wrote a new {name}"
    assert _snapshot(vault_dir) == before
    _assert_not_left_open(vault_dir)


def test_a_failed_unlock_after_the_databases_opened_leaves_nothing_open(
    vault: Vault, vault_dir: Path
) -> None:
    """Damage found late in an unlock (here: the wrapped signing key in vault.db) must not
    leave the decrypted databases open while the error is being shown to the person."""
    assert vault.keys.content is not None
    content_hex = vault.keys.content.hex()
    vault.lock()
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{content_hex}'\"")
        conn.execute("UPDATE settings SET value = zeroblob(60) WHERE name = 'signing_key'")
    finally:
        conn.close()
    with pytest.raises(CorruptDataError, match="failed authentication") as failed:
        Vault.unlock(vault_dir, "owner", PASSWORD)
    # The error (and its traceback) is still held, as an error dialog would hold it.
    assert failed.value.__traceback__ is not None
    _assert_not_left_open(vault_dir)


def test_failed_unlocks_are_recorded_at_the_next_unlock(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    before = _snapshot(vault_dir)
    for attempt in ("guess one", "guess two"):
        with pytest.raises(WrongPasswordError):
            Vault.unlock(vault_dir, "owner", attempt)
    assert _snapshot(vault_dir) == before
    lines = (vault_dir / FAILURES).read_text().splitlines()
    assert len(lines) == 2
    assert all(attempt not in line for line in lines for attempt in ("guess one", "guess two"))

    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        events = opened.audit.events(newest_first=False)
        failures = _failure_events(opened)
        assert len(failures) == 2
        for event in failures:
            assert event.actor == "owner" and event.role == "owner"
            assert "wrong password" in event.reason
        # ... recorded before the successful unlock that found them
        assert events[-1].action == "vault.unlock" and events[-1].outcome == "success"
        assert [e.seq for e in events[-3:-1]] == [f.seq for f in failures]
    assert not (vault_dir / FAILURES).exists()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as again:
        assert len(_failure_events(again)) == 2  # moved once, not again


def test_failed_unlock_of_an_unknown_user_is_recorded(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    with pytest.raises(WrongPasswordError, match="no user 'mallory'"):
        Vault.unlock(vault_dir, "mallory", PASSWORD)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        (failure,) = _failure_events(opened)
        assert failure.actor == "mallory" and failure.role == "none"


# -- 2. header, blobs and database pages ----------------------------------------------------


def test_every_wrapped_key_flip_in_header_json_is_reported_as_damage(
    vault: Vault, vault_dir: Path
) -> None:
    users.add_user(vault, "aldo", Role.AUDITOR, "auditor password")
    vault.lock()
    path = vault_dir / "header.json"
    original = path.read_bytes()
    body = json.loads(original)
    checked = 0
    for user in ("owner", "aldo"):
        for name in ("wrapped_private", "envelope"):
            value = _slot(body, user)[name]
            start = original.index(b'"' + value.encode() + b'"') + 1
            for i, ch in enumerate(value):
                variants = [
                    original[: start + i]
                    + B64[(B64.index(ch) + 1) % 64].encode()
                    + original[start + i + 1 :]
                ]
                raw = bytearray(original)
                raw[start + i] ^= 0x01
                variants.append(bytes(raw))
                for damaged in variants:
                    path.write_bytes(damaged)
                    with pytest.raises(CorruptDataError, match="vault header is damaged"):
                        Vault.unlock(vault_dir, user, PASSWORD)
                    checked += 1
    assert checked == 2 * sum(
        len(_slot(body, u)[n]) for u in ("owner", "aldo") for n in ("wrapped_private", "envelope")
    )
    path.write_bytes(original)
    assert not (vault_dir / FAILURES).exists()  # damage is not counted as a password guess
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        assert verify.verify_vault(opened).ok


def _blob_path(vault: Vault, asset: assets.Asset) -> Path:
    return vault.blobs.path_of(asset.blob_id)


def test_damaged_or_tampered_blobs_are_refused_in_the_vault(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    chunk, sealed_chunk, head = stream.CHUNK_BYTES, stream.SEALED_CHUNK_BYTES, stream.HEADER_BYTES
    size = 2 * chunk + 1000  # three chunks, the last one partial
    plain = _write_source(tmp_path / "a.bin", size, seed=2)
    _write_source(tmp_path / "b.bin", size, seed=3)
    target = assets.import_file(vault, tmp_path / "a.bin")
    donor = assets.import_file(vault, tmp_path / "b.bin")
    path, donor_path = _blob_path(vault, target), _blob_path(vault, donor)
    original, donor_bytes = path.read_bytes(), donor_path.read_bytes()
    assert len(original) == stream.sealed_size(size)

    def chunks(data: bytes) -> list[bytes]:
        return [data[head + i * sealed_chunk : head + (i + 1) * sealed_chunk] for i in range(3)]

    c, d = chunks(original), chunks(donor_bytes)

    def flipped(offset: int) -> bytes:
        damaged = bytearray(original)
        damaged[offset] ^= 0x20
        return bytes(damaged)

    # Every header byte, decrypted through the vault's own blob reader.
    for offset in range(head):
        path.write_bytes(flipped(offset))
        with pytest.raises(CorruptDataError, match=target.blob_id):
            vault.blobs.read_bytes(target.blob_id)

    tampered: dict[str, bytes] = {
        "header flip": flipped(12),
        "chunk 0 flip": flipped(head + 5),
        "chunk 1 flip": flipped(head + sealed_chunk + 40000),
        "chunk 2 tag flip": flipped(len(original) - 1),
        "truncated at a chunk boundary": original[: head + 2 * sealed_chunk],
        "truncated mid-chunk": original[: head + sealed_chunk + 1234],
        "truncated to the header": original[:head],
        "chunk removed": original[:head] + c[0] + c[2],
        "chunks reordered": original[:head] + c[1] + c[0] + c[2],
        "chunk duplicated": original[:head] + c[0] + c[0] + c[1] + c[2],
        "chunk spliced from another blob": original[:head] + c[0] + d[1] + c[2],
        "header from another blob": donor_bytes[:head] + b"".join(c),
        "another blob's file": donor_bytes,
        "trailing garbage": original + b"\x00",
        "empty": b"",
    }
    for what, data in tampered.items():
        path.write_bytes(data)
        with pytest.raises(CorruptDataError):
            assets.read_asset(vault, target.id)
        out = tmp_path / "exports" / f"{what}.bin"
        out.parent.mkdir(exist_ok=True)
        with pytest.raises(CorruptDataError):
            assets.export_asset(vault, target.id, out)
        assert list(out.parent.iterdir()) == [], f"export left a file behind ({what})"
        report = verify.verify_vault(vault)
        assert any(target.blob_id in p for p in report.problems), what
        assert not any(donor.blob_id in p for p in report.problems), what

    path.unlink()
    report = verify.verify_vault(vault)
    assert any("missing" in p and target.blob_id in p for p in report.problems)

    path.write_bytes(original)
    assert assets.read_asset(vault, target.id) == plain
    assert verify.verify_vault(vault).ok


def _page_offsets(pages: int, per_page: int, seed: int) -> list[tuple[int, int]]:
    """Offsets to flip in every page: its first byte, the last byte of its encrypted body, the
    first bytes of the IV and of the HMAC in the reserved area, its last byte, two more random
    bytes of the reserved area, and random bytes of the encrypted body for the rest."""
    rng = random.Random(seed)
    body = PAGE - RESERVED
    chosen: list[tuple[int, int]] = []
    for page in range(pages):
        offsets = {0, body - 1, body, body + 16, PAGE - 1}
        if page == 0:
            offsets |= {8, 15, 16}  # the salt in front of page 1, and the byte after it
        offsets |= set(rng.sample(range(body, PAGE), 2))
        while len(offsets) < per_page:
            offsets.add(rng.randrange(body))
        chosen += [(page, off) for off in sorted(offsets)]
    return chosen


FLIP_BUDGET = 1536
"""Unlock-and-verify trials for vault.db: 64 offsets per page while the schema is small; as
tables are added, fewer per page (never fewer than 8, see `_page_offsets`) so that this file
stays under a minute on a 2-core machine."""


@pytest.mark.parametrize(("db_name", "budget"), [("vault.db", FLIP_BUDGET), ("audit.db", 384)])
def test_every_page_flip_is_caught_by_unlock_or_verify(
    fast_dir: Path, tmp_path: Path, db_name: str, budget: int
) -> None:
    folder = fast_dir / "flips.sealroom"
    source = tmp_path / "small.bin"
    _write_source(source, 70_000, seed=4)
    with Vault.create(folder, "owner", PASSWORD) as vault:
        assets.import_file(vault, source, title="flip target")
    pristine = {name: (folder / name).read_bytes() for name in ("vault.db", "audit.db")}
    data = pristine[db_name]
    assert len(data) % PAGE == 0
    pages = len(data) // PAGE
    per_page = max(8, min(64, budget // pages))
    rng = random.Random(1729)
    trials = _page_offsets(pages, per_page, seed=pages)
    outcomes: dict[str, int] = {}
    missed: list[str] = []
    for page, offset in trials:
        for name, content in pristine.items():
            (folder / name).write_bytes(content)
        damaged = bytearray(data)
        damaged[page * PAGE + offset] ^= 1 << rng.randrange(8)
        (folder / db_name).write_bytes(bytes(damaged))
        where = f"page {page + 1} offset {offset}"
        try:
            opened = Vault.unlock(folder, "owner", PASSWORD)
        except CorruptDataError:
            outcomes["unlock refused"] = outcomes.get("unlock refused", 0) + 1
            continue
        try:
            report = verify.verify_vault(opened)
        except Exception as exc:  # verify must report, not fail
            outcome = f"verify raised {type(exc).__name__}: {exc}"
            missed.append(f"{where}: {outcome}")
        else:
            outcome = "verify reported" if report.problems else "UNNOTICED"
            if not report.problems:
                missed.append(f"{where}: verify found nothing")
        finally:
            # Locking a damaged vault may fail to write its last event; it must still let go
            # (the next trial's unlock would otherwise fail with VaultInUseError).
            with contextlib.suppress(CorruptDataError):
                opened.lock()
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert len(trials) >= pages * per_page
    assert not missed, (
        f"{len(missed)} of {len(trials)} flips in {db_name} were not reported by unlock or "
        f"verify; outcomes {outcomes}; first: {missed[:3]}"
    )
    for name, content in pristine.items():
        (folder / name).write_bytes(content)
    with Vault.unlock(folder, "owner", PASSWORD) as opened:
        assert verify.verify_vault(opened).ok


# -- 3. hostile key-derivation parameters ---------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"), [("memory_kib", 64 * 1024 * 1024), ("iterations", 10**9), ("lanes", 4096)]
)
def test_hostile_kdf_parameters_are_refused_before_hashing(
    vault: Vault, vault_dir: Path, field: str, value: int
) -> None:
    vault.lock()
    body = _header_body(vault_dir)
    _slot(body, "owner")["kdf"][field] = value
    _write_with_checksum(vault_dir, body)  # not mere damage: the checksum is right
    before = _snapshot(vault_dir)
    with _calls_to(kdf.derive_key.__code__) as derive_calls:
        started = time.perf_counter()
        with pytest.raises(UnsafeParametersError, match="key slot asks for") as refused:
            Vault.unlock(vault_dir, "owner", PASSWORD)
        elapsed = time.perf_counter() - started
    assert derive_calls == [], "the password was hashed with hostile parameters"
    assert elapsed < 1.0
    assert isinstance(refused.value, SealroomError)
    assert _snapshot(vault_dir) == before
    _assert_not_left_open(vault_dir)


def test_the_spy_does_see_key_derivation(vault: Vault, vault_dir: Path) -> None:
    """The check above is meaningful: an ordinary unlock is seen deriving a key."""
    vault.lock()
    with _calls_to(kdf.derive_key.__code__) as derive_calls:
        Vault.unlock(vault_dir, "owner", PASSWORD).lock()
    assert derive_calls == ["derive_key"]


# -- 4. slots moved under another name or role ----------------------------------------------


@pytest.mark.parametrize(
    ("user", "password", "changes", "login"),
    [
        ("owner", PASSWORD, {"user": "mallory"}, "mallory"),
        ("mia", MIA_PASSWORD, {"role": "owner"}, "mia"),
        ("aldo", "auditor password", {"role": "manager"}, "aldo"),
        ("aldo", "auditor password", {"role": "owner", "user": "boss"}, "boss"),
    ],
)
def test_a_slot_moved_under_another_name_or_role_does_not_open(
    vault: Vault,
    vault_dir: Path,
    user: str,
    password: str,
    changes: dict[str, str],
    login: str,
) -> None:
    users.add_user(vault, "mia", Role.MANAGER, MIA_PASSWORD)
    users.add_user(vault, "aldo", Role.AUDITOR, "auditor password")
    vault.lock()
    original = (vault_dir / "header.json").read_bytes()
    body = _header_body(vault_dir)
    _slot(body, user).update(changes)
    _write_with_checksum(vault_dir, body)
    with pytest.raises((WrongPasswordError, CorruptDataError)):
        Vault.unlock(vault_dir, login, password)
    _assert_not_left_open(vault_dir)
    (vault_dir / "header.json").write_bytes(original)
    with Vault.unlock(vault_dir, user, password) as opened:
        assert opened.role.value == _slot(json.loads(original), user)["role"]


def test_swapping_two_users_slots_opens_neither(vault: Vault, vault_dir: Path) -> None:
    users.add_user(vault, "mia", Role.MANAGER, MIA_PASSWORD)
    vault.lock()
    body = _header_body(vault_dir)
    _slot(body, "owner")["user"] = "swap"
    _slot(body, "mia")["user"] = "owner"
    _slot(body, "swap")["user"] = "mia"
    _write_with_checksum(vault_dir, body)
    for login in ("owner", "mia"):
        for password in (PASSWORD, MIA_PASSWORD):
            with pytest.raises((WrongPasswordError, CorruptDataError)):
                Vault.unlock(vault_dir, login, password)


def test_public_key_swap_is_caught(vault: Vault, vault_dir: Path) -> None:
    """Replacing a slot's public key (so the envelope would be sealed to someone else)."""
    users.add_user(vault, "mia", Role.MANAGER, MIA_PASSWORD)
    vault.lock()
    body = _header_body(vault_dir)
    owner, mia = _slot(body, "owner"), _slot(body, "mia")
    owner["public_key"], mia["public_key"] = mia["public_key"], owner["public_key"]
    _write_with_checksum(vault_dir, body)
    for login, password in (("owner", PASSWORD), ("mia", MIA_PASSWORD)):
        with pytest.raises(CorruptDataError):
            Vault.unlock(vault_dir, login, password)
    assert base64.b64decode(owner["public_key"])  # still well-formed, only swapped


def test_a_replaced_signing_key_in_the_header_is_refused(vault: Vault, vault_dir: Path) -> None:
    """Swapping the header's public signing key (to pass off checkpoints signed by another key)
    is caught against the key pinned in the audit log, even with a correct checksum."""
    vault.lock()
    body = _header_body(vault_dir)
    body["signing_public_key"] = base64.b64encode(b"\x02" * 32).decode()
    _write_with_checksum(vault_dir, body)
    with pytest.raises(CorruptDataError, match="signing key"):
        Vault.unlock(vault_dir, "owner", PASSWORD)
    _assert_not_left_open(vault_dir)
