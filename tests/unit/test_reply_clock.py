"""Amazon's 24-hour reply clock (rule RT-24H): calendar hours across time zones and DST
changes, two buyer messages in a row, a reply answering every earlier message, and the
derived status; plus the same through the store (reply-copy detection by kind)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from inbox_seed import Seed

from sellerdesk.domain.reply_clock import (
    ClockEvent,
    compute_clock,
    derive_status,
    time_left,
)

UTC = dt.UTC
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")


def buyer(key: object, at: dt.datetime, nrn: bool = False) -> ClockEvent:
    return ClockEvent(key=key, at=at, is_buyer_message=True, no_response_needed=nrn)


def reply(key: object, at: dt.datetime) -> ClockEvent:
    return ClockEvent(key=key, at=at, is_seller_reply=True)


def test_due_24_calendar_hours_later_over_a_weekend() -> None:
    friday_evening = dt.datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # a Friday
    state = compute_clock([buyer("a", friday_evening)])
    assert state.reply_due_at == dt.datetime(2026, 11, 28, 18, 0, tzinfo=UTC)  # Saturday


def test_spring_forward_keeps_24_elapsed_hours_and_shifts_local_time() -> None:
    # New York springs forward on 2026-03-08 at 02:00 (EST -> EDT).
    received = dt.datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)
    due = compute_clock([buyer("a", received.astimezone(UTC))]).reply_due_at
    assert due is not None
    assert due - received == dt.timedelta(hours=24)
    assert due.astimezone(NEW_YORK).replace(tzinfo=None) == dt.datetime(2026, 3, 8, 13, 0)


def test_fall_back_keeps_24_elapsed_hours() -> None:
    # Berlin falls back on 2026-10-25 at 03:00 (CEST -> CET).
    received = dt.datetime(2026, 10, 24, 22, 30, tzinfo=BERLIN)
    due = compute_clock([buyer("a", received.astimezone(UTC))]).reply_due_at
    assert due is not None
    assert due.astimezone(BERLIN).replace(tzinfo=None) == dt.datetime(2026, 10, 25, 21, 30)
    assert (due - received.astimezone(UTC)).total_seconds() == 24 * 3600


def test_zone_of_the_input_does_not_matter() -> None:
    in_tokyo = dt.datetime(2026, 11, 26, 9, 0, tzinfo=TOKYO)
    in_utc = in_tokyo.astimezone(UTC)
    assert (
        compute_clock([buyer("a", in_tokyo)]).reply_due_at
        == compute_clock([buyer("a", in_utc)]).reply_due_at
        == dt.datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
    )


def test_second_buyer_message_does_not_move_the_deadline() -> None:
    first = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    state = compute_clock([buyer("a", first), buyer("b", first + dt.timedelta(hours=20))])
    assert state.oldest_unanswered_at == first
    assert state.reply_due_at == first + dt.timedelta(hours=24)


def test_reply_answers_every_earlier_message_and_stops_the_clock() -> None:
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    answer = t0 + dt.timedelta(hours=5)
    state = compute_clock(
        [buyer("a", t0), buyer("b", t0 + dt.timedelta(hours=2)), reply("r", answer)]
    )
    assert state.answered_at == {"a": answer, "b": answer}
    assert state.reply_due_at is None and state.last_reply_at == answer
    assert derive_status(state, "needs_reply", None) == "replied"


def test_message_after_the_reply_starts_a_new_clock() -> None:
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    later = t0 + dt.timedelta(hours=10)
    answer = reply("r", t0 + dt.timedelta(hours=1))
    state = compute_clock([buyer("a", t0), answer, buyer("b", later)])
    assert state.answered_at["b"] is None
    assert state.reply_due_at == later + dt.timedelta(hours=24)
    assert derive_status(state, "replied", t0) == "needs_reply"


def test_events_out_of_order_and_reply_at_the_same_instant() -> None:
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    state = compute_clock([reply("r", t0), buyer("a", t0)])
    assert state.answered_at == {"a": t0} and state.reply_due_at is None


def test_no_response_needed_message_starts_no_clock() -> None:
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    state = compute_clock([buyer("thanks", t0, nrn=True)])
    assert state.reply_due_at is None
    assert derive_status(state, None, None) == "no_response_needed"


def test_manual_status_sticks_until_the_buyer_writes_again() -> None:
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    state = compute_clock([buyer("a", t0)])
    closed_at = t0 + dt.timedelta(hours=1)
    assert derive_status(state, "closed", closed_at) == "closed"
    newer = compute_clock([buyer("a", t0), buyer("b", t0 + dt.timedelta(hours=3))])
    assert derive_status(newer, "closed", closed_at) == "needs_reply"


def test_time_left_is_negative_when_overdue() -> None:
    due = dt.datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert time_left(due, due - dt.timedelta(hours=3)) == dt.timedelta(hours=3)
    assert time_left(due, due + dt.timedelta(minutes=5)) == -dt.timedelta(minutes=5)
    assert time_left(None, due) is None


def test_store_reply_copy_stops_the_clock(store) -> None:
    seed = Seed(store)
    t0 = dt.datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    cid = seed.conversation()
    first = seed.message(cid, t0)
    second = seed.message(cid, t0 + dt.timedelta(hours=3))
    row = store.db.execute(
        "SELECT reply_due_at, status FROM conversations WHERE id = ?", [cid]
    ).fetchone()
    assert row == ("2026-11-21T08:00:00Z", "needs_reply")
    seed.message(cid, t0 + dt.timedelta(hours=30), kind="reply_copy")
    row = store.db.execute(
        "SELECT reply_due_at, status, last_reply_at FROM conversations WHERE id = ?", [cid]
    ).fetchone()
    assert row == (None, "replied", "2026-11-21T14:00:00Z")
    answered = dict(
        store.db.execute(
            "SELECT id, answered_at FROM messages WHERE id IN (?, ?)", [first, second]
        ).fetchall()
    )
    assert answered == {first: "2026-11-21T14:00:00Z", second: "2026-11-21T14:00:00Z"}


def test_urgency_bands_of_a_due_reply() -> None:
    from sellerdesk.domain.reply_clock import urgency

    hours = dt.timedelta(hours=1)
    assert urgency(None) == ""
    assert urgency(-hours) == "overdue"
    assert urgency(dt.timedelta(0)) == "overdue"
    assert urgency(3 * hours) == "urgent"
    assert urgency(4 * hours) == "soon"
    assert urgency(11 * hours) == "soon"
    assert urgency(12 * hours) == "ok"


def test_split_duration_rounds_minutes_down_and_ignores_sign() -> None:
    from sellerdesk.domain.reply_clock import split_duration

    delta = dt.timedelta(days=1, hours=12, minutes=5, seconds=59)
    assert split_duration(delta) == (1, 12, 5)
    assert split_duration(-delta) == (1, 12, 5)


def test_a_derived_status_never_sticks() -> None:
    """A notice-only conversation derives 'closed'; the buyer's first message reopens it."""
    from sellerdesk.domain.reply_clock import ClockEvent, compute_clock, derive_status

    written = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)
    state = compute_clock([ClockEvent("m1", written, is_buyer_message=True)])
    assert derive_status(state, "closed", None) == "needs_reply"


def test_a_status_the_seller_set_sticks_until_the_buyer_writes_after_it() -> None:
    from sellerdesk.domain.reply_clock import ClockEvent, compute_clock, derive_status

    closed_at = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)
    older = compute_clock([ClockEvent("m1", closed_at - dt.timedelta(hours=1), True)])
    newer = compute_clock([ClockEvent("m2", closed_at + dt.timedelta(minutes=1), True)])
    assert derive_status(older, "closed", closed_at) == "closed"
    assert derive_status(newer, "closed", closed_at) == "needs_reply"
    assert derive_status(newer, "no_response_needed", closed_at) == "needs_reply"
