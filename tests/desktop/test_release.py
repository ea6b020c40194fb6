"""Lifting embargoes from the Assets screen: the release guard and the second person's approval."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sealroom.crypto.keyslots import Role
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.dashboard import APPROVALS
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.widgets import forms as common
from sealroom.vault import users
from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

WAIT_MS = 20_000
MANAGER_PASSWORD = "second-person-pw"


@pytest.fixture
def embargoed(vault: Vault, tmp_path: Path) -> dict[str, str]:
    """A campaign launching in ten days with a draft caption and a secret photo in it."""
    brand = add_party(vault, "Lumen Cosmetics", "brand", handle="lumen")
    launch = When(now_utc() + timedelta(days=10), "Europe/Paris")
    campaign = add_campaign(vault, "Spring Glow", brand.id, launch)
    caption = tmp_path / "caption.txt"
    caption.write_text("The new serum is here! ****need copy and link**** @lumen\n")
    photo = tmp_path / "secret.png"
    from PIL import Image

    Image.new("RGB", (320, 200), (30, 160, 90)).save(photo)
    draft = import_files(vault, [caption], ImportOptions(campaign_id=campaign.id))[0]
    secret = import_files(
        vault, [photo], ImportOptions(campaign_id=campaign.id, sensitivity="secret")
    )[0]
    users.add_user(vault, "mira", Role.MANAGER, MANAGER_PASSWORD)
    vault.lock()
    return {"draft": draft.id, "secret": secret.id}


def _wait_idle(app: SealroomApp, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)


def _unlock_as(app: SealroomApp, qtbot: QtBot, user: str, password: str) -> None:
    qtbot.waitUntil(lambda: isinstance(app.dialog, UnlockDialog), timeout=WAIT_MS)
    dialog = app.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.user.setCurrentText(user)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.runner.unlocked, timeout=WAIT_MS)
    _wait_idle(app, qtbot)


def _assets(app: SealroomApp, qtbot: QtBot) -> AssetsView:
    app.window.show_section("assets")
    _wait_idle(app, qtbot)
    view = app.window.views["assets"]
    assert isinstance(view, AssetsView)
    return view


@pytest.fixture
def app(
    sealroom: SealroomApp,
    qtbot: QtBot,
    vault: Vault,
    embargoed: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> SealroomApp:
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    _unlock_as(sealroom, qtbot, "owner", "correct horse battery")
    return sealroom


def test_a_placeholder_in_a_caption_blocks_its_release(
    app: SealroomApp, qtbot: QtBot, embargoed: dict[str, str]
) -> None:
    view = _assets(app, qtbot)
    view.release(embargoed["draft"])
    _wait_idle(app, qtbot)
    message = app.window.messages.text()
    assert "need copy" in message.casefold() or "placeholder" in message.casefold()
    draft = view.assets.record_of(embargoed["draft"])
    assert draft.embargoed and draft.released is None


def test_a_secret_asset_needs_a_second_person(
    app: SealroomApp, qtbot: QtBot, embargoed: dict[str, str]
) -> None:
    view = _assets(app, qtbot)
    view.release(embargoed["secret"])
    _wait_idle(app, qtbot)
    assert "another owner or manager approves it" in app.window.messages.text()
    secret = view.assets.record_of(embargoed["secret"])
    assert secret.embargoed

    view.release(embargoed["secret"])  # the same person asking again approves nothing
    _wait_idle(app, qtbot)
    assert view.assets.record_of(embargoed["secret"]).embargoed

    app.window.lock()
    _unlock_as(app, qtbot, "mira", MANAGER_PASSWORD)
    view = _assets(app, qtbot)
    view.release(embargoed["secret"])
    qtbot.waitUntil(
        lambda: not view.assets.record_of(embargoed["secret"]).embargoed,
        timeout=WAIT_MS,
    )
    released = view.assets.record_of(embargoed["secret"])
    assert released.released_by == "mira"


def test_the_dashboard_shows_a_release_waiting_to_the_others_only(
    app: SealroomApp, qtbot: QtBot, embargoed: dict[str, str]
) -> None:
    board = app.window.views["dashboard"]
    assert isinstance(board, DashboardView)
    approvals = board.cards[APPROVALS]
    view = _assets(app, qtbot)
    view.release(embargoed["secret"])  # the owner asks
    _wait_idle(app, qtbot)
    app.window.show_section("dashboard")
    _wait_idle(app, qtbot)
    assert board.model.count(APPROVALS) == 0 and approvals.isHidden()  # not to the requester

    app.window.lock()
    _unlock_as(app, qtbot, "mira", MANAGER_PASSWORD)
    app.window.show_section("dashboard")
    _wait_idle(app, qtbot)
    assert app.window.current_view is board
    assert approvals.isVisible() and approvals.count.text() == "1"
    index = approvals.proxy.index(0, 0)
    assert index.data() == "secret"
    assert "owner asked to release" in index.data(Qt.ItemDataRole.ToolTipRole)
    approvals.table.setCurrentIndex(index)
    board.open_index(index)
    _wait_idle(app, qtbot)
    assets = app.window.current_view
    assert isinstance(assets, AssetsView)
    qtbot.waitUntil(lambda: assets.selected_keys() == [embargoed["secret"]], timeout=WAIT_MS)
