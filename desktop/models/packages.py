"""The share packages table: one row per package issued, its recipient, window and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.tasks.packages import PackageRow
from sealroom.desktop.widgets.colours import MUTED, WARNING

STATUS_WORDS = (
    QT_TRANSLATE_NOOP("Value", "issued"),
    QT_TRANSLATE_NOOP("Value", "accepted"),
    QT_TRANSLATE_NOOP("Value", "expired"),
    QT_TRANSLATE_NOOP("Value", "revoked"),
)
"""A package's statuses, as a person reads them (`word()`)."""


def window(row: PackageRow) -> str:
    return f"{row.package.not_before[:10]} – {row.package.not_after[:10]}"


def assets_text(row: PackageRow) -> str:
    if len(row.asset_titles) == 1:
        return row.asset_titles[0]
    return translate("PackagesModel", "{n} assets").format(n=len(row.asset_titles))


COLUMNS: tuple[Column[PackageRow], ...] = (
    Column[PackageRow](
        QT_TRANSLATE_NOOP("Column", "Issued (UTC)"),
        lambda r: short_time(r.package.created),
        sort=lambda r: r.package.created,
    ),
    Column[PackageRow](QT_TRANSLATE_NOOP("Column", "Recipient"), lambda r: r.party_name),
    Column[PackageRow](
        QT_TRANSLATE_NOOP("Column", "Assets"),
        lambda r: assets_text(r),
        sort=lambda r: len(r.asset_titles),
        tooltip=lambda r: "\n".join(r.asset_titles),
    ),
    Column[PackageRow](
        QT_TRANSLATE_NOOP("Column", "Window (UTC)"), window, sort=lambda r: r.package.not_after
    ),
    Column[PackageRow](QT_TRANSLATE_NOOP("Column", "Status"), lambda r: word(r.status)),
    Column[PackageRow](
        QT_TRANSLATE_NOOP("Column", "Receipt"),
        lambda r: short_time(r.package.accepted),
        sort=lambda r: r.package.accepted or "",
    ),
    Column[PackageRow](QT_TRANSLATE_NOOP("Column", "By"), lambda r: r.package.created_by),
)
STATUS_COLUMN = 4


class PackagesModel(RecordTableModel[PackageRow]):
    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda r: r.package.id, parent=parent)

    def extra_data(self, record: PackageRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if record.status == "revoked":
            return QBrush(MUTED)
        if column == STATUS_COLUMN and record.status == "expired":
            return QBrush(WARNING)
        return None
