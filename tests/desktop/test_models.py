"""Every table model passes Qt's model tester; the sort role carries raw values; no secrets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sealroom.desktop.models.assets import AssetsModel
from sealroom.desktop.models.audit import PAGE_SIZE, AuditModel
from sealroom.desktop.models.parties import PartiesModel
from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE, SearchProxy
from sealroom.vault.assets import Asset
from sealroom.vault.audit import AuditEvent
from sealroom.vault.parties import Party

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
    model.set_records([
        asset(1, 5_000),
        asset(2, 900, "secret", embargo_until="2026-03-01T08:00:00Z", embargo_zone="Europe/Paris"),
        asset(3, 12_000_000, "internal", campaign_name="Spring"),
    ])
    qtmodeltester.check(model)
    model.remove_record("ast_000000000002")
    model.add_record(asset(4, 10))
    model.set_thumbnails_on(True)
    qtmodeltester.check(model)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(4, Qt.SortOrder.AscendingOrder)  # size
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Asset 4", "Asset 1", "Asset 3"]
    proxy.set_search("spring")
    assert proxy.rowCount() == 1
    model.clear()
    qtmodeltester.check(model)


def test_embargo_and_sensitivity_sort_and_colour() -> None:
    model = AssetsModel()
    model.set_records([
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


def test_audit_model_fetches_in_pages(qtmodeltester: Any, qtbot: QtBot) -> None:
    model = AuditModel()
    asked: list[tuple[int, int, int]] = []
    model.page_wanted.connect(lambda top, offset, count: asked.append((top, offset, count)))
    top = 2 * PAGE_SIZE + 50
    model.start(top)
    assert asked == [(top, 0, PAGE_SIZE)]
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    model.add_page(top, 0, [event(s) for s in range(top, top - PAGE_SIZE, -1)])
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
    model.add_page(top, 0, [event(1)])  # a repeat is ignored
    assert model.rowCount() == PAGE_SIZE
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert asked[-1] == (top, PAGE_SIZE, PAGE_SIZE)
    second = range(top - PAGE_SIZE, 50, -1)
    model.add_page(top, PAGE_SIZE, [event(s, "failure") for s in second])
    model.fetchMore(QModelIndex())
    assert asked[-1] == (top, 2 * PAGE_SIZE, 50)
    model.add_page(top, 2 * PAGE_SIZE, [event(s) for s in range(50, 0, -1)])
    assert model.rowCount() == top and not model.canFetchMore(QModelIndex())
    assert model.row_of_seq(top - PAGE_SIZE) == PAGE_SIZE
    assert model.index(PAGE_SIZE, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_no_model_returns_key_material() -> None:
    assets = AssetsModel()
    assets.set_records([asset(1, 10)])
    parties = PartiesModel()
    parties.set_records([party(1, "Lumen", "brand")])
    for model in (assets, parties):
        for value in all_data(model):
            assert not isinstance(value, (bytes, bytearray, memoryview))
    shown = " ".join(str(v) for v in all_data(assets))
    assert asset(1, 10).blob_id not in shown  # where the ciphertext lives is not a table's business
