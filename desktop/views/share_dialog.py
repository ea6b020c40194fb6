"""Issuing a watermarked preview of an asset to one recipient, written to a file they get.

The vault issues it only under the outbound rule (grant, NDA, a second person's approval for
secret assets); a refusal is shown in the dialog with its reason. Owners may then issue it with
a written override reason (recorded as an exception) and may leave out the visible mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.tasks import protect as protect_tasks
from sealroom.desktop.tasks.protect import ShareChoices, ShareFields
from sealroom.desktop.widgets.fields import RecordCombo, browse_row
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.protect.outbound import OutboundRefusedError
from sealroom.vault.protect.shares import DEFAULT_MAX_SIDE, MIN_MAX_SIDE


class ShareDialog(RecordDialog):
    def __init__(self, runner: VaultRunner, data: ShareChoices, parent: QWidget) -> None:
        super().__init__(
            runner,
            translate("ShareDialog", "Share a watermarked preview"),
            translate("ShareDialog", "Create"),
            parent,
        )
        self.asset = RecordCombo()
        self.asset.set_items(data.assets)
        self.party = RecordCombo()
        self.party.set_items([(p.id, f"{p.name} ({word(p.kind)})") for p in data.parties])
        self.max_side = QSpinBox()
        self.max_side.setRange(MIN_MAX_SIDE, 8192)
        self.max_side.setValue(DEFAULT_MAX_SIDE)
        self.max_side.setSuffix(self.tr(" px"))
        self.max_side.setToolTip(self.tr("Longest side of the preview; smaller leaks less"))
        self.visible = QCheckBox(
            self.tr("Visible mark (recipient, date, share code) tiled over it")
        )
        self.visible.setChecked(True)
        self.owner = data.owner
        if not data.owner:
            self.visible.setEnabled(False)
            self.visible.setToolTip(
                self.tr("Only an owner can share a preview without the visible mark")
            )
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr(
            "Why this recipient may have it although the rule refuses "
            "(owners only; recorded as an exception and shown on the dashboard)"
        ))
        self.reason.setMaximumHeight(70)
        self.overriding = False
        self.out = QLineEdit()
        self.out.setPlaceholderText(self.tr("where to write it, e.g. ~/Desktop/preview.png"))
        where = browse_row(self.out, self._browse)
        self.form.add(self.tr("&Asset"), self.asset)
        self.form.add(self.tr("&Recipient"), self.party)
        self.form.add(self.tr("&Longest side"), self.max_side)
        self.form.add("", self.visible)
        self.form.add(self.tr("&Save to"), where)
        self.form.add(self.tr("Override &reason"), self.reason)
        self.form.set_row_visible(self.reason, False)
        self.where = where
        self.fields = {
            "out": where,
            "max_side": self.max_side,
            "party_id": self.party,
            "asset_id": self.asset,
            "override_reason": self.reason,
        }

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the watermarked preview"),
            self.tr("preview.png"),
            self.tr("Images and PDFs (*.png *.jpg *.pdf)"),
        )
        if chosen:
            self.out.setText(chosen)

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        out = self.out.text().strip()
        fields = ShareFields(
            asset_id=self.asset.value() or "",
            party_id=self.party.value() or "",
            out=Path(out).expanduser() if out else Path(),
            max_side=self.max_side.value(),
            visible=self.visible.isChecked(),
            override_reason=self.reason.toPlainText().strip() if self.overriding else "",
        )
        return protect_tasks.create_share, (fields,)

    def handle_failure(self, message: str, error_type: type[BaseException] | None) -> bool:
        """A refusal by the outbound rule: its reason, and for an owner the override field."""
        if error_type is None or not issubclass(error_type, OutboundRefusedError):
            return False
        if self.owner:
            self.overriding = True
            self.form.set_row_visible(self.reason, True)
            self.save_button.setText(self.tr("Create with override"))
            self.form.set_error(self.reason, message)
        else:
            self.form.set_error(None, message)
        return True

    def submit(self) -> None:
        if not self.out.text().strip():
            self.form.clear_errors()
            self.form.set_error(self.where, self.tr("Choose where to write the preview"))
            self.out.setFocus()
            return
        super().submit()
