"""One conversation as the seller reads and handles it (Qt-free).

``ConversationService.thread`` gathers what the reader pane shows: the messages in time order
(who wrote them, plain text, attachment names), the order facts, notes, tags, status and the
reply clock. The service also performs the seller's own status changes:

- *Mark no response needed*: flags the buyer messages nobody answered yet
  (``messages.no_response_needed = 1``) so the reply clock and the response metrics leave them
  out (rule RT-NRN), then sets the status. Amazon counts it only when the seller also marks the
  message in Seller Central, so ``ConversationThread.nrn_link`` carries the notification's
  one-click link when there is one (shown, never opened automatically).
- *Close* and *Reopen*: closing keeps the clock data; reopening clears the flags it set on
  still-unanswered messages and lets the clock decide the status again.

Every change runs in one transaction that ends with ``refresh_conversations``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sellerdesk.domain.mail.addresses import domain_tld
from sellerdesk.domain.reply_clock import CLOSED, NEEDS_REPLY, NO_RESPONSE_NEEDED, REPLIED
from sellerdesk.domain.timeutil import from_iso, to_iso, utc_now
from sellerdesk.store import conversation_repo as repo
from sellerdesk.store.conversations_repo import refresh_conversations
from sellerdesk.store.store import Store

BUYER = "buyer"
SELLER = "seller"
AMAZON = "amazon"

MAX_TAG_LENGTH = 40
MAX_NOTES_LENGTH = 20_000

# Seller Central host names, each followed by ".amazon.<marketplace TLD>".
_SELLER_CENTRAL_PREFIXES = ("sellercentral", "sellercentral-europe", "sellercentral-japan")


class ConversationNotFound(LookupError):
    """The conversation id names no stored conversation (deleted or never existed)."""


class StatusChangeRefused(ValueError):
    """The requested status change does not apply to the conversation's current status."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ThreadMessage:
    """One entry of the thread: a buyer message, a seller reply or an Amazon notice."""

    id: int
    kind: str
    side: str
    at: dt.datetime
    sender: str
    subject: str
    text: str
    attachments: tuple[Attachment, ...] = ()
    no_response_needed: bool = False
    answered_at: dt.datetime | None = None
    source: str = "mail"  # "mail" or "draft" (a draft the seller marked as sent)
    # An Amazon notice's key facts as (key, value): amount, reason, comment, tracking, deadline.
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class OrderFacts:
    order_id: str | None
    marketplace: str | None
    item_title: str | None
    asins: tuple[str, ...]
    buyer_name: str | None
    ordered_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None


@dataclass(frozen=True)
class ConversationThread:
    id: int
    thread_key: str
    status: str
    status_changed_at: dt.datetime | None
    subject: str
    relay_address: str | None
    order: OrderFacts
    messages: tuple[ThreadMessage, ...]
    notes: str
    tags: tuple[str, ...]
    reply_due_at: dt.datetime | None
    oldest_unanswered_at: dt.datetime | None
    last_reply_at: dt.datetime | None
    nrn_link: str | None
    actions: frozenset[str] = field(default_factory=frozenset)

    @property
    def buyer_name(self) -> str | None:
        return self.order.buyer_name

    def time_left(self, now: dt.datetime) -> dt.timedelta | None:
        """Until the reply is due (negative when overdue); None when no reply is due."""
        return None if self.reply_due_at is None else self.reply_due_at - now


# Status transitions the seller may ask for, by current status.
MARK_NO_RESPONSE_NEEDED = "mark_no_response_needed"
CLOSE = "close"
REOPEN = "reopen"
ALLOWED_ACTIONS: dict[str, frozenset[str]] = {
    NEEDS_REPLY: frozenset({MARK_NO_RESPONSE_NEEDED, CLOSE}),
    REPLIED: frozenset({CLOSE}),
    NO_RESPONSE_NEEDED: frozenset({CLOSE, REOPEN}),
    CLOSED: frozenset({REOPEN}),
}


def side_of(kind: str) -> str:
    if kind == "buyer_message":
        return BUYER
    if kind == "reply_copy":
        return SELLER
    return AMAZON


def normalize_tag(text: str) -> str:
    """Tags are single-spaced, trimmed and at most ``MAX_TAG_LENGTH`` characters."""
    return " ".join(text.split())[:MAX_TAG_LENGTH]


