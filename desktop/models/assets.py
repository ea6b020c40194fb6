"""The assets table: title, campaign, sensitivity, embargo, size, import date; thumbnails.

The table is a `PagedTableModel`: counted, searched and sorted by the vault in SQL and read a
page at a time as it is painted, so a vault of 100k assets never makes the GUI thread sort,
filter or hold 100k rows.

Thumbnails are decrypted images, so they live in this model's memory only (never on disk), at
most KEEP_THUMBNAILS of them, and are dropped with every other record when the vault locks. The
model asks for the thumbnails of rows a view paints (`thumbnails_wanted`, batched) while
thumbnails are on; the vault keeps an encrypted thumbnail per asset, made at import, so no
original is decrypted for the grid.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.paged import PagedTableModel
from sealroom.desktop.models.table import Column
from sealroom.desktop.widgets.colours import SENSITIVITY_COLOURS, WARNING
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.units import human_size
from sealroom.vault.when import display

THUMBNAIL_SIZE = QSize(160, 120)
SENSITIVITY_ORDER = {"internal": 0, "confidential": 1, "secret": 2}
PAGE_SIZE = 200
KEEP_THUMBNAILS = 300
"""Thumbnails kept decrypted in memory (about 23 MB); the least recently painted go first."""
SORT_KEYS = ("title", "campaign", "sensitivity", "embargo", "size")
"""The vault's sort key of each column (see `vault.assets.records.SORT_KEYS`)."""
KIND_LABELS = {
    "image": QT_TRANSLATE_NOOP("Value", "Image"),
    "video": QT_TRANSLATE_NOOP("Value", "Video"),
    "pdf": QT_TRANSLATE_NOOP("Value", "PDF"),
    "text": QT_TRANSLATE_NOOP("Value", "Text"),
    "file": QT_TRANSLATE_NOOP("Value", "File"),
}


def embargo_text(asset: Asset) -> str:
    if asset.released:
        return translate("AssetsModel", "Released")
    if asset.embargo_until:
        shown = display(asset.embargo_until, asset.embargo_zone) or ""
        return shown[:10]
    return ""


def kind_label(asset: Asset) -> str:
    return translate("Value", KIND_LABELS.get(asset.kind, "File"))


@dataclass(frozen=True)
class AssetListing:
    """The search and sort the vault lists assets with (see `vault.assets.records.SORT_KEYS`)."""

    search: str
    sort: str
    descending: bool


class AssetsModel(PagedTableModel[Asset]):
    columns = (
        Column[Asset](
            QT_TRANSLATE_NOOP("Column", "Title"),
            lambda a: a.title, tooltip=lambda a: a.original_name,
        ),
        Column[Asset](QT_TRANSLATE_NOOP("Column", "Campaign"), lambda a: a.campaign_name or ""),
        Column[Asset](
            QT_TRANSLATE_NOOP("Column", "Sensitivity"),
            lambda a: word(a.sensitivity, True),
            sort=lambda a: SENSITIVITY_ORDER.get(a.sensitivity, -1),
        ),
        Column[Asset](
            QT_TRANSLATE_NOOP("Column", "Embargo"),
            embargo_text,
            sort=lambda a: (a.released is None, a.embargo_until or ""),
            tooltip=lambda a: a.embargo_display or "",
        ),
        Column[Asset](
            QT_TRANSLATE_NOOP("Column", "Size"),
            lambda a: human_size(a.size), sort=lambda a: a.size, align_right=True
        ),
    )
    page_size = PAGE_SIZE

    thumbnails_wanted = Signal(list)
    """Ids of assets whose thumbnails a view is about to paint."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_asset_id, parent=parent)
        self._thumbnails: OrderedDict[str, QPixmap] = OrderedDict()
        self._asked: set[str] = set()
        self._wanted_thumbnails: list[str] = []
        self._thumbnails_on = False
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._ask_thumbnails)
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    # -- search and sort -----------------------------------------------------------------------

    def listing(self) -> AssetListing:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        return AssetListing(self.search_text, SORT_KEYS[column], descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        if self.active:
            self.open_listing()

    # -- thumbnails ----------------------------------------------------------------------------

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
            if row < 0:
                self._asked.discard(asset_id)  # scrolled away: asked again if shown again
                continue
            if image.isNull():
                continue
            if image.width() > THUMBNAIL_SIZE.width() or image.height() > THUMBNAIL_SIZE.height():
                image = image.scaled(
                    THUMBNAIL_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self._thumbnails[asset_id] = QPixmap.fromImage(image)
            while len(self._thumbnails) > KEEP_THUMBNAILS:
                dropped, _ = self._thumbnails.popitem(last=False)
                self._asked.discard(dropped)
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
            self._thumbnails.move_to_end(record.id)
            return pixmap
        if record.has_thumbnail and record.id not in self._asked:
            self._asked.add(record.id)
            self._wanted_thumbnails.append(record.id)
            self._batch.start()
        return _type_icon(record.kind)

    def _ask_thumbnails(self) -> None:
        wanted, self._wanted_thumbnails = self._wanted_thumbnails, []
        if wanted:
            self.thumbnails_wanted.emit(wanted)

    def replace_record(self, record: Asset) -> None:
        self._thumbnails.pop(record.id, None)
        self._asked.discard(record.id)
        super().replace_record(record)

    def forget_asset(self, asset_id: str) -> None:
        """An asset was deleted: its thumbnail goes now, its row at the next refresh."""
        self._thumbnails.pop(asset_id, None)
        self._asked.discard(asset_id)
        self.refresh_soon()

    def close_listing(self) -> None:
        self._thumbnails.clear()
        self._asked.clear()
        self._wanted_thumbnails.clear()
        super().close_listing()


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
