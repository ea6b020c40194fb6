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
        self.setWindowTitle("Verify vault")
        self.setMinimumWidth(520)
        heading = QLabel("Verify vault")
        heading.setObjectName("sectionTitle")
        note = QLabel(
            "Reads every encrypted page and file and checks the audit log's tamper-evident "
            "chain. The check is recorded in the audit log."
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.status = QLabel("Starting…")
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems found")
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
        self.status.setText("Cancelling…")
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Esc or closing the window cancels a check still running."""
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def _verified(self, report: VerifyReport) -> None:
        self.report = report
        checked = f"{report.events_checked} audit events, {report.checkpoints_checked} checkpoints"
        if report.content_checked:
            checked = f"{report.blobs_checked} encrypted files, " + checked
        if report.ok:
            self.status.setText(f"The vault is intact: checked {checked}.")
        else:
            count = len(report.problems)
            self.status.setText(
                f"Found {count} problem{'s' if count != 1 else ''} (checked {checked}). "
                "Keep a backup of the vault folder before changing anything."
            )
            self.problems.setPlainText("\n".join(report.problems))
            self.problems.show()
        self._finish()

    def _failed(self, message: str) -> None:
        stopped = self.task is not None and self.task.error_type is Cancelled
        self.status.setText("Verification cancelled; nothing was recorded." if stopped
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
