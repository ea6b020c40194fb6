"""The Leak tracing screen: drop or choose suspect files; see which recipient each came from.

A recipient is named only when the vault's odds that an innocent recipient would match as well
are below its threshold; otherwise the verdict is "no confident match", never a guess.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.tracing import (
    TraceModel,
    TraceRow,
    alignment_text,
    links_text,
    odds_text,
)
from sealroom.desktop.tasks import incidents as incident_tasks
from sealroom.desktop.tasks import protect as protect_tasks
from sealroom.desktop.tasks.protect import TraceResult
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.vault.incidents import Incident

SUSPECT_FILTER = QT_TRANSLATE_NOOP(
    "TracingView", "Images and PDFs (*.png *.jpg *.jpeg *.webp *.pdf);;All files (*)")


class TracingView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Leak tracing")
    new_label = QT_TRANSLATE_NOOP("Section", "Trace suspect files…")
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "Drop a leaked image, screenshot or PDF here, or press Ctrl+N.\n\n"
            "Sealroom finds which asset it shows and tests the fingerprint of every share of it.",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.traces = TraceModel()
        super().__init__(ctx, self.traces)
        self.setAcceptDrops(True)
        self.set_column_widths({0: 170, 1: 130, 3: 120, 4: 120}, stretch=2)
        self.add_button(self.tr("Trace…"), self.new_item, self.tr("Trace suspect files (Ctrl+N)"))
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.busy = busy_bar()
        self.toolbar.insertWidget(1, self.status)
        self.toolbar.insertWidget(2, self.busy)
        self.facts = common.Facts(
            [
                QT_TRANSLATE_NOOP("Facts", "Verdict"),
                QT_TRANSLATE_NOOP("Facts", "Finding"),
                QT_TRANSLATE_NOOP("Facts", "Asset"),
                QT_TRANSLATE_NOOP("Facts", "Page"),
                QT_TRANSLATE_NOOP("Facts", "Named"),
                QT_TRANSLATE_NOOP("Facts", "Shares"),
                QT_TRANSLATE_NOOP("Facts", "Candidates"),
                QT_TRANSLATE_NOOP("Facts", "Considered"),
                QT_TRANSLATE_NOOP("Facts", "Alignment"),
                QT_TRANSLATE_NOOP("Facts", "File"),
            ],
            self.tr("Select a traced file to see the evidence."),
        )
        self.asset_button = QPushButton(self.tr("Open the asset"))
        self.asset_button.clicked.connect(self.open_asset)
        self.facts.add_button(self.asset_button)
        self.incident_button = QPushButton("Open incident")
        self.incident_button.setToolTip("Open a leak case from this result (Incidents screen)")
        self.incident_button.clicked.connect(self.open_incident)
        self.incident_button.setEnabled(False)
        self.facts.add_button(self.incident_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self._count = 0

    def load(self) -> None:
        super().load()  # the results of this session stay until the vault locks

    def clear(self) -> None:
        self.traces.clear()
        self.status.clear()
        self.busy.hide()
        super().clear()

    def new_item(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Suspect files to trace"), "", self.tr(SUSPECT_FILTER)
        )
        self.trace([Path(f) for f in files])

    def trace(self, paths: list[Path]) -> None:
        if not paths:
            return
        self.busy.show()
        self.status.setText(self.tr("Tracing…"))
        task = self.run(protect_tasks.trace_files, paths, done=self._traced, failed=self._failed)
        task.said.connect(self._said)

    def _said(self, text: str) -> None:
        self.status.setText(text[:1].upper() + text[1:] + "…")

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.status.clear()
        self.show_error(message)

    def _traced(self, result: TraceResult) -> None:
        self.busy.hide()
        self.status.clear()
        for report in result.reports:
            self._count += 1
            row = TraceRow(
                key=f"trace-{self._count}",
                report=report,
                asset_title=result.asset_titles.get(report.asset_id or "", report.asset_id or ""),
                accused_names=tuple(result.party_names.get(p, p) for p in report.accused),
                candidate_names=tuple(
                    result.party_names.get(c.party_id, c.party_id) for c in report.candidates
                ),
            )
            self.traces.add_record(row)
            self.select_key(row.key)

    def show_detail(self, key: str | None) -> None:
        row = self.traces.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            self.asset_button.setEnabled(False)
            self.incident_button.setEnabled(False)
            return
        r = self.traces.record(row)
        report = r.report
        candidates = [
            self.tr("{name}: score {score}, false-match odds {odds}").format(
                name=name, score=f"{c.score:.1f}", odds=odds_text(c.p_false))
            for name, c in zip(r.candidate_names, report.candidates, strict=True)
        ]
        self.facts.show_values(
            r.file_name,
            {
                "Verdict": word(report.verdict) + (f" ({report.error})" if report.error else ""),
                "Finding": report.summary or "—",
                "Asset": r.asset_title or "—",
                "Page": str(report.page or "—"),
                "Named": ", ".join(r.accused_names) or self.tr("nobody (no confident match)"),
                "Shares": "\n\n".join(links_text(name, c) for name, c in r.linked) or "—",
                "Candidates": "\n".join(candidates[:5]) or "—",
                "Considered": "\n".join(
                    f"{c.title}"
                    + (f" page {c.page}" if c.page > 1 else "")
                    + (f": {c.shares} shares tested" if c.shares else ": no shares issued")
                    for c in report.considered
                )
                or "—",
                "Alignment": alignment_text(report.alignment),
                "File": report.suspect,
            },
        )
        self.asset_button.setEnabled(bool(report.asset_id))
        self.incident_button.setEnabled(bool(report.asset_id))

    def open_asset(self) -> None:
        keys = self.selected_keys()
        row = self.traces.row_of(keys[0]) if keys else -1
        if row >= 0 and self.traces.record(row).report.asset_id:
            self.ctx.go("assets", str(self.traces.record(row).report.asset_id))

    def open_incident(self) -> None:
        """One click: the selected result becomes a leak case, shown on the Incidents screen."""
        keys = self.selected_keys()
        row = self.traces.row_of(keys[0]) if keys else -1
        if row >= 0 and self.traces.record(row).report.asset_id:
            report = self.traces.record(row).report
            self.run(incident_tasks.open_from_trace, [report], done=self._incident_opened)

    def _incident_opened(self, incident: Incident) -> None:
        self.ctx.go("incidents", incident.id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.trace(paths)
