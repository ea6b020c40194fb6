"""Small pieces every screen shares: forms with a message under each field, confirmation, the
one-line error bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def one_line(message: str) -> str:
    """Errors are shown on one line, whatever the use-case raised."""
    text = " ".join(message.split())
    return text[:1].upper() + text[1:] if text else QCoreApplication.translate(
        "MessageBar", "Something went wrong")


def ask_reason(parent: QWidget, title: str, text: str) -> str | None:
    """A short reason for the audit log, or None if the person cancelled."""
    reason, ok = QInputDialog.getText(parent, title, text)
    return reason if ok else None


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before a destructive action; the default button is the safe one."""
    cancel = QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, cancel, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


class Form(QWidget):
    """A form whose fields each have an error label right under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[QWidget, QLabel] = {}
        self._rows: dict[QWidget, QWidget] = {}
        self.general = error_label()
        self.layout_.addRow(self.general)

    def add(self, label: str, field: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, QComboBox):
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column.addWidget(field)
        error = error_label()
        column.addWidget(error)
        self._errors[field] = error
        title = QLabel(label)
        title.setBuddy(field)
        self.layout_.addRow(title, box)
        self._rows[field] = box
        return field

    def focus_first(self) -> None:
        """Put the focus in the first field a person can type in (after the form was busy)."""
        for field in self._errors:
            if field.isEnabled() and field.focusPolicy() != Qt.FocusPolicy.NoFocus:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.layout_.setRowVisible(self._rows[field], visible)

    def set_error(self, field: QWidget | None, message: str) -> None:
        """Show `message` under `field` (or above the form), and move the focus there."""
        label = self._errors.get(field) if field is not None else None
        target = label or self.general
        target.setText(one_line(message))
        target.show()
        if field is not None:
            field.setFocus()

    def error_of(self, field: QWidget | None) -> str:
        label = self._errors.get(field) if field is not None else self.general
        return label.text() if label is not None and label.isVisible() else ""

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general):
            label.clear()
            label.hide()


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class MessageBar(QFrame):
    """One line above the current screen: an error or a notice, until dismissed or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss (Esc)"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        row.addWidget(self.label)
        row.addWidget(close)
        self.hide()

    def show_error(self, message: str) -> None:
        self._show(one_line(message), "error")

    def show_info(self, message: str) -> None:
        self._show(one_line(message), "info")

    def _show(self, text: str, kind: str) -> None:
        self.label.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.label.clear()
        self.hide()


BUTTONS_PER_ROW = 2


class Facts(QWidget):
    """A detail pane: a title and label/value rows, values selectable for copying."""

    def __init__(self, names: list[str], placeholder: str) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.placeholder = QLabel(placeholder)
        self.placeholder.setObjectName("emptyState")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.rows = QFormLayout()
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for name in names:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            self.rows.addRow(QCoreApplication.translate("Facts", "{name}:").format(
                name=QCoreApplication.translate("Facts", name)), value)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addLayout(self.rows)
        self.buttons = QGridLayout()
        self.buttons.setColumnStretch(BUTTONS_PER_ROW, 1)
        body.addLayout(self.buttons)
        self._body = body
        body.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.placeholder, 1)
        column.addWidget(self.body, 1)
        self.show_values(None, {})

    def add_wide(self, widget: QWidget) -> None:
        """A widget under the buttons that takes the pane's remaining height (a preview)."""
        self._body.insertWidget(self._body.count() - 1, widget, 1)

    def add_button(self, button: QPushButton) -> None:
        """Buttons under the facts, a few per row so a narrow pane keeps their labels whole."""
        n = self.buttons.count()
        self.buttons.addWidget(button, n // BUTTONS_PER_ROW, n % BUTTONS_PER_ROW)

    def show_values(self, title: str | None, values: dict[str, str]) -> None:
        """Fill the rows; `title=None` shows the placeholder instead."""
        self.body.setVisible(title is not None)
        self.placeholder.setVisible(title is None)
        self.title.setText(title or "")
        for name, label in self.values.items():
            label.setText(values.get(name, ""))
