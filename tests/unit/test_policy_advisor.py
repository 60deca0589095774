"""The contact advisor, alone and fed from a real store through ``services.policy``."""

from __future__ import annotations

import datetime as dt

import pytest

from sellerdesk.domain.policy.advisor import (
    ADVISOR_PURPOSES,
    ALLOWED,
    BLOCKED,
    CONDITIONAL,
    NOT_ALLOWED,
    ContactFacts,
    advise,
)
from sellerdesk.domain.policy.checker import check_draft
from sellerdesk.domain.policy.rules import load_rules
from sellerdesk.services.policy import PolicyService, draft_context_from_facts

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
OID = "111-2223334-4445556"


def rules_of(advice, status=None):  # type: ignore[no-untyped-def]
    return {r.rule for r in advice.reasons if status is None or r.status == status}


def test_reply_is_allowed_whatever_the_date_or_opt_out() -> None:
    facts = ContactFacts(buyer_wrote=True, delivered_days_ago=90, buyer_opted_out=True)
    advice = advise("reply", facts)
    assert advice.status == ALLOWED
    assert {"MSG-SCOPE", "MSG-PROACTIVE-30D", "MSG-CRITICAL-IMPORTANT"} <= rules_of(advice)


def test_reply_without_a_buyer_message_is_not_a_reply() -> None:
    advice = advise("reply", ContactFacts(buyer_wrote=False))
    assert advice.status == NOT_ALLOWED
    assert rules_of(advice, BLOCKED) == {"MSG-PROACTIVE-REASONS"}


@pytest.mark.parametrize(
    ("days", "requested", "status", "rule"),
    [
        (10, False, ALLOWED, None),
        (3, False, NOT_ALLOWED, "MSG-REVIEW-ONCE"),
        (31, False, NOT_ALLOWED, "MSG-PROACTIVE-30D"),
        (12, True, NOT_ALLOWED, "MSG-REVIEW-ONCE"),
        (None, False, CONDITIONAL, None),
    ],
)
def test_review_request_window_and_once(days, requested, status, rule) -> None:  # type: ignore[no-untyped-def]
    advice = advise(
        "review-request", ContactFacts(delivered_days_ago=days, review_requested=requested)
    )
    assert advice.status == status
    if rule:
        assert rule in rules_of(advice, BLOCKED)


def test_opt_out_allows_only_critical_purposes() -> None:
    opted_out = ContactFacts(delivered_days_ago=3, buyer_opted_out=True)
    assert advise("invoice", opted_out).status == NOT_ALLOWED
    assert (
        advise("review-request", ContactFacts(delivered_days_ago=8, buyer_opted_out=True)).status
        == NOT_ALLOWED
    )
    custom = advise("custom-design", opted_out)
    assert custom.status == CONDITIONAL
    assert "[Important]" in next(r.en for r in custom.reasons if r.rule == "MSG-CRITICAL-IMPORTANT")


def test_other_purpose_is_conditional_and_mentions_confirmations() -> None:
    advice = advise("other", ContactFacts(delivered_days_ago=4))
    assert advice.status == CONDITIONAL
    assert {"MSG-PROACTIVE-REASONS", "MSG-NO-CONFIRMATION", "MSG-ORDER-ID"} <= rules_of(advice)


def test_every_purpose_answers_with_known_rules_in_both_languages() -> None:
    book = load_rules()
    for purpose in ADVISOR_PURPOSES:
        advice = advise(purpose, ContactFacts(buyer_wrote=True, delivered_days_ago=8))
        for reason in advice.reasons:
            assert reason.rule in book
            assert reason.text("en") and reason.text("zh-CN") != reason.text("en")
    with pytest.raises(ValueError):
        advise("newsletter", ContactFacts())


# -- fed from the store ---------------------------------------------------------------------


