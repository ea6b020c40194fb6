"""The Audit log screen: every event, newest first, read a page at a time as you scroll, with
filters run in the vault, the chain's status and Export.

Export calls the signed audit bundle (`export_audit_bundle` below is the one hook); until that
use-case is part of the vault the button stays disabled and says why.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.audit import AuditModel
from sealroom.desktop.models.table import SourceProxy
from sealroom.desktop.tasks import audit as tasks
from sealroom.desktop.tasks.audit import ChainStatus, FilterChoices
from sealroom.desktop.views.audit_filters import AuditFilterBar, ChainLabel
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.desktop.workers import EVERYTHING
from sealroom.vault.audit_bundle.export import ExportResult
from sealroom.vault.audit_filter import AuditFilter


class AuditView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Audit log")
    watches = frozenset({EVERYTHING})
    """Every change is an event in the log."""
    empty_text = QT_TRANSLATE_NOOP("Section", "The audit log is empty.")
    split = (74, 26)

    def __init__(self, ctx: SectionContext) -> None:
        self.log = AuditModel()
        super().__init__(ctx, self.log, SourceProxy())
        self.proxy.setParent(self)
        self.serve_pages(self.log, tasks.audit_page)
        self.log.modelReset.connect(self._show_count)
        self.log.rowsInserted.connect(self._show_count)
        self.log.rowsRemoved.connect(self._show_count)
        self.search.setPlaceholderText(self.tr("Search the log (Ctrl+F)"))
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.toolbar.insertWidget(1, self.count)
        self.add_button(
            self.tr("Refresh"),
            self.load,
            self.tr("Show events added since the log was opened (F5)"),
        )
        self.export_button = self.add_button(
            self.tr("Export…"),
            self.export,
            self.tr("Write the signed bundle an auditor checks with `sealroom audit verify`"),
        )
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.toolbar.addWidget(self.progress)
        self.filters = AuditFilterBar()
        self.filters.changed.connect(self._filter)
        self.chain = ChainLabel()
        page = self.layout()
        assert isinstance(page, QVBoxLayout)
        page.insertWidget(1, self.filters)
        page.insertWidget(2, self.chain)
        # The log is read newest first a page at a time; it keeps that order.
        self.table.setSortingEnabled(False)
        self.set_column_widths({0: 56, 1: 150, 2: 90, 3: 120, 4: 150, 5: 74}, stretch=6)
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Sequence"), QT_TRANSLATE_NOOP("Facts", "Time (UTC)"),
             QT_TRANSLATE_NOOP("Facts", "Who"), QT_TRANSLATE_NOOP("Facts", "Role"),
             QT_TRANSLATE_NOOP("Facts", "Device"), QT_TRANSLATE_NOOP("Facts", "App"),
             QT_TRANSLATE_NOOP("Facts", "Action"), QT_TRANSLATE_NOOP("Facts", "Object"),
             QT_TRANSLATE_NOOP("Facts", "Outcome"), QT_TRANSLATE_NOOP("Facts", "Detail")],
            self.tr("Select an event to see all of it.\n\nEach event is a leaf of a signed "
                    "Merkle tree: `sealroom verify` proves none was changed or removed."),
        )
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)

    def load(self) -> None:
        super().load()
        self.run(tasks.audit_size, done=self._sized)
        self.run(tasks.filter_choices, done=self._choices)
        self.run(tasks.chain_status, done=self._chain)

    def _choices(self, choices: FilterChoices) -> None:
        self.filters.set_choices(choices)

    def _chain(self, status: ChainStatus) -> None:
        self.chain.show_status(status)

    def _filter(self, where: AuditFilter) -> None:
        self.log.set_filter(where)

    def export(self, parent: Path | None = None) -> None:
        """Write the signed audit bundle into a new folder inside the chosen one."""
        if parent is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the audit bundle")
            )
            if not chosen:
                return
            parent = Path(chosen)
        out = parent / f"sealroom-audit-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}"
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        task = self.run(tasks.export_bundle, out, done=self._exported, failed=self._export_failed)
        task.progressed.connect(self._export_progress)

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _exported(self, result: ExportResult) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.ctx.messages.show_info(self.tr("Exported {count} events to {folder}").format(
            count=f"{result.exported:,}", folder=result.folder))

    def _export_failed(self, message: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.show_error(message)

    def _sized(self, size: int) -> None:
        self.log.start(size)

    def _show_count(self, *args: object) -> None:
        shown, size = self.log.total, self.log.size
        if not self.log.active:
            self.count.clear()
        elif self.log.search_text or not self.log.where.empty:
            self.count.setText(self.tr("{shown} of {size} events match").format(
                shown=f"{shown:,}", size=f"{size:,}"))
        else:
            self.count.setText(self.tr("{size} events").format(size=f"{size:,}"))

    def clear(self) -> None:
        self.log.clear()
        self.chain.clear()
        super().clear()

    def show_detail(self, key: str | None) -> None:
        e = self.log.record_of(key) if key else None
        if e is None:
            self.facts.show_values(None, {})
            return
        self.facts.show_values(
            f"{e.action} {e.object}".strip(),
            {
                "Sequence": str(e.seq),
                "Time (UTC)": e.time,
                "Who": e.actor,
                "Role": word(e.role),
                "Device": e.device,
                "App": e.app_version,
                "Action": e.action,
                "Object": e.object or "—",
                "Outcome": word(e.outcome),
                "Detail": e.reason or "—",
            },
        )
