"""The Vault menu's own actions: People (owners), Verify vault, Export calendar, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from sealroom.desktop.tasks import maintenance
from sealroom.desktop.views.about import AboutDialog
from sealroom.desktop.views.people import PeopleDialog
from sealroom.desktop.views.verify_dialog import VerifyDialog
from sealroom.desktop.widgets.forms import MessageBar
from sealroom.desktop.workers import VaultRunner


class VaultMenu(QObject):
    def __init__(self, window: QWidget, runner: VaultRunner, messages: MessageBar) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.messages = messages
        self.people_action = self._action(self.tr("&People…"), self.show_people)
        self.people_action.setToolTip(self.tr("Who can unlock this vault (owners only)"))
        self.verify_action = self._action(self.tr("&Verify vault…"), self.verify)
        self.calendar_action = self._action(
            self.tr("Export &calendar…"), self.export_calendar)
        self.about_action = self._action(self.tr("&About Sealroom"), self.about)
        self.dialog: QDialog | None = None
        self._calendar_target = Path()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        """In menu order (About goes at the menu's end, after Quit's separator)."""
        return [self.people_action, self.verify_action, self.calendar_action]

    def update(self, unlocked: bool) -> None:
        """People is there for owners only; the vault's actions need it unlocked."""
        role = self.runner.identity()[1] if unlocked else ""
        self.people_action.setVisible(role == "owner")
        self.people_action.setEnabled(role == "owner")
        for action in (self.verify_action, self.calendar_action):
            action.setEnabled(unlocked)
        if not unlocked and self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self, result: int) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def show_people(self) -> None:
        if self.runner.identity()[1] == "owner":
            self._open(PeopleDialog(self.runner, self.runner.identity()[0], self.window))

    def verify(self) -> None:
        if self.runner.unlocked:
            self._open(VerifyDialog(self.runner, self.window))

    def about(self) -> None:
        self._open(AboutDialog(self.window))

    def export_calendar(self) -> None:
        if not self.runner.unlocked:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the calendar"),
            str(Path.home() / "sealroom.ics"),
            self.tr("Calendars (*.ics)"),
        )
        if chosen:
            self.export_calendar_to(Path(chosen))

    def export_calendar_to(self, target: Path) -> None:
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        task = self.runner.submit(maintenance.export_calendar, target)
        task.done.connect(self._exported)
        task.failed.connect(self.messages.show_error)
        self._calendar_target = target

    def _exported(self, count: int) -> None:
        target = self._calendar_target
        if count == 1:
            text = self.tr("Exported 1 date (embargoes, launches, expiries) to {file}")
        else:
            text = self.tr("Exported {n} dates (embargoes, launches, expiries) to {file}")
        self.messages.show_info(text.format(n=count, file=target.name))
