"""Return cases: opened and advanced from imported notices or by hand; listed by deadline.

``apply_notices`` is called by the importer after each committed batch (and by reparse): it
folds every return/refund/A-to-z notice of the touched orders into their cases in one
transaction. Folding all of an order's notices, rather than the new ones only, makes it
idempotent and order-independent. After any change a case's ``next_step`` and
``next_due_at`` columns are recomputed, so the inbox and the due-today view can query them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from sellerdesk.domain.policy.rules import load_rules
from sellerdesk.domain.returns.calendar import marketplace_country
from sellerdesk.domain.returns.checklist import (
    DONE,
    OPEN,
    STATUSES,
    STEP_IDS,
    Checklist,
    StepMark,
    build_checklist,
    step_definition,
)
from sellerdesk.domain.returns.facts import CaseFacts, NoticeSummary, summarize_notices
from sellerdesk.domain.returns.guardrails import Guardrail, evaluate_guardrails
from sellerdesk.domain.returns.reasons import is_seller_fault
from sellerdesk.domain.timeutil import TIMEZONE_SETTING, resolve_timezone, to_iso, utc_now
from sellerdesk.errors import UsageError
from sellerdesk.store import returns_repo as repo
from sellerdesk.store.returns_repo import iso, parse_iso
from sellerdesk.store.store import Store, read_setting

SHIP_FROM_SETTING = "returns.ship_from_country"
HAND_FACTS = ("item_received_at", "atoz_decided_at", "international", "restocking_fee_percent")


@dataclass(frozen=True)
class CaseView:
    """One case as every front end shows it: stored row, facts, checklist and guardrails."""

    case: dict[str, Any]
    facts: CaseFacts
    checklist: Checklist
    guardrails: list[Guardrail]
    tz: dt.tzinfo
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def case_id(self) -> int:
        return int(self.case["id"])

    @property
    def order_id(self) -> str:
        return str(self.case["order_id"])


# -- settings ----------------------------------------------------------------------------------


def seller_timezone(db: Database) -> dt.tzinfo:
    """The seller's time zone (setting ``timezone``, an IANA name), else the system's."""
    return resolve_timezone(read_setting(db, TIMEZONE_SETTING))


def _ships_internationally(db: Database, marketplace: str | None) -> bool:
    ship_from = (read_setting(db, SHIP_FROM_SETTING) or "").strip().upper()
    if not ship_from:
        return False
    return marketplace_country(ship_from)[0] != marketplace_country(marketplace)[0]


# -- notices -----------------------------------------------------------------------------------


def apply_notices(store: Store, message_rowids: list[int]) -> None:
    """Open or advance the return case of every order these notices are about (idempotent)."""
    if not message_rowids:
        return
    with store.write() as db:
        tz = seller_timezone(db)
        for order_id in repo.notice_orders(db, message_rowids):
            notices = repo.notices_for_order(db, order_id)
            if notices:
                _apply_summary(db, summarize_notices(notices, tz), tz)


def _apply_summary(db: Database, summary: NoticeSummary, tz: dt.tzinfo) -> int:
    repo.ensure_order(db, summary.order_id, summary.marketplace, summary.item_title)
    case = repo.get_case_by_order(db, summary.order_id)
    values = _values_from_summary(db, summary, case)
    if case is None:
        values.update(
            order_id=summary.order_id,
            opened_at=summary.first_at,
            opened_by="import",
            international=_ships_internationally(db, summary.marketplace),
        )
        case_id = repo.insert_case(db, values)
    else:
        case_id = int(case["id"])
        repo.update_case(db, case_id, values)
    _refresh_status(db, case_id, tz)
    return case_id


def _values_from_summary(
    db: Database, summary: NoticeSummary, case: dict[str, Any] | None
) -> dict[str, Any]:
    """Case columns the notices fill; a detail the notices do not give keeps its old value."""
    old = case or {}
    data = dict(old.get("data") or {})
    data["notice_keys"] = list(summary.message_keys)
    for key in ("sku", "in_policy", "authorization_required", "refund_amount", "claim_amount"):
        value = getattr(summary, key)
        if value is not None:
            data[key] = value
    conversation = summary.conversation_id or repo.conversation_for_order(db, summary.order_id)
    fields: dict[str, Any] = {
        "marketplace": summary.marketplace,
        "conversation_id": conversation,
        "item_title": summary.item_title,
        "asin": summary.asin,
        "quantity": summary.quantity,
        "reason": summary.reason,
        "buyer_comment": summary.buyer_comment,
        "seller_fault": summary.seller_fault,
        "carrier": summary.carrier,
        "tracking": summary.tracking,
        "amount": summary.amount,
        "currency": summary.currency,
        "requested_at": summary.requested_at,
        "authorized_at": summary.requested_at if summary.authorization_required is False else None,
        "refunded_at": summary.refunded_at,
        "atoz_claim_at": summary.atoz_claim_at,
        "atoz_deadline": summary.atoz_deadline,
    }
    values = {key: value if value is not None else old.get(key) for key, value in fields.items()}
    values["data"] = data
    return values


# -- derived columns ---------------------------------------------------------------------------


def facts_of(case: dict[str, Any], photo_count: int = 0) -> CaseFacts:
    """The checklist's view of a stored case row."""
    data = case.get("data") or {}
    fee = data.get("restocking_fee_percent")
    return CaseFacts(
        order_id=case["order_id"],
        marketplace=case["marketplace"],
        opened_at=parse_iso(case["opened_at"]) or utc_now(),
        requested_at=parse_iso(case["requested_at"]),
        authorization_required=data.get("authorization_required"),
        in_policy=data.get("in_policy"),
        international=bool(case["international"]),
        item_received_at=parse_iso(case["item_received_at"]),
        refunded_at=parse_iso(case["refunded_at"]),
        atoz_claim_at=parse_iso(case["atoz_claim_at"]),
        atoz_deadline=parse_iso(case["atoz_deadline"]),
        atoz_decided_at=parse_iso(data.get("atoz_decided_at")),
        reason=case["reason"],
        seller_fault=None if case["seller_fault"] is None else bool(case["seller_fault"]),
        restocking_fee_percent=float(fee) if fee is not None else None,
        photo_count=photo_count,
        opened_by_hand=case.get("opened_by") == "hand",
    )


