"""The Shares screen: watermarked previews issued to recipients; issue one, see one as issued."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP
from sealroom.desktop.models.shares import SharesModel
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks import protect as protect_tasks
from sealroom.desktop.tasks.changed import ASSETS, PARTIES, SHARES
from sealroom.desktop.tasks.protect import ShareChoices, SharePreview, SharesData
from sealroom.desktop.views.asset_preview import PreviewLabel
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.views.share_dialog import ShareDialog
from sealroom.desktop.widgets import forms as common
from sealroom.vault.protect.shares import Share

PREVIEW_SIZE = QSize(900, 900)


class SharesView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Shares")
    watches = frozenset({ASSETS, PARTIES, SHARES})
    new_label = QT_TRANSLATE_NOOP("Section", "Share a watermarked preview…")
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "No shares yet.\n\nA share is a preview of an asset made for one recipient: a "
            "visible mark and an invisible fingerprint that Leak tracing reads back (Ctrl+N).",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.shares = SharesModel()
        super().__init__(ctx, self.shares)
        self.data: SharesData | None = None
        self.set_column_widths({0: 100, 2: 150, 3: 130, 4: 80}, stretch=1)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.add_button(
            self.tr("Share…"), self.new_item, self.tr("Share a watermarked preview (Ctrl+N)")
        )
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Recipient"), QT_TRANSLATE_NOOP("Facts", "Asset"),
             QT_TRANSLATE_NOOP("Facts", "Code"), QT_TRANSLATE_NOOP("Facts", "Issued"),
             QT_TRANSLATE_NOOP("Facts", "Longest side"),
             QT_TRANSLATE_NOOP("Facts", "Visible mark"), QT_TRANSLATE_NOOP("Facts", "Id")],
            self.tr("Select a share to see it as its recipient got it."),
        )
        self.show_button = QPushButton(self.tr("Show preview"))
        self.show_button.setToolTip(self.tr("Re-create the preview exactly as issued, in memory"))
        self.show_button.clicked.connect(self.show_preview)
        self.facts.add_button(self.show_button)
        self.preview = PreviewLabel()
        self.preview.hide()
        self.facts.add_wide(self.preview)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: ShareDialog | None = None

    def load(self) -> None:
        super().load()
        self.run(protect_tasks.list_shares, done=self._listed)

    def _listed(self, data: SharesData) -> None:
        self.data = data
        self.shares.set_records(data.rows)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.data = None
        self.shares.clear()
        self.preview.set_image(None)
        super().clear()

    def show_detail(self, key: str | None) -> None:
        self.preview.set_image(None)
        self.preview.hide()
        row = self.shares.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            return
        r = self.shares.record(row)
        s: Share = r.share
        self.facts.show_values(
            f"{r.asset_title} → {r.party_name}",
            {
                "Recipient": r.party_name,
                "Asset": self.tr("{title} (version {n})").format(
                    title=r.asset_title, n=s.asset_version),
                "Code": s.share_code,
                "Issued": self.tr("{time} UTC by {name}").format(
                    time=short_time(s.created), name=s.created_by),
                "Longest side": self.tr("{n} px").format(n=s.max_side),
                "Visible mark": self.tr("yes") if s.visible_mark
                else self.tr("no (fingerprint only)"),
                "Id": s.id,
            },
        )

    def new_item(self) -> None:
        if self.data is not None and self.dialog is None:
            self.run(protect_tasks.share_choices, done=self._open_dialog)

    def _open_dialog(self, choices: ShareChoices) -> None:
        if not self.loaded or self.dialog is not None:
            return
        self.dialog = ShareDialog(self.ctx.runner, choices, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._shared)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _shared(self, result: tuple[Share, list[Path]]) -> None:
        share, files = result
        where = files[0] if len(files) == 1 else files[0].parent
        self.ctx.messages.show_info(self.tr("Shared preview {code} written to {where}").format(
            code=share.share_code, where=where))
        self.reveal(share.id)

    def show_preview(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            return
        self.preview.show()
        self.preview.set_image(None, self.tr("Re-creating the watermarked preview…"))
        self.run(
            protect_tasks.preview_share, keys[0], PREVIEW_SIZE,
            done=self._previewed, failed=self._preview_failed,
        )

    def _previewed(self, preview: SharePreview) -> None:
        keys = self.selected_keys()
        if keys and keys[0] == preview.share_id:
            self.preview.set_image(preview.image)

    def _preview_failed(self, message: str) -> None:
        self.preview.set_image(None, message)
