"""Starting the viewer on a package file (`sealroom open FILE`, or a double-click)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.desktop.views.preferences import Preferences
from sealroom.desktop.views.theme import Theme


def run_viewer(package: Path) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Sealroom")
    app.setOrganizationName("Sealroom")
    app.setDesktopFileName("sealroom")
    theme = Theme(app, Preferences().theme)
    window = ViewerWindow(package)
    window.setProperty("theme", theme)
    window.show()
    return int(app.exec())
