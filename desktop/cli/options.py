"""Options and values several nouns share: dates with their zone, repeated ids."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sealroom.vault.when import When, local_zone_name, parse_when

DATE_HELP = (
    "Dates are ISO 8601: 2026-03-01 (a day, read in --zone or this computer's zone), "
    "2026-03-01T09:00+01:00 or '2026-03-01T09:00 Europe/Paris'. A time without an offset or "
    "zone name is refused unless --zone is given."
)


def zone_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--zone",
        metavar="ZONE",
        help=f"time zone for dates given without one (default for days: {local_zone_name()})",
    )


def many(parser: argparse.ArgumentParser, flag: str, metavar: str, help_text: str) -> None:
    parser.add_argument(
        flag, action="extend", nargs="+", default=[], metavar=metavar, help=help_text
    )


def when(args: argparse.Namespace, text: str | None, what: str, end: bool = False) -> When | None:
    """A date option parsed with the command's --zone; None if the option was not given."""
    if text is None:
        return None
    return parse_when(text, getattr(args, "zone", None), end_of_day=end, what=what)


def day(text: str | None) -> str:
    return text[:10] if text else "-"


def bounded(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else a usage error naming both."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {text}")
        return value

    return parse


DAYS = bounded(0, 36_500)
"""A number of days: up to a hundred years."""
