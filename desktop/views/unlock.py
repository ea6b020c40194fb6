"""Unlocking a vault: who, the password, and a busy bar while the key is derived off-thread.

Key derivation (Argon2id, about half a second by design) runs on the vault thread; the dialog
stays responsive and shows a wrong password under the password field. "Remember on this
computer" (shown only when the OS keychain works) keeps the person's password wrapped under a
device secret from the keychain (`sealroom.vault.remember`); no compartment key is ever stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from sealroom.vault import remember
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
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setToolTip(self.tr(
            "Keeps your password wrapped under a secret in this computer's keychain, so that "
            "this vault unlocks here without typing it"))
        self.remember.setVisible(remember.keychain_usable())
        self.remember.toggled.connect(self._remember_toggled)
        self.remembered = False
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
        column.addWidget(self.remember)
        column.addWidget(self.busy)
        column.addWidget(self.buttons)
        self.form.clear_errors()
        self._task: Task | None = None
        self._typed: str | None = None
        self._load_users(user)
        self.user.currentTextChanged.connect(self._user_chosen)
        self._user_chosen(self.user.currentText())
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

    def _slot(self) -> str:
        return remember.vault_slot(self.folder, self.user.currentText())

    def _user_chosen(self, _name: str) -> None:
        usable = self.remember.isVisibleTo(self)
        self._set_remembered(usable and remember.is_remembered(self._slot()))

    def _set_remembered(self, remembered: bool) -> None:
        self.remembered = remembered
        self.remember.blockSignals(True)
        self.remember.setChecked(remembered)
        self.remember.blockSignals(False)
        self.password.setPlaceholderText("remembered on this computer" if remembered else "")

    def _remember_toggled(self, on: bool) -> None:
        if not on and self.remembered:
            remember.forget(self._slot())
            self._set_remembered(False)

    def _keep(self) -> bool:
        return self.remember.isVisibleTo(self) and self.remember.isChecked()

    def submit(self) -> None:
        password = self.password.text()
        if not password and self.remembered and self._keep():
            recalled = remember.recall(self._slot())
            if recalled is None:
                remember.forget(self._slot())
                self._set_remembered(False)
            else:
                password = recalled.decode()
                recalled[:] = bytes(len(recalled))
        if not password:
            self.form.set_error(self.password, self.tr("Type your password"))
            return
        self.form.clear_errors()
        self._set_busy(True)
        self._typed = password if self._keep() else None
        task = self.runner.open(
            tasks.unlock_vault, self.folder, self.user.currentText(), password
        )
        task.done.connect(self._unlocked)
        task.failed.connect(self._failed)
        self._task = task

    def _unlocked(self, vault: object) -> None:
        self._set_busy(False)
        if self._typed is not None:
            remember.remember(self._slot(), self._typed.encode())
        self._typed = None
        self.password.clear()
        self.accept()
        self.unlocked.emit()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self._typed = None
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
