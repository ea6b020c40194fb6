"""Trusting header.json: the owners' signature, the keys it names, and the vault's own record.

Checked at every unlock, in this order:
1. Before the password is used: a version 2 header's slot list must carry a valid owners'
   signature (`adminsig`). A changed vault id, slot id, user, role, public key, epoch or signing
   key is reported as tampering, never as a wrong password.
2. After the slot opens: the slot's private key must match its signed public key, and an owner's
   slot must hold the admin key the header names.
3. Once the databases are open: the admin key must be the one pinned in audit.db (a header with a
   new admin key, or stripped of its signature, is refused), and for owners and managers the
   header must match the copy recorded in vault.db at its last change (an older header.json put
   back is found and the recorded one restored).
An older, unsigned (version 1) header is signed by the first owner who unlocks it; until then a
manager's or auditor's unlock is allowed and recorded as a warning in the audit log.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sealroom.crypto.adminsig import admin_public_key, sign_header, signature_holds
from sealroom.crypto.header import VaultHeader
from sealroom.crypto.keyslots import (
    CompartmentKeys,
    KeySlot,
    Role,
    public_key_of,
    renew_envelope,
)
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import generate_signing_key
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError
from sealroom.vault.layout import write_header
from sealroom.vault.store import Connection, query

if TYPE_CHECKING:
    from sealroom.vault.session import Vault

ADMIN_PIN = "admin_public_key"
TAMPERED = "vault header has been tampered with"


@dataclass(frozen=True)
class Notice:
    """Something found while opening the vault, recorded in the audit log by the session."""

    action: str
    outcome: str
    reason: str


def check_signature(header: VaultHeader) -> None:
    """Step 1, before any key derivation."""
    if header.signed and not signature_holds(header):
        raise CorruptDataError(
            f"{TAMPERED}: its vault id, people, roles, slot ids, key epoch or signing keys do "
            "not match the owners' signature (changed outside Sealroom)"
        )


def check_slot_keys(header: VaultHeader, slot: KeySlot, private_key: SecretBytes) -> None:
    """Step 2a: the password opened a private key; it must be the one the slot names."""
    if public_key_of(private_key) != slot.public_key:
        raise CorruptDataError(
            f"{TAMPERED}: the key slot of '{slot.user}' does not hold the key its public key names"
        )


def check_admin_key(header: VaultHeader, slot: KeySlot, keys: CompartmentKeys) -> None:
    """Step 2b: an owner's envelope must hold the admin key of a signed header."""
    if not header.signed or slot.role is not Role.OWNER:
        return
    if keys.admin is None or admin_public_key(keys.admin) != header.admin_public_key:
        keys.wipe()
        raise CorruptDataError(
            f"{TAMPERED}: the owner slot of '{slot.user}' does not hold this vault's admin key"
        )


def header_sha256(header: VaultHeader) -> str:
    return hashlib.sha256(header.to_bytes()).hexdigest()


def record(conn: Connection, header: VaultHeader, schema: str = "main") -> None:
    """Record the header in vault.db; call in the transaction that changes it."""
    conn.execute(
        f"INSERT OR REPLACE INTO {schema}.header_record (id, sha256, header, key_epoch, recorded)"
        " VALUES (1, ?, ?, ?, ?)",
        (header_sha256(header), header.to_bytes(), header.key_epoch, now_stamp()),
    )


def recorded(conn: Connection) -> VaultHeader | None:
    rows = query(conn, "SELECT header FROM header_record WHERE id = 1")
    return VaultHeader.from_bytes(bytes(rows[0][0])) if rows else None


def commit_header(vault: Vault, header: VaultHeader) -> None:
    """Record and write a changed header; call inside the transaction that logs the change.

    The file is written before the commit: a crash in between leaves a header.json newer than
    the record, and the next unlock puts the recorded one back (the change never happened)."""
    if vault.keys.content is not None:
        record(vault.conn, header)
    write_header(vault.folder, header)
    vault.header = header


def _audit_schema(vault: Vault) -> str:
    return "audit" if vault.keys.content is not None else "main"


def pin_admin_key(vault: Vault, header: VaultHeader) -> None:
    if header.admin_public_key is not None:
        vault.conn.execute(
            f"INSERT OR REPLACE INTO {_audit_schema(vault)}.info (name, value) VALUES (?, ?)",
            (ADMIN_PIN, base64.b64encode(header.admin_public_key).decode()),
        )


