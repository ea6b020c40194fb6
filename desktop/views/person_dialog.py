"""Adding a person who can unlock the vault, or giving someone a new password (owners only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from sealroom.crypto.keyslots import Role
from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.tasks import people as people_tasks
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner

ROLES = (
    (Role.MANAGER, QT_TRANSLATE_NOOP("Role", "works with contracts and assets")),
    (Role.OWNER, QT_TRANSLATE_NOOP("Role", "also manages who can unlock the vault")),
    (Role.AUDITOR,
     QT_TRANSLATE_NOOP("Role", "reads the audit log only, never contracts or assets")),
)
"""(role, what it may do), the note translated where it is shown."""


def role_note(role: str) -> str:
    """What a person with `role` may do, in the GUI's language ("" for an unknown role)."""
    return next((translate("Role", note) for r, note in ROLES if r.value == role), "")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PersonDialog(RecordDialog):
    """Add a person (`name` None) or set a new password for `name`."""

    def __init__(self, runner: VaultRunner, name: str | None, parent: QWidget) -> None:
        title = (translate("PersonDialog", "New password for {name}").format(name=name) if name
                 else translate("PersonDialog", "Add a person"))
        save = (translate("PersonDialog", "Set password") if name
                else translate("PersonDialog", "Add"))
        super().__init__(runner, title, save, parent)
        self.person = name
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("how the audit log names them, e.g. mira"))
        self.role = QComboBox()
        for role, may in ROLES:
            label = self.tr("{role}: {note}").format(
                role=word(role.value, True), note=translate("Role", may))
            self.role.addItem(label, role.value)
        self.password = _password_field()
        self.repeat = _password_field()
        if name is None:
            self.form.add(self.tr("&Name"), self.name)
            self.form.add(self.tr("&Role"), self.role)
        self.form.add(self.tr("&Password"), self.password)
        self.form.add(self.tr("Re&peat"), self.repeat)
        note = QLabel(self.tr(
            "Deriving the key from the password takes a second or so; tell them the password "
            "in person, never in the same message as the vault."
        ))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.column.insertWidget(self.column.indexOf(self.busy), note)
        self.fields = {"name": self.name, "password": self.password}

    def submit(self) -> None:
        if self.repeat.text() != self.password.text():
            self.form.clear_errors()
            self.form.set_error(self.repeat, self.tr("The two passwords differ"))
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
