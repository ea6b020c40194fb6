"""The People & companies screen: add with validation messages by the field, edit, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.parties import PartiesView
from sealroom.desktop.views.party_dialog import PartyDialog
from sealroom.desktop.widgets import forms as common

from .conftest import WAIT_MS, press, wait_idle


def parties_view(app: SealroomApp, qtbot: QtBot) -> PartiesView:
    app.window.show_section("parties")
    view = app.window.views["parties"]
    assert isinstance(view, PartiesView)
    assert app.window.current_view is view
    wait_idle(app, qtbot)
    return view


def open_add_dialog(app: SealroomApp, qtbot: QtBot, view: PartiesView) -> PartyDialog:
    press(app, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, PartyDialog) and dialog.isVisible()
    return dialog


def save(dialog: PartyDialog, qtbot: QtBot, app: SealroomApp) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_idle(app, qtbot)


def test_add_party_with_validation_errors_then_fixed(unlocked: SealroomApp, qtbot: QtBot) -> None:
    view = parties_view(unlocked, qtbot)
    assert view.parties.rowCount() == 0
    assert view.views.currentWidget() is view.empty
    dialog = open_add_dialog(unlocked, qtbot, view)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [
        "brand", "influencer", "agency", "press", "other"
    ]

    save(dialog, qtbot, unlocked)
    assert dialog.form.error_of(dialog.name) == "A party needs a name"
    assert dialog.isVisible()

    dialog.name.setText("Lumen Cosmetics")
    dialog.email.setText("press at lumen")
    save(dialog, qtbot, unlocked)
    assert dialog.form.error_of(dialog.email) == "'press at lumen' is not an email address"
    assert not dialog.form.error_of(dialog.name)
    assert dialog.isVisible() and view.parties.rowCount() == 0

    dialog.email.setText("press@lumen.example")
    dialog.kind.setCurrentIndex(dialog.kind.findData("brand"))
    dialog.handle.setText("@lumen")
    save(dialog, qtbot, unlocked)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert view.parties.rowCount() == 1
    party = view.parties.records()[0]
    assert (party.name, party.kind, party.email, party.handle) == (
        "Lumen Cosmetics", "brand", "press@lumen.example", "lumen"
    )
    assert view.facts.title.text() == "Lumen Cosmetics"
    assert view.facts.values["Handle"].text() == "@lumen"


def test_edit_with_enter_and_delete_with_a_reason(
    unlocked: SealroomApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = parties_view(unlocked, qtbot)
    dialog = open_add_dialog(unlocked, qtbot, view)
    dialog.name.setText("Ana Duarte")
    dialog.kind.setCurrentIndex(dialog.kind.findData("influencer"))
    save(dialog, qtbot, unlocked)
    qtbot.waitUntil(lambda: view.parties.rowCount() == 1, timeout=WAIT_MS)

    index = view.proxy.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag
    view.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    press(unlocked, qtbot, Qt.Key.Key_Return, target=view.table)
    edit = view.dialog
    assert isinstance(edit, PartyDialog) and edit.party is not None
    assert edit.name.text() == "Ana Duarte"
    edit.organisation.setText("Northlight Talent")
    save(edit, qtbot, unlocked)
    qtbot.waitUntil(lambda: not edit.isVisible(), timeout=WAIT_MS)
    assert view.parties.records()[0].organisation == "Northlight Talent"

    reasons = [None, "contract ended"]
    monkeypatch.setattr(common, "ask_reason", lambda *a: reasons.pop(0))
    press(unlocked, qtbot, Qt.Key.Key_Delete, target=view.table)
    assert view.parties.rowCount() == 1
    press(unlocked, qtbot, Qt.Key.Key_Delete, target=view.table)
    qtbot.waitUntil(lambda: view.parties.rowCount() == 0, timeout=WAIT_MS)
    assert "Deleted Ana Duarte" in unlocked.window.messages.text()


def test_search_filters_rows(unlocked: SealroomApp, qtbot: QtBot) -> None:
    view = parties_view(unlocked, qtbot)
    for name in ("Lumen Cosmetics", "Ana Duarte", "Daily Glow"):
        dialog = open_add_dialog(unlocked, qtbot, view)
        dialog.name.setText(name)
        save(dialog, qtbot, unlocked)
        qtbot.waitUntil(dialog.isHidden, timeout=WAIT_MS)
    press(unlocked, qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "glow")
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 0).data() == "Daily Glow"
    view.search.clear()
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == ["Ana Duarte", "Daily Glow", "Lumen Cosmetics"]


def test_the_organisation_column_is_never_a_sliver(unlocked: SealroomApp, qtbot: QtBot) -> None:
    from sealroom.desktop.tasks import content as tasks

    fields = tasks.PartyFields(
        "Ana Duarte", "influencer", "ana.duarte@studio-example.com",
        "Northlight Talent Management International", "ana.duarte",
    )
    unlocked.runner.submit(tasks.save_party, None, fields)
    wait_idle(unlocked, qtbot)
    view = parties_view(unlocked, qtbot)
    unlocked.window.resize(1000, 700)  # a narrow window: the table gets little width
    view.load()
    qtbot.waitUntil(lambda: view.parties.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(unlocked, qtbot)
    header = view.table.horizontalHeader()
    organisation = 3
    assert view.parties.headerData(organisation, Qt.Orientation.Horizontal) == "Organisation"
    assert view.table.columnWidth(organisation) >= header.sectionSizeHint(organisation)
    assert view.table.columnWidth(organisation) >= view.table.sizeHintForColumn(organisation)
