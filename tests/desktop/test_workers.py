"""The vault thread: results come back on the GUI thread, errors as one line, stale work dropped."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from sealroom.desktop.workers import PROGRESS_STEPS, Job, VaultRunner
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.session import Vault

from .conftest import PASSWORD, WAIT_MS


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[VaultRunner]:
    made = VaultRunner()
    yield made
    made.shutdown()


def _open(job: Job, folder: Any) -> Vault:
    return Vault.unlock(folder, "owner", PASSWORD)


def _where(vault: Vault, job: Job) -> tuple[str, bool]:
    return threading.current_thread().name, threading.current_thread() is threading.main_thread()


def _fails(vault: Vault, job: Job, kind: str) -> None:
    if kind == "ours":
        raise InvalidInputError("that title is taken")
    raise KeyError("a bug")


def _counts(vault: Vault, job: Job, n: int) -> int:
    for i in range(n + 1):
        job.progress(i, n)
    return n


class Collector:
    """A QObject-free receiver is enough here: these signals are emitted on the GUI thread."""

    def __init__(self) -> None:
        self.done: list[Any] = []
        self.failed: list[str] = []
        self.progress: list[tuple[int, int]] = []

    def on_done(self, value: Any) -> None:
        self.done.append(value)

    def on_failed(self, message: str) -> None:
        self.failed.append(message)

    def on_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total))


def test_calls_run_off_the_gui_thread(runner: VaultRunner, qtbot: QtBot, vault: Vault) -> None:
    vault.lock()
    got = Collector()
    with qtbot.waitSignal(runner.open(_open, vault.folder).done, timeout=WAIT_MS):
        pass
    assert runner.unlocked
    task = runner.submit(_where)
    task.done.connect(got.on_done)
    qtbot.waitUntil(lambda: bool(got.done), timeout=WAIT_MS)
    assert got.done[0][1] is False


def test_errors_are_one_line_and_bugs_say_unexpected(
    runner: VaultRunner, qtbot: QtBot, vault: Vault
) -> None:
    vault.lock()
    got = Collector()
    runner.open(_open, vault.folder)
    for kind in ("ours", "bug"):
        task = runner.submit(_fails, kind)
        task.failed.connect(got.on_failed)
    qtbot.waitUntil(lambda: len(got.failed) == 2, timeout=WAIT_MS)
    assert got.failed[0] == "that title is taken"
    assert got.failed[1] == "unexpected failure (KeyError: 'a bug')"


def test_progress_is_throttled(runner: VaultRunner, qtbot: QtBot, vault: Vault) -> None:
    vault.lock()
    got = Collector()
    runner.open(_open, vault.folder)
    task = runner.submit(_counts, 100_000)
    task.progressed.connect(got.on_progress)
    task.done.connect(got.on_done)
    qtbot.waitUntil(lambda: bool(got.done), timeout=WAIT_MS)
    assert len(got.progress) <= PROGRESS_STEPS + 1
    assert got.progress[-1] == (100_000, 100_000)


def test_locking_drops_results_of_earlier_calls(
    runner: VaultRunner, qtbot: QtBot, vault: Vault
) -> None:
    vault.lock()
    got = Collector()
    runner.open(_open, vault.folder)
    tasks = [runner.submit(_counts, 10) for _ in range(20)]
    for task in tasks:
        task.done.connect(got.on_done)
        task.failed.connect(got.on_failed)
    runner.lock()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)
    assert got.done == [] and got.failed == []
    assert not runner.unlocked
    late = runner.submit(_counts, 1)
    late.failed.connect(got.on_failed)
    qtbot.waitUntil(lambda: bool(got.failed), timeout=WAIT_MS)
    assert got.failed == ["the vault is locked"]


class _Pinger(QObject):
    ping = Signal(int)

    def on_ping(self, n: int) -> None:
        self.last = n


def test_qt_calls_keep_none_and_true_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on CPython 3.11 takes a reference from None on every void call and from
    True on every emit, so the app aborts after a few thousand; pyproject excludes that build."""
    pinger = _Pinger()
    pinger.ping.connect(pinger.on_ping)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(2_000):
        pinger.setObjectName("x")
        pinger.ping.emit(n)
    assert pinger.last == 1_999
    assert sys.getrefcount(None) >= none_before - 100
    assert sys.getrefcount(True) >= true_before - 100
