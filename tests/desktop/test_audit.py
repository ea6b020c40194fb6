"""The Audit log screen: a page of events at a time, newest first, failures in a warning colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.models.audit import PAGE_SIZE
from sealroom.desktop.views.audit import AuditView
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, unlock_through_dialog, wait_idle

EXTRA_EVENTS = 2 * PAGE_SIZE + 50


def test_audit_log_fetches_pages_lazily_and_marks_failures(
    sealroom: SealroomApp, qtbot: QtBot, vault: Vault
) -> None:
    with vault.transaction():
        for n in range(EXTRA_EVENTS):
            vault.audit.append("test.event", f"obj_{n}")
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot, "a wrong password")
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)

    sealroom.window.show_section("audit")
    view = sealroom.window.views["audit"]
    assert isinstance(view, AuditView)
    qtbot.waitUntil(lambda: view.log.rowCount() > EXTRA_EVENTS, timeout=WAIT_MS)
    total = view.log.total
    assert total == view.log.size
    assert view.count.text() == f"{total:,} events"
    qtbot.waitUntil(lambda: view.proxy.index(0, 0).data() == str(total), timeout=WAIT_MS)
    newest = [view.log.record_at(r) for r in range(PAGE_SIZE)]
    assert [e.seq for e in newest if e] == list(range(total, total - PAGE_SIZE, -1))

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: view.proxy.index(total - 1, 0).data() == "1", timeout=WAIT_MS)
    middle = total - PAGE_SIZE - 20
    assert view.log.row_of(str(middle)) == -1  # the pages scrolled past were never read
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: view.proxy.index(0, 0).data() == str(total), timeout=WAIT_MS)

    failures = [
        r for r in range(PAGE_SIZE)
        if (e := view.log.record_at(r)) and e.action == "vault.unlock" and e.outcome == "failure"
    ]
    assert len(failures) == 1
    brush = view.log.index(failures[0], 5).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    assert view.log.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is None

    view.table.selectRow(view.proxy.mapFromSource(view.log.index(failures[0], 0)).row())
    assert view.facts.values["Outcome"].text() == "failure"
    assert "wrong password" in view.facts.values["Detail"].text()


def test_refresh_shows_new_events_and_search_reads_the_whole_log(
    unlocked: SealroomApp, qtbot: QtBot
) -> None:
    unlocked.window.show_section("audit")
    view = unlocked.window.views["audit"]
    assert isinstance(view, AuditView)
    qtbot.waitUntil(lambda: view.log.rowCount() > 0, timeout=WAIT_MS)
    before = view.log.total
    unlocked.window.show_section("parties")
    wait_idle(unlocked, qtbot)
    unlocked.window.show_section("audit")
    unlocked.window.refresh()
    qtbot.waitUntil(lambda: view.log.total > before, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.proxy.index(0, 3).data() == "party.list", timeout=WAIT_MS)

    view.search.setText("VAULT.create")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.proxy.index(0, 3).data() == "vault.create", timeout=WAIT_MS)
    assert view.count.text() == f"1 of {view.log.size:,} events match"
    view.search.setText("no event says this")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0, timeout=WAIT_MS)
    assert view.views.currentWidget() is view.empty
    view.search.clear()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == view.log.size, timeout=WAIT_MS)
    wait_idle(unlocked, qtbot)

