"""The Access screen opens on assets when the vault has no campaign, and says so."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.views.access import AccessView
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, make_image, unlock_through_dialog, wait_idle


def test_access_shows_assets_without_campaigns_then_campaigns(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    add_party(vault, "Ana Duarte", "influencer")
    import_files(vault, [make_image(tmp_path / "hero.png", (200, 30, 30))])
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    sealroom.window.show_section("access")
    view = sealroom.window.views["access"]
    assert isinstance(view, AccessView)
    qtbot.waitUntil(lambda: [t.title for t in view.access.targets] == ["hero"], timeout=WAIT_MS)
    assert view.mode.currentData() == "asset"
    assert view.mode_note.isVisible()
    assert "No campaigns yet" in view.mode_note.text()
    wait_idle(sealroom, qtbot)

    fields = work_tasks.CampaignFields("Spring Glow", None, "", "UTC", (), "")
    sealroom.runner.submit(work_tasks.save_campaign, None, fields)  # from elsewhere
    qtbot.waitUntil(lambda: view.mode.currentData() == "campaign", timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    assert [t.title for t in view.access.targets] == ["Spring Glow"]
    assert not view.mode_note.isVisible()

    view.mode.setCurrentIndex(view.mode.findData("asset"))  # the person's choice stays
    wait_idle(sealroom, qtbot)
    assert not view.mode_note.isVisible()
