"""The record of each share package issued: who, what, window, shares, protection, status.

A passphrase is never recorded, only that the package was sealed with one. Revoking a package
marks it and its shares revoked: trace still names the holder of a revoked share, and every
later package to the same party carries the list of that party's revoked package ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection, query

_COLUMNS = (
    "id, party_id, asset_ids, share_ids, not_before, not_after, key_epoch, protection,"
    " recipient_age, file_name, nda_ids, manifest_sha256, created, created_by, revoked,"
    " revoked_by, accepted, receipt_sha256"
)
_LISTS = ("asset_ids", "share_ids", "nda_ids")


@dataclass(frozen=True)
class Package:
    id: str
    party_id: str
    asset_ids: tuple[str, ...]
    share_ids: tuple[str, ...]
    not_before: str
    not_after: str
    key_epoch: int
    protection: str
    """"recipient" (encrypted to `recipient_age`) or "passphrase" (the passphrase is not kept)."""
    recipient_age: str | None
    file_name: str
    nda_ids: tuple[str, ...]
    manifest_sha256: str
    created: str
    created_by: str
    revoked: str | None = None
    revoked_by: str | None = None
    accepted: str | None = None
    """When the recipient accepted the NDA terms, from their imported receipt."""
    receipt_sha256: str | None = None

    @property
    def status(self) -> str:
        if self.revoked:
            return "revoked"
        return "accepted" if self.accepted else "issued"

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for name in _LISTS:
            data[name] = list(data[name])
        data["status"] = self.status
        return data


def _row(row: tuple[Any, ...]) -> Package:
    names = [c.strip() for c in _COLUMNS.split(",")]
    data = dict(zip(names, row, strict=True))
    for name in _LISTS:
        data[name] = tuple(json.loads(data[name]))
    return Package(**data)


def insert_package(conn: Connection, package: Package) -> None:
    """Call inside the transaction that records the package's shares."""
    values = []
    for name in (c.strip() for c in _COLUMNS.split(",")):
        value = getattr(package, name)
        values.append(json.dumps(list(value)) if name in _LISTS else value)
    marks = ",".join("?" * len(values))
    conn.execute(f"INSERT INTO packages ({_COLUMNS}) VALUES ({marks})", tuple(values))


def get_package(vault: Vault, package_id: str) -> Package:
    vault.require_content("read share packages")
    rows = query(vault.conn, f"SELECT {_COLUMNS} FROM packages WHERE id = ?", (package_id,))
    if not rows:
        raise NotFoundError(f"no share package with id {package_id}")
    return _row(rows[0])


def list_packages(vault: Vault, party_id: str | None = None) -> list[Package]:
    """Issued packages, newest first (recorded in the audit log)."""
    vault.require_content("list share packages")
    where, params = (" WHERE party_id = ?", (party_id,)) if party_id else ("", ())
    rows = query(
        vault.conn, f"SELECT {_COLUMNS} FROM packages{where} ORDER BY created DESC, id", params
    )
    with vault.transaction():
        vault.audit.append("package.list", public=f"party {party_id}" if party_id else "")
    return [_row(r) for r in rows]


def revoked_for_party(vault: Vault, party_id: str) -> list[str]:
    """The ids of the party's revoked packages, oldest first: every later package carries them."""
    sql = "SELECT id FROM packages WHERE party_id = ? AND revoked IS NOT NULL ORDER BY revoked, id"
    return [str(r[0]) for r in query(vault.conn, sql, (party_id,))]


def revoke_package(vault: Vault, package_id: str, reason: str = "") -> Package:
    """Mark a package and its shares revoked; its holder stays traceable."""
    package = get_package(vault, package_id)
    if package.revoked:
        raise InvalidInputError(
            f"package {package.id} was already revoked on {package.revoked[:10]}"
        )
    now = now_stamp()
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE packages SET revoked = ?, revoked_by = ? WHERE id = ?",
            (now, vault.actor.user, package.id),
        )
        for share_id in package.share_ids:
            conn.execute(
                "UPDATE shares SET revoked = ? WHERE id = ? AND revoked IS NULL", (now, share_id)
            )
        vault.audit.append(
            "package.revoke",
            package.id,
            reason=" ".join(reason.split()),
            public=f"for {package.party_id}; shares {', '.join(package.share_ids)}",
        )
    return get_package(vault, package.id)


def record_acceptance(
    vault: Vault, package: Package, accepted_at: str, receipt_sha256: str
) -> Package:
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE packages SET accepted = ?, receipt_sha256 = ? WHERE id = ?",
            (accepted_at, receipt_sha256, package.id),
        )
        vault.audit.append(
            "package.receipt",
            package.id,
            reason=f"{package.party_id} accepted the NDA terms at {accepted_at}",
            public=f"for {package.party_id}; accepted {accepted_at}",
        )
    return get_package(vault, package.id)
