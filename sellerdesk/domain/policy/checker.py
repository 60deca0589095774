"""The draft checker: ``check_draft(text, subject, context) -> CheckResult``.

Every detector runs on one shared :class:`~sellerdesk.domain.policy.analysis.Analysis`;
their hits become :class:`~sellerdesk.domain.policy.model.Finding` objects carrying the rule's
severity and plain-language explanation from the rules file. Overlapping hits of the same rule
are merged. Nothing is compiled per call, so checking on every keystroke is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sellerdesk.domain.policy.analysis import Analysis
from sellerdesk.domain.policy.detectors import DETECTORS, Hit, contact, content, format, reviews
from sellerdesk.domain.policy.model import SUBJECT, CheckResult, DraftContext, Finding
from sellerdesk.domain.policy.rules import RuleBook, load_rules

_SUBJECT_DETECTORS = (contact.detect, format.detect, reviews.detect, content.detect)
_REPLY = DraftContext()


def check_draft(
    text: str,
    subject: str = "",
    context: DraftContext | None = None,
    rules: RuleBook | None = None,
) -> CheckResult:
    """All findings for a draft, in text order (whole-message findings first)."""
    book = rules or load_rules()
    context = context or DraftContext()
    analysis = Analysis(text, subject, context)
    hits: list[Hit] = [hit for detector in DETECTORS for hit in detector(analysis)]
    if subject.strip():
        hits.extend(_subject_hits(subject))
    findings = [_finding(hit, book) for hit in _merge(hits)]
    findings.sort(key=lambda f: (f.field != SUBJECT, not f.whole_message, f.start, f.end, f.rule))
    return CheckResult(findings=tuple(findings))


def _subject_hits(subject: str) -> Iterable[Hit]:
    analysis = Analysis(subject, "", _REPLY)
    for detector in _SUBJECT_DETECTORS:
        for hit in detector(analysis):
            if hit.rule != "CNT-LENGTH":
                yield replace(hit, field=SUBJECT)


def _merge(hits: list[Hit]) -> list[Hit]:
    """One hit per rule and place: overlapping or touching spans of a rule are joined."""
    merged: list[Hit] = []
    by_key: dict[tuple[str, str, bool], list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: (h.rule, h.field, h.start, h.end)):
        group = by_key.setdefault((hit.rule, hit.field, hit.whole), [])
        if group and (hit.whole or hit.start <= group[-1].end):
            last = group[-1]
            group[-1] = replace(last, end=max(last.end, hit.end))
        else:
            group.append(hit)
    for group in by_key.values():
        merged.extend(group)
    return merged


def _finding(hit: Hit, book: RuleBook) -> Finding:
    rule = book.get(hit.rule)
    example = rule.compliant_example.en if rule.compliant_example else ""
    return Finding(
        rule=hit.rule,
        severity=rule.severity,
        start=hit.start,
        end=hit.end,
        message=f"{hit.detail} {rule.explanation.en}",
        hint=example,
        field=hit.field,
        whole_message=hit.whole,
    )
