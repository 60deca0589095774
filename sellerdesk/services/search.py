"""Use-case: full-text search over the seller's mail, for ``sellerdesk search`` and the inbox.

The index is brought up to date (queued messages indexed) before each search, so a search
never misses mail imported a moment ago by any program.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.store import search_repo
from sellerdesk.store.search_repo import SearchHit
from sellerdesk.store.store import Store

__all__ = ["ConversationHits", "SearchHit", "SearchService"]

# The inbox shows a snippet in one narrow column: little context before the match.
LIST_SNIPPET_RADIUS = 18


@dataclass(frozen=True)
class ConversationHits:
    """A search's conversations, best first, each with the snippet of its best message."""

    conversation_ids: tuple[int, ...]
    snippets_html: dict[int, str]
    message_hits: int


class SearchService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def refresh_index(self) -> int:
        """Index queued messages; returns how many were indexed."""
        with self.store.read() as db:
            if search_repo.pending_count(db) == 0:
                return 0
        with self.store.write() as db:
            return search_repo.index_pending(db)

    def search(self, query: str, limit: int = 50, *, as_you_type: bool = False) -> list[SearchHit]:
        """Messages matching every word, best first. ``as_you_type``: the last word is a prefix."""
        self.refresh_index()
        with self.store.read() as db:
            return search_repo.search(db, query, limit, prefix_last=as_you_type)

    def conversations(self, query: str, message_limit: int = 200) -> ConversationHits:
        """The conversations of the best ``message_limit`` hits (search as you type)."""
        self.refresh_index()
        with self.store.read() as db:
            hits = search_repo.search(
                db,
                query,
                message_limit,
                prefix_last=True,
                one_per_conversation=True,
                snippet_radius=LIST_SNIPPET_RADIUS,
            )
        ordered = {
            hit.conversation_id: hit.snippet_html
            for hit in hits
            if hit.conversation_id is not None
        }
        return ConversationHits(tuple(ordered), ordered, len(hits))
