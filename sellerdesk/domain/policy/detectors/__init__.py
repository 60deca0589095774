"""The detectors, one module per family of rules; each yields :class:`Hit` objects."""

from __future__ import annotations

from sellerdesk.domain.policy.detectors import contact, content, context, format, reviews
from sellerdesk.domain.policy.detectors.base import Detector, Hit

DETECTORS: tuple[Detector, ...] = (
    contact.detect,
    format.detect,
    reviews.detect,
    content.detect,
    context.detect,
)

__all__ = ["DETECTORS", "Detector", "Hit"]
