"""The agreements table: title, kind, parties, status (expired shows by itself), dates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.table import Column, RecordTableModel
from sealroom.desktop.widgets.colours import MUTED, SIGNED, WARNING
from sealroom.vault.agreements.contracts import KIND_LABELS, Agreement

STATUS_ORDER = {"draft": 0, "sent": 1, "signed": 2, "expired": 3, "terminated": 4}


def kind_label(agreement: Agreement) -> str:
    return word(KIND_LABELS.get(agreement.kind, agreement.kind), True)


class AgreementsModel(RecordTableModel[Agreement]):
    columns = (
        Column[Agreement](QT_TRANSLATE_NOOP("Column", "Agreement"), lambda a: a.title),
        Column[Agreement](QT_TRANSLATE_NOOP("Column", "Kind"), kind_label, sort=lambda a: a.kind),
        Column[Agreement](
            QT_TRANSLATE_NOOP("Column", "Parties"),
            lambda a: ", ".join(a.party_names),
            tooltip=lambda a: "\n".join(a.party_names),
        ),
        Column[Agreement](
            QT_TRANSLATE_NOOP("Column", "Status"),
            lambda a: word(a.current_status, True),
            sort=lambda a: STATUS_ORDER.get(a.current_status, 9),
        ),
        Column[Agreement](
            QT_TRANSLATE_NOOP("Column", "Expires"),
            lambda a: (a.expires_display or "—")[:10],
            sort=lambda a: a.expires or "9999",
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_agreement_id, parent=parent)

    def extra_data(self, record: Agreement, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole or column != 3:
            return None
        status = record.current_status
        if status == "signed":
            return QBrush(SIGNED)
        if status == "expired":
            return QBrush(WARNING)
        if status == "terminated":
            return QBrush(MUTED)
        return None


def _agreement_id(agreement: Agreement) -> str:
    return agreement.id
