"""``ChecklistModel``: the steps of one return case, one row per step.

Columns: step (title from the rules file), deadline, status (with the time a settled step was
done), note. Overdue steps are
tinted red and steps due within 24 hours amber; done steps read green and "not applicable"
grey. Custom roles give views the step id, raw status, urgency and deadline without parsing
display text. The model is filled with a ``CaseView`` by the returns controller; it never
touches the store.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from sellerdesk.domain.returns.checklist import StepState
from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.gui.models.base import Index, RowListModel
from sellerdesk.gui.models.urgency import DECORATION_ROLES, decoration

COL_STEP, COL_DUE, COL_STATUS, COL_NOTE = range(4)
COLUMN_COUNT = 4

StepIdRole = Qt.ItemDataRole.UserRole + 1  # "R2", "A2Z-APPEAL"...
StatusRole = Qt.ItemDataRole.UserRole + 2  # "open", "done", "not_applicable"
UrgencyRole = Qt.ItemDataRole.UserRole + 3  # "overdue", "due_soon", "pending" or the status
DueRole = Qt.ItemDataRole.UserRole + 4  # ISO UTC text or None
AutoReasonRole = Qt.ItemDataRole.UserRole + 5  # why the status needs no mark, or None

TIME_FORMAT = "%Y-%m-%d %H:%M"
SHORT_TIME_FORMAT = "%m-%d %H:%M"


class ChecklistModel(RowListModel[StepState]):
    """The checklist of the case shown in the returns pane."""

    column_count = COLUMN_COUNT

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._titles: dict[str, str] = {}
        self._tz: dt.tzinfo = dt.UTC
        self._now = utc_now()

    # -- filling -------------------------------------------------------------------------------
    def set_steps(
        self,
        steps: list[StepState] | tuple[StepState, ...],
        titles: dict[str, str],
        tz: dt.tzinfo,
        now: dt.datetime,
    ) -> None:
        self._titles = dict(titles)
        self._tz = tz
        self._now = now
        self.set_rows(steps)

    def clear(self) -> None:
        self.set_steps([], {}, self._tz, self._now)

    def set_now(self, now: dt.datetime) -> None:
        """Re-evaluate overdue / due-soon highlighting at ``now``."""
        self._now = now
        self.refresh_columns()

    def row_of(self, step_id: str) -> int:
        return self.find_row(lambda step: step.step_id == step_id)

    # -- Qt model API --------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Step"), self.tr("Deadline"), self.tr("Status"), self.tr("Note")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        step = self.row_for(index)
        if step is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(step, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(step)
        if role in DECORATION_ROLES:
            return decoration(role, step.urgency(self._now))
        return self._custom(step, role)

    def _custom(self, step: StepState, role: int) -> object:
        if role == StepIdRole:
            return step.step_id
        if role == StatusRole:
            return step.status
        if role == UrgencyRole:
            return step.urgency(self._now)
        if role == DueRole:
            return to_iso(step.due) if step.due else None
        if role == AutoReasonRole:
            return step.auto_reason
        return None

    def _display(self, step: StepState, column: int) -> str:
        if column == COL_STEP:
            return self._titles.get(step.step_id, step.step_id)
        if column == COL_DUE:
            return self._time(step.due) if step.due else "—"
        if column == COL_STATUS:
            return self._status_text(step)
        if column == COL_NOTE:
            return step.note or self._auto_text(step.auto_reason)
        return ""

    def _time(self, moment: dt.datetime) -> str:
        return moment.astimezone(self._tz).strftime(TIME_FORMAT)

    def _status_text(self, step: StepState) -> str:
        text = self._urgency_text(step)
        if step.done_at is not None and not step.is_open:
            when = step.done_at.astimezone(self._tz).strftime(SHORT_TIME_FORMAT)
            return self.tr("{status} {time}").format(status=text, time=when)
        return text

    def _urgency_text(self, step: StepState) -> str:
        urgency = step.urgency(self._now)
        texts = {
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due soon"),
            "pending": self.tr("Open"),
            "done": self.tr("Done"),
            "not_applicable": self.tr("Not applicable"),
        }
        return texts.get(urgency, urgency)

    def _auto_text(self, reason: str | None) -> str:
        texts = {
            "request_imported": self.tr("Return request e-mail imported"),
            "authorized_by_amazon": self.tr("Authorised automatically by Amazon"),
            "refund_imported": self.tr("Refund notice imported"),
        }
        return texts.get(reason or "", "")

    def _tooltip(self, step: StepState) -> str:
        parts = [self._titles.get(step.step_id, step.step_id)]
        if step.note:
            parts.append(step.note)
        if step.recommended is not None and step.is_open:
            parts.append(self.tr("Recommended by {time}").format(time=self._time(step.recommended)))
        if step.due is not None:
            parts.append(self.tr("Deadline {time}").format(time=self._time(step.due)))
        return "\n".join(parts)
