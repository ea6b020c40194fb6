"""Adding a person who can unlock the vault, or giving someone a new password (owners only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from sealroom.crypto.keyslots import Role
from sealroom.desktop.tasks import people as people_tasks
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner

ROLES = (
    (Role.MANAGER, "Manager: works with contracts and assets"),
    (Role.OWNER, "Owner: also manages who can unlock the vault"),
    (Role.AUDITOR, "Auditor: reads the audit log only, never contracts or assets"),
)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PersonDialog(RecordDialog):
    """Add a person (`name` None) or set a new password for `name`."""

    def __init__(self, runner: VaultRunner, name: str | None, parent: QWidget) -> None:
        title = f"New password for {name}" if name else "Add a person"
        super().__init__(runner, title, "Set password" if name else "Add", parent)
        self.person = name
        self.name = QLineEdit()
        self.name.setPlaceholderText("how the audit log names them, e.g. mira")
        self.role = QComboBox()
        for role, label in ROLES:
            self.role.addItem(label, role.value)
        self.password = _password_field()
        self.repeat = _password_field()
        if name is None:
            self.form.add("&Name", self.name)
            self.form.add("&Role", self.role)
        self.form.add("&Password", self.password)
        self.form.add("Re&peat", self.repeat)
        note = QLabel(
            "Deriving the key from the password takes a second or so; tell them the password "
            "in person, never in the same message as the vault."
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.column.insertWidget(self.column.indexOf(self.busy), note)
        self.fields = {"name": self.name, "password": self.password}

    def submit(self) -> None:
        if self.repeat.text() != self.password.text():
            self.form.clear_errors()
            self.form.set_error(self.repeat, "The two passwords differ")
            return
        super().submit()

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        if self.person is not None:
            return people_tasks.change_password, (self.person, self.password.text())
        fields = people_tasks.PersonFields(
            self.name.text(), str(self.role.currentData()), self.password.text()
        )
        return people_tasks.add_person, (fields,)

    def done(self, result: int) -> None:
        for field in (self.password, self.repeat):
            field.clear()
        super().done(result)
