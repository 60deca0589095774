"""Policy use-cases for the GUI and CLI: the contact advisor fed from the store's history,
and the draft checker given the conversation's context.

The store supplies the facts (``store/policy_repo.py``): whether the buyer wrote, the delivery
and order dates (for the 30-day window and the 5-30 day review window), whether a review was
already requested, and whether the buyer opted out (an ``optout_bounce`` notice). The rules
themselves live in ``sellerdesk.domain.policy``. Qt-free.
"""

from __future__ import annotations

import datetime as dt

from sellerdesk.domain.policy.advisor import REPLY, ContactFacts
from sellerdesk.domain.policy.model import DraftContext
from sellerdesk.domain.timeutil import from_iso, utc_now
from sellerdesk.store import policy_repo
from sellerdesk.store.store import Store


def _days_since(iso: str | None, now: dt.datetime) -> int | None:
    if not iso:
        return None
    try:
        moment = from_iso(iso)
    except ValueError:
        return None
    return max((now - moment).days, 0)


def facts_from_history(
    history: policy_repo.ContactHistory | None, now: dt.datetime
) -> ContactFacts:
    """Turn stored history into the advisor's facts (no conversation: nothing is known)."""
    if history is None:
        return ContactFacts(has_order=False)
    return ContactFacts(
        buyer_wrote=history.buyer_wrote,
        delivered_days_ago=_days_since(history.delivered_at, now),
        order_age_days=_days_since(history.ordered_at, now),
        review_requested=bool(history.review_requested_at or history.review_request_sent_at),
        buyer_opted_out=history.opted_out_at is not None,
        has_order=history.order_id is not None,
    )


class PolicyService:
    """The advisor's facts for conversations of one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def facts(self, conversation_id: int | None, now: dt.datetime | None = None) -> ContactFacts:
        """What the advisor needs to know about this conversation's buyer and order."""
        history = None
        if conversation_id is not None:
            with self._store.read() as db:
                history = policy_repo.contact_history(db, conversation_id)
        return facts_from_history(history, now or utc_now())


def draft_context_from_facts(facts: ContactFacts, purpose: str | None) -> DraftContext:
    """The checker's context: proactive unless the purpose is a reply."""
    proactive = purpose not in (None, REPLY)
    return DraftContext(
        proactive=proactive,
        purpose=purpose if proactive else None,
        delivered_days_ago=facts.delivered_days_ago,
        review_requested=facts.review_requested,
    )
