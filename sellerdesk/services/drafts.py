"""Reply drafts: one open draft per conversation, saved as the seller types, marked as sent.

The GUI saves on every pause in typing (``DraftService.save``); each save is one committed
SQLite transaction in WAL mode, so whatever was saved survives a crash or a killed process.
Marking a draft as sent records the time and the way out (clipboard, eml, smtp, manual) and
refreshes the conversation, so the 24-hour reply clock stops (a sent draft counts as a seller
reply, rule RT-24H).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.errors import UsageError
from sellerdesk.store import drafts_repo
from sellerdesk.store.conversations_repo import refresh_conversations
from sellerdesk.store.drafts_repo import Draft, ReplyFacts
from sellerdesk.store.store import Store

# How a reply left SellerDesk (drafts.sent_via).
SENT_VIA = ("manual", "clipboard", "eml", "smtp")
REPLY_PURPOSE = "reply"


@dataclass(frozen=True)
class DraftContent:
    """What the composer holds for one conversation."""

    subject: str = ""
    body: str = ""
    language: str | None = None
    template_key: str | None = None
    purpose: str | None = REPLY_PURPOSE

    def is_empty(self) -> bool:
        return not self.subject.strip() and not self.body.strip()

    @classmethod
    def of(cls, draft: Draft) -> DraftContent:
        return cls(draft.subject, draft.body, draft.language, draft.template_key, draft.purpose)


class DraftService:
    """Loads, saves and sends the drafts of the seller's replies."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, conversation_id: int) -> Draft | None:
        """The conversation's open (unsent) draft, if it has one."""
        with self.store.read() as db:
            return drafts_repo.open_draft(db, conversation_id)

    def save(self, conversation_id: int, content: DraftContent) -> Draft | None:
        """Store ``content`` as the open draft; an empty draft deletes it. Unchanged: no write.

        One transaction: the draft read, the check and the write cannot interleave with
        another save.
        """
        with self.store.write() as db:
            current = drafts_repo.open_draft(db, conversation_id)
            if current is not None and DraftContent.of(current) == content:
                return current
            if content.is_empty():
                if current is not None:
                    drafts_repo.delete_open_draft(db, conversation_id)
                return None
            if current is None and not drafts_repo.conversation_exists(db, conversation_id):
                raise UsageError("this conversation no longer exists (merged or deleted)")
            draft_id = drafts_repo.save_open_draft(
                db,
                conversation_id,
                content.subject,
                content.body,
                content.language,
                content.template_key,
                content.purpose,
            )
            return drafts_repo.get_draft(db, draft_id)

    def discard(self, conversation_id: int) -> None:
        with self.store.write() as db:
            drafts_repo.delete_open_draft(db, conversation_id)

    def mark_sent(
        self,
        conversation_id: int,
        sent_at: dt.datetime | None = None,
        via: str = "manual",
        content: DraftContent | None = None,
    ) -> Draft:
        """Record the open draft (saving ``content`` first, if given) as sent at ``sent_at``.

        Stops the conversation's reply clock. Raises ``UsageError`` when there is no draft
        text, the time is naive or in the future, or ``via`` is unknown.
        """
        moment = self._checked_time(sent_at)
        if via not in SENT_VIA:
            raise UsageError(f"unknown way out {via!r}; expected one of {', '.join(SENT_VIA)}")
        if content is not None:
            self.save(conversation_id, content)
        with self.store.write() as db:
            draft = drafts_repo.open_draft(db, conversation_id)
            if draft is None or not draft.body.strip():
                raise UsageError("there is no reply text to mark as sent")
            drafts_repo.mark_sent(db, draft.id, to_iso(moment), via)
            refresh_conversations(db, [conversation_id])
            sent = drafts_repo.get_draft(db, draft.id)
        assert sent is not None
        return sent

    @staticmethod
    def _checked_time(sent_at: dt.datetime | None) -> dt.datetime:
        now = utc_now()
        if sent_at is None:
            return now
        if sent_at.tzinfo is None:
            raise UsageError("the time a reply was sent needs a time zone")
        if sent_at > now + dt.timedelta(minutes=5):
            raise UsageError("a reply cannot be marked as sent in the future")
        return sent_at.astimezone(dt.UTC).replace(microsecond=0)

    def sent(self, conversation_id: int) -> list[Draft]:
        """Replies sent from SellerDesk for this conversation, oldest first."""
        with self.store.read() as db:
            return drafts_repo.sent_drafts(db, conversation_id)

    def facts(self, conversation_id: int) -> ReplyFacts | None:
        """Recipient, threading ids and placeholder values of the conversation."""
        with self.store.read() as db:
            return drafts_repo.reply_facts(db, conversation_id)
