"""Amazon's 24-hour reply clock for one conversation (rule RT-24H).

A conversation's reply is due 24 calendar hours (weekends and holidays included) after its
oldest unanswered buyer message. A second buyer message does not move the deadline; a seller
reply answers every earlier unanswered buyer message. Buyer messages the seller marked "no
response needed" neither start the clock nor count in the metrics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

REPLY_WINDOW = dt.timedelta(hours=24)
# How pressing a due reply is, for colouring: less than URGENT_WITHIN left is urgent.
URGENT_WITHIN = dt.timedelta(hours=4)
SOON_WITHIN = dt.timedelta(hours=12)

NEEDS_REPLY = "needs_reply"
REPLIED = "replied"
NO_RESPONSE_NEEDED = "no_response_needed"
CLOSED = "closed"
STATUSES = (NEEDS_REPLY, REPLIED, NO_RESPONSE_NEEDED, CLOSED)
MANUAL_STATUSES = (NO_RESPONSE_NEEDED, CLOSED)


@dataclass(frozen=True)
class ClockEvent:
    """One thing that happened in a conversation, as the clock sees it."""

    key: object
    at: dt.datetime
    is_buyer_message: bool = False
    is_seller_reply: bool = False
    no_response_needed: bool = False


@dataclass(frozen=True)
class ClockState:
    oldest_unanswered_at: dt.datetime | None
    reply_due_at: dt.datetime | None
    last_reply_at: dt.datetime | None
    answered_at: dict[object, dt.datetime | None]
    last_buyer_message_at: dt.datetime | None


def compute_clock(events: Iterable[ClockEvent]) -> ClockState:
    """Walk the conversation in time order and settle who answered what, and what is due."""
    answered: dict[object, dt.datetime | None] = {}
    waiting: list[ClockEvent] = []
    last_reply_at: dt.datetime | None = None
    last_buyer_at: dt.datetime | None = None
    # A reply at the same instant as a buyer message answers it, hence buyer messages sort
    # before replies of the same second (False < True).
    for event in sorted(events, key=lambda e: (e.at, e.is_seller_reply)):
        if event.is_seller_reply:
            last_reply_at = event.at
            for buyer_message in waiting:
                answered[buyer_message.key] = event.at
            waiting = []
        elif event.is_buyer_message:
            last_buyer_at = event.at
            answered[event.key] = None
            if not event.no_response_needed:
                waiting.append(event)
    oldest = waiting[0].at if waiting else None
    return ClockState(
        oldest_unanswered_at=oldest,
        reply_due_at=oldest + REPLY_WINDOW if oldest else None,
        last_reply_at=last_reply_at,
        answered_at=answered,
        last_buyer_message_at=last_buyer_at,
    )


def derive_status(
    state: ClockState, current: str | None, status_changed_at: dt.datetime | None
) -> str:
    """The status after the mail changed.

    A status the seller set (closed, no response needed; ``status_changed_at`` is when) sticks
    until the buyer writes again after it; every other status follows the mail.
    """
    set_by_seller = current in MANUAL_STATUSES and status_changed_at is not None
    buyer_wrote_since = (
        state.last_buyer_message_at is not None
        and status_changed_at is not None
        and state.last_buyer_message_at > status_changed_at
    )
    if set_by_seller and not buyer_wrote_since:
        return current  # type: ignore[return-value]
    if state.oldest_unanswered_at is not None:
        return NEEDS_REPLY
    if state.last_reply_at is not None:
        return REPLIED
    if state.last_buyer_message_at is not None:
        return NO_RESPONSE_NEEDED
    return CLOSED


def time_left(reply_due_at: dt.datetime | None, now: dt.datetime) -> dt.timedelta | None:
    """Time until the reply is due (negative when overdue), None when nothing is due."""
    return None if reply_due_at is None else reply_due_at - now


def urgency(time_left_to_reply: dt.timedelta | None) -> str:
    """'overdue', 'urgent' (< 4 h), 'soon' (< 12 h), 'ok', or '' when no reply is due."""
    if time_left_to_reply is None:
        return ""
    if time_left_to_reply <= dt.timedelta(0):
        return "overdue"
    if time_left_to_reply < URGENT_WITHIN:
        return "urgent"
    return "soon" if time_left_to_reply < SOON_WITHIN else "ok"


def split_duration(delta: dt.timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes) of the absolute duration, minutes rounded down."""
    total_minutes = int(abs(delta.total_seconds()) // 60)
    days, rest = divmod(total_minutes, 24 * 60)
    return days, rest // 60, rest % 60
