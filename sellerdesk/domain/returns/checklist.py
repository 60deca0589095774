"""The returns checklist: steps R1-R9 (amazon-policy.md §4.2), international (§4.4) and
A-to-z (§4.6) steps, each with its deadline computed from the case's own dates.

A step's id is either the step number of §4.2 (``R1``..``R9``) or the rule id of §4.4/§4.6 it
carries out (``RET-INTL-OPTIONS``, ``A2Z-RESPONSE``, ``A2Z-REFUND-FIRST``, ``A2Z-APPEAL``); its
title and explanation come from the rules file by that id. A step's status is the seller's
mark when there is one, else what the notices imply (a refund notice completes R7), else open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sellerdesk.domain.returns.calendar import add_business_days, add_calendar_days, add_hours
from sellerdesk.domain.returns.facts import CaseFacts

OPEN = "open"
DONE = "done"
NOT_APPLICABLE = "not_applicable"
STATUSES = (OPEN, DONE, NOT_APPLICABLE)

# Deadlines as Amazon words them (amazon-policy.md §4.2, §4.4, §4.6).
AUTHORIZE_RECOMMENDED_HOURS = 24  # R2: Amazon recommends 24 h ...
AUTHORIZE_LATE_HOURS = 48  # ... and counts an answer after 48 h as late.
REFUND_BUSINESS_DAYS = 2  # R7
SAFET_DAYS = 60  # R8
INTL_OPTION_DAYS = 5  # RET-INTL-DEADLINE (US page)
APPEAL_DAYS = 30  # A2Z-APPEAL
DUE_SOON = dt.timedelta(hours=24)

# Why a step has a status without the seller marking it (the GUI/CLI words these).
AUTO_REQUEST_IMPORTED = "request_imported"
AUTO_AUTHORIZED_BY_AMAZON = "authorized_by_amazon"
AUTO_REFUND_IMPORTED = "refund_imported"


@dataclass(frozen=True)
class StepMark:
    """The seller's own mark on a step (stored in ``return_steps``)."""

    step_id: str
    status: str
    done_at: dt.datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class StepState:
    """One checklist line as shown: status, deadline and where the status came from."""

    step_id: str
    status: str
    due: dt.datetime | None
    recommended: dt.datetime | None = None
    done_at: dt.datetime | None = None
    note: str = ""
    auto_reason: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.is_open and self.due is not None and self.due < now

    def is_due_soon(self, now: dt.datetime, within: dt.timedelta = DUE_SOON) -> bool:
        return self.is_open and self.due is not None and now <= self.due <= now + within

    def urgency(self, now: dt.datetime) -> str:
        """'overdue', 'due_soon', 'pending' (open, later or no deadline) or the status."""
        if not self.is_open:
            return self.status
        if self.is_overdue(now):
            return "overdue"
        return "due_soon" if self.is_due_soon(now) else "pending"


Deadline = Callable[[CaseFacts, dt.tzinfo], "dt.datetime | None"]
AutoStatus = Callable[[CaseFacts], "tuple[str, dt.datetime | None, str] | None"]


@dataclass(frozen=True)
class StepDefinition:
    """How one step applies to a case, when it is due and when notices settle it."""

    step_id: str
    section: str  # "4.2", "4.4" or "4.6"
    applies: Callable[[CaseFacts], bool]
    due: Deadline
    recommended: Deadline | None = None
    auto_status: AutoStatus | None = None


def _no_deadline(_: CaseFacts, __: dt.tzinfo) -> None:
    return None


def _authorize_late(facts: CaseFacts, _: dt.tzinfo) -> dt.datetime | None:
    if facts.requested_at is None:
        return None
    return add_hours(facts.requested_at, AUTHORIZE_LATE_HOURS)


def _authorize_recommended(facts: CaseFacts, _: dt.tzinfo) -> dt.datetime | None:
    if facts.requested_at is None:
        return None
    return add_hours(facts.requested_at, AUTHORIZE_RECOMMENDED_HOURS)


def _refund_due(facts: CaseFacts, tz: dt.tzinfo) -> dt.datetime | None:
    if facts.item_received_at is None:
        return None
    return add_business_days(facts.item_received_at, REFUND_BUSINESS_DAYS, facts.marketplace, tz)


def _safet_due(facts: CaseFacts, tz: dt.tzinfo) -> dt.datetime | None:
    if facts.refunded_at is None:
        return None
    return add_calendar_days(facts.refunded_at, SAFET_DAYS, tz)


def _intl_due(facts: CaseFacts, tz: dt.tzinfo) -> dt.datetime | None:
    anchor = facts.requested_at or facts.opened_at
    return add_calendar_days(anchor, INTL_OPTION_DAYS, tz)


def _atoz_response_due(facts: CaseFacts, _: dt.tzinfo) -> dt.datetime | None:
    return facts.atoz_deadline


def _appeal_due(facts: CaseFacts, tz: dt.tzinfo) -> dt.datetime | None:
    if facts.atoz_decided_at is None:
        return None
    return add_calendar_days(facts.atoz_decided_at, APPEAL_DAYS, tz)


def _request_seen(facts: CaseFacts) -> tuple[str, dt.datetime | None, str] | None:
    if facts.requested_at is None:
        return None
    return DONE, facts.requested_at, AUTO_REQUEST_IMPORTED


def _authorized_by_amazon(facts: CaseFacts) -> tuple[str, dt.datetime | None, str] | None:
    """R2/R3 are moot when Amazon authorised the return; a refund also answers the request."""
    if facts.authorization_required is False:
        return NOT_APPLICABLE, facts.requested_at, AUTO_AUTHORIZED_BY_AMAZON
    if facts.refunded_at is not None and facts.requested_at is not None:
        return DONE, facts.refunded_at, AUTO_REFUND_IMPORTED
    return None


