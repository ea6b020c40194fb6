"""The assets table: title, campaign, sensitivity, embargo, size, import date; thumbnails.

The table is fetched a page at a time (`canFetchMore`/`fetchMore`), searched and sorted by the
vault in SQL: the model asks with `page_wanted(AssetQuery)` and the screen answers with
`add_page`, so a vault of 100k assets never makes the GUI thread sort or filter 100k rows.

Thumbnails are decrypted images, so they live in this model's memory only (never on disk) and
are dropped with every other record when the vault locks. The model asks for the thumbnails of
rows a view paints (`thumbnails_wanted`, batched) while thumbnails are on; the vault keeps an
encrypted thumbnail per asset, made at import, so no original is decrypted for the grid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from sealroom.desktop.models.table import Column, Index, RecordTableModel, human_size
from sealroom.desktop.models.tasks import AssetQuery
from sealroom.vault.assets import Asset
from sealroom.vault.when import display

THUMBNAIL_SIZE = QSize(160, 120)
WARNING = QColor("#e8590c")
SENSITIVITY_COLOURS = {"secret": QColor("#e03131"), "confidential": QColor("#d9480f")}
SENSITIVITY_ORDER = {"internal": 0, "confidential": 1, "secret": 2}
PAGE_SIZE = 200
SEARCH_DELAY_MS = 200
SORT_KEYS = ("title", "campaign", "sensitivity", "embargo", "size")
"""The vault's sort key of each column (see `vault.asset_records.SORT_KEYS`)."""
KIND_LABELS = {"image": "Image", "video": "Video", "pdf": "PDF", "text": "Text", "file": "File"}


def embargo_text(asset: Asset) -> str:
    if asset.released:
        return "Released"
    if asset.embargo_until:
        shown = display(asset.embargo_until, asset.embargo_zone) or ""
        return shown[:10]
    return ""


def kind_label(asset: Asset) -> str:
    return KIND_LABELS.get(asset.kind, "File")


