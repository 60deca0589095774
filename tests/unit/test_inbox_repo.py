"""The inbox list in SQL: sort orders, filters, keyset paging, the return-due marker."""

from __future__ import annotations

import datetime as dt

import pytest
from inbox_seed import Seed

from sellerdesk.services.inbox import InboxFilter, InboxQuery, InboxService
from sellerdesk.store import inbox_repo

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


@pytest.fixture
def inbox(store):  # type: ignore[no-untyped-def]
    """Five conversations with known clocks (ids in creation order)."""
    seed = Seed(store)
    ids = {}
    ids["overdue"] = seed.conversation(buyer="Zoë Adams", order_id="111-0000001-0000001",
                                       marketplace="US", tags=("vip",))
    seed.message(ids["overdue"], NOW - 30 * H)  # due 6 h ago
    ids["urgent"] = seed.conversation(buyer="anna Schmidt", order_id="302-0000002-0000002",
                                      marketplace="DE")
    seed.message(ids["urgent"], NOW - 22 * H)  # 2 h left
    ids["relaxed"] = seed.conversation(buyer="佐藤 花子", order_id="503-0000003-0000003",
                                       marketplace="JP")
    seed.message(ids["relaxed"], NOW - 1 * H, kind="return_request")
    seed.message(ids["relaxed"], NOW - 2 * H)  # 22 h left
    ids["replied"] = seed.conversation(buyer="Bob Brown", order_id="202-0000004-0000004",
                                       marketplace="UK")
    seed.message(ids["replied"], NOW - 50 * H)
    seed.message(ids["replied"], NOW - 48 * H, kind="reply_copy")
    ids["closed"] = seed.conversation(buyer=None, order_id=None, marketplace="US")  # type: ignore[arg-type]
    seed.message(ids["closed"], NOW - 100 * H)
    seed.set_status(ids["closed"], "closed", NOW - 90 * H)
    return ids


def _ids(store, query: InboxQuery, limit: int = 100) -> list[int]:  # type: ignore[no-untyped-def]
    page = InboxService(store).page(query, limit=limit, now=NOW)
    return [row.conversation_id for row in page.rows]


def test_default_sort_is_most_urgent_first(store, inbox) -> None:
    assert _ids(store, InboxQuery()) == [
        inbox["overdue"], inbox["urgent"], inbox["relaxed"], inbox["replied"], inbox["closed"]
    ]


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        ("received", True, ["relaxed", "urgent", "overdue", "replied", "closed"]),
        ("received", False, ["closed", "replied", "overdue", "urgent", "relaxed"]),
        ("buyer", False, ["closed", "urgent", "replied", "overdue", "relaxed"]),
        ("order", False, ["closed", "overdue", "replied", "urgent", "relaxed"]),
        ("status", False, ["overdue", "urgent", "relaxed", "replied", "closed"]),
    ],
)
def test_sort_orders(store, inbox, sort: str, descending: bool, expected: list[str]) -> None:
    query = InboxQuery(sort=sort, descending=descending)
    assert _ids(store, query) == [inbox[name] for name in expected]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (InboxFilter(statuses=("needs_reply",)), ["overdue", "urgent", "relaxed"]),
        (InboxFilter(statuses=("replied", "closed")), ["replied", "closed"]),
        (InboxFilter(overdue_only=True), ["overdue"]),
        (InboxFilter(kinds=("return_request",)), ["relaxed"]),
        (InboxFilter(marketplaces=("US",)), ["overdue", "closed"]),
        (InboxFilter(tag="vip"), ["overdue"]),
        (InboxFilter(received_from=NOW - 25 * H), ["urgent", "relaxed"]),
        (InboxFilter(received_from=NOW - 60 * H, received_to=NOW - 25 * H),
         ["overdue", "replied"]),
        (InboxFilter(statuses=("needs_reply",), marketplaces=("DE", "JP")), ["urgent", "relaxed"]),
    ],
)
def test_filters(store, inbox, flt: InboxFilter, expected: list[str]) -> None:
    assert _ids(store, InboxQuery(filter=flt)) == [inbox[name] for name in expected]
    assert InboxService(store).count(flt, now=NOW) == len(expected)


