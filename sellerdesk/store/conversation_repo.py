"""SQL for reading one conversation's thread and for the seller's own edits to it.

Reads: the conversation row, its messages in time order with their attachments (names and sizes,
never the bytes), the drafts the seller marked as sent, the order row and the tags. Writes: the
manual status, the ``no_response_needed`` flag of buyer messages, notes and tags. The derived
columns (clock, counts) are recomputed by ``conversations_repo.refresh_conversations``, which the
service calls inside the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

Row = dict[str, Any]

_CONVERSATION_COLUMNS = (
    "id, thread_key, order_id, marketplace, buyer_name, relay_address, subject, status, "
    "status_changed_at, notes, first_message_at, last_message_at, message_count, "
    "oldest_unanswered_at, reply_due_at, last_reply_at, nrn_link"
)

_MESSAGE_COLUMNS = (
    "id, message_key, kind, marketplace, order_id, asins, item_title, buyer_name, "
    "relay_address, subject, buyer_text, seller_text, body_text, received_at, extra, "
    "answered_at, no_response_needed"
)


def _rows(db: Database, sql: str, params: Iterable[Any] | dict[str, Any]) -> list[Row]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def fetch_conversation(db: Database, conversation_id: int) -> Row | None:
    rows = _rows(
        db, f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ?", [conversation_id]
    )
    return rows[0] if rows else None


def fetch_messages(db: Database, conversation_id: int) -> list[Row]:
    """The conversation's messages, oldest first (ties keep import order)."""
    return _rows(
        db,
        f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? "
        "ORDER BY received_at, id",
        [conversation_id],
    )


def fetch_attachments(db: Database, message_ids: Iterable[int]) -> dict[int, list[Row]]:
    """Attachment names, types and sizes per message id (the bytes stay in the store)."""
    ids = list(message_ids)
    found: dict[int, list[Row]] = {message_id: [] for message_id in ids}
    if not ids:
        return found
    placeholders = ", ".join("?" for _ in ids)
    for row in _rows(
        db,
        "SELECT id, message_rowid, filename, content_type, size FROM attachments "
        f"WHERE message_rowid IN ({placeholders}) ORDER BY id",
        ids,
    ):
        found[row["message_rowid"]].append(row)
    return found


def fetch_sent_drafts(db: Database, conversation_id: int) -> list[Row]:
    """Drafts the seller marked as sent: they are seller replies in the thread."""
    return _rows(
        db,
        "SELECT id, subject, body, sent_at, sent_via FROM drafts "
        "WHERE conversation_id = ? AND sent_at IS NOT NULL ORDER BY sent_at, id",
        [conversation_id],
    )


def fetch_order(db: Database, order_id: str | None) -> Row | None:
    if not order_id:
        return None
    rows = _rows(
        db,
        "SELECT order_id, marketplace, item_title, asins, buyer_name, ordered_at, delivered_at "
        "FROM orders WHERE order_id = ?",
        [order_id],
    )
    return rows[0] if rows else None


def fetch_tags(db: Database, conversation_id: int) -> list[str]:
    cursor = db.execute(
        "SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY tag COLLATE NOCASE",
        [conversation_id],
    )
    return [row[0] for row in cursor.fetchall()]


def all_tags(db: Database) -> list[str]:
    """Every tag in use, most used first, for completion."""
    cursor = db.execute(
        "SELECT tag FROM conversation_tags GROUP BY tag ORDER BY count(*) DESC, tag COLLATE NOCASE"
    )
    return [row[0] for row in cursor.fetchall()]


def set_status(db: Database, conversation_id: int, status: str, changed_at: str) -> None:
    db.execute(
        "UPDATE conversations SET status = ?, status_changed_at = ? WHERE id = ?",
        [status, changed_at, conversation_id],
    )


def mark_unanswered_no_response_needed(db: Database, conversation_id: int) -> int:
    """Flag the buyer messages nobody answered yet; returns how many were flagged."""
    cursor = db.execute(
        "UPDATE messages SET no_response_needed = 1 WHERE conversation_id = ? "
        "AND kind = 'buyer_message' AND answered_at IS NULL AND no_response_needed = 0",
        [conversation_id],
    )
    return int(cursor.rowcount)


def clear_unanswered_no_response_needed(db: Database, conversation_id: int) -> int:
    """Undo the flag on buyer messages that are still unanswered (a reopened conversation)."""
    cursor = db.execute(
        "UPDATE messages SET no_response_needed = 0 WHERE conversation_id = ? "
        "AND kind = 'buyer_message' AND answered_at IS NULL AND no_response_needed = 1",
        [conversation_id],
    )
    return int(cursor.rowcount)


def set_notes(db: Database, conversation_id: int, notes: str) -> None:
    db.execute("UPDATE conversations SET notes = ? WHERE id = ?", [notes, conversation_id])


def add_tag(db: Database, conversation_id: int, tag: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO conversation_tags(conversation_id, tag) VALUES (?, ?)",
        [conversation_id, tag],
    )


def remove_tag(db: Database, conversation_id: int, tag: str) -> None:
    db.execute(
        "DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ?",
        [conversation_id, tag],
    )
