"""The Incidents table: one row per leak case, newest first, active cases in a warning colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.widgets.colours import WARNING
from sealroom.vault.incidents import ACTIVE_STATUSES, Incident

STATUS_WORDS = (
    QT_TRANSLATE_NOOP("Value", "open"),
    QT_TRANSLATE_NOOP("Value", "confirmed"),
    QT_TRANSLATE_NOOP("Value", "dismissed"),
    QT_TRANSLATE_NOOP("Value", "closed"),
)
"""An incident's stored statuses, as a person reads them (`word()`)."""


def _source(incident: Incident) -> str:
    if incident.source == "trace":
        return translate("IncidentsModel", "trace")
    return translate("IncidentsModel", "by hand")


COLUMNS: tuple[Column[Incident], ...] = (
    Column[Incident](
        QT_TRANSLATE_NOOP("Column", "Opened (UTC)"),
        lambda i: short_time(i.opened),
        sort=lambda i: i.opened,
    ),
    Column[Incident](
        QT_TRANSLATE_NOOP("Column", "Title"), lambda i: i.title, tooltip=lambda i: i.title
    ),
    Column[Incident](QT_TRANSLATE_NOOP("Column", "Status"), lambda i: word(i.status)),
    Column[Incident](QT_TRANSLATE_NOOP("Column", "From"), _source),
    Column[Incident](QT_TRANSLATE_NOOP("Column", "Asset"), lambda i: i.asset_id or ""),
    Column[Incident](QT_TRANSLATE_NOOP("Column", "Opened by"), lambda i: i.opened_by),
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
