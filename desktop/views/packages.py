"""The Share packages screen: every package issued, its window, status and receipt; issue
packages, import a recipient's receipt, revoke a package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, word
from sealroom.desktop.models.packages import PackagesModel, window
from sealroom.desktop.models.table import short_time
from sealroom.desktop.tasks import packages as package_tasks
from sealroom.desktop.tasks.changed import ASSETS, PACKAGES, PARTIES
from sealroom.desktop.tasks.packages import PackageRow
from sealroom.desktop.views.package_dialog import PackageDialog
from sealroom.desktop.views.section import SectionContext, TableSection
from sealroom.desktop.widgets import forms as common
from sealroom.vault.protect.package_records import Package
from sealroom.vault.protect.packages_batch import BatchResult


class PackagesView(TableSection):
    title = QT_TRANSLATE_NOOP("Section", "Share packages")
    watches = frozenset({ASSETS, PARTIES, PACKAGES})
    new_label = QT_TRANSLATE_NOOP("Section", "Issue share packages…")
    empty_text = QT_TRANSLATE_NOOP(
        "Section",
        "No share packages yet.\n\nA share package is one encrypted file per recipient with "
        "their marked previews and the NDA terms they accept before the first one (Ctrl+N). "
        "Assets and Campaigns have a Share package… button too.",
    )

    def __init__(self, ctx: SectionContext) -> None:
        self.packages = PackagesModel()
        super().__init__(ctx, self.packages)
        self.set_column_widths({0: 124, 1: 140, 2: 90, 3: 170, 4: 80, 5: 124}, stretch=1)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.add_button(
            self.tr("Share package…"), self.new_item, self.tr("Issue share packages (Ctrl+N)")
        )
        self.add_button(
            self.tr("Import receipt…"),
            self.import_receipt,
            self.tr("Record a recipient's acknowledgement receipt (.sealreceipt)"),
        )
        self.facts = common.Facts(
            [QT_TRANSLATE_NOOP("Facts", "Recipient"), QT_TRANSLATE_NOOP("Facts", "Assets"),
             QT_TRANSLATE_NOOP("Facts", "Window"), QT_TRANSLATE_NOOP("Facts", "Status"),
             QT_TRANSLATE_NOOP("Facts", "NDA terms accepted"),
             QT_TRANSLATE_NOOP("Facts", "Sealed"), QT_TRANSLATE_NOOP("Facts", "NDAs"),
             QT_TRANSLATE_NOOP("Facts", "File"), QT_TRANSLATE_NOOP("Facts", "Issued"),
             QT_TRANSLATE_NOOP("Facts", "Revoked"), QT_TRANSLATE_NOOP("Facts", "Id")],
            self.tr("Select a package to see what it holds and whether it was accepted."),
        )
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setToolTip(self.tr(
            "Mark the package revoked: the recipient's later packages tell their viewer to "
            "refuse it; its holder stays traceable"
        ))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.facts.add_button(self.revoke_button)
        holder = QVBoxLayout(self.detail)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.facts)
        self.dialog: PackageDialog | None = None

    def load(self) -> None:
        super().load()
        self.run(package_tasks.list_packages, done=self._listed)

    def _listed(self, rows: list[PackageRow]) -> None:
        self.packages.set_records(rows)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.packages.clear()
        super().clear()

    def long_work_running(self) -> bool:
        return self.dialog is not None and self.dialog.issuing is not None

    def show_detail(self, key: str | None) -> None:
        row = self.packages.row_of(key) if key else -1
        if row < 0:
            self.facts.show_values(None, {})
            self.revoke_button.setEnabled(False)
            return
        r = self.packages.record(row)
        p: Package = r.package
        self.revoke_button.setEnabled(not p.revoked)
        sealed = (
            self.tr("to the recipient's age key {key}").format(key=p.recipient_age)
            if p.protection == "recipient"
            else self.tr("with a passphrase given separately")
        )
        self.facts.show_values(
            self.tr("Package for {name}").format(name=r.party_name),
            {
                "Recipient": r.party_name,
                "Assets": ", ".join(r.asset_titles),
                "Window": window(r) + " UTC",
                "Status": word(r.status),
                "NDA terms accepted": self.tr("{time} UTC (receipt imported)").format(
                    time=short_time(p.accepted)) if p.accepted else self.tr("no receipt yet"),
                "Sealed": sealed,
                "NDAs": ", ".join(r.nda_titles) or "—",
                "File": p.file_name,
                "Issued": self.tr("{time} UTC by {name}").format(
                    time=short_time(p.created), name=p.created_by),
                "Revoked": self.tr("{time} UTC by {name}").format(
                    time=short_time(p.revoked), name=p.revoked_by) if p.revoked else "—",
                "Id": p.id,
            },
        )

    def new_item(self) -> None:
        self.open_dialog()

    def open_dialog(self, asset_ids: list[str] | None = None, campaign_id: str | None = None
                    ) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        self.dialog = PackageDialog(self.ctx.runner, self.ctx.window, asset_ids, campaign_id)
        self.dialog.issued.connect(self._issued)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None

    def _issued(self, result: BatchResult) -> None:
        if result.issued:
            self.reveal(result.issued[0].package.id)

    def import_receipt(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a receipt"), "",
            self.tr("Sealroom receipts (*.sealreceipt);;All files (*)"),
        )
        if chosen:
            self.run(package_tasks.import_receipt, Path(chosen), done=self._receipt_imported)

    def _receipt_imported(self, package: Package) -> None:
        self.ctx.messages.show_info(self.tr(
            "Recorded: the recipient accepted the NDA terms of package {id} at {time} UTC"
        ).format(id=package.id, time=short_time(package.accepted)))
        self._reload_showing(package.id)

    def revoke_selected(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            return
        reason = common.ask_reason(
            self, self.tr("Revoke package"),
            self.tr("Why is this package revoked? (kept in the audit log)"),
        )
        if reason is not None:
            self.run(package_tasks.revoke_package, keys[0], reason.strip(),
                     done=self._revoked)

    def _revoked(self, package: Package) -> None:
        self.ctx.messages.show_info(self.tr(
            "Package {id} revoked; the recipient's next package tells their viewer to refuse it"
        ).format(id=package.id))
        self._reload_showing(package.id)

    def _reload_showing(self, package_id: str) -> None:
        """Read the packages again (a status changed) and select this one."""
        self._pending_key = package_id
        self.load()
