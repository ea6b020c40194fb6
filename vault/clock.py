"""The one clock of the vault and the one stored form of an instant.

Every writer takes "now" from `now_utc()` / `now_stamp()` and stores instants with `stamp()`:
UTC text `YYYY-MM-DDTHH:MM:SSZ` (whole seconds), which sorts and compares correctly in SQL. This
is the form the schema notes of `content_0002_domain.sql` describe, and it holds for every column
of every table, including `created` / `updated` and the audit log's event and checkpoint times.

Older vaults also hold instants written with milliseconds (`YYYY-MM-DDTHH:MM:SS.mmmZ`) in the
`created` / `updated` columns, the audit log and `unlock-failures.jsonl`. Those rows are never
rewritten (audit events are hashed into the Merkle tree as stored); `parse_stamp()` reads both
forms. Compared as text, an old `...:40.123Z` sorts just before a new `...:40Z` of the same
second, an ordering difference of under one second that nothing relies on.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

STORED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_STORED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def now_utc() -> datetime:
    """The current instant, UTC, to the whole second (the stored precision)."""
    return datetime.now(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    """The stored form of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def now_stamp() -> str:
    """The stored form of the current instant."""
    return stamp(now_utc())


def parse_stamp(text: str) -> datetime:
    """An aware UTC datetime from a stored instant, in the current or the older millisecond form."""
    if not _STORED.match(text):
        raise ValueError(f"not a stored instant: {text!r}")
    whole, _, fraction = text[:-1].partition(".")
    moment = datetime.strptime(whole, STORED_FORMAT[:-1]).replace(tzinfo=UTC)
    if fraction:
        moment = moment.replace(microsecond=int(fraction.ljust(6, "0")))
    return moment
