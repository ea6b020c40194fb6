"""Leak cases: a suspect file traced to an asset (or a case opened by hand), its candidates with
their scores and false-accusation probabilities, what the accused signed, a timeline, a status
and notes.

Suspect files are kept as encrypted blobs, like assets. Notes are free text: they are kept in
the encrypted database and, in the audit log, only in the sealed `reason` (an auditor sees that a
note was added, not what it says). The dashboard's "Open incidents" card reads this table.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.protect.trace import SuspectReport
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import query

STATUSES = ("open", "confirmed", "dismissed", "closed")
ACTIVE_STATUSES = ("open", "confirmed")
"""Cases still to act on: the dashboard counts these as open incidents."""
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("confirmed", "dismissed", "closed"),
    "confirmed": ("closed",),
    "dismissed": ("open", "closed"),
    "closed": ("open",),
}
MAX_TITLE = 200
MAX_NOTE = 20_000
MAX_SUSPECT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Incident:
    id: str
    title: str
    status: str
    asset_id: str | None
    asset_version: int | None
    page: int | None
    source: str
    verdict: str
    opened: str
    opened_by: str
    updated: str
    closed: str | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Suspect:
    id: str
    name: str
    blob_id: str
    sha256: str
    size: int
    verdict: str
    sighted: str


@dataclass(frozen=True)
class Candidate:
    party_id: str
    party_name: str
    share_id: str
    score: float
    p_false: float
    accused: bool


@dataclass(frozen=True)
class Note:
    time: str
    author: str
    text: str


_COLUMNS = (
    "id, title, status, asset_id, asset_version, page, source, verdict, opened, opened_by,"
    " updated, closed"
)


def _title(text: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise InvalidInputError("an incident needs a title")
    if len(title) > MAX_TITLE:
        raise InvalidInputError(f"the title is longer than {MAX_TITLE} characters")
    return title


def open_incident(vault: Vault, title: str, asset_id: str | None = None) -> Incident:
    """A case opened by hand (a leak seen, not yet traced)."""
    vault.require_content("open incidents")
    clean = _title(title)
    version = None
    if asset_id:
        rows = query(vault.conn, "SELECT version FROM assets WHERE id = ?", (asset_id,))
        if not rows:
            raise NotFoundError(f"no asset with id {asset_id}")
        version = int(rows[0][0])
    incident_id = new_id("inc")
    now = now_stamp()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO incidents (id, title, status, asset_id, asset_version, source, opened,"
            " opened_by, updated) VALUES (?,?,?,?,?,?,?,?,?)",
            (incident_id, clean, "open", asset_id, version, "manual", now, vault.actor.user, now),
        )
        vault.audit.append("incident.open", incident_id, reason=clean, public="by hand")
    return get_incident(vault, incident_id)


def open_from_trace(
    vault: Vault, reports: list[SuspectReport], title: str = ""
) -> Incident:
    """A case from trace results: the suspect files (read again from where they were traced,
    kept encrypted), the matched asset and page, every candidate with its score."""
    vault.require_content("open incidents")
    if not reports:
        raise InvalidInputError("no trace result to open an incident from")
    best = min(reports, key=_strength)
    if best.asset_id is None:
        raise InvalidInputError(
            f"{Path(best.suspect).name} matches no asset in the vault ({best.verdict}); "
            "open the incident by hand with an asset id"
        )
    asset = query(vault.conn, "SELECT title, version FROM assets WHERE id = ?", (best.asset_id,))
    if not asset:
        raise NotFoundError(f"no asset with id {best.asset_id}")
    clean = _title(title or f"Leak of {asset[0][0]}")
    files = [_read_suspect(Path(r.suspect)) for r in reports]
    written = [vault.blobs.write(io.BytesIO(data)) for data in files]
    incident_id = new_id("inc")
    now = now_stamp()
    try:
        with vault.transaction() as conn:
            conn.execute(
                "INSERT INTO incidents (id, title, status, asset_id, asset_version, page, source,"
                " verdict, alignment, opened, opened_by, updated)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (incident_id, clean, "open", best.asset_id, int(asset[0][1]), best.page,
                 "trace", best.verdict, json.dumps(best.alignment or {}), now,
                 vault.actor.user, now),
            )
            for report, record in zip(reports, written, strict=True):
                vault.blobs.insert(record)
                conn.execute(
                    "INSERT INTO incident_suspects (id, incident_id, name, blob_id, sha256, size,"
                    " verdict, sighted) VALUES (?,?,?,?,?,?,?,?)",
                    (new_id("sus"), incident_id, Path(report.suspect).name, record.id,
                     record.sha256, record.size, report.verdict, now),
                )
            for c in best.candidates:
                conn.execute(
                    "INSERT OR IGNORE INTO incident_candidates (incident_id, party_id, share_id,"
                    " score, p_false, accused) VALUES (?,?,?,?,?,?)",
                    (incident_id, c.party_id, c.share_id, c.score, c.p_false,
                     int(c.party_id in best.accused)),
                )
            vault.audit.append(
                "incident.open",
                incident_id,
                reason=clean,
                public=f"from trace of asset {best.asset_id}: {best.verdict}; "
                + (f"accused {', '.join(best.accused)}" if best.accused else "no one accused"),
            )
    except BaseException:
        for record in written:
            vault.blobs.discard(record.id)
        raise
    return get_incident(vault, incident_id)


def _read_suspect(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SUSPECT_BYTES:
            raise InvalidInputError(f"{path.name} is larger than 512 MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}") from None
    if not data:
        raise InvalidInputError(f"{path} is empty (0 bytes)")
    return data


def _strength(report: SuspectReport) -> tuple[int, float]:
    order = {"identified": 0, "no confident match": 1, "unknown asset": 2, "unreadable": 3}
    best = report.candidates[0].p_false if report.candidates else 1.0
    return order.get(report.verdict, 4), best


def incident_row(vault: Vault, incident_id: str) -> tuple[Incident, str]:
    rows = query(
        vault.conn, f"SELECT {_COLUMNS}, alignment FROM incidents WHERE id = ?", (incident_id,)
    )
    if not rows:
        raise NotFoundError(f"no incident with id {incident_id}")
    return Incident(*rows[0][:-1]), str(rows[0][-1])


def get_incident(vault: Vault, incident_id: str) -> Incident:
    vault.require_content("read incidents")
    return incident_row(vault, incident_id)[0]


def list_incidents(vault: Vault, status: str = "") -> list[Incident]:
    """Incidents, newest first; with `status`, only those in it."""
    vault.require_content("read incidents")
    if status and status not in STATUSES:
        raise InvalidInputError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    where = " WHERE status = ?" if status else ""
    rows = query(
        vault.conn,
        f"SELECT {_COLUMNS} FROM incidents{where} ORDER BY opened DESC, id",
        (status,) if status else (),
    )
    return [Incident(*r) for r in rows]


def set_status(vault: Vault, incident_id: str, status: str, reason: str = "") -> Incident:
    """Move a case on; a move `TRANSITIONS` does not allow is refused, the case unchanged."""
    vault.require_content("change incidents")
    incident = get_incident(vault, incident_id)
    if status not in STATUSES:
        raise InvalidInputError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    allowed = TRANSITIONS[incident.status]
    if status not in allowed:
        raise InvalidInputError(
            f"incident {incident_id} is {incident.status}: it can become "
            f"{' or '.join(allowed)}, not {status}"
        )
    now = now_stamp()
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE incidents SET status = ?, updated = ?, closed = ? WHERE id = ?",
            (status, now, now if status == "closed" else None, incident_id),
        )
        vault.audit.append(
            "incident.status", incident_id, reason=reason.strip(),
            public=f"{incident.status} -> {status}",
        )
    return get_incident(vault, incident_id)


def add_note(vault: Vault, incident_id: str, text: str) -> Note:
    vault.require_content("write incident notes")
    get_incident(vault, incident_id)
    clean = text.strip()
    if not clean:
        raise InvalidInputError("the note is empty")
    if len(clean) > MAX_NOTE:
        raise InvalidInputError(f"the note is longer than {MAX_NOTE} characters")
    note = Note(now_stamp(), vault.actor.user, clean)
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO incident_notes (id, incident_id, time, author, text) VALUES (?,?,?,?,?)",
            (new_id("note"), incident_id, note.time, note.author, note.text),
        )
        conn.execute("UPDATE incidents SET updated = ? WHERE id = ?", (note.time, incident_id))
        vault.audit.append("incident.note", incident_id, reason=clean, public="note added")
    return note


def read_suspect(vault: Vault, incident_id: str, suspect_id: str) -> bytes:
    vault.require_content("read suspect files")
    rows = query(
        vault.conn,
        "SELECT blob_id FROM incident_suspects WHERE id = ? AND incident_id = ?",
        (suspect_id, incident_id),
    )
    if not rows:
        raise NotFoundError(f"no suspect file {suspect_id} in incident {incident_id}")
    return vault.blobs.read_bytes(str(rows[0][0]))