def refresh_case(db: Database, case_id: int, tz: dt.tzinfo | None = None) -> CaseView:
    """Recompute a case's checklist, status, next step and next deadline, and store them."""
    view = _view(db, case_id, tz or seller_timezone(db))
    _store_status(db, case_id, view.case, view.checklist)
    return view


def _refresh_status(db: Database, case_id: int, tz: dt.tzinfo) -> None:
    """``refresh_case`` for callers that need no view (the importer's notices): the same
    stored columns, without the guardrails and evidence list a view also reads."""
    case = _case_row(db, case_id)
    _store_status(db, case_id, case, _checklist(db, case_id, case, tz)[1])


def _store_status(db: Database, case_id: int, case: dict[str, Any], checklist: Checklist) -> None:
    """Store the status, next step and next deadline the checklist gives, where changed."""
    step = checklist.next_step
    values = {
        "status": "closed" if checklist.is_complete else "open",
        "next_step": step.step_id if step else None,
        "next_due_at": iso(step.due) if step else None,
    }
    if any(case.get(key) != value for key, value in values.items()):
        repo.update_case(db, case_id, values)
        case.update(values)


def _case_row(db: Database, case_id: int) -> dict[str, Any]:
    case = repo.get_case(db, case_id)
    if case is None:
        raise UsageError(f"there is no return case {case_id}")
    return case


def _checklist(
    db: Database, case_id: int, case: dict[str, Any], tz: dt.tzinfo
) -> tuple[CaseFacts, Checklist]:
    """The case's facts and its checklist (with the seller's marks)."""
    facts = facts_of(case, repo.photo_count(db, case_id))
    return facts, build_checklist(facts, repo.step_marks(db, case_id), tz)


def _view(db: Database, case_id: int, tz: dt.tzinfo) -> CaseView:
    case = _case_row(db, case_id)
    facts, checklist = _checklist(db, case_id, case, tz)
    return CaseView(
        case=case,
        facts=facts,
        checklist=checklist,
        guardrails=evaluate_guardrails(facts, checklist),
        tz=tz,
        evidence=repo.list_evidence(db, case_id),
    )


