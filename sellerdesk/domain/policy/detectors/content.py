"""What the message is for: MSG-NO-MARKETING, MSG-SCOPE, MSG-NO-CONFIRMATION,
MSG-NO-THANKS-ONLY, MSG-NO-OPTOUT-LINK, MSG-NO-ASK-CANCEL, CNT-SENSITIVE and
CNT-AMAZON-IMPERSONATION.

Confirmations, check-ins and thank-you-only messages are only a problem when the seller starts
the conversation; a reply to the buyer may thank them or give the tracking number they asked
for.
"""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.policy.analysis import Analysis
from sellerdesk.domain.policy.detectors.base import Hit, quote


def detect(analysis: Analysis) -> Iterator[Hit]:
    yield from _marketing(analysis)
    yield from _spans(analysis, "scope", "MSG-SCOPE", "Not about completing the order")
    yield from _spans(analysis, "optout", "MSG-NO-OPTOUT-LINK", "An unsubscribe / opt-out line")
    yield from _spans(analysis, "ask_cancel", "MSG-NO-ASK-CANCEL", "Asks the buyer to cancel")
    yield from _spans(analysis, "sensitive", "CNT-SENSITIVE", "Threatening or offensive wording")
    yield from _spans(
        analysis, "impersonation", "CNT-AMAZON-IMPERSONATION", "Signs as if the seller were Amazon"
    )
    if analysis.context.proactive:
        yield from _spans(analysis, "checkin", "MSG-SCOPE", "A check-in is not an allowed reason")
        yield from _confirmations(analysis)
        yield from _thanks_only(analysis)


def _spans(analysis: Analysis, concept: str, rule: str, detail: str) -> Iterator[Hit]:
    for span in analysis.spans(concept):
        yield Hit(rule, *span, f"{detail}: “{quote(analysis, *span)}”.")


def _marketing(analysis: Analysis) -> Iterator[Hit]:
    yield from _spans(analysis, "marketing", "MSG-NO-MARKETING", "Marketing or cross-selling")
    for span in analysis.spans("next_order"):
        index = analysis.sentence_index(span[0])
        if analysis.in_sentence("value", index):
            yield Hit(
                "MSG-NO-MARKETING",
                *span,
                f"An offer for a future purchase: “{quote(analysis, *span)}”.",
            )


def _confirmations(analysis: Analysis) -> Iterator[Hit]:
    if analysis.has("problem"):
        return
    for span in analysis.spans("confirmation"):
        yield Hit(
            "MSG-NO-CONFIRMATION",
            *span,
            "An order/shipping/delivery confirmation Amazon already sends: "
            f"“{quote(analysis, *span)}”.",
        )


def _thanks_only(analysis: Analysis) -> Iterator[Hit]:
    if not analysis.sentences:
        return
    if not all(analysis.filler_sentences):
        return
    spans = analysis.spans("thanks") or analysis.spans("filler")
    if not spans:
        return
    start, end = spans[0]
    yield Hit(
        "MSG-NO-THANKS-ONLY",
        start,
        end,
        "The message only thanks the buyer or offers help; that is not a reason to write first.",
    )
