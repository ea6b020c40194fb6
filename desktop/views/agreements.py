"""The Agreements screen: NDAs, sponsorships, licences and talent agreements, their status,
scope, usage rights and signed document (previewed from memory)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.agreements import AgreementsModel, kind_label
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.changed import AGREEMENTS, CAMPAIGNS, PARTIES
from sealroom.desktop.tasks.previews import Preview
from sealroom.desktop.views.agreement_dialog import AgreementDialog
from sealroom.desktop.views.asset_preview import PreviewLabel
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.agreements.contracts import STATUS_CHANGES, Agreement
from sealroom.vault.units import human_size

FACTS = [QT_TRANSLATE_NOOP("Facts", "Kind"), QT_TRANSLATE_NOOP("Facts", "Status"),
         QT_TRANSLATE_NOOP("Facts", "Parties"), QT_TRANSLATE_NOOP("Facts", "Effective"),
         QT_TRANSLATE_NOOP("Facts", "Expires"), QT_TRANSLATE_NOOP("Facts", "Confidential until"),
         QT_TRANSLATE_NOOP("Facts", "Scope"), QT_TRANSLATE_NOOP("Facts", "Usage rights"),
         QT_TRANSLATE_NOOP("Facts", "Document"), QT_TRANSLATE_NOOP("Facts", "Notes"),
         QT_TRANSLATE_NOOP("Facts", "Id")]
DOCUMENT_SIZE = QSize(900, 900)


class AgreementsView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Agreements")
    watches = frozenset({AGREEMENTS, CAMPAIGNS, PARTIES})
    new_label = QT_TRANSLATE_NOOP("Section", "Record an agreement…")
    legend = QT_TRANSLATE_NOOP(
        "Legend", "Orange status: the agreement has expired."
    )
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "No agreements yet.\n\nRecord NDAs, sponsorships, licences and talent agreements "
            "(Ctrl+N). A signed NDA in force is what lets a party see confidential work.",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.agreements = AgreementsModel()
        self.campaign_names: dict[str, str] = {}
        super().__init__(ctx, self.agreements)
        self.set_column_widths({1: 92, 2: 160, 3: 76, 4: 90}, stretch=0)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.add_button(self.tr("Record…"), self.new_item, self.tr("Record an agreement (Ctrl+N)"))
        self.facts = common.Facts(FACTS, self.tr("Select an agreement to see its terms."))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button = QPushButton(self.tr("Status"))
        self.status_button.setToolTip(self.tr("Move the agreement to its next status"))
        self.status_menu = QMenu(self)
        self.status_button.setMenu(self.status_menu)
        self.document_button = QPushButton(self.tr("Preview document"))
        self.document_button.setToolTip(
            self.tr("Decrypt the signed document into memory and show it")
        )
        self.document_button.clicked.connect(self.preview_document)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the decrypted document to a file you choose"))
        self.export_button.clicked.connect(self.export_document)
        for button in (self.edit_button, self.status_button, self.document_button,
                       self.export_button):
            self.facts.add_button(button)
        self.document = PreviewLabel()
        self.document.hide()
        self.facts.add_wide(self.document)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: AgreementDialog | None = None

    def load(self) -> None:
        super().load()
        self.run(work_tasks.list_agreements, done=self._listed)

    def _listed(self, data: work_tasks.AgreementsData) -> None:
        self.campaign_names = data.campaign_names
        self.agreements.set_records(data.agreements)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.agreements.clear()
        self.campaign_names = {}
        self.document.set_image(None)
        super().clear()

    def selected(self) -> Agreement | None:
        keys = self.selected_keys()
        row = self.agreements.row_of(keys[0]) if len(keys) == 1 else -1
        return self.agreements.record(row) if row >= 0 else None

    def show_detail(self, key: str | None) -> None:
        self.document.set_image(None)
        self.document.hide()
        row = self.agreements.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            return
        a = self.agreements.record(row)
        scope = [self.campaign_names.get(c, c) for c in a.campaign_ids]
        scope += [self.tr("asset {id}").format(id=asset_id) for asset_id in a.asset_ids]
        rights = [
            self.tr("{platforms} in {territory}, {starts}").format(
                platforms=", ".join(r.platforms), territory=r.territory,
                starts=r.starts.date_display())
            + (self.tr(" to {ends}").format(ends=r.ends.date_display()) if r.ends
               else self.tr(" onwards"))
            for r in a.usage_rights
        ]
        document = "—"
        if a.document_name:
            document = f"{a.document_name} ({human_size(a.document_size or 0)})"
        self.facts.show_values(
            a.title,
            {
                "Kind": kind_label(a),
                "Status": word(a.current_status, True),
                "Parties": ", ".join(a.party_names),
                "Effective": a.effective_display,
                "Expires": a.expires_display or self.tr("no expiry"),
                "Confidential until": (a.confidential_until or "")[:10] or "—",
                "Scope": ", ".join(scope) or self.tr("all the work with its parties"),
                "Usage rights": "\n".join(rights) or "—",
                "Document": document,
                "Notes": a.notes or "—",
                "Id": a.id,
            },
        )
        self.status_menu.clear()
        for status in STATUS_CHANGES.get(a.current_status, ()):
            action = self.status_menu.addAction(
                self.tr("Mark {status}").format(status=word(status))
            )
            action.setData(status)
            action.triggered.connect(self._status_chosen)
        self.status_button.setEnabled(not self.status_menu.isEmpty())
        for button in (self.document_button, self.export_button):
            button.setEnabled(a.document_name is not None)

    # -- add, edit, status, document -----------------------------------------------------------

    def new_item(self) -> None:
        self._open_dialog(None)

    def open_item(self, key: str) -> None:
        row = self.agreements.row_of(key)
        if row >= 0:
            self._open_dialog(self.agreements.record(row))

    def edit_selected(self) -> None:
        agreement = self.selected()
        if agreement is not None:
            self._open_dialog(agreement)

    def _open_dialog(self, agreement: Agreement | None) -> None:
        self.dialog = AgreementDialog(self.ctx.runner, agreement, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _saved(self, agreement: Agreement) -> None:
        self.agreements.replace_record(agreement)
        self.select_key(agreement.id)
        self.show_detail(agreement.id)

    def _status_chosen(self) -> None:
        action = self.sender()
        agreement = self.selected()
        if agreement is None or not isinstance(action, QAction):
            return
        status = str(action.data())
        reason = ""
        if status == "terminated":
            asked = common.ask_reason(
                self, self.tr("Terminate agreement"), self.tr("Why is it terminated?")
            )
            if asked is None:
                return
            reason = asked
        self.run(
            work_tasks.set_agreement_status, agreement.id, status, reason, done=self._saved
        )

    def preview_document(self) -> None:
        agreement = self.selected()
        if agreement is not None:
            self.document.show()
            self.document.set_image(None, self.tr("Decrypting the document…"))
            self.run(
                work_tasks.preview_document,
                agreement.id,
                0,
                DOCUMENT_SIZE,
                done=self._document_shown,
                failed=self._document_failed,
            )

    def _document_shown(self, preview: Preview) -> None:
        current = self.selected()
        if current is not None and current.id == preview.asset_id:
            self.document.set_image(preview.image, preview.message)

    def _document_failed(self, message: str) -> None:
        self.document.set_image(None, message)

    def export_document(self) -> None:
        agreement = self.selected()
        if agreement is None or not agreement.document_name:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the decrypted document"), agreement.document_name
        )
        if target:
            self.run(work_tasks.export_document, agreement.id, Path(target), done=self._exported)

    def _exported(self, path: Path) -> None:
        self.ctx.messages.show_info(
            self.tr("Exported the decrypted document to {path}").format(path=path))
