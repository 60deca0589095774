"""SQL for reply drafts, and the reads a reply or a case file needs about its conversation.

A conversation has at most one open draft (``sent_at IS NULL``); sent drafts stay as the
record of replies made from SellerDesk and count as seller replies for the 24-hour clock (see
``conversations_repo.refresh_conversations``, which the caller runs after ``mark_sent``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from sellerdesk.domain.timeutil import to_iso, utc_now

_DRAFT_COLUMNS = (
    "id, conversation_id, subject, body, language, template_key, purpose, created_at, "
    "updated_at, sent_at, sent_via"
)


@dataclass(frozen=True)
class Draft:
    """One stored draft (open while ``sent_at`` is None)."""

    id: int
    conversation_id: int
    subject: str
    body: str
    language: str | None
    template_key: str | None
    purpose: str | None
    created_at: str
    updated_at: str
    sent_at: str | None = None
    sent_via: str | None = None


@dataclass(frozen=True)
class ReplyFacts:
    """What a reply to one conversation needs: placeholder values, recipient, threading."""

    conversation_id: int
    order_id: str | None
    marketplace: str | None
    buyer_name: str | None
    relay_address: str | None
    subject: str | None
    item: str | None
    asin: str | None
    last_message_id: str | None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThreadMessage:
    """One stored message of a conversation, as a case file shows it."""

    id: int
    kind: str
    received_at: str
    subject: str | None
    buyer_name: str | None
    buyer_text: str | None
    seller_text: str | None
    body_text: str | None
    answered_at: str | None
    no_response_needed: bool
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseFileRecord:
    """Everything stored about one conversation, for a printed case file."""

    conversation: dict[str, object]
    order: dict[str, object] | None
    tags: tuple[str, ...]
    messages: tuple[ThreadMessage, ...]
    sent_drafts: tuple[Draft, ...] = field(default_factory=tuple)


def _draft(row: tuple) -> Draft:
    return Draft(*row)


# --- drafts ------------------------------------------------------------------------------
def open_draft(db: Database, conversation_id: int) -> Draft | None:
    """The conversation's unsent draft, if any (the newest, should there be several)."""
    row = db.execute(
        f"SELECT {_DRAFT_COLUMNS} FROM drafts WHERE conversation_id = ? AND sent_at IS NULL "
        "ORDER BY updated_at DESC, id DESC LIMIT 1",
        [conversation_id],
    ).fetchone()
    return _draft(row) if row else None


def get_draft(db: Database, draft_id: int) -> Draft | None:
    row = db.execute(f"SELECT {_DRAFT_COLUMNS} FROM drafts WHERE id = ?", [draft_id]).fetchone()
    return _draft(row) if row else None


def conversation_exists(db: Database, conversation_id: int) -> bool:
    row = db.execute("SELECT 1 FROM conversations WHERE id = ?", [conversation_id]).fetchone()
    return row is not None


def save_open_draft(
    db: Database,
    conversation_id: int,
    subject: str,
    body: str,
    language: str | None,
    template_key: str | None,
    purpose: str | None,
) -> int:
    """Write the conversation's open draft (creating it if needed); returns its id."""
    now = to_iso(utc_now())
    current = open_draft(db, conversation_id)
    if current is None:
        cursor = db.execute(
            "INSERT INTO drafts(conversation_id, subject, body, language, template_key, purpose, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [conversation_id, subject, body, language, template_key, purpose, now, now],
        )
        return int(cursor.lastrowid)
    db.execute(
        "UPDATE drafts SET subject = ?, body = ?, language = ?, template_key = ?, purpose = ?, "
        "updated_at = ? WHERE id = ?",
        [subject, body, language, template_key, purpose, now, current.id],
    )
    return current.id


def mark_sent(db: Database, draft_id: int, sent_at: str, sent_via: str) -> bool:
    """Record that an open draft went out at ``sent_at`` by ``sent_via``."""
    cursor = db.execute(
        "UPDATE drafts SET sent_at = ?, sent_via = ?, updated_at = ? "
        "WHERE id = ? AND sent_at IS NULL",
        [sent_at, sent_via, to_iso(utc_now()), draft_id],
    )
    return cursor.rowcount == 1


def delete_open_draft(db: Database, conversation_id: int) -> int:
    cursor = db.execute(
        "DELETE FROM drafts WHERE conversation_id = ? AND sent_at IS NULL", [conversation_id]
    )
    return cursor.rowcount


