"""Measuring the GUI thread: an event-loop timer that records its longest gap, waits that keep
the event loop running, and the process's memory from /proc/self/status."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer

INTERVAL_MS = 5


class BlockProbe(QObject):
    """A timer firing every INTERVAL_MS on the GUI thread; a late firing means a blocked thread.

    The worst block of an action is the longest gap between two firings, minus the interval.
    """

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._worst = 0.0

    def start(self) -> None:
        self._worst = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._worst = max(self._worst, now - self._last)
        self._last = now

    def stop(self) -> float:
        """The worst block since `start`, in milliseconds."""
        self._tick()
        self._timer.stop()
        return max(0.0, self._worst * 1000 - INTERVAL_MS)


def spin(ms: int) -> None:
    """Run the event loop for `ms` milliseconds (the GUI thread keeps working)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until `condition()` holds; raise after `timeout_s`."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"waited {timeout_s:.0f} s for {what}")
        spin(INTERVAL_MS)


def status_mb(field: str) -> float:
    """A VmRSS / VmHWM line of /proc/self/status, in MB (10^6 bytes)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def reset_peak() -> bool:
    """Reset VmHWM (Linux: write 5 to clear_refs), so the peak covers the app only."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True
