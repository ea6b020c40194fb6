"""Verify vault: every database page, blob, audit event and checkpoint, on the vault thread,
with a progress bar and Cancel; the result in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.tasks import maintenance
from sealroom.desktop.widgets.forms import one_line
from sealroom.desktop.workers import Task, VaultRunner
from sealroom.vault.errors import Cancelled
from sealroom.vault.verify import VerifyReport


class VerifyDialog(QDialog):
    def __init__(self, runner: VaultRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Verify vault"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("Verify vault"))
        heading.setObjectName("sectionTitle")
        note = QLabel(self.tr(
            "Reads every encrypted page and file and checks the audit log's tamper-evident "
            "chain. The check is recorded in the audit log."
        ))
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.status = QLabel(self.tr("Starting…"))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Close
        )
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 18, 22, 18)
        column.addWidget(heading)
        column.addWidget(note)
        column.addWidget(self.status)
        column.addWidget(self.bar)
        column.addWidget(self.problems, 1)
        column.addWidget(self.buttons)
        self.report: VerifyReport | None = None
        self.task: Task | None = self.runner.submit(maintenance.verify_vault)
        self.task.progressed.connect(self._progressed)
        self.task.said.connect(self.status.setText)
        self.task.done.connect(self._verified)
        self.task.failed.connect(self._failed)

    @property
    def running(self) -> bool:
        return self.task is not None

    def _progressed(self, done: int, total: int) -> None:
        if self.bar.maximum() != total:
            self.bar.setRange(0, total)
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.task is None:
            self.reject()
            return
        self.task.cancel()
        self.status.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Esc or closing the window cancels a check still running."""
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def _verified(self, report: VerifyReport) -> None:
        self.report = report
        checked = self.tr("{events} audit events, {checkpoints} checkpoints").format(
            events=report.events_checked, checkpoints=report.checkpoints_checked)
        if report.content_checked:
            checked = self.tr("{files} encrypted files, {rest}").format(
                files=report.blobs_checked, rest=checked)
        if report.ok:
            self.status.setText(self.tr("The vault is intact: checked {checked}.").format(
                checked=checked))
        else:
            count = len(report.problems)
            if count == 1:
                text = self.tr("Found 1 problem (checked {checked}). Keep a backup of the vault "
                               "folder before changing anything.")
            else:
                text = self.tr("Found {n} problems (checked {checked}). Keep a backup of the "
                               "vault folder before changing anything.")
            self.status.setText(text.format(n=count, checked=checked))
            self.problems.setPlainText("\n".join(report.problems))
            self.problems.show()
        self._finish()

    def _failed(self, message: str) -> None:
        stopped = self.task is not None and self.task.error_type is Cancelled
        self.status.setText(self.tr("Verification cancelled; nothing was recorded.") if stopped
                            else one_line(message))
        self._finish()

    def _finish(self) -> None:
        self.task = None
        whole = max(self.bar.maximum(), 1)
        self.bar.setRange(0, whole)
        self.bar.setValue(whole)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
