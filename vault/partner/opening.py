"""Opening a share package on the partner's computer: decrypt, verify, check, accept.

The order matters: the age layer and the signed manifest are checked before anything is shown;
then the revocation list the sender sent earlier, then the validity window. The sender's key is
compared with the one first seen from that sender (trust on first use): a changed key is shown
loudly and its revocation list is not merged. Previews stay in memory; nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.errors import (
    CorruptDataError,
    PackageError,
    PackageKeyError,
    WrongPasswordError,
)
from sealroom.crypto.identity import read_identity, unlock_identity
from sealroom.crypto.receipt import Receipt, make_receipt
from sealroom.vault.partner.store import KnownSender, PartnerStore

MAX_PACKAGE = sharepkg.MAX_TOTAL + 64 * 1024 * 1024


class SenderStatus(StrEnum):
    NEW = "new"
    KNOWN = "known"
    CHANGED = "changed"


@dataclass(frozen=True)
class OpenedShare:
    manifest: sharepkg.Manifest
    manifest_sha256: str
    previews: dict[str, bytes]
    sender_fingerprint: str
    sender_status: SenderStatus
    accepted_at: str | None

    @property
    def pages(self) -> list[tuple[sharepkg.PackageAsset, sharepkg.PackageFile]]:
        return [(a, f) for a in self.manifest.assets for f in a.files]


def read_package_file(path: Path, head: int | None = None) -> bytes:
    """A bounded read of a regular file (or its first `head` bytes); a FIFO is refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise PackageError(f"cannot read {path.name}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PackageError(f"{path.name} is not a regular file")
        if info.st_size > MAX_PACKAGE:
            raise PackageError(f"{path.name} is larger than a share package can be")
        return f.read(MAX_PACKAGE + 1 if head is None else head)


def open_share(
    data: bytes,
    store: PartnerStore,
    *,
    identity: bytes | bytearray | None = None,
    passphrase: str | None = None,
    now: datetime | None = None,
) -> OpenedShare:
    """Decrypt and check a package; raises PackageError with the reason it is refused."""
    if identity is not None:
        payload = agebox.decrypt_with_identity(data, identity)
    elif passphrase is not None:
        payload = agebox.decrypt_with_passphrase(data, passphrase)
    else:
        raise PackageError("a package opens with your identity or its passphrase")
    opened = sharepkg.open_payload(payload)
    manifest = opened.manifest
    status = _sender_status(store, manifest)
    revoked = store.revoked.get(manifest.sender_vault, set())
    if manifest.package_id in revoked:
        raise PackageError(
            f"{manifest.sender_name} revoked this package ({manifest.package_id}); "
            "ask them for a new one"
        )
    sharepkg.check_window(manifest, now or datetime.now(UTC))
    if status is not SenderStatus.CHANGED:
        if status is SenderStatus.NEW:
            store.senders[manifest.sender_vault] = KnownSender(
                manifest.sender_name, manifest.sender_key, sharepkg.stamp(now or datetime.now(UTC))
            )
        if manifest.revoked_packages:
            store.revoked.setdefault(manifest.sender_vault, set()).update(
                manifest.revoked_packages
            )
        store.save()
    return OpenedShare(
        manifest,
        hashlib.sha256(opened.manifest_bytes).hexdigest(),
        opened.previews,
        sharepkg.key_fingerprint(manifest.sender_public_key),
        status,
        store.accepted.get(manifest.package_id),
    )


def _sender_status(store: PartnerStore, manifest: sharepkg.Manifest) -> SenderStatus:
    known = store.senders.get(manifest.sender_vault)
    if known is None:
        return SenderStatus.NEW
    return SenderStatus.KNOWN if known.key == manifest.sender_key else SenderStatus.CHANGED


def accept_terms(share: OpenedShare, store: PartnerStore, now: datetime | None = None) -> str:
    """Record that the NDA terms were accepted; returns the UTC time recorded."""
    when = sharepkg.stamp(now or datetime.now(UTC))
    store.accepted[share.manifest.package_id] = when
    store.save()
    return when


def receipt_for(share: OpenedShare, accepted_at: str, identity: bytes | bytearray) -> bytes:
    """A sealed acknowledgement receipt for the sender (see `crypto.receipt`)."""
    manifest = share.manifest
    if not manifest.recipient_age or not manifest.receipt_recipient:
        raise PackageError("this package asks for no receipt (it was opened with a passphrase)")
    receipt = Receipt(
        manifest.package_id,
        manifest.recipient_age,
        accepted_at,
        share.manifest_sha256,
        hashlib.sha256(manifest.nda_terms.encode()).hexdigest(),
    )
    return make_receipt(receipt, identity, manifest.receipt_recipient)


def open_package_file(
    path: Path,
    store: PartnerStore,
    *,
    identity_file: Path | None = None,
    password: str | None = None,
    passphrase: str | None = None,
    now: datetime | None = None,
) -> tuple[OpenedShare, bytearray | None]:
    """Read, unlock and check a package file. Slow (key derivation): never on a GUI thread.

    Returns the opened share and the unlocked identity (for the receipt; wipe it when done).
    """
    data = read_package_file(path)
    if passphrase is not None:
        return open_share(data, store, passphrase=passphrase.strip(), now=now), None
    if identity_file is None or password is None:
        raise PackageKeyError("choose your identity file and type its password")
    try:
        secret = unlock_identity(read_identity(identity_file), password)
    except (CorruptDataError, WrongPasswordError) as exc:
        raise PackageKeyError(str(exc)) from None
    try:
        return open_share(data, store, identity=secret, now=now), secret
    except BaseException:
        secret[:] = bytes(len(secret))
        raise


def needs_passphrase(path: Path) -> bool:
    """True when the package opens with a passphrase, False when with an identity."""
    return agebox.stanza_types(read_package_file(path, agebox.MAX_HEADER)) == ["scrypt"]
