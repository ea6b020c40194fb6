"""events.csv: one row per exported event, UTF-8 with a header, for spreadsheets.

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
leading apostrophe; events.jsonl stays the authoritative copy, byte for byte.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sealroom.vault.audit import COLUMN_NAMES, AuditEvent

HEADER = ("index", *COLUMN_NAMES, "sealed_detail")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


class EventWriter:
    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream)
        self._writer.writerow(HEADER)

    def write(self, index: int, event: AuditEvent) -> None:
        values = [getattr(event, name) for name in COLUMN_NAMES]
        self._writer.writerow([index, *(_cell(v) for v in values), "yes" if event.detail else "no"])
