"""Rules that depend on the draft's context: MSG-ORDER-ID, MSG-PROACTIVE-30D,
MSG-PROACTIVE-REASONS, MSG-REASON-MATCH and MSG-CRITICAL-IMPORTANT (the subject's
``[Important]`` tag).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sellerdesk.domain.policy.analysis import Analysis
from sellerdesk.domain.policy.detectors.base import Hit, whole_message
from sellerdesk.domain.policy.model import CRITICAL_PURPOSES, PROACTIVE_WINDOW_DAYS, SUBJECT

ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")
IMPORTANT_TAG = re.compile(r"[\[【［]\s*important\s*[\]】］]", re.IGNORECASE)
_REASON_CONCEPTS = ("problem", "reason", "address")


def detect(analysis: Analysis) -> Iterator[Hit]:
    context = analysis.context
    if context.proactive:
        yield from _order_id(analysis)
        yield from _window(analysis)
        yield from _reasons(analysis)
        yield from _reason_match(analysis)
    yield from _important(analysis)


def _order_id(analysis: Analysis) -> Iterator[Hit]:
    if not ORDER_ID.search(analysis.norm) and not ORDER_ID.search(analysis.subject_norm):
        yield whole_message("MSG-ORDER-ID", "The message does not contain the Amazon order id.")


def _window(analysis: Analysis) -> Iterator[Hit]:
    days = analysis.context.delivered_days_ago
    if days is not None and days > PROACTIVE_WINDOW_DAYS:
        yield whole_message(
            "MSG-PROACTIVE-30D",
            f"The order was delivered {days} days ago; messages you start must be sent within "
            f"{PROACTIVE_WINDOW_DAYS} days.",
        )


def _reasons(analysis: Analysis) -> Iterator[Hit]:
    purpose = analysis.context.purpose
    if purpose not in (None, "other") or not analysis.sentences:
        return
    if any(analysis.has(concept) for concept in _REASON_CONCEPTS) or analysis.review_request_spans:
        return
    if analysis.has("confirmation"):
        return  # reported as MSG-NO-CONFIRMATION
    if all(analysis.filler_sentences):
        return  # reported as MSG-NO-THANKS-ONLY
    yield whole_message(
        "MSG-PROACTIVE-REASONS",
        "The message does not say which allowed reason (order problem, information needed, "
        "return, invoice, review, delivery or design) it is sent for.",
    )


def _reason_match(analysis: Analysis) -> Iterator[Hit]:
    purpose = analysis.context.purpose
    if purpose in (None, "review-request", "other"):
        return
    for span in analysis.review_request_spans[:1]:
        yield Hit(
            "MSG-REASON-MATCH",
            *span,
            f"A review request inside a “{purpose}” message; send it on its own, once.",
        )


def _important(analysis: Analysis) -> Iterator[Hit]:
    tag = IMPORTANT_TAG.search(analysis.subject_norm)
    if tag is None:
        return
    why = _not_critical_because(analysis)
    if why:
        yield Hit(
            "MSG-CRITICAL-IMPORTANT",
            *tag.span(),
            f"[Important] is only for critical messages; {why}.",
            field=SUBJECT,
        )


def _not_critical_because(analysis: Analysis) -> str | None:
    purpose = analysis.context.purpose
    if analysis.review_request_spans or analysis.has("review_proof"):
        return "this is a review request"
    if analysis.has("marketing"):
        return "the message contains marketing"
    if analysis.has("confirmation") and not analysis.has("problem"):
        return "order or shipping confirmations are not critical"
    if purpose is None:
        return None
    if purpose == "fulfilment-problem":
        return None if analysis.has("address") else "only address problems are critical"
    if purpose not in CRITICAL_PURPOSES:
        return f"a “{purpose}” message is not critical"
    return None
