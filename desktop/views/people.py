"""People: who can unlock the vault, with their role; add, new password, remove (owners only).

Removing a person rotates every key they held: the vault is re-encrypted under new keys, so a
copy of the old keys (or of their slot) opens nothing written afterwards. The dialog says so
before and after, and shows a busy bar while the vault thread works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import word
from sealroom.desktop.tasks import people as people_tasks
from sealroom.desktop.views.person_dialog import PersonDialog, role_note
from sealroom.desktop.widgets import forms as common
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.workers import Task, TaskFunction, VaultRunner
from sealroom.vault.users import User


class PeopleDialog(QDialog):
    def __init__(self, runner: VaultRunner, me: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.setWindowTitle(self.tr("People"))
        self.setMinimumSize(560, 380)
        heading = QLabel(self.tr("People who can unlock this vault"))
        heading.setObjectName("sectionTitle")
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("May")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("People"))
        self.table.currentItemChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add a person…"))
        self.add_button.clicked.connect(self.add_person)
        self.password_button = QPushButton(self.tr("New &password…"))
        self.password_button.clicked.connect(self.change_password)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setToolTip(self.tr("Remove the person and rotate every key they held"))
        self.remove_button.clicked.connect(self.remove_person)
        for button in (self.add_button, self.password_button, self.remove_button):
            button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("muted")
        self.busy = busy_bar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 18, 22, 18)
        column.addWidget(heading)
        column.addWidget(self.table, 1)
        column.addLayout(row)
        column.addWidget(self.status)
        column.addWidget(self.busy)
        column.addWidget(self.buttons)
        self.person_dialog: PersonDialog | None = None
        self._task: Task | None = None
        self.load()

    # -- the list ------------------------------------------------------------------------------

    def load(self) -> None:
        self._run(people_tasks.list_people)
        assert self._task is not None
        self._task.done.connect(self._listed)

    def _listed(self, people: list[User]) -> None:
        current = self.selected()
        self.table.clear()
        for user in sorted(people, key=lambda u: (u.role.value != "owner", u.name)):
            name = (self.tr("{name} (you)").format(name=user.name) if user.name == self.me
                    else user.name)
            item = QTreeWidgetItem([name, word(user.role.value, True),
                                    role_note(user.role.value)])
            item.setData(0, Qt.ItemDataRole.UserRole, user.name)
            self.table.addTopLevelItem(item)
            if user.name == current:
                self.table.setCurrentItem(item)
        for column in range(2):
            self.table.resizeColumnToContents(column)
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in items if item is not None]

    def names(self) -> list[str]:
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in self._items()]

    def select(self, name: str) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.table.setCurrentItem(item)

    def selected(self) -> str | None:
        item = self.table.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self, *args: object) -> None:
        name = self.selected()
        working = self._task is not None
        self.add_button.setEnabled(not working)
        self.password_button.setEnabled(not working and name is not None)
        self.remove_button.setEnabled(not working and name is not None and name != self.me)

    # -- changes -------------------------------------------------------------------------------

    def add_person(self) -> None:
        self._open(PersonDialog(self.runner, None, self))

    def change_password(self) -> None:
        name = self.selected()
        if name is not None:
            self._open(PersonDialog(self.runner, name, self))

    def _open(self, dialog: PersonDialog) -> None:
        self.person_dialog = dialog
        dialog.saved.connect(self._person_saved)
        dialog.open()

    def _person_saved(self, result: object) -> None:
        dialog = self.person_dialog
        if isinstance(result, User):
            self.status.setText(self.tr("Added {name} as {role}.").format(
                name=result.name, role=word(result.role.value)))
        elif dialog is not None and dialog.person is not None:
            self.status.setText(
                self.tr("{name} has a new password.").format(name=dialog.person))
        self.load()

    def remove_person(self) -> None:
        name = self.selected()
        if name is None or name == self.me:
            return
        if not common.confirm(
            self,
            self.tr("Remove a person"),
            self.tr(
                "Remove {name} from this vault?\n\nEvery key {name} held is rotated: the vault is "
                "re-encrypted under new keys and everyone else's key slot is renewed, so a copy "
                "of the old keys opens nothing written from now on. This takes a moment."
            ).format(name=name),
            self.tr("Remove and rotate keys"),
        ):
            return
        self.status.setText(
            self.tr("Removing {name} and rotating the vault's keys…").format(name=name))
        self._run(people_tasks.remove_person, name)
        assert self._task is not None
        self._task.done.connect(self._removed)

    def _removed(self, name: str) -> None:
        self.status.setText(self.tr(
            "Removed {name}. The vault's keys were rotated: everything is encrypted under new "
            "keys, and the old ones open nothing written from now on."
        ).format(name=name))
        self.load()

    # -- running -------------------------------------------------------------------------------

    def _run(self, fn: TaskFunction, *args: object) -> None:
        self._task = self.runner.submit(fn, *args)
        self._task.failed.connect(self._failed)
        self._task.finished.connect(self._finished)
        self.busy.show()
        self._update_buttons()

    def _finished(self) -> None:
        if self.sender() is not self._task:
            return  # an earlier task; the one running now ends later
        self._task = None
        self.busy.hide()
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self.status.setText(common.one_line(message))
