"""Every dialog of the app: Enter never means Cancel (Cancel is never the default button, and
cannot become it by taking the focus); the button that does the dialog's work is the default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.access_columns import Target
from sealroom.desktop.tasks.protect import ShareChoices
from sealroom.desktop.views.about import AboutDialog
from sealroom.desktop.views.agreement_dialog import AgreementDialog
from sealroom.desktop.views.asset_dialog import AssetDialog
from sealroom.desktop.views.campaign_dialog import CampaignDialog
from sealroom.desktop.views.create_vault import CreateVaultDialog
from sealroom.desktop.views.grant_dialog import GrantDialog
from sealroom.desktop.views.import_dialog import ImportDialog
from sealroom.desktop.views.party_dialog import PartyDialog
from sealroom.desktop.views.people import PeopleDialog
from sealroom.desktop.views.person_dialog import PersonDialog
from sealroom.desktop.views.preferences import PreferencesDialog
from sealroom.desktop.views.share_dialog import ShareDialog
from sealroom.desktop.views.start import StartDialog
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.views.verify_dialog import VerifyDialog
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import Party, add_party
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, make_image, unlock_through_dialog, wait_idle


@pytest.fixture
def records(vault: Vault, tmp_path: Path) -> tuple[Party, Asset]:
    party = add_party(vault, "Ana Duarte", "influencer")
    asset = import_files(vault, [make_image(tmp_path / "hero.png", (200, 30, 30))])[0]
    vault.lock()
    return party, asset


@pytest.fixture
def app(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault, records: tuple[Party, Asset]
) -> SealroomApp:
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return sealroom


Factory = Callable[[SealroomApp, tuple[Party, Asset], Path], QDialog]

DIALOGS: dict[str, Factory] = {
    "agreement": lambda a, r, p: AgreementDialog(a.runner, None, a.window),
    "asset": lambda a, r, p: AssetDialog(a.runner, r[1], a.window),
    "campaign": lambda a, r, p: CampaignDialog(a.runner, None, a.window),
    "grant": lambda a, r, p: GrantDialog(
        a.runner, r[0], Target("asset", r[1].id, r[1].title), a.window
    ),
    "import": lambda a, r, p: ImportDialog(a.runner, [p], a.window),
    "party": lambda a, r, p: PartyDialog(a.runner, None, a.window),
    "person": lambda a, r, p: PersonDialog(a.runner, None, a.window),
    "password": lambda a, r, p: PersonDialog(a.runner, "owner", a.window),
    "people": lambda a, r, p: PeopleDialog(a.runner, "owner", a.window),
    "share": lambda a, r, p: ShareDialog(
        a.runner, ShareChoices([(r[1].id, r[1].title)], [r[0]]), a.window
    ),
    "verify": lambda a, r, p: VerifyDialog(a.runner, a.window),
    "about": lambda a, r, p: AboutDialog(a.window),
    "preferences": lambda a, r, p: PreferencesDialog(a.prefs, a.window),
    "create": lambda a, r, p: CreateVaultDialog(a.runner, a.window, p.parent),
    "unlock": lambda a, r, p: UnlockDialog(a.runner, p.parent, a.window, None, ""),
    "start": lambda a, r, p: StartDialog(a.window),
}


def _cancel_buttons(dialog: QDialog) -> list[QPushButton]:
    found = []
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            cancel = box.standardButton(button) == QDialogButtonBox.StandardButton.Cancel
            if (cancel or button.text().replace("&", "") == "Cancel") and isinstance(
                button, QPushButton
            ):
                found.append(button)
    return found


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_cancel_is_never_the_default_button(
    app: SealroomApp,
    qtbot: QtBot,
    records: tuple[Party, Asset],
    tmp_path: Path,
    name: str,
) -> None:
    path = make_image(tmp_path / "teaser.png", (20, 90, 200))
    assert app.folder is not None
    dialog = DIALOGS[name](app, records, app.folder / "header.json" if name == "unlock" else path)
    qtbot.addWidget(dialog)
    dialog.open()
    wait_idle(app, qtbot)
    buttons = dialog.findChildren(QPushButton)
    assert dialog.focusWidget() not in _cancel_buttons(dialog), f"{name}: focus on Cancel"
    for cancel in _cancel_buttons(dialog):
        assert not cancel.isDefault(), f"{name}: Cancel is the default"
        assert not cancel.autoDefault(), f"{name}: Cancel becomes the default when focused"
        cancel.setFocus()
        assert not cancel.isDefault()
    defaults = [b.text() for b in buttons if b.isDefault() and b.isVisible()]
    assert len(defaults) <= 1, f"{name}: several defaults {defaults}"
    if name not in ("start", "people"):  # a choice of paths / a list with a Close button
        assert defaults, f"{name}: Enter does nothing"
    dialog.reject()
    wait_idle(app, qtbot)
