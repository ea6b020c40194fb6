"""The work screens on a real vault: dashboard, campaigns, agreements, the access matrix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.dashboard import EMBARGOES, EXCEPTIONS
from sealroom.desktop.views.access import NO_CAMPAIGN_KEY, AccessView
from sealroom.desktop.views.agreement_dialog import AgreementDialog
from sealroom.desktop.views.agreements import AgreementsView
from sealroom.desktop.views.asset_dialog import AssetDialog
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.campaign_dialog import CampaignDialog
from sealroom.desktop.views.campaigns import CampaignsView
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.grant_dialog import GrantDialog
from sealroom.desktop.views.start import StartDialog
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.widgets import forms as common
from sealroom.desktop.widgets.colours import EXCEPTION_BACKGROUND
from sealroom.vault.agreements.contracts import NewAgreement, add_agreement
from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

from .conftest import WAIT_MS, make_image, make_pdf, press, unlock_through_dialog, wait_idle


@dataclass
class Work:
    brand: str
    influencer: str
    press: str
    campaign: str
    asset: str


@pytest.fixture
def work(vault: Vault, tmp_path: Path) -> Work:
    """A brand, an influencer under NDA, a journalist without one, a campaign launching in
    ten days and one embargoed asset in it."""
    now = now_utc()
    brand = add_party(vault, "Lumen Cosmetics", "brand", handle="lumen")
    ana = add_party(vault, "Ana Duarte", "influencer")
    daily = add_party(vault, "Daily Glow", "press")
    launch = When(now + timedelta(days=10), "Europe/Paris")
    campaign = add_campaign(vault, "Spring Glow", brand.id, launch, [ana.id])
    photo = make_image(tmp_path / "hero.png", (240, 120, 40))
    asset = import_files(vault, [photo], ImportOptions(campaign_id=campaign.id))[0]
    add_agreement(
        vault,
        NewAgreement(
            kind="nda",
            title="NDA Ana Duarte",
            party_ids=(ana.id,),
            effective=When(now - timedelta(days=30), "UTC"),
            expires=When(now + timedelta(days=20), "UTC"),
            status="signed",
        ),
    )
    vault.lock()
    return Work(brand.id, ana.id, daily.id, campaign.id, asset.id)


@pytest.fixture
def app(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, work: Work) -> SealroomApp:
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


def test_dashboard_lists_embargoes_and_expiries(
    app: SealroomApp, qtbot: QtBot, work: Work, qtmodeltester: Any
) -> None:
    view = app.window.current_view
    assert isinstance(view, DashboardView)  # the first screen after unlocking
    embargoes = view.cards[EMBARGOES]
    assert embargoes.count.text() == "2"  # the asset and the campaign's launch
    titles = {embargoes.proxy.index(r, 0).data() for r in range(2)}
    assert titles == {"hero", "Spring Glow"}
    assert view.model.count("expiries") == 1
    assert view.cards[EXCEPTIONS].count.text() == "0"
    qtmodeltester.check(view.model)
    qtmodeltester.check(embargoes.proxy)


def test_campaign_dialog_validates_the_launch_then_adds(
    app: SealroomApp, qtbot: QtBot, qtmodeltester: Any
) -> None:
    view = show(app, qtbot, "campaigns")
    assert isinstance(view, CampaignsView) and view.campaigns.rowCount() == 1
    qtmodeltester.check(view.campaigns)
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, CampaignDialog)
    wait_idle(app, qtbot)
    assert dialog.brand.count() == 2 and dialog.influencers.count() == 1
    dialog.name.setText("Summer Drop")
    dialog.launch.setText("next friday")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    assert "is not a launch Sealroom understands" in dialog.form.error_of(dialog.launch)
    dialog.launch.setText("2031-06-01 10:00 Europe/Paris")
    dialog.brand.setCurrentIndex(1)
    dialog.influencers.set_checked(dialog.influencers.item(0).data(Qt.ItemDataRole.UserRole))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    added = [c for c in view.campaigns.records() if c.name == "Summer Drop"]
    assert added and added[0].brand_name == "Lumen Cosmetics"
    assert added[0].influencer_names == ("Ana Duarte",)
    assert view.facts.title.text() == "Summer Drop"


def test_record_an_nda_with_its_document_and_preview_it(
    app: SealroomApp, qtbot: QtBot, tmp_path: Path, qtmodeltester: Any
) -> None:
    view = show(app, qtbot, "agreements")
    assert isinstance(view, AgreementsView) and view.agreements.rowCount() == 1
    qtmodeltester.check(view.agreements)
    view.new_item()
    dialog = view.dialog
    assert isinstance(dialog, AgreementDialog)
    wait_idle(app, qtbot)
    dialog.title_field.setText("NDA Daily Glow")
    dialog.effective.setText("2026-01-01")
    dialog.document.setText(str(make_pdf(tmp_path / "nda.pdf", pages=1)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    assert dialog.form.error_of(dialog.parties) == "An agreement needs at least one party"
    dialog.parties.set_checked(next(
        dialog.parties.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(dialog.parties.count())
        if dialog.parties.item(r).text().startswith("Daily Glow")
    ))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    assert view.facts.title.text() == "NDA Daily Glow"
    assert view.facts.values["Document"].text().startswith("nda.pdf")
    assert view.facts.values["Status"].text() == "Draft"
    qtbot.mouseClick(view.document_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.document.image is not None, timeout=WAIT_MS)
    actions = view.status_menu.actions()
    signed = next(a for a in actions if a.data() == "signed")
    signed.trigger()
    qtbot.waitUntil(lambda: view.facts.values["Status"].text() == "Signed", timeout=WAIT_MS)
    wait_idle(app, qtbot)


def _select_cell(view: AccessView, party: str, target: str) -> None:
    row = next(r for r, p in enumerate(view.access.parties) if p.id == party)
    column = next(c for c, t in enumerate(view.access.targets) if t.id == target)
    index = view.proxy.mapFromSource(view.access.index(row, column))
    view.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def in_vault(app: SealroomApp, qtbot: QtBot, fn: Callable[..., Any], *args: Any) -> Any:
    """fn(vault, job, *args) on the app's vault thread (the GUI thread never touches the vault)."""
    task = app.runner.submit(fn, *args)
    with qtbot.waitSignal(task.done, timeout=WAIT_MS) as blocker:
        pass
    return blocker.args[0]


