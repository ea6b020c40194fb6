"""Issuing share packages: the same assets to one or many recipients, one package each.

Before anything is issued the dialog runs the outbound rule for every ticked (recipient, asset)
pair and lists, per recipient, the NDA the package would go under or each rule that refuses it.
Issuing runs on the vault thread with a progress bar; Cancel stops before the next recipient
and every package already written stays recorded and in the ledger. Passphrases of passphrase
packages are shown once, here, and kept nowhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import word
from sealroom.desktop.tasks import packages as package_tasks
from sealroom.desktop.tasks.packages import PackageChoices, PackageFields, RecipientCheck
from sealroom.desktop.views.section import SectionContext
from sealroom.desktop.widgets.busy import busy_bar
from sealroom.desktop.widgets.checklist import FilteredCheckList
from sealroom.desktop.widgets.fields import browse_row
from sealroom.desktop.widgets.forms import Form, one_line
from sealroom.desktop.workers import Task, VaultRunner
from sealroom.vault.errors import Cancelled
from sealroom.vault.protect.packages import DEFAULT_DAYS
from sealroom.vault.protect.packages_batch import BatchResult

CHECK_DELAY_MS = 300
"""Ticking several boxes in a row runs one check, this long after the last."""


class PackageDialog(QDialog):
    issued = Signal(object)
    """The `BatchResult` of an issue that wrote at least one package."""

    def __init__(
        self,
        runner: VaultRunner,
        parent: QWidget,
        asset_ids: list[str] | None = None,
        campaign_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Share packages"))
        self.setMinimumWidth(640)
        heading = QLabel(self.tr("Share packages"))
        heading.setObjectName("sectionTitle")
        note = QLabel(self.tr(
            "One encrypted .sealshare file per recipient, signed by this vault, opened only by "
            "that recipient inside the window, after accepting the NDA terms. Every preview "
            "carries the recipient's visible mark and invisible fingerprint."
        ))
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.form = Form()
        self.assets = FilteredCheckList(self.tr("Filter assets"))
        self.parties = FilteredCheckList(self.tr("Filter recipients"))
        now = QDateTime.currentDateTime()
        self.not_before = QDateTimeEdit(now)
        self.not_after = QDateTimeEdit(now.addDays(DEFAULT_DAYS))
        window = QWidget()
        row = QHBoxLayout(window)
        row.setContentsMargins(0, 0, 0, 0)
        for edit in (self.not_before, self.not_after):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.not_before, 1)
        row.addWidget(QLabel(self.tr("until")))
        row.addWidget(self.not_after, 1)
        self.window_row = window
        self.passphrase = QCheckBox(self.tr(
            "Seal each package with a generated passphrase (for recipients without an age key)"
        ))
        self.out = QLineEdit()
        self.out.setPlaceholderText(self.tr("the folder to write the packages and the ledger to"))
        where = browse_row(self.out, self._browse)
        self.where = where
        self.check = QPlainTextEdit()
        self.check.setReadOnly(True)
        self.check.setAccessibleName(self.tr("Check before issuing"))
        self.check.setMinimumHeight(90)
        self.check.setPlainText(self.tr("Tick assets and recipients to check them."))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr(
            "Why the refused recipients may have it anyway (owners only; recorded as an "
            "exception and shown on the dashboard)"
        ))
        self.reason.setMaximumHeight(60)
        self.form.add(self.tr("&Assets"), self.assets)
        self.form.add(self.tr("&Recipients"), self.parties)
        self.form.add(self.tr("&Window"), window)
        self.form.add("", self.passphrase)
        self.form.add(self.tr("&Save to"), where)
        self.form.add(self.tr("Check"), self.check)
        self.form.add(self.tr("Override &reason"), self.reason)
        self.form.set_row_visible(self.reason, False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.bar = QProgressBar()
        self.bar.setMaximumHeight(10)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.busy = busy_bar()
        self.passphrases = QPlainTextEdit()
        self.passphrases.setReadOnly(True)
        self.passphrases.setAccessibleName(self.tr("Passphrases"))
        self.passphrases.hide()
        self.buttons = QDialogButtonBox()
        self.issue_button: QPushButton = self.buttons.addButton(
            self.tr("Issue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.submit)
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 18, 22, 18)
        column.addWidget(heading)
        column.addWidget(note)
        column.addWidget(self.form, 1)
        column.addWidget(self.busy)
        column.addWidget(self.status)
        column.addWidget(self.bar)
        column.addWidget(self.passphrases)
        column.addWidget(self.buttons)
        self.owner = False
        self.checks: list[RecipientCheck] = []
        self.issuing: Task | None = None
        self.outcome: BatchResult | None = None
        self._checking = False
        self._check_again = False
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._run_check)
        for changed in (self.assets.changed, self.parties.changed):
            changed.connect(self._check_timer.start)
        self.passphrase.toggled.connect(self._show_check)
        self.form.setEnabled(False)
        self.issue_button.setEnabled(False)
        self.busy.show()
        task = runner.submit(package_tasks.package_choices, list(asset_ids or []), campaign_id)
        task.done.connect(self._fill)
        task.failed.connect(self._choices_failed)

    # -- choices and the check ------------------------------------------------------------------

    def _fill(self, choices: PackageChoices) -> None:
        self.busy.hide()
        self.form.setEnabled(True)
        self.issue_button.setEnabled(True)
        self.owner = choices.owner
        self.assets.set_items(choices.assets, set(choices.chosen_assets))
        self.parties.set_items(
            [
                (p.id, self._party_text(p.name, p.kind, bool(p.age_recipient)))
                for p in choices.parties
            ],
            set(choices.chosen_parties),
        )
        self._check_timer.stop()
        self._run_check()

    def _party_text(self, name: str, kind: str, has_key: bool) -> str:
        if has_key:
            return self.tr("{name} ({kind})").format(name=name, kind=word(kind))
        return self.tr("{name} ({kind}), no age key").format(name=name, kind=word(kind))

    def _choices_failed(self, message: str) -> None:
        self.busy.hide()
        self.form.set_error(None, message)

    def _run_check(self) -> None:
        if self._checking:
            self._check_again = True
            return
        parties, assets = self.parties.ticked(), self.assets.ticked()
        if not parties or not assets:
            self.checks = []
            self._show_check()
            return
        self._checking = True
        task = self.runner.submit(package_tasks.check_recipients, parties, assets)
        task.done.connect(self._checked)
        task.failed.connect(self._check_failed)

    def _checked(self, checks: list[RecipientCheck]) -> None:
        self._checking = False
        if self._check_again:
            self._check_again = False
            self._run_check()
            return
        self.checks = checks
        self._show_check()

    def _check_failed(self, message: str) -> None:
        self._checking = False
        self.check.setPlainText(one_line(message))

    def _show_check(self) -> None:
        if not self.checks:
            self.check.setPlainText(self.tr("Tick assets and recipients to check them."))
            self.form.set_row_visible(self.reason, False)
            return
        lines = []
        for c in self.checks:
            if c.refused:
                lines.append(self.tr("✗ {name}: refused for {n} of {total} assets").format(
                    name=c.party_name, n=len(c.refused), total=c.assets))
                lines.extend(f"    {title}: {why}" for title, why in c.refused)
            elif c.ndas:
                lines.append(self.tr("✓ {name}: under {ndas}").format(
                    name=c.party_name, ndas="; ".join(c.ndas)))
            else:
                lines.append(self.tr("✓ {name}: granted; no NDA needed for these assets").format(
                    name=c.party_name))
            if not c.has_key and not self.passphrase.isChecked():
                lines.append(self.tr(
                    "   {name} has no age key: tick the passphrase option or record their key"
                ).format(name=c.party_name))
        refused = sum(1 for c in self.checks if c.refused)
        summary = self.tr("{ok} of {n} recipients may receive the package.").format(
            ok=len(self.checks) - refused, n=len(self.checks))
        self.check.setPlainText("\n".join([summary, *lines]))
        self.form.set_row_visible(self.reason, self.owner and refused > 0)
        if self.outcome is None:
            self.issue_button.setText(self.tr("Issue {n} packages").format(n=len(self.checks))
                                      if len(self.checks) != 1 else self.tr("Issue 1 package"))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Write the packages to"))
        if chosen:
            self.out.setText(chosen)

    # -- issuing --------------------------------------------------------------------------------

    def fields(self) -> PackageFields | None:
        """The form as the vault call's input, or None after showing what is missing."""
        self.form.clear_errors()
        parties, assets = self.parties.ticked(), self.assets.ticked()
        if not assets:
            self.form.set_error(self.assets, self.tr("Tick at least one asset"))
            return None
        if not parties:
            self.form.set_error(self.parties, self.tr("Tick at least one recipient"))
            return None
        if not self.passphrase.isChecked():
            keyless = [c.party_name for c in self.checks if not c.has_key]
            if keyless:
                self.form.set_error(self.passphrase, self.tr(
                    "{names}: no age key recorded; tick the passphrase option"
                ).format(names=", ".join(keyless)))
                return None
        start = _utc(self.not_before.dateTime())
        end = _utc(self.not_after.dateTime())
        if end <= start:
            self.form.set_error(self.window_row, self.tr("The window must end after it starts"))
            return None
        text = self.out.text().strip()
        if not text:
            self.form.set_error(self.where, self.tr("Choose the folder to write the packages to"))
            return None
        reason = self.reason.toPlainText().strip() if self.owner else ""
        return PackageFields(
            parties, assets, Path(text).expanduser(), start, end, self.passphrase.isChecked(),
            reason,
        )

    def submit(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        if self.issuing is not None or self._checking or self._check_timer.isActive():
            return
        fields = self.fields()
        if fields is None:
            return
        self.form.setEnabled(False)
        self.issue_button.setEnabled(False)
        self.status.setText(self.tr("Issuing…"))
        self.status.show()
        self.bar.setRange(0, len(fields.party_ids))
        self.bar.setValue(0)
        self.bar.show()
        self.issuing = self.runner.submit(package_tasks.issue_packages, fields)
        self.issuing.progressed.connect(self._progressed)
        self.issuing.done.connect(self._issued)
        self.issuing.failed.connect(self._issue_failed)

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(self.tr("Issued for {done} of {total} recipients…").format(
            done=done, total=total))

    def _issued(self, result: BatchResult) -> None:
        self.issuing = None
        self.outcome = result
        written = len(result.issued)
        text = self.tr("{n} packages written").format(n=written) if written != 1 \
            else self.tr("1 package written")
        if result.ledger is not None:
            text += self.tr(" to {folder}, with the ledger {ledger}").format(
                folder=result.ledger.parent, ledger=result.ledger.name)
        if result.cancelled:
            text += self.tr("; cancelled before the other recipients")
        if result.refused:
            text += self.tr("; {n} refused by the outbound rule").format(n=len(result.refused))
        if result.stopped:
            text += self.tr("; then {why}").format(why=one_line(result.stopped))
        self.status.setText(text + ".")
        secrets = [
            f"{i.path.name}: {i.passphrase}" for i in result.issued if i.passphrase is not None
        ]
        if secrets:
            self.passphrases.setPlainText(
                self.tr("Give each recipient their passphrase by another channel; it is shown "
                        "only now.") + "\n" + "\n".join(secrets))
            self.passphrases.show()
        self.cancel_button.hide()
        self.issue_button.setText(self.tr("Close"))
        self.issue_button.setEnabled(True)
        if written:
            self.issued.emit(result)

    def _issue_failed(self, message: str) -> None:
        stopped = self.issuing is not None and self.issuing.error_type is Cancelled
        self.issuing = None
        self.bar.hide()
        self.form.setEnabled(True)
        self.issue_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled; nothing was issued.") if stopped
                            else one_line(message))

    def reject(self) -> None:
        """Cancel (or Esc) while issuing stops before the next recipient; otherwise closes."""
        if self.issuing is not None:
            self.issuing.cancel()
            self.status.setText(self.tr("Cancelling after the package being written…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()


def open_package_dialog(
    ctx: SectionContext, asset_ids: list[str] | None = None, campaign_id: str | None = None
) -> PackageDialog:
    """The dialog opened from another screen (Assets, Campaigns); once packages are written
    the Share packages screen shows the first of them."""
    dialog = PackageDialog(ctx.runner, ctx.window, asset_ids, campaign_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.issued.connect(partial(_show_issued, ctx))
    dialog.open()
    return dialog


def _show_issued(ctx: SectionContext, result: BatchResult) -> None:
    ctx.go("packages", result.issued[0].package.id)


def _utc(value: QDateTime) -> datetime:
    """The edit's time (in the computer's zone) as UTC, whole seconds."""
    local = value.toPython()
    assert isinstance(local, datetime)
    return local.astimezone(UTC).replace(microsecond=0)
