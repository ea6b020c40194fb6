"""Numbered schema upgrades: `content_NNNN_*.sql` for vault.db, `audit_NNNN_*.sql` for audit.db.

A released migration is never edited; a change to the schema is a new, higher-numbered file, and
`tests/data/` keeps a vault written by each released schema that the newest code must open.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Migration:
    database: str
    version: int
    name: str
    sql: str


def migrations_for(database: str) -> list[Migration]:
    found = []
    for entry in resources.files(__package__).iterdir():
        name = entry.name
        if not (name.startswith(f"{database}_") and name.endswith(".sql")):
            continue
        version = int(name.split("_")[1])
        found.append(Migration(database, version, name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{database} migrations are not numbered 1..n")
    return found
