"""The Leak tracing screen shows, for each named recipient and for the near miss, the share
(code, date, who issued it), the grant and the NDA it went out under, or the owner's override
(real vault, real previews, real traces, offscreen widgets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sealroom_access import allow_copies

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.tasks.protect import TraceResult
from sealroom.desktop.views.tracing import TracingView
from sealroom.vault.assets.importing import import_files
from sealroom.vault.parties.directory import add_party
from sealroom.vault.protect import shares
from sealroom.vault.protect.outbound import outbound_exceptions
from sealroom.vault.protect.trace import SuspectReport, TraceCandidate
from sealroom.vault.protect.trace_links import share_links
from sealroom.vault.session import Vault
from sealroom.vault.store import query

from .conftest import WAIT_MS, drop_paths, make_scene, unlock_through_dialog, wait_idle


@pytest.fixture
def issued(sealroom: SealroomApp, qtbot: QtBot, vault: Vault, tmp_path: Path) -> dict[str, Any]:
    ana = add_party(vault, "Ana Duarte", "influencer")
    glow = add_party(vault, "Daily Glow", "press")
    (hero,) = import_files(vault, [make_scene(tmp_path / "hero.png")])
    allow_copies(vault, ana.id, hero.id)
    granted, (granted_path,) = shares.export_preview(
        vault, hero.id, ana.id, tmp_path / "ana.png", max_side=400
    )
    overridden, (overridden_path,) = shares.export_preview(
        vault,
        hero.id,
        glow.id,
        tmp_path / "glow.png",
        max_side=400,
        override_reason="Press embargo briefing agreed by phone",
    )
    ((grant,),) = query(vault.conn, "SELECT id FROM grants WHERE party_id = ?", (ana.id,))
    (exception,) = outbound_exceptions(vault)
    links = share_links(vault, [granted.id])[granted.id]
    vault.lock()
    sealroom.prefs.last_vault = vault.folder
    sealroom.start()
    unlock_through_dialog(sealroom, qtbot)
    qtbot.waitUntil(lambda: sealroom.runner.unlocked, timeout=WAIT_MS)
    wait_idle(sealroom, qtbot)
    return {
        "app": sealroom,
        "granted": (granted, granted_path, grant),
        "overridden": (overridden, overridden_path, exception.id),
        "links": links,
    }


def _traced(app: SealroomApp, qtbot: QtBot, paths: list[Path]) -> TracingView:
    app.window.show_section("tracing")
    tracing = app.window.views["tracing"]
    assert isinstance(tracing, TracingView)
    drop_paths(tracing.views.currentWidget(), paths)
    qtbot.waitUntil(lambda: tracing.traces.rowCount() == len(paths), timeout=WAIT_MS)
    wait_idle(app, qtbot)
    return tracing


def test_named_recipients_show_their_share_grant_nda_or_override(
    issued: dict[str, Any], qtbot: QtBot
) -> None:
    share, path, grant = issued["granted"]
    override_share, override_path, exception_id = issued["overridden"]
    tracing = _traced(issued["app"], qtbot, [path, override_path])
    rows = {r.file_name: r for r in tracing.traces.records()}

    tracing.select_key(rows["ana.png"].key)
    text = tracing.facts.values["Shares"].text()
    assert tracing.facts.values["Named"].text() == "Ana Duarte"
    assert f"Ana Duarte: share {share.share_code} ({share.id})" in text
    assert f"Issued {share.created[:16].replace('T', ' ')} by owner" in text
    assert f"Grant {grant} (preview, hero)" in text
    assert "NDA agr_" in text and "(Mutual NDA)" in text
    assert "override" not in text

    tracing.select_key(rows["glow.png"].key)
    text = tracing.facts.values["Shares"].text()
    assert tracing.facts.values["Named"].text() == "Daily Glow"
    assert f"Daily Glow: share {override_share.share_code} ({override_share.id})" in text
    assert f"Owner's override {exception_id}" in text
    assert "Grant " not in text and "No NDA" in text


def test_the_near_miss_shows_its_share_and_what_it_was_issued_under(
    issued: dict[str, Any], qtbot: QtBot
) -> None:
    # A near miss (a clear leader below proof) on the real screen, with the links the vault
    # records for Ana's share.
    share, _, grant = issued["granted"]
    links = issued["links"]
    miss = TraceCandidate(
        share.party_id, share.id, 5.1, 1.02e-6, "Ana Duarte", share.asset_id, 1, links=links
    )
    report = SuspectReport(
        "/leaks/post.jpg",
        "no confident match",
        share.asset_id,
        1,
        candidates=(miss,),
        near_miss=miss,
        tested=2,
        summary="likely Ana Duarte, not proven",
    )
    app = issued["app"]
    app.window.show_section("tracing")
    tracing = app.window.views["tracing"]
    assert isinstance(tracing, TracingView)
    tracing._traced(TraceResult([report], {share.party_id: "Ana Duarte"}, {}))
    assert tracing.facts.values["Named"].text() == "nobody (no confident match)"
    text = tracing.facts.values["Shares"].text()
    assert f"Ana Duarte: share {share.share_code} ({share.id})" in text
    assert f"Grant {grant} (preview, hero)" in text
    assert f"NDA {links.nda_id} (Mutual NDA)" in text
