"""Re-parsing every stored message with the current parser (``sellerdesk reparse``).

Raw bytes are kept for every message, so parser fixes reach mail imported long ago. Each chunk
of messages is rewritten in one transaction: fields, attachments and conversation (a message may
move to another conversation when the parser now finds its order id); conversations left empty
are removed, touched ones refreshed, and return cases re-folded from the notices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sellerdesk.domain.mail import PARSER_VERSION
from sellerdesk.services import importer
from sellerdesk.services.returns import apply_notices
from sellerdesk.store import messages_repo
from sellerdesk.store.conversations_repo import refresh_conversations
from sellerdesk.store.store import Store

CHUNK = 500


@dataclass(frozen=True)
class ReparseFailure:
    message_key: str
    error: str


@dataclass
class ReparseSummary:
    reparsed: int = 0
    moved: int = 0
    failed: list[ReparseFailure] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "reparsed": self.reparsed,
            "moved": self.moved,
            "failed": [{"message_key": f.message_key, "error": f.error} for f in self.failed],
        }


def _reparse_one(
    db: Any, row: messages_repo.StoredRaw, summary: ReparseSummary, touched: set[int]
) -> bool:
    """Re-parse and rewrite one stored message; whether it is a return notice. A message the
    parser refuses (or fails on) is reported in ``summary.failed`` and left as it was."""
    parsed = importer.parse_item(importer.MailItem(row.message_key, row.raw))
    if isinstance(parsed, importer.ImportFailure):
        summary.failed.append(ReparseFailure(row.message_key, parsed.error))
        return False
    parsed.message_key = row.message_key
    conversation_id = messages_repo.place_message(db, parsed, touched)
    messages_repo.update_message(
        db,
        row.id,
        parsed,
        received_at=parsed.received_at or row.imported_at,
        parser_version=PARSER_VERSION,
        conversation_id=conversation_id,
    )
    if row.conversation_id is not None and row.conversation_id != conversation_id:
        summary.moved += 1
        touched.add(row.conversation_id)
    summary.reparsed += 1
    return messages_repo.is_notice(parsed)


def _reparse_chunk(
    store: Store, rows: list[messages_repo.StoredRaw], summary: ReparseSummary
) -> list[int]:
    touched: set[int] = set()
    notices: list[int] = []
    with store.write() as db:
        for row in rows:
            if _reparse_one(db, row, summary, touched):
                notices.append(row.id)
        gone = messages_repo.delete_empty_conversations(db, touched)
        refresh_conversations(db, touched - set(gone))
    return notices


def reparse_all(store: Store, progress: Callable[[int], None] | None = None) -> ReparseSummary:
    """Re-parse every stored message; returns how many were re-parsed, moved or failed."""
    summary = ReparseSummary()
    last = 0
    while True:
        with store.read() as db:
            rows = messages_repo.raw_messages_after(db, last, CHUNK)
        if not rows:
            break
        notices = _reparse_chunk(store, rows, summary)
        if notices:
            apply_notices(store, notices)
        last = rows[-1].id
        if progress is not None:
            progress(summary.reparsed)
    return summary
