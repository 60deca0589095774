"""SQL for imported e-mails: messages, their attachments, their conversations and orders.

Threading rules (see the sample corpus' README): a message that shows an order id belongs to
that order's conversation; one without an order id follows its buyer's relay alias (the relay
address without its ``+tag``) to the order that alias was seen with, else forms the alias's own
conversation, which is merged into the order's conversation as soon as a message shows the alias
together with an order id. Anything else is a conversation of its own. Every function runs inside
the caller's transaction (``Store.write()``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from sellerdesk.domain.mail import ParsedMail
from sellerdesk.domain.mail.addresses import relay_alias
from sellerdesk.domain.mail.fields import strip_reply_prefixes
from sellerdesk.domain.returns.notices import NOTICE_KINDS

_CHUNK = 500

_INSERT_SQL = """
INSERT INTO messages (message_key, message_id, conversation_id, kind, marketplace, order_id,
    asins, item_title, buyer_name, relay_address, relay_alias, subject, buyer_text, seller_text,
    body_text, received_at, extra, source, raw, parser_version, imported_at)
VALUES (:message_key, :message_id, :conversation_id, :kind, :marketplace, :order_id, :asins,
    :item_title, :buyer_name, :relay_address, :relay_alias, :subject, :buyer_text, :seller_text,
    :body_text, :received_at, :extra, :source, :raw, :parser_version, :imported_at)
ON CONFLICT(message_key) DO NOTHING
"""
_UPDATE_SQL = """
UPDATE messages SET message_id = :message_id, conversation_id = :conversation_id, kind = :kind,
    marketplace = :marketplace, order_id = :order_id, asins = :asins, item_title = :item_title,
    buyer_name = :buyer_name, relay_address = :relay_address, relay_alias = :relay_alias,
    subject = :subject, buyer_text = :buyer_text, seller_text = :seller_text,
    body_text = :body_text, received_at = :received_at, extra = :extra,
    parser_version = :parser_version
WHERE id = :id
"""
_UPSERT_ORDER_SQL = """
INSERT INTO orders (order_id, marketplace, item_title, asins, buyer_name)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT(order_id) DO UPDATE SET
    marketplace = COALESCE(orders.marketplace, excluded.marketplace),
    item_title = COALESCE(orders.item_title, excluded.item_title),
    asins = CASE WHEN orders.asins IN ('', '[]') THEN excluded.asins ELSE orders.asins END,
    buyer_name = COALESCE(orders.buyer_name, excluded.buyer_name)
"""


_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)  # json.dumps builds one per call


def _json(value: Any) -> str:
    return _JSON_ENCODER.encode(value)


def alias_of(parsed: ParsedMail) -> str | None:
    return relay_alias(parsed.relay_address) if parsed.relay_address else None


def message_values(parsed: ParsedMail, received_at: str) -> dict[str, Any]:
    """Column values of a parsed message (without its raw bytes and bookkeeping)."""
    return {
        "message_id": parsed.message_id,
        "kind": parsed.kind,
        "marketplace": parsed.marketplace,
        "order_id": parsed.order_id,
        "asins": _json(parsed.asins),
        "item_title": parsed.item_title,
        "buyer_name": parsed.buyer_name,
        "relay_address": parsed.relay_address,
        "relay_alias": alias_of(parsed),
        "subject": parsed.subject,
        "buyer_text": parsed.buyer_text,
        "seller_text": parsed.seller_text,
        "body_text": parsed.body_text,
        "received_at": received_at,
        "extra": _json(parsed.extra),
    }


# -- reading -------------------------------------------------------------------------------
def known_keys(db: Database, keys: Iterable[str]) -> set[str]:
    """Those of ``keys`` already stored."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT message_key FROM messages WHERE message_key IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found


@dataclass(frozen=True)
class StoredRaw:
    id: int
    message_key: str
    raw: bytes
    imported_at: str
    conversation_id: int | None


def raw_messages_after(db: Database, after_id: int, limit: int) -> list[StoredRaw]:
    """The next ``limit`` stored messages (by id) with their raw bytes, for reparsing."""
    rows = db.execute(
        "SELECT id, message_key, raw, imported_at, conversation_id FROM messages "
        "WHERE id > ? ORDER BY id LIMIT ?",
        [after_id, limit],
    ).fetchall()
    return [StoredRaw(row[0], row[1], bytes(row[2]), row[3], row[4]) for row in rows]


_EXPORT_SQL = """
SELECT id, message_id, kind, marketplace, order_id, asins, item_title, buyer_name,
       relay_address, buyer_text, received_at, conversation_id
  FROM messages WHERE id > ? ORDER BY id LIMIT ?
"""


