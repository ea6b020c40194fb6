"""The GUI's languages: the translation installed at start, right-to-left layout, value words.

Every user-visible string goes through Qt: `self.tr()` in QObject subclasses,
`QCoreApplication.translate(context, ...)` elsewhere, and `QT_TRANSLATE_NOOP(context, ...)` in
module-level tables (translated where they are shown). The sources are in
resources/translations/sealroom_*.ts (`make translations` refreshes them from the code); the
compiled .qm files are built by `make` (pyside6-lrelease) and ship in the wheel.
Messages raised by the vault are English: they come from the Qt-free core.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` where it cannot be translated yet (a module
    table); translate it where it is shown. Typed, unlike PySide6's own."""
    return text


SYSTEM = "system"
LANGUAGES = (
    (SYSTEM, QT_TRANSLATE_NOOP("Language", "Follow the system")),
    ("en", "English"),
    ("he", "עברית"),
)
"""(code, name): a language's own name is shown untranslated, as people look for it."""
TRANSLATED = ("he",)
"""Languages with a translation in resources/translations (English is the source)."""

VALUE_WORDS = (
    # party kinds
    QT_TRANSLATE_NOOP("Value", "brand"),
    QT_TRANSLATE_NOOP("Value", "influencer"),
    QT_TRANSLATE_NOOP("Value", "agency"),
    QT_TRANSLATE_NOOP("Value", "press"),
    QT_TRANSLATE_NOOP("Value", "other"),
    # agreement kinds and statuses
    QT_TRANSLATE_NOOP("Value", "NDA"),
    QT_TRANSLATE_NOOP("Value", "sponsorship"),
    QT_TRANSLATE_NOOP("Value", "licence / usage rights"),
    QT_TRANSLATE_NOOP("Value", "talent agreement"),
    QT_TRANSLATE_NOOP("Value", "draft"),
    QT_TRANSLATE_NOOP("Value", "sent"),
    QT_TRANSLATE_NOOP("Value", "signed"),
    QT_TRANSLATE_NOOP("Value", "expired"),
    QT_TRANSLATE_NOOP("Value", "terminated"),
    # sensitivities, asset kinds
    QT_TRANSLATE_NOOP("Value", "internal"),
    QT_TRANSLATE_NOOP("Value", "confidential"),
    QT_TRANSLATE_NOOP("Value", "secret"),
    QT_TRANSLATE_NOOP("Value", "image"),
    QT_TRANSLATE_NOOP("Value", "video"),
    QT_TRANSLATE_NOOP("Value", "pdf"),
    QT_TRANSLATE_NOOP("Value", "text"),
    QT_TRANSLATE_NOOP("Value", "file"),
    QT_TRANSLATE_NOOP("Value", "asset"),
    QT_TRANSLATE_NOOP("Value", "campaign"),
    QT_TRANSLATE_NOOP("Value", "agreement"),
    # grant levels and states
    QT_TRANSLATE_NOOP("Value", "preview"),
    QT_TRANSLATE_NOOP("Value", "original"),
    QT_TRANSLATE_NOOP("Value", "active"),
    QT_TRANSLATE_NOOP("Value", "scheduled"),
    QT_TRANSLATE_NOOP("Value", "revoked"),
    QT_TRANSLATE_NOOP("Value", "ended"),
    # trace verdicts, audit outcomes, roles
    QT_TRANSLATE_NOOP("Value", "identified"),
    QT_TRANSLATE_NOOP("Value", "no confident match"),
    QT_TRANSLATE_NOOP("Value", "unknown asset"),
    QT_TRANSLATE_NOOP("Value", "unreadable"),
    QT_TRANSLATE_NOOP("Value", "success"),
    QT_TRANSLATE_NOOP("Value", "failure"),
    QT_TRANSLATE_NOOP("Value", "denied"),
    QT_TRANSLATE_NOOP("Value", "owner"),
    QT_TRANSLATE_NOOP("Value", "manager"),
    QT_TRANSLATE_NOOP("Value", "auditor"),
)
"""The vault's stored words (kinds, statuses, levels...) as a person reads them."""


def translate(context: str, text: str) -> str:
    """`QCoreApplication.translate` under a short name (pyside6-lupdate reads `translate(...)`)."""
    return QCoreApplication.translate(context, text)


def word(value: str, capital: bool = False) -> str:
    """A stored value word in the GUI's language ("signed" -> "signed" or "נחתם"); `capital`
    for a table cell or a heading (nothing changes in a script without case)."""
    text = QCoreApplication.translate("Value", value)
    return text[:1].upper() + text[1:] if capital and not text.isupper() else text


def translations_dir() -> Path:
    return Path(str(resources.files("sealroom.resources"))) / "translations"


def chosen_language(setting: str) -> str:
    """The language to show for a Preferences value (`system` follows the system locale)."""
    if setting != SYSTEM:
        return setting if setting in TRANSLATED else "en"
    name = QLocale.system().name().split("_")[0]
    return name if name in TRANSLATED else "en"


class Language:
    """Installs a language's translators on the application and sets its layout direction."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translators: list[QTranslator] = []
        self.code = "en"

    def apply(self, setting: str) -> str:
        """Switch to the language chosen by `setting`; returns the language code shown."""
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
        code = chosen_language(setting)
        if code != "en":
            ours = QTranslator(self.app)
            if not ours.load(f"sealroom_{code}", str(translations_dir())):
                code = "en"  # not built: `make` builds the .qm files
            else:
                self.translators.append(ours)
                qt = QTranslator(self.app)
                path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                if qt.load(f"qtbase_{code}", path):  # standard buttons: OK, Cancel, Yes, No
                    self.translators.append(qt)
        for translator in self.translators:
            self.app.installTranslator(translator)
        self.code = code
        QLocale.setDefault(QLocale(code) if code != "en" else QLocale.system())
        if isinstance(self.app, QGuiApplication):
            direction = QLocale(code).textDirection()
            self.app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if direction == Qt.LayoutDirection.RightToLeft
                else Qt.LayoutDirection.LeftToRight
            )
        return code
