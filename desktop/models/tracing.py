"""The leak-tracing results of this session: one row per suspect file traced.

The vault records each trace in the audit log; the reports themselves are kept only here, in
memory, and dropped when the vault locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.widgets.colours import IDENTIFIED, WARNING
from sealroom.vault.protect.trace import SuspectReport, TraceCandidate


@dataclass(frozen=True)
class TraceRow:
    key: str
    report: SuspectReport
    asset_title: str
    accused_names: tuple[str, ...]
    candidate_names: tuple[str, ...]

    @property
    def file_name(self) -> str:
        return Path(self.report.suspect).name

    @property
    def verdict_text(self) -> str:
        """The verdict, with the near miss in plain words when nobody is named."""
        miss = self.report.near_miss
        if miss is not None:
            return translate("Tracing", "Likely {name}, not proven").format(
                name=miss.party_name or miss.party_id
            )
        return word(self.report.verdict, True)

    @property
    def best_odds(self) -> float:
        return self.report.candidates[0].p_false if self.report.candidates else 1.0

    @property
    def linked(self) -> list[tuple[str, TraceCandidate]]:
        """(name, candidate) of each accused recipient's best share, or of the near miss."""
        names = dict(zip(
            (c.share_id for c in self.report.candidates), self.candidate_names, strict=False
        ))
        found = list(self.report.accused_candidates)
        if self.report.near_miss is not None:
            found.append(self.report.near_miss)
        return [(names.get(c.share_id) or c.party_name or c.party_id, c) for c in found]


def links_text(name: str, candidate: TraceCandidate) -> str:
    """The share a named recipient or the near miss holds and what it was issued under, a fact
    a line: share code, date and issuer, package, grant, NDA or the owner's override."""
    links = candidate.links
    if links is None:
        return translate("Tracing", "{name}: share {id}").format(
            name=name, id=candidate.share_id
        )
    lines = [
        translate("Tracing", "{name}: share {code} ({id})").format(
            name=name, code=links.share_code, id=links.share_id
        ),
        translate("Tracing", "Issued {date} by {person}").format(
            date=short_time(links.issued), person=links.issued_by
        ),
    ]
    if links.package_id:
        lines.append(translate("Tracing", "In share package {id}").format(id=links.package_id))
    if links.revoked:
        lines.append(translate("Tracing", "Revoked {date}").format(date=short_time(links.revoked)))
    if not links.recorded:
        lines.append(translate("Tracing", "Grant and NDA not recorded (an older share)"))
        return "\n".join(lines)
    if links.exception_id:
        lines.append(
            translate("Tracing", "Owner's override {id}").format(id=links.exception_id)
        )
    if links.grant_id:
        target = ", ".join(
            t for t in (word(links.grant_level) if links.grant_level else "", links.grant_target)
            if t
        )
        lines.append(
            translate("Tracing", "Grant {id} ({target})").format(id=links.grant_id, target=target)
            if target
            else translate("Tracing", "Grant {id}").format(id=links.grant_id)
        )
    elif not links.exception_id:
        lines.append(translate("Tracing", "No grant recorded"))
    if links.nda_id:
        lines.append(
            translate("Tracing", "NDA {id} ({title})").format(
                id=links.nda_id, title=links.nda_title
            )
            if links.nda_title
            else translate("Tracing", "NDA {id}").format(id=links.nda_id)
        )
    elif links.exception_id:
        lines.append(translate("Tracing", "No NDA"))
    else:
        lines.append(translate("Tracing", "No NDA needed"))
    return "\n".join(lines)


def alignment_text(alignment: dict[str, float] | None) -> str:
    """How the suspect was laid over the asset, in words: matching points, how much of the
    file the asset fills, mirrored or not, and how exact the fine alignment is."""
    if not alignment:
        return "—"
    parts = []
    points = int(alignment.get("inliers", 0))
    if points:
        parts.append(translate("Tracing", "{n} matching points").format(n=points))
    else:
        parts.append(translate("Tracing", "matched by its overall look (no matching points)"))
    if "coverage" in alignment:
        parts.append(translate("Tracing", "the asset fills {pct} % of the file").format(
            pct=f"{100 * alignment['coverage']:.0f}"))
    if alignment.get("mirrored"):
        parts.append(translate("Tracing", "mirrored"))
    if "correlation" in alignment:
        parts.append(translate("Tracing", "fine alignment {c} (1 is exact)").format(
            c=f"{alignment['correlation']:.2f}"))
    return "; ".join(parts)


def odds_text(p: float) -> str:
    """The chance an innocent recipient scores this high: '1 in 40', '< 1 in a billion'."""
    if p >= 0.5:
        return translate("TraceModel", "even or better")
    if p < 1e-9:
        return translate("TraceModel", "< 1 in a billion")
    return translate("TraceModel", "1 in {n}").format(n=f"{1 / p:,.0f}")


class TraceModel(RecordTableModel[TraceRow]):
    columns = (
        Column[TraceRow](
            QT_TRANSLATE_NOOP("Column", "Suspect file"),
            lambda r: r.file_name, tooltip=lambda r: r.report.suspect,
        ),
        Column[TraceRow](
            QT_TRANSLATE_NOOP("Column", "Verdict"),
            lambda r: r.verdict_text,
            tooltip=lambda r: r.report.summary,
        ),
        Column[TraceRow](QT_TRANSLATE_NOOP("Column", "Asset"), lambda r: r.asset_title),
        Column[TraceRow](
            QT_TRANSLATE_NOOP("Column", "Named"), lambda r: ", ".join(r.accused_names) or "—"
        ),
        Column[TraceRow](
            QT_TRANSLATE_NOOP("Column", "False match"),
            lambda r: odds_text(r.best_odds) if r.report.candidates else "—",
            sort=lambda r: r.best_odds,
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_row_key, parent=parent)

    def extra_data(self, record: TraceRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            if record.report.verdict == "identified":
                return QBrush(IDENTIFIED)
            if record.report.verdict == "unreadable" or record.report.near_miss is not None:
                return QBrush(WARNING)
        return None


def _row_key(row: TraceRow) -> str:
    return row.key
