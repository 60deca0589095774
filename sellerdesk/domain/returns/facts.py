"""The facts of one return case, and how the case's notices fold into them.

A case's dates (request, refund, A-to-z claim) and details (reason, carrier, amounts) come
from its notices; a few facts only the seller knows (when the item arrived, the A-to-z
decision, a planned restocking fee, an international shipment) are entered by hand.
:func:`summarize_notices` folds every notice of an order into one :class:`NoticeSummary`, so
applying the same notices again, in any order, gives the same case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from sellerdesk.domain.returns.calendar import add_calendar_days, add_hours
from sellerdesk.domain.returns.notices import (
    ATOZ_CLAIM,
    REFUND_ISSUED,
    RETURN_REQUEST,
    Notice,
    NoticeDetails,
    notice_details,
)
from sellerdesk.domain.returns.reasons import is_seller_fault

T = TypeVar("T")


@dataclass(frozen=True)
class CaseFacts:
    """Everything the checklist and guardrails need to know about one case."""

    order_id: str
    marketplace: str | None
    opened_at: dt.datetime
    requested_at: dt.datetime | None = None
    authorization_required: bool | None = None
    in_policy: bool | None = None
    international: bool = False
    item_received_at: dt.datetime | None = None
    refunded_at: dt.datetime | None = None
    atoz_claim_at: dt.datetime | None = None
    atoz_deadline: dt.datetime | None = None
    atoz_decided_at: dt.datetime | None = None
    reason: str | None = None
    seller_fault: bool | None = None
    restocking_fee_percent: float | None = None
    photo_count: int = 0
    opened_by_hand: bool = False


@dataclass(frozen=True)
class NoticeSummary:
    """What all notices of one order say, folded (earliest dates, latest details)."""

    order_id: str
    marketplace: str | None
    first_at: dt.datetime
    conversation_id: int | None
    message_keys: tuple[str, ...]
    requested_at: dt.datetime | None
    refunded_at: dt.datetime | None
    atoz_claim_at: dt.datetime | None
    atoz_deadline: dt.datetime | None
    item_title: str | None
    asin: str | None
    sku: str | None
    quantity: int | None
    reason: str | None
    seller_fault: bool | None
    buyer_comment: str | None
    carrier: str | None
    tracking: str | None
    in_policy: bool | None
    authorization_required: bool | None
    amount: float | None
    currency: str | None
    refund_amount: float | None
    claim_amount: float | None


def summarize_notices(notices: Iterable[Notice], tz: dt.tzinfo) -> NoticeSummary:
    """Fold the notices of one order; raises ValueError when there are none."""
    ordered = sorted(notices, key=lambda n: (n.received_at, n.message_key))
    if not ordered:
        raise ValueError("a notice summary needs at least one notice")
    details = [(notice, notice_details(notice)) for notice in ordered]
    requests = [pair for pair in details if pair[0].kind == RETURN_REQUEST]
    refunds = [pair for pair in details if pair[0].kind == REFUND_ISSUED]
    claims = [pair for pair in details if pair[0].kind == ATOZ_CLAIM]
    reason = _latest(d.reason for _, d in requests)
    money = refunds or claims
    return NoticeSummary(
        order_id=ordered[0].order_id,
        marketplace=_latest(n.marketplace for n in ordered),
        first_at=ordered[0].received_at,
        conversation_id=_latest(n.conversation_id for n in ordered),
        message_keys=tuple(n.message_key for n in ordered),
        requested_at=requests[0][0].received_at if requests else None,
        refunded_at=refunds[0][0].received_at if refunds else None,
        atoz_claim_at=claims[0][0].received_at if claims else None,
        atoz_deadline=_claim_deadline(claims[-1], tz) if claims else None,
        item_title=_latest(n.item_title for n in ordered),
        asin=_latest(n.asins[0] if n.asins else None for n in ordered),
        sku=_latest(d.sku for _, d in details),
        quantity=_latest(d.quantity for _, d in details),
        reason=reason,
        seller_fault=is_seller_fault(reason),
        buyer_comment=_latest(d.buyer_comment for _, d in requests),
        carrier=_latest(d.carrier for _, d in details),
        tracking=_latest(d.tracking for _, d in details),
        in_policy=_latest(d.in_policy for _, d in requests),
        authorization_required=_latest(d.authorization_required for _, d in requests),
        amount=_latest(d.amount for _, d in money),
        currency=_latest(d.currency for _, d in money),
        refund_amount=_latest(d.amount for _, d in refunds),
        claim_amount=_latest(d.amount for _, d in claims),
    )


def _claim_deadline(claim: tuple[Notice, NoticeDetails], tz: dt.tzinfo) -> dt.datetime | None:
    """The response deadline the claim notice gives: N calendar days (same wall-clock time in
    the seller's zone), N hours (elapsed), or a date the parser already worked out."""
    notice, details = claim
    if details.deadline_days:
        return add_calendar_days(notice.received_at, details.deadline_days, tz)
    if details.deadline_hours:
        return add_hours(notice.received_at, details.deadline_hours)
    return details.deadline


def _latest(values: Iterable[T | None]) -> T | None:
    """The last value that is not None."""
    found: T | None = None
    for value in values:
        if value is not None:
            found = value
    return found
