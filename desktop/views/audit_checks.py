"""The auditor's two other screens: failed unlock attempts, and Verify (the whole log checked:
Merkle tree, signed checkpoints, their chain). Both need only the audit key."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate
from sealroom.desktop.models.audit import FailedUnlockModel
from sealroom.desktop.tasks import audit as tasks
from sealroom.desktop.views.section import SectionContext, SectionView, TableSection
from sealroom.vault.audit import AuditEvent
from sealroom.vault.verify import VerifyReport


class FailedUnlocksView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Failed unlocks")
    empty_text = QT_TRANSLATE_NOOP("Section", "No failed unlock attempt is recorded.")
    split = (80, 20)

    def __init__(self, ctx: SectionContext) -> None:
        self.attempts = FailedUnlockModel()
        super().__init__(ctx, self.attempts)
        self.proxy.setParent(self)
        self.add_button(self.tr("Refresh"), self.load, self.tr("Read the list again (F5)"))
        note = QLabel(self.tr(
            "An attempt made with a wrong password is written beside the vault and enters the "
            "signed log at the next unlock. Entries this device did not write are marked "
            "unverified."
        ))
        note.setWordWrap(True)
        note.setObjectName("muted")
        holder = QVBoxLayout(self.detail)
        holder.addWidget(note)
        holder.addStretch(1)

    def load(self) -> None:
        super().load()
        self.run(tasks.failed_unlocks, done=self._listed)

    def _listed(self, events: list[AuditEvent]) -> None:
        self.attempts.set_records(events)

    def clear(self) -> None:
        self.attempts.clear()
        super().clear()


class VerifyView(SectionView):
    title = QT_TRANSLATE_NOOP("Section", "Verify")

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__(ctx)
        heading = QLabel(translate("Section", self.title))
        heading.setObjectName("sectionTitle")
        intro = QLabel(self.tr(
            "Recompute the audit log's Merkle tree from its events and check every signed "
            "checkpoint and the chain between them. The check itself is recorded in the log."
        ))
        intro.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("&Verify the log"))
        self.verify_button.setObjectName("primary")
        self.verify_button.clicked.connect(self.verify)
        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setAccessibleName(self.tr("Verification result"))
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        for widget in (heading, intro, self.verify_button):
            column.addWidget(widget)
        column.addWidget(self.result, 1)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.setPlainText(self.tr("Checking…"))
        task = self.run(tasks.verify_log, done=self._verified, failed=self._failed)
        task.said.connect(self.result.appendPlainText)

    def _verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            text = self.tr(
                "OK: {events} events and {checkpoints} signed checkpoints check out."
            ).format(
                events=f"{report.events_checked:,}",
                checkpoints=f"{report.checkpoints_checked:,}",
            )
        else:
            text = self.tr("{n} problems found:").format(n=len(report.problems)) + "\n" + "\n".join(
                report.problems
            )
        self.result.setPlainText(text)

    def _failed(self, message: str) -> None:
        self.verify_button.setEnabled(True)
        self.result.setPlainText(message)
        self.show_error(message)

    def clear(self) -> None:
        self.result.clear()
        super().clear()
