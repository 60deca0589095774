"""A conversation as a case file: summary, order facts, notes and the whole thread, as HTML.

Qt-free: ``gui/printing/conversation_pdf.py`` typesets the HTML for print preview and PDF.
The HTML keeps to what ``QTextDocument`` renders (tables, headings, paragraphs, inline styles).
Times are shown in the seller's time zone with the zone's abbreviation.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from sellerdesk.domain.timeutil import from_iso, utc_now
from sellerdesk.store import drafts_repo
from sellerdesk.store.drafts_repo import CaseFileRecord, Draft, ThreadMessage
from sellerdesk.store.store import Store

KIND_LABELS: dict[str, str] = {
    "buyer_message": "Buyer message",
    "reply_copy": "Your reply (copy from Amazon)",
    "return_request": "Return request",
    "refund_issued": "Refund issued",
    "atoz_claim": "A-to-z claim",
    "optout_bounce": "Buyer opted out (bounce)",
    "other": "Other notice",
    "sent_draft": "Your reply (sent from SellerDesk)",
}
STATUS_LABELS: dict[str, str] = {
    "needs_reply": "Needs reply",
    "replied": "Replied",
    "no_response_needed": "No response needed",
    "closed": "Closed",
}
SENT_VIA_LABELS: dict[str, str] = {
    "manual": "marked as sent",
    "clipboard": "copied to Seller Central",
    "eml": "saved as .eml",
    "smtp": "sent by e-mail",
}


@dataclass(frozen=True)
class ThreadEntry:
    """One line of the case file's thread: a stored message or a reply sent from SellerDesk."""

    at: dt.datetime
    kind: str
    subject: str
    text: str
    note: str = ""


class ConversationNotFound(LookupError):
    """No conversation has that id."""


def format_time(value: str | dt.datetime | None, tz: dt.tzinfo) -> str:
    """'2026-11-26 09:30 CET' in the seller's zone; '' for no time."""
    if value is None or value == "":
        return ""
    moment = from_iso(value) if isinstance(value, str) else value
    local = moment.astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or "")


def _message_entry(message: ThreadMessage) -> ThreadEntry:
    text = message.buyer_text or message.seller_text or message.body_text or ""
    notes = []
    if message.attachments:
        names = ", ".join(name or "(unnamed)" for name in message.attachments)
        notes.append(f"Attachments: {names}")
    if message.no_response_needed:
        notes.append("Marked no response needed")
    return ThreadEntry(
        at=from_iso(message.received_at),
        kind=message.kind,
        subject=message.subject or "",
        text=text.strip(),
        note="; ".join(notes),
    )


def _draft_entry(draft: Draft) -> ThreadEntry:
    via = SENT_VIA_LABELS.get(draft.sent_via or "", draft.sent_via or "")
    return ThreadEntry(
        at=from_iso(draft.sent_at or draft.updated_at),
        kind="sent_draft",
        subject=draft.subject,
        text=draft.body.strip(),
        note=f"Recorded {via}" if via else "",
    )


def thread_entries(record: CaseFileRecord) -> list[ThreadEntry]:
    """Messages and sent replies, oldest first."""
    entries = [_message_entry(m) for m in record.messages]
    entries += [_draft_entry(d) for d in record.sent_drafts]
    return sorted(entries, key=lambda entry: entry.at)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _text_block(text: str) -> str:
    """Paragraph text with its line breaks kept (QTextDocument honours <br>)."""
    return "<br>".join(_e(line) for line in text.splitlines()) or "&nbsp;"


def _facts_table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#555555; padding-right:12px;'>{_e(label)}</td>"
        f"<td>{_e(value)}</td></tr>"
        for label, value in rows
        if value
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>" if cells else "<p>-</p>"


def _asins(order: dict[str, object] | None) -> str:
    if not order:
        return ""
    try:
        values = json.loads(str(order.get("asins") or "[]"))
    except ValueError:
        return ""
    return ", ".join(str(v) for v in values) if isinstance(values, list) else ""


