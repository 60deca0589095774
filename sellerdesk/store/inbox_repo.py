"""SQL of the inbox list: one row per conversation, sorted and filtered in SQLite, paged.

Every sort order is one never-NULL expression with its own index (migration m003), and pages
are fetched with a keyset ``(key, id) > (last key, last id)``, so the 1st and the 500th page
cost the same. The list of a search is a set of conversation ids in relevance order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from sellerdesk.domain.timeutil import to_iso
from sellerdesk.store.migrations import (
    INBOX_BUYER_KEY,
    INBOX_ORDER_KEY,
    INBOX_RECEIVED_KEY,
    INBOX_STATUS_KEY,
    INBOX_URGENCY_KEY,
)

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

    # Every query here only calls ``execute``: a plain connection (``Store.query()``, which the
    # inbox uses, so start-up loads no sqlite-utils) or a sqlite-utils ``Database``.
    Reader: TypeAlias = sqlite3.Connection | Database

SORT_URGENCY = "urgency"
SORT_RECEIVED = "received"
SORT_BUYER = "buyer"
SORT_ORDER = "order"
SORT_STATUS = "status"
SORT_RELEVANCE = "relevance"
SORT_KEYS: dict[str, str] = {
    SORT_URGENCY: INBOX_URGENCY_KEY,
    SORT_RECEIVED: INBOX_RECEIVED_KEY,
    SORT_BUYER: INBOX_BUYER_KEY,
    SORT_ORDER: INBOX_ORDER_KEY,
    SORT_STATUS: INBOX_STATUS_KEY,
}
SORTS = (*SORT_KEYS, SORT_RELEVANCE)
DEFAULT_PAGE_SIZE = 200


@dataclass(frozen=True)
class InboxFilter:
    """What the seller narrowed the inbox to; empty tuples and None mean "any"."""

    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    marketplaces: tuple[str, ...] = ()
    overdue_only: bool = False
    received_from: dt.datetime | None = None
    received_to: dt.datetime | None = None
    tag: str | None = None
    conversation_ids: tuple[int, ...] | None = None  # a search's hits, best first


@dataclass(frozen=True)
class InboxQuery:
    filter: InboxFilter = field(default_factory=InboxFilter)
    sort: str = SORT_URGENCY
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown inbox sort {self.sort!r}")


@dataclass(frozen=True)
class InboxRow:
    """One conversation as the inbox lists it (times are ISO-8601 UTC text)."""

    conversation_id: int
    last_message_at: str | None
    buyer_name: str | None
    order_id: str | None
    marketplace: str | None
    subject: str | None
    kind: str | None
    status: str
    reply_due_at: str | None
    message_count: int
    return_due_at: str | None = None
    sort_key: object = None
    snippet_html: str | None = None


@dataclass(frozen=True)
class Page:
    rows: list[InboxRow]
    cursor: tuple[object, int] | None  # pass back to get the next page; None: no more


_RETURN_DUE_SQL = (
    "(SELECT min(r.next_due_at) FROM return_cases AS r WHERE r.status = 'open' AND "
    "(r.conversation_id = conversations.id OR r.order_id = conversations.order_id))"
)


def _select(key: str) -> str:
    return f"""
SELECT id, last_message_at, buyer_name, order_id, marketplace, subject,
       (SELECT m.kind FROM messages AS m WHERE m.conversation_id = conversations.id
         ORDER BY m.received_at DESC LIMIT 1),
       status, reply_due_at, message_count, {_RETURN_DUE_SQL}, {key}
  FROM conversations