def _refunded(facts: CaseFacts) -> tuple[str, dt.datetime | None, str] | None:
    if facts.refunded_at is None:
        return None
    return DONE, facts.refunded_at, AUTO_REFUND_IMPORTED


def _refunded_at_first_scan(facts: CaseFacts) -> tuple[str, dt.datetime | None, str] | None:
    """R5 happened if the refund came before the item; a refund after it settles R5 too."""
    if facts.refunded_at is None:
        return None
    if facts.item_received_at is not None and facts.item_received_at <= facts.refunded_at:
        return NOT_APPLICABLE, facts.refunded_at, AUTO_REFUND_IMPORTED
    return DONE, facts.refunded_at, AUTO_REFUND_IMPORTED


def _claim_refunded(facts: CaseFacts) -> tuple[str, dt.datetime | None, str] | None:
    if facts.refunded_at is None or facts.atoz_claim_at is None:
        return None
    if facts.refunded_at < facts.atoz_claim_at:
        return None
    return DONE, facts.refunded_at, AUTO_REFUND_IMPORTED


def _is_return(facts: CaseFacts) -> bool:
    """R1-R9 concern a return: a return request, a case opened by hand, or a refund that
    did not settle an A-to-z claim (a claim alone, e.g. "item not received", has only the
    A-to-z steps)."""
    if facts.requested_at is not None or facts.opened_by_hand:
        return True
    return facts.refunded_at is not None and facts.atoz_claim_at is None


def _international(facts: CaseFacts) -> bool:
    return facts.international


def _has_claim(facts: CaseFacts) -> bool:
    return facts.atoz_claim_at is not None


STEP_DEFINITIONS: tuple[StepDefinition, ...] = (
    StepDefinition("R1", "4.2", _is_return, _no_deadline, auto_status=_request_seen),
    StepDefinition(
        "R2", "4.2", _is_return, _authorize_late, _authorize_recommended, _authorized_by_amazon
    ),
    StepDefinition("R3", "4.2", _is_return, _authorize_late, auto_status=_authorized_by_amazon),
    StepDefinition("R4", "4.2", _is_return, _no_deadline),
    StepDefinition("R5", "4.2", _is_return, _no_deadline, auto_status=_refunded_at_first_scan),
    StepDefinition("R6", "4.2", _is_return, _no_deadline),
    StepDefinition("R7", "4.2", _is_return, _refund_due, auto_status=_refunded),
    StepDefinition("R8", "4.2", _is_return, _safet_due),
    StepDefinition("R9", "4.2", _is_return, _no_deadline),
    StepDefinition("RET-INTL-OPTIONS", "4.4", _international, _intl_due),
    StepDefinition("A2Z-RESPONSE", "4.6", _has_claim, _atoz_response_due),
    StepDefinition(
        "A2Z-REFUND-FIRST", "4.6", _has_claim, _no_deadline, auto_status=_claim_refunded
    ),
    StepDefinition("A2Z-APPEAL", "4.6", _has_claim, _appeal_due),
)
STEP_IDS: tuple[str, ...] = tuple(d.step_id for d in STEP_DEFINITIONS)
_BY_ID = {d.step_id: d for d in STEP_DEFINITIONS}


def step_definition(step_id: str) -> StepDefinition:
    try:
        return _BY_ID[step_id]
    except KeyError:
        raise KeyError(f"unknown return step {step_id!r}") from None


@dataclass(frozen=True)
class Checklist:
    """The steps of one case in checklist order, and the next one due."""

    steps: tuple[StepState, ...]

    @property
    def next_step(self) -> StepState | None:
        """The open step with the earliest deadline, else the first open step."""
        open_steps = [step for step in self.steps if step.is_open]
        timed = [step for step in open_steps if step.due is not None]
        if timed:
            return min(timed, key=lambda step: step.due)  # type: ignore[arg-type,return-value]
        return open_steps[0] if open_steps else None

    @property
    def is_complete(self) -> bool:
        return not any(step.is_open for step in self.steps)

    def get(self, step_id: str) -> StepState:
        for step in self.steps:
            if step.step_id == step_id:
                return step
        raise KeyError(step_id)

    def __contains__(self, step_id: object) -> bool:
        return any(step.step_id == step_id for step in self.steps)


def build_checklist(
    facts: CaseFacts, marks: Iterable[StepMark] | Mapping[str, StepMark], tz: dt.tzinfo
) -> Checklist:
    """Every step that applies to the case, with its status and deadlines."""
    by_id = dict(marks) if isinstance(marks, Mapping) else {m.step_id: m for m in marks}
    steps = tuple(
        _step_state(definition, facts, by_id.get(definition.step_id), tz)
        for definition in STEP_DEFINITIONS
        if definition.applies(facts)
    )
    return Checklist(steps)


def _step_state(
    definition: StepDefinition, facts: CaseFacts, mark: StepMark | None, tz: dt.tzinfo
) -> StepState:
    due = definition.due(facts, tz)
    recommended = definition.recommended(facts, tz) if definition.recommended else None
    if mark is not None:
        return StepState(
            definition.step_id, mark.status, due, recommended, mark.done_at, mark.note
        )
    auto = definition.auto_status(facts) if definition.auto_status else None
    if auto is not None:
        status, at, reason = auto
        return StepState(definition.step_id, status, due, recommended, at, "", reason)
    return StepState(definition.step_id, OPEN, due, recommended)
