"""SQL of the response metrics: the buyer messages of a period with their answer times."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sellerdesk.domain.metrics import BuyerMessageTimes
from sellerdesk.domain.timeutil import from_iso, to_iso


def buyer_messages_between(
    db: Database, start: dt.datetime, end: dt.datetime
) -> list[BuyerMessageTimes]:
    """Buyer messages received in (start, end], oldest first (indexed on received_at)."""
    rows = db.execute(
        "SELECT received_at, answered_at, no_response_needed FROM messages "
        "WHERE received_at > ? AND received_at <= ? AND kind = 'buyer_message' "
        "ORDER BY received_at",
        [to_iso(start), to_iso(end)],
    )
    return [
        BuyerMessageTimes(
            received_at=from_iso(received),
            answered_at=from_iso(answered) if answered else None,
            no_response_needed=bool(nrn),
        )
        for received, answered, nrn in rows
    ]
