"""What a detector returns: a rule id, where, and a short plain-language detail."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sellerdesk.domain.policy.analysis import Analysis
from sellerdesk.domain.policy.model import BODY


@dataclass(frozen=True)
class Hit:
    """A rule matched at ``start:end`` of ``field``; ``whole`` marks a whole-message finding."""

    rule: str
    start: int
    end: int
    detail: str
    field: str = BODY
    whole: bool = False


def whole_message(rule: str, detail: str) -> Hit:
    return Hit(rule, 0, 0, detail, whole=True)


Detector = Callable[[Analysis], Iterator[Hit]]


def quote(analysis: Analysis, start: int, end: int, limit: int = 60) -> str:
    """The original text of a span, shortened for messages."""
    text = " ".join(analysis.text[start:end].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
