"""Adding or editing a campaign: name, brand, launch (its embargo), influencers, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sealroom.desktop.i18n import translate
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.work import CampaignFields, Choices
from sealroom.desktop.widgets.fields import CheckList, RecordCombo, WhenField
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.parties.campaigns import Campaign


class CampaignDialog(RecordDialog):
    def __init__(self, runner: VaultRunner, campaign: Campaign | None, parent: QWidget) -> None:
        title = (translate("CampaignDialog", "Edit campaign") if campaign
                 else translate("CampaignDialog", "New campaign"))
        save = translate("CampaignDialog", "Save") if campaign else translate(
            "CampaignDialog", "Add")
        super().__init__(runner, title, save, parent)
        self.campaign = campaign
        self.name = QLineEdit(campaign.name if campaign else "")
        self.name.setPlaceholderText(self.tr("e.g. Lumen Spring Glow"))
        self.brand = RecordCombo(self.tr("No brand yet"))
        self.launch = WhenField("2026-03-01 09:00")
        self.launch.setText((campaign.launch_display or "") if campaign else "")
        self.influencers = CheckList()
        self.notes = QPlainTextEdit(campaign.notes if campaign else "")
        self.notes.setMaximumHeight(70)
        self.form.add(self.tr("&Name"), self.name)
        self.form.add(self.tr("&Brand"), self.brand)
        self.form.add(self.tr("&Launch"), self.launch)
        self.form.add(self.tr("&Influencers"), self.influencers)
        self.form.add(self.tr("N&otes"), self.notes)
        self.fields = {
            "launch": self.launch,
            "brand_id": self.brand,
            "influencer_ids": self.influencers,
            "name": self.name,
        }
        self.load_choices(work_tasks.choices)

    def fill(self, choices: Any) -> None:
        assert isinstance(choices, Choices)
        current = self.campaign
        self.brand.set_items(
            [(p.id, p.name) for p in choices.parties if p.kind == "brand"],
            current.brand_id if current else None,
        )
        self.influencers.set_items(
            [(p.id, p.name) for p in choices.parties if p.kind == "influencer"],
            current.influencer_ids if current else (),
        )

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        fields = CampaignFields(
            name=self.name.text(),
            brand_id=self.brand.value(),
            launch=self.launch.text(),
            zone=self.launch.zone,
            influencer_ids=self.influencers.checked(),
            notes=self.notes.toPlainText(),
        )
        return work_tasks.save_campaign, (self.campaign.id if self.campaign else None, fields)
