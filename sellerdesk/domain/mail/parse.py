"""``parse_mail(raw) -> ParsedMail``: one e-mail's bytes turned into SellerDesk's fields.

Qt-free and store-free. Bad input raises ``MailError`` with a sentence a seller understands.
Bump ``PARSER_VERSION`` whenever a change alters what is extracted: ``sellerdesk reparse``
brings stored mail up to date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from email.errors import CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect
from email.message import Message
from typing import Any

from sellerdesk.domain.mail import fields
from sellerdesk.domain.mail.addresses import (
    MARKETPLACE_IDS,
    find_relay_addresses,
    is_amazon_domain,
    is_relay_domain,
    marketplace_from_display_name,
    marketplace_from_links,
    marketplace_from_seller_central,
    marketplace_of_domain,
)
from sellerdesk.domain.mail.forwarded import find_inline_forward
from sellerdesk.domain.mail.html_text import html_to_text
from sellerdesk.domain.mail.kinds import classify
from sellerdesk.domain.mail.markers import KIND_NOTIFICATIONS
from sellerdesk.domain.mail.mime import (
    Address,
    decode_header_text,
    first_headers,
    parse_address,
    parse_bytes,
    parse_date,
    part_filename,
    part_text,
)
from sellerdesk.domain.timeutil import to_iso

PARSER_VERSION = 1
MAX_MESSAGE_BYTES = 25 * 1024 * 1024
_BINARY_HEADER_RE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADER_LINE_RE = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)
_SURVEY_TYPE_RE = re.compile(r"customAttribute1Value=([A-Z][A-Z0-9_]{5,60})")
_NRN_RE = re.compile(r"no-response-needed|[?&](?:amp;)?nrn=1")


def too_large_reason(size: int) -> str:
    """Why a message of ``size`` bytes (over ``MAX_MESSAGE_BYTES``) is refused, in plain words."""
    return (
        f"the message is {size / 1_048_576:.1f} MB, larger than the "
        f"{MAX_MESSAGE_BYTES // 1_048_576} MB SellerDesk accepts (Amazon relays at most "
        "10 MB of attachments); save its attachments separately"
    )


class MailError(ValueError):
    """This item is not a usable e-mail; the message says why in plain words."""


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int
    data: bytes = field(repr=False)

    def describe(self) -> dict[str, Any]:
        return {"filename": self.filename, "content_type": self.content_type, "size": self.size}


@dataclass
class ParsedMail:
    message_key: str
    message_id: str | None
    kind: str
    marketplace: str | None
    order_id: str | None
    asins: list[str]
    item_title: str | None
    buyer_name: str | None
    relay_address: str | None
    subject: str
    buyer_text: str | None
    seller_text: str | None
    body_text: str
    received_at: str | None
    attachments: list[Attachment]
    extra: dict[str, Any]

    def fields(self) -> dict[str, Any]:
        """The message fields as exported (the keys of the sample corpus' truth)."""
        return {
            "message_id": self.message_id,
            "kind": self.kind,
            "marketplace": self.marketplace,
            "order_id": self.order_id,
            "asins": list(self.asins),
            "item_title": self.item_title,
            "buyer_name": self.buyer_name,
            "relay_address": self.relay_address,
            "buyer_text": self.buyer_text,
            "received_at": self.received_at,
            "attachments": [attachment.describe() for attachment in self.attachments],
        }


# -- validation ---------------------------------------------------------------------------
def _check_bytes(raw: bytes) -> None:
    if not raw.strip():
        raise MailError("the file is empty")
    if len(raw) > MAX_MESSAGE_BYTES:
        raise MailError(too_large_reason(len(raw)))
    head = raw[:65536].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if not _HEADER_LINE_RE.match(raw.lstrip()[:1000]):
        raise MailError("this is not an e-mail: it does not start with e-mail headers")
    if _BINARY_HEADER_RE.search(head):
        raise MailError(
            "the e-mail's header contains invalid (binary) bytes, so it cannot be read safely"
        )


def _check_message(message: Message, raw: bytes) -> None:
    headers = {key.lower() for key in message}
    if not headers & {"from", "date", "message-id", "subject"}:
        raise MailError("this is not an e-mail: it has no From, Date, Subject or Message-ID")
    if b"\n\n" not in raw and b"\r\n\r\n" not in raw:
        raise MailError("the e-mail is cut off: it ends inside its header, before any text")
    for part in message.walk():
        for defect in part.defects:
            if isinstance(defect, CloseBoundaryNotFoundDefect | StartBoundaryNotFoundDefect):
                raise MailError("the e-mail is cut off: its last part is incomplete")


# -- body and attachments -----------------------------------------------------------------
@dataclass
class _Body:
    plain: Message | None = None
    html: Message | None = None
    attachments: list[Attachment] = field(default_factory=list)
    embedded: list[Message] = field(default_factory=list)


def _disposition(part: Message) -> str:
    value = part.get("Content-Disposition")
    return str(value).split(";", 1)[0].strip().lower() if value else ""


def _collect(part: Message, body: _Body) -> None:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        payload = part.get_payload()
        if isinstance(payload, list) and payload and isinstance(payload[0], Message):
            body.embedded.append(payload[0])
        return
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                _collect(sub, body)
        return
    disposition = _disposition(part)
    filename = part_filename(part)
    if content_type in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        if content_type == "text/plain" and body.plain is None:
            body.plain = part
            return
        if content_type == "text/html" and body.html is None:
            body.html = part
            return
    if part.get("Content-ID") and disposition != "attachment":
        return  # an inline image the HTML shows (cid:), not an attached file
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    body.attachments.append(Attachment(filename, content_type, len(data), data))


def _collect_body(message: Message) -> _Body:
    body = _Body()
    _collect(message, body)
    return body


@dataclass
class _Content:
    """The notification inside the stored mail (itself, or what it forwards)."""

    headers: dict[str, str]
    text: str
    links: list[str]
    attachments: list[Attachment]
    wrapped: str | None


def _text_and_links(body: _Body) -> tuple[str, list[str]]:
    plain = part_text(body.plain) if body.plain is not None else ""
    if plain.strip():
        return plain, fields.find_urls(plain)
    if body.html is not None:
        converted = html_to_text(part_text(body.html))
        return converted.text, list(converted.links)
    return plain, []


def _is_amazon(headers: dict[str, str]) -> bool:
    return is_amazon_domain(parse_address(headers.get("from", "")).domain)


def _content(message: Message, headers: dict[str, str]) -> _Content:
    body = _collect_body(message)
    text, links = _text_and_links(body)
    if not _is_amazon(headers):
        for inner in body.embedded:
            inner_headers = first_headers(inner)
            if _is_amazon(inner_headers):
                inner_body = _collect_body(inner)
                inner_text, inner_links = _text_and_links(inner_body)
                return _Content(
                    inner_headers, inner_text, inner_links, inner_body.attachments, "rfc822"
                )
        content = _Content(headers, text, links, body.attachments, None)
        for _depth in range(3):
            forward = find_inline_forward(content.text)
            if forward is None:
                break
            content = _Content(
                forward.headers, forward.body, content.links, body.attachments, "inline"
            )
            if _is_amazon(content.headers):
                break
        if content.wrapped:
            return content
    return _Content(headers, text, links, body.attachments, None)


# -- fields -------------------------------------------------------------------------------
def _message_key(headers: dict[str, str], raw: bytes) -> tuple[str, str | None]:
    message_id = decode_header_text(headers.get("message-id")).strip().strip("<>").strip()
    message_id = message_id.split()[0] if message_id else ""
    if message_id:
        return message_id, message_id
    return "sha256:" + hashlib.sha256(raw).hexdigest(), None


def _marketplace(
    headers: dict[str, str], sender: Address, relay: str | None, texts: list[str]
) -> str | None:
    code = MARKETPLACE_IDS.get(headers.get("x-marketplace-id", "").strip())
    if code:
        return code
    if relay:
        return marketplace_of_domain(relay.rpartition("@")[2])
    return (
        marketplace_from_links(texts)
        or marketplace_from_seller_central(texts)
        or marketplace_from_display_name(sender.name)
        or marketplace_of_domain(sender.domain)
    )


def _relay_address(sender: Address, reply_to: Address, texts: list[str]) -> str | None:
    for address in (reply_to, sender):
        if address.address and is_relay_domain(address.domain):
            return address.address.lower()
    for text in texts:
        found = find_relay_addresses(text)
        if found:
            return found[0]
    return None


def _buyer_name(kind: str, sender: Address, subject: str, template: str) -> str | None:
    if kind == "buyer_message" and is_relay_domain(sender.domain):
        name = fields.display_name_buyer(sender.name)
        if name:
            return name
    return fields.subject_buyer(subject) or fields.body_buyer(template)


def _notice_extra(
    kind: str, lines: list[str], template: str, marketplace: str | None, items: fields.Items
) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if kind in ("refund_issued", "atoz_claim"):
        extra["amount"], extra["currency"] = fields.find_amount(template, marketplace)
    if kind == "atoz_claim":
        days, hours = fields.find_deadline(template)
        extra["deadline_days"] = days
        if hours is not None:
            extra["deadline_hours"] = hours
    if kind == "return_request":
        extra["return_reason"] = items.reason
        extra["buyer_comment"] = items.comment
        extra["carrier"], extra["tracking"] = fields.return_shipping(lines)
    return extra


def _deadline(extra: dict[str, Any], received: dt.datetime | None) -> None:
    """The A-to-z response deadline as a time: received + the days (or hours) it gives."""
    if received is None:
        return
    if extra.get("deadline_days"):
        extra["deadline"] = to_iso(received + dt.timedelta(days=extra["deadline_days"]))
    elif extra.get("deadline_hours"):
        extra["deadline"] = to_iso(received + dt.timedelta(hours=extra["deadline_hours"]))


def _notification_type(
    header_type: str, kind: str, content: _Content, from_amazon: bool
) -> str | None:
    """Amazon's notification type: its header, else the type its newer templates name in the
    survey link, else (for a forwarded notice, whose headers the forward dropped) the type
    Amazon always sets on that kind of notice."""
    if header_type or not from_amazon:
        return header_type or None
    if not content.wrapped:
        return None
    for text in (content.text, *content.links):
        match = _SURVEY_TYPE_RE.search(text)
        if match:
            return match.group(1)
    if kind != "buyer_message":
        return KIND_NOTIFICATIONS.get(kind)
    return None


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse one e-mail; raises ``MailError`` when it cannot be used."""
    _check_bytes(raw)
    message = parse_bytes(raw)
    _check_message(message, raw)
    outer = first_headers(message)
    message_key, message_id = _message_key(outer, raw)
    received = parse_date(outer.get("date"))
    content = _content(message, outer)
    return _analyse(outer, content, message_key, message_id, received)


def _analyse(
    outer: dict[str, str],
    content: _Content,
    message_key: str,
    message_id: str | None,
    received: dt.datetime | None,
) -> ParsedMail:
    headers = content.headers
    subject = decode_header_text(outer.get("subject"))
    inner_subject = decode_header_text(headers.get("subject")) or subject
    sender = parse_address(headers.get("from", ""))
    reply_to = parse_address(headers.get("reply-to", ""))
    from_amazon = is_amazon_domain(sender.domain)
    from_relay = is_relay_domain(sender.domain)
    lines = content.text.split("\n")
    block = fields.split_message_block(lines)
    header_type = headers.get("x-space-notification-type", "").strip() if from_amazon else ""
    kind = classify(
        from_amazon=from_amazon,
        from_relay=from_relay,
        notification_type=header_type or None,
        subject=inner_subject,
        text=content.text,
        has_message_markers=block.text is not None,
    )
    notification_type = _notification_type(header_type, kind, content, from_amazon)
    extra: dict[str, Any] = {
        "notification_type": notification_type,
        "subject": subject,
        "wrapped": content.wrapped,
    }
    base = ParsedMail(
        message_key=message_key,
        message_id=message_id,
        kind=kind,
        marketplace=None,
        order_id=None,
        asins=[],
        item_title=None,
        buyer_name=None,
        relay_address=None,
        subject=subject,
        buyer_text=None,
        seller_text=None,
        body_text=content.text.strip(),
        received_at=to_iso(received) if received else None,
        attachments=content.attachments,
        extra=extra,
    )
    if not from_amazon:
        extra["template_lang"] = None
        return base
    _fill_amazon_fields(base, kind, headers, sender, reply_to, inner_subject, content, block)
    _deadline(extra, received)
    return base


def _fill_amazon_fields(
    mail: ParsedMail,
    kind: str,
    headers: dict[str, str],
    sender: Address,
    reply_to: Address,
    subject: str,
    content: _Content,
    block: fields.MessageBlock,
) -> None:
    template_lines = block.template
    quoted = block.text
    if kind == "reply_copy" and quoted is None:
        quoted, template_lines = fields.reply_copy_text(content.text.split("\n"))
    template = "\n".join(template_lines)
    texts = [template, *content.links]
    mail.relay_address = _relay_address(sender, reply_to, texts)
    mail.marketplace = _marketplace(headers, sender, mail.relay_address, texts)
    mail.order_id = fields.find_order_id(subject, template, quoted or "")
    items = fields.find_items(template_lines, content.links)
    mail.asins, mail.item_title = items.asins, items.title
    mail.buyer_name = _buyer_name(kind, sender, subject, template)
    if kind == "reply_copy":
        mail.seller_text = quoted
        mail.extra["seller_text"] = quoted
    elif kind == "buyer_message":
        mail.buyer_text = quoted
    elif kind == "return_request":
        mail.buyer_text = items.comment
    mail.extra.update(_notice_extra(kind, template_lines, template, mail.marketplace, items))
    mail.extra["template_lang"] = fields.template_language(subject, template)
    nrn = next((link for link in content.links if _NRN_RE.search(link)), None)
    if nrn:
        mail.extra["nrn_link"] = nrn
