"""Parties: the brands, influencers, agencies and press the vault's work involves.

A party can carry a social-media `handle` (stored without the `@`), which the release guard uses
to tell the campaign's own mentions from stray ones. Deleting a party is a soft delete: its
agreements and past grants stay on record, its active grants are revoked, and new grants,
agreements and campaigns refuse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sealroom.crypto import agebox
from sealroom.crypto.errors import PackageError
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import now_utc, stamp

PARTY_KINDS = ("brand", "influencer", "agency", "press", "other")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,30}$")
_COLUMNS = "id, name, kind, email, organisation, created, updated, handle, deleted, age_recipient"


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    kind: str
    email: str | None
    organisation: str | None
    created: str
    updated: str
    handle: str | None = None
    deleted: str | None = None
    age_recipient: str | None = None
    """The party's age X25519 public key (`age1...`) that share packages are encrypted to."""

    @property
    def mention(self) -> str | None:
        return f"@{self.handle}" if self.handle else None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def clean_handle(handle: str | None) -> str | None:
    """`@Name_1` -> `Name_1`; empty -> None; anything else a handle cannot be is refused."""
    if handle is None:
        return None
    text = handle.strip().removeprefix("@")
    if not text:
        return None
    if not _HANDLE.match(text):
        raise InvalidInputError(
            f"'{handle}' is not a social-media handle (letters, digits, _ and . up to 30)",
            field="handle",
        )
    return text


def _clean(name: str | None, kind: str | None, email: str | None) -> None:
    if name is not None and not name.strip():
        raise InvalidInputError("a party needs a name", field="name")
    if kind is not None and kind not in PARTY_KINDS:
        raise InvalidInputError(
            f"party kind must be one of: {', '.join(PARTY_KINDS)}", field="kind"
        )
    if email and not _EMAIL.match(email):
        raise InvalidInputError(f"'{email}' is not an email address", field="email")


def clean_age_recipient(recipient: str | None) -> str | None:
    """A valid `age1...` recipient, None for empty; anything else is refused."""
    if recipient is None or not recipient.strip():
        return None
    try:
        return agebox.check_recipient(recipient)
    except PackageError as exc:
        raise InvalidInputError(str(exc)) from None


def _check_handle_free(vault: Vault, handle: str | None, party_id: str | None) -> None:
    if handle is None:
        return
    rows = query(
        vault.conn,
        "SELECT id, name FROM parties WHERE lower(handle) = lower(?) AND id IS NOT ?",
        (handle, party_id),
    )
    if rows:
        raise InvalidInputError(
            f"@{handle} is already the handle of {rows[0][1]} ({rows[0][0]})", field="handle"
        )


def add_party(
    vault: Vault,
    name: str,
    kind: str,
    email: str | None = None,
    organisation: str | None = None,
    handle: str | None = None,
    age_recipient: str | None = None,
) -> Party:
    vault.require_content("add parties")
    _clean(name, kind, email)
    handle = clean_handle(handle)
    recipient = clean_age_recipient(age_recipient)
    _check_handle_free(vault, handle, None)
    now = now_stamp()
    party = Party(
        new_id("pty"),
        name.strip(),
        kind,
        email or None,
        organisation or None,
        now,
        now,
        handle,
        age_recipient=recipient,
    )
    with vault.transaction() as conn:
        conn.execute(
            f"INSERT INTO parties ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            tuple(party.__dict__.values()),
        )
        vault.audit.append("party.add", party.id)
    return party


def get_party(vault: Vault, party_id: str) -> Party:
    vault.require_content("read parties")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM parties WHERE id = ?", (party_id,))
    if not rows:
        raise NotFoundError(f"no party with id {party_id}")
    return Party(*rows[0])


def active_party(
    vault: Vault, party_id: str, purpose: str, field: str | None = None
) -> Party:
    """The party, refused if it was deleted; `purpose` completes 'a deleted party cannot ...';
    `field` names the input that chose the party."""
    party = get_party(vault, party_id)
    if party.deleted:
        raise InvalidInputError(
            f"party {party.name} ({party.id}) was deleted on {party.deleted[:10]}; "
            f"a deleted party cannot {purpose}",
            field=field,
        )
    return party


def list_parties(
    vault: Vault, include_deleted: bool = False, *, lookup: bool = False
) -> list[Party]:
    vault.require_content("list parties")
    vault.record_listing("party.list", lookup=lookup)
    where = "" if include_deleted else " WHERE deleted IS NULL"
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM parties{where} ORDER BY name")
    return [Party(*r) for r in rows]


def edit_party(
    vault: Vault,
    party_id: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    email: str | None = None,
    organisation: str | None = None,
    handle: str | None = None,
    age_recipient: str | None = None,
) -> Party:
    """Change the given fields; `handle=""` removes the handle, `age_recipient=""` the key."""
    current = get_party(vault, party_id)
    _clean(name, kind, email)
    changes: dict[str, Any] = {
        "name": name.strip() if name is not None else None,
        "kind": kind,
        "email": email,
        "organisation": organisation,
    }
    changed = {k: v for k, v in changes.items() if v is not None and v != getattr(current, k)}
    if handle is not None:
        new_handle = clean_handle(handle)
        if new_handle != current.handle:
            _check_handle_free(vault, new_handle, party_id)
            changed["handle"] = new_handle
    if age_recipient is not None:
        new_recipient = clean_age_recipient(age_recipient)
        if new_recipient != current.age_recipient:
            changed["age_recipient"] = new_recipient
    if not changed:
        return current
    updated = Party(**{**current.__dict__, **changed, "updated": now_stamp()})
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE parties SET name=?, kind=?, email=?, organisation=?, handle=?, age_recipient=?,"
            " updated=? WHERE id=?",
            (
                updated.name,
                updated.kind,
                updated.email,
                updated.organisation,
                updated.handle,
                updated.age_recipient,
                updated.updated,
                party_id,
            ),
        )
        vault.audit.append("party.edit", party_id, reason="changed " + ", ".join(sorted(changed)))
    return updated


def delete_party(vault: Vault, party_id: str, reason: str) -> Party:
    """Soft-delete a party and revoke its active grants, in one transaction."""
    party = get_party(vault, party_id)
    if party.deleted:
        raise InvalidInputError(f"party {party.name} ({party.id}) is already deleted")
    if not reason.strip():
        raise InvalidInputError(
            "say why the party is deleted (the audit log keeps the reason)", field="reason"
        )
    now = stamp(now_utc())
    open_grants = [
        row[0]
        for row in query(
            vault.conn,
            "SELECT id FROM grants WHERE party_id = ? AND revoked IS NULL"
            " AND (valid_until IS NULL OR valid_until > ?)",
            (party_id, now),
        )
    ]
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE parties SET deleted = ?, updated = ? WHERE id = ?", (now, now, party_id)
        )
        for grant_id in open_grants:
            conn.execute(
                "UPDATE grants SET revoked = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
                (now, vault.actor.user, "party deleted", grant_id),
            )
            vault.audit.append("grant.revoke", grant_id, reason="party deleted")
        vault.audit.append("party.delete", party_id, reason=reason.strip())
    return get_party(vault, party_id)
