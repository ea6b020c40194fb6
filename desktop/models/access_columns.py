"""The columns of the access matrix: campaigns, or assets (a vault may hold 100k of them).

Asset columns stay the vault's plain rows (`AssetTarget` tuples, which the garbage collector
does not track); a `Target` is made only for a column someone looks at (painted, selected).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import overload

from sealroom.desktop import i18n
from sealroom.vault.assets.targets import AssetTarget


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    """campaign or asset"""
    id: str
    title: str
    campaign_id: str | None = None
    detail: str = ""
    header: str = ""
    """Column header text (two short lines); made from the title when the column is shown."""
    campaign_name: str = ""
    """An asset's campaign, the header's second line."""


def asset_target(row: AssetTarget) -> Target:
    asset_id, title, campaign_id, campaign_name, sensitivity, embargoed = row
    embargo = i18n.translate("Target", " · embargoed") if embargoed else ""
    detail = sys.intern(i18n.word(sensitivity) + embargo)
    return Target("asset", asset_id, title, campaign_id, detail, "", campaign_name or "")


class Columns(Sequence[Target]):
    """The matrix's columns, with what painting a cell needs without making a `Target`."""

    def key(self, column: int) -> tuple[str, str | None]:
        """(target id, the campaign whose grants show in the column too, if any)."""
        target = self[column]
        return target.id, target.campaign_id if target.kind == "asset" else None

    def index_of(self, target_id: str) -> int | None:
        return next((c for c, found in enumerate(self.ids()) if found == target_id), None)

    def ids(self) -> Iterator[str]:
        return (t.id for t in self)


class TargetColumns(Columns):
    """A few columns (the campaigns), as `Target`s."""

    def __init__(self, targets: Sequence[Target] = ()) -> None:
        self._targets = list(targets)

    def __len__(self) -> int:
        return len(self._targets)

    @overload
    def __getitem__(self, index: int) -> Target: ...
    @overload
    def __getitem__(self, index: slice) -> list[Target]: ...
    def __getitem__(self, index: int | slice) -> Target | list[Target]:
        return self._targets[index]


class AssetColumns(Columns):
    """Asset columns, as the vault listed them; a `Target` is made for the one asked for."""

    def __init__(self, rows: list[AssetTarget]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Target: ...
    @overload
    def __getitem__(self, index: slice) -> list[Target]: ...
    def __getitem__(self, index: int | slice) -> Target | list[Target]:
        if isinstance(index, slice):
            return [asset_target(r) for r in self._rows[index]]
        return asset_target(self._rows[index])

    def key(self, column: int) -> tuple[str, str | None]:
        row = self._rows[column]
        return row[0], row[2]

    def index_of(self, target_id: str) -> int | None:
        try:
            return list(map(itemgetter(0), self._rows)).index(target_id)  # at C speed
        except ValueError:
            return None

    def ids(self) -> Iterator[str]:
        return (row[0] for row in self._rows)


def column_header(target: Target) -> str:
    """An asset's own title over its campaign's name (titles often repeat it); a campaign's
    name on two lines."""
    if target.header:
        return target.header
    if target.kind != "asset":
        return header_text(target.title)
    campaign = target.campaign_name
    title = target.title.removeprefix(f"{campaign}: ") if campaign else target.title
    first = shorten(title, 16)
    return f"{first}\n{shorten(campaign, 16)}" if campaign else first


def shorten(text: str, width: int) -> str:
    """Whole words that fit in `width` with "…" after them (as `textwrap.shorten` with that
    placeholder, at a tenth of its cost: a header view asks for 200 headers at each reset)."""
    words = text.split()
    line = " ".join(words)
    if len(line) <= width:
        return line
    kept = ""
    for word in words:
        longer = f"{kept} {word}" if kept else word
        if len(longer) + 1 > width:
            break
        kept = longer
    return kept + "…"


def header_text(title: str, width: int = 13) -> str:
    """A title on at most two lines of about `width` characters, for narrow columns."""
    lines = textwrap.wrap(title, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)
