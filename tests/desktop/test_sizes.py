"""The GUI writes sizes the way the command line does (KiB, MiB: powers of 1024)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sealroom.desktop.models.assets import AssetsModel
from sealroom.desktop.models.paged import PageRequest
from sealroom.vault.assets.catalog import Asset


def asset(n: int, size: int) -> Asset:
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
        sensitivity="confidential",
    )


def test_asset_table_sizes_are_iec() -> None:
    model = AssetsModel()
    records = [asset(1, 5_000), asset(2, 12_000_000)]

    def answer(request: PageRequest) -> None:
        rows = records[request.offset : request.offset + request.limit]
        model.add_page(request, rows, len(records) if request.count else None)

    model.page_wanted.connect(answer)
    model.open_listing()
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    column = headers.index("Size")
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    assert shown == ["4.9 KiB", "11.4 MiB"]
