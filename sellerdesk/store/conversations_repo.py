"""SQL for conversations: keeping their derived columns (counts, reply clock, status) true.

``refresh_conversations`` runs inside the caller's transaction after messages or sent drafts
change, so the inbox can sort and filter on plain indexed columns.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from sellerdesk.domain.reply_clock import ClockEvent, compute_clock, derive_status
from sellerdesk.domain.timeutil import from_iso, to_iso

_EVENTS_SQL = """
SELECT 'm' || id AS key, received_at AS at, kind, no_response_needed
  FROM messages WHERE conversation_id = :cid AND kind IN ('buyer_message', 'reply_copy')
UNION ALL
SELECT 'd' || id, sent_at, 'sent_draft', 0
  FROM drafts WHERE conversation_id = :cid AND sent_at IS NOT NULL
"""


def _iso(moment):  # type: ignore[no-untyped-def]
    return to_iso(moment) if moment is not None else None


def _events(db: Database, conversation_id: int) -> list[ClockEvent]:
    rows = db.execute(_EVENTS_SQL, {"cid": conversation_id}).fetchall()
    return [
        ClockEvent(
            key=key,
            at=from_iso(at),
            is_buyer_message=kind == "buyer_message",
            is_seller_reply=kind in ("reply_copy", "sent_draft"),
            no_response_needed=bool(nrn),
        )
        for key, at, kind, nrn in rows
    ]


def refresh_conversation(db: Database, conversation_id: int) -> None:
    """Recompute one conversation's counts, clock, status and its messages' answered_at."""
    summary = db.execute(
        "SELECT count(*), min(received_at), max(received_at) FROM messages "
        "WHERE conversation_id = ?",
        [conversation_id],
    ).fetchone()
    current = db.execute(
        "SELECT status, status_changed_at FROM conversations WHERE id = ?", [conversation_id]
    ).fetchone()
    if current is None:
        return
    state = compute_clock(_events(db, conversation_id))
    changed_at = from_iso(current[1]) if current[1] else None
    status = derive_status(state, current[0], changed_at)
    db.execute(
        """UPDATE conversations SET message_count = ?, first_message_at = ?, last_message_at = ?,
               oldest_unanswered_at = ?, reply_due_at = ?, last_reply_at = ?, status = ?
           WHERE id = ?""",
        [
            summary[0],
            summary[1],
            summary[2],
            _iso(state.oldest_unanswered_at),
            _iso(state.reply_due_at),
            _iso(state.last_reply_at),
            status,
            conversation_id,
        ],
    )
    message_answers = [
        (_iso(at), int(str(key)[1:]))
        for key, at in state.answered_at.items()
        if str(key).startswith("m")
    ]
    db.conn.executemany("UPDATE messages SET answered_at = ? WHERE id = ?", message_answers)


def refresh_conversations(db: Database, conversation_ids: Iterable[int]) -> None:
    """Refresh every conversation named (duplicates and None are ignored)."""
    for conversation_id in sorted({cid for cid in conversation_ids if cid is not None}):
        refresh_conversation(db, conversation_id)
