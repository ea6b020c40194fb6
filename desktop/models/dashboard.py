"""The dashboard's items: what needs attention, one row each, grouped into cards by `card`.

Each item links to the screen and record it is about (`target`), so a card's row opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.table import Column, RecordTableModel
from sealroom.desktop.widgets.colours import WARNING
from sealroom.vault.release.approvals import ReleaseRequest
from sealroom.vault.reports.dashboard import Dashboard

EMBARGOES = "embargoes"
EXPIRIES = "expiries"
EXCEPTIONS = "exceptions"
UNLOCKS = "unlocks"
INCIDENTS = "incidents"
APPROVALS = "approvals"
CARD_ROLE = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class Item:
    card: str
    key: str
    title: str
    when: str
    sort: str
    detail: str
    section: str
    """The screen that shows the record (a `sections.SECTIONS` key), or "" for none."""
    record: str
    warning: bool = False


def _days(days: int) -> str:
    if days == -1:
        return translate("DashboardModel", "1 day overdue")
    if days < 0:
        return translate("DashboardModel", "{n} days overdue").format(n=-days)
    if days == 0:
        return translate("DashboardModel", "today")
    if days == 1:
        return translate("DashboardModel", "in 1 day")
    return translate("DashboardModel", "in {n} days").format(n=days)


def items_of(board: Dashboard, approvals: Sequence[ReleaseRequest] = ()) -> list[Item]:
    items: list[Item] = [
        Item(APPROVALS, f"approval:{r.id}", r.asset_title or r.asset_id,
             translate("DashboardModel", "asked {date}").format(date=r.requested[:10]),
             r.requested,
             translate("DashboardModel",
                       "{name} asked to release this secret asset; a second person approves"
                       ).format(name=r.requested_by),
             "assets", r.asset_id, True)
        for r in approvals
    ]
    for e in board.embargoes:
        what = (translate("DashboardModel", "launch") if e.kind == "campaign"
                else word(e.sensitivity or "asset"))
        detail = f"{e.lifts_display} · {what}"
        if e.awaiting_approval:
            detail += translate("DashboardModel", " · release awaiting approval")
        section = "campaigns" if e.kind == "campaign" else "assets"
        items.append(Item(EMBARGOES, f"{e.kind}:{e.id}", e.title, _days(e.days_left), e.lifts,
                          detail, section, e.id, e.overdue))
    for x in board.expiries:
        what = word("agreement") if x.kind == "agreement" else x.detail
        items.append(Item(EXPIRIES, f"{x.kind}:{x.agreement_id}:{x.expires}", x.title,
                          _days(x.days_left), x.expires,
                          f"{x.expires_display} · {what} · {', '.join(x.party_names)}",
                          "agreements", x.agreement_id, x.days_left <= 7))
    for g in board.exceptions:
        items.append(Item(EXCEPTIONS, g.id, f"{g.party_name} → {g.target_title}", word(g.level),
                          g.granted, g.exception_reason or "", "access",
                          f"{g.party_id}|{g.target_id}", True))
    for o in board.outbound_exceptions:
        title = translate("DashboardModel", "{recipient} ← copy of {asset}").format(
            recipient=o.party_name, asset=o.asset_title)
        detail = translate(
            "DashboardModel", "owner override by {name}: {reason} · bypassed: {rules}"
        ).format(name=o.created_by, reason=o.reason, rules=o.bypassed)
        items.append(Item(EXCEPTIONS, o.id, title, o.created[:10], o.created, detail,
                          "shares", "", True))
    for f in board.failed_unlocks:
        who = translate("DashboardModel", "{user} on {device}").format(user=f.user, device=f.device)
        items.append(Item(UNLOCKS, str(f.seq), who, f.time[:16].replace(
            "T", " "), f.time, f.reason, "audit", str(f.seq), True))
    for i in board.incidents:
        items.append(Item(INCIDENTS, i.id, i.title, i.opened[:10], i.opened,
                          translate("DashboardModel", "opened by {name}").format(
                              name=i.opened_by), "incidents", i.id, True))
    return items


class DashboardModel(RecordTableModel[Item]):
    columns = (
        Column[Item](
            QT_TRANSLATE_NOOP("Column", "What"), lambda i: i.title, tooltip=lambda i: i.detail
        ),
        Column[Item](
            QT_TRANSLATE_NOOP("Column", "When"),
            lambda i: i.when, sort=lambda i: i.sort, tooltip=lambda i: i.detail,
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_item_key, parent=parent)

    def count(self, card: str) -> int:
        return sum(1 for i in self.records() if i.card == card)

    def extra_data(self, record: Item, column: int, role: int) -> Any:
        if role == CARD_ROLE:
            return record.card
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and record.warning:
            return QBrush(WARNING)
        return None


def _item_key(item: Item) -> str:
    return item.key
