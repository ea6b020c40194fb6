"""The vault calls of the audit screens: the log a page at a time with its filters, the chain's
status, failed unlocks and verification. Every call here needs only the audit key, so an auditor's
session (which holds no content key) runs them all; the auditor's app submits nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sealroom.desktop.models.audit import AuditListing
from sealroom.desktop.models.paged import PageRequest
from sealroom.desktop.tasks.content import Page
from sealroom.desktop.workers import Job
from sealroom.vault import verify
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_bundle import export as bundle
from sealroom.vault.audit_bundle.export import ExportResult
from sealroom.vault.audit_filter import AuditFilter
from sealroom.vault.session import Vault

FAILED_UNLOCK = AuditFilter(action="vault.unlock", outcome="failure")


def audit_size(vault: Vault, job: Job) -> int:
    return vault.audit.size


def audit_page(vault: Vault, job: Job, request: PageRequest) -> Page:
    """Without a search or filter, a keyset query below the listing's top: every page costs the
    same however deep it is. A search or filter reads the matches newest first, in SQL."""
    listing: AuditListing = request.listing
    if not listing.search and listing.where.empty:
        before = listing.top - request.offset + 1
        events = vault.audit.events(limit=request.limit, before_seq=before) if before > 1 else []
        return Page(request, events, listing.top if request.count else None)
    log = vault.audit
    found = log.search(listing.search, listing.top, request.offset, request.limit, listing.where)
    total = None
    if request.count:
        total = log.count_matching(listing.search, listing.top, listing.where)
    return Page(request, found, total)


@dataclass(frozen=True)
class FilterChoices:
    """What the filter lists offer: the people, actions and outcomes found in the log."""

    people: list[str]
    actions: list[str]
    outcomes: list[str]


def filter_choices(vault: Vault, job: Job) -> FilterChoices:
    log = vault.audit
    return FilterChoices(log.distinct("actor"), log.distinct("action"), log.distinct("outcome"))


@dataclass(frozen=True)
class ChainStatus:
    size: int
    root: str
    signed_size: int
    """Events covered by the newest signed checkpoint (0: none yet)."""
    signed_time: str
    signed_root: str
    warnings: list[str]


def chain_status(vault: Vault, job: Job) -> ChainStatus:
    log = vault.audit
    checkpoints = log.checkpoints()
    last = checkpoints[-1] if checkpoints else None
    return ChainStatus(
        size=log.size,
        root=log.root().hex(),
        signed_size=last.size if last else 0,
        signed_time=last.time if last else "",
        signed_root=last.root.hex() if last else "",
        warnings=list(vault.warnings),
    )


def failed_unlocks(vault: Vault, job: Job) -> list[AuditEvent]:
    """Failed unlock attempts, newest first (they enter the log at the next unlock)."""
    log = vault.audit
    return log.search("", log.size, 0, 1000, FAILED_UNLOCK)


def verify_log(vault: Vault, job: Job) -> verify.VerifyReport:
    """Check the vault (an auditor's run checks the audit log only), saying each step."""
    return verify.verify_vault(vault, job.say)


def export_bundle(vault: Vault, job: Job, out: Path) -> ExportResult:
    """The signed audit bundle into the new folder `out` (an auditor's password is enough)."""
    return bundle.export_bundle(vault, out, progress=job.progress)
