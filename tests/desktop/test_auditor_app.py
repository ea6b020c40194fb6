"""The auditor's app: an auditor's session shows the audit screens only, asks the vault for
nothing else, holds no content key; the log's filters narrow it in the vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sealroom.crypto.keyslots import Role
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.tasks import audit as audit_tasks
from sealroom.desktop.views.audit import AuditView
from sealroom.desktop.views.audit_checks import FailedUnlocksView, VerifyView
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.workers import Task
from sealroom.vault import users
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.audit_filter import AuditFilter
from sealroom.vault.session import Vault

from .conftest import WAIT_MS, unlock_through_dialog, wait_idle

AUDITOR = ("aldo", "auditor password 1")
AUDIT_SCREENS = ["audit", "unlocks", "verify"]


def _choose_user(app: SealroomApp, qtbot: QtBot, name: str) -> None:
    qtbot.waitUntil(lambda: isinstance(app.dialog, UnlockDialog), timeout=WAIT_MS)
    dialog = app.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.user.setCurrentText(name)


@pytest.fixture
def audited(vault: Vault) -> Path:
    users.add_user(vault, AUDITOR[0], Role.AUDITOR, AUDITOR[1])
    with vault.transaction():
        for n in range(30):
            vault.audit.append("test.event", f"ast_{n % 3}", "success" if n % 5 else "denied")
    folder = vault.folder
    vault.lock()
    return folder


def test_an_auditor_sees_only_the_audit_screens_and_asks_for_no_content(
    sealroom: SealroomApp, qtbot: QtBot, audited: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted: list[Any] = []
    real_submit = sealroom.runner.submit

    def recording_submit(fn: Any, *args: Any) -> Task:
        submitted.append(fn)
        return real_submit(fn, *args)

    monkeypatch.setattr(sealroom.runner, "submit", recording_submit)
    sealroom.prefs.last_vault = audited
    sealroom.start()
    _choose_user(sealroom, qtbot, AUDITOR[0])
    unlock_through_dialog(sealroom, qtbot, "not the auditor password")
    _choose_user(sealroom, qtbot, AUDITOR[0])
    unlock_through_dialog(sealroom, qtbot, AUDITOR[1])
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    window = sealroom.window

    assert window.runner.identity()[1] == "auditor"
    assert sorted(window.views) == sorted(AUDIT_SCREENS)
    listed = [window.sidebar.item(r).data(256) for r in range(window.sidebar.count())]
    assert [k for k in listed if k] == AUDIT_SCREENS  # no other screen, not even greyed
    assert [a.data() for a in window.go_actions] == AUDIT_SCREENS
    assert isinstance(window.current_view, AuditView)  # not the dashboard
    vault = window.runner.vault_for_thread()
    assert vault is not None and vault.keys.content is None

    unlocks = window.views["unlocks"]
    assert isinstance(unlocks, FailedUnlocksView)
    window.show_section("unlocks")
    qtbot.waitUntil(lambda: unlocks.attempts.rowCount() == 1, timeout=WAIT_MS)
    attempt = unlocks.attempts.record(0)
    assert attempt.actor == AUDITOR[0] and "wrong password" in attempt.reason

    check = window.views["verify"]
    assert isinstance(check, VerifyView)
    window.show_section("verify")
    qtbot.mouseClick(check.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: check.result.toPlainText().startswith("OK:"), timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)

    for fn in submitted:
        assert fn.__module__ == audit_tasks.__name__, f"an auditor's app ran {fn.__name__}"


def test_an_owner_still_sees_the_content_screens_after_an_auditor(
    sealroom: SealroomApp, qtbot: QtBot, audited: Path
) -> None:
    sealroom.prefs.last_vault = audited
    sealroom.start()
    _choose_user(sealroom, qtbot, AUDITOR[0])
    unlock_through_dialog(sealroom, qtbot, AUDITOR[1])
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    sealroom.window.lock()
    _choose_user(sealroom, qtbot, "owner")
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    assert {"dashboard", "assets", "tracing", *AUDIT_SCREENS} <= set(sealroom.window.views)


def test_filters_narrow_the_log_in_the_vault(
    sealroom: SealroomApp, qtbot: QtBot, audited: Path
) -> None:
    sealroom.prefs.last_vault = audited
    sealroom.start()
    _choose_user(sealroom, qtbot, AUDITOR[0])
    unlock_through_dialog(sealroom, qtbot, AUDITOR[1])
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    view = sealroom.window.views["audit"]
    assert isinstance(view, AuditView)
    ModelTester(None).check(view.log, force_py=True)
    qtbot.waitUntil(lambda: view.log.total > 30, timeout=WAIT_MS)
    everything = view.log.total
    qtbot.waitUntil(lambda: view.filters.action.count() > 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.chain.text() != "", timeout=WAIT_MS)
    assert f"{everything:,} events now" in view.chain.text()
    assert view.export_button.isEnabled()

    view.filters.action.setCurrentIndex(view.filters.action.findData("test.event"))
    view.filters.apply()
    qtbot.waitUntil(lambda: view.log.total == 30, timeout=WAIT_MS)
    view.filters.asset.setText("ast_1")
    view.filters.apply()
    qtbot.waitUntil(lambda: view.log.total == 10, timeout=WAIT_MS)
    view.filters.outcome.setCurrentIndex(view.filters.outcome.findData("denied"))
    view.filters.apply()
    qtbot.waitUntil(lambda: view.log.total == 2, timeout=WAIT_MS)  # n = 10 and 25
    qtbot.waitUntil(lambda: view.log.record_at(0) is not None, timeout=WAIT_MS)
    shown = [view.log.record_at(r) for r in range(view.log.rowCount())]
    assert all(e and e.object == "ast_1" and e.outcome == "denied" for e in shown)
    assert view.count.text() == f"2 of {everything:,} events match"
    view.filters.person.setCurrentIndex(view.filters.person.findData("nobody"))
    view.filters.since.setText("2999-01-01")
    view.filters.apply()
    qtbot.waitUntil(lambda: view.log.total == 0, timeout=WAIT_MS)
    view.filters.reset()
    qtbot.waitUntil(lambda: view.log.total == everything, timeout=WAIT_MS)


def test_the_same_filters_for_a_content_holder(vault: Vault) -> None:
    with vault.transaction():
        vault.audit.append("party.add", "pty_1")
        vault.audit.append("grant.add", "grt_1", public="asset ast_9 party pty_1")
    log = vault.audit
    by_party = log.search("", log.size, 0, 50, AuditFilter(party="pty_1"))
    assert [e.action for e in by_party] == ["grant.add", "party.add"]
    assert log.count_matching("", log.size, AuditFilter(asset="ast_9", action="grant.add")) == 1
    assert log.count_matching("", log.size, AuditFilter(person="owner", until="2000-01-01")) == 0


def test_an_auditor_exports_the_bundle_from_the_app_and_it_verifies(
    sealroom: SealroomApp, qtbot: QtBot, audited: Path, tmp_path: Path
) -> None:
    sealroom.prefs.last_vault = audited
    sealroom.start()
    _choose_user(sealroom, qtbot, AUDITOR[0])
    unlock_through_dialog(sealroom, qtbot, AUDITOR[1])
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    view = sealroom.window.views["audit"]
    assert isinstance(view, AuditView)
    wait_idle(sealroom, qtbot)
    exports = tmp_path / "exports"
    exports.mkdir()
    view.export(exports)
    assert view.progress.isVisible() and not view.export_button.isEnabled()
    qtbot.waitUntil(view.export_button.isEnabled, timeout=WAIT_MS)
    (bundle,) = exports.iterdir()
    assert "Exported" in sealroom.window.messages.text()
    report = verify_bundle(bundle)
    assert report.ok, report.problems
