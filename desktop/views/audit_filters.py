"""The Audit log's filter bar (period, person, action, party, asset, outcome) and chain status.

The filters are run by the vault in SQL (`vault.audit.AuditFilter`), over the whole log, not over
the rows already read.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.tasks.audit import ChainStatus, FilterChoices
from sealroom.vault.audit_filter import AuditFilter

ANY = ""


def _day(text: str) -> str:
    """A day typed as YYYY-MM-DD, or "" (empty or not a date)."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return ""


class AuditFilterBar(QWidget):
    changed = Signal(object)
    """The new `AuditFilter`, when Apply is pressed or a list changes."""

    def __init__(self) -> None:
        super().__init__()
        self.since = QLineEdit()
        self.since.setPlaceholderText(self.tr("From YYYY-MM-DD"))
        self.until = QLineEdit()
        self.until.setPlaceholderText(self.tr("To YYYY-MM-DD"))
        self.person = self._choice(self.tr("Person"), self.tr("Any person"))
        self.action = self._choice(self.tr("Action"), self.tr("Any action"))
        self.outcome = self._choice(self.tr("Outcome"), self.tr("Any outcome"))
        self.party = QLineEdit()
        self.party.setPlaceholderText(self.tr("Party id"))
        self.asset = QLineEdit()
        self.asset.setPlaceholderText(self.tr("Asset id"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply)
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.since, self.until, self.person, self.action, self.party, self.asset,
                       self.outcome, self.apply_button, self.reset_button):
            row.addWidget(widget)
        for line in (self.since, self.until, self.party, self.asset):
            line.setClearButtonEnabled(True)
            line.setMaximumWidth(140)
            line.returnPressed.connect(self.apply)
        for box in (self.person, self.action, self.outcome):
            box.activated.connect(self.apply)

    @staticmethod
    def _choice(name: str, any_text: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem(any_text, ANY)
        return box

    def set_choices(self, choices: FilterChoices) -> None:
        for box, values in ((self.person, choices.people), (self.action, choices.actions),
                            (self.outcome, choices.outcomes)):
            current = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(word(value) if box is self.outcome else value, value)
            box.setCurrentIndex(max(0, box.findData(current)))

    def current(self) -> AuditFilter:
        until = _day(self.until.text())
        return AuditFilter(
            since=_day(self.since.text()),
            # "To" names the last day shown: the filter stops at the start of the next.
            until=(date.fromisoformat(until) + timedelta(days=1)).isoformat() if until else "",
            person=str(self.person.currentData() or ""),
            action=str(self.action.currentData() or ""),
            party=self.party.text().strip(),
            asset=self.asset.text().strip(),
            outcome=str(self.outcome.currentData() or ""),
        )

    def apply(self) -> None:
        self.changed.emit(self.current())

    def reset(self) -> None:
        for line in (self.since, self.until, self.party, self.asset):
            line.clear()
        for box in (self.person, self.action, self.outcome):
            box.setCurrentIndex(0)
        self.apply()


def chain_text(status: ChainStatus) -> str:
    """The chain status in one or two lines."""
    if status.signed_size:
        signed = translate(
            "ChainLabel", "Signed head: {size} events, root {root}…, checkpoint of {time}"
        ).format(size=f"{status.signed_size:,}", root=status.signed_root[:16],
                 time=status.signed_time)
    else:
        signed = translate("ChainLabel", "No signed checkpoint yet")
    unsigned = status.size - status.signed_size
    text = translate("ChainLabel", "{signed} · {size} events now").format(
        signed=signed, size=f"{status.size:,}"
    )
    if unsigned:
        text += translate("ChainLabel", " ({n} since the last checkpoint)").format(
            n=f"{unsigned:,}"
        )
    for warning in status.warnings:
        text += f"\n⚠ {warning}"
    return text


class ChainLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("muted")
        self.setWordWrap(True)
        self.warning = False

    def show_status(self, status: ChainStatus) -> None:
        self.warning = bool(status.warnings)
        self.setText(chain_text(status))