# -- reading -----------------------------------------------------------------------------------


def get_case(store: Store, case_id: int) -> CaseView:
    with store.read() as db:
        return _view(db, case_id, seller_timezone(db))


def case_for_order(store: Store, order_id: str) -> CaseView | None:
    with store.read() as db:
        case = repo.get_case_by_order(db, order_id)
        return _view(db, int(case["id"]), seller_timezone(db)) if case else None


def case_for_conversation(store: Store, conversation_id: int) -> CaseView | None:
    """The return case of a conversation's order, if there is one."""
    with store.read() as db:
        case = repo.case_for_conversation(db, conversation_id)
        return _view(db, int(case["id"]), seller_timezone(db)) if case else None


def order_for_conversation(store: Store, conversation_id: int) -> str | None:
    with store.read() as db:
        return repo.order_for_conversation(db, conversation_id)


def list_cases(
    store: Store,
    *,
    due_within: dt.timedelta | None = None,
    now: dt.datetime | None = None,
    include_closed: bool = False,
) -> list[CaseView]:
    """Open cases, overdue first, then by next deadline; ``due_within`` keeps only cases
    whose next deadline falls before ``now + due_within`` (overdue ones included)."""
    now = now or utc_now()
    with store.read() as db:
        tz = seller_timezone(db)
        rows = repo.list_cases(db, None if include_closed else "open")
        views = [_view(db, int(row["id"]), tz) for row in rows]
    if due_within is not None:
        limit = now + due_within
        views = [v for v in views if _next_due(v) is not None and _next_due(v) <= limit]
    return sorted(views, key=lambda v: _sort_key(v, now))


def _next_due(view: CaseView) -> dt.datetime | None:
    step = view.checklist.next_step
    return step.due if step else None


def _sort_key(view: CaseView, now: dt.datetime) -> tuple[int, str, str]:
    due = _next_due(view)
    overdue = 0 if due is not None and due < now else 1
    return (overdue if due is not None else 2, to_iso(due) if due else "", view.case["opened_at"])


def case_messages(store: Store, view: CaseView) -> list[dict[str, Any]]:
    with store.read() as db:
        return repo.case_messages(db, view.order_id, view.case.get("conversation_id"))


# -- changing ----------------------------------------------------------------------------------


