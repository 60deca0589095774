"""Speed of the draft checker: median check of a 2,000-character draft (goal: < 5 ms).

Run: ``pytest -m benchmark tests/benchmarks/bench_checker.py -s`` or
``python tests/benchmarks/bench_checker.py``.
"""

from __future__ import annotations

import statistics
import time

import pytest

from sellerdesk.domain.policy.checker import check_draft
from sellerdesk.domain.policy.model import DraftContext

GOAL_MS = 5.0
ROUNDS = 300
_PARAGRAPHS = (
    "Hello Sarah, thank you for your message about order 111-2223334-4445556. ",
    "The parcel left our warehouse on 2026-11-24 with UPS, tracking 1Z999AA10123456784. ",
    "We are sorry it is late; the carrier missed the pickup on Monday at 16:00. ",
    "If it does not arrive by Friday we will send a free replacement at no cost. ",
    "The charger (ASIN B07XJ8C8F5, model XK-2000-B) costs $19.99 and works with 110-240 V. ",
    "Leave a review and we will refund your shipping. Visit www.mybrand.com today! ",
    "我们会尽快处理，如有问题请直接回复此消息。 ",
    "Wir werden Ihre Anfrage prüfen und Ihnen innerhalb von 24 Stunden antworten. ",
)


def draft_of(length: int = 2000) -> str:
    text = ""
    index = 0
    while len(text) < length:
        text += _PARAGRAPHS[index % len(_PARAGRAPHS)]
        index += 1
    return text[:length]


def goal_verdict(met: bool) -> str:
    """Timings are printed against their goal, never asserted (they depend on the machine)."""
    return "goal met" if met else "goal missed"


def median_check_ms(text: str, context: DraftContext, rounds: int = ROUNDS) -> float:
    check_draft(text, "Re: your order", context)  # warm-up: rules file, lazy imports
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        check_draft(text, "Re: your order", context)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


@pytest.mark.benchmark
def test_median_check_of_a_2000_character_draft_is_under_goal() -> None:
    text = draft_of(2000)
    assert len(text) == 2000
    for context in (
        DraftContext(),
        DraftContext(proactive=True, purpose="review-request", delivered_days_ago=12),
    ):
        median = median_check_ms(text, context)
        kind = "proactive" if context.proactive else "reply"
        print(
            f"\nmedian check of a 2,000-character draft ({kind}): "
            f"{median:.2f} ms (goal < {GOAL_MS} ms, {ROUNDS} rounds: "
            f"{goal_verdict(median < GOAL_MS)})"
        )


if __name__ == "__main__":
    for ctx in (DraftContext(), DraftContext(proactive=True, purpose="review-request")):
        print(f"median {median_check_ms(draft_of(), ctx):.2f} ms")
