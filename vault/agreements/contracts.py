"""Agreements: NDAs, sponsorships, licences (usage rights) and talent agreements.

An agreement has parties, an effective date and usually an expiry, a confidentiality survival
period, a scope (campaigns and/or assets; none means all the work with its parties), usage
rights, a status (draft -> sent -> signed -> terminated; a signed agreement past its expiry shows
as expired without anyone changing it) and, optionally, the signed document as an encrypted blob.
A signed, unexpired NDA is what lets a party be granted access to confidential or embargoed work
(see `grants`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sealroom.vault.agreements.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    COLUMNS,
    KIND_LABELS,
    Agreement,
    NewAgreement,
    UsageRight,
    check_dates,
    check_scope,
    check_survival,
    clean_usage_right,
    load_agreement,
    load_agreements,
)
from sealroom.vault.blobs import BlobRecord
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.parties.directory import active_party
from sealroom.vault.records import new_id, utc_now
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection
from sealroom.vault.when import When, now_utc, stamp

__all__ = [
    "AGREEMENT_KINDS",
    "AGREEMENT_STATUSES",
    "KIND_LABELS",
    "Agreement",
    "NewAgreement",
    "UsageRight",
    "add_agreement",
    "attach_document",
    "edit_agreement",
    "export_document",
    "get_agreement",
    "list_agreements",
    "read_document",
    "set_status",
    "view_agreement",
]

STATUS_CHANGES = {
    "draft": ("sent", "signed", "terminated"),
    "sent": ("draft", "signed", "terminated"),
    "signed": ("terminated", "expired"),
    "expired": ("terminated",),
    "terminated": (),
}


def add_agreement(vault: Vault, new: NewAgreement) -> Agreement:
    """Record an agreement (and encrypt its document) in one transaction."""
    vault.require_content("add agreements")
    if new.kind not in AGREEMENT_KINDS:
        raise InvalidInputError(
            f"agreement kind must be one of: {', '.join(AGREEMENT_KINDS)}", field="kind"
        )
    if new.status not in AGREEMENT_STATUSES:
        raise InvalidInputError(
            f"status must be one of: {', '.join(AGREEMENT_STATUSES)}", field="status"
        )
    if not new.title.strip():
        raise InvalidInputError("an agreement needs a title", field="title")
    party_ids = tuple(dict.fromkeys(new.party_ids))
    if not party_ids:
        raise InvalidInputError("an agreement needs at least one party", field="party_ids")
    for party_id in party_ids:
        active_party(vault, party_id, "enter a new agreement", "party_ids")
    check_dates(new.effective, new.expires)
    check_survival(new.survival_days)
    campaign_ids = tuple(dict.fromkeys(new.campaign_ids))
    asset_ids = tuple(dict.fromkeys(new.asset_ids))
    check_scope(vault, campaign_ids, asset_ids)
    rights = tuple(clean_usage_right(r) for r in new.usage_rights)
    blob = _write_document(vault, new.document) if new.document is not None else None
    agreement_id = new_id("agr")
    now = utc_now()
    try:
        with vault.transaction() as conn:
            if blob is not None:
                vault.blobs.insert(blob)
            conn.execute(
                f"INSERT INTO agreements ({COLUMNS}) VALUES ({','.join('?' * 17)})",
                (
                    agreement_id,
                    new.kind,
                    new.title.strip(),
                    new.status,
                    new.effective.text,
                    new.expires.text if new.expires else None,
                    new.effective.zone,
                    new.survival_days,
                    stamp(now_utc()) if new.status == "terminated" else None,
                    blob.id if blob else None,
                    new.document.name if blob and new.document else None,
                    blob.sha256 if blob else None,
                    blob.size if blob else None,
                    new.notes.strip(),
                    now,
                    vault.actor.user,
                    now,
                ),
            )
            for party_id in party_ids:
                conn.execute(
                    "INSERT INTO agreement_parties (agreement_id, party_id) VALUES (?, ?)",
                    (agreement_id, party_id),
                )
            _write_scope(conn, agreement_id, campaign_ids, asset_ids)
            _write_rights(conn, agreement_id, rights)
            vault.audit.append(
                "agreement.add",
                agreement_id,
                reason=f"{new.kind}, {new.status}, parties {', '.join(party_ids)}",
            )
    except BaseException:
        if blob is not None:
            vault.blobs.discard(blob.id)
        raise
    return load_agreement(vault, agreement_id)


def get_agreement(vault: Vault, agreement_id: str) -> Agreement:
    return load_agreement(vault, agreement_id)


def view_agreement(vault: Vault, agreement_id: str) -> Agreement:
    """An agreement shown to a person in full: recorded in the audit log."""
    agreement = load_agreement(vault, agreement_id)
    with vault.transaction():
        vault.audit.append("agreement.show", agreement_id)
    return agreement


def list_agreements(
    vault: Vault, kind: str | None = None, party_id: str | None = None
) -> list[Agreement]:
    """Agreements, newest effective date first; optionally of one kind or one party."""
    vault.require_content("list agreements")
    conditions: list[str] = []
    params: list[str] = []
    if kind is not None:
        conditions.append("kind = ?")
        params.append(kind)
    if party_id is not None:
        conditions.append("id IN (SELECT agreement_id FROM agreement_parties WHERE party_id = ?)")
        params.append(party_id)
    with vault.transaction():
        vault.audit.append("agreement.list", party_id or "", reason=f"kind {kind}" if kind else "")
    return load_agreements(vault, " AND ".join(conditions), tuple(params))


def set_status(vault: Vault, agreement_id: str, status: str, reason: str = "") -> Agreement:
    """Move an agreement along draft -> sent -> signed -> terminated (see `STATUS_CHANGES`)."""
    current = load_agreement(vault, agreement_id)
    if status not in AGREEMENT_STATUSES:
        raise InvalidInputError(
            f"status must be one of: {', '.join(AGREEMENT_STATUSES)}", field="status"
        )
    if status == current.status:
        return current
    allowed = STATUS_CHANGES[current.status]
    if status not in allowed:
        options = ", ".join(allowed) or "nothing (it is final)"
        raise InvalidInputError(
            f"agreement {agreement_id} is {current.status}; it can become {options}",
            field="status",
        )
    terminated = stamp(now_utc()) if status == "terminated" else current.terminated
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE agreements SET status = ?, terminated = ?, updated = ? WHERE id = ?",
            (status, terminated, utc_now(), agreement_id),
        )
        detail = f"{current.status} -> {status}" + (f": {reason.strip()}" if reason.strip() else "")
        vault.audit.append("agreement.status", agreement_id, reason=detail)
    return load_agreement(vault, agreement_id)


def edit_agreement(
    vault: Vault,
    agreement_id: str,
    *,
    title: str | None = None,
    effective: When | None = None,
    expires: When | None = None,
    clear_expiry: bool = False,
    survival_days: int | None = None,
    campaign_ids: Sequence[str] | None = None,
    asset_ids: Sequence[str] | None = None,
    usage_rights: Sequence[UsageRight] | None = None,
    notes: str | None = None,
) -> Agreement:
    """Change the given fields; the lists, when given, replace the current ones."""
    current = load_agreement(vault, agreement_id)
    if title is not None and not title.strip():
        raise InvalidInputError("an agreement needs a title", field="title")
    if expires is not None and clear_expiry:
        raise InvalidInputError("give a new expiry or clear it, not both", field="expires")
    zone = current.zone
    new_effective = effective or When.stored(current.effective, zone)
    new_expires = expires
    if new_expires is None and not clear_expiry and current.expires:
        new_expires = When.stored(current.expires, zone)
    check_dates(new_effective, new_expires)
    if survival_days is not None:
        check_survival(survival_days)
    new_campaigns = None if campaign_ids is None else tuple(dict.fromkeys(campaign_ids))
    new_assets = None if asset_ids is None else tuple(dict.fromkeys(asset_ids))
    check_scope(vault, new_campaigns or (), new_assets or ())
    rights = None if usage_rights is None else tuple(clean_usage_right(r) for r in usage_rights)
    updated = replace(
        current,
        title=title.strip() if title is not None else current.title,
        effective=new_effective.text,
        expires=new_expires.text if new_expires else None,
        zone=effective.zone if effective else zone,
        survival_days=current.survival_days if survival_days is None else survival_days,
        notes=notes.strip() if notes is not None else current.notes,
    )
    changed = [
        name
        for name in ("title", "effective", "expires", "survival_days", "notes")
        if getattr(updated, name) != getattr(current, name)
    ]
    if new_campaigns is not None and set(new_campaigns) != set(current.campaign_ids):
        changed.append("campaigns")
    if new_assets is not None and set(new_assets) != set(current.asset_ids):
        changed.append("assets")
    if rights is not None:
        changed.append("usage rights")
    if not changed:
        return current
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE agreements SET title=?, effective=?, expires=?, zone=?, survival_days=?,"
            " notes=?, updated=? WHERE id=?",
            (
                updated.title,
                updated.effective,
                updated.expires,
                updated.zone,
                updated.survival_days,
                updated.notes,
                utc_now(),
                agreement_id,
            ),
        )
        if new_campaigns is not None:
            conn.execute("DELETE FROM agreement_campaigns WHERE agreement_id = ?", (agreement_id,))
            _write_scope(conn, agreement_id, new_campaigns, ())
        if new_assets is not None:
            conn.execute("DELETE FROM agreement_assets WHERE agreement_id = ?", (agreement_id,))
            _write_scope(conn, agreement_id, (), new_assets)
        if rights is not None:
            conn.execute("DELETE FROM usage_rights WHERE agreement_id = ?", (agreement_id,))
            _write_rights(conn, agreement_id, rights)
        vault.audit.append("agreement.edit", agreement_id, reason="changed " + ", ".join(changed))
    return load_agreement(vault, agreement_id)


def attach_document(vault: Vault, agreement_id: str, path: Path) -> Agreement:
    """Encrypt the (signed) document into the vault; it replaces an earlier one."""
    current = load_agreement(vault, agreement_id)
    path = Path(path)
    blob = _write_document(vault, path)
    try:
        with vault.transaction() as conn:
            vault.blobs.insert(blob)
            conn.execute(
                "UPDATE agreements SET document_blob_id=?, document_name=?, document_sha256=?,"
                " document_size=?, updated=? WHERE id=?",
                (blob.id, path.name, blob.sha256, blob.size, utc_now(), agreement_id),
            )
            if current.document_blob_id:
                conn.execute("DELETE FROM blobs WHERE id = ?", (current.document_blob_id,))
            vault.audit.append(
                "agreement.attach", agreement_id, reason=f"{path.name}, {blob.size} bytes"
            )
    except BaseException:
        vault.blobs.discard(blob.id)
        raise
    if current.document_blob_id:
        vault.blobs.discard(current.document_blob_id)
    return load_agreement(vault, agreement_id)


def read_document(vault: Vault, agreement_id: str) -> bytes:
    """The decrypted document, in memory only."""
    agreement = load_agreement(vault, agreement_id)
    if agreement.document_blob_id is None:
        raise InvalidInputError(f"agreement {agreement_id} has no document attached")
    with vault.transaction():
        vault.audit.append("agreement.view", agreement_id, reason=agreement.document_name or "")
    return vault.blobs.read_bytes(agreement.document_blob_id)


def export_document(vault: Vault, agreement_id: str, out: Path) -> Path:
    """Write the decrypted document to a file the person chose; a failure leaves no file."""
    agreement = load_agreement(vault, agreement_id)
    if agreement.document_blob_id is None:
        raise InvalidInputError(f"agreement {agreement_id} has no document attached")
    out = Path(out)
    if out.is_dir():
        out = out / (agreement.document_name or f"{agreement_id}.pdf")
    if out.exists():
        raise InvalidInputError(f"{out} already exists; choose another name", field="out")
    partial = out.with_name(f".{out.name}.partial")
    try:
        with open(partial, "xb") as dst:
            for chunk in vault.blobs.read_chunks(agreement.document_blob_id):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        with vault.transaction():
            vault.audit.append("agreement.export", agreement_id, reason=f"to {out.name}")
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SealroomError(f"cannot write {out}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out


def _write_document(vault: Vault, path: Path) -> BlobRecord:
    try:
        src = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not a file", field="document") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}", field="document") from None
    with src:
        if os.fstat(src.fileno()).st_size == 0:
            raise InvalidInputError(f"{path} is empty (0 bytes)", field="document")
        return vault.blobs.write(src)


def _write_scope(
    conn: Connection, agreement_id: str, campaign_ids: Sequence[str], asset_ids: Sequence[str]
) -> None:
    for campaign_id in campaign_ids:
        conn.execute(
            "INSERT INTO agreement_campaigns (agreement_id, campaign_id) VALUES (?, ?)",
            (agreement_id, campaign_id),
        )
    for asset_id in asset_ids:
        conn.execute(
            "INSERT INTO agreement_assets (agreement_id, asset_id) VALUES (?, ?)",
            (agreement_id, asset_id),
        )


def _write_rights(conn: Connection, agreement_id: str, rights: Sequence[UsageRight]) -> None:
    for right in rights:
        conn.execute(
            "INSERT INTO usage_rights (id, agreement_id, platforms, territory, starts, ends)"
            " VALUES (?,?,?,?,?,?)",
            (
                new_id("use"),
                agreement_id,
                ",".join(right.platforms),
                right.territory,
                right.starts.text,
                right.ends.text if right.ends else None,
            ),
        )
