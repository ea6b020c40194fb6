"""Unlocking a vault: who, the password, and a busy bar while the key is derived off-thread.

Key derivation (Argon2id, about half a second by design) runs on the vault thread; the dialog
stays responsive and shows a wrong password under the password field. The OS-keychain option
("remember on this computer") is not offered: it needs the `keyring` package with a working
backend and a vault use-case for device-wrapped unlock secrets, and neither is present.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.widgets.forms import Form
from sealroom.desktop.workers import Task, VaultRunner
from sealroom.vault.errors import SealroomError, WrongPasswordError
from sealroom.vault.layout import read_header


class UnlockDialog(QDialog):
    unlocked = Signal()
    other_vault_wanted = Signal()

    def __init__(
        self,
        runner: VaultRunner,
        folder: Path,
        parent: QWidget,
        user: str | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = folder
        self.setWindowTitle(self.tr("Unlock vault"))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("Unlock {name}").format(name=folder.name))
        title.setObjectName("sectionTitle")
        where = QLabel(str(folder.parent))
        where.setObjectName("muted")
        where.setWordWrap(True)
        self.form = Form()
        self.user = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.form.add(self.tr("&Person"), self.user)
        self.form.add(self.tr("Pass&word"), self.password)
        self.busy = busy_bar()
        self.buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.unlock_button = self.buttons.addButton(self.tr("&Unlock"), accept)
        self.other_button = QPushButton(self.tr("&Open another vault…"))
        self.other_button.setAutoDefault(False)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.submit)
        self.other_button.clicked.connect(self._other)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(title)
        column.addWidget(where)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            column.addWidget(note)
        column.addSpacing(6)
        column.addWidget(self.form)
        column.addWidget(self.busy)
        column.addWidget(self.buttons)
        self.form.clear_errors()
        self._task: Task | None = None
        self._load_users(user)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_users(self, preferred: str | None) -> None:
        try:
            names = [name for name, _ in read_header(self.folder).users()]
        except SealroomError as exc:
            self.form.set_error(None, str(exc))
            self.unlock_button.setEnabled(False)
            return
        for name in names:
            self.user.addItem(name)
        if preferred in names:
            self.user.setCurrentText(preferred)
        self.user.setEnabled(len(names) > 1)

    def submit(self) -> None:
        if not self.password.text():
            self.form.set_error(self.password, self.tr("Type your password"))
            return
        self.form.clear_errors()
        self._set_busy(True)
        task = self.runner.open(
            tasks.unlock_vault, self.folder, self.user.currentText(), self.password.text()
        )
        task.done.connect(self._unlocked)
        task.failed.connect(self._failed)
        self._task = task

    def _unlocked(self, vault: object) -> None:
        self._set_busy(False)
        self.password.clear()
        self.accept()
        self.unlocked.emit()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        if self._task is not None and self._task.error_type is WrongPasswordError:
            self.password.selectAll()
            self.form.set_error(self.password, message)
        else:
            self.form.set_error(None, message)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.password, self.user, self.buttons):
            widget.setEnabled(not busy)
        if not busy:
            self.user.setEnabled(self.user.count() > 1)

    def _other(self) -> None:
        self.reject()
        self.other_vault_wanted.emit()

    def reject(self) -> None:
        self.password.clear()
        super().reject()