def _audit_actions(vault: Vault, job: object) -> list[str]:
    return [e.action for e in vault.audit.events(newest_first=False)]


def _targets(view: AccessView) -> list[str]:
    return [t.id for t in view.access.targets]


def _grant(app: SealroomApp, qtbot: QtBot, view: AccessView) -> GrantDialog:
    press(app, qtbot, Qt.Key.Key_Return, target=view.table)
    dialog = view.dialog
    assert isinstance(dialog, GrantDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    return dialog


def test_access_matrix_grants_overrides_and_revokes(
    app: SealroomApp,
    qtbot: QtBot,
    work: Work,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    before = len(in_vault(app, qtbot, _audit_actions))
    view = show(app, qtbot, "access")
    assert isinstance(view, AccessView)
    assert _targets(view) == [work.campaign]
    assert view.campaign_filter.isHidden()
    assert "asset.list" not in in_vault(app, qtbot, _audit_actions)[before:]  # no asset loaded
    qtmodeltester.check(view.access)
    qtmodeltester.check(view.proxy)

    _select_cell(view, work.influencer, work.campaign)
    dialog = _grant(app, qtbot, view)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    cell = view.access.cell(work.influencer, work.campaign)
    assert cell.direct and not cell.exception
    assert app.window.messages.text().startswith("Granted Ana Duarte preview access")

    _select_cell(view, work.press, work.campaign)
    dialog = _grant(app, qtbot, view)
    assert dialog.isVisible() and dialog.overriding
    assert "grant refused" in dialog.form.error_of(dialog.reason).casefold()
    dialog.reason.setPlainText("Embargoed preview for the launch article, agreed by phone")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert view.access.cell(work.press, work.campaign).exception
    assert view.access.exceptions() == 1
    _select_cell(view, work.press, work.campaign)
    brush = view.table.currentIndex().data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == EXCEPTION_BACKGROUND
    assert view.facts.values["Detail"].text().startswith("⚠ exception")

    before = len(in_vault(app, qtbot, _audit_actions))
    view.mode.setCurrentIndex(view.mode.findData("asset"))
    qtbot.waitUntil(lambda: _targets(view) == [work.asset], timeout=WAIT_MS)  # off the GUI thread
    assert in_vault(app, qtbot, _audit_actions)[before:].count("asset.list") == 1
    assert not view.campaign_filter.isHidden()
    assert view.campaign_filter.currentText() == "All campaigns"
    assert view.access.headerData(0, Qt.Orientation.Horizontal) == "hero\nSpring Glow"
    qtmodeltester.check(view.access)
    qtmodeltester.check(view.proxy)
    inherited = view.access.cell(work.influencer, work.asset)
    assert inherited.inherited and not inherited.direct
    assert view.access.cell(work.press, work.asset).exception  # the campaign's exception shows
    assert view.access.exceptions() == 0  # but it is not the asset's own
    _select_cell(view, work.influencer, work.asset)
    assert view.table.currentIndex().data() == "preview"  # the campaign's grant, in italics
    assert view.table.currentIndex().data(Qt.ItemDataRole.FontRole).italic()

    view.mode.setCurrentIndex(view.mode.findData("campaign"))
    _select_cell(view, work.press, work.campaign)
    monkeypatch.setattr(common, "ask_reason", lambda *a: "article published")
    press(app, qtbot, Qt.Key.Key_Delete, target=view.table)
    qtbot.waitUntil(lambda: not view.access.cell(work.press, work.campaign).direct,
                    timeout=WAIT_MS)
    wait_idle(app, qtbot)


def test_dashboard_exception_opens_the_access_cell(
    app: SealroomApp, qtbot: QtBot, work: Work
) -> None:
    view = show(app, qtbot, "access")
    assert isinstance(view, AccessView)
    _select_cell(view, work.press, work.campaign)
    dialog = _grant(app, qtbot, view)
    dialog.reason.setPlainText("Press preview agreed with the brand's PR lead")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    board = show(app, qtbot, "dashboard")
    assert isinstance(board, DashboardView)
    card = board.cards[EXCEPTIONS]  # shown without F5: the grant changed what it shows
    assert card.count.text() == "1"
    card.table.setCurrentIndex(card.proxy.index(0, 0))
    press(app, qtbot, Qt.Key.Key_Return, target=card.table)
    wait_idle(app, qtbot)
    assert app.window.current_view is view
    index = view.proxy.mapToSource(view.table.currentIndex())
    assert view.access.parties[index.row()].id == work.press
    assert view.access.targets[index.column()].id == work.campaign


def _more_assets(vault: Vault, job: object, folder: Path) -> tuple[str, str, str]:
    """A second campaign with an asset, and an asset in no campaign: (campaign, asset, asset)."""
    summer = add_campaign(vault, "Summer Drop")
    teaser = make_image(folder / "teaser.png", (20, 90, 200))
    logo = make_image(folder / "logo.png", (10, 10, 10))
    in_summer = import_files(vault, [teaser], ImportOptions(campaign_id=summer.id))[0]
    loose = import_files(vault, [logo], ImportOptions(sensitivity="internal"))[0]
    return summer.id, in_summer.id, loose.id


def _import(vault: Vault, job: object, path: Path) -> str:
    return import_files(vault, [path], ImportOptions())[0].id


def test_campaign_filter_narrows_the_asset_columns(
    app: SealroomApp, qtbot: QtBot, work: Work, tmp_path: Path, qtmodeltester: Any
) -> None:
    summer, teaser, logo = in_vault(app, qtbot, _more_assets, tmp_path)
    view = show(app, qtbot, "access")
    assert isinstance(view, AccessView)
    choices = [view.campaign_filter.itemText(i) for i in range(view.campaign_filter.count())]
    assert choices[0] == "All campaigns" and choices[-1] == "No campaign"
    assert sorted(choices[1:-1]) == ["Spring Glow", "Summer Drop"]

    view.mode.setCurrentIndex(view.mode.findData("asset"))
    qtbot.waitUntil(lambda: _targets(view) == [work.asset, teaser, logo], timeout=WAIT_MS)
    qtmodeltester.check(view.access)
    before = len(in_vault(app, qtbot, _audit_actions))
    narrowed = ((summer, [teaser]), (NO_CAMPAIGN_KEY, [logo]), (work.campaign, [work.asset]))
    for key, wanted in narrowed:
        view.campaign_filter.setCurrentIndex(view.campaign_filter.findData(key))
        qtbot.waitUntil(lambda wanted=wanted: _targets(view) == wanted, timeout=WAIT_MS)
        qtmodeltester.check(view.access)
    assert in_vault(app, qtbot, _audit_actions)[before:].count("asset.list") == 3
    view.search.setText("daily")
    assert view.proxy.rowCount() == 1
    view.search.clear()

    # Changed twice before the first answer arrives: only the last choice shows.
    view.campaign_filter.setCurrentIndex(view.campaign_filter.findData(summer))
    view.campaign_filter.setCurrentIndex(view.campaign_filter.findData(NO_CAMPAIGN_KEY))
    wait_idle(app, qtbot)
    assert _targets(view) == [logo]

    # A link to an asset cell shows every campaign's assets again, then selects the cell.
    view.mode.setCurrentIndex(view.mode.findData("campaign"))
    view.reveal(f"{work.press}|{teaser}")
    assert view.mode.currentData() == "asset"
    assert view.campaign_filter.currentText() == "All campaigns"
    qtbot.waitUntil(lambda: view.table.currentIndex().isValid(), timeout=WAIT_MS)
    index = view.proxy.mapToSource(view.table.currentIndex())
    assert view.access.parties[index.row()].id == work.press
    assert view.access.targets[index.column()].id == teaser
    assert len(view.access.targets) == 3

    # An asset made since the columns loaded: they load again.
    fresh = in_vault(app, qtbot, _import, make_image(tmp_path / "fresh.png", (200, 0, 90)))
    view.reveal(f"{work.influencer}|{fresh}")
    qtbot.waitUntil(lambda: len(view.access.targets) == 4, timeout=WAIT_MS)
    index = view.proxy.mapToSource(view.table.currentIndex())
    assert view.access.targets[index.column()].id == fresh
    assert view.access.parties[index.row()].id == work.influencer
    wait_idle(app, qtbot)


def test_demo_button_builds_and_opens_the_demo(
    sealroom: SealroomApp, qtbot: QtBot, tmp_path: Path
) -> None:
    sealroom.prefs.demo_folder = tmp_path / "data" / "Demo.sealroom"
    sealroom.start()
    start = sealroom.dialog
    assert isinstance(start, StartDialog) and start.demo_button.isVisible()
    qtbot.mouseClick(start.demo_button, Qt.MouseButton.LeftButton)
    # Building the demo runs dozens of real use-cases (imports, previews, NDAs): longer than
    # a single step may take on a busy machine.
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=6 * WAIT_MS)
    wait_idle(sealroom, qtbot)
    assert sealroom.runner.identity()[0] == "demo"
    assets_view = show(sealroom, qtbot, "assets")
    assert isinstance(assets_view, AssetsView)
    assert assets_view.assets.rowCount() > 0  # the real demo, with its campaigns' assets
    sealroom.window.lock()
    qtbot.waitUntil(lambda: isinstance(sealroom.dialog, UnlockDialog), timeout=WAIT_MS)
    unlock = sealroom.dialog
    assert isinstance(unlock, UnlockDialog)
    assert "demo-password" in " ".join(label.text() for label in unlock.findChildren(QLabel))


def test_edit_an_asset_then_release_its_embargo(
    app: SealroomApp, qtbot: QtBot, work: Work, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = show(app, qtbot, "assets")
    assert isinstance(view, AssetsView)
    view.select_key(work.asset)
    detail = view.asset_detail
    assert detail.release.isVisible()  # embargoed until the campaign's launch
    assert "Until" in detail._values["Embargo"].text()
    press(app, qtbot, Qt.Key.Key_Return, target=view.table)
    dialog = view.dialog
    assert isinstance(dialog, AssetDialog)
    wait_idle(app, qtbot)
    assert dialog.campaign.value() == work.campaign
    dialog.title_field.setText("Spring hero")
    dialog.tags.setText("hero, Instagram")
    dialog.embargo.setText("2020-01-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    assert "in the past" in dialog.form.error_of(dialog.embargo)
    dialog.embargo.setText(dialog.initial_embargo)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    asset = view.assets.record_of(work.asset)
    assert (asset.title, asset.tags) == ("Spring hero", ("hero", "instagram"))

    monkeypatch.setattr(common, "confirm", lambda *a: True)
    qtbot.mouseClick(detail.release, Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)
    released = view.assets.record_of(work.asset)
    assert released.released is not None and not released.embargoed
    assert app.window.messages.text() == "Released “Spring hero”"
    assert not detail.release.isVisible()
