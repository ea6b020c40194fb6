"""Granting a party access to an asset or campaign, with the NDA rule's answer in the dialog.

The vault refuses a grant that no NDA in force covers; the dialog then shows why and offers an
owner's override, which needs a written reason and is recorded as an exception.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.models.access_columns import Target
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.work import GrantFields
from sealroom.desktop.widgets.fields import WhenField
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.access.grants import GRANT_LEVELS, NdaRequiredError
from sealroom.vault.parties.directory import Party


class GrantDialog(RecordDialog):
    def __init__(self, runner: VaultRunner, party: Party, target: Target, parent: QWidget):
        super().__init__(
            runner,
            translate("GrantDialog", "Grant access"),
            translate("GrantDialog", "Grant"),
            parent,
        )
        self.party = party
        self.target = target
        who = QLabel(f"{party.name} ({word(party.kind)})")
        what = QLabel(f"{target.title} ({word(target.kind)})")
        what.setToolTip(target.detail)
        self.level = QComboBox()
        for level in GRANT_LEVELS:
            self.level.addItem(
                self.tr("Preview (watermarked copies)") if level == "preview"
                else self.tr("Original files"),
                level,
            )
        self.until = WhenField("2026-06-30")
        self.until.setPlaceholderText(self.tr("optional end; ") + self.until.placeholderText())
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Why this party may see it without an NDA (owners only; recorded as an "
                    "exception)")
        )
        self.reason.setMaximumHeight(70)
        self.form.add(self.tr("Who"), who)
        self.form.add(self.tr("What"), what)
        self.form.add(self.tr("&Level"), self.level)
        self.form.add(self.tr("&Until"), self.until)
        self.reason_field = self.form.add(self.tr("Override &reason"), self.reason)
        self._show_reason(False)
        self.fields = {
            "override_reason": self.reason,
            "valid_until": self.until,
            "level": self.level,
        }

    def _show_reason(self, shown: bool) -> None:
        self.overriding = shown
        self.form.set_row_visible(self.reason, shown)

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        fields = GrantFields(
            party_id=self.party.id,
            asset_id=self.target.id if self.target.kind == "asset" else None,
            campaign_id=self.target.id if self.target.kind == "campaign" else None,
            level=str(self.level.currentData()),
            valid_until=self.until.text(),
            zone=self.until.zone,
            override_reason=self.reason.toPlainText().strip() if self.overriding else "",
        )
        return work_tasks.grant_access, (fields,)

    def handle_failure(self, message: str, error_type: type[BaseException] | None) -> bool:
        if error_type is not None and issubclass(error_type, NdaRequiredError):
            self._show_reason(True)
            self.save_button.setText(self.tr("Grant with override"))
            self.form.set_error(self.reason, message)
            return True
        return False
