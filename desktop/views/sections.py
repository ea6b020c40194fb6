"""The registry of the main window's screens, in sidebar order.

Adding a screen: write its view (a `SectionView`, usually a `TableSection`) and its model, then
add one `Section` line here. A screen whose vault use-cases are not installed yet appears in the
sidebar greyed out, with a tooltip naming what it waits for.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from sealroom.desktop.views.section import SectionContext, SectionView

ViewFactory = Callable[[SectionContext], SectionView]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    group: str
    needs: tuple[str, ...]
    """Vault modules the screen calls (e.g. "sealroom.vault.campaigns")."""
    view: str = ""
    """"module:Class" of the view under sealroom.desktop.views; empty until the screen is built."""
    summary: str = ""

    def missing(self) -> list[str]:
        return [m for m in self.needs if importlib.util.find_spec(m) is None]

    @property
    def available(self) -> bool:
        return bool(self.view) and not self.missing()

    def unavailable_reason(self) -> str:
        missing = self.missing()
        if missing:
            return f"{self.summary} Not in this version yet: needs {', '.join(missing)}."
        return f"{self.summary} This screen is not built yet."

    def factory(self) -> ViewFactory:
        module, _, name = self.view.partition(":")
        found: ViewFactory = getattr(importlib.import_module(f"{__package__}.{module}"), name)
        return found


WORK = "Work"
PROTECT = "Protection"

SECTIONS: tuple[Section, ...] = (
    Section(
        "dashboard",
        "Dashboard",
        WORK,
        ("sealroom.vault.dashboard",),
        "dashboard:DashboardView",
        summary="What needs attention: embargoes, expiring grants, recent shares.",
    ),
    Section(
        "campaigns",
        "Campaigns",
        WORK,
        ("sealroom.vault.campaigns",),
        "campaigns:CampaignsView",
        summary="Campaigns with their brand, dates and embargo.",
    ),
    Section("assets", "Assets", WORK, ("sealroom.vault.assets",), "assets:AssetsView"),
    Section(
        "agreements",
        "Agreements",
        WORK,
        ("sealroom.vault.agreements",),
        "agreements:AgreementsView",
        summary="Contracts and NDAs with their parties and terms.",
    ),
    Section(
        "parties", "People & companies", WORK, ("sealroom.vault.parties",), "parties:PartiesView"
    ),
    Section(
        "access",
        "Access",
        WORK,
        ("sealroom.vault.grants",),
        "access:AccessView",
        summary="Who may see which asset or campaign, and until when.",
    ),
    Section(
        "shares",
        "Shares",
        PROTECT,
        ("sealroom.vault.shares",),
        "shares:SharesView",
        summary="Watermarked share packages sent to partners.",
    ),
    Section(
        "tracing",
        "Leak tracing",
        PROTECT,
        ("sealroom.vault.trace",),
        "tracing:TracingView",
        summary="Find which recipient a leaked file came from.",
    ),
    Section("audit", "Audit log", PROTECT, ("sealroom.vault.audit",), "audit:AuditView"),
)


def section(key: str) -> Section:
    for s in SECTIONS:
        if s.key == key:
            return s
    raise KeyError(key)
