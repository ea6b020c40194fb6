"""Parties: the brands, influencers, agencies and press the vault's work involves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.records import new_id, utc_now
from sealroom.vault.session import Vault
from sealroom.vault.store import query

PARTY_KINDS = ("brand", "influencer", "agency", "press", "other")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COLUMNS = "id, name, kind, email, organisation, created, updated"


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    kind: str
    email: str | None
    organisation: str | None
    created: str
    updated: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _clean(name: str | None, kind: str | None, email: str | None) -> None:
    if name is not None and not name.strip():
        raise InvalidInputError("a party needs a name")
    if kind is not None and kind not in PARTY_KINDS:
        raise InvalidInputError(f"party kind must be one of: {', '.join(PARTY_KINDS)}")
    if email and not _EMAIL.match(email):
        raise InvalidInputError(f"'{email}' is not an email address")


def add_party(
    vault: Vault,
    name: str,
    kind: str,
    email: str | None = None,
    organisation: str | None = None,
) -> Party:
    vault.require_content("add parties")
    _clean(name, kind, email)
    now = utc_now()
    party = Party(new_id("pty"), name.strip(), kind, email or None, organisation or None, now, now)
    with vault.transaction() as conn:
        conn.execute(
            f"INSERT INTO parties ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)",
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


def list_parties(vault: Vault) -> list[Party]:
    vault.require_content("list parties")
    with vault.transaction():
        vault.audit.append("party.list")
    return [Party(*r) for r in query(vault.conn, f"SELECT {_COLUMNS} FROM parties ORDER BY name")]


def edit_party(
    vault: Vault,
    party_id: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    email: str | None = None,
    organisation: str | None = None,
) -> Party:
    current = get_party(vault, party_id)
    _clean(name, kind, email)
    changes = {
        "name": name.strip() if name is not None else None,
        "kind": kind,
        "email": email,
        "organisation": organisation,
    }
    changed = {k: v for k, v in changes.items() if v is not None and v != getattr(current, k)}
    if not changed:
        return current
    updated = Party(**{**current.__dict__, **changed, "updated": utc_now()})
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE parties SET name=?, kind=?, email=?, organisation=?, updated=? WHERE id=?",
            (
                updated.name,
                updated.kind,
                updated.email,
                updated.organisation,
                updated.updated,
                party_id,
            ),
        )
        vault.audit.append("party.edit", party_id, reason="changed " + ", ".join(sorted(changed)))
    return updated
