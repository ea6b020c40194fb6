"""Dates and times with a time zone: parsing what a person typed, storing UTC, showing local time.

Stored form: a UTC instant as text, `YYYY-MM-DDTHH:MM:SSZ` (sortable, comparable in SQL), plus
the zone name it was given in, for display. The rules for input (`parse_when`):

- `2026-03-01T09:00+01:00`, `2026-03-01T08:00Z`: an instant with an offset; the zone shown is
  the offset (`+01:00`) or `UTC`.
- `2026-03-01T09:00 Europe/Paris` or `2026-03-01T09:00[Europe/Paris]`: a wall-clock time in an
  IANA zone. A time that does not exist there (clocks jump forward) or happens twice (clocks go
  back) is refused with a message; give an offset instead.
- `2026-03-01T09:00` without a zone: refused, unless the caller passes a zone (a default
  the person chose). An embargo time read in the wrong zone is a leak, so we never guess for times.
- `2026-03-01` (a date): the start of that day, or the end of it (23:59:59) for expiry-like
  fields, in the given zone or else in this computer's zone (`local_zone_name`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sealroom.vault.errors import InvalidInputError

STORED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_BRACKET = re.compile(r"^(?P<stamp>[^\[\]]+)\[(?P<zone>[^\[\]]+)\]$")
_ZONE_TOKEN = re.compile(r"^(UTC|GMT|[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+)$")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    """The stored form of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def from_stamp(text: str) -> datetime:
    return datetime.strptime(text, STORED_FORMAT).replace(tzinfo=UTC)


def zone_of(name: str) -> tzinfo:
    """The tzinfo for a stored zone name: an IANA name, `UTC` or a fixed offset like `+01:00`."""
    if name in ("UTC", "Z", "GMT"):
        return UTC
    if _OFFSET.match(name):
        sign = -1 if name[0] == "-" else 1
        hours, minutes = int(name[1:3]), int(name[4:6])
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInputError(
            f"unknown time zone '{name}'; use a name like Europe/Paris or an offset like +01:00"
        ) from None


def local_zone_name() -> str:
    """This computer's IANA zone name: from $TZ, /etc/localtime or /etc/timezone, else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    timezone_file = Path("/etc/timezone")
    if timezone_file.exists():
        candidates.append(timezone_file.read_text(encoding="utf-8", errors="replace").strip())
    for name in candidates:
        if not name:
            continue
        try:
            zone_of(name)
        except InvalidInputError:
            continue
        return name
    return "UTC"


@dataclass(frozen=True, order=True)
class When:
    """An instant (`utc`, aware) and the zone it is shown in."""

    utc: datetime
    zone: str

    def __post_init__(self) -> None:
        if self.utc.tzinfo is None:
            raise ValueError("When needs an aware datetime")

    @classmethod
    def stored(cls, utc_text: str, zone: str | None) -> When:
        return cls(from_stamp(utc_text), zone or "UTC")

    @classmethod
    def at(cls, wall: datetime, zone: str) -> When:
        """A wall-clock time in a zone (for the GUI's date-time pickers); gaps and folds refused."""
        return cls(_localize(wall.replace(tzinfo=None), zone, wall.isoformat()), zone)

    @property
    def text(self) -> str:
        return stamp(self.utc)

    def local(self) -> datetime:
        return self.utc.astimezone(zone_of(self.zone))

    def display(self) -> str:
        """For people: `2026-03-01 09:00 Europe/Paris`."""
        return f"{self.local():%Y-%m-%d %H:%M} {self.zone}"

    def date_display(self) -> str:
        return f"{self.local():%Y-%m-%d}"


def display(utc_text: str | None, zone: str | None) -> str | None:
    """The display form of a stored instant, or None."""
    if not utc_text:
        return None
    return When.stored(utc_text, zone).display()


def parse_when(
    text: str,
    zone: str | None = None,
    *,
    end_of_day: bool = False,
    what: str = "date",
    field: str | None = None,
) -> When:
    """Parse a date or date-time a person typed (see the module's rules). `what` names the field
    in messages; `field` is the input's name carried by the error (`InvalidInputError.field`)."""
    try:
        return _parse_when(text, zone, end_of_day, what)
    except InvalidInputError as exc:
        if field is None or exc.field is not None:
            raise
        raise InvalidInputError(str(exc), field=field) from None


def _parse_when(text: str, zone: str | None, end_of_day: bool, what: str) -> When:
    raw = text.strip()
    if not raw:
        raise InvalidInputError(f"the {what} is empty")
    stamp_text, named_zone = _split_zone(raw)
    if named_zone is not None:
        zone_of(named_zone)
    if _looks_like_date(stamp_text):
        try:
            day = date.fromisoformat(stamp_text)
        except ValueError:
            raise InvalidInputError(_format_message(raw, what)) from None
        zone_name = named_zone or zone or local_zone_name()
        wall = datetime.combine(day, time(23, 59, 59) if end_of_day else time(0, 0))
        return When(_localize(wall, zone_name, raw, lenient=True), zone_name)
    try:
        moment = datetime.fromisoformat(stamp_text.replace(" ", "T"))
    except ValueError:
        raise InvalidInputError(_format_message(raw, what)) from None
    moment = moment.replace(microsecond=0)
    if moment.tzinfo is not None:
        offset = moment.utcoffset()
        assert offset is not None
        if named_zone is not None:
            expected = moment.astimezone(zone_of(named_zone)).utcoffset()
            if expected != offset:
                raise InvalidInputError(
                    f"{raw}: the offset does not match {named_zone} at that time; "
                    "give either an offset or a zone name"
                )
            return When(moment.astimezone(UTC), named_zone)
        return When(moment.astimezone(UTC), _offset_name(offset))
    time_zone = named_zone or zone
    if time_zone is None:
        raise InvalidInputError(
            f"the {what} {raw} has no time zone; add an offset or a zone name, "
            f"e.g. {stamp_text}+01:00 or '{stamp_text} Europe/Paris'"
        )
    return When(_localize(moment, time_zone, raw), time_zone)


def _split_zone(raw: str) -> tuple[str, str | None]:
    bracket = _BRACKET.match(raw)
    if bracket:
        return bracket["stamp"].strip(), bracket["zone"].strip()
    parts = raw.split()
    if len(parts) >= 2 and _ZONE_TOKEN.match(parts[-1]):
        return " ".join(parts[:-1]), parts[-1]
    return raw, None


def _looks_like_date(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def _format_message(raw: str, what: str) -> str:
    return (
        f"'{raw}' is not a {what} Sealroom understands; use ISO 8601, "
        "e.g. 2026-03-01, 2026-03-01T09:00+01:00 or '2026-03-01T09:00 Europe/Paris'"
    )


def _offset_name(offset: timedelta) -> str:
    if offset == timedelta(0):
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _localize(wall: datetime, zone_name: str, raw: str, *, lenient: bool = False) -> datetime:
    """Attach a zone to a wall-clock time, refusing times that do not exist or happen twice."""
    zone = zone_of(zone_name)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if back != wall:  # in a gap: the clocks jumped over this time
            if lenient:
                return second.astimezone(UTC)
            raise InvalidInputError(
                f"{raw} does not exist in {zone_name} (the clocks move forward then); "
                "choose another time"
            )
        if not lenient:
            raise InvalidInputError(
                f"{raw} happens twice in {zone_name} (the clocks move back then); "
                "give the offset instead, e.g. "
                f"{first.isoformat(timespec='minutes')} or {second.isoformat(timespec='minutes')}"
            )
    return first.astimezone(UTC)
