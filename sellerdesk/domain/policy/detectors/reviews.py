"""Reviews and feedback: MSG-NO-INCENTIVE, MSG-NO-POSITIVE-ONLY, MSG-NO-REVIEW-CHANGE,
CNT-REVIEW-INSTRUCTIONS and MSG-REVIEW-ONCE.

A review word alone is never a finding; these rules look at what a review word is tied to in
the same sentence (or the next one, when a connector such as "in return" links them): a thing
of value, a positive qualifier, a condition on the buyer's satisfaction, a request to change
it, or instructions on what to write.
"""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.policy.analysis import Analysis, Span, cover, overlaps_any
from sellerdesk.domain.policy.detectors.base import Hit, quote
from sellerdesk.domain.policy.model import REVIEW_WINDOW_DAYS


def detect(analysis: Analysis) -> Iterator[Hit]:
    if not analysis.sentences:
        return
    yield from _incentives(analysis)
    yield from _positive_only(analysis)
    yield from _review_change(analysis)
    yield from _instructions(analysis)
    yield from _review_once(analysis)


def _review_words(analysis: Analysis, index: int) -> list[Span]:
    return (
        analysis.review_in_sentence(index)
        + analysis.in_sentence("review_proof", index)
        + analysis.unmasked_in_sentence("positive", index)
        + analysis.unmasked_in_sentence("review_request", index)
    )


def _incentives(analysis: Analysis) -> Iterator[Hit]:
    count = len(analysis.sentences)
    flagged: set[int] = set()
    for index in range(count):
        reviews = _review_words(analysis, index)
        if not reviews:
            continue
        values = analysis.in_sentence("value", index)
        if values or analysis.in_sentence("review_proof", index):
            flagged.add(index)
            start, end = cover(reviews, values)
            yield Hit("MSG-NO-INCENTIVE", start, end, _incentive_detail(analysis, start, end))
            continue
        for other in (index - 1, index + 1):
            if other < 0 or other >= count or other in flagged:
                continue
            values = analysis.in_sentence("value", other)
            linked = analysis.in_sentence("exchange", other) or analysis.in_sentence(
                "exchange", index
            )
            if values and linked and not _review_words(analysis, other):
                flagged.add(other)
                start, end = cover(values, analysis.in_sentence("exchange", other) or values)
                yield Hit("MSG-NO-INCENTIVE", start, end, _incentive_detail(analysis, start, end))


def _incentive_detail(analysis: Analysis, start: int, end: int) -> str:
    return f"Something of value is tied to a review or feedback: “{quote(analysis, start, end)}”."


def _positive_only(analysis: Analysis) -> Iterator[Hit]:
    count = len(analysis.sentences)
    for index in range(count):
        reviews = _review_words(analysis, index)
        positives = analysis.unmasked_in_sentence("positive", index)
        if positives and (reviews or analysis.in_sentence("request_verb", index)):
            yield _positive_hit(analysis, positives, "Asks for a positive rating")
        neighbours = [i for i in range(index - 2, index + 3) if 0 <= i < count]
        review_near = any(_review_words(analysis, i) for i in neighbours)
        happy = analysis.in_sentence("happy_if", index)
        if happy and review_near:
            yield _positive_hit(analysis, happy, "Asks only satisfied buyers to review")
        for concept in ("unhappy_first",):
            spans = analysis.in_sentence(concept, index)
            if spans:
                yield _positive_hit(analysis, spans, "Steers unhappy buyers away from reviewing")
        first = analysis.in_sentence("contact_first", index)
        if first and review_near:
            yield _positive_hit(analysis, first, "Asks buyers to contact you before reviewing")
        negative = analysis.in_sentence("negative_review", index)
        if negative and analysis.in_sentence("contact_us", index):
            yield _positive_hit(analysis, negative, "Diverts a negative review to private contact")


def _positive_hit(analysis: Analysis, spans: list[Span], detail: str) -> Hit:
    start, end = cover(spans)
    return Hit("MSG-NO-POSITIVE-ONLY", start, end, f"{detail}: “{quote(analysis, start, end)}”.")


def _review_change(analysis: Analysis) -> Iterator[Hit]:
    masks = analysis.spans("review_mask")
    for start, end in analysis.spans("review_change"):
        if overlaps_any((end - 1, end), masks):
            continue
        yield Hit(
            "MSG-NO-REVIEW-CHANGE",
            start,
            end,
            f"Asks the buyer to change or remove a review: “{quote(analysis, start, end)}”.",
        )


def _instructions(analysis: Analysis) -> Iterator[Hit]:
    for index in range(len(analysis.sentences)):
        reviews = analysis.review_in_sentence(index)
        instructions = analysis.in_sentence("review_instruct", index)
        if reviews and instructions:
            start, end = cover(reviews, instructions)
            yield Hit(
                "CNT-REVIEW-INSTRUCTIONS",
                start,
                end,
                f"Tells the buyer what to write: “{quote(analysis, start, end)}”.",
            )


def _review_once(analysis: Analysis) -> Iterator[Hit]:
    requests = analysis.review_request_spans
    if not requests:
        return
    context = analysis.context
    first = requests[0]
    if context.review_requested:
        yield Hit("MSG-REVIEW-ONCE", *first, "A review was already requested for this order.")
    else:
        thanks = analysis.spans("thanks")
        for span in requests:
            index = analysis.sentence_index(span[0])
            reminders = [
                r for r in analysis.in_sentence("reminder", index) if not overlaps_any(r, thanks)
            ]
            if reminders:
                start, end = cover([span], reminders)
                yield Hit("MSG-REVIEW-ONCE", start, end, "A repeated review request (reminder).")
                break
    days = context.delivered_days_ago
    low, high = REVIEW_WINDOW_DAYS
    if days is not None and not low <= days <= high:
        yield Hit(
            "MSG-REVIEW-ONCE",
            *first,
            f"Review requests are allowed {low} to {high} days after delivery; this order was "
            f"delivered {days} days ago.",
        )
