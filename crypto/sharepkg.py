"""The share-package format: a signed manifest and marked previews in a ZIP, inside age.

Decrypted payload (a ZIP, stored without compression: previews are already compressed):
  manifest.json   the package: id, sender and signing key, recipient, window, NDA, assets, files
  manifest.sig    Ed25519 signature over the exact bytes of manifest.json
  previews/NAME   the marked previews the manifest lists, each with its SHA-256 and size
Every limit is checked from the ZIP's directory before a byte is decompressed, and again while
reading (a member that inflates beyond its declared size is refused): zip bombs, `../` paths,
absolute paths, duplicate names, unlisted or missing files, and hash mismatches all refuse the
package with a one-line reason.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import rfc8785

from sealroom.crypto.errors import PackageError
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import sign, verify

FORMAT = "sealroom-share/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PREVIEW_NAME = re.compile(r"previews/[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_MANIFEST = 1024 * 1024
MAX_FILES = 2000
MAX_FILE = 64 * 1024 * 1024
MAX_TOTAL = 1024 * 1024 * 1024
MAX_TEXT = 200_000


@dataclass(frozen=True)
class PackageFile:
    path: str
    sha256: str
    size: int
    page: int = 1


@dataclass(frozen=True)
class PackageAsset:
    asset_id: str
    title: str
    files: tuple[PackageFile, ...]


@dataclass(frozen=True)
class Manifest:
    package_id: str
    issued_at: str
    sender_name: str
    sender_vault: str
    sender_key: str
    """The sender's Ed25519 public key, base64."""
    recipient_name: str
    recipient_party: str
    recipient_age: str
    """The recipient's `age1...` key, or "" for a passphrase package."""
    not_before: str
    not_after: str
    nda_title: str
    nda_terms: str
    assets: tuple[PackageAsset, ...]
    revoked_packages: tuple[str, ...] = ()
    receipt_recipient: str = ""
    """The sender's `age1...` key that acknowledgement receipts are encrypted to."""
    format: str = FORMAT
    extra: dict[str, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        data = asdict(self)
        return bytes(rfc8785.dumps(data))

    @property
    def sender_public_key(self) -> bytes:
        return base64.b64decode(self.sender_key)

    def window(self) -> tuple[datetime, datetime]:
        return _instant(self.not_before), _instant(self.not_after)

    def files(self) -> list[PackageFile]:
        return [f for a in self.assets for f in a.files]


@dataclass(frozen=True)
class OpenedPackage:
    manifest: Manifest
    manifest_bytes: bytes
    previews: dict[str, bytes]


def build_payload(
    manifest: Manifest, previews: dict[str, bytes], signing_key: SecretBytes
) -> bytes:
    """The ZIP payload: the manifest, its signature and the previews it lists."""
    listed = {f.path: f for f in manifest.files()}
    if set(listed) != set(previews):
        raise ValueError("the previews and the manifest's file list differ")
    for path, data in previews.items():
        expected = listed[path]
        if expected.sha256 != hashlib.sha256(data).hexdigest() or expected.size != len(data):
            raise ValueError(f"{path}: hash or size differs from the manifest")
    body = manifest.to_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, body)
        zf.writestr(SIGNATURE, base64.b64encode(sign(signing_key, body)) + b"\n")
        for path in sorted(previews):
            zf.writestr(path, previews[path])
    return out.getvalue()


def file_entry(path: str, data: bytes, page: int = 1) -> PackageFile:
    return PackageFile(path, hashlib.sha256(data).hexdigest(), len(data), page)


def open_payload(payload: bytes) -> OpenedPackage:
    """Check and read a decrypted payload; raises PackageError naming the first problem."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(payload))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageError("the package content is not a valid archive") from None
    names = [i.filename for i in infos]
    if len(names) != len(set(names)):
        raise PackageError("the package holds two files of the same name")
    if len(infos) > MAX_FILES + 2:
        raise PackageError(f"the package holds more than {MAX_FILES} files")
    total = 0
    for info in infos:
        if info.filename not in (MANIFEST, SIGNATURE) and not PREVIEW_NAME.fullmatch(
            info.filename
        ):
            raise PackageError(f"the package holds an unexpected path: {info.filename[:80]!r}")
        limit = MAX_MANIFEST if info.filename in (MANIFEST, SIGNATURE) else MAX_FILE
        if info.file_size > limit:
            raise PackageError(f"{info.filename} is larger than a package allows")
        total += info.file_size
    if total > MAX_TOTAL:
        raise PackageError("the package's content is larger than a package allows")
    if MANIFEST not in names or SIGNATURE not in names:
        raise PackageError("the package has no signed manifest")
    read = {info.filename: _read_member(zf, info) for info in infos}
    body = read.pop(MANIFEST)
    manifest = parse_manifest(body)
    try:
        signature = base64.b64decode(read.pop(SIGNATURE).strip(), validate=True)
    except ValueError:
        raise PackageError("the manifest signature is malformed") from None
    if not verify(manifest.sender_public_key, body, signature):
        raise PackageError("the manifest signature does not match the sender's key")
    listed = {f.path: f for f in manifest.files()}
    if set(listed) != set(read):
        raise PackageError("the package's files differ from those its manifest lists")
    for path, data in read.items():
        if hashlib.sha256(data).hexdigest() != listed[path].sha256:
            raise PackageError(f"{path} does not match the hash in the signed manifest")
    return OpenedPackage(manifest, body, read)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with zf.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise PackageError(f"{info.filename} is damaged in the package") from None
    if len(data) != info.file_size:
        raise PackageError(f"{info.filename} is not the size the archive declares")
    return data


def parse_manifest(body: bytes) -> Manifest:
    try:
        raw = json.loads(body.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise PackageError("the manifest is not a Sealroom share manifest of this version")
        assets = tuple(
            PackageAsset(
                _text(a["asset_id"]),
                _text(a["title"]),
                tuple(
                    PackageFile(_text(f["path"]), _text(f["sha256"]), int(f["size"]),
                                int(f["page"]))
                    for f in a["files"]
                ),
            )
            for a in raw["assets"]
        )
        manifest = Manifest(
            **{k: _text(raw[k]) for k in _TEXT_FIELDS},
            assets=assets,
            revoked_packages=tuple(_text(p) for p in raw["revoked_packages"]),
            extra={_text(k): _text(v) for k, v in dict(raw["extra"]).items()},
        )
        manifest.window()
        base64.b64decode(manifest.sender_key, validate=True)
    except PackageError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise PackageError("the package manifest is malformed") from None
    return manifest


_TEXT_FIELDS = (
    "package_id", "issued_at", "sender_name", "sender_vault", "sender_key", "recipient_name",
    "recipient_party", "recipient_age", "not_before", "not_after", "nda_title", "nda_terms",
    "receipt_recipient", "format",
)


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError("not a bounded string")
    return value


def _instant(text: str) -> datetime:
    when = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    return when.replace(tzinfo=UTC)


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_window(manifest: Manifest, now: datetime) -> None:
    """Raises PackageError, with the dates, when `now` is outside the package's window."""
    start, end = manifest.window()
    if now < start:
        raise PackageError(
            f"this package opens on {manifest.not_before} (UTC); it is not valid yet"
        )
    if now >= end:
        raise PackageError(f"this package expired on {manifest.not_after} (UTC)")


def key_fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint of a sender's signing key (SHA-256, 4-character groups)."""
    digest = base64.b32encode(hashlib.sha256(public_key).digest()).decode().rstrip("=")
    return " ".join(digest[i : i + 4] for i in range(0, 24, 4))