def after_open(vault: Vault, slot: KeySlot) -> list[Notice]:
    """Step 3; may replace `vault.header` with the recorded one. Returns what to log."""
    notices: list[Notice] = []
    header = vault.header
    pinned = vault.audit.info(ADMIN_PIN)
    if pinned is not None:
        if not header.signed:
            raise CorruptDataError(f"{TAMPERED}: it has lost the owners' signature")
        if base64.b64decode(pinned) != header.admin_public_key:
            raise CorruptDataError(f"{TAMPERED}: it is signed by an admin key this vault never had")
    if vault.keys.content is not None:
        notices += _compare_with_record(vault, slot)
    if not vault.header.signed:
        if vault.role is Role.OWNER:
            notices.append(_upgrade(vault))
        else:
            notices.append(
                Notice(
                    "header.unsigned",
                    "warning",
                    "the slot list of this older vault is not signed yet; "
                    "an owner's next unlock signs it",
                )
            )
    elif pinned is None:
        with vault.transaction():
            pin_admin_key(vault, vault.header)
    return notices


def _holder_slots(header: VaultHeader) -> dict[str, KeySlot]:
    return {s.slot_id: s for s in header.slots if s.role.reads_content}


def _compare_with_record(vault: Vault, slot: KeySlot) -> list[Notice]:
    from sealroom.crypto.adminsig import slot_list_message

    header = vault.header
    kept = recorded(vault.conn)
    if kept is None:
        with vault.transaction():
            record(vault.conn, header)
        return []
    if header_sha256(kept) == header_sha256(header):
        return []
    same_list = slot_list_message(kept) == slot_list_message(header)
    if same_list and _holder_slots(kept) == _holder_slots(header):
        # Only an auditor's own slot differs (an auditor changes a password without vault.db).
        with vault.transaction():
            record(vault.conn, header)
        return []
    own_kept = next((s for s in kept.slots if s.slot_id == slot.slot_id), None)
    reason = (
        "header.json differed from the header this vault recorded at its last change "
        "(an older or altered copy); the recorded header was put back"
    )
    with vault.transaction():
        vault.audit.append("header.restore", vault.header.vault_id, "failure", reason)
        write_header(vault.folder, kept)
    if own_kept != slot or kept.key_epoch != header.key_epoch:
        raise CorruptDataError(
            f"{TAMPERED}: header.json was an older or altered copy; the vault's recorded header "
            "was put back, unlock again with your current password"
        )
    vault.header = kept
    return []


def _upgrade(vault: Vault) -> Notice:
    """Sign an older vault's slot list with a new admin key sealed in every owner slot."""
    header = vault.header
    keys = vault.keys
    admin, _ = generate_signing_key()
    keys.admin = admin
    slots = tuple(
        renew_envelope(header.vault_id, s, keys, header.key_epoch) if s.role is Role.OWNER else s
        for s in header.slots
    )
    upgraded = sign_header(replace(header, slots=slots), admin)
    reason = "the slot list of this older vault is now signed by a new owners' admin key"
    with vault.transaction():
        vault.audit.append("header.sign", header.vault_id, "success", reason)
        pin_admin_key(vault, upgraded)
        commit_header(vault, upgraded)
    return Notice("header.sign", "success", reason)


def record_notices(vault: Vault, notices: list[Notice]) -> None:
    todo = [n for n in notices if n.action != "header.sign"]  # logged with its change
    if todo:
        with vault.transaction():
            for notice in todo:
                vault.audit.append(
                    notice.action, vault.header.vault_id, notice.outcome, notice.reason
                )


def folder_problems(folder: Path) -> list[str]:
    """What `verify` reports about the vault folder's header files."""
    from sealroom.vault.layout import PENDING_HEADER_NAME, REJECTED_HEADER_NAME

    problems = []
    if (folder / REJECTED_HEADER_NAME).exists():
        problems.append(
            f"{REJECTED_HEADER_NAME}: a pending key change that this vault's keys did not "
            "authenticate was found and ignored (planted by someone who can write the folder?)"
        )
    if (folder / PENDING_HEADER_NAME).exists():
        problems.append(f"{PENDING_HEADER_NAME}: a key change is unfinished")
    return problems
