"""Dates typed by people: ISO 8601 with an offset or a zone name; naive times are refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.when import When, local_zone_name, parse_when, stamp


@pytest.mark.parametrize(
    ("text", "utc", "zone"),
    [
        ("2026-03-01T09:00+01:00", "2026-03-01T08:00:00Z", "+01:00"),
        ("2026-03-01T08:00Z", "2026-03-01T08:00:00Z", "UTC"),
        ("2026-07-01T09:00 Europe/Paris", "2026-07-01T07:00:00Z", "Europe/Paris"),
        ("2026-07-01T09:00[America/New_York]", "2026-07-01T13:00:00Z", "America/New_York"),
        ("2026-07-01 09:00 Asia/Tokyo", "2026-07-01T00:00:00Z", "Asia/Tokyo"),
        ("2026-07-01T09:00+02:00 Europe/Paris", "2026-07-01T07:00:00Z", "Europe/Paris"),
    ],
)
def test_instants_with_offset_or_zone(text: str, utc: str, zone: str) -> None:
    when = parse_when(text)
    assert (when.text, when.zone) == (utc, zone)


def test_a_day_is_its_start_or_its_end_in_the_given_zone() -> None:
    start = parse_when("2026-03-01", "Europe/Paris")
    end = parse_when("2026-03-01", "Europe/Paris", end_of_day=True)
    assert start.text == "2026-02-28T23:00:00Z"
    assert end.text == "2026-03-01T22:59:59Z"
    assert end.display() == "2026-03-01 23:59 Europe/Paris"


def test_a_day_without_zone_is_read_in_this_computers_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    assert local_zone_name() == "Asia/Kolkata"
    when = parse_when("2026-03-01")
    assert (when.text, when.zone) == ("2026-02-28T18:30:00Z", "Asia/Kolkata")


def test_a_time_without_zone_is_refused_unless_a_zone_is_given() -> None:
    with pytest.raises(InvalidInputError, match="has no time zone; add an offset or a zone name"):
        parse_when("2026-03-01T09:00", what="launch")
    assert parse_when("2026-03-01T09:00", "Europe/Paris").text == "2026-03-01T08:00:00Z"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-03-29T02:30 Europe/Paris", "does not exist in Europe/Paris"),
        ("2026-10-25T02:30 Europe/Paris", "happens twice in Europe/Paris"),
        ("2026-07-01T09:00+05:00 Europe/Paris", "offset does not match Europe/Paris"),
        ("2026-07-01T09:00 Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("next tuesday", "is not a date Sealroom understands"),
        ("2026-02-30", "is not a date Sealroom understands"),
        ("", "is empty"),
    ],
)
def test_impossible_or_ambiguous_input_is_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        parse_when(text)


def test_stored_form_round_trips_and_sorts() -> None:
    moment = datetime(2026, 3, 1, 8, 0, 5, tzinfo=UTC)
    when = When.stored(stamp(moment), "Europe/Paris")
    assert when.utc == moment
    assert when.display() == "2026-03-01 09:00 Europe/Paris"
    assert stamp(moment) < stamp(datetime(2026, 3, 1, 8, 0, 6, tzinfo=UTC))


def test_wall_clock_in_a_zone_for_date_pickers() -> None:
    assert When.at(datetime(2026, 7, 1, 9, 0), "Europe/Paris").text == "2026-07-01T07:00:00Z"
    with pytest.raises(InvalidInputError, match="does not exist"):
        When.at(datetime(2026, 3, 29, 2, 30), "Europe/Paris")