def open_case(
    store: Store,
    order_id: str,
    *,
    marketplace: str | None = None,
    reason: str | None = None,
    requested_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> CaseView:
    """Open a case by hand (or return the order's existing case), then fold in its notices."""
    order_id = order_id.strip()
    if not order_id:
        raise UsageError("an order id is needed to open a return case")
    now = now or utc_now()
    with store.write() as db:
        tz = seller_timezone(db)
        existing = repo.get_case_by_order(db, order_id)
        if existing is not None:
            return refresh_case(db, int(existing["id"]), tz)
        order = repo.order_row(db, order_id)
        marketplace = marketplace or (order or {}).get("marketplace")
        repo.ensure_order(db, order_id, marketplace, None)
        case_id = repo.insert_case(
            db,
            {
                "order_id": order_id,
                "marketplace": marketplace,
                "opened_at": now,
                "opened_by": "hand",
                "item_title": (order or {}).get("item_title"),
                "reason": reason,
                "seller_fault": is_seller_fault(reason),
                "requested_at": requested_at,
                "conversation_id": repo.conversation_for_order(db, order_id),
                "international": _ships_internationally(db, marketplace),
            },
        )
        notices = repo.notices_for_order(db, order_id)
        if notices:
            _apply_summary(db, summarize_notices(notices, tz), tz)
        return refresh_case(db, case_id, tz)


def mark_step(
    store: Store,
    case_id: int,
    step_id: str,
    status: str,
    *,
    at: dt.datetime | None = None,
    note: str = "",
) -> CaseView:
    """Mark a step done / not applicable (with time and note), or ``open`` to undo a mark.

    Marking R6 (inspect on arrival) done also records when the item arrived, if that date is
    not known yet, which starts the R7 refund deadline.
    """
    step_definition(step_id)
    if status not in STATUSES:
        raise UsageError(f"a step's status is one of {', '.join(STATUSES)}, not {status!r}")
    at = at or utc_now()
    with store.write() as db:
        case = repo.get_case(db, case_id)
        if case is None:
            raise UsageError(f"there is no return case {case_id}")
        if status == OPEN and not note:
            repo.clear_step_mark(db, case_id, step_id)
        else:
            done_at = None if status == OPEN else at
            repo.set_step_mark(db, case_id, StepMark(step_id, status, done_at, note.strip()))
        if step_id == "R6" and status == DONE and not case["item_received_at"]:
            repo.update_case(db, case_id, {"item_received_at": at})
        return refresh_case(db, case_id)


def set_case_facts(store: Store, case_id: int, **facts: Any) -> CaseView:
    """Set facts only the seller knows: ``item_received_at``, ``atoz_decided_at`` (aware
    datetimes or None), ``international`` (bool), ``restocking_fee_percent`` (0-100 or None)."""
    unknown = set(facts) - set(HAND_FACTS)
    if unknown:
        raise UsageError(f"unknown case facts: {', '.join(sorted(unknown))}")
    with store.write() as db:
        case = repo.get_case(db, case_id)
        if case is None:
            raise UsageError(f"there is no return case {case_id}")
        values, data = _hand_values(facts, dict(case["data"]))
        values["data"] = data
        repo.update_case(db, case_id, values)
        return refresh_case(db, case_id)


def _hand_values(facts: dict[str, Any], data: dict[str, Any]) -> tuple[dict[str, Any], dict]:
    values: dict[str, Any] = {}
    if "item_received_at" in facts:
        values["item_received_at"] = _aware_or_none(facts["item_received_at"])
    if "international" in facts:
        values["international"] = bool(facts["international"])
    if "atoz_decided_at" in facts:
        data["atoz_decided_at"] = iso(_aware_or_none(facts["atoz_decided_at"]))
    if "restocking_fee_percent" in facts:
        fee = facts["restocking_fee_percent"]
        if fee is not None and not 0 <= float(fee) <= 100:
            raise UsageError("a restocking fee is a percentage from 0 to 100")
        data["restocking_fee_percent"] = None if fee is None else float(fee)
    return values, data


def _aware_or_none(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise UsageError("case dates need a time zone")
    return value


def refresh_all(store: Store, case_ids: Iterable[int] | None = None) -> None:
    """Recompute the derived columns of some or all cases (after a time-zone change)."""
    with store.write() as db:
        tz = seller_timezone(db)
        ids = list(case_ids) if case_ids is not None else [
            int(row[0]) for row in db.execute("SELECT id FROM return_cases").fetchall()
        ]
        for case_id in ids:
            refresh_case(db, case_id, tz)


# -- JSON for the command line -----------------------------------------------------------------


def case_json(view: CaseView, titles: dict[str, str]) -> dict[str, Any]:
    """The JSON shape of ``sellerdesk returns --json`` for one case."""
    step = view.checklist.next_step
    return {
        "order_id": view.order_id,
        "marketplace": view.case["marketplace"],
        "opened_at": view.case["opened_at"],
        "next_step": step.step_id if step else None,
        "next_due": iso(step.due) if step and step.due else None,
        "steps": [
            {
                "id": s.step_id,
                "title": titles.get(s.step_id, s.step_id),
                "due": iso(s.due),
                "status": s.status,
            }
            for s in view.checklist.steps
        ],
    }


@dataclass(frozen=True)
class StepHelp:
    """What a step asks, why, and Amazon's figure for it, from the rules file."""

    what: str
    why: str
    figure: str | None


def step_help(language: str = "en") -> dict[str, StepHelp]:
    book = load_rules()
    found = {}
    for step_id in STEP_IDS:
        if step_id in book:
            rule = book.get(step_id)
            figure = rule.figure.text(language) if rule.figure else None
            found[step_id] = StepHelp(
                rule.explanation.text(language), rule.why.text(language), figure
            )
    return found


def step_titles(language: str = "en") -> dict[str, str]:
    """Each checklist step's title from the rules file (step ids are rule ids there)."""
    book = load_rules()
    return {
        step_id: book.get(step_id).title.text(language) if step_id in book else step_id
        for step_id in STEP_IDS
    }
