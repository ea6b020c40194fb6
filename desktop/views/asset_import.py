"""Importing files and folders: the plan, one vault task per file, a progress bar and Cancel.

Files are imported one task at a time, so a preview asked for during a long import runs between
two files instead of after the last one. Cancel stops the file being encrypted (the use-case
checks the flag between chunks and keeps nothing) and the files after it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton

from sealroom.desktop.tasks import content as tasks
from sealroom.desktop.workers import Task, VaultRunner
from sealroom.vault.assets.catalog import Asset
from sealroom.vault.assets.importing import ImportOptions
from sealroom.vault.units import human_size


class ImportPanel(QFrame):
    """A strip under the toolbar while an import runs."""

    imported = Signal(object)
    """One `Asset`, as soon as it is in the vault."""
    finished = Signal(str, bool)
    """(summary, whether anything went wrong)"""

    def __init__(self, runner: VaultRunner) -> None:
        super().__init__()
        self.setObjectName("importPanel")
        self.runner = runner
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop the import (Esc); the file in progress is not kept")
        )
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 2)
        row.addWidget(self.bar, 3)
        row.addWidget(self.cancel_button)
        self._task: Task | None = None
        self._options: ImportOptions | None = None
        self.origin: object | None = None
        """The screen showing the imported assets (see `Task.origin`)."""
        self._files: list[tuple[Path, int]] = []
        self._problems: list[str] = []
        self._reset()

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, paths: list[Path], options: ImportOptions | None = None) -> bool:
        """Begin importing `paths` (files and folders), each file with `options`; False if an
        import is already running."""
        if self.running or not paths:
            return False
        self._reset()
        self._options = options
        self.label.setText(self.tr("Looking for files…"))
        self.bar.setRange(0, 0)
        self.show()
        self._task = self.runner.submit(tasks.plan_import, list(paths))
        self._task.done.connect(self._planned)
        self._task.failed.connect(self._plan_failed)
        return True

    def cancel(self) -> None:
        if self._task is None:
            return
        self._cancelled = True
        self._task.cancel()
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def abandon(self) -> None:
        """The vault locked: forget the import without waiting for it."""
        if self._task is not None:
            self._task.cancel()
        self._reset()

    # -- steps ---------------------------------------------------------------------------------

    def _planned(self, plan: tasks.ImportPlan) -> None:
        self._task = None
        self._files = list(plan.files)
        self._problems = list(plan.skipped)
        self._total = plan.total_bytes
        self.bar.setRange(0, 1000)
        self._next()

    def _plan_failed(self, message: str) -> None:
        self._task = None
        if not self._cancelled:
            self._problems.append(message)
        self._finish()

    def _next(self) -> None:
        if self._cancelled or self._index >= len(self._files):
            self._finish()
            return
        path = self._files[self._index][0]
        self.label.setText(self.tr("Encrypting {name} ({n} of {total})").format(
            name=path.name, n=self._index + 1, total=len(self._files)))
        task = self.runner.submit(
            tasks.import_file, path, self._done_bytes, self._total, self._options
        )
        task.origin = self.origin
        task.progressed.connect(self._progressed)
        task.done.connect(self._file_done)
        task.failed.connect(self._file_failed)
        self._task = task

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setValue(done * 1000 // max(total, 1))

    def _file_done(self, asset: Asset) -> None:
        self._task = None
        self._count += 1
        self._bytes += asset.size
        self._advance()
        self.imported.emit(asset)

    def _file_failed(self, message: str) -> None:
        self._task = None
        if not self._cancelled:
            self._problems.append(f"{self._files[self._index][0].name}: {message}")
        self._advance()

    def _advance(self) -> None:
        self._done_bytes += self._files[self._index][1]
        self._index += 1
        self._progressed(self._done_bytes, self._total)
        self._next()

    def _finish(self) -> None:
        count, problems, cancelled = self._count, self._problems, self._cancelled
        summary = (self.tr("Imported 1 file ({size})") if count == 1
                   else self.tr("Imported {n} files ({size})")).format(
            n=count, size=human_size(self._bytes))
        if cancelled:
            summary += self.tr("; import cancelled")
        if problems:
            more = len(problems) - 2
            extra = self.tr(" and {n} more").format(n=more) if more > 0 else ""
            summary += self.tr("; skipped {files}{more}").format(
                files="; ".join(problems[:2]), more=extra)
        self._reset()
        self.finished.emit(summary, bool(problems))

    def _reset(self) -> None:
        self._task = None
        self._files = []
        self._problems = []
        self._index = 0
        self._count = 0
        self._bytes = 0
        self._done_bytes = 0
        self._total = 0
        self._cancelled = False
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.hide()
