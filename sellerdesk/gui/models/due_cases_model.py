"""``DueCasesModel``: every open return case with its next step, overdue first.

Columns: order, marketplace, next step, deadline, time left, item. Overdue rows are tinted red
and rows due within 24 hours amber. Custom roles give the case id, order id, urgency and the
deadline as ISO text. Filled with ``CaseView`` objects by the returns controller.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from sellerdesk.domain.reply_clock import split_duration
from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.gui.models.base import Index, RowListModel
from sellerdesk.gui.models.urgency import DECORATION_ROLES, decoration
from sellerdesk.services.returns import CaseView

COL_ORDER, COL_MARKETPLACE, COL_STEP, COL_DUE, COL_LEFT, COL_ITEM = range(6)
COLUMN_COUNT = 6

CaseIdRole = Qt.ItemDataRole.UserRole + 1
OrderIdRole = Qt.ItemDataRole.UserRole + 2
UrgencyRole = Qt.ItemDataRole.UserRole + 3  # "overdue", "due_soon", "pending" or ""
DueRole = Qt.ItemDataRole.UserRole + 4  # ISO UTC text or None
ConversationIdRole = Qt.ItemDataRole.UserRole + 5  # int or None

TIME_FORMAT = "%Y-%m-%d %H:%M"


class DueCasesModel(RowListModel[CaseView]):
    """Open return cases as the due-today view lists them."""

    column_count = COLUMN_COUNT

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._titles: dict[str, str] = {}
        self._now = utc_now()

    def set_cases(self, cases: list[CaseView], titles: dict[str, str], now: dt.datetime) -> None:
        self._titles = dict(titles)
        self._now = now
        self.set_rows(cases)

    def set_now(self, now: dt.datetime) -> None:
        self._now = now
        self.refresh_columns()

    def overdue_count(self) -> int:
        return sum(1 for view in self._rows if self._urgency(view) == "overdue")

    # -- Qt model API --------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            self.tr("Order"),
            self.tr("Market"),
            self.tr("Next step"),
            self.tr("Deadline"),
            self.tr("Time left"),
            self.tr("Item"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        view = self.row_for(index)
        if view is None:
            return None
        urgency = self._urgency(view)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, index.column())
        if role in DECORATION_ROLES:
            return decoration(role, urgency)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_ITEM:
            return view.case.get("item_title")
        return self._custom(view, role, urgency)

    def _custom(self, view: CaseView, role: int, urgency: str) -> object:
        if role == CaseIdRole:
            return view.case_id
        if role == OrderIdRole:
            return view.order_id
        if role == UrgencyRole:
            return urgency
        if role == DueRole:
            due = self._due(view)
            return to_iso(due) if due else None
        if role == ConversationIdRole:
            return view.case.get("conversation_id")
        return None

    def _due(self, view: CaseView) -> dt.datetime | None:
        step = view.checklist.next_step
        return step.due if step else None

    def _urgency(self, view: CaseView) -> str:
        step = view.checklist.next_step
        return step.urgency(self._now) if step else ""

    def _display(self, view: CaseView, column: int) -> str:
        step = view.checklist.next_step
        due = self._due(view)
        if column == COL_ORDER:
            return view.order_id
        if column == COL_MARKETPLACE:
            return view.case.get("marketplace") or ""
        if column == COL_STEP:
            return self._titles.get(step.step_id, step.step_id) if step else ""
        if column == COL_DUE:
            return due.astimezone(view.tz).strftime(TIME_FORMAT) if due else "—"
        if column == COL_LEFT:
            return self._time_left(due) if due else ""
        if column == COL_ITEM:
            return view.case.get("item_title") or ""
        return ""

    def _time_left(self, due: dt.datetime) -> str:
        days, hours, mins = split_duration(due - self._now)
        if days:
            amount = self.tr("{d} d {h} h").format(d=days, h=hours)
        else:
            amount = self.tr("{h} h {m} min").format(h=hours, m=mins)
        if due < self._now:
            return self.tr("overdue {amount}").format(amount=amount)
        return self.tr("in {amount}").format(amount=amount)
