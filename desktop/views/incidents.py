"""The Incidents screen: every leak case, its evidence, status moves, notes and the evidence
pack. Cases come from the Leak tracing screen ("Open incident") or `sealroom incident open`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.incidents import IncidentsModel
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks import incidents as tasks
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.incidents import TRANSITIONS, Incident, Note
from sealroom.vault.incidents_case import IncidentCase

STATUS_BUTTONS = (
    (
        "confirmed",
        QT_TRANSLATE_NOOP("IncidentsView", "Confirm"),
        QT_TRANSLATE_NOOP(
            "IncidentsView", "The leak is confirmed: the case stays open until closed"
        ),
    ),
    (
        "dismissed",
        QT_TRANSLATE_NOOP("IncidentsView", "Dismiss"),
        QT_TRANSLATE_NOOP("IncidentsView", "Not a leak after all (a false alarm)"),
    ),
    (
        "closed",
        QT_TRANSLATE_NOOP("IncidentsView", "Close"),
        QT_TRANSLATE_NOOP("IncidentsView", "Nothing more to do on this case"),
    ),
    (
        "open",
        QT_TRANSLATE_NOOP("IncidentsView", "Reopen"),
        QT_TRANSLATE_NOOP("IncidentsView", "Open the case again"),
    ),
)

FACTS = [
    QT_TRANSLATE_NOOP("Facts", "Status"),
    QT_TRANSLATE_NOOP("Facts", "Asset"),
    QT_TRANSLATE_NOOP("Facts", "Suspects"),
    QT_TRANSLATE_NOOP("Facts", "Candidates"),
    QT_TRANSLATE_NOOP("Facts", "Agreements"),
    QT_TRANSLATE_NOOP("Facts", "Timeline"),
    QT_TRANSLATE_NOOP("Facts", "Notes"),
]


def in_plain_words(p_false: float) -> str:
    if p_false >= 0.5:
        return translate("IncidentsView", "no evidence")
    return translate("IncidentsView", "1 in {n} by chance").format(
        n=f"{1 / max(p_false, 1e-300):,.0f}"
    )


class IncidentsView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Incidents")
    empty_text = QT_TRANSLATE_NOOP(
        "Section",
        "No incidents.\n\nTrace a leaked file on the Leak tracing screen and open an incident "
        "from the result, or run `sealroom incident open`.",
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.cases = IncidentsModel()
        super().__init__(ctx, self.cases)
        self.set_column_widths({0: 130, 2: 90, 3: 80, 4: 140}, stretch=1)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.facts = common.Facts(
            FACTS,
            self.tr("Select an incident to see its evidence."),
        )
        self.status_buttons: dict[str, QPushButton] = {}
        for status, label, tip in STATUS_BUTTONS:
            button = QPushButton(translate("IncidentsView", label))
            button.setToolTip(translate("IncidentsView", tip))
            button.clicked.connect(lambda _=False, s=status: self.move_to(s))
            self.facts.add_button(button)
            self.status_buttons[status] = button
        self.note_button = QPushButton(self.tr("Add note…"))
        self.note_button.clicked.connect(self.add_note)
        self.export_button = QPushButton(self.tr("Export evidence pack…"))
        self.export_button.setToolTip(
            self.tr("A PDF: suspect beside the preview, odds, NDA terms, events")
        )
        self.export_button.clicked.connect(self.export)
        self.facts.add_button(self.note_button)
        self.facts.add_button(self.export_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.case: IncidentCase | None = None
        self.last_export: list[Path] = []

    def load(self) -> None:
        super().load()
        self.run(tasks.list_incidents, done=self._listed)

    def _listed(self, found: list[Incident]) -> None:
        kept = self._selected()  # a new listing keeps the case on screen selected
        self.cases.set_records(found)
        if kept and self._pending_key is None:
            self.select_key(kept)

    def clear(self) -> None:
        self.cases.clear()
        self.case = None
        super().clear()

    def _selected(self) -> str | None:
        keys = self.selected_keys()
        return keys[0] if len(keys) == 1 else None

    def show_detail(self, key: str | None) -> None:
        self.case = None
        self.facts.show_values(None, {})
        if key:
            self.run(tasks.show_case, key, done=self._shown)

    def _shown(self, case: IncidentCase) -> None:
        if self._selected() != case.incident.id:
            return
        self.case = case
        i = case.incident
        agreements = [
            f"{case.party_names.get(pid, pid)}: {a.kind.upper()} “{a.title}” ({word(a.status)})"
            for pid, signed in case.agreements.items() for a in signed
        ]
        self.facts.show_values(
            i.title,
            {
                "Status": word(i.status),
                "Asset": f"{case.asset_title} ({i.asset_id})" if i.asset_id else "—",
                "Suspects": "\n".join(s.name for s in case.suspects) or "—",
                "Candidates": "\n".join(
                    self.tr("{party}: score {score}, {odds}").format(
                        party=self.tr("{party} (named)").format(party=c.party_name)
                        if c.accused else c.party_name,
                        score=f"{c.score:.1f}",
                        odds=in_plain_words(c.p_false),
                    )
                    for c in case.candidates[:5]
                ) or "—",
                "Agreements": "\n".join(agreements) or "—",
                "Timeline": "\n".join(
                    f"{short_time(t.time)} {t.what} {case.party_names.get(t.party_id, '')}".strip()
                    for t in case.timeline
                ),
                "Notes": "\n".join(f"{short_time(n.time)} {n.author}: {n.text}"
                                   for n in case.notes) or "—",
            },
        )
        for status, button in self.status_buttons.items():
            button.setEnabled(status in TRANSITIONS[i.status])

    def move_to(self, status: str) -> None:
        key = self._selected()
        if key:
            self.run(tasks.set_status, key, status, done=self._changed)

    def _changed(self, incident: Incident) -> None:
        self.reveal(incident.id)
        self.load()

    def add_note(self, text: str | None = None) -> None:
        key = self._selected()
        if not key:
            return
        if text is None:
            text = common.ask_reason(
                self, self.tr("Add a note"), self.tr("Note (only content holders read it):")
            )
        if text:
            self.run(tasks.add_note, key, text, done=self._noted)

    def _noted(self, note: Note) -> None:
        key = self._selected()
        if key:
            self.show_detail(key)

    def export(self, folder: Path | None = None) -> None:
        key = self._selected()
        if not key:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the evidence pack"))
            if not chosen:
                return
            folder = Path(chosen)
        self.run(tasks.export_pack, key, folder, done=self._exported)

    def _exported(self, written: list[Path]) -> None:
        self.last_export = written
        self.ctx.messages.show_info(
            self.tr("Wrote {files}").format(files=", ".join(p.name for p in written))
        )
