"""Return cases opened and advanced from real sample notices, marked by hand, listed by due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from returns_helpers import import_samples

from sellerdesk.domain.timeutil import from_iso, to_iso
from sellerdesk.errors import UsageError
from sellerdesk.services import returns
from sellerdesk.store.store import Store

UK_REQUEST = "00037.eml"  # 205-9141932-6880704, authorisation required, carrier Evri
UK_REFUND = "00039.eml"  # refund of £86.49 for the same order
UK_CLAIM = "00027.eml"  # A-to-z claim, "respond within 3 calendar days"
US_CLAIM, US_CLAIM_REFUND = "00153.eml", "00156.eml"  # 111-7413209-5990753
US_REQUEST_ONLY = "00125.eml"  # 113-4514317-8697809, no refund in the corpus
BUYER_MESSAGE = "00001.eml"


def _row(store: Store, order_id: str) -> dict:
    with store.read() as db:
        row = db.execute(
            "SELECT status, next_step, next_due_at, refunded_at, amount, currency, carrier, "
            "tracking, reason, buyer_comment, quantity, opened_by FROM return_cases "
            "WHERE order_id = ?",
            [order_id],
        ).fetchone()
    keys = ("status", "next_step", "next_due_at", "refunded_at", "amount", "currency", "carrier",
            "tracking", "reason", "buyer_comment", "quantity", "opened_by")
    return dict(zip(keys, row, strict=True)) if row else {}


@pytest.fixture
def utc_store(store: Store) -> Store:
    store.set_setting("timezone", "UTC")
    return store


def test_imported_return_request_opens_its_case(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])

    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    assert view is not None
    with utc_store.read() as db:
        conversation = db.execute(
            "SELECT conversation_id FROM messages WHERE order_id = ?", ["205-9141932-6880704"]
        ).fetchone()[0]
    assert view.case["conversation_id"] == conversation is not None
    assert returns.case_for_conversation(utc_store, conversation).case_id == view.case_id
    assert view.case["marketplace"] == "UK"
    assert view.case["requested_at"] == "2023-05-14T14:21:45Z"
    row = _row(utc_store, "205-9141932-6880704")
    assert row["reason"] == "Too small"
    assert row["buyer_comment"] == "Size runs small, need one size up."
    assert (row["carrier"], row["tracking"], row["quantity"]) == ("Evri", "B47B7MRARZTX1", 1)
    assert row["opened_by"] == "import"
    assert view.checklist.get("R1").status == "done"
    # Authorisation required: answer within 48 hours of the request (R2).
    assert (row["status"], row["next_step"]) == ("open", "R2")
    assert row["next_due_at"] == "2023-05-16T14:21:45Z"
    assert view.facts.in_policy is True and view.facts.authorization_required is True


def test_refund_notice_advances_the_case(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    import_samples(utc_store, samples_dir, [UK_REFUND])

    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    row = _row(utc_store, "205-9141932-6880704")
    assert row["refunded_at"] == "2023-05-22T19:36:03Z"
    assert (row["amount"], row["currency"]) == (86.49, "GBP")
    assert view.checklist.get("R7").status == "done"
    assert view.checklist.get("R2").status == "done"  # a refund answers the request
    # Next: SAFE-T within 60 days of the refund (R8).
    assert row["next_step"] == "R8"
    assert row["next_due_at"] == "2023-07-21T19:36:03Z"
    assert any(g.rule_id == "R8" for g in view.guardrails)


def test_applying_notices_is_idempotent_and_order_free(store: Store, samples_dir: Path) -> None:
    store.set_setting("timezone", "Europe/London")
    refund_first = import_samples(store, samples_dir, [UK_REFUND])
    returns.apply_notices(store, refund_first)
    request = import_samples(store, samples_dir, [UK_REQUEST])
    returns.apply_notices(store, request)
    once = _row(store, "205-9141932-6880704")
    returns.apply_notices(store, refund_first + request)
    returns.apply_notices(store, request)
    assert _row(store, "205-9141932-6880704") == once
    with store.read() as db:
        assert db.execute("SELECT count(*) FROM return_cases").fetchone()[0] == 1
    assert once["next_step"] == "R8"


def test_atoz_claim_adds_its_steps(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_CLAIM])
    view = returns.case_for_order(utc_store, "205-9441890-6609790")
    ids = [step.step_id for step in view.checklist.steps]
    # A claim without a return request has only the A-to-z steps.
    assert ids == ["A2Z-RESPONSE", "A2Z-REFUND-FIRST", "A2Z-APPEAL"]
    # "You must respond within 3 calendar days" from 2023-04-15T19:29:56Z.
    assert to_iso(view.checklist.get("A2Z-RESPONSE").due) == "2023-04-18T19:29:56Z"
    assert view.case["next_step"] == "A2Z-RESPONSE"
    assert [g.rule_id for g in view.guardrails] == ["A2Z-REFUND-FIRST"]


def test_full_refund_settles_refund_first(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [US_CLAIM, US_CLAIM_REFUND])
    view = returns.case_for_order(utc_store, "111-7413209-5990753")
    assert view.checklist.get("A2Z-REFUND-FIRST").status == "done"
    assert view.checklist.get("A2Z-REFUND-FIRST").auto_reason == "refund_imported"
    assert not any(g.rule_id == "A2Z-REFUND-FIRST" for g in view.guardrails)


def test_other_mail_opens_no_case(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [BUYER_MESSAGE])
    returns.apply_notices(utc_store, [])
    with utc_store.read() as db:
        assert db.execute("SELECT count(*) FROM return_cases").fetchone()[0] == 0


def test_item_received_starts_the_refund_deadline(store: Store, samples_dir: Path) -> None:
    store.set_setting("timezone", "America/New_York")
    rowids = import_samples(store, samples_dir, [US_REQUEST_ONLY])
    view = returns.case_for_order(store, "113-4514317-8697809")
    assert view.checklist.get("R7").due is None
    # Marking R6 (inspected on arrival) on Wed 2026-11-25 15:00 New York records the arrival;
    # Thanksgiving (Thu 26) is skipped: refund due by the end of Mon 30 (EST).
    received = dt.datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("America/New_York"))
    view = returns.mark_step(store, view.case_id, "R6", "done", at=received, note="box dented")
    assert view.case["item_received_at"] == "2026-11-25T20:00:00Z"
    assert to_iso(view.checklist.get("R7").due) == "2026-12-01T04:59:59Z"
    assert view.checklist.get("R6").note == "box dented"
    assert any(g.rule_id == "R7" and g.kind == "refund_due" for g in view.guardrails)
    # Marks survive the notices being applied again (reparse).
    returns.apply_notices(store, rowids)
    assert returns.get_case(store, view.case_id).checklist.get("R6").status == "done"


def test_marks_and_undo(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    case_id = returns.case_for_order(utc_store, "205-9141932-6880704").case_id
    at = from_iso("2023-05-15T09:00:00Z")
    view = returns.mark_step(utc_store, case_id, "R2", "done", at=at, note="authorised")
    view = returns.mark_step(utc_store, case_id, "R3", "not_applicable", at=at)
    assert view.case["next_step"] == "R4"  # no timed step left: the first open one
    assert view.case["next_due_at"] is None
    view = returns.mark_step(utc_store, case_id, "R2", "open")
    assert view.case["next_step"] == "R2"
    with pytest.raises(UsageError):
        returns.mark_step(utc_store, case_id, "R2", "finished")
    with pytest.raises(KeyError):
        returns.mark_step(utc_store, case_id, "R99", "done")


def test_case_closes_when_every_step_is_settled(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    for step in view.checklist.steps:
        if step.is_open:
            view = returns.mark_step(utc_store, view.case_id, step.step_id, "not_applicable")
    assert view.case["status"] == "closed"
    assert returns.list_cases(utc_store) == []
    assert len(returns.list_cases(utc_store, include_closed=True)) == 1


def test_open_case_by_hand_then_notices_fold_in(utc_store: Store, samples_dir: Path) -> None:
    view = returns.open_case(
        utc_store, "205-9141932-6880704", marketplace="UK", reason="Damaged on arrival",
        now=from_iso("2023-05-13T08:00:00Z"),
    )
    assert view.case["opened_by"] == "hand" and view.facts.seller_fault is True
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    assert view.case["opened_at"] == "2023-05-13T08:00:00Z"
    assert view.case["reason"] == "Too small"
    assert view.case["next_step"] == "R2"
    with pytest.raises(UsageError):
        returns.open_case(utc_store, "  ")


def test_list_cases_overdue_first_and_due_within(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST, UK_CLAIM, US_REQUEST_ONLY])
    now = from_iso("2023-04-17T12:00:00Z")
    orders = [v.order_id for v in returns.list_cases(utc_store, now=now)]
    # The claim's response is due 2023-04-18 (soonest); the others by their R2 deadlines.
    assert orders == ["205-9441890-6609790", "205-9141932-6880704", "113-4514317-8697809"]
    later = from_iso("2023-05-17T00:00:00Z")  # the claim and the UK request are overdue now
    overdue_first = [v.order_id for v in returns.list_cases(utc_store, now=later)]
    assert overdue_first[:2] == ["205-9441890-6609790", "205-9141932-6880704"]
    due = returns.list_cases(utc_store, due_within=dt.timedelta(hours=36), now=now)
    assert [v.order_id for v in due] == ["205-9441890-6609790"]


def test_international_return_option_deadline(utc_store: Store, samples_dir: Path) -> None:
    utc_store.set_setting("returns.ship_from_country", "CN")
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    step = view.checklist.get("RET-INTL-OPTIONS")
    assert to_iso(step.due) == "2023-05-19T14:21:45Z"  # 5 days after the request
    assert any(g.rule_id == "RET-INTL-DEADLINE" for g in view.guardrails)


def test_restocking_fee_guardrails(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    case_id = returns.case_for_order(utc_store, "205-9141932-6880704").case_id
    view = returns.set_case_facts(utc_store, case_id, restocking_fee_percent=25)
    kinds = {(g.rule_id, g.kind, g.level) for g in view.guardrails}
    assert ("RET-RESTOCKING", "photo_required", "block") in kinds
    assert ("RET-RESTOCKING", "fee_on_in_policy", "warn") in kinds
    with pytest.raises(UsageError):
        returns.set_case_facts(utc_store, case_id, restocking_fee_percent=150)
    with pytest.raises(UsageError):
        returns.set_case_facts(utc_store, case_id, colour="red")


def test_appeal_window_from_the_decision(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_CLAIM])
    case_id = returns.case_for_order(utc_store, "205-9441890-6609790").case_id
    decided = from_iso("2023-04-20T10:00:00Z")
    view = returns.set_case_facts(utc_store, case_id, atoz_decided_at=decided)
    assert to_iso(view.checklist.get("A2Z-APPEAL").due) == "2023-05-20T10:00:00Z"
    assert any(g.rule_id == "A2Z-APPEAL" for g in view.guardrails)


def test_json_shape(utc_store: Store, samples_dir: Path) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST])
    view = returns.case_for_order(utc_store, "205-9141932-6880704")
    data = returns.case_json(view, returns.step_titles("en"))
    assert set(data) == {"order_id", "marketplace", "opened_at", "next_step", "next_due", "steps"}
    assert data["steps"][1]["id"] == "R2" and data["steps"][1]["title"].startswith("R2")
    assert set(data["steps"][0]) == {"id", "title", "due", "status"}


def test_inbox_can_find_due_conversations_with_one_join(
    utc_store: Store, samples_dir: Path
) -> None:
    import_samples(utc_store, samples_dir, [UK_REQUEST, UK_CLAIM, US_REQUEST_ONLY, BUYER_MESSAGE])
    with utc_store.read() as db:
        due = db.execute(
            "SELECT c.order_id, r.next_step FROM conversations c "
            "JOIN return_cases r ON r.order_id = c.order_id "
            "WHERE r.status = 'open' AND r.next_due_at <= ? ORDER BY r.next_due_at",
            ["2023-05-17T00:00:00Z"],
        ).fetchall()
        plan = " ".join(
            str(row) for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM return_cases "
                "WHERE status = 'open' AND next_due_at <= ?", ["x"]
            ).fetchall()
        )
    assert due == [("205-9441890-6609790", "A2Z-RESPONSE"), ("205-9141932-6880704", "R2")]
    assert "idx_return_cases_next_due" in plan


def test_time_zone_change_recomputes_business_day_deadlines(
    store: Store, samples_dir: Path
) -> None:
    store.set_setting("timezone", "UTC")
    import_samples(store, samples_dir, [US_REQUEST_ONLY])
    case_id = returns.case_for_order(store, "113-4514317-8697809").case_id
    for step_id in ("R2", "R3"):
        returns.mark_step(store, case_id, step_id, "done")
    # Received Thu 2026-03-05 23:30 UTC: day 1 Fri 6, day 2 Mon 9 (UTC) ...
    returns.set_case_facts(store, case_id, item_received_at=from_iso("2026-03-05T23:30:00Z"))
    assert returns.get_case(store, case_id).case["next_due_at"] == "2026-03-09T23:59:59Z"
    # ... but already Friday in Tokyo: day 2 is Tue 10, ending 23:59:59 JST.
    store.set_setting("timezone", "Asia/Tokyo")
    returns.refresh_all(store)
    assert returns.get_case(store, case_id).case["next_due_at"] == "2026-03-10T14:59:59Z"
