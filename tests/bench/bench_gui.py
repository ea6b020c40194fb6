"""GUI benchmark: the real app on a large vault, measuring how long any action blocks the GUI.

    .venv/bin/python tests/bench/bench_gui.py            # 100k assets, 1M audit events (~10 min)
    .venv/bin/python tests/bench/bench_gui.py --quick    # 5k assets, 50k audit events

Enables the test-only key derivation (tiny Argon2id parameters) and
QT_QPA_PLATFORM=offscreen before Qt loads. Builds the vault in a temporary folder (removed at the
end; nothing is cached elsewhere), starts SealroomApp, unlocks it through the unlock dialog and
drives it with key presses and clicks. A 5 ms QTimer on the GUI thread records the longest gap
between its firings during each action: that gap minus 5 ms is the action's worst block.
Prints one table on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from core_report import progress
from gui_actions import SCREENS, Driver
from gui_probe import BlockProbe, reset_peak, status_mb
from gui_vault import PASSWORD, build_vault
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from sealroom.crypto import kdf
from sealroom.desktop.app import SealroomApp
from sealroom.desktop.views.preferences import Preferences

# Tiny Argon2id parameters for the vaults made here: test use only, never enabled by the app.
kdf.enable_test_parameters()

BLOCK_TARGET_MS = 50.0
MEMORY_TARGET_MB = 500.0
PAGE_DOWNS = 60


@dataclass(frozen=True)
class Sizes:
    assets: int
    events: int
    audit_depth: int


FULL = Sizes(100_000, 1_000_000, 500_000)
QUICK = Sizes(5_000, 50_000, 25_000)


@dataclass(frozen=True)
class Result:
    action: str
    block_ms: float
    rss_mb: float
    note: str = ""


def measure(probe: BlockProbe, results: list[Result], action: str, step: object) -> None:
    progress(f"gui: {action}")
    probe.start()
    note = step()  # type: ignore[operator]
    block = probe.stop()
    results.append(Result(action, block, status_mb("VmRSS"), note or ""))
    progress(f"gui:   worst block {block:.0f} ms{f'; {note}' if note else ''}")


def run_app(folder: Path, sizes: Sizes, settings: Path) -> tuple[list[Result], float, bool]:
    qapp = QApplication.instance() or QApplication(["sealroom-bench"])
    assert isinstance(qapp, QApplication)
    prefs = Preferences(QSettings(str(settings), QSettings.Format.IniFormat))
    prefs.last_vault = folder
    app = SealroomApp(qapp, prefs)
    driver = Driver(app, PASSWORD)
    probe = BlockProbe()
    results: list[Result] = []
    peak_reset = reset_peak()
    try:
        app.start()
        measure(probe, results, "unlock at start (password typed, Unlock clicked)", driver.unlock)
        for title in SCREENS:
            measure(probe, results, f"open {title}", lambda t=title: driver.open_screen(t))
            if title == "Assets":
                measure(
                    probe,
                    results,
                    "Assets: Ctrl+End to the last row",
                    lambda: driver.press_end("assets"),
                )
                measure(
                    probe,
                    results,
                    f"Assets: PageDown held for {PAGE_DOWNS} presses",
                    lambda: driver.page_down("assets", PAGE_DOWNS),
                )
                measure(probe, results, "Assets: type a search", driver.search_assets)
                measure(probe, results, "Assets: clear the search", driver.clear_assets_search)
                measure(probe, results, "Assets: sort by Campaign", driver.sort_assets)
            if title == "Audit log":
                measure(
                    probe,
                    results,
                    f"Audit log: drag the scroll bar to row {sizes.audit_depth:,}",
                    lambda: driver.drag_to_row("audit", sizes.audit_depth),
                )
                measure(
                    probe,
                    results,
                    "Audit log: Ctrl+End to the oldest event",
                    lambda: driver.press_end("audit"),
                )
                measure(probe, results, "Audit log: search the whole log", driver.search_audit)
                measure(probe, results, "Audit log: clear the search", driver.clear_audit_search)
            if title == "Access":
                measure(
                    probe,
                    results,
                    "Access: every asset across",
                    lambda: driver.access_assets(sizes.assets),
                )
        measure(probe, results, "lock (Ctrl+L)", driver.lock)
        measure(probe, results, "unlock again", driver.unlock)
    finally:
        app.close()
        qapp.processEvents()
    return results, status_mb("VmHWM"), peak_reset


def render(results: list[Result], peak_mb: float) -> str:
    headers = ("action", "worst GUI block (ms)", "target", "met", "RSS after (MB)")
    rows = [
        (
            r.action,
            f"{r.block_ms:.0f}",
            f"<= {BLOCK_TARGET_MS:.0f} ms",
            "yes" if r.block_ms <= BLOCK_TARGET_MS else "NO",
            f"{r.rss_mb:.0f}",
        )
        for r in results
    ]
    rows.append(
        (
            "peak resident memory (VmHWM)",
            "-",
            f"<= {MEMORY_TARGET_MB:.0f} MB",
            "yes" if peak_mb <= MEMORY_TARGET_MB else "NO",
            f"{peak_mb:.0f}",
        )
    )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join("-" * w for w in widths)

    def fmt(cells: tuple[str, ...]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs)

    return "\n".join([fmt(headers), line, *(fmt(r) for r in rows[:-1]), line, fmt(rows[-1])])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5k assets, 50k audit events")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="sealroom-bench-gui-"))
    try:
        fixture = build_vault(scratch / "vault", sizes.assets, sizes.events)
        results, peak, peak_reset = run_app(scratch / "vault", sizes, scratch / "settings.ini")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(render(results, peak))
    print()
    notes = [
        "Set at the top of the script: kdf.enable_test_parameters() (test-only Argon2id "
        "parameters) and QT_QPA_PLATFORM=offscreen.",
        fixture + " A benchmark fixture: several asset rows share one blob.",
        "Worst block = longest gap between firings of a 5 ms QTimer on the GUI thread during "
        "the action, minus 5 ms; each action ends when the vault thread is idle and 300 ms "
        "more have passed.",
        "Peak memory is VmHWM of this process"
        + (
            ", reset (clear_refs) after the vault was built, so it covers the app only."
            if peak_reset
            else " including building the vault (VmHWM could not be reset)."
        ),
        *(f"{r.action}: {r.note}" for r in results if r.note),
        f"Whole bench: {time.perf_counter() - started:.0f} s"
        + (" (--quick sizes)." if args.quick else "."),
    ]
    print(
        "\n".join(
            textwrap.fill(n, width=100, initial_indent="* ", subsequent_indent="  ") for n in notes
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
