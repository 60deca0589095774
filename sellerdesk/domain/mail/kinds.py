"""Which kind of Amazon notification a mail is.

Order of evidence: the ``X-Space-Notification-Type`` header Amazon sets (trusted only on mail
from Amazon's own domains), a relay sender (a buyer message), then the subject and body phrases
of each notice. Mail not sent from an Amazon domain is always ``other``.
"""

from __future__ import annotations

from sellerdesk.domain.mail.markers import KIND_PHRASES, NOTIFICATION_KINDS

KINDS = (
    "buyer_message",
    "return_request",
    "refund_issued",
    "atoz_claim",
    "optout_bounce",
    "reply_copy",
    "other",
)
# Phrase checks run in this order: the more specific notices first.
_PHRASE_ORDER = ("reply_copy", "optout_bounce", "atoz_claim", "refund_issued", "return_request")


def kind_from_phrases(subject: str, text: str) -> str | None:
    """The notice kind named by the subject, else by the body, if any."""
    for haystack in (subject.lower(), text[:3000].lower()):
        for kind in _PHRASE_ORDER:
            if any(phrase in haystack for phrase in KIND_PHRASES[kind]):
                return kind
    return None


def classify(
    *,
    from_amazon: bool,
    from_relay: bool,
    notification_type: str | None,
    subject: str,
    text: str,
    has_message_markers: bool,
) -> str:
    """One of ``KINDS``."""
    if not from_amazon:
        return "other"
    if notification_type:
        return NOTIFICATION_KINDS.get(notification_type, "other")
    if from_relay:
        return "buyer_message"
    by_phrase = kind_from_phrases(subject, text)
    if by_phrase:
        return by_phrase
    return "buyer_message" if has_message_markers else "other"
