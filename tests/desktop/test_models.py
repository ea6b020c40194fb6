"""Every table model passes Qt's model tester; the sort role carries raw values; no secrets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.models.assets import AssetListing, AssetsModel
from sealroom.desktop.models.audit import PAGE_SIZE, AuditListing, AuditModel
from sealroom.desktop.models.paged import PLACEHOLDER, PagedTableModel, PageRequest
from sealroom.desktop.models.parties import PartiesModel
from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE, SearchProxy, SourceProxy
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.audit import AuditEvent
from sealroom.vault.parties.directory import Party

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    SORT_ROLE,
    RECORD_ROLE,
)


def asset(n: int, size: int, sensitivity: str = "confidential", **extra: Any) -> Asset:
    return Asset(
        id=f"ast_{n:012x}",
        title=f"Asset {n}",
        original_name=f"asset-{n}.png",
        media_type="image/png",
        size=size,
        sha256=f"{n:064x}",
        blob_id=f"{n:032x}",
        created=f"2026-01-{n + 1:02d}T10:00:00.000Z",
        created_by="owner",
        sensitivity=sensitivity,
        **extra,
    )


def party(n: int, name: str, kind: str) -> Party:
    when = "2026-01-01T00:00:00.000Z"
    return Party(f"pty_{n}", name, kind, None, None, when, when)


def event(seq: int, outcome: str = "success") -> AuditEvent:
    return AuditEvent(seq, f"2026-01-01T00:00:{seq % 60:02d}.000Z", "owner", "owner", "laptop",
                      "0.1.0", "asset.view", f"ast_{seq}", outcome, "")


def serve(model: PagedTableModel[Any], records: list[Any]) -> list[PageRequest]:
    """Answer the model's page requests from `records` at once, as the vault thread would
    later; opens the listing. Returns the requests, in order."""
    asked: list[PageRequest] = []

    def answer(request: PageRequest) -> None:
        asked.append(request)
        rows = records[request.offset : request.offset + request.limit]
        model.add_page(request, rows, len(records) if request.count else None)

    model.page_wanted.connect(answer)
    if not isinstance(model, AuditModel):
        model.open_listing()
    return asked


def all_data(model: Any) -> list[Any]:
    return [
        model.index(r, c).data(role)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for role in ROLES
    ]


def test_assets_model_and_its_proxy(qtmodeltester: Any, qtbot: QtBot) -> None:
    model = AssetsModel()
    qtmodeltester.check(model)
    records = [
        asset(1, 5_000),
        asset(2, 900, "secret", embargo_until="2026-03-01T08:00:00Z", embargo_zone="Europe/Paris"),
        asset(3, 12_000_000, "internal", campaign_name="Spring"),
    ]
    asked = serve(model, records)
    qtmodeltester.check(model)
    model.set_thumbnails_on(True)
    qtmodeltester.check(model)
    proxy = SourceProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(4, Qt.SortOrder.DescendingOrder)  # size: the sort goes to the vault
    assert asked[-1].listing == AssetListing("", "size", True) and asked[-1].count
    proxy.set_search("spring")
    qtbot.waitUntil(lambda: asked[-1].listing.search == "spring")
    model.close_listing()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_embargo_and_sensitivity_sort_and_colour() -> None:
    model = AssetsModel()
    serve(model, [
        asset(1, 1, "secret", embargo_until="2026-03-01T08:00:00Z", embargo_zone="UTC"),
        asset(2, 1, "internal"),
    ])
    assert model.index(0, 3).data() == "2026-03-01"
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 2).data(SORT_ROLE) > model.index(1, 2).data(SORT_ROLE)
    assert model.index(1, 3).data() == ""


def test_parties_model(qtmodeltester: Any) -> None:
    model = PartiesModel()
    model.set_records([party(1, "Lumen", "brand"), party(2, "ana duarte", "influencer")])
    qtmodeltester.check(model)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "ana duarte"  # case-insensitive
    qtmodeltester.check(proxy)


def test_audit_model_reads_the_pages_on_screen(qtmodeltester: Any, qtbot: QtBot) -> None:
    model = AuditModel()
    top = 2 * PAGE_SIZE + 50
    log = [event(s, "failure" if s % 7 == 0 else "success") for s in range(top, 0, -1)]
    asked = serve(model, log)
    model.start(top)
    assert [(r.listing, r.offset, r.count) for r in asked] == [(AuditListing("", top), 0, True)]
    assert model.rowCount() == top
    assert model.index(0, 0).data() == str(top)
    assert model.index(top - 1, 0).data() == PLACEHOLDER  # the last page is not read yet
    qtbot.waitUntil(lambda: model.index(top - 1, 0).data() == "1")
    assert [r.offset for r in asked[1:]] == [2 * PAGE_SIZE]  # not the page in between
    assert model.index(top - 7, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(top - 8, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of(str(7)) == top - 7
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_no_model_returns_key_material() -> None:
    assets = AssetsModel()
    serve(assets, [asset(1, 10)])
    parties = PartiesModel()
    parties.set_records([party(1, "Lumen", "brand")])
    for model in (assets, parties):
        for value in all_data(model):
            assert not isinstance(value, (bytes, bytearray, memoryview))
    shown = " ".join(str(v) for v in all_data(assets))
    assert asset(1, 10).blob_id not in shown  # where the ciphertext lives is not a table's business
