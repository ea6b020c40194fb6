"""A list of records to tick with a filter box and tick-all, for long lists (200 recipients)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.widgets.fields import ID_ROLE, CheckList

MAX_LIST_HEIGHT = 220


class FilteredCheckList(QWidget):
    changed = Signal()
    """The set of ticked records changed."""

    def __init__(self, filter_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(filter_hint)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = CheckList()
        self.list.setMaximumHeight(MAX_LIST_HEIGHT)
        self.list.setAccessibleName(filter_hint)
        self.list.itemChanged.connect(self._item_changed)
        tick = QPushButton(self.tr("Tick all shown"))
        tick.setAutoDefault(False)
        tick.clicked.connect(self.tick_shown)
        clear = QPushButton(self.tr("Untick all"))
        clear.setAutoDefault(False)
        clear.clicked.connect(self.untick_all)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(tick)
        top.addWidget(clear)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(self.list)

    def set_items(self, items: list[tuple[str, str]], ticked: set[str]) -> None:
        """(id, text) of each record; those in `ticked` start ticked, at the top."""
        with QSignalBlocker(self.list):
            self.list.set_items(sorted(items, key=lambda item: item[0] not in ticked), ticked)
        self._filter(self.filter.text())
        self.changed.emit()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def ticked(self) -> list[str]:
        return list(self.list.checked())

    def set_ticked(self, keys: set[str]) -> None:
        with QSignalBlocker(self.list):
            for item in self.items():
                on = str(item.data(ID_ROLE)) in keys
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.changed.emit()

    def tick_shown(self) -> None:
        shown = {str(i.data(ID_ROLE)) for i in self.items() if not i.isHidden()}
        self.set_ticked(shown | set(self.ticked()))

    def untick_all(self) -> None:
        self.set_ticked(set())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self.items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.changed.emit()
