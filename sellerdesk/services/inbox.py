"""Use-case: the inbox list (sorted, filtered, paged in SQL) for the GUI and the benchmark."""

from __future__ import annotations

import datetime as dt

from sellerdesk.domain.timeutil import utc_now
from sellerdesk.store import inbox_repo
from sellerdesk.store.inbox_repo import (
    DEFAULT_PAGE_SIZE,
    SORT_BUYER,
    SORT_ORDER,
    SORT_RECEIVED,
    SORT_RELEVANCE,
    SORT_STATUS,
    SORT_URGENCY,
    SORTS,
    InboxFilter,
    InboxQuery,
    InboxRow,
    Page,
)
from sellerdesk.store.store import Store

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "SORTS",
    "SORT_BUYER",
    "SORT_ORDER",
    "SORT_RECEIVED",
    "SORT_RELEVANCE",
    "SORT_STATUS",
    "SORT_URGENCY",
    "InboxFilter",
    "InboxQuery",
    "InboxRow",
    "InboxService",
    "Page",
]


class InboxService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def page(
        self,
        query: InboxQuery,
        after: tuple[object, int] | None = None,
        limit: int = DEFAULT_PAGE_SIZE,
        *,
        now: dt.datetime | None = None,
        snippets: dict[int, str] | None = None,
    ) -> Page:
        with self.store.query() as db:  # plain SQL: no sqlite-utils at start-up
            return inbox_repo.fetch_page(
                db, query, now=now or utc_now(), after=after, limit=limit, snippets=snippets
            )

    def count(self, flt: InboxFilter, *, now: dt.datetime | None = None) -> int:
        with self.store.query() as db:  # plain SQL: no sqlite-utils at start-up
            return inbox_repo.count(db, flt, now=now or utc_now())

    def position(self, query: InboxQuery, conversation_id: int) -> int:
        """Row index of a conversation in the list, -1 when the filter hides it."""
        with self.store.query() as db:  # plain SQL: no sqlite-utils at start-up
            return inbox_repo.row_position(db, query, conversation_id, now=utc_now())

    def filter_choices(self) -> dict[str, list[str]]:
        with self.store.query() as db:  # plain SQL: no sqlite-utils at start-up
            return inbox_repo.distinct_values(db)
