"""The vault calls of the Incidents screen and of the Leak tracing screen's "Open incident"."""

from __future__ import annotations

from pathlib import Path

from sealroom.desktop.workers import Job
from sealroom.vault import incidents, incidents_case, incidents_pack
from sealroom.vault.incidents import Incident, Note
from sealroom.vault.incidents_case import IncidentCase
from sealroom.vault.protect.trace import SuspectReport
from sealroom.vault.session import Vault


def list_incidents(vault: Vault, job: Job) -> list[Incident]:
    return incidents.list_incidents(vault)


def show_case(vault: Vault, job: Job, incident_id: str) -> IncidentCase:
    return incidents_case.show_case(vault, incident_id)


def open_from_trace(vault: Vault, job: Job, reports: list[SuspectReport]) -> Incident:
    return incidents.open_from_trace(vault, reports)


def set_status(vault: Vault, job: Job, incident_id: str, status: str) -> Incident:
    return incidents.set_status(vault, incident_id, status)


def add_note(vault: Vault, job: Job, incident_id: str, text: str) -> Note:
    return incidents.add_note(vault, incident_id, text)


def export_pack(vault: Vault, job: Job, incident_id: str, out_dir: Path) -> list[Path]:
    job.say("writing the evidence pack")
    return incidents_pack.export_pack(vault, incident_id, out_dir)
