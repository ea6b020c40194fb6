"""The Leak tracing table shows a near miss in plain words, never as a named recipient."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sealroom.desktop.models.tracing import TraceModel, TraceRow, alignment_text
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


def test_alignment_is_told_in_words() -> None:
    found = {"inliers": 142.0, "correlation": 0.9312, "mirrored": 1.0, "coverage": 0.384}
    assert alignment_text(found) == (
        "142 matching points; the asset fills 38 % of the file; mirrored; "
        "fine alignment 0.93 (1 is exact)"
    )
    global_only = {"inliers": 0.0, "correlation": 0.5, "mirrored": 0.0, "coverage": 1.0}
    assert alignment_text(global_only).startswith("matched by its overall look")
    assert "mirrored" not in alignment_text(global_only)
    assert alignment_text(None) == "—"