"""


def _in(column: str, values: tuple, params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})"


def _where(flt: InboxFilter, now: dt.datetime, params: list[object]) -> list[str]:
    clauses: list[str] = []
    if flt.statuses:
        clauses.append(_in("status", flt.statuses, params))
    if flt.marketplaces:
        clauses.append(_in("marketplace", flt.marketplaces, params))
    if flt.kinds:
        # EXISTS lets a sorted scan stop after one page instead of collecting every match.
        placeholders = ",".join("?" * len(flt.kinds))
        clauses.append(
            "EXISTS (SELECT 1 FROM messages AS k WHERE k.conversation_id = conversations.id "
            f"AND k.kind IN ({placeholders}))"
        )
        params.extend(flt.kinds)
    if flt.overdue_only:
        # "+" keeps the planner on the sort's index: overdue rows lead the urgency order.
        clauses.append("status = 'needs_reply' AND +reply_due_at < ?")
        params.append(to_iso(now))
    if flt.received_from is not None:
        clauses.append("last_message_at >= ?")
        params.append(to_iso(flt.received_from))
    if flt.received_to is not None:
        clauses.append("last_message_at < ?")
        params.append(to_iso(flt.received_to))
    if flt.tag:
        clauses.append("id IN (SELECT conversation_id FROM conversation_tags WHERE tag = ?)")
        params.append(flt.tag)
    if flt.conversation_ids is not None:
        clauses.append("id IN (SELECT value FROM json_each(?))")
        params.append("[" + ",".join(str(int(cid)) for cid in flt.conversation_ids) + "]")
    return clauses


def _row(values: tuple, snippets: dict[int, str] | None = None) -> InboxRow:
    cid = values[0]
    return InboxRow(
        conversation_id=cid,
        last_message_at=values[1],
        buyer_name=values[2],
        order_id=values[3],
        marketplace=values[4],
        subject=values[5],
        kind=values[6],
        status=values[7],
        reply_due_at=values[8],
        message_count=values[9] or 0,
        return_due_at=values[10],
        sort_key=values[11],
        snippet_html=(snippets or {}).get(cid),
    )


def fetch_page(
    db: Reader,
    query: InboxQuery,
    *,
    now: dt.datetime,
    after: tuple[object, int] | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    snippets: dict[int, str] | None = None,
) -> Page:
    """One page of the inbox after the keyset cursor ``after`` (None: the first page)."""
    if query.sort == SORT_RELEVANCE:
        return _relevance_page(db, query, now=now, after=after, limit=limit, snippets=snippets)
    key = SORT_KEYS[query.sort]
    params: list[object] = []
    clauses = _where(query.filter, now, params)
    direction = "DESC" if query.descending else "ASC"
    if after is not None:
        clauses.append(f"({key}, id) {'<' if query.descending else '>'} (?, ?)")
        params.extend(after)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = (
        _select(key)
        + f"{where} ORDER BY {key} {direction}, id {direction} LIMIT ?"
    )
    rows = [_row(values, snippets) for values in db.execute(sql, [*params, limit + 1])]
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = (rows[-1].sort_key, rows[-1].conversation_id) if more and rows else None
    return Page(rows, cursor)


def _relevance_page(
    db: Reader,
    query: InboxQuery,
    *,
    now: dt.datetime,
    after: tuple[object, int] | None,
    limit: int,
    snippets: dict[int, str] | None,
) -> Page:
    """Search hits in the order given by ``filter.conversation_ids`` (position is the key)."""
    ranked = query.filter.conversation_ids or ()
    position = {cid: index for index, cid in enumerate(ranked)}
    params: list[object] = []
    clauses = _where(query.filter, now, params)
    sql = _select("0") + f"WHERE {' AND '.join(clauses)}"
    rows = sorted(
        (_row(values, snippets) for values in db.execute(sql, params)),
        key=lambda row: position[row.conversation_id],
    )
    start = int(after[0]) + 1 if after is not None else 0
    page = rows[start : start + limit]
    page = [
        InboxRow(**{**row.__dict__, "sort_key": start + index}) for index, row in enumerate(page)
    ]
    more = start + limit < len(rows)
    return Page(page, (page[-1].sort_key, page[-1].conversation_id) if more and page else None)


def count(db: Reader, flt: InboxFilter, *, now: dt.datetime) -> int:
    """How many conversations match the filter."""
    params: list[object] = []
    clauses = _where(flt, now, params)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(db.execute(f"SELECT count(*) FROM conversations {where}", params).fetchone()[0])


def row_position(db: Reader, query: InboxQuery, conversation_id: int, *, now: dt.datetime) -> int:
    """Index of a conversation in the sorted, filtered list (-1 when filtered out)."""
    if query.sort == SORT_RELEVANCE:
        ids = list(query.filter.conversation_ids or ())
        return ids.index(conversation_id) if conversation_id in ids else -1
    key = SORT_KEYS[query.sort]
    found = db.execute(
        f"SELECT {key}, id FROM conversations WHERE id = ?", [conversation_id]
    ).fetchone()
    if found is None:
        return -1
    params: list[object] = []
    clauses = _where(query.filter, now, params)
    member = " AND ".join([*clauses, "id = ?"])
    visible = db.execute(
        f"SELECT 1 FROM conversations WHERE {member}", [*params, conversation_id]
    ).fetchone()
    if visible is None:
        return -1
    before = "<" if not query.descending else ">"
    clauses.append(f"({key}, id) {before} (?, ?)")
    params.extend(found)
    sql = f"SELECT count(*) FROM conversations WHERE {' AND '.join(clauses)}"
    return int(db.execute(sql, params).fetchone()[0])


def _distinct(db: Reader, table: str, column: str) -> list[str]:
    """Distinct non-NULL values of an indexed column by skipping through its index
    (a handful of index seeks instead of reading every row)."""
    sql = f"""
WITH RECURSIVE seen(value) AS (
    SELECT min({column}) FROM {table}
    UNION ALL
    SELECT (SELECT min({column}) FROM {table} WHERE {column} > seen.value)
      FROM seen WHERE seen.value IS NOT NULL
)
SELECT value FROM seen WHERE value IS NOT NULL"""
    return [row[0] for row in db.execute(sql)]


def distinct_values(db: Reader) -> dict[str, list[str]]:
    """The marketplaces, kinds and tags present, for the filter bar's choices."""
    return {
        "marketplaces": _distinct(db, "conversations", "marketplace"),
        "kinds": _distinct(db, "messages", "kind"),
        "tags": _distinct(db, "conversation_tags", "tag"),
    }
