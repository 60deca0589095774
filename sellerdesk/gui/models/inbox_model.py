"""``InboxModel``: the inbox's conversations as a lazily paged table.

The model holds the rows fetched so far and a ``PageFetcher`` (given by the controller) that
returns the next page after a keyset cursor; Qt's views call ``canFetchMore``/``fetchMore`` as
the seller scrolls. Sorting is done by the store: ``sort()`` only announces the wish through
``sort_requested`` and the controller re-queries (no proxy model over partial rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QLocale, QModelIndex, QObject, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from sellerdesk.domain import reply_clock
from sellerdesk.domain.timeutil import from_iso, utc_now
from sellerdesk.gui.models.base import Index, RowListModel
from sellerdesk.services.inbox import (
    SORT_BUYER,
    SORT_ORDER,
    SORT_RECEIVED,
    SORT_STATUS,
    SORT_URGENCY,
    InboxRow,
    Page,
)

PageFetcher = Callable[[tuple[object, int]], Page]

COL_RECEIVED, COL_BUYER, COL_ORDER, COL_SUBJECT, COL_STATUS, COL_TIME_LEFT = range(6)
COLUMN_COUNT = 6
COLUMN_SORTS = {
    COL_RECEIVED: SORT_RECEIVED,
    COL_BUYER: SORT_BUYER,
    COL_ORDER: SORT_ORDER,
    COL_STATUS: SORT_STATUS,
    COL_TIME_LEFT: SORT_URGENCY,
}

RowRole = Qt.ItemDataRole.UserRole + 1  # the InboxRow dataclass
SortRole = Qt.ItemDataRole.UserRole + 2  # a plain value that sorts like the column
ConversationIdRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4  # HTML snippet of a search hit, or None
UrgencyRole = Qt.ItemDataRole.UserRole + 5  # "overdue", "urgent", "soon", "ok" or ""

URGENCY_COLOURS = {
    "overdue": "#c62828",
    "urgent": "#e65100",
    "soon": "#9a6700",
    "ok": "#2e7d32",
}
RETURN_MARK = "↩"


def urgency(row: InboxRow, now: dt.datetime) -> str:
    """How pressing the row's reply is (see ``reply_clock.urgency``)."""
    if row.status != "needs_reply" or not row.reply_due_at:
        return ""
    return reply_clock.urgency(from_iso(row.reply_due_at) - now)


