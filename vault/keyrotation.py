"""Rotating the vault keys when a person is removed, safely across a crash, and only if an owner
of the vault as it stands asked for it.

The new header (every remaining slot's envelope renewed under new keys) is written first as
`header.next.json`, signed twice by owners' admin keys: its own slot list by the new epoch's
admin key, and the whole pending header (envelopes included) by the current admin key. Then each
database is re-keyed, the blob and watermark keys re-wrapped, the new epoch's signing and
watermark keys stored and the new header recorded in vault.db; each step checks whether it is
already done, so it can be repeated. Last, the new header replaces the old. A crash at any point
leaves both headers, and the next unlock by a remaining owner or manager finishes it.

A pending header is used only if it is authenticated: the current admin key signed it, its slots
are the current slots minus the removed ones (same ids, users, roles and public keys, none
added), an owner remains, and the signing-key history only grows. Anything else (say, a header
planted by someone who can write the folder, sealing keys of their choice to every slot plus an
owner slot of their own) is set aside as `header.next.rejected.json`, nothing is re-keyed, the
unlock goes on with the current header and keys, and the audit log and `verify` report it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from sealroom.crypto.adminsig import (
    authorise_rotation,
    rotation_authorised,
    sign_header,
    signature_holds,
)
from sealroom.crypto.header import EpochKey, VaultHeader
from sealroom.crypto.keyslots import CompartmentKeys, Role, open_envelope, renew_envelope
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import generate_signing_key
from sealroom.vault import epochs, headertrust, wrapped_settings
from sealroom.vault.blobs import BlobStore
from sealroom.vault.errors import CorruptDataError, PermissionDeniedError, SealroomError
from sealroom.vault.fsutil import fsync_dir
from sealroom.vault.headertrust import Notice
from sealroom.vault.layout import (
    AUDIT_DB,
    CONTENT_DB,
    HEADER_NAME,
    PENDING_HEADER_NAME,
    REJECTED_HEADER_NAME,
    read_header,
    write_header,
)
from sealroom.vault.store import open_database, rekey, transaction


@dataclass
class Rotation:
    """A planned removal: the pending header and the keys it seals."""

    header: VaultHeader
    keys: CompartmentKeys


def plan_removal(
    header: VaultHeader, keys: CompartmentKeys, removed: str, audit_size: int
) -> Rotation:
    """New keys for every compartment the removed person held, and the header sealing them.

    Removing an owner or manager also starts a new signing and watermark key (derived from the
    new content key, see `epochs`) valid for checkpoints after `audit_size` events; removing an
    owner also replaces the admin key."""
    if keys.content is None or keys.admin is None:
        raise PermissionDeniedError("only an owner can remove people from the vault")
    gone = header.slot_for(removed)
    epoch = header.key_epoch + 1
    new_admin = generate_signing_key()[0] if gone.role is Role.OWNER else keys.admin.copy()
    new = CompartmentKeys(
        audit=SecretBytes.random(),
        content=SecretBytes.random() if gone.role.reads_content else keys.content.copy(),
        admin=new_admin,
    )
    remaining = header.without_user(removed)
    history = header.signing_history()
    signing_public = header.signing_public_key
    if gone.role.reads_content:
        assert new.content is not None
        with epochs.epoch_signing_key(new.content, header.vault_id, epoch) as signing:
            signing_public = epochs.signing_public_key(signing)
        history = (*history, EpochKey(epoch, signing_public, audit_size))
    slots = tuple(renew_envelope(header.vault_id, s, new, epoch) for s in remaining.slots)
    pending = replace(
        remaining,
        slots=slots,
        key_epoch=epoch,
        signing_public_key=signing_public,
        signing_keys=history,
    )
    pending = authorise_rotation(sign_header(pending, new_admin), keys.admin)
    return Rotation(pending, new)


def begin(folder: Path, pending: VaultHeader) -> None:
    write_header(folder, pending, PENDING_HEADER_NAME)


def rotation_problem(current: VaultHeader, pending: VaultHeader) -> str | None:
    """Why `pending` may not replace `current`, or None when it is an authentic rotation."""
    if pending.vault_id != current.vault_id or pending.key_epoch != current.key_epoch + 1:
        return "it belongs to another vault or key epoch"
    if not rotation_authorised(current, pending):
        return "it is not signed by the admin key of this vault's owners"
    if not signature_holds(pending):
        return "its slot list is not signed"
    now = {s.slot_id: (s.user, s.role, s.public_key) for s in current.slots}
    after = {s.slot_id: (s.user, s.role, s.public_key) for s in pending.slots}
    if any(now.get(slot_id) != entry for slot_id, entry in after.items()):
        return "it adds key slots or changes a slot's user, role or public key"
    if len(after) >= len(now) or len(after) != len(pending.slots):
        return "it removes no one"
    if not any(role is Role.OWNER for _, role, _ in after.values()):
        return "it leaves no owner"
    history = current.signing_history()
    if pending.signing_keys[: len(history)] != history:
        return "it rewrites the history of signing keys"
    return None


def finish_pending(
    folder: Path,
    header: VaultHeader,
    keys: CompartmentKeys,
    user: str,
    private_key: SecretBytes,
) -> tuple[VaultHeader, CompartmentKeys, list[Notice]]:
    """Complete an interrupted rotation, if there is an authentic one; set aside any other.
    Return the header and keys to use and what to record in the audit log."""
    if not (folder / PENDING_HEADER_NAME).exists():
        return header, keys, []
    try:
        pending = read_header(folder, PENDING_HEADER_NAME)
        problem = rotation_problem(header, pending)
    except SealroomError as exc:
        problem = f"it is unreadable ({exc})"
    if problem is not None:
        os.replace(folder / PENDING_HEADER_NAME, folder / REJECTED_HEADER_NAME)
        fsync_dir(folder)
        reason = (
            f"{PENDING_HEADER_NAME} was not used and was set aside as {REJECTED_HEADER_NAME}: "
            f"{problem}; no key was changed"
        )
        return header, keys, [Notice("key.rotate", "failure", reason)]
    try:
        slot = pending.slot_for(user)
    except SealroomError:
        raise PermissionDeniedError(f"'{user}' has been removed from this vault") from None
    if keys.content is None:
        raise PermissionDeniedError(
            "a key change is unfinished: an owner or manager must unlock the vault once first"
        )
    new_keys = open_envelope(pending.vault_id, slot, private_key, pending.key_epoch)
    headertrust.check_admin_key(pending, slot, new_keys)
    apply(folder, keys, new_keys, pending)
    keys.wipe()
    reason = f"finished an interrupted key change to epoch {pending.key_epoch}"
    return pending, new_keys, [Notice("key.rotate", "success", reason)]


def apply(folder: Path, old: CompartmentKeys, new: CompartmentKeys, pending: VaultHeader) -> None:
    """Re-key the databases, re-wrap blob and watermark keys, store the epoch's new keys and
    record the new header, then promote it."""
    epoch = pending.key_epoch
    vault_id = pending.vault_id
    _rekey_if_needed(folder / AUDIT_DB, old.audit, new.audit)
    assert new.content is not None and old.content is not None
    content_rotated = new.content != old.content
    if content_rotated:
        _rekey_if_needed(folder / CONTENT_DB, old.content, new.content)
    db = open_database(folder / CONTENT_DB, new.content)
    with contextlib.closing(db), transaction(db):
        if content_rotated:
            store = BlobStore(folder, db, new.content, epoch)
            store.rewrap_all(old.content, epoch)
            store.close()
            wrapped_settings.rewrap_all(db, old.content, new.content, vault_id, epoch)
            epochs.store_epoch_keys(db, new.content, vault_id, epoch)
        headertrust.record(db, pending)
    audit = open_database(folder / AUDIT_DB, new.audit)
    with contextlib.closing(audit), transaction(audit):
        audit.execute(
            "INSERT OR REPLACE INTO info (name, value) VALUES ('signing_public_key', ?)",
            (_b64(pending.signing_public_key),),
        )
        audit.execute(
            "INSERT OR REPLACE INTO info (name, value) VALUES (?, ?)",
            (headertrust.ADMIN_PIN, _b64(pending.admin_public_key or b"")),
        )
    os.replace(folder / PENDING_HEADER_NAME, folder / HEADER_NAME)
    fsync_dir(folder)


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()


def _rekey_if_needed(path: Path, old: SecretBytes, new: SecretBytes) -> None:
    if old == new:
        return
    try:
        open_database(path, new).close()
        return
    except CorruptDataError:
        pass
    with contextlib.closing(open_database(path, old)) as db:
        rekey(db, new)