def _attachments_of(db: Database, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    marks = ",".join("?" * len(ids))
    found: dict[int, list[dict[str, Any]]] = {}
    rows = db.execute(
        f"SELECT message_rowid, filename, content_type, size FROM attachments "
        f"WHERE message_rowid IN ({marks}) ORDER BY id",
        ids,
    )
    for rowid, filename, content_type, size in rows:
        found.setdefault(rowid, []).append(
            {"filename": filename, "content_type": content_type, "size": size}
        )
    return found


def export_rows(db: Database, chunk: int = _CHUNK) -> Iterator[dict[str, Any]]:
    """Every message as a dict of the fields an export shows (``services.exporter.EXPORT_KEYS``)
    plus its ``id``, in import order, read in chunks."""
    last = 0
    while True:
        rows = db.execute(_EXPORT_SQL, [last, chunk]).fetchall()
        if not rows:
            return
        attachments = _attachments_of(db, [row[0] for row in rows])
        for row in rows:
            yield {
                "id": row[0],
                "message_id": row[1],
                "kind": row[2],
                "marketplace": row[3],
                "order_id": row[4],
                "asins": json.loads(row[5] or "[]"),
                "item_title": row[6],
                "buyer_name": row[7],
                "relay_address": row[8],
                "buyer_text": row[9],
                "received_at": row[10],
                "attachments": attachments.get(row[0], []),
                "conversation_id": row[11],
            }
        last = rows[-1][0]


# -- orders and conversations --------------------------------------------------------------
def upsert_order(db: Database, parsed: ParsedMail) -> None:
    """Create the order row of a message that shows an order id, filling gaps of an old one."""
    if not parsed.order_id:
        return
    db.execute(
        _UPSERT_ORDER_SQL,
        [
            parsed.order_id,
            parsed.marketplace,
            parsed.item_title,
            _json(parsed.asins),
            parsed.buyer_name,
        ],
    )


def _order_of_alias(db: Database, alias: str) -> str | None:
    row = db.execute(
        "SELECT order_id FROM messages WHERE relay_alias = ? AND order_id IS NOT NULL "
        "ORDER BY received_at DESC LIMIT 1",
        [alias],
    ).fetchone()
    return row[0] if row else None


def _conversation_values(parsed: ParsedMail, order_id: str | None) -> dict[str, Any]:
    return {
        "order_id": order_id,
        "marketplace": parsed.marketplace,
        "buyer_name": parsed.buyer_name,
        "relay_address": parsed.relay_address,
        "subject": strip_reply_prefixes(parsed.subject) or None,
    }


def _get_or_create(db: Database, thread_key: str, values: dict[str, Any]) -> int:
    row = db.execute(
        "SELECT id, order_id, marketplace, buyer_name, relay_address, subject "
        "FROM conversations WHERE thread_key = ?",
        [thread_key],
    ).fetchone()
    if row is None:
        cursor = db.execute(
            "INSERT INTO conversations (thread_key, order_id, marketplace, buyer_name, "
            "relay_address, subject) VALUES (?, ?, ?, ?, ?, ?)",
            [
                thread_key,
                values["order_id"],
                values["marketplace"],
                values["buyer_name"],
                values["relay_address"],
                values["subject"],
            ],
        )
        return int(cursor.lastrowid)
    names = ("order_id", "marketplace", "buyer_name", "relay_address", "subject")
    gaps = {
        name: values[name]
        for name, current in zip(names, row[1:], strict=True)
        if current is None and values[name] is not None
    }
    if gaps:
        assignments = ", ".join(f"{name} = ?" for name in gaps)
        db.execute(f"UPDATE conversations SET {assignments} WHERE id = ?", [*gaps.values(), row[0]])
    return int(row[0])


def merge_conversation(db: Database, source_key: str, target_id: int) -> int | None:
    """Move everything of the conversation ``source_key`` into ``target_id`` and delete it.
    Returns the id of the deleted conversation, if there was one."""
    row = db.execute(
        "SELECT id, notes FROM conversations WHERE thread_key = ?", [source_key]
    ).fetchone()
    if row is None or row[0] == target_id:
        return None
    source_id, notes = row
    db.execute(
        "UPDATE messages SET conversation_id = ? WHERE conversation_id = ?", [target_id, source_id]
    )
    db.execute(
        "UPDATE drafts SET conversation_id = ? WHERE conversation_id = ?", [target_id, source_id]
    )
    db.execute(
        "UPDATE return_cases SET conversation_id = ? WHERE conversation_id = ?",
        [target_id, source_id],
    )
    db.execute(
        "INSERT OR IGNORE INTO conversation_tags (conversation_id, tag) "
        "SELECT ?, tag FROM conversation_tags WHERE conversation_id = ?",
        [target_id, source_id],
    )
    db.execute("DELETE FROM conversation_tags WHERE conversation_id = ?", [source_id])
    if notes:
        db.execute(
            "UPDATE conversations SET notes = CASE WHEN notes = '' THEN ? "
            "ELSE notes || char(10) || ? END WHERE id = ?",
            [notes, notes, target_id],
        )
    db.execute("DELETE FROM conversations WHERE id = ?", [source_id])
    return int(source_id)


def resolve_conversation(db: Database, parsed: ParsedMail) -> tuple[int, int | None]:
    """The conversation this message belongs to (created if needed), and the id of an alias
    conversation merged into it on the way (or None)."""
    alias = alias_of(parsed)
    order_id = parsed.order_id or (_order_of_alias(db, alias) if alias else None)
    if order_id:
        conversation_id = _get_or_create(
            db, f"order:{order_id}", _conversation_values(parsed, order_id)
        )
        merged = None
        if alias and parsed.order_id:
            merged = merge_conversation(db, f"alias:{alias}", conversation_id)
        return conversation_id, merged
    key = f"alias:{alias}" if alias else f"message:{parsed.message_key}"
    return _get_or_create(db, key, _conversation_values(parsed, None)), None


def place_message(db: Database, parsed: ParsedMail, touched: set[int]) -> int:
    """Store the message's order, find (or create) its conversation and return its id.

    ``touched`` collects the conversations to refresh afterwards: this one is added, and an
    alias conversation merged into it on the way (now deleted) is dropped."""
    upsert_order(db, parsed)
    conversation_id, merged = resolve_conversation(db, parsed)
    touched.add(conversation_id)
    if merged is not None:
        touched.discard(merged)
    return conversation_id


def is_notice(parsed: ParsedMail) -> bool:
    """Whether this message is a return, refund or A-to-z notice about a known order."""
    return parsed.kind in NOTICE_KINDS and bool(parsed.order_id)


# -- writing messages ----------------------------------------------------------------------
def insert_message(
    db: Database,
    parsed: ParsedMail,
    *,
    raw: bytes,
    source: str,
    received_at: str,
    imported_at: str,
    parser_version: int,
    conversation_id: int,
) -> int | None:
    """Store one message and its attachments; None when its key is already stored."""
    values = message_values(parsed, received_at)
    values.update(
        message_key=parsed.message_key,
        conversation_id=conversation_id,
        source=source,
        raw=raw,
        parser_version=parser_version,
        imported_at=imported_at,
    )
    cursor = db.execute(_INSERT_SQL, values)
    if cursor.rowcount != 1:
        return None
    rowid = int(cursor.lastrowid)
    if parsed.attachments:
        db.conn.executemany(
            "INSERT INTO attachments (message_rowid, filename, content_type, size, data) "
            "VALUES (?, ?, ?, ?, ?)",
            [(rowid, a.filename, a.content_type, a.size, a.data) for a in parsed.attachments],
        )
    return rowid


def update_message(
    db: Database,
    rowid: int,
    parsed: ParsedMail,
    *,
    received_at: str,
    parser_version: int,
    conversation_id: int,
) -> None:
    """Replace a stored message's parsed fields and attachments (reparse)."""
    values = message_values(parsed, received_at)
    values.update(id=rowid, conversation_id=conversation_id, parser_version=parser_version)
    db.execute(_UPDATE_SQL, values)
    db.execute("DELETE FROM attachments WHERE message_rowid = ?", [rowid])
    if parsed.attachments:
        db.conn.executemany(
            "INSERT INTO attachments (message_rowid, filename, content_type, size, data) "
            "VALUES (?, ?, ?, ?, ?)",
            [(rowid, a.filename, a.content_type, a.size, a.data) for a in parsed.attachments],
        )


def delete_empty_conversations(db: Database, conversation_ids: Iterable[int]) -> list[int]:
    """Delete those of these conversations left without messages, drafts or a return case."""
    deleted: list[int] = []
    for conversation_id in {cid for cid in conversation_ids if cid is not None}:
        row = db.execute(
            "SELECT (SELECT count(*) FROM messages WHERE conversation_id = :c) + "
            "(SELECT count(*) FROM drafts WHERE conversation_id = :c) + "
            "(SELECT count(*) FROM return_cases WHERE conversation_id = :c)",
            {"c": conversation_id},
        ).fetchone()
        if row[0] == 0:
            db.execute("DELETE FROM conversation_tags WHERE conversation_id = ?", [conversation_id])
            db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])
            deleted.append(conversation_id)
    return deleted
