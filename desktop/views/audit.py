"""The Audit log screen: every event, newest first, fetched a page at a time as you scroll."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from sealroom.desktop.models import tasks
from sealroom.desktop.models.audit import AuditModel
from sealroom.desktop.views import common
from sealroom.desktop.views.section import SectionContext, TableSection


class AuditView(TableSection):
    title = "Audit log"
    empty_text = "The audit log is empty."
    split = (74, 26)

    def __init__(self, ctx: SectionContext) -> None:
        self.log = AuditModel()
        super().__init__(ctx, self.log)
        self.log.page_wanted.connect(self._want_page)
        self.search.setPlaceholderText("Search loaded events (Ctrl+F)")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.toolbar.insertWidget(1, self.count)
        self.add_button("Refresh", self.load, "Show events added since the log was opened (F5)")
        # The log arrives newest first a page at a time; sorting a million rows through the
        # proxy would freeze the window, so the table keeps the log's order.
        self.table.setSortingEnabled(False)
        self.set_column_widths({0: 56, 1: 150, 2: 90, 3: 120, 4: 150, 5: 74}, stretch=6)
        self.facts = common.Facts(
            ["Sequence", "Time (UTC)", "Who", "Role", "Device", "App", "Action", "Object",
             "Outcome", "Detail"],
            "Select an event to see all of it.\n\nEach event is a leaf of a signed Merkle tree: "
            "`sealroom verify` proves none was changed or removed.",
        )
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)

    def load(self) -> None:
        super().load()
        self.run(tasks.audit_size, done=self._sized)

    def _sized(self, size: int) -> None:
        self.count.setText(f"{size:,} events")
        self.log.start(size)

    def _want_page(self, top_seq: int, offset: int, count: int) -> None:
        self.run(tasks.audit_page, top_seq, offset, count, done=self._page, failed=self._no_page)

    def _page(self, page: tasks.AuditPage) -> None:
        self.log.add_page(page.top_seq, page.offset, page.events)

    def _no_page(self, message: str) -> None:
        self.log.page_failed()
        self.show_error(message)

    def clear(self) -> None:
        self.log.clear()
        self.count.clear()
        super().clear()

    def show_detail(self, key: str | None) -> None:
        row = self.log.row_of_seq(int(key)) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            return
        e = self.log.event_at(row)
        self.facts.show_values(
            f"{e.action} {e.object}".strip(),
            {
                "Sequence": str(e.seq),
                "Time (UTC)": e.time,
                "Who": e.actor,
                "Role": e.role,
                "Device": e.device,
                "App": e.app_version,
                "Action": e.action,
                "Object": e.object or "—",
                "Outcome": e.outcome,
                "Detail": e.reason or "—",
            },
        )