def _conversation(
    store, *, delivered_at=None, review_requested_at=None, relay="abc123@marketplace.amazon.com"
):  # type: ignore[no-untyped-def]
    with store.write() as db:
        db.execute(
            "INSERT INTO orders(order_id, ordered_at, delivered_at, review_requested_at) "
            "VALUES (?, ?, ?, ?)",
            [OID, "2026-11-10T10:00:00Z", delivered_at, review_requested_at],
        )
        cursor = db.execute(
            "INSERT INTO conversations(thread_key, order_id, relay_address) VALUES (?, ?, ?)",
            ["thread-1", OID, relay],
        )
        return cursor.lastrowid


def _message(store, conversation_id, kind, key, relay=None, order_id=None):  # type: ignore[no-untyped-def]
    with store.write() as db:
        db.execute(
            "INSERT INTO messages(message_key, conversation_id, kind, relay_address, order_id, "
            "received_at, raw, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                key,
                conversation_id,
                kind,
                relay,
                order_id,
                "2026-11-20T10:00:00Z",
                b"raw",
                "2026-11-20T10:00:00Z",
            ],
        )


def test_service_reads_delivery_review_and_opt_out_from_the_store(store) -> None:  # type: ignore[no-untyped-def]
    service = PolicyService(store)
    conversation = _conversation(store, delivered_at="2026-11-16T12:00:00Z")
    facts = service.facts(conversation, NOW)
    assert (facts.delivered_days_ago, facts.order_age_days) == (9, 15)
    assert not facts.buyer_wrote and not facts.review_requested and not facts.buyer_opted_out
    assert advise("review-request", service.facts(conversation, NOW)).status == ALLOWED

    _message(store, conversation, "buyer_message", "m1", relay="abc123@marketplace.amazon.com")
    assert advise("reply", service.facts(conversation, NOW)).status == ALLOWED

    _message(store, None, "optout_bounce", "m2", relay="ABC123@marketplace.amazon.com")
    assert service.facts(conversation, NOW).buyer_opted_out
    assert advise("review-request", service.facts(conversation, NOW)).status == NOT_ALLOWED


def test_a_sent_review_request_draft_counts_as_requested(store) -> None:  # type: ignore[no-untyped-def]
    service = PolicyService(store)
    conversation = _conversation(store, delivered_at="2026-11-16T12:00:00Z")
    with store.write() as db:
        db.execute(
            "INSERT INTO drafts(conversation_id, subject, body, purpose, created_at, updated_at, "
            "sent_at) VALUES (?, '', 'please review', 'review-request', ?, ?, NULL)",
            [conversation, "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"],
        )
    assert not service.facts(conversation, NOW).review_requested  # a draft not sent yet
    with store.write() as db:
        db.execute("UPDATE drafts SET sent_at = '2026-11-21T11:00:00Z'")
    assert service.facts(conversation, NOW).review_requested
    advice = advise("review-request", service.facts(conversation, NOW))
    assert advice.status == NOT_ALLOWED and "MSG-REVIEW-ONCE" in rules_of(advice, BLOCKED)


def test_review_requested_at_on_the_order_and_the_draft_check(store) -> None:  # type: ignore[no-untyped-def]
    service = PolicyService(store)
    conversation = _conversation(
        store, delivered_at="2026-11-16T12:00:00Z", review_requested_at="2026-11-22T08:00:00Z"
    )
    facts = service.facts(conversation, NOW)
    context = draft_context_from_facts(facts, "review-request")
    assert context.proactive and context.review_requested and context.delivered_days_ago == 9
    result = check_draft(f"Order {OID}: please share your experience on Amazon.", "", context)
    assert result.rule_ids == {"MSG-REVIEW-ONCE"}
    reply = draft_context_from_facts(facts, "reply")
    assert not reply.proactive and reply.purpose is None


def test_unknown_conversation_gives_no_facts(store) -> None:  # type: ignore[no-untyped-def]
    service = PolicyService(store)
    assert service.facts(None, NOW).has_order is False
    assert service.facts(9999, NOW).delivered_days_ago is None
