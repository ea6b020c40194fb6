"""One incident's whole case file: candidates with what they signed, the timeline, the notes.

Read by the Incidents screen, `sealroom incident show` and the evidence pack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sealroom.vault.access.grants import query_grants
from sealroom.vault.agreements.records import Agreement, load_agreements
from sealroom.vault.audit_filter import AuditFilter
from sealroom.vault.incidents import Candidate, Incident, Note, Suspect, incident_row
from sealroom.vault.protect.package_records import Package, get_package
from sealroom.vault.protect.shares import list_shares
from sealroom.vault.session import Vault
from sealroom.vault.store import query


@dataclass(frozen=True)
class TimelineEntry:
    time: str
    what: str
    party_id: str = ""


@dataclass(frozen=True)
class IncidentCase:
    """Everything known about one case, for the screen, `incident show` and the evidence pack."""

    incident: Incident
    alignment: dict[str, float]
    suspects: tuple[Suspect, ...]
    candidates: tuple[Candidate, ...]
    agreements: dict[str, tuple[Agreement, ...]]
    """What each candidate party signed, by party id."""
    timeline: tuple[TimelineEntry, ...]
    notes: tuple[Note, ...]
    asset_title: str = ""
    party_names: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "incident": self.incident.to_json(),
            "asset_title": self.asset_title,
            "alignment": self.alignment,
            "suspects": [s.__dict__ for s in self.suspects],
            "candidates": [c.__dict__ for c in self.candidates],
            "agreements": {
                party: [
                    {"id": a.id, "kind": a.kind, "title": a.title, "status": a.status,
                     "effective": a.effective, "expires": a.expires, "terms": a.notes}
                    for a in found
                ]
                for party, found in self.agreements.items()
            },
            "timeline": [t.__dict__ for t in self.timeline],
            "notes": [n.__dict__ for n in self.notes],
        }



def load_case(vault: Vault, incident_id: str) -> IncidentCase:
    """The whole case file (no audit event: `show_case` records the reading)."""
    vault.require_content("read incidents")
    incident, alignment = incident_row(vault, incident_id)
    suspects = tuple(
        Suspect(*r) for r in query(
            vault.conn,
            "SELECT id, name, blob_id, sha256, size, verdict, sighted FROM incident_suspects"
            " WHERE incident_id = ? ORDER BY sighted, id",
            (incident_id,),
        )
    )
    candidates = tuple(
        Candidate(pid, name or pid, sid, float(score), float(p), bool(accused))
        for pid, name, sid, score, p, accused in query(
            vault.conn,
            "SELECT c.party_id, p.name, c.share_id, c.score, c.p_false, c.accused"
            " FROM incident_candidates c LEFT JOIN parties p ON p.id = c.party_id"
            " WHERE c.incident_id = ? ORDER BY c.p_false, c.score DESC",
            (incident_id,),
        )
    )
    party_ids = list(dict.fromkeys(c.party_id for c in candidates))
    agreements = {
        pid: tuple(load_agreements(
            vault,
            "id IN (SELECT agreement_id FROM agreement_parties WHERE party_id = ?)",
            (pid,),
        ))
        for pid in party_ids
    }
    notes = tuple(
        Note(*r) for r in query(
            vault.conn,
            "SELECT time, author, text FROM incident_notes WHERE incident_id = ? ORDER BY time",
            (incident_id,),
        )
    )
    title = ""
    if incident.asset_id:
        rows = query(vault.conn, "SELECT title FROM assets WHERE id = ?", (incident.asset_id,))
        title = str(rows[0][0]) if rows else ""
    return IncidentCase(
        incident=incident,
        alignment=json.loads(alignment) if alignment else {},
        suspects=suspects,
        candidates=candidates,
        agreements=agreements,
        timeline=_timeline(vault, incident, party_ids, suspects),
        notes=notes,
        asset_title=title,
        party_names={c.party_id: c.party_name for c in candidates},
    )


def show_case(vault: Vault, incident_id: str) -> IncidentCase:
    case = load_case(vault, incident_id)
    with vault.transaction():
        vault.audit.append("incident.show", incident_id)
    return case


def _timeline(
    vault: Vault, incident: Incident, party_ids: list[str], suspects: tuple[Suspect, ...]
) -> tuple[TimelineEntry, ...]:
    """For each candidate: grant, share (a share package, and the NDA terms accepted when the
    recipient's receipt was imported); then the first sighting."""
    entries: list[TimelineEntry] = []
    if incident.asset_id:
        in_packages: set[str] = set()
        for pid in party_ids:
            for grant in query_grants(
                vault, "g.party_id = ? AND g.asset_id = ?", (pid, incident.asset_id),
                include_inactive=True,
            ):
                entries.append(TimelineEntry(grant.granted, f"access granted ({grant.level})", pid))
            for package in _packages(vault, pid, incident.asset_id):
                in_packages.update(package.share_ids)
                entries += _package_entries(vault, package)
        for share in list_shares(vault, incident.asset_id):
            if share.party_id in party_ids and share.id not in in_packages:
                entries.append(TimelineEntry(
                    share.created, f"preview issued (share {share.share_code})", share.party_id
                ))
    if suspects:
        entries.append(TimelineEntry(suspects[0].sighted, f"first sighting: {suspects[0].name}"))
    entries.append(TimelineEntry(incident.opened, "incident opened"))  # last of its instant
    return tuple(sorted(entries, key=lambda e: e.time))


def _packages(vault: Vault, party_id: str, asset_id: str) -> list[Package]:
    """The share packages issued to the party that carried the asset."""
    rows = query(
        vault.conn, "SELECT id FROM packages WHERE party_id = ? ORDER BY created, id", (party_id,)
    )
    found = [get_package(vault, str(r[0])) for r in rows]
    return [p for p in found if asset_id in p.asset_ids]


def _package_entries(vault: Vault, package: Package) -> list[TimelineEntry]:
    """Issued, accepted (from the imported receipt), revoked."""
    pid = package.party_id
    sealed = "to their age key" if package.protection == "recipient" else "with a passphrase"
    entries = [TimelineEntry(
        package.created,
        f"package issued ({package.id}, sealed {sealed}, valid {package.not_before[:10]} "
        f"to {package.not_after[:10]})",
        pid,
    )]
    if package.accepted:
        receipts = vault.audit.search(
            "", vault.audit.size, 0, 1, AuditFilter(action="package.receipt", asset=package.id)
        )
        imported = f" on {receipts[0].time[:10]}" if receipts else ""
        titles = ", ".join(f"“{title}”" for title in _titles(vault, package.nda_ids))
        entries.append(TimelineEntry(
            package.accepted,
            f"NDA terms accepted (receipt imported{imported})"
            + (f": {titles}" if titles else "") + f" in package {package.id}",
            pid,
        ))
    if package.revoked:
        entries.append(TimelineEntry(package.revoked, f"package revoked ({package.id})", pid))
    return entries


def _titles(vault: Vault, agreement_ids: tuple[str, ...]) -> list[str]:
    if not agreement_ids:
        return []
    marks = ",".join("?" * len(agreement_ids))
    sql = f"SELECT title FROM agreements WHERE id IN ({marks}) ORDER BY title"
    return [str(r[0]) for r in query(vault.conn, sql, agreement_ids)]
