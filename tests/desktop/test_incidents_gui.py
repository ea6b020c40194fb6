"""Incidents on the desktop: a traced leak becomes a case in one click, the Incidents screen
moves its status, keeps notes, writes the evidence pack, and the dashboard counts it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sealroom_access import allow_copies

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.dashboard import INCIDENTS
from sealroom.desktop.views.dashboard import DashboardView
from sealroom.desktop.views.incidents import IncidentsView
from sealroom.desktop.views.tracing import TracingView
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import add_party
from sealroom.vault.protect.shares import export_preview
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, drop_paths, make_scene, unlock_through_dialog, wait_idle


@pytest.fixture
def leak(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> Path:
    ana = add_party(vault, "Ana Duarte", "influencer")
    (hero,) = import_files(vault, [make_scene(tmp_path / "hero.png")])
    allow_copies(vault, ana.id, hero.id)
    leaked = tmp_path / "preview.png"
    export_preview(vault, hero.id, ana.id, leaked, max_side=400)
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return leaked


def test_a_traced_leak_becomes_an_incident_in_one_click(
    sealroom: SealroomApp, qtbot: QtBot, leak: Path, tmp_path: Path, qtmodeltester: Any
) -> None:
    window = sealroom.window
    window.show_section("tracing")
    tracing = window.views["tracing"]
    assert isinstance(tracing, TracingView)
    assert not tracing.incident_button.isEnabled()
    drop_paths(tracing.views.currentWidget(), [leak])
    qtbot.waitUntil(lambda: tracing.traces.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(tracing.incident_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(tracing.incident_button, Qt.MouseButton.LeftButton)

    incidents = window.views["incidents"]
    assert isinstance(incidents, IncidentsView)
    qtbot.waitUntil(lambda: window.current_view is incidents, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: incidents.case is not None, timeout=WAIT_MS)
    qtmodeltester.check(incidents.cases)
    assert incidents.cases.rowCount() == 1
    case = incidents.case
    assert case is not None and case.incident.source == "trace"
    assert "Ana Duarte (named)" in incidents.facts.values["Candidates"].text()
    assert "Mutual NDA" in incidents.facts.values["Agreements"].text()
    assert not incidents.status_buttons["open"].isEnabled()

    qtbot.mouseClick(incidents.status_buttons["confirmed"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: incidents.case is not None and incidents.case.incident.status == "confirmed",
        timeout=WAIT_MS,
    )
    assert not incidents.status_buttons["dismissed"].isEnabled()  # confirmed -> closed only
    incidents.add_note("The brand's lawyer has the file")
    qtbot.waitUntil(
        lambda: "lawyer" in incidents.facts.values["Notes"].text(), timeout=WAIT_MS
    )
    incidents.export(tmp_path / "pack")
    qtbot.waitUntil(lambda: bool(incidents.last_export), timeout=WAIT_MS)
    assert incidents.last_export[0].read_bytes().startswith(b"%PDF-")

    window.show_section("dashboard")
    board = window.views["dashboard"]
    assert isinstance(board, DashboardView)
    window.refresh()  # the dashboard was read at unlock, before the incident
    qtbot.waitUntil(
        lambda: any(i.card == INCIDENTS for i in board.model.records()), timeout=WAIT_MS
    )
    cards = [i for i in board.model.records() if i.card == INCIDENTS]
    assert [c.record for c in cards] == [case.incident.id]
