"""Editing an asset's title, campaign, sensitivity, tags and embargo (the vault checks them:
an embargo cannot be lifted here, only by a release, which runs the release guard)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sealroom.desktop.i18n import translate
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.work import AssetFields, Choices
from sealroom.desktop.widgets.fields import RecordCombo, WhenField
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.assets.catalog import SENSITIVITIES, Asset


class AssetDialog(RecordDialog):
    def __init__(self, runner: VaultRunner, asset: Asset, parent: QWidget) -> None:
        super().__init__(
            runner,
            translate("AssetDialog", "Edit asset"),
            translate("AssetDialog", "Save"),
            parent,
        )
        self.asset = asset
        self.title_field = QLineEdit(asset.title)
        self.campaign = RecordCombo(self.tr("No campaign"))
        self.sensitivity = QComboBox()
        for level in SENSITIVITIES:
            self.sensitivity.addItem(level.capitalize(), level)
        self.sensitivity.setCurrentIndex(max(0, self.sensitivity.findData(asset.sensitivity)))
        self.tags = QLineEdit(", ".join(asset.tags))
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. hero, instagram"))
        self.embargo = WhenField("2026-03-01 09:00")
        self.initial_embargo = asset.embargo_display or ""
        self.embargo.setText(self.initial_embargo)
        if asset.released:
            self.embargo.setEnabled(False)
            self.embargo.setToolTip(self.tr("Released: a released asset cannot be embargoed again"))
        self.form.add(self.tr("&Title"), self.title_field)
        self.form.add(self.tr("&Campaign"), self.campaign)
        self.form.add(self.tr("&Sensitivity"), self.sensitivity)
        self.form.add(self.tr("Ta&gs"), self.tags)
        self.form.add(self.tr("&Embargo until"), self.embargo)
        self.fields = {
            "embargo_until": self.embargo,
            "sensitivity": self.sensitivity,
            "tags": self.tags,
            "campaign_id": self.campaign,
            "title": self.title_field,
        }
        self.load_choices(work_tasks.choices)

    def fill(self, choices: Any) -> None:
        assert isinstance(choices, Choices)
        self.campaign.set_items(
            [(c.id, c.name) for c in choices.campaigns], self.asset.campaign_id
        )

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        embargo = self.embargo.text().strip()
        fields = AssetFields(
            title=self.title_field.text(),
            campaign_id=self.campaign.value(),
            sensitivity=str(self.sensitivity.currentData()),
            tags=tuple(t for t in self.tags.text().split(",") if t.strip()),
            embargo="" if embargo == self.initial_embargo else embargo,
            zone=self.embargo.zone,
        )
        return work_tasks.save_asset, (self.asset.id, fields)
