"""The Assets screen: a table or a thumbnail grid, import by drop or Ctrl+N, preview, delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QListView, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP
from sealroom.desktop.models.assets import THUMBNAIL_SIZE, AssetsModel
from sealroom.desktop.models.table import SourceProxy
from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.changed import ASSETS, CAMPAIGNS
from sealroom.desktop.views.asset_dialog import AssetDialog
from sealroom.desktop.views.asset_import import ImportPanel
from sealroom.desktop.views.asset_preview import RENDER_SIZE, AssetDetail
from sealroom.desktop.views.import_dialog import ImportDialog
from sealroom.desktop.views.package_dialog import open_package_dialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.assets.importing import ImportOptions


class AssetsView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Assets")
    watches = frozenset({ASSETS, CAMPAIGNS})
    new_label = QT_TRANSLATE_NOOP("Section", "Import files…")
    can_delete = True
    split = (66, 34)
    legend = QT_TRANSLATE_NOOP(
        "Legend", "Orange date: the asset is still under embargo (release it to lift it)."
    )
    empty_text = (
        QT_TRANSLATE_NOOP(
            "Section",
            "No assets yet.\n\nDrop files or folders here, or press Ctrl+N to import.\n"
            "They are encrypted into the vault; the originals stay where they are.",
        )
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.assets = AssetsModel()
        self.grid_on = False
        super().__init__(ctx, self.assets, SourceProxy())
        self.proxy.setParent(self)
        self.assets.thumbnails_wanted.connect(self._want_thumbnails)
        self.serve_pages(self.assets, tasks.asset_page)
        self.setAcceptDrops(True)

        self.grid = QListView()
        self.grid.setObjectName("assetGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setModel(self.proxy)
        self.grid.setIconSize(THUMBNAIL_SIZE)
        self.grid.setGridSize(QSize(THUMBNAIL_SIZE.width() + 28, THUMBNAIL_SIZE.height() + 44))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.activated.connect(self._activated)
        self.views.addWidget(self.grid)
        self.set_column_widths({1: 140, 2: 96, 3: 100, 4: 72}, stretch=0)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.grid_button = QPushButton(self.tr("Grid"))
        self.grid_button.setCheckable(True)
        self.grid_button.setToolTip(self.tr("Show thumbnails instead of the table (Ctrl+G)"))
        self.grid_button.setShortcut(QKeySequence("Ctrl+G"))
        self.grid_button.toggled.connect(self.set_grid)
        self.toolbar.addWidget(self.grid_button)
        self.add_button(
            self.tr("Import folder…"), self.import_folder, self.tr("Import every file in a folder")
        )
        self.add_button(self.tr("Import files…"), self.new_item, self.tr("Import files (Ctrl+N)"))
        self.add_button(
            self.tr("Share package…"),
            self.share_selected,
            self.tr("Issue share packages of the selected assets to one or more recipients"),
        )

        self.importer = ImportPanel(ctx.runner)
        self.importer.origin = self
        self.importer.imported.connect(self._imported)
        self.importer.finished.connect(self._import_finished)
        page = self.layout()
        assert isinstance(page, QVBoxLayout)
        page.insertWidget(1, self.importer)

        self.asset_detail = AssetDetail()
        self.asset_detail.preview_wanted.connect(self._want_preview)
        self.asset_detail.export_wanted.connect(self._export)
        self.asset_detail.edit_wanted.connect(self.open_item)
        self.asset_detail.release_wanted.connect(self.release)
        self.dialog: AssetDialog | None = None
        self.import_dialog: ImportDialog | None = None
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.asset_detail)

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        super().load()
        self.assets.open_listing()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        if self.import_dialog is not None:
            self.import_dialog.reject()
        self.importer.abandon()
        self.assets.close_listing()
        self.asset_detail.clear()
        super().clear()

    # -- table or grid -------------------------------------------------------------------------

    def set_grid(self, on: bool) -> None:
        """Show the thumbnail grid (True) or the table; the selection follows."""
        if self.grid_button.isChecked() != on:
            self.grid_button.setChecked(on)  # comes back here through `toggled`
            return
        keys = self.selected_keys()
        self.grid_on = on
        self.assets.set_thumbnails_on(on)
        self.grid_button.setText(self.tr("Table") if on else self.tr("Grid"))
        self._update_empty()
        if keys:
            self.select_key(keys[0])
        self.main_view().setFocus()

    def main_view(self) -> QAbstractItemView:
        return self.grid if self.grid_on else self.table

    def current_view(self) -> QAbstractItemView:
        return self.main_view()

    def _want_thumbnails(self, asset_ids: list[str]) -> None:
        self.run(tasks.thumbnails, asset_ids, done=self._thumbnails)

    def _thumbnails(self, images: dict[str, QImage]) -> None:
        self.assets.set_thumbnails(images)

    # -- detail and preview --------------------------------------------------------------------

    def show_detail(self, key: str | None) -> None:
        self.asset_detail.show_asset(self.assets.record_of(key) if key else None)

    def _want_preview(self, asset_id: str, page: int) -> None:
        self.run(
            tasks.preview_asset,
            asset_id,
            page,
            RENDER_SIZE,
            done=self.asset_detail.show_preview,
            failed=self.asset_detail.preview_failed,
        )

    def _export(self, asset_id: str) -> None:
        asset = self.assets.record_of(asset_id)
        if asset is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the decrypted original"), asset.original_name
        )
        if target:
            self.run(tasks.export_asset, asset_id, Path(target), done=self._exported)

    def _exported(self, path: Path) -> None:
        self.ctx.messages.show_info(
            self.tr("Exported the decrypted original to {path}").format(path=path))

    # -- edit and release ----------------------------------------------------------------------

    def open_item(self, key: str) -> None:
        asset = self.assets.record_of(key)
        if asset is None:
            return
        self.dialog = AssetDialog(self.ctx.runner, asset, self.ctx.window)
        self.dialog.origin = self
        self.dialog.saved.connect(self._changed)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _changed(self, asset: Asset) -> None:
        self.assets.replace_record(asset)
        self.show_detail(asset.id)

    def release(self, asset_id: str) -> None:
        asset = self.assets.record_of(asset_id)
        if asset is None:
            return
        if not common.confirm(
            self,
            self.tr("Release asset"),
            self.tr("Lift the embargo on “{title}” now? Captions are checked for placeholders "
                    "and stray @mentions first; a secret asset waits for a second person's "
                    "approval.").format(title=asset.title),
            self.tr("Release"),
        ):
            return
        approve = False
        self.run(work_tasks.release_asset, asset.id, approve, done=self._released)

    def _released(self, released: work_tasks.Released) -> None:
        self._changed(released.asset)
        asked = released.waiting
        if asked is not None:
            if common.confirm(
                self,
                self.tr("Approve release"),
                self.tr("{name} asked on {date} to release “{title}”, which is secret. Approve "
                        "it? The embargo is lifted.").format(
                    name=asked.requested_by, date=asked.requested[:10],
                    title=released.asset.title),
                self.tr("Approve"),
            ):
                self.run(work_tasks.release_asset, asked.asset_id, True, done=self._released)
            return
        if released.outcome is not None and released.outcome.state == "released":
            self.ctx.messages.show_info(
                self.tr("Released “{title}”").format(title=released.asset.title))
        else:
            self.ctx.messages.show_info(
                self.tr("Release of “{title}” asked; another owner or manager approves it")
                .format(title=released.asset.title)
            )

    # -- import --------------------------------------------------------------------------------

    def new_item(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files into the vault"))
        self.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder into the vault"))
        if folder:
            self.import_paths([Path(folder)])

    def long_work_running(self) -> bool:
        return self.importer.running

    def import_paths(self, paths: list[Path]) -> None:
        """Ask for the campaign, sensitivity and embargo of the files, then import them."""
        if not paths:
            return
        if self.importer.running:
            self.ctx.messages.show_error(
                self.tr("An import is already running; wait or cancel it first")
            )
            return
        if self.import_dialog is not None:
            self.import_dialog.reject()
        self.import_dialog = ImportDialog(self.ctx.runner, paths, self.ctx.window)
        self.import_dialog.saved.connect(self._import_chosen)
        self.import_dialog.finished.connect(self._import_dialog_closed)
        self.import_dialog.open()

    def _import_chosen(self, options: ImportOptions) -> None:
        dialog = self.import_dialog
        if dialog is not None and not self.importer.start(dialog.paths, options):
            self.ctx.messages.show_error(
                self.tr("An import is already running; wait or cancel it first")
            )

    def _import_dialog_closed(self, result: int) -> None:
        self.import_dialog = None

    def _imported(self, asset: Asset) -> None:
        self.assets.refresh_soon()

    def _import_finished(self, summary: str, problems: bool) -> None:
        if problems:
            self.ctx.messages.show_error(summary)
        else:
            self.ctx.messages.show_info(summary)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.importer.running:
            self.importer.cancel()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- delete --------------------------------------------------------------------------------

    def share_selected(self) -> None:
        open_package_dialog(self.ctx, self.selected_keys())

    def delete_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        names = [a.title for a in map(self.assets.record_of, keys) if a is not None]
        if len(names) < self.selected_row_count():
            self.ctx.messages.show_error(
                self.tr("Some selected rows are not loaded yet: scroll through them, or narrow the "
                "search, then delete again")
            )
            return
        what = f"“{names[0]}”" if len(names) == 1 else self.tr("{n} assets").format(n=len(names))
        if not common.confirm(
            self,
            self.tr("Delete assets"),
            self.tr("Delete {what} from the vault? The encrypted file is removed; "
                    "the audit log keeps a record of the deletion.").format(what=what),
            self.tr("Delete"),
        ):
            return
        for key in keys:
            self.run(tasks.delete_asset, key, done=self._deleted)

    def _deleted(self, asset_id: str) -> None:
        self.assets.forget_asset(asset_id)


def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

