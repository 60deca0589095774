"""``InboxController``: turns the seller's sort, filter and search wishes into store queries.

Every change re-queries the store (sorting and filtering run in SQL; there is no proxy model
over the partial rows), keeps the selected conversation selected when it is still listed, and
announces the selection on the hub. ``install`` plugs the inbox into the main window.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.models.inbox_model import COL_TIME_LEFT, COLUMN_SORTS, InboxModel
from sellerdesk.gui.views.inbox_pane import InboxPane
from sellerdesk.services.inbox import (
    SORT_RELEVANCE,
    SORT_URGENCY,
    InboxFilter,
    InboxQuery,
    InboxService,
    Page,
)
from sellerdesk.services.search import SearchService

log = logging.getLogger(__name__)

TICK_MS = 30_000
MAX_ROWS_TO_FIND_SELECTION = 20_000
KINDS = ("buyer_message", "reply_copy", "return_request", "refund_issued", "atoz_claim")


class InboxController(QObject):
    def __init__(
        self,
        inbox: InboxService,
        search: SearchService,
        hub: SelectionHub,
        pane: InboxPane,
        tz: dt.tzinfo,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.inbox = inbox
        self.search = search
        self.hub = hub
        self.pane = pane
        self.tz = tz
        self.model = InboxModel(tz=tz, parent=self)
        self.sort = SORT_URGENCY
        self.descending = False
        self.search_text = ""
        self._snippets: dict[int, str] = {}
        self._hits: tuple[int, ...] | None = None
        self._selected = NO_CONVERSATION
        self._restoring = False
        self.metrics: MetricsLauncher | None = None  # the dashboard, set by install()
        pane.set_model(self.model)
        pane.show_sort(COL_TIME_LEFT, Qt.SortOrder.AscendingOrder)
        self._connect()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start()

    def _connect(self) -> None:
        self.model.sort_requested.connect(self.on_sort)
        self.pane.filters_changed.connect(self.reload)
        self.pane.search_changed.connect(self.on_search)
        self.pane.conversation_chosen.connect(self._on_chosen)
        self.pane.conversation_opened.connect(self._on_chosen)
        self.hub.data_changed.connect(self.on_data_changed)

    # --- queries ------------------------------------------------------------------------
    def current_query(self) -> InboxQuery:
        flt = self.pane.current_filter(self.tz)
        if self._hits is not None:
            flt = InboxFilter(**{**flt.__dict__, "conversation_ids": self._hits})
        return InboxQuery(filter=flt, sort=self.sort, descending=self.descending)

    def _fetch(self, query: InboxQuery):  # type: ignore[no-untyped-def]
        snippets = self._snippets

        def fetch(cursor: tuple[object, int]) -> Page:
            return self.inbox.page(query, after=cursor, snippets=snippets)

        return fetch

    def reload(self) -> None:
        """Re-query the first page for the current sort, filter and search; keep selection."""
        query = self.current_query()
        first = self.inbox.page(query, snippets=self._snippets)
        keep = self._selected
        self._restoring = True
        try:
            self.model.reset(first, self._fetch(query))
            row = self._find_row(query, keep) if keep != NO_CONVERSATION else -1
            self.pane.select_row(row)
        finally:
            self._restoring = False
        if keep != NO_CONVERSATION and row < 0:
            self._announce(NO_CONVERSATION)
        self._show_count(query)

    def _find_row(self, query: InboxQuery, conversation_id: int) -> int:
        row = self.model.row_of(conversation_id)
        if row >= 0:
            return row
        position = self.inbox.position(query, conversation_id)
        if position < 0 or position >= MAX_ROWS_TO_FIND_SELECTION:
            return -1
        while self.model.loaded_count() <= position and self.model.canFetchMore():
            self.model.fetchMore()
        return self.model.row_of(conversation_id)

    def _show_count(self, query: InboxQuery) -> None:
        if self._hits is not None:
            text = self.tr("{n} conversations found").format(n=len(self._hits))
        else:
            text = self.tr("{n} conversations").format(n=self.inbox.count(query.filter))
        self.pane.show_count(text)

    # --- reactions ----------------------------------------------------------------------
    def on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.sort = COLUMN_SORTS.get(column, SORT_URGENCY)
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def on_search(self, text: str) -> None:
        text = text.strip()
        if text == self.search_text:
            return
        self.search_text = text
        if text:
            hits = self.search.conversations(text)
            self._hits = hits.conversation_ids
            self._snippets = hits.snippets_html
            self.sort, self.descending = SORT_RELEVANCE, False
            self.pane.show_sort(-1, Qt.SortOrder.AscendingOrder)
        else:
            self._hits = None
            self._snippets = {}
            self.sort, self.descending = SORT_URGENCY, False
            self.pane.show_sort(COL_TIME_LEFT, Qt.SortOrder.AscendingOrder)
        self.reload()

    def on_data_changed(self) -> None:
        """Mail or statuses changed somewhere: refresh choices, hits and rows."""
        self.refresh_choices()
        if self.search_text:
            hits = self.search.conversations(self.search_text)
            self._hits, self._snippets = hits.conversation_ids, hits.snippets_html
        self.reload()

    def set_timezone(self, tz: dt.tzinfo) -> None:
        """The seller chose another time zone: times are shown in it from now on."""
        if tz == self.tz:
            return
        self.tz = tz
        self.model.set_timezone(tz)

    def refresh_choices(self) -> None:
        choices = self.inbox.filter_choices()
        kinds = [kind for kind in KINDS if kind in choices["kinds"]] + [
            kind for kind in choices["kinds"] if kind not in KINDS
        ]
        self.pane.set_choices(kinds, choices["marketplaces"], choices["tags"])
        self.pane.kind_labels({kind: self.model.kind_text(kind) for kind in kinds})

    def _on_chosen(self, conversation_id: int) -> None:
        if not self._restoring:
            self._announce(conversation_id)

    def _announce(self, conversation_id: int) -> None:
        self._selected = conversation_id
        if self.hub.current_conversation != conversation_id:
            self.hub.conversation_selected.emit(conversation_id)

    # --- actions ------------------------------------------------------------------------
    def add_actions(self, window) -> None:  # type: ignore[no-untyped-def]
        """Menu entries with shortcuts: find, quick filters, the metrics dashboard."""
        find = QKeySequence.StandardKey.Find
        window.add_action("edit", self.tr("&Find in mail…"), self.focus_search, find)
        for text, slot, shortcut in (
            (self.tr("Inbox: &needs reply"), self.show_needs_reply, "Ctrl+Shift+U"),
            (self.tr("Inbox: &overdue only"), self.toggle_overdue, "Ctrl+Shift+O"),
            (self.tr("Inbox: &all conversations"), self.show_everything, "Ctrl+Shift+L"),
        ):
            window.add_action("view", text, slot, shortcut)
        if self.metrics is not None:
            window.add_action(
                "tools", self.tr("Response &metrics…"), self.metrics.show, "Ctrl+Shift+M"
            )

    def select_first_if_none(self) -> None:
        """Select the top row (the most urgent conversation) when nothing is selected."""
        if self.hub.current_conversation == NO_CONVERSATION and self.model.rowCount():
            self.pane.select_row(0)
            self.pane.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.pane.focus_search()

    def show_needs_reply(self) -> None:
        self.pane.set_status_filter("needs_reply")

    def toggle_overdue(self) -> None:
        self.pane.toggle_overdue()

    def show_everything(self) -> None:
        self.pane.clear_filters()


def install(window, context, hub):  # type: ignore[no-untyped-def]
    """Feature installer: the inbox pane in the main window, its menu actions, the dashboard."""
    tz = context.seller_timezone()
    pane = InboxPane()
    controller = InboxController(
        InboxService(context.store), SearchService(context.store), hub, pane, tz, parent=window
    )
    window.set_inbox_pane(pane)
    controller.refresh_choices()
    controller.reload()
    controller.metrics = MetricsLauncher(context, hub, window, tz, parent=controller)
    hub.data_changed.connect(lambda: controller.set_timezone(context.seller_timezone()))
    controller.add_actions(window)
    # Once every feature listens on the hub, open the most urgent conversation.
    QTimer.singleShot(0, controller.select_first_if_none)
    return controller


class MetricsLauncher(QObject):
    """Builds the metrics dashboard on first use, so start-up does not pay for it."""

    def __init__(self, context, hub, window, tz, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._args = (context, hub, window, tz)
        self.controller = None

    def show(self):  # type: ignore[no-untyped-def]
        if self.controller is None:
            from sellerdesk.gui.controllers.metrics_controller import MetricsController
            from sellerdesk.services.metrics import MetricsService

            context, hub, window, tz = self._args
            self.controller = MetricsController(
                MetricsService(context.store), hub, window, tz, parent=self
            )
        return self.controller.show()
