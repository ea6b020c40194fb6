"""Adding or editing a party. The vault's use-case validates; its message goes under the field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.widgets.forms import Form
from sealroom.desktop.workers import Task, VaultRunner
from sealroom.vault.parties.directory import PARTY_KINDS, Party


class PartyDialog(QDialog):
    saved = Signal(object)
    """The `Party` as the vault stored it."""

    def __init__(self, runner: VaultRunner, party: Party | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.party = party
        self.setWindowTitle(self.tr("Edit party") if party else self.tr("Add a person or company"))
        self.setMinimumWidth(440)
        self.form = Form()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Lumen Cosmetics or Ana Duarte"))
        self.kind = QComboBox()
        for kind in PARTY_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.com (optional)"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("optional"))
        self.handle = QLineEdit()
        self.handle.setPlaceholderText(self.tr("@handle on social media (optional)"))
        self.form.add(self.tr("&Name"), self.name)
        self.form.add(self.tr("&Kind"), self.kind)
        self.form.add(self.tr("&Email"), self.email)
        self.form.add(self.tr("&Organisation"), self.organisation)
        self.form.add(self.tr("&Handle"), self.handle)
        if party is not None:
            self.name.setText(party.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(party.kind)))
            self.email.setText(party.email or "")
            self.organisation.setText(party.organisation or "")
            self.handle.setText(party.mention or "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save") if party else self.tr("Add"))
        save.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.form)
        column.addWidget(self.buttons)
        self.form.clear_errors()
        self.inputs: dict[str, QWidget] = {
            "name": self.name,
            "kind": self.kind,
            "email": self.email,
            "handle": self.handle,
        }
        """The widget of each input of the use-case, by the `field` its refusals name."""
        self._task: Task | None = None
        self.origin: object | None = None
        """The screen that opened the dialog (see `RecordDialog.origin`)."""

    def fields(self) -> tasks.PartyFields:
        return tasks.PartyFields(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            email=self.email.text().strip(),
            organisation=self.organisation.text().strip(),
            handle=self.handle.text().strip(),
        )

    def submit(self) -> None:
        self.form.clear_errors()
        self.buttons.setEnabled(False)
        party_id = self.party.id if self.party else None
        self._task = self.runner.submit(tasks.save_party, party_id, self.fields())
        self._task.origin = self.origin
        self._task.done.connect(self._saved)
        self._task.failed.connect(self._failed)

    def _saved(self, party: Party) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(party)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        field = self._task.error_field if self._task is not None else None
        self.form.set_error(self.inputs.get(field) if field else None, message)
