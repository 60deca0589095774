"""Value types of the policy engine: the draft's context, findings and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field

PURPOSES: tuple[str, ...] = (
    "fulfilment-problem",
    "info-needed",
    "return-question",
    "invoice",
    "review-request",
    "delivery-scheduling",
    "custom-design",
    "other",
)
# Amazon's opt-out bounce lists these as critical (deliverable with "[Important]").
CRITICAL_PURPOSES: frozenset[str] = frozenset(
    {"info-needed", "delivery-scheduling", "custom-design"}
)
# Messages the seller starts must be sent within this many days of delivery (MSG-PROACTIVE-30D).
PROACTIVE_WINDOW_DAYS = 30
# A review request may be sent from the first to the last of these days after delivery.
REVIEW_WINDOW_DAYS = (5, 30)

VERDICT_OK = "ok"
VERDICT_WARN = "warn"
VERDICT_BLOCK = "block"
_SEVERITY_RANK = {"info": 0, "warn": 1, "block": 2}

BODY = "body"
SUBJECT = "subject"


@dataclass(frozen=True)
class DraftContext:
    """What the checker knows about the draft beyond its words.

    ``proactive`` is True for a message the seller starts (not a reply to the buyer).
    ``purpose`` is one of :data:`PURPOSES` or None when unknown. ``delivered_days_ago`` is
    None when the delivery date is unknown.
    """

    proactive: bool = False
    purpose: str | None = None
    delivered_days_ago: int | None = None
    review_requested: bool = False

    def __post_init__(self) -> None:
        if self.purpose is not None and self.purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {self.purpose!r}; expected one of {PURPOSES}")


@dataclass(frozen=True)
class Finding:
    """One rule broken (or at risk) at one place of the draft.

    ``start``/``end`` are Python ``str`` indices into the field named by ``field`` (the body
    text unless ``field == "subject"``). A finding about the whole message (a missing order id,
    a message sent too late) has ``start == end == 0`` and ``whole_message`` True.
    """

    rule: str
    severity: str
    start: int
    end: int
    message: str
    hint: str = ""
    field: str = BODY
    whole_message: bool = False

    @property
    def blocks(self) -> bool:
        return self.severity == "block"


@dataclass(frozen=True)
class CheckResult:
    """The checker's answer: the verdict and every finding, in text order."""

    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        worst = max((_SEVERITY_RANK.get(f.severity, 0) for f in self.findings), default=0)
        return {2: VERDICT_BLOCK, 1: VERDICT_WARN}.get(worst, VERDICT_OK)

    @property
    def rule_ids(self) -> set[str]:
        return {finding.rule for finding in self.findings}

    def to_json_dict(self) -> dict[str, object]:
        """The ``sellerdesk check --json`` document (start/end index the body text)."""
        return {
            "verdict": self.verdict,
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity,
                    "start": f.start if f.field == BODY else 0,
                    "end": f.end if f.field == BODY else 0,
                    "message": f.message if f.field == BODY else f"Subject: {f.message}",
                }
                for f in self.findings
            ],
        }


def override_required(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """Rule ids (sorted, unique) whose block findings need an explicit override to send."""
    return sorted({finding.rule for finding in findings if finding.blocks})
