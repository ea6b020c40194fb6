"""Screens follow changes made elsewhere without F5: one `vault_changed` signal after every task
that changes the vault; each screen reads again what it shows (now if showing, else when shown)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.dashboard import EMBARGOES, EXCEPTIONS
from sealroom.desktop.tasks import changed
from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.views.access import AccessView
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.grant_dialog import GrantDialog
from sealroom.desktop.views.import_dialog import ImportDialog
from sealroom.desktop.views.parties import PartiesView
from sealroom.desktop.views.party_dialog import PartyDialog
from sealroom.desktop.widgets.fields import ID_ROLE
from sealroom.vault.assets.importing import ImportOptions
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

from .conftest import WAIT_MS, make_image, press, unlock_through_dialog, wait_idle


@dataclass
class World:
    campaign: str
    brand: str


@pytest.fixture
def world(vault: Vault) -> World:
    """A brand and a campaign launching in ten days (so its assets are under embargo)."""
    brand = add_party(vault, "Lumen Cosmetics", "brand")
    launch = When(now_utc() + timedelta(days=10), "Europe/Paris")
    campaign = add_campaign(vault, "Spring Glow", brand.id, launch)
    vault.lock()
    return World(campaign.id, brand.id)


@pytest.fixture
def app(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, world: World) -> SealroomApp:
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return sealroom


def show(app: SealroomApp, qtbot: QtBot, key: str) -> object:
    app.window.show_section(key)
    wait_idle(app, qtbot)
    return app.window.views[key]


def _loads(view: object) -> list[int]:
    """Counts the view's loads from now on."""
    counter = [0]
    original = view.load  # type: ignore[attr-defined]

    def counted() -> None:
        counter[0] += 1
        original()

    view.load = counted  # type: ignore[attr-defined]
    return counter


def _import_on_assets(
    app: SealroomApp, qtbot: QtBot, path: Path, campaign: str
) -> AssetsView:
    """Import one file into `campaign` from the Assets screen, as a person does."""
    assets = show(app, qtbot, "assets")
    assert isinstance(assets, AssetsView)
    assets.import_paths([path])
    dialog = assets.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.campaign.count() == 2, timeout=WAIT_MS)
    dialog.campaign.setCurrentIndex(dialog.campaign.findData(campaign, ID_ROLE))
    with qtbot.waitSignal(assets.importer.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    return assets


def test_an_import_shows_on_the_dashboard_and_access_without_refresh(
    app: SealroomApp, qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    board = app.window.current_view
    assert isinstance(board, DashboardView)
    assert board.cards[EMBARGOES].count.text() == "1"  # the campaign's launch
    access = show(app, qtbot, "access")
    assert isinstance(access, AccessView)
    access.mode.setCurrentIndex(access.mode.findData("asset"))
    qtbot.waitUntil(lambda: access.access.columnCount() == 0 and not app.runner.busy,
                    timeout=WAIT_MS)

    photo = make_image(tmp_path / "hero.png", (200, 90, 20))
    assets = _import_on_assets(app, qtbot, photo, world.campaign)
    qtbot.waitUntil(lambda: assets.assets.rowCount() == 1, timeout=WAIT_MS)
    assert access.stale and board.stale  # hidden screens read again when shown

    show(app, qtbot, "dashboard")
    assert board.cards[EMBARGOES].count.text() == "2"  # no F5: the new asset is embargoed
    show(app, qtbot, "access")
    assert [t.title for t in access.access.targets] == ["hero"]


def test_a_party_added_on_people_appears_in_the_access_matrix(
    app: SealroomApp, qtbot: QtBot, world: World
) -> None:
    access = show(app, qtbot, "access")
    assert isinstance(access, AccessView)
    assert [p.name for p in access.access.parties] == ["Lumen Cosmetics"]
    parties = show(app, qtbot, "parties")
    assert isinstance(parties, PartiesView)
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = parties.dialog
    assert isinstance(dialog, PartyDialog)
    dialog.name.setText("Daily Glow")
    dialog.kind.setCurrentIndex(dialog.kind.findData("press"))
    loads = _loads(parties)
    dialog.submit()
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert loads[0] == 0  # the screen that saved shows the party itself, without a reload
    show(app, qtbot, "access")
    assert sorted(p.name for p in access.access.parties) == ["Daily Glow", "Lumen Cosmetics"]


def test_a_grant_shows_on_the_dashboard_without_refresh(
    app: SealroomApp, qtbot: QtBot, world: World
) -> None:
    board = app.window.current_view
    assert isinstance(board, DashboardView)
    assert board.cards[EXCEPTIONS].count.text() == "0"
    access = show(app, qtbot, "access")
    assert isinstance(access, AccessView)
    row = next(r for r, p in enumerate(access.access.parties) if p.id == world.brand)
    index = access.proxy.mapFromSource(access.access.index(row, 0))
    access.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    press(app, qtbot, Qt.Key.Key_Return, target=access.table)
    dialog = access.dialog
    assert isinstance(dialog, GrantDialog)
    dialog.submit()
    wait_idle(app, qtbot)
    assert dialog.overriding  # no NDA with the brand: the owner overrides with a reason
    dialog.reason.setPlainText("The brand reviews its own launch visuals before the NDA")
    dialog.submit()
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    show(app, qtbot, "dashboard")
    assert board.cards[EXCEPTIONS].count.text() == "1"


def test_the_screen_showing_reads_again_at_once(
    app: SealroomApp, qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    """A change made by no screen (a dialog of the window) while the dashboard shows."""
    board = app.window.current_view
    assert isinstance(board, DashboardView) and board.isVisible()
    photo = make_image(tmp_path / "teaser.png", (20, 90, 200))
    with qtbot.waitSignal(app.runner.vault_changed, timeout=WAIT_MS) as changed_signal:
        options = ImportOptions(campaign_id=world.campaign)
        app.runner.submit(tasks.import_file, photo, 0, photo.stat().st_size, options)
    assert changed_signal.args[0] == frozenset({changed.ASSETS})
    qtbot.waitUntil(lambda: board.cards[EMBARGOES].count.text() == "2", timeout=WAIT_MS)
    assert not board.stale
    wait_idle(app, qtbot)


def test_a_refused_change_tells_no_screen(
    app: SealroomApp, qtbot: QtBot, world: World
) -> None:
    seen: list[object] = []

    def changed_kinds(kinds: object, origin: object) -> None:
        seen.append(kinds)

    app.runner.vault_changed.connect(changed_kinds)
    fields = tasks.PartyFields(name=" ", kind="press", email="", organisation="", handle="")
    task = app.runner.submit(tasks.save_party, None, fields)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS):
        pass
    wait_idle(app, qtbot)
    assert task.error_field == "name"
    assert seen == []
