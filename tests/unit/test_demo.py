"""The demo inbox: rendered as real notification mail, imported idempotently, deadlines live."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from sellerdesk.domain.mail.parse import parse_mail
from sellerdesk.domain.timeutil import from_iso, utc_now
from sellerdesk.paths import demo_data_dir
from sellerdesk.services.conversations import ConversationService
from sellerdesk.services.demo import (
    STALE_AFTER,
    NotTheDemoStore,
    ensure_demo_inbox,
    load_script,
    render_demo_mail,
)
from sellerdesk.store.store import Store

NOW = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC)  # the night Europe changes to summer time
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")


@pytest.fixture
def demo_store() -> Store:
    store = Store(demo_data_dir())
    yield store
    store.close()


def _snapshot(store: Store) -> dict[str, object]:
    db = store.db
    return {
        "conversations": sorted(
            db.execute(
                "SELECT thread_key, status, message_count, notes FROM conversations"
            ).fetchall()
        ),
        "messages": db.execute("SELECT count(*) FROM messages").fetchone()[0],
        "keys": sorted(r[0] for r in db.execute("SELECT message_key FROM messages").fetchall()),
        "tags": db.execute("SELECT count(*) FROM conversation_tags").fetchone()[0],
        "attachments": db.execute("SELECT count(*) FROM attachments").fetchone()[0],
        "orders": db.execute("SELECT count(*) FROM orders").fetchone()[0],
        "return_cases": db.execute("SELECT count(*) FROM return_cases").fetchone()[0],
    }


# --- the script and its mail ----------------------------------------------------------------
def test_script_covers_what_a_seller_meets() -> None:
    conversations = load_script()["conversations"]
    assert len(conversations) >= 40
    assert {c["mp"] for c in conversations} >= {"US", "UK", "DE", "FR", "JP"}
    names = [c["buyer"] or "" for c in conversations]
    assert sum(bool(KANA.search(n)) or n.endswith(("翔", "大輔")) for n in names) >= 3
    chinese = [n for n in names if CJK.search(n) and not KANA.search(n) and " " not in n]
    assert len(chinese) >= 3, chinese
    event_types = Counter(e["type"] for c in conversations for e in c["events"])
    assert event_types.keys() >= {"buyer", "reply", "return_request", "refund", "atoz"}
    assert any(e.get("attachments") for c in conversations for e in c["events"])
    assert len({c["key"] for c in conversations}) == len(conversations)


def test_rendered_mail_parses_as_scripted() -> None:
    mails = render_demo_mail(now=NOW)
    script = load_script()
    assert len(mails) == sum(len(c["events"]) for c in script["conversations"])
    kinds = Counter()
    for mail in mails:
        parsed = parse_mail(mail.raw)
        assert parsed.kind == mail.kind, mail.name
        assert parsed.marketplace in {"US", "UK", "DE", "FR", "JP"}, mail.name
        assert from_iso(parsed.received_at) <= NOW
        if mail.kind == "buyer_message":
            assert parsed.buyer_text, mail.name
            assert parsed.relay_address and "@marketplace.amazon." in parsed.relay_address
            assert parsed.extra.get("nrn_link", "").startswith("https://sellercentral.amazon.")
        if mail.kind == "reply_copy":
            assert parsed.seller_text, mail.name
        kinds[mail.kind] += 1
    assert kinds.keys() == {
        "buyer_message", "reply_copy", "return_request", "refund_issued", "atoz_claim"
    }


def test_rendering_is_stable_for_a_given_time() -> None:
    assert [m.raw for m in render_demo_mail(now=NOW)] == [m.raw for m in render_demo_mail(now=NOW)]
    later = render_demo_mail(now=NOW + dt.timedelta(hours=5))
    first, moved = parse_mail(render_demo_mail(now=NOW)[0].raw), parse_mail(later[0].raw)
    assert first.message_key == moved.message_key
    assert from_iso(moved.received_at) - from_iso(first.received_at) == dt.timedelta(hours=5)


# --- building the demo store ----------------------------------------------------------------
def test_demo_loads_idempotently(demo_store: Store) -> None:
    first = ensure_demo_inbox(demo_store)
    assert first.rebuilt and first.conversations >= 40
    assert first.imported == len(render_demo_mail())
    before = _snapshot(demo_store)
    second = ensure_demo_inbox(demo_store)
    assert not second.rebuilt and second.imported == 0
    assert _snapshot(demo_store) == before


def test_stale_demo_is_rebuilt_without_duplicates(demo_store: Store) -> None:
    start = utc_now()
    ensure_demo_inbox(demo_store, now=start)
    before = _snapshot(demo_store)
    due_before = demo_store.db.execute("SELECT min(reply_due_at) FROM conversations").fetchone()
    later = start + STALE_AFTER + dt.timedelta(minutes=1)
    result = ensure_demo_inbox(demo_store, now=later)
    assert result.rebuilt
    assert _snapshot(demo_store) == before
    due_after = demo_store.db.execute("SELECT min(reply_due_at) FROM conversations").fetchone()
    assert from_iso(due_after[0]) - from_iso(due_before[0]) == later - start


def test_demo_reopened_from_disk_is_not_rebuilt(demo_store: Store) -> None:
    ensure_demo_inbox(demo_store)
    before = _snapshot(demo_store)
    demo_store.close()
    again = Store(demo_data_dir())
    try:
        assert not ensure_demo_inbox(again).rebuilt
        assert _snapshot(again) == before
    finally:
        again.close()


def test_demo_shows_live_deadlines_and_every_status(demo_store: Store) -> None:
    now = utc_now()
    ensure_demo_inbox(demo_store, now=now)
    rows = demo_store.db.execute("SELECT status, reply_due_at FROM conversations").fetchall()
    statuses = Counter(status for status, _ in rows)
    assert statuses.keys() == {"needs_reply", "replied", "no_response_needed", "closed"}
    left = [from_iso(due) - now for status, due in rows if status == "needs_reply"]
    assert sum(delta < dt.timedelta(0) for delta in left) >= 4  # overdue
    assert any(dt.timedelta(0) < delta < dt.timedelta(hours=2) for delta in left)  # urgent
    assert any(delta > dt.timedelta(hours=20) for delta in left)  # fresh


def test_no_response_needed_thread_keeps_its_seller_central_link(demo_store: Store) -> None:
    ensure_demo_inbox(demo_store)
    cid = demo_store.db.execute(
        "SELECT id FROM conversations WHERE status = 'no_response_needed' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    thread = ConversationService(demo_store).thread(cid)
    assert thread.nrn_link and thread.nrn_link.startswith("https://sellercentral.amazon.")
    assert thread.reply_due_at is None
    flagged = demo_store.db.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ? AND no_response_needed = 1",
        [cid],
    ).fetchone()[0]
    assert flagged >= 1


def test_demo_never_touches_another_data_dir(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        with pytest.raises(NotTheDemoStore):
            ensure_demo_inbox(store)
        assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    finally:
        store.close()


def test_demo_from_an_older_script_is_rebuilt(demo_store: Store) -> None:
    ensure_demo_inbox(demo_store)
    before = _snapshot(demo_store)
    demo_store.set_setting("demo.fingerprint", "from-an-older-release")
    assert ensure_demo_inbox(demo_store).rebuilt
    assert _snapshot(demo_store) == before


def test_seller_edits_in_the_demo_are_reset_on_rebuild(demo_store: Store) -> None:
    start = utc_now()
    ensure_demo_inbox(demo_store, now=start)
    cid = demo_store.db.execute("SELECT min(id) FROM conversations").fetchone()[0]
    ConversationService(demo_store).add_tag(cid, "added while playing")
    ensure_demo_inbox(demo_store, now=start + STALE_AFTER)
    tags = {r[0] for r in demo_store.db.execute("SELECT tag FROM conversation_tags")}
    assert "added while playing" not in tags


def test_a_demo_store_this_build_cannot_open_is_started_afresh() -> None:
    from sellerdesk.services.demo import open_demo_store

    folder = demo_data_dir()
    folder.mkdir(parents=True)
    (folder / "sellerdesk.db").write_bytes(b"not a database at all" * 100)
    store = open_demo_store()
    try:
        result = ensure_demo_inbox(store)
        assert result.conversations >= 40
    finally:
        store.close()
