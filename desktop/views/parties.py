"""The People & companies screen: parties in a table; add, edit and delete them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.parties import PartiesModel
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.tasks.changed import AGREEMENTS, GRANTS, PARTIES
from sealroom.desktop.views.party_dialog import PartyDialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.parties.directory import Party


class PartiesView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "People & companies")
    split = (70, 30)
    watches = frozenset({AGREEMENTS, GRANTS, PARTIES})
    new_label = QT_TRANSLATE_NOOP("Section", "Add a person or company…")
    can_delete = True
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "No people or companies yet.\n\nAdd the brands, creators, agencies and press you "
            "work with (Ctrl+N); agreements, grants and shares name them.",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.parties = PartiesModel()
        super().__init__(ctx, self.parties)
        self.set_column_widths({0: 180, 1: 90, 2: 180, 4: 130}, stretch=3)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_button(self.tr("Add…"), self.new_item, self.tr("Add a person or company (Ctrl+N)"))
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Kind"), QT_TRANSLATE_NOOP("Facts", "Email"),
             QT_TRANSLATE_NOOP("Facts", "Organisation"), QT_TRANSLATE_NOOP("Facts", "Handle"),
             QT_TRANSLATE_NOOP("Facts", "Added"), QT_TRANSLATE_NOOP("Facts", "Updated"),
             QT_TRANSLATE_NOOP("Facts", "Id")],
            self.tr("Select a person or company to see the details."),
        )
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected party (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected party (Delete); its records stay")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.facts.add_button(self.edit_button)
        self.facts.add_button(self.delete_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: PartyDialog | None = None

    def load(self) -> None:
        super().load()
        self.run(tasks.list_parties, done=self._listed)

    def _listed(self, found: list[Party]) -> None:
        self.parties.set_records(found)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.parties.clear()
        super().clear()

    def show_detail(self, key: str | None) -> None:
        row = self.parties.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            return
        party = self.parties.record(row)
        self.facts.show_values(
            party.name,
            {
                "Kind": word(party.kind, True),
                "Email": party.email or "—",
                "Organisation": party.organisation or "—",
                "Handle": party.mention or "—",
                "Added": self.tr("{time} UTC").format(time=short_time(party.created)),
                "Updated": self.tr("{time} UTC").format(time=short_time(party.updated)),
                "Id": party.id,
            },
        )

    # -- add, edit, delete ---------------------------------------------------------------------

    def new_item(self) -> None:
        self._open_dialog(None)

    def open_item(self, key: str) -> None:
        row = self.parties.row_of(key)
        if row >= 0:
            self._open_dialog(self.parties.record(row))

    def edit_selected(self) -> None:
        keys = self.selected_keys()
        if len(keys) == 1:
            self.open_item(keys[0])

    def _open_dialog(self, party: Party | None) -> None:
        self.dialog = PartyDialog(self.ctx.runner, party, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _saved(self, party: Party) -> None:
        self.parties.replace_record(party)
        self.select_key(party.id)
        self.show_detail(party.id)

    def delete_selected(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            return
        party = self.parties.record(self.parties.row_of(keys[0]))
        reason = common.ask_reason(
            self,
            self.tr("Delete party"),
            self.tr("Why is {name} deleted? Their agreements and past grants stay on record; "
                    "their active grants are revoked.").format(name=party.name),
        )
        if reason is not None:
            self.run(tasks.delete_party, party.id, reason, done=self._deleted)

    def _deleted(self, party: Party) -> None:
        self.parties.remove_record(party.id)
        self.ctx.messages.show_info(
            self.tr("Deleted {name}; their active grants were revoked").format(name=party.name))
