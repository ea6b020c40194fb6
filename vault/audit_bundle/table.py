"""events.csv: one row per exported event, UTF-8 with a header, for spreadsheets.

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
leading apostrophe; events.jsonl stays the authoritative copy, byte for byte.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from sealroom.vault.audit import COLUMN_NAMES

HEADER = ("index", *COLUMN_NAMES, "sealed_detail")
assert COLUMN_NAMES[0] == "seq" and len(COLUMN_NAMES) == 10
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in _FORMULA and value:
        return "'" + value
    return value


class EventWriter:
    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream)
        self._writer.writerow(HEADER)

    def write(self, index: int, row: tuple[Any, ...]) -> None:
        """`row`: the EVENT_COLUMNS of one event, then whether its detail is sealed."""
        cells = [index, row[0], *[_cell(v) for v in row[1:10]], "yes" if row[10] else "no"]
        self._writer.writerow(cells)
