"""Guardrails: the return rules that apply to a case right now, each with its rule id.

A guardrail names the rule (its title and explanation come from the rules file by id), how
strongly it applies (``block``: the planned action breaks the rule; ``warn``: a deadline or a
missing piece needs action; ``info``: a rule to keep in mind), a ``kind`` saying which
situation triggered it (the GUI and CLI word it) and the deadline it implies, if any.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sellerdesk.domain.returns.checklist import Checklist
from sellerdesk.domain.returns.facts import CaseFacts

BLOCK = "block"
WARN = "warn"
INFO = "info"
PHOTO_FEE_PERCENT = 20.0  # RET-RESTOCKING: a fee of 20% or more needs a photo.

# Situations (``Guardrail.kind``).
FEE_ON_SELLER_FAULT = "fee_on_seller_fault"
FEE_ON_IN_POLICY = "fee_on_in_policy"
NO_FEE_SELLER_FAULT = "no_fee_seller_fault"
NO_FEE_IN_POLICY = "no_fee_in_policy"
PHOTO_REQUIRED = "photo_required"
PHOTO_ATTACHED = "photo_attached"
REFUND_DUE = "refund_due"
SAFET_WINDOW = "safet_window"
INTL_OPTION_DUE = "intl_option_due"
APPEAL_WINDOW = "appeal_window"
REFUND_CLOSES_CLAIM = "refund_closes_claim"


@dataclass(frozen=True)
class Guardrail:
    rule_id: str
    level: str
    kind: str
    due: dt.datetime | None = None
    figure: float | None = None  # e.g. the planned fee in percent


def evaluate_guardrails(facts: CaseFacts, checklist: Checklist) -> list[Guardrail]:
    """The guardrails of one case, most severe first."""
    found = [
        *_restocking(facts),
        *_refund_deadline(checklist),
        *_safet(checklist),
        *_international(checklist),
        *_atoz(facts, checklist),
    ]
    order = {BLOCK: 0, WARN: 1, INFO: 2}
    return sorted(found, key=lambda g: order[g.level])


def _restocking(facts: CaseFacts) -> list[Guardrail]:
    fee = facts.restocking_fee_percent or 0.0
    rules: list[Guardrail] = []
    if facts.seller_fault:
        kind = FEE_ON_SELLER_FAULT if fee > 0 else NO_FEE_SELLER_FAULT
        rules.append(Guardrail("RET-RESTOCKING", BLOCK if fee > 0 else INFO, kind, figure=fee))
    elif facts.in_policy:
        kind = FEE_ON_IN_POLICY if fee > 0 else NO_FEE_IN_POLICY
        # Allowed only when the item came back used or damaged: the seller must be sure.
        rules.append(Guardrail("RET-RESTOCKING", WARN if fee > 0 else INFO, kind, figure=fee))
    if fee >= PHOTO_FEE_PERCENT:
        if facts.photo_count == 0:
            rules.append(Guardrail("RET-RESTOCKING", BLOCK, PHOTO_REQUIRED, figure=fee))
        else:
            rules.append(Guardrail("RET-RESTOCKING", INFO, PHOTO_ATTACHED, figure=fee))
    return rules


def _open_step(checklist: Checklist, step_id: str):  # type: ignore[no-untyped-def]
    if step_id not in checklist:
        return None
    step = checklist.get(step_id)
    return step if step.is_open and step.due is not None else None


def _refund_deadline(checklist: Checklist) -> list[Guardrail]:
    step = _open_step(checklist, "R7")
    return [Guardrail("R7", WARN, REFUND_DUE, step.due)] if step else []


def _safet(checklist: Checklist) -> list[Guardrail]:
    step = _open_step(checklist, "R8")
    return [Guardrail("R8", INFO, SAFET_WINDOW, step.due)] if step else []


def _international(checklist: Checklist) -> list[Guardrail]:
    step = _open_step(checklist, "RET-INTL-OPTIONS")
    return [Guardrail("RET-INTL-DEADLINE", WARN, INTL_OPTION_DUE, step.due)] if step else []


def _atoz(facts: CaseFacts, checklist: Checklist) -> list[Guardrail]:
    if facts.atoz_claim_at is None:
        return []
    rules: list[Guardrail] = []
    refund_first = checklist.get("A2Z-REFUND-FIRST")
    if refund_first.is_open:
        rules.append(Guardrail("A2Z-REFUND-FIRST", INFO, REFUND_CLOSES_CLAIM))
    appeal = _open_step(checklist, "A2Z-APPEAL")
    if appeal:
        rules.append(Guardrail("A2Z-APPEAL", WARN, APPEAL_WINDOW, appeal.due))
    return rules
