"""The registry of the main window's screens, in sidebar order.

Adding a screen: write its view (a `SectionView`, usually a `TableSection`) and its model, then
add one `Section` line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP
from sealroom.desktop.views.access import AccessView
from sealroom.desktop.views.agreements import AgreementsView
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.audit import AuditView
from sealroom.desktop.views.audit_checks import FailedUnlocksView, VerifyView
from sealroom.desktop.views.campaigns import CampaignsView
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.incidents import IncidentsView
from sealroom.desktop.views.packages import PackagesView
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


WORK = QT_TRANSLATE_NOOP("Section", "Work")
PROTECT = QT_TRANSLATE_NOOP("Section", "Protection")
AUDIT = QT_TRANSLATE_NOOP("Section", "Audit")

SECTIONS: tuple[Section, ...] = (
    Section(
        "dashboard",
        QT_TRANSLATE_NOOP("Section", "Dashboard"),
        WORK,
        DashboardView,
        QT_TRANSLATE_NOOP(
            "Section", "What needs attention: embargoes, expiring grants, recent shares."
        ),
    ),
    Section(
        "campaigns",
        QT_TRANSLATE_NOOP("Section", "Campaigns"),
        WORK,
        CampaignsView,
        QT_TRANSLATE_NOOP("Section", "Campaigns with their brand, dates and embargo."),
    ),
    Section(
        "assets",
        QT_TRANSLATE_NOOP("Section", "Assets"),
        WORK,
        AssetsView,
        QT_TRANSLATE_NOOP("Section", "Files kept encrypted in the vault."),
    ),
    Section(
        "agreements",
        QT_TRANSLATE_NOOP("Section", "Agreements"),
        WORK,
        AgreementsView,
        QT_TRANSLATE_NOOP("Section", "Contracts and NDAs with their parties and terms."),
    ),
    Section(
        "parties",
        QT_TRANSLATE_NOOP("Section", "People & companies"),
        WORK,
        PartiesView,
        QT_TRANSLATE_NOOP("Section", "Brands, influencers, agencies and press."),
    ),
    Section(
        "access",
        QT_TRANSLATE_NOOP("Section", "Access"),
        WORK,
        AccessView,
        QT_TRANSLATE_NOOP("Section", "Who may see which asset or campaign, and until when."),
    ),
    Section(
        "shares",
        QT_TRANSLATE_NOOP("Section", "Shares"),
        PROTECT,
        SharesView,
        QT_TRANSLATE_NOOP("Section", "Watermarked previews issued to partners."),
    ),
    Section(
        "packages",
        QT_TRANSLATE_NOOP("Section", "Share packages"),
        PROTECT,
        PackagesView,
        QT_TRANSLATE_NOOP(
            "Section", "Encrypted, signed packages for partners: window, NDA, receipts."
        ),
    ),
    Section(
        "tracing",
        QT_TRANSLATE_NOOP("Section", "Leak tracing"),
        PROTECT,
        TracingView,
        QT_TRANSLATE_NOOP("Section", "Find which recipient a leaked file came from."),
    ),
    Section(
        "incidents",
        QT_TRANSLATE_NOOP("Section", "Incidents"),
        PROTECT,
        IncidentsView,
        QT_TRANSLATE_NOOP("Section", "Leak cases: evidence, status, notes and the evidence pack."),
    ),
    Section(
        "audit",
        QT_TRANSLATE_NOOP("Section", "Audit log"),
        AUDIT,
        AuditView,
        QT_TRANSLATE_NOOP("Section", "Every action, in a tamper-evident log."),
        EVERYONE,
    ),
    Section(
        "unlocks",
        QT_TRANSLATE_NOOP("Section", "Failed unlocks"),
        AUDIT,
        FailedUnlocksView,
        QT_TRANSLATE_NOOP("Section", "Unlock attempts made with a wrong password."),
        EVERYONE,
    ),
    Section(
        "verify",
        QT_TRANSLATE_NOOP("Section", "Verify"),
        AUDIT,
        VerifyView,
        QT_TRANSLATE_NOOP("Section", "Check the log's Merkle tree and signed checkpoints."),
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