def sent_drafts(db: Database, conversation_id: int) -> list[Draft]:
    rows = db.execute(
        f"SELECT {_DRAFT_COLUMNS} FROM drafts WHERE conversation_id = ? AND sent_at IS NOT NULL "
        "ORDER BY sent_at, id",
        [conversation_id],
    ).fetchall()
    return [_draft(row) for row in rows]


# --- facts about the conversation being answered ------------------------------------------
_FACTS_SQL = """
SELECT c.id, c.order_id, c.marketplace, c.buyer_name, c.relay_address, c.subject,
       o.item_title, o.asins, o.buyer_name, o.marketplace
  FROM conversations c LEFT JOIN orders o ON o.order_id = c.order_id
 WHERE c.id = ?
"""

_LATEST_SQL = """
SELECT message_id, item_title, asins, buyer_name, relay_address, marketplace
  FROM messages WHERE conversation_id = ?
 ORDER BY (kind = 'buyer_message') DESC, received_at DESC, id DESC
"""


def _first_asin(asins_json: str | None) -> str | None:
    try:
        asins = json.loads(asins_json or "[]")
    except ValueError:
        return None
    return str(asins[0]) if isinstance(asins, list) and asins else None


def _first(*values: object) -> str | None:
    for value in values:
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def reply_facts(db: Database, conversation_id: int) -> ReplyFacts | None:
    """Placeholder values, relay address and threading ids for answering a conversation."""
    row = db.execute(_FACTS_SQL, [conversation_id]).fetchone()
    if row is None:
        return None
    messages = db.execute(_LATEST_SQL, [conversation_id]).fetchall()
    message_ids = [m[0] for m in messages if m[0]]
    item = _first(row[6], *(m[1] for m in messages))
    asin = _first(_first_asin(row[7]), *(_first_asin(m[2]) for m in messages))
    return ReplyFacts(
        conversation_id=row[0],
        order_id=row[1],
        marketplace=_first(row[2], row[9], *(m[5] for m in messages)),
        buyer_name=_first(row[3], row[8], *(m[3] for m in messages)),
        relay_address=_first(row[4], *(m[4] for m in messages)),
        subject=row[5],
        item=item,
        asin=asin,
        last_message_id=message_ids[0] if message_ids else None,
        references=tuple(reversed(message_ids[:10])),
    )


# --- case file ------------------------------------------------------------------------------
_MESSAGES_SQL = """
SELECT id, kind, received_at, subject, buyer_name, buyer_text, seller_text, body_text,
       answered_at, no_response_needed
  FROM messages WHERE conversation_id = ? ORDER BY received_at, id
"""


def _row_dict(cursor_description: tuple, row: tuple) -> dict[str, object]:
    return {column[0]: value for column, value in zip(cursor_description, row, strict=True)}


def _attachments(db: Database, message_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not message_ids:
        return found
    marks = ",".join("?" * len(message_ids))
    rows = db.execute(
        f"SELECT message_rowid, filename FROM attachments WHERE message_rowid IN ({marks}) "
        "ORDER BY id",
        message_ids,
    ).fetchall()
    for message_id, filename in rows:
        found.setdefault(message_id, []).append(filename or "")
    return found


def case_file_record(db: Database, conversation_id: int) -> CaseFileRecord | None:
    """The conversation, its order, tags, messages (oldest first) and sent drafts."""
    cursor = db.execute("SELECT * FROM conversations WHERE id = ?", [conversation_id])
    row = cursor.fetchone()
    if row is None:
        return None
    conversation = _row_dict(cursor.description, row)
    order = None
    if conversation.get("order_id"):
        cursor = db.execute("SELECT * FROM orders WHERE order_id = ?", [conversation["order_id"]])
        order_row = cursor.fetchone()
        order = _row_dict(cursor.description, order_row) if order_row else None
    tags = tuple(
        tag
        for (tag,) in db.execute(
            "SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY tag",
            [conversation_id],
        ).fetchall()
    )
    rows = db.execute(_MESSAGES_SQL, [conversation_id]).fetchall()
    files = _attachments(db, [r[0] for r in rows])
    messages = tuple(
        ThreadMessage(*r[:9], no_response_needed=bool(r[9]), attachments=tuple(files.get(r[0], ())))
        for r in rows
    )
    return CaseFileRecord(
        conversation=conversation,
        order=order,
        tags=tags,
        messages=messages,
        sent_drafts=tuple(sent_drafts(db, conversation_id)),
    )