def test_row_fields(store, inbox) -> None:
    rows = InboxService(store).page(InboxQuery(), now=NOW).rows
    relaxed = next(row for row in rows if row.conversation_id == inbox["relaxed"])
    assert relaxed.kind == "return_request"  # the latest message's kind
    assert relaxed.message_count == 2
    assert relaxed.reply_due_at == "2026-11-27T10:00:00Z"
    assert relaxed.status == "needs_reply"


def test_keyset_pages_cover_every_row_once_in_every_sort(store) -> None:
    seed = Seed(store)
    created = []
    for number in range(57):
        cid = seed.conversation(buyer=f"Buyer {number % 7}", order_id=f"111-{number % 5:07d}-0")
        seed.message(cid, NOW - (number % 9) * H - dt.timedelta(minutes=number))
        created.append(cid)
    service = InboxService(store)
    for sort in ("urgency", "received", "buyer", "order", "status"):
        for descending in (False, True):
            query = InboxQuery(sort=sort, descending=descending)
            seen, cursor = [], None
            while True:
                page = service.page(query, after=cursor, limit=10, now=NOW)
                seen += [row.conversation_id for row in page.rows]
                if page.cursor is None:
                    break
                cursor = page.cursor
            assert sorted(seen) == sorted(created), (sort, descending)
            assert seen == _ids(store, query, limit=1000)


def test_relevance_order_follows_the_search(store, inbox) -> None:
    ranked = (inbox["replied"], inbox["overdue"], inbox["urgent"])
    query = InboxQuery(filter=InboxFilter(conversation_ids=ranked), sort="relevance")
    assert _ids(store, query) == list(ranked)
    flt = InboxFilter(conversation_ids=ranked, statuses=("needs_reply",))
    assert _ids(store, InboxQuery(filter=flt, sort="relevance")) == [
        inbox["overdue"], inbox["urgent"]
    ]
    first = InboxService(store).page(InboxQuery(filter=InboxFilter(conversation_ids=ranked),
                                                sort="relevance"), limit=2, now=NOW)
    second = InboxService(store).page(InboxQuery(filter=InboxFilter(conversation_ids=ranked),
                                                 sort="relevance"), after=first.cursor, now=NOW)
    assert [r.conversation_id for r in first.rows + second.rows] == list(ranked)


def test_row_position(store, inbox) -> None:
    with store.read() as db:
        assert inbox_repo.row_position(db, InboxQuery(), inbox["relaxed"], now=NOW) == 2
        only_open = InboxQuery(filter=InboxFilter(statuses=("replied",)))
        assert inbox_repo.row_position(db, only_open, inbox["relaxed"], now=NOW) == -1


def test_return_due_marker(store, inbox) -> None:
    with store.write() as db:
        db.execute(
            "INSERT INTO return_cases(order_id, conversation_id, opened_at, status, next_due_at)"
            " VALUES ('503-0000003-0000003', ?, '2026-11-25T00:00:00Z', 'open',"
            " '2026-11-28T00:00:00Z')",
            [inbox["relaxed"]],
        )
    page = InboxService(store).page(InboxQuery(), now=NOW)
    rows = {row.conversation_id: row for row in page.rows}
    assert rows[inbox["relaxed"]].return_due_at == "2026-11-28T00:00:00Z"
    assert rows[inbox["urgent"]].return_due_at is None


def test_sorting_uses_the_indexes(store, inbox) -> None:
    for sort in ("urgency", "received", "buyer", "order", "status"):
        key = inbox_repo.SORT_KEYS[sort]
        plan = " ".join(
            str(row[-1])
            for row in store.db.execute(
                f"EXPLAIN QUERY PLAN SELECT id FROM conversations ORDER BY {key}, id LIMIT 10"
            )
        )
        assert "USING INDEX idx_inbox_" in plan and "TEMP B-TREE" not in plan, (sort, plan)


def test_filter_choices(store, inbox) -> None:
    choices = InboxService(store).filter_choices()
    assert choices["marketplaces"] == ["DE", "JP", "UK", "US"]
    assert "return_request" in choices["kinds"] and choices["tags"] == ["vip"]
