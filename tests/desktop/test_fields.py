"""A refusal shows under the field it names (`InvalidInputError.field`), never by the words of
its message."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.asset_dialog import AssetDialog
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.import_dialog import ImportDialog
from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

from .conftest import WAIT_MS, make_image, unlock_through_dialog, wait_idle


@pytest.fixture
def app(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> SealroomApp:
    """A secret asset under its campaign's embargo."""
    launch = When(now_utc() + timedelta(days=10), "Europe/Paris")
    campaign = add_campaign(vault, "Spring Glow", launch=launch)
    photo = make_image(tmp_path / "hero.png", (240, 120, 40))
    import_files(vault, [photo], ImportOptions(campaign_id=campaign.id, sensitivity="secret"))
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return sealroom


def _assets(app: SealroomApp, qtbot: QtBot) -> AssetsView:
    app.window.show_section("assets")
    view = app.window.views["assets"]
    assert isinstance(view, AssetsView)
    qtbot.waitUntil(lambda: view.assets.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    return view


def test_a_sensitivity_refusal_that_speaks_of_the_embargo_goes_under_sensitivity(
    app: SealroomApp, qtbot: QtBot
) -> None:
    view = _assets(app, qtbot)
    record = view.assets.record_at(0)
    assert record is not None
    view.open_item(record.id)
    dialog = view.dialog
    assert isinstance(dialog, AssetDialog)
    wait_idle(app, qtbot)
    dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData("internal"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    message = dialog.form.error_of(dialog.sensitivity)
    assert "under embargo" in message  # the message names the embargo, the field is sensitivity
    assert not dialog.form.error_of(dialog.embargo)
    assert not dialog.form.error_of(None)
    dialog.reject()


def test_the_import_dialog_places_a_past_embargo_under_the_embargo(
    app: SealroomApp, qtbot: QtBot, tmp_path: Path
) -> None:
    view = _assets(app, qtbot)
    photo = make_image(tmp_path / "teaser.png", (20, 90, 200))
    view.import_paths([photo])
    dialog = view.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.campaign.count() == 2, timeout=WAIT_MS)
    dialog.embargo.setText("2001-01-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    assert "in the past" in dialog.form.error_of(dialog.embargo)
    assert not view.importer.running  # nothing was read

    dialog.embargo.setText("2099-05-01 09:00 Europe/Paris")
    dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData("internal"))
    dialog.campaign.setCurrentIndex(0)  # No campaign
    with qtbot.waitSignal(view.importer.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.assets.rowCount() == 2, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    teaser = next(a for a in view.assets.loaded_records() if a.title == "teaser")
    assert teaser.sensitivity == "internal"
    assert teaser.campaign_id is None
    assert teaser.embargo_until == "2099-05-01T07:00:00Z"
