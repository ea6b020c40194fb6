"""Light and dark themes: the Fusion style, a palette, and a style sheet from sealroom.resources.

With the "system" preference the theme follows `QStyleHints.colorScheme()` and changes when the
system's does.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

LIGHT = {
    "window": "#f6f7f9",
    "base": "#ffffff",
    "alt": "#f1f3f6",
    "text": "#1d2330",
    "muted": "#6b7385",
    "button": "#ffffff",
    "highlight": "#3b5bdb",
    "highlight_text": "#ffffff",
    "link": "#3b5bdb",
}
DARK = {
    "window": "#1b1e24",
    "base": "#22262e",
    "alt": "#272b34",
    "text": "#e6e8ee",
    "muted": "#9aa2b1",
    "button": "#2b3039",
    "highlight": "#5c7cfa",
    "highlight_text": "#ffffff",
    "link": "#91a7ff",
}


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _palette(colours: dict[str, str]) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    c = {k: QColor(v) for k, v in colours.items()}
    p.setColor(role.Window, c["window"])
    p.setColor(role.WindowText, c["text"])
    p.setColor(role.Base, c["base"])
    p.setColor(role.AlternateBase, c["alt"])
    p.setColor(role.Text, c["text"])
    p.setColor(role.Button, c["button"])
    p.setColor(role.ButtonText, c["text"])
    p.setColor(role.ToolTipBase, c["base"])
    p.setColor(role.ToolTipText, c["text"])
    p.setColor(role.PlaceholderText, c["muted"])
    p.setColor(role.Highlight, c["highlight"])
    p.setColor(role.HighlightedText, c["highlight_text"])
    p.setColor(role.Link, c["link"])
    for group_role in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, group_role, c["muted"])
    return p


class Theme(QObject):
    """Applies the preferred theme, and re-applies it when the system's scheme changes."""

    def __init__(self, app: QApplication, preference: str = "system") -> None:
        super().__init__(app)
        self.app = app
        self.preference = preference
        self.dark = False
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(preference)

    def apply(self, preference: str) -> None:
        self.preference = preference
        self.dark = preference == "dark" or (preference == "system" and system_is_dark())
        name = "dark" if self.dark else "light"
        self.app.setPalette(_palette(DARK if self.dark else LIGHT))
        sheet = resources.files("sealroom.resources").joinpath("themes").joinpath(f"{name}.qss")
        icons = resources.files("sealroom.resources").joinpath("icons")
        text = sheet.read_text(encoding="utf-8").replace("@icons/", f"{icons}/")
        if self.app.styleSheet() != text:  # re-polishing every widget is not free
            self.app.setStyleSheet(text)
        self.app.setProperty("theme", name)

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.preference == "system":
            self.apply("system")
