"""Creating a vault: where, its name, the first owner and a password (checked by the vault)."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.widgets.fields import browse_row
from sealroom.desktop.widgets.forms import Form
from sealroom.desktop.workers import VaultRunner
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.users import check_new_password

SUFFIX = ".sealroom"


class CreateVaultDialog(QDialog):
    created = Signal(object)
    """The new vault's folder (`Path`); the runner now holds the vault, unlocked."""

    def __init__(self, runner: VaultRunner, parent: QWidget, location: Path | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Create a vault"))
        self.setMinimumWidth(500)
        title = QLabel(self.tr("Create a vault"))
        title.setObjectName("sectionTitle")
        hint = QLabel(
            self.tr("Everything in the vault is encrypted with a key only your password opens. "
            "There is no recovery without it: keep it in your password manager.")
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.form = Form()
        self.location = QLineEdit(str(location or Path.home() / "Documents"))
        where = browse_row(self.location, self._browse)
        self.name = QLineEdit(self.tr("Work"))
        self.user = QLineEdit(_login_name())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add(self.tr("&Location"), where)
        self.form.add(self.tr("Vault &name"), self.name)
        self.form.add(self.tr("&Your name"), self.user)
        self.form.add(self.tr("&Password"), self.password)
        self.form.add(self.tr("&Repeat password"), self.repeat)
        self._location_field = where
        self.busy = busy_bar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create vault"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(self.form)
        column.addWidget(self.busy)
        column.addWidget(self.buttons)
        self.form.clear_errors()
        self.password.setFocus()

    @property
    def folder(self) -> Path:
        name = self.name.text().strip()
        if not name.endswith(SUFFIX):
            name += SUFFIX
        return Path(self.location.text().strip()).expanduser() / name

    def _browse(self) -> None:
        here = self.location.text()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to keep the vault"), here)
        if folder:
            self.location.setText(folder)

    def submit(self) -> None:
        self.form.clear_errors()
        if not self._fields_ok():
            return
        self._set_busy(True)
        task = self.runner.open(
            tasks.create_vault, self.folder, self.user.text().strip(), self.password.text()
        )
        task.done.connect(self._created)
        task.failed.connect(self._failed)

    def _fields_ok(self) -> bool:
        location = Path(self.location.text().strip()).expanduser()
        if not self.location.text().strip() or not location.is_dir():
            self.form.set_error(self._location_field, self.tr("Choose an existing folder"))
            return False
        if not self.name.text().strip() or "/" in self.name.text():
            self.form.set_error(self.name, self.tr("Give the vault a name (no slashes)"))
            return False
        if self.folder.exists():
            self.form.set_error(
            self.name, self.tr("{name} already exists here").format(name=self.folder.name))
            return False
        if not self.user.text().strip():
            self.form.set_error(self.user, self.tr("Your name is how the audit log records you"))
            return False
        try:
            check_new_password(self.password.text())
        except InvalidInputError as exc:
            self.form.set_error(self.password, str(exc))
            return False
        if self.repeat.text() != self.password.text():
            self.form.set_error(self.repeat, self.tr("The two passwords differ"))
            return False
        return True

    def _created(self, vault: object) -> None:
        self._set_busy(False)
        for field in (self.password, self.repeat):
            field.clear()
        self.accept()
        self.created.emit(self.folder)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.form.set_error(None, message)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.form.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        for field in (self.password, self.repeat):
            field.clear()
        super().reject()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
