"""Share packages from the manager's app: the dialog's check before issuing, a batch with a
progress bar and Cancel, passphrases shown once, receipts and revocation on the Share packages
screen (a real vault, real packages opened with the recipient's real age key)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sealroom_access import allow_copies

from sealroom.crypto import agebox
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.campaigns import CampaignsView
from sealroom.desktop.views.package_dialog import PackageDialog
from sealroom.desktop.views.packages import PackagesView
from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.partner.opening import accept_terms, open_share, receipt_for
from sealroom.vault.partner.store import PartnerStore
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, make_scene, unlock_through_dialog, wait_idle

BATCH = 24


@pytest.fixture
def world(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> dict[str, Any]:
    ana_key, ana_public = agebox.generate_identity()
    omar_key, omar_public = agebox.generate_identity()
    ana = add_party(vault, "Ana Duarte", "influencer", age_recipient=ana_public)
    omar = add_party(vault, "Omar Press", "press", age_recipient=omar_public)
    kito = add_party(vault, "Kito Studio", "agency")
    crowd = [
        add_party(vault, f"Partner {n:02}", "brand", age_recipient=agebox.generate_identity()[1])
        for n in range(BATCH)
    ]
    campaign = add_campaign(vault, "Spring drop", influencer_ids=(ana.id,))
    (hero,) = import_files(
        vault, [make_scene(tmp_path / "hero.png", seed=1)], ImportOptions(campaign_id=campaign.id)
    )
    (cut,) = import_files(vault, [make_scene(tmp_path / "cut.png", seed=2)])
    for party in (ana, kito, *crowd):
        allow_copies(vault, party.id, hero.id, cut.id)
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    out = tmp_path / "out"
    out.mkdir()
    return {
        "app": sealroom, "ana": ana, "omar": omar, "kito": kito, "crowd": crowd,
        "hero": hero, "cut": cut, "campaign": campaign, "ana_key": ana_key,
        "omar_key": omar_key, "out": out,
    }


def _dialog(app: SealroomApp, qtbot: QtBot) -> PackageDialog:
    qtbot.waitUntil(lambda: isinstance(app.window.findChild(PackageDialog), PackageDialog),
                    timeout=WAIT_MS)
    dialog = app.window.findChild(PackageDialog)
    assert isinstance(dialog, PackageDialog)
    qtbot.waitUntil(lambda: dialog.form.isEnabled(), timeout=WAIT_MS)
    return dialog


def _checked(qtbot: QtBot, dialog: PackageDialog, *names: str) -> str:
    """The check text, once it names every one of `names`."""
    qtbot.waitUntil(
        lambda: all(n in dialog.check.toPlainText() for n in names)
        and not dialog._check_timer.isActive() and not dialog._checking,
        timeout=WAIT_MS,
    )
    return dialog.check.toPlainText()


def test_share_from_assets_checks_each_recipient_then_issues_their_packages(
    world: dict[str, Any], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any
) -> None:
    app: SealroomApp = world["app"]
    app.window.show_section("assets")
    assets = app.window.views["assets"]
    assert isinstance(assets, AssetsView)
    wait_idle(app, qtbot)
    assets.table.selectAll()
    assets.share_selected()
    dialog = _dialog(app, qtbot)
    assert sorted(dialog.assets.ticked()) == sorted([world["hero"].id, world["cut"].id])
    assert dialog.check.toPlainText() == "Tick assets and recipients to check them."
    dialog.parties.set_ticked({world["ana"].id, world["omar"].id})
    text = _checked(qtbot, dialog, "Ana Duarte", "Omar Press")
    assert text.startswith("1 of 2 recipients may receive the package.")
    assert "✓ Ana Duarte: under Mutual NDA" in text
    assert "✗ Omar Press: refused for 2 of 2 assets" in text
    assert "    hero: no grant; " in text and "    cut: no grant; " in text
    assert dialog.issue_button.text() == "Issue 2 packages"
    assert dialog.reason.isVisible()  # an owner may override with a written reason
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_of(dialog.where) == "Choose the folder to write the packages to"
    dialog.out.setText(str(world["out"]))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS * 3)
    result = dialog.outcome
    assert result is not None and len(result.issued) == 1
    assert [party for party, _ in result.refused] == [world["omar"].id]
    assert "1 package written" in dialog.status.text()
    assert "1 refused by the outbound rule" in dialog.status.text()
    (issued,) = result.issued
    opened = open_share(
        issued.path.read_bytes(), PartnerStore(world["out"] / "ana.json"),
        identity=world["ana_key"],
    )
    assert opened.manifest.recipient_name == "Ana Duarte"
    assert {a.asset_id for a in opened.manifest.assets} == {world["hero"].id, world["cut"].id}
    assert result.ledger is not None
    with result.ledger.open(newline="", encoding="utf-8") as f:
        assert [r["party_name"] for r in csv.DictReader(f)] == ["Ana Duarte"]
    assert sorted(p.name for p in world["out"].iterdir()) == sorted(
        [issued.path.name, result.ledger.name, "ana.json"])

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)  # now "Close"
    packages = app.window.views["packages"]
    assert isinstance(packages, PackagesView)
    qtbot.waitUntil(lambda: app.window.current_view is packages, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: packages.packages.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(app, qtbot)
    qtmodeltester.check(packages.packages)
    row = packages.packages.records()[0]
    assert (row.party_name, row.status) == ("Ana Duarte", "issued")
    assert packages.facts.values["NDA terms accepted"].text() == "no receipt yet"

    store = PartnerStore(world["out"] / "ana.json")
    accepted = accept_terms(opened, store)
    receipt = world["out"] / "ana.sealreceipt"
    receipt.write_bytes(receipt_for(opened, accepted, world["ana_key"]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(receipt), ""))
    packages.import_receipt()
    qtbot.waitUntil(lambda: packages.packages.records()[0].status == "accepted",
                    timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert packages.facts.values["Status"].text() == "accepted"
    assert packages.facts.values["NDA terms accepted"].text().startswith(accepted[:10])

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sent too early", True))
    qtbot.mouseClick(packages.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: packages.packages.records()[0].status == "revoked",
                    timeout=WAIT_MS)
    wait_idle(app, qtbot)
    assert not packages.revoke_button.isEnabled()
    app.window.lock()
    assert packages.packages.rowCount() == 0


def test_a_recipient_without_a_key_needs_a_passphrase_shown_once(
    world: dict[str, Any], qtbot: QtBot
) -> None:
    app: SealroomApp = world["app"]
    app.window.show_section("campaigns")
    campaigns = app.window.views["campaigns"]
    assert isinstance(campaigns, CampaignsView)
    wait_idle(app, qtbot)
    campaigns.select_key(world["campaign"].id)
    qtbot.mouseClick(campaigns.share_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(app, qtbot)
    assert dialog.assets.ticked() == [world["hero"].id]  # the campaign's asset only
    assert dialog.parties.ticked() == [world["ana"].id]  # its influencer
    dialog.parties.set_ticked({world["kito"].id})
    text = _checked(qtbot, dialog, "Kito Studio")
    assert "Kito Studio has no age key: tick the passphrase option" in text
    dialog.out.setText(str(world["out"]))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert "Kito Studio: no age key recorded" in dialog.form.error_of(dialog.passphrase)
    assert dialog.outcome is None and not any(world["out"].iterdir())
    dialog.passphrase.setChecked(True)
    assert "no age key: tick" not in dialog.check.toPlainText()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS * 3)
    assert dialog.outcome is not None
    (issued,) = dialog.outcome.issued
    assert issued.passphrase is not None and dialog.passphrases.isVisible()
    assert f"{issued.path.name}: {issued.passphrase}" in dialog.passphrases.toPlainText()
    opened = open_share(
        issued.path.read_bytes(), PartnerStore(world["out"] / "kito.json"),
        passphrase=issued.passphrase,
    )
    assert opened.manifest.recipient_name == "Kito Studio"
    dialog.accept()


def test_cancel_stops_a_batch_and_keeps_what_was_issued(
    world: dict[str, Any], qtbot: QtBot
) -> None:
    app: SealroomApp = world["app"]
    app.window.show_section("packages")
    packages = app.window.views["packages"]
    assert isinstance(packages, PackagesView)
    wait_idle(app, qtbot)
    packages.new_item()
    dialog = _dialog(app, qtbot)
    crowd = {p.id for p in world["crowd"]}
    dialog.assets.set_ticked({world["hero"].id})
    dialog.parties.filter.setText("Partner")
    dialog.parties.tick_shown()
    assert set(dialog.parties.ticked()) == crowd
    _checked(qtbot, dialog, f"{BATCH} of {BATCH} recipients may receive the package.")
    dialog.out.setText(str(world["out"]))
    steps: list[int] = []

    def cancel_after_the_first(done: int, total: int) -> None:
        steps.append(done)
        if done >= 1 and dialog.cancel_button.isEnabled():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.issuing is not None and dialog.bar.isVisible()
    assert packages.long_work_running()
    dialog.issuing.progressed.connect(cancel_after_the_first)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS * 6)
    result = dialog.outcome
    assert result is not None and result.cancelled
    assert 1 <= len(result.issued) < BATCH
    assert "cancelled before the other recipients" in dialog.status.text()
    assert result.ledger is not None
    with result.ledger.open(newline="", encoding="utf-8") as f:
        ledger = [r["package_id"] for r in csv.DictReader(f)]
    assert ledger == [i.package.id for i in result.issued]
    written = sorted(p.name for p in world["out"].glob("*.sealshare"))
    assert written == sorted(i.path.name for i in result.issued)
    dialog.accept()
    qtbot.waitUntil(lambda: packages.packages.rowCount() == len(result.issued), timeout=WAIT_MS)
