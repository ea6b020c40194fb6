"""The registry of the main window's screens, in sidebar order.

Adding a screen: write its view (a `SectionView`, usually a `TableSection`) and its model, then
add one `Section` line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sealroom.desktop.views.access import AccessView
from sealroom.desktop.views.agreements import AgreementsView
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.audit import AuditView
from sealroom.desktop.views.audit_checks import FailedUnlocksView, VerifyView
from sealroom.desktop.views.campaigns import CampaignsView
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.incidents import IncidentsView
from sealroom.desktop.views.parties import PartiesView
from sealroom.desktop.views.section import SectionContext, SectionView
from sealroom.desktop.views.shares import SharesView
from sealroom.desktop.views.tracing import TracingView

ViewFactory = Callable[[SectionContext], SectionView]

CONTENT_ROLES = frozenset({"owner", "manager"})
EVERYONE = frozenset({"owner", "manager", "auditor"})


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    group: str
    factory: ViewFactory
    summary: str = ""
    roles: frozenset[str] = CONTENT_ROLES
    """Who sees the screen: an auditor's session holds no content key, so content screens
    are not even built for one."""


WORK = "Work"
PROTECT = "Protection"
AUDIT = "Audit"

SECTIONS: tuple[Section, ...] = (
    Section(
        "dashboard",
        "Dashboard",
        WORK,
        DashboardView,
        "What needs attention: embargoes, expiring grants, recent shares.",
    ),
    Section(
        "campaigns",
        "Campaigns",
        WORK,
        CampaignsView,
        "Campaigns with their brand, dates and embargo.",
    ),
    Section("assets", "Assets", WORK, AssetsView, "Files kept encrypted in the vault."),
    Section(
        "agreements",
        "Agreements",
        WORK,
        AgreementsView,
        "Contracts and NDAs with their parties and terms.",
    ),
    Section(
        "parties",
        "People & companies",
        WORK,
        PartiesView,
        "Brands, influencers, agencies and press.",
    ),
    Section(
        "access",
        "Access",
        WORK,
        AccessView,
        "Who may see which asset or campaign, and until when.",
    ),
    Section(
        "shares",
        "Shares",
        PROTECT,
        SharesView,
        "Watermarked previews issued to partners.",
    ),
    Section(
        "tracing",
        "Leak tracing",
        PROTECT,
        TracingView,
        "Find which recipient a leaked file came from.",
    ),
    Section(
        "incidents",
        "Incidents",
        PROTECT,
        IncidentsView,
        "Leak cases: evidence, status, notes and the evidence pack.",
    ),
    Section(
        "audit",
        "Audit log",
        AUDIT,
        AuditView,
        "Every action, in a tamper-evident log.",
        EVERYONE,
    ),
    Section(
        "unlocks",
        "Failed unlocks",
        AUDIT,
        FailedUnlocksView,
        "Unlock attempts made with a wrong password.",
        EVERYONE,
    ),
    Section(
        "verify",
        "Verify",
        AUDIT,
        VerifyView,
        "Check the log's Merkle tree and signed checkpoints.",
        EVERYONE,
    ),
)


def sections_for(role: str) -> tuple[Section, ...]:
    """The screens a person with this role sees, in sidebar order."""
    return tuple(s for s in SECTIONS if role in s.roles)


def section(key: str) -> Section:
    for s in SECTIONS:
        if s.key == key:
            return s
    raise KeyError(key)
