"""What the app remembers between runs (never anything from inside a vault), and its dialog.

Stored with QSettings: the last vault folder opened, the idle time before auto-lock, the theme.
The folder path is the only vault-related fact kept, and it is not secret (it is on disk).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import LANGUAGES, QT_TRANSLATE_NOOP, SYSTEM, translate

DEFAULT_IDLE_MINUTES = 10
THEMES = (
    ("system", QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system")),
    ("light", QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings("Sealroom", "Sealroom")

    @property
    def last_vault(self) -> Path | None:
        value = self.settings.value("vault/last", "")
        return Path(str(value)) if value else None

    @last_vault.setter
    def last_vault(self, folder: Path | None) -> None:
        self.settings.setValue("vault/last", str(folder) if folder else "")
        self.settings.sync()

    @property
    def demo_folder(self) -> Path:
        """Where the demo vault is built (once) and opened from."""
        value = self.settings.value("vault/demo", "")
        if value:
            return Path(str(value))
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return Path(data or Path.home() / ".sealroom") / "Demo.sealroom"

    @demo_folder.setter
    def demo_folder(self, folder: Path) -> None:
        self.settings.setValue("vault/demo", str(folder))

    @property
    def idle_minutes(self) -> int:
        try:
            minutes = int(str(self.settings.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES)))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return max(1, min(minutes, 24 * 60))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self.settings.setValue("lock/idle_minutes", int(minutes))

    @property
    def theme(self) -> str:
        value = str(self.settings.value("look/theme", "system"))
        return value if value in dict(THEMES) else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.settings.setValue("look/theme", value)

    @property
    def language(self) -> str:
        """`system`, or a language code of `i18n.LANGUAGES`."""
        value = str(self.settings.value("look/language", SYSTEM))
        return value if value in dict(LANGUAGES) else SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        self.settings.setValue("look/language", value)


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Preferences"))
        self.idle = QSpinBox()
        self.idle.setRange(1, 24 * 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(prefs.idle_minutes)
        self.idle.setToolTip(
            self.tr("Lock the vault after this long without keyboard or mouse use")
        )
        self.theme = QComboBox()
        for key, label in THEMES:
            self.theme.addItem(self.tr(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.language = QComboBox()
        for key, label in LANGUAGES:
            self.language.addItem(translate("Language", label), key)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language_note = QLabel(
            self.tr("A new language takes effect the next time Sealroom starts.")
        )
        self.language_note.setObjectName("muted")
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Lock when idle for:"), self.idle)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Lan&guage:"), self.language)
        form.addRow(self.language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)

    def accept(self) -> None:
        self.prefs.idle_minutes = self.idle.value()
        self.prefs.theme = str(self.theme.currentData())
        self.prefs.language = str(self.language.currentData())
        super().accept()

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != self.prefs.language)
