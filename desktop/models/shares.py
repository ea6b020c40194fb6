"""The shares table: each watermarked preview issued, to whom, of what, when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.tasks.protect import ShareRow
from sealroom.desktop.widgets.colours import MUTED


class SharesModel(RecordTableModel[ShareRow]):
    columns = (
        Column[ShareRow](QT_TRANSLATE_NOOP("Column", "Code"), lambda r: r.share.share_code),
        Column[ShareRow](QT_TRANSLATE_NOOP("Column", "Asset"), lambda r: r.asset_title),
        Column[ShareRow](QT_TRANSLATE_NOOP("Column", "Recipient"), lambda r: r.party_name),
        Column[ShareRow](
            QT_TRANSLATE_NOOP("Column", "Issued"),
            lambda r: short_time(r.share.created), sort=lambda r: r.share.created,
        ),
        Column[ShareRow](QT_TRANSLATE_NOOP("Column", "By"), lambda r: r.share.created_by),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_row_id, parent=parent)

    def extra_data(self, record: ShareRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and record.share.revoked:
            return QBrush(MUTED)
        return None


def _row_id(row: ShareRow) -> str:
    return row.share.id
