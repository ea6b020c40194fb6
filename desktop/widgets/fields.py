"""Input widgets the create/edit dialogs share: a checkable list of records, a date-time field.

Dates are typed as text and parsed by the vault's rules (`sealroom.vault.when`): a date, or a
date and time in this computer's zone, or with an explicit offset or zone name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from sealroom.vault.when import local_zone_name

ID_ROLE = Qt.ItemDataRole.UserRole


class CheckList(QListWidget):
    """Records to tick (parties, campaigns); `checked()` gives the ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(132)
        self.setAlternatingRowColors(True)

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        ticked = set(checked)
        self.clear()
        for key, label in items:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked
            )
            self.addItem(item)

    def checked(self) -> tuple[str, ...]:
        return tuple(
            str(self.item(row).data(ID_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, key: str, on: bool = True) -> None:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == key:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.item(row).setCheckState(state)


def browse_row(field: QLineEdit, browse: Callable[[], None]) -> QWidget:
    """A path field with its Browse… button, as one form row."""
    button = QPushButton(QCoreApplication.translate("Fields", "Browse…"))
    button.setAutoDefault(False)
    button.clicked.connect(browse)
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(field, 1)
    line.addWidget(button)
    return row


class _Choices(QAbstractListModel):
    """(id, label) pairs behind a `RecordCombo`: set in one step, however many there are."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []
        self._rows: dict[str, int] = {}

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._items = items
        self._rows = {key: row for row, (key, _) in enumerate(items)}
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return self._rows.get(key, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        key, label = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == ID_ROLE:
            return key
        return None


class RecordCombo(QComboBox):
    """One record (or none) to choose, e.g. a campaign's brand, or one asset of 100k."""

    def __init__(self, none_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none = none_label
        self._choices = _Choices(self)
        self.setModel(self._choices)

    def set_items(self, items: Iterable[tuple[str, str]], current: str | None = None) -> None:
        listed = [("", self._none)] if self._none is not None else []
        listed.extend(items)
        self._choices.set_items(listed)
        self.setCurrentIndex(max(self._choices.row_of(current or ""), 0))

    def value(self) -> str | None:
        data = self.currentData(ID_ROLE)
        return str(data) if data else None


class WhenField(QLineEdit):
    """A date or date-time as typed; the vault parses it (see `sealroom.vault.when`)."""

    def __init__(self, example: str = "2026-03-01 09:00", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = local_zone_name()
        self.setPlaceholderText(
            self.tr("{example}  (a date, or date and time in {zone})").format(
                example=example, zone=self.zone)
        )
        self.setToolTip(
            self.tr("A date (2026-03-01), a date and time in this computer's zone "
                    "({zone}), or with a zone: 2026-03-01 09:00 Europe/Paris, "
                    "2026-03-01T09:00+01:00").format(zone=self.zone)
        )
