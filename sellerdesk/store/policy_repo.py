"""SQL for the contact advisor: what the store knows about one buyer's order and messages.

Read-only. The opt-out signal is an ``optout_bounce`` notice for the buyer's relay address (or,
when the bounce carried no address, for the order); a review counts as requested when
``orders.review_requested_at`` is set or a draft with purpose ``review-request`` was sent for
the order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

REVIEW_REQUEST_PURPOSE = "review-request"


@dataclass(frozen=True)
class ContactHistory:
    conversation_id: int
    order_id: str | None
    relay_address: str | None
    buyer_wrote: bool
    ordered_at: str | None
    delivered_at: str | None
    review_requested_at: str | None
    review_request_sent_at: str | None
    opted_out_at: str | None


def contact_history(db: Database, conversation_id: int) -> ContactHistory | None:
    """The advisor's facts for one conversation, or None if there is no such conversation."""
    row = db.execute(
        "SELECT c.order_id, c.relay_address, o.ordered_at, o.delivered_at, o.review_requested_at "
        "FROM conversations c LEFT JOIN orders o ON o.order_id = c.order_id WHERE c.id = ?",
        [conversation_id],
    ).fetchone()
    if row is None:
        return None
    order_id, relay, ordered_at, delivered_at, review_requested_at = row
    return ContactHistory(
        conversation_id=conversation_id,
        order_id=order_id,
        relay_address=relay,
        buyer_wrote=_buyer_wrote(db, conversation_id),
        ordered_at=ordered_at,
        delivered_at=delivered_at,
        review_requested_at=review_requested_at,
        review_request_sent_at=_review_request_sent_at(db, conversation_id, order_id),
        opted_out_at=_opted_out_at(db, relay, order_id),
    )


def _buyer_wrote(db: Database, conversation_id: int) -> bool:
    row = db.execute(
        "SELECT 1 FROM messages WHERE conversation_id = ? AND kind = 'buyer_message' LIMIT 1",
        [conversation_id],
    ).fetchone()
    return row is not None


def _review_request_sent_at(db: Database, conversation_id: int, order_id: str | None) -> str | None:
    row = db.execute(
        "SELECT MIN(d.sent_at) FROM drafts d JOIN conversations c ON c.id = d.conversation_id "
        "WHERE d.purpose = ? AND d.sent_at IS NOT NULL AND (c.id = ? OR c.order_id = ?)",
        [REVIEW_REQUEST_PURPOSE, conversation_id, order_id],
    ).fetchone()
    return row[0] if row else None


def _opted_out_at(db: Database, relay: str | None, order_id: str | None) -> str | None:
    if not relay and not order_id:
        return None
    row = db.execute(
        "SELECT MAX(received_at) FROM messages WHERE kind = 'optout_bounce' AND "
        "((? IS NOT NULL AND lower(relay_address) = lower(?)) OR "
        "(? IS NOT NULL AND order_id = ?))",
        [relay, relay, order_id, order_id],
    ).fetchone()
    return row[0] if row else None
