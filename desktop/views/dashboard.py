"""The Dashboard: cards of what needs attention; Enter or a double click opens the record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import QT_TRANSLATE_NOOP, translate
from sealroom.desktop.models.dashboard import (
    APPROVALS,
    CARD_ROLE,
    EMBARGOES,
    EXCEPTIONS,
    EXPIRIES,
    INCIDENTS,
    UNLOCKS,
    DashboardModel,
    items_of,
)
from sealroom.desktop.models.table import RECORD_ROLE, SORT_ROLE
from sealroom.desktop.tasks import work as work_tasks
from sealroom.desktop.tasks.changed import AGREEMENTS, ASSETS, CAMPAIGNS, GRANTS, PARTIES
from sealroom.desktop.views.section import SectionContext, SectionView
from sealroom.vault.reports.dashboard import EMBARGO_DAYS, EXPIRY_DAYS, UNLOCK_DAYS

CARDS = (
    (
        APPROVALS,
        QT_TRANSLATE_NOOP("Card", "Waiting for your approval"),
        QT_TRANSLATE_NOOP("Card", "secret assets whose release needs a second person"),
        QT_TRANSLATE_NOOP("Card", "Nothing waits for you."),
    ),
    (
        EMBARGOES,
        QT_TRANSLATE_NOOP("Card", "Embargoes lifting"),
        QT_TRANSLATE_NOOP("Card", "next {embargo_days} days, and overdue ones"),
        QT_TRANSLATE_NOOP("Card", "No embargo lifts soon."),
    ),
    (
        EXCEPTIONS,
        QT_TRANSLATE_NOOP("Card", "Exceptions to the access rules"),
        QT_TRANSLATE_NOOP(
            "Card", "grants without a covering NDA; copies issued by an owner's override"
        ),
        QT_TRANSLATE_NOOP(
            "Card", "Every grant is covered by an NDA in force; no copy went out by override."
        ),
    ),
    (
        EXPIRIES,
        QT_TRANSLATE_NOOP("Card", "Agreements ending"),
        QT_TRANSLATE_NOOP("Card", "agreements and usage rights, next {expiry_days} days"),
        QT_TRANSLATE_NOOP("Card", "Nothing ends soon."),
    ),
    (
        UNLOCKS,
        QT_TRANSLATE_NOOP("Card", "Failed unlock attempts"),
        QT_TRANSLATE_NOOP("Card", "last {unlock_days} days"),
        QT_TRANSLATE_NOOP("Card", "None."),
    ),
    (
        INCIDENTS,
        QT_TRANSLATE_NOOP("Card", "Open incidents"),
        QT_TRANSLATE_NOOP("Card", "leaks being traced"),
        QT_TRANSLATE_NOOP("Card", "No open incidents."),
    ),
)

PLACES = {
    APPROVALS: (0, 0, 1),
    EMBARGOES: (1, 0, 2),
    EXCEPTIONS: (1, 1, 1),
    EXPIRIES: (2, 1, 1),
    UNLOCKS: (3, 0, 1),
    INCIDENTS: (3, 1, 1),
}
"""(row, column, rows spanned) of each card."""
WIDE = {APPROVALS}
"""Cards across both columns."""
HIDDEN_WHEN_EMPTY = {APPROVALS}
"""Cards shown only when they hold something (approvals are rare and need a person)."""


class Card(QFrame):
    """One kind of attention item: a count, a one-line explanation and a short table."""

    def __init__(self, view: DashboardView, card: str, title: str, note: str, empty: str):
        super().__init__()
        self.setObjectName("card")
        title, empty = translate("Card", title), translate("Card", empty)
        note = translate("Card", note).format(
            embargo_days=EMBARGO_DAYS, expiry_days=EXPIRY_DAYS, unlock_days=UNLOCK_DAYS)
        self.card = card
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(view.model)
        self.proxy.setFilterRole(CARD_ROLE)
        self.proxy.setFilterFixedString(card)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.sort(1, Qt.SortOrder.AscendingOrder)
        self.count = QLabel("0")
        self.count.setObjectName("cardCount")
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        sub = QLabel(note)
        sub.setObjectName("muted")
        self.table = QTableView()
        self.table.setObjectName("cardTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(view.open_index)
        self.empty = QLabel(empty)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.setMinimumHeight(150)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(heading)
        titles.addWidget(sub)
        top.addLayout(titles, 1)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        column.addLayout(top)
        column.addWidget(self.stack, 1)

    def refresh(self) -> None:
        n = self.proxy.rowCount()
        self.count.setText(str(n))
        self.setProperty("alert", n > 0 and self.card not in (EMBARGOES, EXPIRIES, APPROVALS))
        for widget in (self, self.count):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.stack.setCurrentWidget(self.table if n else self.empty)
        if self.card in HIDDEN_WHEN_EMPTY:
            self.setVisible(n > 0)


class DashboardView(SectionView):
    title = QT_TRANSLATE_NOOP("Section", "Dashboard")
    watches = frozenset({AGREEMENTS, ASSETS, CAMPAIGNS, GRANTS, PARTIES})

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__(ctx)
        self.model = DashboardModel(self)
        heading = QLabel(translate("Section", self.title))
        heading.setObjectName("sectionTitle")
        self.generated = QLabel()
        self.generated.setObjectName("muted")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setToolTip(self.tr("Recompute what needs attention now (F5)"))
        refresh.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.generated)
        top.addStretch(1)
        top.addWidget(refresh)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards: dict[str, Card] = {}
        for card, title, note, empty in CARDS:
            self.cards[card] = Card(self, card, title, note, empty)
            row, column, rows = PLACES[card]
            grid.addWidget(self.cards[card], row, column, rows, 2 if card in WIDE else 1)
            self.cards[card].refresh()
        inner = QWidget()
        inner.setObjectName("dashboardInner")
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        page = QVBoxLayout(self)
        page.setContentsMargins(18, 14, 18, 14)
        page.addLayout(top)
        page.addWidget(scroll, 1)

    def load(self) -> None:
        super().load()
        self.run(work_tasks.build_dashboard, done=self._built)

    def _built(self, data: work_tasks.DashboardData) -> None:
        board = data.board
        self.model.set_records(items_of(board, data.approvals))
        self.generated.setText(self.tr("as of {time} UTC").format(
            time=board.generated[:16].replace("T", " ")))
        for card in self.cards.values():
            card.refresh()

    def clear(self) -> None:
        self.model.clear()
        self.generated.clear()
        for card in self.cards.values():
            card.refresh()
        super().clear()

    def focus_search(self) -> None:
        self.cards[EMBARGOES].table.setFocus()

    def open_index(self, index: QModelIndex) -> None:
        key = index.data(RECORD_ROLE)
        row = self.model.row_of(str(key)) if key is not None else -1
        if row < 0:
            return
        item = self.model.record(row)
        if item.section:
            self.ctx.go(item.section, item.record)
