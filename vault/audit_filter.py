"""Narrowing the audit log: period, person, action, party, asset, outcome, run in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sealroom.vault.store import contains_pattern


@dataclass(frozen=True)
class AuditFilter:
    """Which events to list; an empty field does not narrow. Times are ISO 8601 UTC prefixes
    (`since` inclusive, `until` exclusive); `party` and `asset` match the event's object or an
    id named in its public text; `person` is the actor's user name."""

    since: str = ""
    until: str = ""
    person: str = ""
    action: str = ""
    party: str = ""
    asset: str = ""
    outcome: str = ""

    def clauses(self) -> tuple[list[str], list[Any]]:
        """SQL conditions (joined with AND) and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.since:
            where.append("time >= ?")
            params.append(self.since)
        if self.until:
            where.append("time < ?")
            params.append(self.until)
        for column, value in (
            ("actor", self.person), ("action", self.action), ("outcome", self.outcome)
        ):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        for value in (self.party, self.asset):
            if value:
                where.append("(object = ? OR reason LIKE ? ESCAPE '\\')")
                params += [value, contains_pattern(value)]
        return where, params

    @property
    def empty(self) -> bool:
        return self == AuditFilter()


NO_FILTER = AuditFilter()
