"""SQL of full-text search: keeping ``message_fts`` current and querying it.

Triggers (migration m003) queue the ids of changed messages in ``search_queue``;
``index_pending`` turns them into ``message_fts`` rows (the text as
``domain.search_text.index_text`` prepares it, CJK as bigrams). The importer calls it at the end
of an import, inside its transaction; ``search`` calls it first so the index is never stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sellerdesk.domain.search_text import SNIPPET_RADIUS, best_snippet, fts_query, index_text

if TYPE_CHECKING:
    from sqlite_utils import Database

INDEX_BATCH = 500
# bm25 weights of the columns subject, body, buyer, refs, notes (order ids/ASINs weigh most).
_BM25 = "bm25(message_fts, 4.0, 1.0, 3.0, 6.0, 2.0)"

_SOURCE_SQL = """
SELECT m.id, m.subject, m.item_title, m.buyer_text, m.buyer_name, m.order_id, m.asins, c.notes
  FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id
 WHERE m.id IN ({marks})
"""

# bm25 must score every hit before LIMIT applies: cheap for a few thousand hits, 100+ ms for
# a word in nearly every message ("order"). Above RANK_LIMIT hits the newest come first.
RANK_LIMIT = 2000
_COUNT_SQL = (
    "SELECT count(*) FROM (SELECT rowid FROM message_fts WHERE message_fts MATCH :match "
    "LIMIT :cap)"
)
_NEWEST_SQL = """
WITH ranked AS (
    SELECT rowid AS id, 0.0 AS score FROM message_fts
     WHERE message_fts MATCH :match ORDER BY rowid DESC LIMIT :limit
)"""
_RANKED_SQL = f"""
WITH ranked AS (
    SELECT rowid AS id, {_BM25} AS score FROM message_fts
     WHERE message_fts MATCH :match ORDER BY score LIMIT :limit
)"""
_RESULT_SQL = """
SELECT m.id, m.message_id, m.conversation_id, m.received_at, m.kind, m.subject, m.item_title,
       m.buyer_text, m.buyer_name, m.order_id, m.asins, c.notes, ranked.score
  FROM ranked JOIN messages m ON m.id = ranked.id
  LEFT JOIN conversations c ON c.id = m.conversation_id
 ORDER BY ranked.score, m.received_at DESC
"""


@dataclass(frozen=True)
class SearchHit:
    """One message that matches a query, with the snippet to show."""

    id: int
    message_id: str | None
    conversation_id: int | None
    received_at: str
    kind: str
    subject: str | None
    buyer_name: str | None
    order_id: str | None
    score: float
    snippet: str
    snippet_html: str


def _asins_text(asins: str | None) -> str:
    try:
        values = json.loads(asins or "[]")
    except json.JSONDecodeError:
        return asins or ""
    return " ".join(str(value) for value in values) if isinstance(values, list) else str(values)


def _document(row: tuple) -> tuple:
    rowid, subject, item_title, buyer_text, buyer_name, order_id, asins, notes = row
    return (
        rowid,
        index_text(" ".join(part for part in (subject, item_title) if part)),
        index_text(buyer_text),
        index_text(buyer_name),
        index_text(" ".join(part for part in (order_id, _asins_text(asins)) if part)),
        index_text(notes),
    )


def _batches(db: Database, size: int) -> Iterator[list[int]]:
    while True:
        ids = [
            row[0]
            for row in db.execute(
                "SELECT message_id FROM search_queue ORDER BY message_id LIMIT ?", [size]
            )
        ]
        if not ids:
            return
        yield ids


def index_pending(db: Database, batch_size: int = INDEX_BATCH) -> int:
    """Index every queued message (call inside a write transaction). Returns how many."""
    done = 0
    for ids in _batches(db, batch_size):
        marks = ",".join("?" * len(ids))
        documents = [_document(row) for row in db.execute(_SOURCE_SQL.format(marks=marks), ids)]
        db.execute(f"DELETE FROM message_fts WHERE rowid IN ({marks})", ids)
        db.conn.executemany(
            "INSERT INTO message_fts(rowid, subject, body, buyer, refs, notes) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            documents,
        )
        db.execute(f"DELETE FROM search_queue WHERE message_id IN ({marks})", ids)
        done += len(ids)
    return done


def pending_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM search_queue").fetchone()[0])


def _hit(row: tuple, query: str, radius: int = SNIPPET_RADIUS) -> SearchHit:
    (rowid, message_id, conversation_id, received_at, kind, subject, item_title, buyer_text,
     buyer_name, order_id, asins, notes, score) = row
    fields = [buyer_text, subject, notes, buyer_name, item_title, order_id, _asins_text(asins)]
    snippet = best_snippet(fields, query, radius)
    fallback = (buyer_text or subject or "")[:120]
    return SearchHit(
        id=rowid,
        message_id=message_id,
        conversation_id=conversation_id,
        received_at=received_at,
        kind=kind,
        subject=subject,
        buyer_name=buyer_name,
        order_id=order_id,
        score=float(score),
        snippet=snippet.marked() if snippet else fallback,
        snippet_html=snippet.html() if snippet else fallback,
    )


def search(
    db: Database,
    query: str,
    limit: int = 50,
    *,
    prefix_last: bool = True,
    one_per_conversation: bool = False,
    snippet_radius: int = SNIPPET_RADIUS,
) -> list[SearchHit]:
    """Messages matching every word of ``query``, best first (read-only: no indexing).

    ``one_per_conversation`` keeps only each conversation's best message (``limit`` still
    counts messages), for the inbox's list of hits. Ranked by bm25 (order ids and ASINs
    weigh most, then subjects, buyer names, notes, buyer text); a query matching more than
    ``RANK_LIMIT`` messages lists the newest first instead, so typing stays fluid.
    """
    match = fts_query(query, prefix_last=prefix_last)
    if match is None or limit <= 0:
        return []
    many = db.execute(_COUNT_SQL, {"match": match, "cap": RANK_LIMIT + 1}).fetchone()[0]
    head = _NEWEST_SQL if many > RANK_LIMIT else _RANKED_SQL
    rows = db.execute(head + _RESULT_SQL, {"match": match, "limit": limit}).fetchall()
    if one_per_conversation:
        seen: set[object] = set()
        rows = [row for row in rows if not (row[2] in seen or seen.add(row[2]))]
    return [_hit(row, query, snippet_radius) for row in rows]