class InboxModel(RowListModel[InboxRow]):
    """Rows are ``InboxRow``; pages come from the fetcher the controller installs."""

    sort_requested = Signal(int, Qt.SortOrder)
    column_count = COLUMN_COUNT

    def __init__(
        self,
        tz: dt.tzinfo = dt.UTC,
        clock: Callable[[], dt.datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cursor: tuple[object, int] | None = None
        self._fetcher: PageFetcher | None = None
        self._tz = tz
        self._clock = clock
        self._now = clock()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data loading -------------------------------------------------------------------
    def reset(self, first: Page, fetcher: PageFetcher | None) -> None:
        """Replace every row with a new first page; ``fetcher`` fetches the following ones."""
        self.beginResetModel()
        self._rows = list(first.rows)
        self._cursor = first.cursor
        self._fetcher = fetcher
        self._now = self._clock()
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._cursor is not None and self._fetcher is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        assert self._fetcher is not None and self._cursor is not None
        page = self._fetcher(self._cursor)
        # Move the cursor before announcing rows: a view reacting to the insertion may ask
        # for the next page at once.
        self._cursor = page.cursor if page.rows else None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def set_timezone(self, tz: dt.tzinfo) -> None:
        self._tz = tz
        self.refresh_columns(COL_RECEIVED, COL_RECEIVED)

    def tick(self) -> None:
        """Time passes: recompute "time left" and its colour."""
        self._now = self._clock()
        self.refresh_columns(COL_TIME_LEFT, COL_TIME_LEFT)

    # --- lookups ------------------------------------------------------------------------
    def row_of(self, conversation_id: int) -> int:
        return self.find_row(lambda row: row.conversation_id == conversation_id)

    def loaded_count(self) -> int:
        return len(self._rows)

    # --- QAbstractTableModel ------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.ToolTipRole and section == COL_TIME_LEFT:
            return self.tr("Amazon expects a reply within 24 hours of the oldest unanswered "
                           "buyer message, weekends and holidays included")
        return super().headerData(section, orientation, role)

    def headers(self) -> list[str]:
        return [
            self.tr("Received"),
            self.tr("Buyer"),
            self.tr("Order"),
            self.tr("Kind / subject"),
            self.tr("Status"),
            self.tr("Time left"),
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the controller to re-query the store in this order."""
        if column in COLUMN_SORTS:
            self.sort_requested.emit(column, order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == RowRole:
            return row
        if role == ConversationIdRole:
            return row.conversation_id
        if role == SortRole:
            return self._sort_value(row, column)
        if role == SnippetRole:
            return row.snippet_html
        if role == UrgencyRole:
            return urgency(row, self._now)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_TIME_LEFT:
            colour = URGENCY_COLOURS.get(urgency(row, self._now))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and column == COL_TIME_LEFT:
            return self._bold if urgency(row, self._now) in ("overdue", "urgent") else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TIME_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- cell texts ---------------------------------------------------------------------
    def _local(self, text: str | None, with_year: bool = False) -> str:
        if not text:
            return ""
        moment = from_iso(text).astimezone(self._tz)
        now = self._now.astimezone(self._tz)
        if with_year:
            return moment.strftime("%Y-%m-%d %H:%M %Z").strip()
        local = QDateTime(
            QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
        )
        # Qt date formats, translatable so each language orders day and month its own way.
        pattern = self.tr("d MMM yyyy") if moment.year != now.year else self.tr("d MMM HH:mm")
        return QLocale().toString(local, pattern)

    def _display(self, row: InboxRow, column: int) -> str:
        if column == COL_RECEIVED:
            return self._local(row.last_message_at)
        if column == COL_BUYER:
            return row.buyer_name or self.tr("(unknown buyer)")
        if column == COL_ORDER:
            mark = f" {RETURN_MARK}" if row.return_due_at else ""
            return (row.order_id or "—") + mark
        if column == COL_SUBJECT:
            return self.subject_text(row)
        if column == COL_STATUS:
            return self.status_text(row.status)
        if column == COL_TIME_LEFT:
            return self.time_left_text(row)
        return ""

    def _sort_value(self, row: InboxRow, column: int) -> object:
        values = {
            COL_RECEIVED: row.last_message_at or "",
            COL_BUYER: (row.buyer_name or "").casefold(),
            COL_ORDER: row.order_id or "",
            COL_SUBJECT: row.subject or "",
            COL_STATUS: row.status,
            COL_TIME_LEFT: row.reply_due_at if row.status == "needs_reply" else None,
        }
        return values.get(column)

    def subject_text(self, row: InboxRow) -> str:
        """The subject, led by the kind for notices (returns, refunds, claims...).

        Most rows are buyer messages; labelling each would only crowd the column.
        """
        if row.kind == "buyer_message":
            return row.subject or ""
        return f"{self.short_kind_text(row.kind)} · {row.subject or ''}".strip(" ·")

    def _tooltip(self, row: InboxRow, column: int) -> str | None:
        if column == COL_TIME_LEFT and row.reply_due_at and row.status == "needs_reply":
            return self.tr("Reply due {time}").format(time=self._local(row.reply_due_at, True))
        if column == COL_ORDER and row.return_due_at:
            return self.tr("Return case: next step due {time}").format(
                time=self._local(row.return_due_at, True)
            )
        if column == COL_SUBJECT:
            return f"{self.kind_text(row.kind)}: {row.subject or ''}"
        if column == COL_STATUS:
            return self.status_text(row.status)
        if column == COL_RECEIVED:
            return self._local(row.last_message_at, True)
        return None

    def status_text(self, status: str) -> str:
        texts = {
            "needs_reply": self.tr("Needs reply"),
            "replied": self.tr("Replied"),
            "no_response_needed": self.tr("No response needed"),
            "closed": self.tr("Closed"),
        }
        return texts.get(status, status)

    def kind_text(self, kind: str | None) -> str:
        texts = {
            "buyer_message": self.tr("Buyer message"),
            "reply_copy": self.tr("Your reply"),
            "return_request": self.tr("Return request"),
            "refund_issued": self.tr("Refund"),
            "atoz_claim": self.tr("A-to-z claim"),
            "optout_bounce": self.tr("Not delivered"),
            "other": self.tr("Notice"),
        }
        return texts.get(kind or "", kind or "")

    def short_kind_text(self, kind: str | None) -> str:
        """The kind in a word or two, for the narrow list column."""
        texts = {
            "buyer_message": self.tr("Message"),
            "reply_copy": self.tr("Your reply"),
            "return_request": self.tr("Return"),
            "refund_issued": self.tr("Refund"),
            "atoz_claim": self.tr("A-to-z"),
            "optout_bounce": self.tr("Bounce"),
            "other": self.tr("Notice"),
        }
        return texts.get(kind or "", kind or "")

    def time_left_text(self, row: InboxRow) -> str:
        if row.status != "needs_reply" or not row.reply_due_at:
            return "—"
        left = from_iso(row.reply_due_at) - self._now
        overdue = left <= dt.timedelta(0)
        days, hours, minutes = reply_clock.split_duration(left)
        if days:
            amount = self.tr("{d} d {h} h").format(d=days, h=hours)
        elif hours:
            amount = self.tr("{h} h {m:02d} min").format(h=hours, m=minutes)
        else:
            amount = self.tr("{m} min").format(m=minutes)
        if overdue:
            return self.tr("overdue {amount}").format(amount=amount)
        return self.tr("{amount} left").format(amount=amount)