def _summary_rows(record: CaseFileRecord, tz: dt.tzinfo) -> list[tuple[str, str]]:
    c = record.conversation
    status = STATUS_LABELS.get(str(c.get("status")), str(c.get("status") or ""))
    return [
        ("Status", status),
        ("Buyer", str(c.get("buyer_name") or "")),
        ("Buyer relay address", str(c.get("relay_address") or "")),
        ("Marketplace", str(c.get("marketplace") or "")),
        ("Subject", str(c.get("subject") or "")),
        ("First message", format_time(c.get("first_message_at"), tz)),  # type: ignore[arg-type]
        ("Last message", format_time(c.get("last_message_at"), tz)),  # type: ignore[arg-type]
        ("Reply due", format_time(c.get("reply_due_at"), tz)),  # type: ignore[arg-type]
        ("Last reply", format_time(c.get("last_reply_at"), tz)),  # type: ignore[arg-type]
        ("Tags", ", ".join(record.tags)),
    ]


def _order_rows(record: CaseFileRecord, tz: dt.tzinfo) -> list[tuple[str, str]]:
    order = record.order or {}
    return [
        ("Order id", str(record.conversation.get("order_id") or "")),
        ("Marketplace", str(order.get("marketplace") or "")),
        ("Item", str(order.get("item_title") or "")),
        ("ASINs", _asins(record.order)),
        ("Buyer", str(order.get("buyer_name") or "")),
        ("Ordered", format_time(order.get("ordered_at"), tz)),  # type: ignore[arg-type]
        ("Delivered", format_time(order.get("delivered_at"), tz)),  # type: ignore[arg-type]
    ]


def _entry_html(entry: ThreadEntry, tz: dt.tzinfo) -> str:
    label = KIND_LABELS.get(entry.kind, entry.kind)
    seller = entry.kind in ("reply_copy", "sent_draft")
    colour = "#1d5a8f" if seller else "#333333"
    parts = [
        f"<p style='margin-top:10px; margin-bottom:2px;'><b style='color:{colour};'>{_e(label)}"
        f"</b> &middot; {_e(format_time(entry.at, tz))}</p>"
    ]
    if entry.subject:
        parts.append(f"<p style='margin:0; color:#555555;'>{_e(entry.subject)}</p>")
    parts.append(f"<p style='margin-top:2px; margin-left:12px;'>{_text_block(entry.text)}</p>")
    if entry.note:
        parts.append(f"<p style='margin:0 0 0 12px; color:#777777;'><i>{_e(entry.note)}</i></p>")
    return "".join(parts)


def render_html(record: CaseFileRecord, tz: dt.tzinfo, generated_at: dt.datetime) -> str:
    """The case file of one conversation as HTML."""
    c = record.conversation
    order_id = c.get("order_id")
    title = f"Case file: order {order_id}" if order_id else f"Case file: conversation {c['id']}"
    notes = str(c.get("notes") or "").strip()
    thread = "".join(_entry_html(entry, tz) for entry in thread_entries(record))
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title></head><body>"
        f"<h1 style='font-size:16pt;'>{_e(title)}</h1>"
        f"<p style='color:#777777;'>Printed from SellerDesk on {_e(format_time(generated_at, tz))}"
        f" &middot; conversation {_e(c['id'])}</p>"
        "<h2 style='font-size:12pt;'>Summary</h2>"
        f"{_facts_table(_summary_rows(record, tz))}"
        "<h2 style='font-size:12pt;'>Order</h2>"
        f"{_facts_table(_order_rows(record, tz))}"
        "<h2 style='font-size:12pt;'>Notes</h2>"
        f"<p>{_text_block(notes) if notes else '<i>No notes.</i>'}</p>"
        f"<h2 style='font-size:12pt;'>Thread ({len(thread_entries(record))})</h2>"
        f"{thread or '<p><i>No messages.</i></p>'}"
        "</body></html>"
    )


def conversation_case_file(
    store: Store,
    conversation_id: int,
    tz: dt.tzinfo = dt.UTC,
    generated_at: dt.datetime | None = None,
) -> str:
    """HTML case file of a stored conversation; ``ConversationNotFound`` for an unknown id."""
    with store.read() as db:
        record = drafts_repo.case_file_record(db, conversation_id)
    if record is None:
        raise ConversationNotFound(f"no conversation {conversation_id}")
    return render_html(record, tz, generated_at or utc_now())


def case_file_title(store: Store, conversation_id: int) -> str:
    """A file-name-friendly title: 'case-file-111-2223334-4445556'."""
    with store.read() as db:
        facts = drafts_repo.reply_facts(db, conversation_id)
    if facts is None:
        raise ConversationNotFound(f"no conversation {conversation_id}")
    return f"case-file-{facts.order_id or f'conversation-{conversation_id}'}"