class AssetsModel(RecordTableModel[Asset]):
    columns = (
        Column[Asset]("Title", lambda a: a.title, tooltip=lambda a: a.original_name),
        Column[Asset]("Campaign", lambda a: a.campaign_name or ""),
        Column[Asset](
            "Sensitivity",
            lambda a: a.sensitivity.capitalize(),
            sort=lambda a: SENSITIVITY_ORDER.get(a.sensitivity, -1),
        ),
        Column[Asset](
            "Embargo",
            embargo_text,
            sort=lambda a: (a.released is None, a.embargo_until or ""),
            tooltip=lambda a: a.embargo_display or "",
        ),
        Column[Asset](
            "Size", lambda a: human_size(a.size), sort=lambda a: a.size, align_right=True
        ),
    )

    thumbnails_wanted = Signal(list)
    """Ids of assets whose thumbnails a view is about to paint."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_asset_id, parent=parent)
        self._thumbnails: dict[str, QPixmap] = {}
        self._asked: set[str] = set()
        self._wanted: list[str] = []
        self._thumbnails_on = False
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._ask)
        self._active = False
        self._serial = 0
        self._search = ""
        self._typed = ""
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._more = False
        self._waiting = False
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._search_typed)

    # -- paging --------------------------------------------------------------------------------

    page_wanted = Signal(object)
    """An `AssetQuery`: the screen runs it on the vault thread and calls `add_page`."""

    def start(self) -> None:
        """List the assets from the first page (the screen was opened or refreshed)."""
        self._active = True
        self._restart()

    def set_search(self, text: str) -> None:
        """Search as the person types: the vault is asked once typing pauses."""
        self._typed = text.strip()
        self._typing.start()

    def _search_typed(self) -> None:
        if self._typed != self._search:
            self._search = self._typed
            if self._active:
                self._restart()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        if self._active:
            self._restart()

    def _restart(self) -> None:
        self._serial += 1
        self._waiting = False
        self._more = self._active
        self.set_records(())
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._waiting

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._waiting = True
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        query = AssetQuery(
            self._serial, self._search, SORT_KEYS[column], descending, self.rowCount(), PAGE_SIZE
        )
        self.page_wanted.emit(query)

    def add_page(self, query: AssetQuery, assets: list[Asset]) -> None:
        """The page asked for; a page of an older listing (another search or sort) is dropped."""
        if query.serial != self._serial or query.offset != self.rowCount():
            return
        if assets:
            first = self.rowCount()
            self.beginInsertRows(QModelIndex(), first, first + len(assets) - 1)
            self._rows.extend(assets)
            self.endInsertRows()
        self._more = len(assets) >= query.limit
        self._waiting = False

    def page_failed(self) -> None:
        self._waiting = False

    def set_thumbnails_on(self, on: bool) -> None:
        self._thumbnails_on = on
        if on and self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.DecorationRole],
            )

    def set_thumbnails(self, images: dict[str, QImage]) -> None:
        for asset_id, image in images.items():
            row = self.row_of(asset_id)
            if row < 0 or image.isNull():
                continue
            if image.width() > THUMBNAIL_SIZE.width() or image.height() > THUMBNAIL_SIZE.height():
                image = image.scaled(
                    THUMBNAIL_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self._thumbnails[asset_id] = QPixmap.fromImage(image)
            cell = self.index(row, 0)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])

    def has_thumbnail(self, asset_id: str) -> bool:
        return asset_id in self._thumbnails

    def extra_data(self, record: Asset, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2 and record.sensitivity in SENSITIVITY_COLOURS:
                return QBrush(SENSITIVITY_COLOURS[record.sensitivity])
            if column == 3 and record.embargoed:
                return QBrush(WARNING)
            return None
        if role != Qt.ItemDataRole.DecorationRole or column != 0:
            return None
        if not self._thumbnails_on:
            return _type_icon(record.kind)
        pixmap = self._thumbnails.get(record.id)
        if pixmap is not None:
            return pixmap
        if record.has_thumbnail and record.id not in self._asked:
            self._asked.add(record.id)
            self._wanted.append(record.id)
            self._batch.start()
        return _type_icon(record.kind)

    def _ask(self) -> None:
        wanted, self._wanted = self._wanted, []
        if wanted:
            self.thumbnails_wanted.emit(wanted)

    def set_records(self, records: Any) -> None:
        super().set_records(records)
        keep = {a.id for a in self.records()}
        self._thumbnails = {k: v for k, v in self._thumbnails.items() if k in keep}
        self._asked &= keep

    def replace_record(self, record: Asset) -> None:
        self._thumbnails.pop(record.id, None)
        self._asked.discard(record.id)
        super().replace_record(record)

    def clear(self) -> None:
        self._active = False
        self._serial += 1
        self._more = self._waiting = False
        self._search = self._typed = ""
        self._typing.stop()
        self._thumbnails.clear()
        self._asked.clear()
        self._wanted.clear()
        super().clear()

    def remove_record(self, key: str) -> None:
        self._thumbnails.pop(key, None)
        self._asked.discard(key)
        super().remove_record(key)


def _asset_id(asset: Asset) -> str:
    return asset.id


_ICONS: dict[str, QIcon] = {}


def _type_icon(kind: str) -> QIcon:
    icon = _ICONS.get(kind)
    if icon is None:
        style = QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
        if style is None:
            return QIcon()
        pixmap = {
            "pdf": QStyle.StandardPixmap.SP_FileDialogContentsView,
            "video": QStyle.StandardPixmap.SP_MediaPlay,
            "text": QStyle.StandardPixmap.SP_FileDialogDetailedView,
        }.get(kind, QStyle.StandardPixmap.SP_FileIcon)
        icon = _ICONS[kind] = style.standardIcon(pixmap)
    return icon
