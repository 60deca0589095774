"""A local mirror of Amazon's Buyer-Seller Contact Metrics (rule RT-CRT).

Over the last 7, 30 and 90 days before ``as_of``, every buyer message counts as received
(messages marked "no response needed" are left out, rule RT-NRN). A message answered within 24
hours (exactly 24 h included) is on time; answered later, it is late; still unanswered after
more than 24 hours, it is "unanswered over 24 h". A buyer message younger than 24 hours and
still unanswered counts as received but neither on time nor late. An answer given after
``as_of`` does not exist yet at ``as_of``.

Late Response Rate = (answered late + unanswered over 24 h) / (on time + late + unanswered
over 24 h), a fraction from 0 to 1 (None when nothing was decided yet); Amazon's published
(historic) target is at most 10% late, i.e. at least 90% within 24 hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from sellerdesk.domain.reply_clock import REPLY_WINDOW

WINDOWS_DAYS = (7, 30, 90)
TARGET_ON_TIME = 0.90
TARGET_LATE_RATE = 0.10


@dataclass(frozen=True)
class BuyerMessageTimes:
    """When a buyer message arrived and when (if ever) a seller reply answered it."""

    received_at: dt.datetime
    answered_at: dt.datetime | None = None
    no_response_needed: bool = False


@dataclass(frozen=True)
class WindowMetrics:
    days: int
    received: int
    answered_within_24h: int
    answered_late: int
    unanswered_over_24h: int
    late_response_rate: float | None
    average_response_hours: float | None

    @property
    def pending(self) -> int:
        """Received, unanswered and still inside its 24 hours."""
        return (
            self.received - self.answered_within_24h - self.answered_late
            - self.unanswered_over_24h
        )

    @property
    def on_time_rate(self) -> float | None:
        return None if self.late_response_rate is None else 1.0 - self.late_response_rate

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data.pop("days")
        return data


def classify(message: BuyerMessageTimes, as_of: dt.datetime) -> str:
    """'on_time', 'late', 'unanswered_late' or 'pending' as seen at ``as_of``."""
    answered = message.answered_at
    if answered is not None and answered <= as_of:
        return "on_time" if answered - message.received_at <= REPLY_WINDOW else "late"
    return "unanswered_late" if as_of - message.received_at > REPLY_WINDOW else "pending"


def window_metrics(
    messages: Iterable[BuyerMessageTimes], as_of: dt.datetime, days: int
) -> WindowMetrics:
    """The figures of one window: messages received in (as_of - days, as_of]."""
    start = as_of - dt.timedelta(days=days)
    counts = {"on_time": 0, "late": 0, "unanswered_late": 0, "pending": 0}
    response_seconds: list[float] = []
    for message in messages:
        if message.no_response_needed or not start < message.received_at <= as_of:
            continue
        verdict = classify(message, as_of)
        counts[verdict] += 1
        if verdict in ("on_time", "late"):
            assert message.answered_at is not None
            response_seconds.append((message.answered_at - message.received_at).total_seconds())
    decided = counts["on_time"] + counts["late"] + counts["unanswered_late"]
    late = counts["late"] + counts["unanswered_late"]
    return WindowMetrics(
        days=days,
        received=sum(counts.values()),
        answered_within_24h=counts["on_time"],
        answered_late=counts["late"],
        unanswered_over_24h=counts["unanswered_late"],
        late_response_rate=round(late / decided, 4) if decided else None,
        average_response_hours=(
            round(sum(response_seconds) / len(response_seconds) / 3600, 2)
            if response_seconds
            else None
        ),
    )


def contact_metrics(
    messages: Sequence[BuyerMessageTimes],
    as_of: dt.datetime,
    windows: Sequence[int] = WINDOWS_DAYS,
) -> dict[int, WindowMetrics]:
    """The 7/30/90-day figures (or the windows asked for)."""
    return {days: window_metrics(messages, as_of, days) for days in windows}


@dataclass(frozen=True)
class DailyPoint:
    """One day of the chart: the on-time share of that day's decided buyer messages."""

    day: dt.date
    received: int
    decided: int
    on_time_rate: float | None


def daily_series(
    messages: Sequence[BuyerMessageTimes],
    as_of: dt.datetime,
    days: int = 90,
    tz: dt.tzinfo = dt.UTC,
) -> list[DailyPoint]:
    """For each of the last ``days`` calendar days (in ``tz``), the on-time share."""
    last_day = as_of.astimezone(tz).date()
    first_day = last_day - dt.timedelta(days=days - 1)
    buckets: dict[dt.date, list[int]] = {
        first_day + dt.timedelta(days=i): [0, 0, 0] for i in range(days)
    }
    for message in messages:
        if message.no_response_needed or message.received_at > as_of:
            continue
        bucket = buckets.get(message.received_at.astimezone(tz).date())
        if bucket is None:
            continue
        verdict = classify(message, as_of)
        bucket[0] += 1
        if verdict != "pending":
            bucket[1] += 1
        if verdict == "on_time":
            bucket[2] += 1
    return [
        DailyPoint(day, received, decided, round(on_time / decided, 4) if decided else None)
        for day, (received, decided, on_time) in sorted(buckets.items())
    ]
