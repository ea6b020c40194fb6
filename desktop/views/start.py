"""First start: create a vault, open an existing one, or open the demo vault."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.widgets.forms import one_line
from sealroom.desktop.workers import VaultRunner
from sealroom.vault.layout import HEADER_NAME

DEMO_MODULE = "sealroom.vault.demo.build"
DEMO_PASSWORD = "demo-password"
"""The demo vault's password (`sealroom.vault.demo.DEFAULT_PASSWORD`), shown to the person."""
DEMO_USER = "demo"
DEMO_SECOND_USER = "mira"
"""A second manager in the demo vault (`sealroom.vault.demo.SECOND_MANAGER`)."""


def demo_available() -> bool:
    return importlib.util.find_spec(DEMO_MODULE) is not None


class StartDialog(QDialog):
    create_chosen = Signal()
    open_chosen = Signal(object)
    """The folder (`Path`) of an existing vault."""
    demo_chosen = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Sealroom"))
        self.setMinimumWidth(480)
        title = QLabel(self.tr("Welcome to Sealroom"))
        title.setObjectName("sectionTitle")
        intro = QLabel(
            self.tr("Sealroom keeps contracts, NDAs and embargoed assets encrypted on this "
                    "computer, records who saw what, and traces leaked copies back to their "
                    "recipient.")
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.create_button = self._choice(
            self.tr("&Create a new vault…"),
            self.tr("A new encrypted vault; you choose where it lives"),
        )
        self.create_button.clicked.connect(self._create)
        self.open_button = self._choice(
            self.tr("&Open an existing vault…"),
            self.tr("A NAME.sealroom folder made with Sealroom"),
        )
        self.open_button.clicked.connect(self.browse)
        self.demo_button = self._choice(
            self.tr("Open the &demo vault"),
            self.tr("Sample campaigns, assets and agreements to explore"),
        )
        self.demo_button.clicked.connect(self._demo)
        self.demo_button.setVisible(demo_available())
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(8)
        for widget in (self.create_button, self.open_button, self.demo_button, self.error):
            column.addWidget(widget)
        self.create_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choice(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(f"{text}\n{tip}")
        button.setObjectName("choice")
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _create(self) -> None:
        self.accept()
        self.create_chosen.emit()

    def _demo(self) -> None:
        self.accept()
        self.demo_chosen.emit()

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a Sealroom vault (a .sealroom folder)")
        )
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> None:
        if not (folder / HEADER_NAME).is_file():
            self.error.setText(self.tr("{folder} is not a Sealroom vault (it has no {header})")
                               .format(folder=folder, header=HEADER_NAME))
            self.error.show()
            return
        self.accept()
        self.open_chosen.emit(folder)


class DemoDialog(QDialog):
    """Building the demo vault (once), with what is being done, then opening it."""

    opened = Signal(object)
    """The demo vault's folder (`Path`); the runner now holds the vault, unlocked."""

    def __init__(self, runner: VaultRunner, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Demo vault"))
        self.setMinimumWidth(440)
        title = QLabel(self.tr("Building the demo vault"))
        title.setObjectName("sectionTitle")
        note = QLabel(
            self.tr("A talent agency with its influencers, brands, campaigns, agreements and "
                    "about forty assets, made once in {folder}. Its password is “{password}”. "
                    "A secret asset waits for a second person's approval: lock (Ctrl+L) and "
                    "sign in as “{user}”, same password, to give it.").format(
                folder=folder.parent, password=DEMO_PASSWORD, user=DEMO_SECOND_USER)
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.status = QLabel(self.tr("Starting…"))
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = busy_bar()
        self.busy.show()
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        for widget in (title, note, self.status, self.busy, self.error):
            column.addWidget(widget)
        self.task = runner.open(tasks.build_demo, folder)
        self.task.said.connect(self._said)
        self.task.done.connect(self._built)
        self.task.failed.connect(self._failed)

    def _said(self, text: str) -> None:
        self.status.setText(text[:1].upper() + text[1:] + "…")

    def _built(self, vault: object) -> None:
        self.accept()
        self.opened.emit(self.folder)

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.status.hide()
        self.error.setText(one_line(message))
        self.error.show()
