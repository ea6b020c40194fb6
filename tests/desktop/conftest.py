"""Desktop tests: the real app on real vaults, driven through qtbot, offscreen.

Helpers here do what a person does (click, type, drop files) and wait on conditions, never
on time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.create_vault import CreateVaultDialog
from sealroom.desktop.views.preferences import Preferences
from sealroom.desktop.views.start import StartDialog
from sealroom.desktop.views.unlock import UnlockDialog

PASSWORD = "correct horse battery"
WAIT_MS = 10_000



@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def sealroom(qapp: QApplication, qtbot: QtBot, prefs: Preferences) -> Iterator[SealroomApp]:
    app = SealroomApp(qapp, prefs)
    qtbot.addWidget(app.window)
    yield app
    app.close()


@pytest.fixture
def unlocked(sealroom: SealroomApp, qtbot: QtBot, tmp_path: Path) -> SealroomApp:
    """The app after creating a vault through the first-start dialogs."""
    sealroom.start()
    create_through_dialogs(sealroom, qtbot, tmp_path)
    return sealroom


def create_through_dialogs(app: SealroomApp, qtbot: QtBot, where: Path) -> Path:
    start = app.dialog
    assert isinstance(start, StartDialog)
    qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
    create = app.dialog
    assert isinstance(create, CreateVaultDialog)
    create.location.setText(str(where))
    create.name.setText("Work")
    create.user.setText("owner")
    create.password.setText(PASSWORD)
    create.repeat.setText(PASSWORD)
    qtbot.mouseClick(create.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.runner.unlocked, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    return where / "Work.sealroom"


def unlock_through_dialog(app: SealroomApp, qtbot: QtBot, password: str = PASSWORD) -> None:
    qtbot.waitUntil(
        lambda: isinstance(app.dialog, UnlockDialog) and app.dialog.isVisible(), timeout=WAIT_MS
    )
    dialog = app.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=WAIT_MS)


def wait_idle(app: SealroomApp, qtbot: QtBot) -> None:
    """Until the vault thread has nothing left to do."""
    qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)


def drop_paths(target: QWidget, paths: list[Path]) -> None:
    """Drag `paths` over `target` and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    copy = Qt.DropAction.CopyAction
    left = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), copy, mime, left, none)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the drop target refused the drag"
    drop = QDropEvent(QPointF(20, 20), copy, mime, left, none)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def accept_import(app: SealroomApp, view: QWidget, qtbot: QtBot) -> None:
    """Import with the options the import dialog offers (it asks before every import)."""
    from sealroom.desktop.views.assets import AssetsView

    assert isinstance(view, AssetsView)
    qtbot.waitUntil(lambda: view.import_dialog is not None, timeout=WAIT_MS)
    dialog = view.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)


def make_image(
    path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (320, 200)
) -> Path:
    from PIL import Image

    Image.new("RGB", size, colour).save(path)
    return path


def make_pdf(path: Path, pages: int) -> Path:
    from PIL import Image

    images = [Image.new("RGB", (200, 280), (255, 255, 255 - 40 * n)) for n in range(pages)]
    images[0].save(path, save_all=True, append_images=images[1:])
    return path



def press(
    app: SealroomApp,
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    target: QWidget | None = None,
) -> None:
    """A key press in the active main window (window shortcuts need an active window)."""
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(target or window, key, modifier)


def make_scene(path: Path, seed: int = 3) -> Path:
    """A photo-like image with shapes and edges (a watermark and the tracer need structure)."""
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", (800, 520), (200, 170, 140))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y, r = rng.randrange(800), rng.randrange(520), rng.randrange(10, 70)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    for k in range(0, 800, 37):
        draw.line([(k, 0), (k + 200, 520)], fill=(30, 30, 30), width=3)
    image.save(path)
    return path
