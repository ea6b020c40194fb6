"""The Vault menu's calls: verify the whole vault, export the calendar."""

from __future__ import annotations

from pathlib import Path

from sealroom.desktop.workers import Job
from sealroom.vault import verify
from sealroom.vault.reports import calendar
from sealroom.vault.session import Vault


class _Steps:
    """Turns the check's step messages into (done, total) progress and a status line."""

    def __init__(self, job: Job, total: int) -> None:
        self._job = job
        self._done = 0
        job.total = total

    def __call__(self, text: str) -> None:
        self._job.progress(self._done)
        self._job.say(text[:1].upper() + text[1:] + "…")
        self._done += 1


def verify_vault(vault: Vault, job: Job) -> verify.VerifyReport:
    """Every database page, blob, audit event and checkpoint; Cancel stops between steps."""
    steps = _Steps(job, verify.verify_steps(vault))
    report = verify.verify_vault(vault, steps, job.cancelled)
    job.progress(job.total)
    return report


def export_calendar(vault: Vault, job: Job, out: Path) -> int:
    """Embargoes, launches and expiries as an .ics file; the number of events written."""
    return calendar.export_calendar(vault, out)
