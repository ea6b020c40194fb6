"""The thin indeterminate bar a dialog or screen shows while the vault thread works."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(QCoreApplication.translate("BusyBar", "Working"))
    bar.hide()
    return bar
