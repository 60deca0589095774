"""SQL for return cases, their checklist marks and evidence files.

Every function takes the ``Database`` of an open ``store.write()`` / ``store.read()`` block, so
the returns service composes them into one transaction. Times are ISO-8601 UTC text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from sellerdesk.domain.returns.checklist import StepMark
from sellerdesk.domain.returns.notices import NOTICE_KINDS, Notice
from sellerdesk.domain.timeutil import from_iso, to_iso

CASE_COLUMNS = (
    "id", "order_id", "conversation_id", "marketplace", "status", "opened_at", "opened_by",
    "item_title", "asin", "quantity", "reason", "buyer_comment", "seller_fault", "carrier",
    "tracking", "amount", "currency", "international", "requested_at", "authorized_at",
    "item_received_at", "refunded_at", "atoz_claim_at", "atoz_deadline", "data", "next_step",
    "next_due_at",
)
_NOTICE_COLUMNS = (
    "id, message_key, kind, order_id, marketplace, received_at, conversation_id, item_title, "
    "asins, buyer_text, body_text, subject, extra"
)
_KIND_PLACEHOLDERS = ", ".join("?" for _ in NOTICE_KINDS)


def iso(moment: dt.datetime | None) -> str | None:
    return to_iso(moment) if moment is not None else None


def parse_iso(text: str | None) -> dt.datetime | None:
    return from_iso(text) if text else None


def _json_object(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _json_list(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return ()
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _notice(row: tuple[Any, ...]) -> Notice:
    return Notice(
        rowid=row[0],
        message_key=row[1],
        kind=row[2],
        order_id=row[3],
        marketplace=row[4],
        received_at=from_iso(row[5]),
        conversation_id=row[6],
        item_title=row[7],
        asins=_json_list(row[8]),
        buyer_text=row[9],
        body_text=row[10],
        subject=row[11],
        extra=_json_object(row[12]),
    )


# -- notices -----------------------------------------------------------------------------------


def notice_orders(db: Database, message_rowids: Iterable[int]) -> list[str]:
    """Order ids of those messages that are return/refund/A-to-z notices, oldest first."""
    ids = list(dict.fromkeys(int(rowid) for rowid in message_rowids))
    orders: list[str] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT DISTINCT order_id FROM messages WHERE id IN ({marks}) "
            f"AND kind IN ({_KIND_PLACEHOLDERS}) AND order_id IS NOT NULL AND order_id != '' "
            "ORDER BY received_at",
            [*chunk, *NOTICE_KINDS],
        ).fetchall()
        orders.extend(row[0] for row in rows if row[0] not in orders)
    return orders


def notices_for_order(db: Database, order_id: str) -> list[Notice]:
    rows = db.execute(
        f"SELECT {_NOTICE_COLUMNS} FROM messages WHERE order_id = ? "
        f"AND kind IN ({_KIND_PLACEHOLDERS}) ORDER BY received_at, message_key",
        [order_id, *NOTICE_KINDS],
    ).fetchall()
    return [_notice(row) for row in rows]


def ensure_order(
    db: Database, order_id: str, marketplace: str | None, item_title: str | None
) -> None:
    """Create a bare order row when the importer has not (return_cases references orders)."""
    db.execute(
        "INSERT INTO orders(order_id, marketplace, item_title) VALUES (?, ?, ?) "
        "ON CONFLICT(order_id) DO NOTHING",
        [order_id, marketplace, item_title],
    )


def order_row(db: Database, order_id: str) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT order_id, marketplace, item_title, asins, buyer_name, ordered_at, delivered_at "
        "FROM orders WHERE order_id = ?",
        [order_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("order_id", "marketplace", "item_title", "asins", "buyer_name", "ordered_at",
            "delivered_at")
    return dict(zip(keys, row, strict=True))


def conversation_for_order(db: Database, order_id: str) -> int | None:
    row = db.execute(
        "SELECT id FROM conversations WHERE order_id = ? ORDER BY last_message_at DESC LIMIT 1",
        [order_id],
    ).fetchone()
    return row[0] if row else None


def order_for_conversation(db: Database, conversation_id: int) -> str | None:
    row = db.execute(
        "SELECT order_id FROM conversations WHERE id = ?", [conversation_id]
    ).fetchone()
    return row[0] if row and row[0] else None


def case_for_conversation(db: Database, conversation_id: int) -> dict[str, Any] | None:
    """The case linked to the conversation, else the case of the conversation's order."""
    row = db.execute(
        f"SELECT {', '.join(CASE_COLUMNS)} FROM return_cases WHERE conversation_id = ? "
        "ORDER BY opened_at DESC LIMIT 1",
        [conversation_id],
    ).fetchone()
    if row:
        return _case_dict(row)
    order_id = order_for_conversation(db, conversation_id)
    return get_case_by_order(db, order_id) if order_id else None


