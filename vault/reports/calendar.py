"""An iCalendar (RFC 5545) file of embargo lifts, launches and expiries, for any calendar app.

Written by hand (the format is small): CRLF lines folded at 75 octets, text escaped, times in
UTC. Embargo lifts and launches are 30-minute events at their instant; agreement expiries and
usage-right ends are all-day events on their date in the agreement's time zone. Each event's UID
is stable (`embargo-ast_...@sealroom`), so importing a newer export updates the same events.

The file leaves the vault unencrypted: with `redact`, titles are replaced by ids. Writing goes
to a temporary file first; an existing file is only replaced if it is itself a calendar.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.records import app_version
from sealroom.vault.reports.dashboard import upcoming_embargoes, upcoming_expiries
from sealroom.vault.session import Vault
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
    stamp_text = _utc(now or now_utc())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Sealroom//Sealroom {app_version()}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Sealroom embargoes and expiries",
    ]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp_text}"]
        if event.all_day:
            day = event.start.local().date()
            lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}")
            lines.append("TRANSP:TRANSPARENT")
        else:
            lines.append(f"DTSTART:{_utc(event.start.utc)}")
            lines.append(f"DTEND:{_utc(event.start.utc + timedelta(minutes=EVENT_MINUTES))}")
        lines.append(f"SUMMARY:{_escape(event.summary)}")
        lines.append(f"DESCRIPTION:{_escape(event.description)}")
        lines.append(f"CATEGORIES:{event.category}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) + b"\r\n" for line in lines)


def export_calendar(
    vault: Vault, out: Path, redact: bool = False, now: datetime | None = None
) -> int:
    """Write the calendar to `out`; return the number of events."""
    out = Path(out)
    if out.is_dir():
        raise InvalidInputError(f"{out} is a folder; name the .ics file to write", field="out")
    if out.exists() and not _is_calendar(out):
        raise InvalidInputError(
            f"{out} exists and is not a calendar; choose another name", field="out"
        )
    events = calendar_events(vault, now, redact)
    data = render_calendar(events, now)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with open(partial, "wb") as dst:
            dst.write(data)
            dst.flush()
            os.fsync(dst.fileno())
        with vault.transaction():
            detail = f"{len(events)} events to {out.name}" + (", redacted" if redact else "")
            vault.audit.append("calendar.export", reason=detail)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SealroomError(f"cannot write {out}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return len(events)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> bytes:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 section 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data
    parts: list[bytes] = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = 74  # continuation lines start with a space
    parts.append(data)
    return b"\r\n ".join(parts)


def _is_calendar(path: Path) -> bool:
    """Whether an existing file may be replaced: a regular file that starts as a calendar. Only
    its first bytes are read, and a FIFO or device is never read (nor waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.read(fd, 15) == b"BEGIN:VCALENDAR"
    finally:
        os.close(fd)
