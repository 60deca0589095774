"""The 7/30/90-day contact metrics (rule RT-CRT) against hand-computed cases."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from inbox_seed import Seed

from sellerdesk.cli.context import CliContext
from sellerdesk.domain.metrics import BuyerMessageTimes, classify, contact_metrics, daily_series

AS_OF = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)


def msg(received_ago: dt.timedelta, answer_after: dt.timedelta | None = None, nrn: bool = False):
    received = AS_OF - received_ago
    answered = received + answer_after if answer_after is not None else None
    return BuyerMessageTimes(received, answered, nrn)


# Hand-computed set (received ago -> fate):
#  a  2 d, answered after 3 h            on time    (7, 30, 90)
#  b  3 d, answered after exactly 24 h    on time    (7, 30, 90)
#  c  5 d, answered after 30 h            late       (7, 30, 90)
#  d  6 d, never answered                 unanswered (7, 30, 90)
#  e  10 h, never answered                pending    (7, 30, 90): received only
#  f  1 d, marked no response needed      left out everywhere
#  g  20 d, answered after 1 h            on time    (30, 90)
#  h  40 d, answered after 48 h           late       (90)
#  i  95 d, answered after 1 h            outside every window
#  j  2 h, answered after 1 h             on time    (7, 30, 90)
CASES = [
    msg(2 * D, 3 * H),
    msg(3 * D, 24 * H),
    msg(5 * D, 30 * H),
    msg(6 * D),
    msg(10 * H),
    msg(1 * D, nrn=True),
    msg(20 * D, 1 * H),
    msg(40 * D, 48 * H),
    msg(95 * D, 1 * H),
    msg(2 * H, 1 * H),
]


def test_seven_thirty_ninety_days_hand_computed() -> None:
    result = contact_metrics(CASES, AS_OF)
    seven, thirty, ninety = result[7], result[30], result[90]
    assert (seven.received, seven.answered_within_24h, seven.answered_late,
            seven.unanswered_over_24h) == (6, 3, 1, 1)
    assert seven.late_response_rate == pytest.approx(2 / 5, abs=1e-4)
    assert seven.average_response_hours == pytest.approx((3 + 24 + 30 + 1) / 4, abs=0.01)
    assert seven.pending == 1
    assert (thirty.received, thirty.answered_within_24h, thirty.answered_late,
            thirty.unanswered_over_24h) == (7, 4, 1, 1)
    assert thirty.late_response_rate == pytest.approx(2 / 6, abs=1e-4)
    assert (ninety.received, ninety.answered_within_24h, ninety.answered_late,
            ninety.unanswered_over_24h) == (8, 4, 2, 1)
    assert ninety.late_response_rate == pytest.approx(3 / 7, abs=1e-4)
    assert ninety.average_response_hours == pytest.approx((3 + 24 + 30 + 1 + 1 + 48) / 6, abs=0.01)


def test_young_unanswered_message_is_neither_on_time_nor_late() -> None:
    young = msg(23 * H)
    assert classify(young, AS_OF) == "pending"
    figures = contact_metrics([young], AS_OF)[7]
    assert figures.received == 1
    assert figures.answered_within_24h == figures.answered_late == figures.unanswered_over_24h == 0
    assert figures.late_response_rate is None and figures.average_response_hours is None
    assert classify(msg(24 * H + dt.timedelta(seconds=1)), AS_OF) == "unanswered_late"


def test_answer_after_as_of_does_not_count_yet() -> None:
    answered_later = msg(30 * H, 40 * H)  # answered 10 h after AS_OF
    assert classify(answered_later, AS_OF) == "unanswered_late"
    assert classify(answered_later, AS_OF + 11 * H) == "late"


def test_no_response_needed_is_left_out_entirely() -> None:
    figures = contact_metrics([msg(3 * D, nrn=True), msg(3 * D, 80 * H, nrn=True)], AS_OF)
    assert all(window.received == 0 for window in figures.values())


def test_daily_series_by_day_received() -> None:
    points = daily_series(CASES, AS_OF, days=7)
    assert len(points) == 7 and points[-1].day == AS_OF.date()
    by_day = {point.day: point for point in points}
    five_days_ago = by_day[(AS_OF - 5 * D).date()]
    assert (five_days_ago.received, five_days_ago.decided, five_days_ago.on_time_rate) == (1, 1, 0)
    today = by_day[AS_OF.date()]
    assert (today.received, today.decided, today.on_time_rate) == (2, 1, 1.0)


def test_metrics_from_the_store_and_cli_json(store, data_dir) -> None:
    seed = Seed(store)
    late = seed.conversation(buyer="Oliver Smith")
    seed.message(late, AS_OF - 5 * D)
    seed.message(late, AS_OF - 5 * D + 30 * H, kind="reply_copy")
    quick = seed.conversation(buyer="Amelia Jones")
    seed.message(quick, AS_OF - 2 * D)
    seed.message(quick, AS_OF - 2 * D + 1 * H)  # second buyer message, answered by one reply
    seed.message(quick, AS_OF - 2 * D + 2 * H, kind="reply_copy")
    silent = seed.conversation(buyer="Harry Wilson")
    seed.message(silent, AS_OF - 40 * D)
    out = io.StringIO()
    from sellerdesk.cli import build_parser

    args = build_parser().parse_args(["metrics", "--json", "--as-of", "2026-11-26T12:00:00Z"])
    context = CliContext(data_dir=data_dir, stdout=out)
    try:
        assert args.handler(args, context) == 0
    finally:
        context.close()
    data = json.loads(out.getvalue())
    assert set(data) == {"7", "30", "90"}
    keys = {"received", "answered_within_24h", "answered_late", "unanswered_over_24h",
            "late_response_rate", "average_response_hours"}
    assert all(set(window) == keys for window in data.values())
    assert data["7"] == {
        "received": 3, "answered_within_24h": 2, "answered_late": 1, "unanswered_over_24h": 0,
        "late_response_rate": pytest.approx(1 / 3, abs=1e-4),
        "average_response_hours": pytest.approx((30 + 2 + 1) / 3, abs=0.01),
    }
    assert data["90"]["received"] == 4 and data["90"]["unanswered_over_24h"] == 1


def test_cli_metrics_rejects_a_bad_time() -> None:
    from sellerdesk.app import main

    assert main(["metrics", "--as-of", "yesterday-ish"]) == 2
