"""The dashboard: what needs attention now.

Embargoes lifting soon (and overdue ones nobody released), agreements and usage rights expiring
soon, grants that no NDA in force covers (overrides and grants whose NDA lapsed), copies issued
by an owner's override of the outbound rule, open incidents and recent failed unlock attempts.
Everything is computed at the moment asked (`now`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sealroom.vault.access.grants import Grant, query_grants
from sealroom.vault.agreements.records import KIND_LABELS, load_agreements
from sealroom.vault.incidents import ACTIVE_STATUSES
from sealroom.vault.protect.outbound import OutboundException, outbound_exceptions
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, from_stamp, now_utc, stamp

EMBARGO_DAYS = 14
EXPIRY_DAYS = 30
UNLOCK_DAYS = 30
OVERRIDE_DAYS = 30
AUDIT_SCHEMA = "audit"
"""Where `Vault` attaches audit.db for people who read content (the dashboard needs content)."""


@dataclass(frozen=True)
class EmbargoItem:
    kind: str
    """asset or campaign (a campaign's launch)."""
    id: str
    title: str
    campaign_id: str | None
    campaign_name: str | None
    sensitivity: str | None
    lifts: str
    zone: str
    lifts_display: str
    days_left: int
    """Whole days from now (negative: overdue)."""
    overdue: bool
    """The planned time has passed and the asset is still under embargo."""
    awaiting_approval: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ExpiryItem:
    kind: str
    """agreement, or usage (a usage right of an agreement)."""
    agreement_id: str
    agreement_kind: str
    title: str
    party_names: tuple[str, ...]
    expires: str
    zone: str
    expires_display: str
    days_left: int
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["party_names"] = list(self.party_names)
        return data


@dataclass(frozen=True)
class Incident:
    id: str
    title: str
    status: str
    asset_id: str | None
    opened: str
    opened_by: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FailedUnlock:
    seq: int
    time: str
    user: str
    device: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Dashboard:
    generated: str
    embargoes: tuple[EmbargoItem, ...]
    expiries: tuple[ExpiryItem, ...]
    exceptions: tuple[Grant, ...]
    incidents: tuple[Incident, ...]
    failed_unlocks: tuple[FailedUnlock, ...]
    outbound_exceptions: tuple[OutboundException, ...] = ()
    """Copies issued by an owner's override of the outbound rule, last `OVERRIDE_DAYS` days."""

    def to_json(self) -> dict[str, Any]:
        return {
            "generated": self.generated,
            "embargoes": [e.to_json() for e in self.embargoes],
            "expiries": [e.to_json() for e in self.expiries],
            "exceptions": [g.to_json() for g in self.exceptions],
            "incidents": [i.to_json() for i in self.incidents],
            "failed_unlocks": [f.to_json() for f in self.failed_unlocks],
            "outbound_exceptions": [x.to_json() for x in self.outbound_exceptions],
        }


def build_dashboard(
    vault: Vault,
    now: datetime | None = None,
    embargo_days: int = EMBARGO_DAYS,
    expiry_days: int = EXPIRY_DAYS,
    unlock_days: int = UNLOCK_DAYS,
) -> Dashboard:
    """Everything the dashboard shows, at `now`; one audit event per unlock."""
    vault.require_content("see the dashboard")
    moment = now or now_utc()
    board = Dashboard(
        generated=stamp(moment),
        embargoes=tuple(upcoming_embargoes(vault, moment, timedelta(days=embargo_days))),
        expiries=tuple(upcoming_expiries(vault, moment, timedelta(days=expiry_days))),
        exceptions=tuple(g for g in query_grants(vault, now=moment) if g.exception),
        incidents=tuple(open_incidents(vault)),
        failed_unlocks=tuple(failed_unlocks(vault, moment - timedelta(days=unlock_days))),
        outbound_exceptions=tuple(
            outbound_exceptions(vault, since=stamp(moment - timedelta(days=OVERRIDE_DAYS)))
        ),
    )
    vault.record_listing(  # a listing screen: once per unlock however often it refreshes
        "dashboard.view",
        reason=f"{len(board.embargoes)} embargoes, {len(board.expiries)} expiries, "
        f"{len(board.exceptions)} exceptions, "
        f"{len(board.outbound_exceptions)} copies by override",
    )
    return board


def _days_left(moment: datetime, when: str) -> int:
    return (from_stamp(when) - moment) // timedelta(days=1)


def upcoming_embargoes(vault: Vault, now: datetime, horizon: timedelta | None) -> list[EmbargoItem]:
    """Unreleased asset embargoes and campaign launches up to `now + horizon` (all if None).

    Asset embargoes already past their time are included as overdue; past launches are not.
    """
    until = stamp(now + horizon) if horizon is not None else "9999"
    pending = {
        r[0]
        for r in query(vault.conn, "SELECT asset_id FROM release_requests WHERE state='pending'")
    }
    items = []
    for row in query(
        vault.conn,
        "SELECT a.id, a.title, a.campaign_id, c.name, a.sensitivity, a.embargo_until,"
        " a.embargo_zone FROM assets a LEFT JOIN campaigns c ON c.id = a.campaign_id"
        " WHERE a.released IS NULL AND a.embargo_until IS NOT NULL AND a.embargo_until <= ?"
        " ORDER BY a.embargo_until, a.id",
        (until,),
    ):
        asset_id, title, campaign_id, campaign_name, sensitivity, lifts, zone = row
        when = When.stored(lifts, zone)
        days = _days_left(now, lifts)
        items.append(
            EmbargoItem(
                "asset",
                asset_id,
                title,
                campaign_id,
                campaign_name,
                sensitivity,
                lifts,
                when.zone,
                when.display(),
                days,
                when.utc < now,
                asset_id in pending,
            )
        )
    for campaign_id, name, launch, zone in query(
        vault.conn,
        "SELECT id, name, launch, launch_zone FROM campaigns"
        " WHERE launch IS NOT NULL AND launch >= ? AND launch <= ? ORDER BY launch, id",
        (stamp(now), until),
    ):
        when = When.stored(launch, zone)
        items.append(
            EmbargoItem(
                "campaign",
                campaign_id,
                name,
                campaign_id,
                name,
                None,
                launch,
                when.zone,
                when.display(),
                _days_left(now, launch),
                False,
            )
        )
    items.sort(key=lambda item: (item.lifts, item.kind, item.id))
    return items


def upcoming_expiries(
    vault: Vault, now: datetime, horizon: timedelta | None, include_past: bool = False
) -> list[ExpiryItem]:
    """Signed agreements and usage rights ending between `now` and `now + horizon`."""
    start = "" if include_past else stamp(now)
    until = stamp(now + horizon) if horizon is not None else "9999"
    items = []
    for agreement in load_agreements(vault, "status = 'signed'"):
        label = KIND_LABELS[agreement.kind]
        if agreement.expires is not None and start <= agreement.expires <= until:
            when = When.stored(agreement.expires, agreement.zone)
            items.append(
                ExpiryItem(
                    "agreement",
                    agreement.id,
                    agreement.kind,
                    agreement.title,
                    agreement.party_names,
                    agreement.expires,
                    agreement.zone,
                    when.display(),
                    _days_left(now, agreement.expires),
                    label,
                )
            )
        for right in agreement.usage_rights:
            if right.ends is None or not start <= right.ends.text <= until:
                continue
            items.append(
                ExpiryItem(
                    "usage",
                    agreement.id,
                    agreement.kind,
                    agreement.title,
                    agreement.party_names,
                    right.ends.text,
                    right.ends.zone,
                    right.ends.display(),
                    _days_left(now, right.ends.text),
                    f"usage rights: {', '.join(right.platforms)} in {right.territory}",
                )
            )
    items.sort(key=lambda item: (item.expires, item.agreement_id, item.kind))
    return items


def open_incidents(vault: Vault) -> list[Incident]:
    """Incidents still to act on (open or confirmed, see `vault.incidents`), newest first."""
    marks = ", ".join("?" for _ in ACTIVE_STATUSES)
    rows = query(
        vault.conn,
        "SELECT id, title, status, asset_id, opened, opened_by FROM incidents"
        f" WHERE status IN ({marks}) ORDER BY opened DESC, id",
        ACTIVE_STATUSES,
    )
    return [Incident(*r) for r in rows]


def failed_unlocks(vault: Vault, since: datetime, limit: int = 50) -> list[FailedUnlock]:
    """Failed unlock attempts recorded since `since`, newest first."""
    rows = query(
        vault.conn,
        f"SELECT seq, time, actor, device, reason FROM {AUDIT_SCHEMA}.events"
        " WHERE action = 'vault.unlock' AND outcome = 'failure' AND time >= ?"
        " ORDER BY seq DESC LIMIT ?",
        (stamp(since), limit),
    )
    return [FailedUnlock(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]
