"""A create/edit dialog that saves through a vault call and shows the use-case's message under
the field it is about. Subclasses build the form and say which widget shows which of the
use-case's inputs (`fields`); a refusal names its input in `InvalidInputError.field`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.widgets.forms import Form
from sealroom.desktop.workers import Task, TaskFunction, VaultRunner


class RecordDialog(QDialog):
    saved = Signal(object)
    """The record as the vault stored it."""

    def __init__(self, runner: VaultRunner, title: str, save_label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.setMinimumWidth(500)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.form = Form()
        self.busy = busy_bar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_label)
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter saves, even when Cancel has the focus
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(22, 18, 22, 18)
        self.column.addWidget(heading)
        self.column.addWidget(self.form)
        self.column.addWidget(self.busy)
        self.column.addWidget(self.buttons)
        self.form.clear_errors()
        self.origin: object | None = None
        """The screen that opened the dialog: it shows the saved record itself, so the
        `vault_changed` the save causes does not make it read everything again."""
        self.fields: dict[str, QWidget] = {}
        """The widget of each input of the use-case, by the input's name (the `field` an
        `InvalidInputError` carries); a refusal without a known field shows above the form."""

    def load_choices(self, fn: TaskFunction, *args: Any) -> None:
        """Fetch what the form offers (parties, campaigns) before it can be saved."""
        self._set_busy(True)
        task = self.runner.submit(fn, *args)
        task.done.connect(self._choices_loaded)
        task.failed.connect(self._failed)

    def _choices_loaded(self, choices: Any) -> None:
        self._set_busy(False)
        self.fill(choices)
        self.form.focus_first()

    def fill(self, choices: Any) -> None:
        """Put the fetched choices into the form."""

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        """The vault call that saves the form, and its arguments."""
        raise NotImplementedError

    def submit(self) -> None:
        self.form.clear_errors()
        fn, args = self.save_call()
        self._set_busy(True)
        self._task: Task = self.runner.submit(fn, *args)
        self._task.origin = self.origin
        self._task.done.connect(self._saved)
        self._task.failed.connect(self._failed)

    def _saved(self, record: object) -> None:
        self._set_busy(False)
        self.saved.emit(record)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        task = getattr(self, "_task", None)
        if not self.handle_failure(message, task.error_type if task is not None else None):
            field = task.error_field if task is not None else None
            self.form.set_error(self.fields.get(field) if field else None, message)
        self.adjustSize()  # room for the message

    def handle_failure(self, message: str, error_type: type[BaseException] | None) -> bool:
        """A subclass's own reaction to a refusal (True: handled)."""
        return False

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.form.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        if not busy:
            self.save_button.setDefault(True)
