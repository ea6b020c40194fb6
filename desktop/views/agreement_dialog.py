"""Recording or editing an agreement: kind, parties, dates, survival, scope, document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.work import AgreementFields, Choices
from sealroom.desktop.widgets.fields import CheckList, WhenField, browse_row
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.agreements.contracts import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    KIND_LABELS,
    Agreement,
)
from sealroom.vault.when import local_zone_name


class AgreementDialog(RecordDialog):
    def __init__(self, runner: VaultRunner, agreement: Agreement | None, parent: QWidget) -> None:
        title = (translate("AgreementDialog", "Edit agreement") if agreement
                 else translate("AgreementDialog", "Record an agreement"))
        save = translate("AgreementDialog", "Save") if agreement else translate(
            "AgreementDialog", "Add")
        super().__init__(runner, title, save, parent)
        self.agreement = agreement
        a = agreement
        self.kind = QComboBox()
        for kind in AGREEMENT_KINDS:
            self.kind.addItem(word(KIND_LABELS[kind], True), kind)
        self.title_field = QLineEdit(a.title if a else "")
        self.title_field.setPlaceholderText(self.tr("e.g. Mutual NDA — Spring Glow 2026"))
        self.parties = CheckList()
        self.effective = WhenField("2026-03-01")
        self.expires = WhenField("2027-02-28")
        self.expires.setPlaceholderText(self.tr("optional; ") + self.expires.placeholderText())
        self.status = QComboBox()
        for status in AGREEMENT_STATUSES[:3]:
            self.status.addItem(word(status, True), status)
        self.survival = QSpinBox()
        self.survival.setRange(0, 36500)
        self.survival.setSuffix(self.tr(" days"))
        self.survival.setToolTip(self.tr("How long confidentiality survives the agreement's end"))
        self.scope = CheckList()
        self.scope.setToolTip(
            self.tr("Campaigns it covers; none ticked: all the work with its parties")
        )
        self.notes = QPlainTextEdit(a.notes if a else "")
        self.notes.setMaximumHeight(60)
        self.document = QLineEdit()
        self.document.setPlaceholderText(
            self.tr("the signed document (optional), encrypted into the vault")
        )
        document_row = browse_row(self.document, self._browse)
        self.form.add(self.tr("&Kind"), self.kind)
        self.form.add(self.tr("&Title"), self.title_field)
        self.form.add(self.tr("&Parties"), self.parties)
        self.form.add(self.tr("&Effective"), self.effective)
        self.form.add(self.tr("E&xpires"), self.expires)
        self.form.add(self.tr("&Status"), self.status)
        self.form.add(self.tr("Confidential for"), self.survival)
        self.form.add(self.tr("S&cope"), self.scope)
        self.form.add(self.tr("N&otes"), self.notes)
        self.form.add(self.tr("&Document"), document_row)
        self.fields = {
            "expires": self.expires,
            "effective": self.effective,
            "survival_days": self.survival,
            "kind": self.kind,
            "status": self.status,
            "title": self.title_field,
            "party_ids": self.parties,
            "campaign_ids": self.scope,
            "document": document_row,
        }
        if a is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
            self.effective.setText(a.effective_display)
            self.expires.setText(a.expires_display or "")
            self.survival.setValue(a.survival_days)
            for widget in (self.kind, self.parties, self.status):
                widget.setEnabled(False)
                widget.setToolTip(
                    self.tr("Fixed once recorded; change the status from the agreement")
                )
        self.load_choices(work_tasks.choices)

    def fill(self, choices: Any) -> None:
        assert isinstance(choices, Choices)
        a = self.agreement
        self.parties.set_items(
            [(p.id, f"{p.name} ({word(p.kind)})") for p in choices.parties],
            a.party_ids if a else (),
        )
        self.scope.set_items(
            [(c.id, c.name) for c in choices.campaigns], a.campaign_ids if a else ()
        )
        if a is not None:
            self.parties.setEnabled(False)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("The signed document"))
        if chosen:
            self.document.setText(chosen)

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        document = self.document.text().strip()
        fields = AgreementFields(
            kind=str(self.kind.currentData()),
            title=self.title_field.text(),
            party_ids=self.parties.checked(),
            effective=self.effective.text(),
            expires=self.expires.text(),
            zone=local_zone_name(),
            status=str(self.status.currentData()),
            survival_days=self.survival.value(),
            campaign_ids=self.scope.checked(),
            notes=self.notes.toPlainText(),
            document=Path(document).expanduser() if document else None,
        )
        agreement_id = self.agreement.id if self.agreement else None
        return work_tasks.save_agreement, (agreement_id, fields)