def is_seller_central_link(url: str) -> bool:
    """Only links to Amazon's own Seller Central are shown (never a look-alike domain).

    The host must be exactly ``sellercentral[-europe|-japan].amazon.<tld>`` for a marketplace
    TLD of :data:`sellerdesk.domain.mail.addresses.DOMAIN_MARKETPLACE`, over https.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a broken IPv6 literal
        return False
    host = parts.hostname or ""
    tld = domain_tld(host)
    if parts.scheme != "https" or tld is None:
        return False
    return any(host == f"{prefix}.amazon.{tld}" for prefix in _SELLER_CENTRAL_PREFIXES)


def _json(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def _time(text: str | None) -> dt.datetime | None:
    return from_iso(text) if text else None


def _message_text(row: repo.Row) -> str:
    kind = row["kind"]
    if kind == "buyer_message":
        candidates = (row["buyer_text"], row["body_text"])
    elif kind == "reply_copy":
        candidates = (row["seller_text"], row["body_text"])
    else:
        candidates = (row["body_text"], row["buyer_text"])
    return next((text.strip() for text in candidates if text and text.strip()), "")


def _sender(row: repo.Row) -> str:
    kind = row["kind"]
    if kind == "buyer_message":
        return row["buyer_name"] or ""
    if kind == "reply_copy":
        return ""
    return "Amazon"


def notice_facts(kind: str, extra: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """What matters in an Amazon notice, from the fields the importer parsed."""
    if kind in ("buyer_message", "reply_copy"):
        return ()
    facts: list[tuple[str, str]] = []
    if extra.get("amount"):
        facts.append(("amount", f"{extra['amount']} {extra.get('currency') or ''}".strip()))
    for key, name in (("return_reason", "reason"), ("buyer_comment", "comment")):
        if extra.get(key):
            facts.append((name, str(extra[key])))
    if extra.get("tracking"):
        facts.append(("tracking", f"{extra.get('carrier') or ''} {extra['tracking']}".strip()))
    if extra.get("deadline"):
        facts.append(("deadline", str(extra["deadline"])))
    return tuple(facts)


def _thread_message(row: repo.Row, attachments: list[repo.Row]) -> ThreadMessage:
    return ThreadMessage(
        id=row["id"],
        kind=row["kind"],
        side=side_of(row["kind"]),
        at=from_iso(row["received_at"]),
        sender=_sender(row),
        subject=row["subject"] or "",
        text=_message_text(row),
        attachments=tuple(
            Attachment(a["filename"] or "", a["content_type"] or "", int(a["size"] or 0))
            for a in attachments
        ),
        no_response_needed=bool(row["no_response_needed"]),
        answered_at=_time(row["answered_at"]),
        facts=notice_facts(row["kind"], _json(row["extra"], {})),
    )


def _draft_message(row: repo.Row) -> ThreadMessage:
    return ThreadMessage(
        id=-int(row["id"]),
        kind="sent_draft",
        side=SELLER,
        at=from_iso(row["sent_at"]),
        sender="",
        subject=row["subject"] or "",
        text=(row["body"] or "").strip(),
        source="draft",
    )


def _order_facts(
    conversation: repo.Row, order: repo.Row | None, messages: list[repo.Row]
) -> OrderFacts:
    """Order facts from the orders table, filled in from the conversation and its messages."""
    newest_first = list(reversed(messages))

    def first(key: str) -> Any:
        if order and order.get(key):
            return order[key]
        return next((m[key] for m in newest_first if m.get(key)), None)

    asins: list[str] = _json(order["asins"], []) if order else []
    if not asins:
        asins = next((a for m in newest_first if (a := _json(m["asins"], []))), [])
    buyer = conversation["buyer_name"] or first("buyer_name")
    return OrderFacts(
        order_id=conversation["order_id"] or first("order_id"),
        marketplace=conversation["marketplace"] or first("marketplace"),
        item_title=first("item_title"),
        asins=tuple(str(asin) for asin in asins),
        buyer_name=buyer,
        ordered_at=_time(order["ordered_at"]) if order else None,
        delivered_at=_time(order["delivered_at"]) if order else None,
    )


def _nrn_link(messages: list[repo.Row]) -> str | None:
    """The newest buyer message's "no response needed" link (``extra["nrn_link"]``, stored by
    the mail parser), when it points to Seller Central."""
    for message in reversed(messages):
        if message["kind"] != "buyer_message":
            continue
        extra = _json(message["extra"], {})
        link = extra.get("nrn_link") if isinstance(extra, dict) else None
        if isinstance(link, str) and is_seller_central_link(link):
            return link
    return None


class ConversationService:
    """Reads a conversation's thread and applies the seller's status, notes and tag edits."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- reading ---------------------------------------------------------------------
    def thread(self, conversation_id: int) -> ConversationThread:
        with self.store.read() as db:
            conversation = repo.fetch_conversation(db, conversation_id)
            if conversation is None:
                raise ConversationNotFound(conversation_id)
            messages = repo.fetch_messages(db, conversation_id)
            attachments = repo.fetch_attachments(db, [m["id"] for m in messages])
            drafts = repo.fetch_sent_drafts(db, conversation_id)
            order = repo.fetch_order(db, conversation["order_id"])
            tags = repo.fetch_tags(db, conversation_id)
        entries = [_thread_message(m, attachments[m["id"]]) for m in messages]
        entries += [_draft_message(d) for d in drafts]
        entries.sort(key=lambda entry: (entry.at, entry.source == "draft"))
        return ConversationThread(
            id=conversation["id"],
            thread_key=conversation["thread_key"],
            status=conversation["status"],
            status_changed_at=_time(conversation["status_changed_at"]),
            subject=conversation["subject"] or "",
            relay_address=conversation["relay_address"],
            order=_order_facts(conversation, order, messages),
            messages=tuple(entries),
            notes=conversation["notes"] or "",
            tags=tuple(tags),
            reply_due_at=_time(conversation["reply_due_at"]),
            oldest_unanswered_at=_time(conversation["oldest_unanswered_at"]),
            last_reply_at=_time(conversation["last_reply_at"]),
            nrn_link=_nrn_link(messages),
            actions=ALLOWED_ACTIONS.get(conversation["status"], frozenset()),
        )

    def all_tags(self) -> list[str]:
        with self.store.read() as db:
            return repo.all_tags(db)

    # --- status ----------------------------------------------------------------------
    def _current_status(self, db: Any, conversation_id: int) -> str:
        row = repo.fetch_conversation(db, conversation_id)
        if row is None:
            raise ConversationNotFound(conversation_id)
        return str(row["status"])

    def _check(self, db: Any, conversation_id: int, action: str) -> None:
        status = self._current_status(db, conversation_id)
        if action not in ALLOWED_ACTIONS.get(status, frozenset()):
            raise StatusChangeRefused(f"cannot {action.replace('_', ' ')} a {status} conversation")

    def mark_no_response_needed(self, conversation_id: int) -> int:
        """Leave the unanswered buyer messages out of the clock and metrics; returns how many."""
        with self.store.write() as db:
            self._check(db, conversation_id, MARK_NO_RESPONSE_NEEDED)
            flagged = repo.mark_unanswered_no_response_needed(db, conversation_id)
            repo.set_status(db, conversation_id, NO_RESPONSE_NEEDED, to_iso(utc_now()))
            refresh_conversations(db, [conversation_id])
        return flagged

    def close(self, conversation_id: int) -> None:
        with self.store.write() as db:
            self._check(db, conversation_id, CLOSE)
            repo.set_status(db, conversation_id, CLOSED, to_iso(utc_now()))
            refresh_conversations(db, [conversation_id])

    def reopen(self, conversation_id: int) -> str:
        """Clear the seller's manual status; the reply clock decides again. Returns it."""
        with self.store.write() as db:
            self._check(db, conversation_id, REOPEN)
            repo.clear_unanswered_no_response_needed(db, conversation_id)
            # A non-manual placeholder lets refresh derive the status from the clock.
            repo.set_status(db, conversation_id, NEEDS_REPLY, to_iso(utc_now()))
            refresh_conversations(db, [conversation_id])
            return self._current_status(db, conversation_id)

    # --- notes and tags --------------------------------------------------------------
    def set_notes(self, conversation_id: int, notes: str) -> None:
        with self.store.write() as db:
            self._current_status(db, conversation_id)
            repo.set_notes(db, conversation_id, notes[:MAX_NOTES_LENGTH])

    def add_tag(self, conversation_id: int, tag: str) -> str | None:
        """Add a tag (normalised); returns it, or None when the text was blank."""
        clean = normalize_tag(tag)
        if not clean:
            return None
        with self.store.write() as db:
            self._current_status(db, conversation_id)
            repo.add_tag(db, conversation_id, clean)
        return clean

    def remove_tag(self, conversation_id: int, tag: str) -> None:
        with self.store.write() as db:
            repo.remove_tag(db, conversation_id, tag)
