"""The share-package format: signed manifest and previews in a ZIP inside age.

Interoperability runs the real `age`, `age-keygen` and `unzip` programs.
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.errors import PackageError
from sealroom.crypto.signing import generate_signing_key

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
PREVIEW = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)


def _manifest(
    public_key: bytes,
    recipient_age: str = "",
    files: tuple[sharepkg.PackageFile, ...] | None = None,
) -> sharepkg.Manifest:
    import base64

    return sharepkg.Manifest(
        package_id="pkg_0123456789ab",
        issued_at=sharepkg.stamp(NOW),
        sender_name="Northlight Talent",
        sender_vault="vlt_abcdef012345",
        sender_key=base64.b64encode(public_key).decode(),
        recipient_name="Lumen Cosmetics",
        recipient_party="pty_000000000001",
        recipient_age=recipient_age,
        not_before=sharepkg.stamp(NOW - timedelta(days=1)),
        not_after=sharepkg.stamp(NOW + timedelta(days=7)),
        nda_title="Spring NDA",
        nda_terms="The recipient keeps the previews confidential until launch.",
        assets=(
            sharepkg.PackageAsset(
                "ast_000000000001",
                "Hero shot",
                files or (sharepkg.file_entry("previews/ast_000000000001-1.png", PREVIEW),),
            ),
        ),
    )


def _payload() -> tuple[bytes, bytes]:
    private, public = generate_signing_key()
    manifest = _manifest(public)
    payload = sharepkg.build_payload(
        manifest, {"previews/ast_000000000001-1.png": PREVIEW}, private
    )
    return payload, public


def test_a_payload_opens_and_its_previews_match() -> None:
    payload, public = _payload()
    opened = sharepkg.open_payload(payload)
    assert opened.manifest.sender_public_key == public
    assert opened.previews == {"previews/ast_000000000001-1.png": PREVIEW}
    sharepkg.check_window(opened.manifest, NOW)


def test_debian_age_decrypts_a_package_to_an_age_keygen_recipient(tmp_path: Path) -> None:
    subprocess.run(["age-keygen", "-o", str(tmp_path / "key.txt")], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(tmp_path / "key.txt")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    payload, _ = _payload()
    (tmp_path / "p.sealshare").write_bytes(agebox.encrypt_to_recipient(payload, recipient))
    subprocess.run(
        [
            "age",
            "-d",
            "-i",
            str(tmp_path / "key.txt"),
            "-o",
            str(tmp_path / "p.zip"),
            str(tmp_path / "p.sealshare"),
        ],
        check=True,
    )
    listing = subprocess.run(
        ["unzip", "-l", str(tmp_path / "p.zip")], check=True, capture_output=True, text=True
    ).stdout
    assert "manifest.json" in listing and "previews/ast_000000000001-1.png" in listing
    identity = (tmp_path / "key.txt").read_bytes().splitlines()[-1]
    opened = sharepkg.open_payload(
        agebox.decrypt_with_identity((tmp_path / "p.sealshare").read_bytes(), identity)
    )
    assert opened.manifest.recipient_name == "Lumen Cosmetics"


def test_a_passphrase_package_opens_with_age_given_the_passphrase(tmp_path: Path) -> None:
    passphrase = agebox.generate_passphrase()
    assert len(passphrase.split("-")) == 6
    payload, _ = _payload()
    (tmp_path / "p.sealshare").write_bytes(agebox.encrypt_with_passphrase(payload, passphrase))
    out = tmp_path / "p.zip"
    pid, fd = pty.fork()
    if pid == 0:  # age reads a passphrase only from a terminal
        os.execvp("age", ["age", "-d", "-o", str(out), str(tmp_path / "p.sealshare")])
    seen = b""
    while b"passphrase" not in seen.lower():
        seen += os.read(fd, 1024)
    os.write(fd, passphrase.encode() + b"\n")
    try:
        while os.read(fd, 1024):
            pass
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    manifest_bytes = sharepkg.open_payload(payload).manifest_bytes
    assert zipfile.ZipFile(out).read("manifest.json") == manifest_bytes


def test_age_wrapped_zip_without_a_valid_signature_is_refused(tmp_path: Path) -> None:
    _, public = generate_signing_key()
    other, _ = generate_signing_key()
    manifest = _manifest(public)
    forged = sharepkg.build_payload(manifest, {"previews/ast_000000000001-1.png": PREVIEW}, other)
    identity, recipient = agebox.generate_identity()
    sealed = agebox.encrypt_to_recipient(forged, recipient)
    with pytest.raises(PackageError, match="signature does not match"):
        sharepkg.open_payload(agebox.decrypt_with_identity(sealed, identity))


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return out.getvalue()


def _with(payload: bytes, replace: dict[str, bytes | None], add: list[tuple[str, bytes]]) -> bytes:
    zf = zipfile.ZipFile(io.BytesIO(payload))
    entries = [(n, replace.get(n, zf.read(n))) for n in zf.namelist()]
    return _zip([(n, d) for n, d in entries if d is not None] + add)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: _with(p, {}, [("../evil.png", b"x")]), "unexpected path"),
        (lambda p: _with(p, {}, [("/etc/passwd", b"x")]), "unexpected path"),
        (
            lambda p: _with(p, {"previews/ast_000000000001-1.png": PREVIEW[:-1] + b"!"}, []),
            "does not match the hash",
        ),
        (
            lambda p: _with(
                p,
                {
                    "manifest.json": zipfile.ZipFile(io.BytesIO(p))
                    .read("manifest.json")
                    .replace(b"Lumen", b"Lumex")
                },
                [],
            ),
            "signature does not match",
        ),
        (lambda p: _with(p, {"manifest.sig": None}, []), "no signed manifest"),
        (lambda p: _with(p, {}, [("previews/extra.png", b"x")]), "differ from those"),
        (lambda p: p[: len(p) // 2], "not a valid archive"),
        (lambda p: b"PK" + os.urandom(500), "not a valid archive"),
    ],
    ids=[
        "dotdot",
        "absolute",
        "preview-hash",
        "manifest-edit",
        "unsigned",
        "unlisted",
        "truncated",
        "garbage",
    ],
)
def test_a_damaged_payload_is_refused_with_a_reason(damage: object, reason: str) -> None:
    payload, _ = _payload()
    with pytest.raises(PackageError, match=reason):
        sharepkg.open_payload(damage(payload))  # type: ignore[operator]


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    payload, _ = _payload()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in ("manifest.json", "manifest.sig"):
            zf.writestr(name, zipfile.ZipFile(io.BytesIO(payload)).read(name))
        with zf.open("previews/bomb.png", "w", force_zip64=True) as member:
            block = bytes(1024 * 1024)
            for _ in range(sharepkg.MAX_FILE // len(block) + 1):
                member.write(block)
    with pytest.raises(PackageError, match="larger than a package allows"):
        sharepkg.open_payload(out.getvalue())


def test_a_duplicate_name_is_refused() -> None:
    payload, _ = _payload()
    zf = zipfile.ZipFile(io.BytesIO(payload))
    entries = [(n, zf.read(n)) for n in zf.namelist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dup, pytest.warns(UserWarning):
        for name, data in [*entries, entries[-1]]:
            dup.writestr(name, data)
    with pytest.raises(PackageError, match="two files of the same name"):
        sharepkg.open_payload(out.getvalue())


def test_the_window_is_enforced_with_its_dates() -> None:
    payload, _ = _payload()
    manifest = sharepkg.open_payload(payload).manifest
    with pytest.raises(PackageError, match="expired on 2026-12-10T12:00:00Z"):
        sharepkg.check_window(manifest, NOW + timedelta(days=8))
    with pytest.raises(PackageError, match="opens on 2026-12-02T12:00:00Z"):
        sharepkg.check_window(manifest, NOW - timedelta(days=2))


def test_wrong_identity_wrong_passphrase_and_flipped_bytes_are_refused() -> None:
    payload, _ = _payload()
    identity, recipient = agebox.generate_identity()
    other, _ = agebox.generate_identity()
    sealed = agebox.encrypt_to_recipient(payload, recipient)
    with pytest.raises(PackageError, match="not addressed to your key"):
        agebox.decrypt_with_identity(sealed, other)
    for at in (len(sealed) // 2, len(sealed) - 5):
        flipped = bytearray(sealed)
        flipped[at] ^= 0x01
        with pytest.raises(PackageError, match="damaged or was tampered"):
            agebox.decrypt_with_identity(bytes(flipped), identity)
    with pytest.raises(PackageError):
        agebox.decrypt_with_identity(sealed[: len(sealed) - 40], identity)
    locked = agebox.encrypt_with_passphrase(payload, "correct-horse-battery-staple-one-two")
    with pytest.raises(PackageError, match="wrong passphrase"):
        agebox.decrypt_with_passphrase(locked, "wrong-horse-battery-staple-one-two")


def test_an_scrypt_work_factor_above_2_22_is_refused_before_decrypting() -> None:
    payload, _ = _payload()
    locked = agebox.encrypt_with_passphrase(payload, "a-b-c-d-e-f")
    header_end = locked.index(b"\n---")
    header = locked[:header_end]
    stanza = next(line for line in header.split(b"\n") if line.startswith(b"-> scrypt"))
    hostile = locked.replace(stanza, stanza.rsplit(b" ", 1)[0] + b" 30", 1)
    with pytest.raises(PackageError, match="work factor of 2\\^30"):
        agebox.decrypt_with_passphrase(hostile, "a-b-c-d-e-f")


def test_a_member_that_inflates_beyond_its_declared_size_is_refused() -> None:
    import struct

    payload, _ = _payload()
    source = zipfile.ZipFile(io.BytesIO(payload))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in ("manifest.json", "manifest.sig"):
            zf.writestr(name, source.read(name))
        zf.writestr("previews/ast_000000000001-1.png", bytes(4 * 1024 * 1024))
    data = bytearray(out.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.rfind(signature)
        data[at + offset : at + offset + 4] = struct.pack("<I", len(PREVIEW))
    with pytest.raises(PackageError, match=r"damaged in the package|does not match"):
        sharepkg.open_payload(bytes(data))
