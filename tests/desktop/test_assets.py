"""The Assets screen on a real vault: import by drop and by Ctrl+N, previews, grid, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.widgets import forms as common

from .conftest import WAIT_MS, accept_import, drop_paths, make_image, make_pdf, press, wait_idle

TEXT = "Caption draft: the launch is on Friday. #spring"


def assets_view(app: SealroomApp) -> AssetsView:
    app.window.show_section("assets")
    view = app.window.views["assets"]
    assert isinstance(view, AssetsView)
    return view


def select(view: AssetsView, title: str) -> None:
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        if index.data() == title:
            view.current_view().selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"no row titled {title}")


def import_and_wait(app: SealroomApp, qtbot: QtBot, paths: list[Path], rows: int) -> AssetsView:
    view = assets_view(app)
    drop_paths(view.views.currentWidget(), paths)
    accept_import(app, view, qtbot)
    qtbot.waitUntil(lambda: view.assets.rowCount() == rows, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.importer.running, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    return view


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    shoot = folder / "shoot"
    shoot.mkdir(parents=True)
    make_image(folder / "hero.png", (200, 30, 30))
    make_pdf(folder / "brief.pdf", pages=2)
    (folder / "caption.txt").write_text(TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    make_image(shoot / "look-1.jpg", (30, 160, 60))
    make_image(shoot / "look-2.jpg", (30, 60, 160))
    (shoot / ".DS_Store").write_bytes(b"hidden")
    return folder


def test_drop_files_and_a_folder_imports_them(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    paths = [samples / n for n in ("hero.png", "brief.pdf", "caption.txt", "empty.txt", "shoot")]
    view = import_and_wait(unlocked, qtbot, paths, rows=5)
    titles = sorted(a.title for a in view.assets.loaded_records())
    assert titles == ["brief", "caption", "hero", "look-1", "look-2"]
    message = unlocked.window.messages.text()
    assert message.startswith("Imported 5 files")
    assert "empty.txt: empty" in message
    assert "\n" not in message


def test_preview_image_pdf_pages_and_text_from_memory(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    paths = [samples / "hero.png", samples / "brief.pdf", samples / "caption.txt"]
    view = import_and_wait(unlocked, qtbot, paths, rows=3)
    detail = view.asset_detail

    select(view, "hero")
    qtbot.waitUntil(lambda: detail.preview.image is not None, timeout=WAIT_MS)
    image = detail.preview.image
    assert image is not None and (image.width(), image.height()) == (320, 200)
    assert image.pixelColor(5, 5).red() == 200
    assert not detail.preview.pixmap().isNull()

    select(view, "brief")
    qtbot.waitUntil(lambda: detail.pages == 2, timeout=WAIT_MS)
    assert detail.page == 0 and detail.next_page.isEnabled()
    first = detail.preview.image
    qtbot.mouseClick(detail.next_page, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.page == 1, timeout=WAIT_MS)
    assert detail.preview.image is not first
    assert detail.page_label.text() == "Page 2 of 2"

    select(view, "caption")
    qtbot.waitUntil(lambda: detail.preview.text() == TEXT, timeout=WAIT_MS)
    wait_idle(unlocked, qtbot)

    vault_folder = unlocked.folder
    assert vault_folder is not None
    for path in vault_folder.rglob("*"):
        if path.is_file():
            assert b"launch is on Friday" not in path.read_bytes(), path


def test_moving_through_assets_decrypts_only_the_one_it_stops_on(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    paths = [samples / "hero.png", samples / "brief.pdf", samples / "caption.txt"]
    view = import_and_wait(unlocked, qtbot, paths, rows=3)
    asked: list[str] = []
    view.asset_detail.preview_wanted.connect(lambda asset_id, page: asked.append(asset_id))
    for title in ("hero", "brief", "caption"):  # as fast as a held arrow key
        select(view, title)
    qtbot.waitUntil(lambda: view.asset_detail.preview.text() == TEXT, timeout=WAIT_MS)
    assert asked == [view.selected_keys()[0]]


def test_ctrl_n_imports_chosen_files(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = [str(samples / "hero.png")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    view = assets_view(unlocked)
    assert unlocked.window.new_action.text() == "Import files…"
    press(unlocked, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    accept_import(unlocked, view, qtbot)
    qtbot.waitUntil(lambda: view.assets.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(unlocked, qtbot)


def test_a_file_already_in_the_vault_is_reported_on_one_line(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    import_and_wait(unlocked, qtbot, [samples / "hero.png"], rows=1)
    view = import_and_wait(unlocked, qtbot, [samples / "hero.png"], rows=1)
    message = unlocked.window.messages.text()
    assert message.startswith("Imported 0 files")
    assert "already in the vault" in message
    assert view.assets.rowCount() == 1


def test_cancel_stops_the_file_in_progress_and_the_rest(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path, tmp_path: Path
) -> None:
    """A real 2 GiB import (sparse, so cheap to create) is cancelled while it encrypts."""
    footage = tmp_path / "footage.bin"
    with open(footage, "wb") as out:
        out.truncate(2 * 1024**3)
    assert unlocked.folder is not None
    blobs = unlocked.folder / "blobs"
    before = sorted(p.name for p in blobs.rglob("*"))
    view = assets_view(unlocked)
    drop_paths(view.views.currentWidget(), [footage, samples / "brief.pdf"])
    accept_import(unlocked, view, qtbot)
    qtbot.waitUntil(
        lambda: view.importer.isVisible() and view.importer.label.text().startswith("Encrypting"),
        timeout=WAIT_MS,
    )
    qtbot.mouseClick(view.importer.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.importer.running, timeout=WAIT_MS)
    assert view.assets.rowCount() == 0
    assert "import cancelled" in unlocked.window.messages.text()
    assert not view.importer.isVisible()
    wait_idle(unlocked, qtbot)
    assert sorted(p.name for p in blobs.rglob("*")) == before


def test_grid_shows_the_vaults_thumbnails(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    view = import_and_wait(unlocked, qtbot, [samples / "shoot"], rows=2)
    qtbot.mouseClick(view.grid_button, Qt.MouseButton.LeftButton)
    assert view.views.currentWidget() is view.grid
    view.grid.resize(600, 400)
    view.grid.viewport().repaint()
    ids = [a.id for a in view.assets.loaded_records()]
    qtbot.waitUntil(lambda: all(view.assets.has_thumbnail(i) for i in ids), timeout=WAIT_MS)
    qtbot.mouseClick(view.grid_button, Qt.MouseButton.LeftButton)
    assert view.views.currentWidget() is view.table
    wait_idle(unlocked, qtbot)


def test_delete_key_asks_first(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = import_and_wait(unlocked, qtbot, [samples / "hero.png", samples / "brief.pdf"], rows=2)
    select(view, "hero")
    view.table.setFocus()
    answers = [False, True]
    asked: list[str] = []

    def confirm(parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(common, "confirm", confirm)
    press(unlocked, qtbot, Qt.Key.Key_Delete, target=view.table)
    assert "“hero”" in asked[0]
    assert view.assets.rowCount() == 2
    press(unlocked, qtbot, Qt.Key.Key_Delete, target=view.table)
    qtbot.waitUntil(lambda: view.assets.rowCount() == 1, timeout=WAIT_MS)
    assert view.assets.loaded_records()[0].title == "brief"
    wait_idle(unlocked, qtbot)


def test_export_writes_the_original_and_refuses_to_overwrite(
    unlocked: SealroomApp,
    qtbot: QtBot,
    samples: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = import_and_wait(unlocked, qtbot, [samples / "hero.png"], rows=1)
    select(view, "hero")
    target = tmp_path / "out.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(view.asset_detail.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT_MS)
    wait_idle(unlocked, qtbot)
    assert target.read_bytes() == (samples / "hero.png").read_bytes()
    assert unlocked.window.messages.text().startswith("Exported the decrypted original")
    qtbot.mouseClick(view.asset_detail.export, Qt.MouseButton.LeftButton)
    wait_idle(unlocked, qtbot)
    assert "already exists" in unlocked.window.messages.text()


def test_locking_drops_records_previews_and_thumbnails(
    unlocked: SealroomApp, qtbot: QtBot, samples: Path
) -> None:
    view = import_and_wait(unlocked, qtbot, [samples / "hero.png"], rows=1)
    select(view, "hero")
    qtbot.waitUntil(lambda: view.asset_detail.preview.image is not None, timeout=WAIT_MS)
    view.set_grid(True)
    asset_id = view.assets.loaded_records()[0].id
    view.grid.viewport().repaint()
    qtbot.waitUntil(lambda: view.assets.has_thumbnail(asset_id), timeout=WAIT_MS)
    unlocked.window.lock()
    assert view.assets.rowCount() == 0
    assert not view.assets.has_thumbnail(asset_id)
    assert view.asset_detail.preview.image is None
    assert view.asset_detail.asset is None
    wait_idle(unlocked, qtbot)
