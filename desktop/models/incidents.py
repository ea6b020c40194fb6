"""The Incidents table: one row per leak case, newest first, active cases in a warning colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.widgets.colours import WARNING
from sealroom.vault.incidents import ACTIVE_STATUSES, Incident

COLUMNS: tuple[Column[Incident], ...] = (
    Column[Incident]("Opened (UTC)", lambda i: short_time(i.opened), sort=lambda i: i.opened),
    Column[Incident]("Title", lambda i: i.title, tooltip=lambda i: i.title),
    Column[Incident]("Status", lambda i: i.status),
    Column[Incident]("From", lambda i: "trace" if i.source == "trace" else "by hand"),
    Column[Incident]("Asset", lambda i: i.asset_id or ""),
    Column[Incident]("Opened by", lambda i: i.opened_by),
)


class IncidentsModel(RecordTableModel[Incident]):
    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda i: i.id, parent=parent)

    def extra_data(self, record: Incident, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 2
            and record.status in ACTIVE_STATUSES
        ):
            return QBrush(WARNING)
        return None
