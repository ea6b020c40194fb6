"""Before an import: the campaign, sensitivity and embargo every file of it gets.

The vault checks the choice once (`check_import`, refusals under their field) before any file
is read; the import then runs file by file with those options (see asset_import.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from sealroom.desktop.i18n import translate, word
from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.work import Choices
from sealroom.desktop.widgets.fields import RecordCombo, WhenField
from sealroom.desktop.widgets.record_dialog import RecordDialog
from sealroom.desktop.workers import TaskFunction, VaultRunner
from sealroom.vault.assets.catalog import SENSITIVITIES

DEFAULT_SENSITIVITY = "confidential"


class ImportDialog(RecordDialog):
    """`saved` carries the `ImportOptions` for each file of `paths`."""

    def __init__(
        self,
        runner: VaultRunner,
        paths: list[Path],
        parent: QWidget,
        campaign_id: str | None = None,
    ) -> None:
        super().__init__(
            runner,
            translate("ImportDialog", "Import into the vault"),
            translate("ImportDialog", "Import"),
            parent,
        )
        self.paths = list(paths)
        self._campaign_id = campaign_id
        names = ", ".join(p.name for p in self.paths[:3])
        if len(self.paths) > 3:
            names = self.tr("{names} and {n} more").format(names=names, n=len(self.paths) - 3)
        what = QLabel(names)
        what.setWordWrap(True)
        self.campaign = RecordCombo(self.tr("No campaign"))
        self.sensitivity = QComboBox()
        for level in SENSITIVITIES:
            self.sensitivity.addItem(word(level, True), level)
        self.sensitivity.setCurrentIndex(max(0, self.sensitivity.findData(DEFAULT_SENSITIVITY)))
        self.embargo = WhenField("2026-03-01 09:00")
        self.embargo.setPlaceholderText(
            self.tr("optional; empty: the campaign's launch, if ahead")
        )
        note = QLabel(self.tr(
            "Files are encrypted into the vault; the originals stay where they are."
        ))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.form.add(self.tr("Files"), what)
        self.form.add(self.tr("&Campaign"), self.campaign)
        self.form.add(self.tr("&Sensitivity"), self.sensitivity)
        self.form.add(self.tr("&Embargo until"), self.embargo)
        self.column.insertWidget(self.column.indexOf(self.busy), note)
        self.fields = {
            "campaign_id": self.campaign,
            "sensitivity": self.sensitivity,
            "embargo_until": self.embargo,
        }
        self.load_choices(work_tasks.choices)

    def fill(self, choices: Any) -> None:
        assert isinstance(choices, Choices)
        self.campaign.set_items([(c.id, c.name) for c in choices.campaigns], self._campaign_id)

    def save_call(self) -> tuple[TaskFunction, tuple[Any, ...]]:
        choice = tasks.ImportChoice(
            campaign_id=self.campaign.value(),
            sensitivity=str(self.sensitivity.currentData()),
            embargo=self.embargo.text().strip(),
            zone=self.embargo.zone,
        )
        return tasks.check_import, (choice,)
