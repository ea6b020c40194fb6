"""Shares and Leak tracing on a real vault: issue a watermarked preview, trace it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sealroom_access import allow_copies

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.share_dialog import ShareDialog
from sealroom.desktop.views.shares import SharesView
from sealroom.desktop.views.tracing import TracingView
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, drop_paths, make_scene, press, unlock_through_dialog, wait_idle


@pytest.fixture
def app(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> SealroomApp:
    ana = add_party(vault, "Ana Duarte", "influencer")
    add_party(vault, "Daily Glow", "press")
    (hero,) = import_files(vault, [make_scene(tmp_path / "hero.png")])
    allow_copies(vault, ana.id, hero.id)
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return sealroom


def test_share_a_preview_then_trace_the_leak_to_its_recipient(
    app: SealroomApp,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    window = app.window
    window.show_section("shares")
    shares = window.views["shares"]
    assert isinstance(shares, SharesView)
    wait_idle(app, qtbot)
    assert shares.views.currentWidget() is shares.empty
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shares.dialog is not None, timeout=WAIT_MS)
    dialog = shares.dialog
    assert isinstance(dialog, ShareDialog)
    assert dialog.asset.currentText() == "hero"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_of(dialog.where) == "Choose where to write the preview"
    dialog.party.setCurrentIndex(dialog.party.findText("Ana Duarte (influencer)"))
    leaked = tmp_path / "leak" / "preview.png"
    leaked.parent.mkdir()
    dialog.out.setText(str(leaked))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert leaked.is_file()
    assert shares.shares.rowCount() == 1
    row = shares.shares.records()[0]
    assert (row.party_name, row.asset_title) == ("Ana Duarte", "hero")
    qtmodeltester.check(shares.shares)
    assert app.window.messages.text().startswith(f"Shared preview {row.share.share_code}")
    qtbot.mouseClick(shares.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shares.preview.image is not None, timeout=WAIT_MS)

    window.show_section("tracing")
    tracing = window.views["tracing"]
    assert isinstance(tracing, TracingView)
    drop_paths(tracing.views.currentWidget(), [leaked])
    qtbot.waitUntil(lambda: tracing.traces.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    traced = tracing.traces.records()[0]
    assert traced.report.verdict == "identified"
    assert traced.accused_names == ("Ana Duarte",)
    assert tracing.facts.values["Named"].text() == "Ana Duarte"
    qtmodeltester.check(tracing.traces)

    not_ours = make_scene(tmp_path / "other.png", seed=99)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(not_ours)], ""))
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tracing.traces.rowCount() == 2, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    verdicts = {r.file_name: r.report.verdict for r in tracing.traces.records()}
    assert verdicts["other.png"] in ("unknown asset", "no confident match")

    window.lock()
    assert tracing.traces.rowCount() == 0 and shares.shares.rowCount() == 0
    assert shares.preview.image is None
