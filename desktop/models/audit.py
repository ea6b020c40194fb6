"""The audit log table: a million events stay smooth because only the pages on screen are read.

The model is a `PagedTableModel` anchored on the log's size when the screen opened (`start`), so
events appended while the log is on screen do not shift the rows; a refresh shows them. Without
a search a page is a keyset query on the sequence number (a page deep in the log costs what the
first costs); a search runs in the vault over the whole log, not over the rows already read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate, word
from sealroom.desktop.models.paged import PagedTableModel
from sealroom.desktop.models.table import Column, RecordTableModel, short_time
from sealroom.desktop.widgets.colours import FAILURE_COLOUR
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_filter import NO_FILTER, AuditFilter

PAGE_SIZE = 100


def _when(e: AuditEvent) -> str:
    return short_time(e.time) + e.time[16:19]


COLUMNS: tuple[Column[AuditEvent], ...] = (
    Column[AuditEvent](
        QT_TRANSLATE_NOOP("Column", "#"),
        lambda e: str(e.seq), sort=lambda e: e.seq, align_right=True,
    ),
    Column[AuditEvent](QT_TRANSLATE_NOOP("Column", "Time (UTC)"), _when, sort=lambda e: e.time),
    Column[AuditEvent](
        QT_TRANSLATE_NOOP("Column", "Who"),
        lambda e: e.actor, tooltip=lambda e: translate("AuditModel", "{role} on {device}").format(
            role=word(e.role), device=e.device),
    ),
    Column[AuditEvent](QT_TRANSLATE_NOOP("Column", "Action"), lambda e: e.action),
    Column[AuditEvent](QT_TRANSLATE_NOOP("Column", "Object"), lambda e: e.object),
    Column[AuditEvent](QT_TRANSLATE_NOOP("Column", "Outcome"), lambda e: word(e.outcome)),
    Column[AuditEvent](
        QT_TRANSLATE_NOOP("Column", "Detail"), lambda e: e.reason, tooltip=lambda e: e.reason
    ),
)


@dataclass(frozen=True)
class AuditListing:
    """The log as of `top` events (later events wait for a refresh), searched for `search` and
    narrowed by `where` (period, person, action, party, asset, outcome)."""

    search: str
    top: int
    where: AuditFilter = NO_FILTER


class AuditModel(PagedTableModel[AuditEvent]):
    columns = COLUMNS
    page_size = PAGE_SIZE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_seq_key, parent=parent)
        self._top = 0
        self.where = NO_FILTER

    def set_filter(self, where: AuditFilter) -> None:
        """Narrow the listing (read again from the first row, in the vault)."""
        if where != self.where:
            self.where = where
            if self.active:
                self.open_listing()

    @property
    def size(self) -> int:
        """How many events the log had when it was opened or last refreshed."""
        return self._top

    def listing(self) -> AuditListing:
        return AuditListing(self.search_text, self._top, self.where)

    def start(self, top_seq: int) -> None:
        """Show the log as of `top_seq` events; the first page is asked for right away."""
        self._top = top_seq
        self.open_listing()

    def clear(self) -> None:
        self._top = 0
        self.close_listing()

    def extra_data(self, record: AuditEvent, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and record.outcome != "success":
            return QBrush(FAILURE_COLOUR)
        return None


def _seq_key(event: AuditEvent) -> str:
    return str(event.seq)


UNLOCK_COLUMNS: tuple[Column[AuditEvent], ...] = (
    Column[AuditEvent]("Time (UTC)", _when, sort=lambda e: e.time),
    Column[AuditEvent]("User", lambda e: e.actor),
    Column[AuditEvent]("Device", lambda e: e.device),
    Column[AuditEvent]("What happened", lambda e: e.reason, tooltip=lambda e: e.reason),
)


class FailedUnlockModel(RecordTableModel[AuditEvent]):
    """Failed unlock attempts, as the log recorded them at the next unlock."""

    columns = UNLOCK_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=_seq_key, parent=parent)