def case_messages(db: Database, order_id: str, conversation_id: int | None) -> list[dict]:
    """Every message of the order or its conversation, oldest first (for the case file)."""
    rows = db.execute(
        "SELECT id, kind, received_at, subject, buyer_text, seller_text, body_text, buyer_name "
        "FROM messages WHERE order_id = ? OR (? IS NOT NULL AND conversation_id = ?) "
        "ORDER BY received_at, id",
        [order_id, conversation_id, conversation_id],
    ).fetchall()
    keys = ("id", "kind", "received_at", "subject", "buyer_text", "seller_text", "body_text",
            "buyer_name")
    return [dict(zip(keys, row, strict=True)) for row in rows]


# -- cases -------------------------------------------------------------------------------------


def _case_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    case = dict(zip(CASE_COLUMNS, row, strict=True))
    case["data"] = _json_object(case["data"])
    return case


def get_case(db: Database, case_id: int) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {', '.join(CASE_COLUMNS)} FROM return_cases WHERE id = ?", [case_id]
    ).fetchone()
    return _case_dict(row) if row else None


def get_case_by_order(db: Database, order_id: str) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {', '.join(CASE_COLUMNS)} FROM return_cases WHERE order_id = ?", [order_id]
    ).fetchone()
    return _case_dict(row) if row else None


def list_cases(db: Database, status: str | None = "open") -> list[dict[str, Any]]:
    """Cases (open ones by default), the one with the nearest deadline first."""
    where = "WHERE status = ?" if status else ""
    rows = db.execute(
        f"SELECT {', '.join(CASE_COLUMNS)} FROM return_cases {where} "
        "ORDER BY next_due_at IS NULL, next_due_at, opened_at",
        [status] if status else [],
    ).fetchall()
    return [_case_dict(row) for row in rows]


def insert_case(db: Database, values: Mapping[str, Any]) -> int:
    row = _storable(values)
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(
        f"INSERT INTO return_cases({columns}) VALUES ({marks})", list(row.values())
    )
    return int(cursor.lastrowid)


def update_case(db: Database, case_id: int, values: Mapping[str, Any]) -> None:
    row = _storable(values)
    if not row:
        return
    assignments = ", ".join(f"{column} = ?" for column in row)
    db.execute(
        f"UPDATE return_cases SET {assignments} WHERE id = ?", [*row.values(), case_id]
    )


def _storable(values: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in values.items():
        if key not in CASE_COLUMNS or key == "id":
            raise KeyError(f"not a return_cases column: {key}")
        if isinstance(value, dt.datetime):
            value = to_iso(value)
        elif key == "data":
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, bool):
            value = int(value)
        row[key] = value
    return row


# -- checklist marks ---------------------------------------------------------------------------


def step_marks(db: Database, case_id: int) -> dict[str, StepMark]:
    rows = db.execute(
        "SELECT step_id, status, done_at, note FROM return_steps WHERE case_id = ?", [case_id]
    ).fetchall()
    return {
        step_id: StepMark(step_id, status, parse_iso(done_at), note or "")
        for step_id, status, done_at, note in rows
    }


def set_step_mark(db: Database, case_id: int, mark: StepMark) -> None:
    db.execute(
        "INSERT INTO return_steps(case_id, step_id, status, done_at, note) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(case_id, step_id) DO UPDATE SET status = excluded.status, "
        "done_at = excluded.done_at, note = excluded.note",
        [case_id, mark.step_id, mark.status, iso(mark.done_at), mark.note],
    )


def clear_step_mark(db: Database, case_id: int, step_id: str) -> None:
    db.execute("DELETE FROM return_steps WHERE case_id = ? AND step_id = ?", [case_id, step_id])


# -- evidence ----------------------------------------------------------------------------------

EVIDENCE_COLUMNS = (
    "id", "case_id", "original_name", "stored_name", "content_type", "size", "added_at", "note"
)


def add_evidence(db: Database, case_id: int, values: Mapping[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO case_evidence(case_id, original_name, stored_name, content_type, size, "
        "added_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            case_id,
            values["original_name"],
            values["stored_name"],
            values.get("content_type"),
            values["size"],
            values["added_at"],
            values.get("note", ""),
        ],
    )
    return int(cursor.lastrowid)


def list_evidence(db: Database, case_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        f"SELECT {', '.join(EVIDENCE_COLUMNS)} FROM case_evidence WHERE case_id = ? "
        "ORDER BY added_at, id",
        [case_id],
    ).fetchall()
    return [dict(zip(EVIDENCE_COLUMNS, row, strict=True)) for row in rows]


def photo_count(db: Database, case_id: int) -> int:
    row = db.execute(
        "SELECT count(*) FROM case_evidence WHERE case_id = ? AND content_type LIKE 'image/%'",
        [case_id],
    ).fetchone()
    return int(row[0])

