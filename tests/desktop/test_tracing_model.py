"""The Leak tracing table shows a near miss in plain words, never as a named recipient."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sealroom.desktop.models.tracing import TraceModel, TraceRow
from sealroom.vault.protect.trace import SuspectReport, TraceCandidate, odds_words


def test_near_miss_row_says_likely_not_proven(qtmodeltester: Any) -> None:
    lumen = TraceCandidate("pty_1", "shr_1", 5.1, 1.02e-6, "Lumen", "ast_1", 1, p_single=5e-8)
    report = SuspectReport(
        "/leaks/post.jpg",
        "no confident match",
        "ast_1",
        1,
        candidates=(lumen,),
        near_miss=lumen,
        tested=20,
        summary=f"likely Lumen, not proven: odds {odds_words(1.02e-6)}; trace another copy",
    )
    model = TraceModel()
    model.add_record(TraceRow("t1", report, "Launch photo", (), ("Lumen",)))
    qtmodeltester.check(model)
    verdict = model.index(0, 1)
    assert model.data(verdict) == "Likely Lumen, not proven"
    assert "trace another copy" in model.data(verdict, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 3)) == "—"  # nobody is named
    assert odds_words(1.02e-6) == "1 in 980,000"
