"""``DueTodayView``: every open return case, overdue on top, then the nearest deadline.

A table over ``DueCasesModel`` with a count line and a "next 24 hours only" filter. Activating
a row (double-click or Enter) asks for that case to be shown; the view does nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.gui.models.due_cases_model import (
    COL_ITEM,
    COL_STEP,
    CaseIdRole,
    ConversationIdRole,
    DueCasesModel,
)


class DueTodayView(QWidget):
    """The due-today list; emits the case the seller wants to open."""

    case_activated = Signal(int, object)  # case id, conversation id or None
    filter_changed = Signal(bool)  # True: only cases due within 24 hours

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueTodayView")
        self.model = DueCasesModel(self)
        self._summary = QLabel(self)
        self._summary.setObjectName("dueTodaySummary")
        self.only_soon = QCheckBox(self.tr("Only due within 24 hours"), self)
        self.only_soon.toggled.connect(self.filter_changed)
        top = QHBoxLayout()
        top.addWidget(self._summary, 1)
        top.addWidget(self.only_soon)
        self.table = QTableView(self)
        self.table.setObjectName("dueTodayTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STEP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activate)
        self.table.doubleClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh_summary()

    def refresh_summary(self) -> None:
        total, overdue = self.model.rowCount(), self.model.overdue_count()
        if total == 0:
            self._summary.setText(self.tr("No return step is due."))
            return
        self._summary.setText(
            self.tr("{total} open return cases · {overdue} overdue").format(
                total=total, overdue=overdue
            )
        )
        self.table.resizeColumnToContents(COL_STEP)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(index.data(CaseIdRole), index.data(ConversationIdRole))
