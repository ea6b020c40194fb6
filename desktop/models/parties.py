"""The people & companies table: the brands, influencers, agencies and press the work involves."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.vault.parties.directory import Party


class PartiesModel(RecordTableModel[Party]):
    columns = (
        Column[Party](QT_TRANSLATE_NOOP("Column", "Name"), lambda p: p.name),
        Column[Party](
            QT_TRANSLATE_NOOP("Column", "Kind"),
            lambda p: word(p.kind, True), sort=lambda p: p.kind,
        ),
        Column[Party](QT_TRANSLATE_NOOP("Column", "Email"), lambda p: p.email or ""),
        Column[Party](QT_TRANSLATE_NOOP("Column", "Organisation"), lambda p: p.organisation or ""),
        Column[Party](
            QT_TRANSLATE_NOOP("Column", "Updated"),
            lambda p: short_time(p.updated), sort=lambda p: p.updated,
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_party_id, parent=parent)


def _party_id(party: Party) -> str:
    return party.id
