"""An iCalendar (RFC 5545) file of embargo lifts, launches and expiries, for any calendar app.

Written with `icalendar` (line folding, escaping and value types by the library), times in
UTC. Embargo lifts and launches are 30-minute events at their instant; agreement expiries and
usage-right ends are all-day events on their date in the agreement's time zone. Each event's UID
is stable (`embargo-ast_...@sealroom`), so importing a newer export updates the same events.

The file leaves the vault unencrypted: with `redact`, titles are replaced by ids. Written through
`exports` (a private partial file, then renamed); an existing file is only replaced if it is
itself a calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from sealroom.vault import exports
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.records import app_version
from sealroom.vault.reports.dashboard import upcoming_embargoes, upcoming_expiries
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection
from sealroom.vault.when import When, now_utc

EVENT_MINUTES = 30
PAST_DAYS = 90
"""Expiries up to this many days ago are kept in the calendar, for reference."""


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    description: str
    category: str
    """EMBARGO, LAUNCH, EXPIRY or USAGE-END."""
    start: When
    all_day: bool


def calendar_events(
    vault: Vault, now: datetime | None = None, redact: bool = False
) -> list[CalendarEvent]:
    """The events an export would hold (no audit event: `export_calendar` records one)."""
    vault.require_content("export the calendar")
    moment = now or now_utc()
    events: list[CalendarEvent] = []
    for item in upcoming_embargoes(vault, moment, None):
        title = item.id if redact else item.title
        if item.kind == "asset":
            campaign = "" if redact or not item.campaign_name else f" ({item.campaign_name})"
            events.append(
                CalendarEvent(
                    f"embargo-{item.id}@sealroom",
                    f"Embargo lifts: {title}{campaign}",
                    f"Asset {item.id}, {item.sensitivity}. Planned lift {item.lifts_display}; "
                    "the embargo holds until someone releases it in Sealroom.",
                    "EMBARGO",
                    When.stored(item.lifts, item.zone),
                    False,
                )
            )
        else:
            events.append(
                CalendarEvent(
                    f"launch-{item.id}@sealroom",
                    f"Launch: {title}",
                    f"Campaign {item.id} launches {item.lifts_display}.",
                    "LAUNCH",
                    When.stored(item.lifts, item.zone),
                    False,
                )
            )
    since = moment - timedelta(days=PAST_DAYS)
    for expiry in upcoming_expiries(vault, since, None):
        title = expiry.agreement_id if redact else expiry.title
        parties = "" if redact else f" with {', '.join(expiry.party_names)}"
        when = When.stored(expiry.expires, expiry.zone)
        if expiry.kind == "agreement":
            events.append(
                CalendarEvent(
                    f"expiry-{expiry.agreement_id}@sealroom",
                    f"Expires: {expiry.detail} {title}",
                    f"Agreement {expiry.agreement_id}{parties} expires {expiry.expires_display}.",
                    "EXPIRY",
                    when,
                    True,
                )
            )
        else:
            events.append(
                CalendarEvent(
                    f"usage-{expiry.agreement_id}-{expiry.expires}@sealroom",
                    f"Usage rights end: {title}",
                    f"Agreement {expiry.agreement_id}{parties}: {expiry.detail}, "
                    f"ending {expiry.expires_display}.",
                    "USAGE-END",
                    when,
                    True,
                )
            )
    return events


def render_calendar(events: list[CalendarEvent], now: datetime | None = None) -> bytes:
    """The .ics bytes for `events`."""
    stamped = (now or now_utc()).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//Sealroom//Sealroom {app_version()}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Sealroom embargoes and expiries")
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamped)
        if item.all_day:
            day = item.start.local().date()
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            start = item.start.utc.astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", [item.category])
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def export_calendar(
    vault: Vault, out: Path, redact: bool = False, now: datetime | None = None
) -> int:
    """Write the calendar to `out`; return the number of events."""
    out = Path(out)
    if out.is_dir() and not exports.is_link(out):
        raise InvalidInputError(f"{out} is a folder; name the .ics file to write", field="out")
    replace = exports.exists(out)
    if replace and not exports.read_head(out, 15).startswith(b"BEGIN:VCALENDAR"):
        raise InvalidInputError(
            f"{out} exists and is not a calendar; choose another name", field="out"
        )
    events = calendar_events(vault, now, redact)
    data = render_calendar(events, now)

    def record(_conn: Connection) -> None:
        detail = f"{len(events)} events to {out.name}" + (", redacted" if redact else "")
        vault.audit.append("calendar.export", reason=detail)

    exports.export_files(
        vault,
        [exports.data_output(out, data)],
        record,
        action="calendar.export",
        obj="",
        replace=replace,
    )
    return len(events)
