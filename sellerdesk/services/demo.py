"""The demo inbox: a scripted day of a small seller's mail, rendered as Amazon e-mails (Qt-free).

``assets/demo/conversations.json`` holds the conversations (buyers in the US, UK, Germany,
France and Japan; questions, damaged items, returns, refunds, an A-to-z claim, thank-you notes,
answered and overdue threads). Times are given as hours before now, so each build renders real
notification e-mail bytes in the formats of ``amazon-policy.md`` section 6 with live deadlines,
and imports them through the same import service a seller uses.

``ensure_demo_inbox(store)`` is idempotent: while the demo is fresh it changes nothing; a demo
older than ``STALE_AFTER`` (or built from an older script) is cleared and built again so the
deadlines stay live. It refuses to touch any store but the demo's own data dir.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sellerdesk.domain.timeutil import from_iso, to_iso, utc_now
from sellerdesk.errors import StoreUnavailable
from sellerdesk.paths import DB_FILENAME, assets_dir, demo_data_dir
from sellerdesk.store import demo_repo
from sellerdesk.store.store import Store

RENDER_VERSION = 1
STALE_AFTER = dt.timedelta(hours=3)
SETTING_BUILT_AT = "demo.built_at"
SETTING_FINGERPRINT = "demo.fingerprint"

MARKETPLACES: dict[str, dict[str, str]] = {
    "US": {"tld": "com", "id": "ATVPDKIKX0DER", "lang": "en", "zone": "America/Los_Angeles",
           "currency": "USD", "prefix": "11"},
    "UK": {"tld": "co.uk", "id": "A1F83G8C2ARO7P", "lang": "en", "zone": "Europe/London",
           "currency": "GBP", "prefix": "20"},
    "DE": {"tld": "de", "id": "A1PA6795UKMFR9", "lang": "de", "zone": "Europe/Berlin",
           "currency": "EUR", "prefix": "30"},
    "FR": {"tld": "fr", "id": "A13V1IB3VIYZZH", "lang": "fr", "zone": "Europe/Paris",
           "currency": "EUR", "prefix": "40"},
    "JP": {"tld": "co.jp", "id": "A1VC38T7YXB528", "lang": "ja", "zone": "Asia/Tokyo",
           "currency": "JPY", "prefix": "50"},
}

# The words of Amazon's templates per language (modelled on the sample corpus).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "customer": "Amazon customer",
        "new_intro": "You have received a message.",
        "order_label": "Order ID",
        "product": "Product name",
        "start": "Begin message",
        "end": "End message",
        "new_start": "Message:",
        "old_subject": "Inquiry from Amazon customer {name} (Order: {order})",
        "new_subject": "Message from Amazon customer {name}",
        "presale_subject": "Product details inquiry from Amazon customer {name}",
        "item_line": "{qty} of {title} [ASIN: {asin}]",
        "nrn": "Mark as no response needed",
        "retention": (
            "For Your Information: To help arbitrate disputes and preserve trust and safety, we "
            "retain all messages buyers and sellers send through Amazon.{tld} for two years. This "
            "includes your response to the message below. Amazon uses filtering technology to "
            "protect buyers and sellers from possible fraud. Messages that fail this filtering "
            "will not be transmitted."
        ),
        "copyright": "Copyright {year} Amazon, Inc. or its affiliates. All rights reserved.",
        "notifier": "Amazon Seller Central Communications (do not reply)",
        "reply_subject": "Your e-mail to {name}",
        "dear": "Dear {seller},",
        "reply_intro": (
            "This is a copy of the message you sent to {name} through Buyer-Seller Messaging."
        ),
        "your_message": "Your message:",
        "sincerely": "Sincerely,",
        "return_subject": "Return authorization notification for Order # {order}",
        "return_intro": "A customer has requested to return the items listed below. "
        "Here are the details:",
        "return_date": "Return request date",
        "policy_check": "Return policy check",
        "in_policy": "In policy",
        "authorization": "Authorization",
        "item_in_order": "Item in order",
        "quantity": "Return quantity",
        "reason": "Return reason",
        "comments": "Customer comments",
        "carrier": "Return shipping carrier",
        "tracking": "Tracking number",
        "refund_subject": "Refund initiated for order {order}",
        "refund_intro": "We have initiated a refund of {currency} {amount} to {name} for the "
        "following items:",
        "network": "Amazon fulfillment network",
        "merchant": "Seller fulfilled",
        "price_refund": "Item price refund",
        "shipping_refund": "Outbound shipping refund",
        "refund_reason": "Refund reason",
        "charged": "Your seller account will be charged accordingly.",
        "atoz_subject": "A-to-z Guarantee claim received for order {order}",
        "atoz_sender": "Amazon A-to-z Guarantee",
    },
    "de": {
        "customer": "Amazon-Kunde",
        "new_intro": "Sie haben eine Nachricht erhalten.",
        "order_label": "Bestellnummer",
        "product": "Produktname",
        "start": "Anfang der Nachricht",
        "end": "Ende der Nachricht",
        "new_start": "Nachricht:",
        "old_subject": "Frage von Amazon-Kunde {name} (Bestellung: {order})",
        "new_subject": "Nachricht von Amazon-Kunde {name}",
        "presale_subject": "Frage zu Produktdetails von Amazon-Kunde {name}",
        "item_line": "{qty} von {title} [ASIN: {asin}]",
        "nrn": "Als „Keine Antwort erforderlich“ markieren",
        "retention": (
            "Hinweis: Zur Schlichtung von Streitigkeiten und zur Gewährleistung von Vertrauen und "
            "Sicherheit speichern wir alle Nachrichten, die Käufer und Verkäufer über "
            "Amazon.{tld} austauschen, für zwei Jahre. Dies gilt auch für Ihre Antwort auf die "
            "unten stehende Nachricht."
        ),
        "copyright": "Copyright {year} Amazon, Inc. oder Tochtergesellschaften. "
        "Alle Rechte vorbehalten.",
        "notifier": "Amazon Seller Central-Benachrichtigungen (bitte nicht antworten)",
        "reply_subject": "Ihre E-Mail an {name}",
        "dear": "Hallo {seller},",
        "reply_intro": "Dies ist eine Kopie der Nachricht, die Sie über den "
        "Käufer-Verkäufer-Nachrichtenservice an {name} gesendet haben.",
        "your_message": "Ihre Nachricht:",
        "sincerely": "Mit freundlichen Grüßen",
        "return_subject": "Benachrichtigung über Rücksendegenehmigung für Bestellung {order}",
        "return_intro": "Ein Kunde hat die Rücksendung der unten aufgeführten Artikel "
        "angefordert. Hier sind die Details:",
        "return_date": "Datum der Rücksendeanfrage",
        "policy_check": "Prüfung der Rückgaberichtlinien",
        "in_policy": "Entspricht den Richtlinien",
        "authorization": "Genehmigung",
        "item_in_order": "Artikel in der Bestellung",
        "quantity": "Rücksendemenge",
        "reason": "Rücksendegrund",
        "comments": "Kundenkommentar",
        "carrier": "Versanddienst der Rücksendung",
        "tracking": "Sendungsnummer",
        "refund_subject": "Erstattung für Bestellung {order} veranlasst",
        "refund_intro": "Wir haben eine Erstattung in Höhe von {amount} € für die folgenden "
        "Artikel veranlasst:",
        "network": "Amazon-Versandnetzwerk",
        "merchant": "Versand durch Verkäufer",
        "price_refund": "Erstattung Artikelpreis",
        "shipping_refund": "Erstattung Versandkosten",
        "refund_reason": "Erstattungsgrund",
        "charged": "Ihr Verkäuferkonto wird entsprechend belastet.",
    },
    "fr": {
        "customer": "client Amazon",
        "new_intro": "Vous avez reçu un message.",
        "order_label": "N° de commande",
        "product": "Nom du produit",
        "start": "Début du message",
        "end": "Fin du message",
        "new_start": "Message :",
        "old_subject": "Demande de renseignements de la part du client Amazon {name} "
        "(Commande : {order})",
        "new_subject": "Message du client Amazon {name}",
        "presale_subject": "Demande de renseignements de la part du client Amazon {name}",
        "item_line": "{qty} sur {title} [ASIN : {asin}]",
        "nrn": "Marquer comme « Aucune réponse nécessaire »",
        "retention": (
            "Pour information : afin de faciliter la résolution des litiges et de garantir la "
            "confiance et la sécurité, nous conservons pendant deux ans tous les messages échangés "
            "entre acheteurs et vendeurs via Amazon.{tld}, y compris votre réponse au message "
            "ci-dessous."
        ),
        "copyright": "Copyright {year} Amazon, Inc. ou ses filiales. Tous droits réservés.",
        "notifier": "Communications Amazon Seller Central (ne pas répondre)",
        "reply_subject": "Votre e-mail à {name}",
        "dear": "Bonjour {seller},",
        "reply_intro": "Ceci est une copie du message que vous avez envoyé à {name} via la "
        "messagerie acheteur-vendeur.",
        "your_message": "Votre message :",
        "sincerely": "Cordialement,",
        "return_subject": "Notification d'autorisation de retour pour la commande {order}",
        "return_intro": "Un client a demandé à retourner les articles ci-dessous. "
        "Voici les détails :",
        "return_date": "Date de la demande de retour",
        "policy_check": "Vérification de la politique de retour",
        "in_policy": "Conforme à la politique de retour",
        "authorization": "Autorisation",
        "item_in_order": "Article de la commande",
        "quantity": "Quantité retournée",
        "reason": "Motif du retour",
        "comments": "Commentaire du client",
        "carrier": "Transporteur du retour",
        "tracking": "Numéro de suivi",
        "refund_subject": "Remboursement initié pour la commande {order}",
        "refund_intro": "Nous avons initié un remboursement de EUR {amount} pour les articles "
        "suivants :",
        "network": "Réseau d'expédition d'Amazon",
        "merchant": "Expédié par le vendeur",
        "price_refund": "Remboursement du prix de l'article",
        "shipping_refund": "Remboursement des frais d'expédition",
        "refund_reason": "Motif du remboursement",
        "charged": "Votre compte vendeur sera débité en conséquence.",
    },
    "ja": {
        "customer": "Amazon カスタマー",
        "new_intro": "メッセージが届きました。",
        "order_label": "注文番号",
        "product": "商品名",
        "start": "メッセージはここから",
        "end": "メッセージはここまで",
        "new_start": "メッセージはここから",
        "old_subject": "Amazon カスタマー {name} 様からの問い合わせ（注文番号: {order}）",
        "new_subject": "Amazon カスタマー {name} 様からのメッセージ",
        "presale_subject": "Amazon カスタマー {name} 様からの商品に関する問い合わせ",
        "item_line": "{qty} x {title} [ASIN: {asin}]",
        "nrn": "返信不要としてマーク",
        "retention": (
            "お知らせ: 紛争の仲裁および信頼と安全を守るため、Amazon.{tld} を通じて購入者と"
            "出品者の間で送信されたすべてのメッセージを2年間保管します。"
        ),
        "copyright": "Copyright {year} Amazon, Inc. or its affiliates. All rights reserved.",
        "notifier": "Amazon セラーセントラル (返信不可)",
        "reply_subject": "{name} 様へのEメール",
        "dear": "{seller} 様",
        "reply_intro": "購入者と出品者間のメッセージで {name} 様に送信したメッセージのコピーです。",
        "your_message": "あなたのメッセージ:",
        "sincerely": "よろしくお願いいたします。",
        "return_subject": "注文番号 {order} の返品リクエスト通知",
        "return_intro": "購入者から以下の商品の返品リクエストがありました。"
        "詳細は以下のとおりです。",
        "return_date": "返品リクエスト日",
        "policy_check": "返品ポリシーの確認",
        "in_policy": "ポリシーの範囲内",
        "authorization": "承認",
        "item_in_order": "商品名",
        "quantity": "返品数量",
        "reason": "返品理由",
        "comments": "購入者のコメント",
        "carrier": "返送の配送業者",
        "tracking": "追跡番号",
        "refund_subject": "注文番号 {order} の返金処理を開始しました",
        "refund_intro": "以下の商品について ￥{amount} の返金を開始しました。",
        "network": "Amazon フルフィルメントネットワーク",
        "merchant": "出品者出荷",
        "price_refund": "商品代金の返金",
        "shipping_refund": "配送料の返金",
        "refund_reason": "返金理由",
        "charged": "出品者アカウントから相当額が差し引かれます。",
    },
}

_ATTACHMENT_FILES = {".jpg": ("photo.jpg", "image", "jpeg"), ".png": ("label.png", "image", "png")}


class NotTheDemoStore(ValueError):
    """``ensure_demo_inbox`` was handed a store outside the demo's own data dir."""


@dataclass(frozen=True)
class DemoMail:
    """One rendered notification: a file name for error reports and its raw bytes."""

    name: str
    raw: bytes
    conversation_key: str
    kind: str


@dataclass(frozen=True)
class DemoResult:
    rebuilt: bool
    imported: int
    conversations: int


# --- the script -------------------------------------------------------------------------
def script_path() -> Path:
    return assets_dir() / "demo" / "conversations.json"


def load_script(path: Path | None = None) -> dict[str, Any]:
    return json.loads((path or script_path()).read_text(encoding="utf-8"))


def fingerprint(path: Path | None = None) -> str:
    data = (path or script_path()).read_bytes()
    return hashlib.sha256(data + f"render-{RENDER_VERSION}".encode()).hexdigest()[:16]


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def relay_address(key: str, marketplace: str) -> str:
    """A stable 15-character anonymised alias, as Amazon gives each buyer."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    digest = _digest("relay", key)
    local = "".join(alphabet[b % len(alphabet)] for b in digest[:15])
    return f"{local}@marketplace.amazon.{MARKETPLACES[marketplace]['tld']}"


def order_id(key: str, marketplace: str) -> str:
    """A stable order id of Amazon's ``123-1234567-1234567`` shape, by marketplace."""
    number = int.from_bytes(_digest("order", key)[:12], "big")
    head = MARKETPLACES[marketplace]["prefix"] + str(2 + number % 7)
    middle = f"{(number // 10) % 10_000_000:07d}"
    tail = f"{(number // 10**8) % 10_000_000:07d}"
    return f"{head}-{middle}-{tail}"


def _token(*parts: str, length: int = 20) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(alphabet[b % len(alphabet)] for b in _digest(*parts)[:length])


# --- rendering ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Context:
    conversation: dict[str, Any]
    seller: dict[str, str]
    marketplace: str
    words: dict[str, str]
    order: str | None
    relay: str
    at: dt.datetime
    index: int

    @property
    def market(self) -> dict[str, str]:
        return MARKETPLACES[self.marketplace]

    @property
    def tld(self) -> str:
        return self.market["tld"]

    @property
    def buyer(self) -> str | None:
        return self.conversation.get("buyer")

    @property
    def key(self) -> str:
        return str(self.conversation["key"])


def _headers(
    message: EmailMessage, ctx: _Context, subject: str, sender: str, kind_header: str | None
) -> None:
    message["Date"] = format_datetime(ctx.at.astimezone(ZoneInfo(ctx.market["zone"])))
    message["From"] = sender
    message["Reply-To"] = sender
    message["To"] = f'"{ctx.seller["name"]}" <{ctx.seller["address"]}>'
    message["Subject"] = subject
    token = _token("message-id", ctx.key, str(ctx.index), length=24).lower()
    message["Message-ID"] = f"<demo.{token}@sellerdesk-demo.invalid>"
    message["MIME-Version"] = "1.0"
    message["X-Marketplace-ID"] = ctx.market["id"]
    if kind_header:
        message["X-Space-Notification-Type"] = kind_header


def _buyer_sender(ctx: _Context, style: str) -> str:
    name = ctx.buyer or ctx.words["customer"]
    display = f"{name} - Amazon Marketplace" if style == "old" and ctx.buyer else name
    return f'"{display}" <{ctx.relay}>'


def _nrn_url(ctx: _Context, style: str) -> str:
    thread = _token("thread", ctx.key)
    if style == "old":
        return (
            f"https://sellercentral.amazon.{ctx.tld}/gp/communication-manager/inbox.html"
            f"?ie=UTF8&nrn=1&t={thread}"
        )
    alias = ctx.relay.split("@")[0].upper()
    return (
        f"https://sellercentral.amazon.{ctx.tld}/messaging/no-response-needed?t={thread}"
        f"&m={alias}&mp={ctx.market['id']}&c={_token('case', ctx.key, length=13)}&s=1"
    )


def _marker(text: str) -> str:
    return f"------------- {text} -------------"


def _framed(start: str, text: str, end: str) -> list[str]:
    """The buyer's text between the start and end marker lines, each followed by a blank."""
    return [_marker(start), "", text, "", _marker(end), ""]


def _buyer_body(ctx: _Context, event: dict[str, Any], style: str) -> str:
    words = ctx.words
    conversation = ctx.conversation
    footer = [
        words["retention"].format(tld=ctx.tld),
        "",
        words["nrn"],
        _nrn_url(ctx, style),
        "",
        words["copyright"].format(year=ctx.at.year),
    ]
    text = str(event["text"]).strip()
    if style == "presale":
        lines = [
            words["presale_subject"].format(name=ctx.buyer or "").replace("  ", " ").strip(),
            "",
            *_framed(words["start"], text, words["end"]),
        ]
        return "\n".join(lines + footer) + "\n"
    if style == "old":
        item = words["item_line"].format(
            qty=1, title=conversation["item"], asin=conversation["asin"]
        )
        separator = " :" if ctx.words is WORDS["fr"] else ":"
        lines = [
            f"{words['order_label']} {ctx.order}{separator}",
            f"{item} ",
            "",
            *_framed(words["start"], text, words["end"]),
        ]
        token = _token("comm", ctx.key, str(ctx.index), length=15)
        return "\n".join(lines + footer + ["", f"[commMgrTok:{token}-{token[::-1]}]"]) + "\n"
    lines = [
        words["new_intro"],
        "",
        f"{words['order_label']}: {ctx.order}",
        "",
        f"# | ASIN | {words['product']}",
        f"1 | {conversation['asin']} | {conversation['item']}",
        "",
        *_framed(words["new_start"], text, words["end"]),
    ]
    return "\n".join(lines + footer) + "\n"


def _buyer_subject(ctx: _Context, style: str, follow_up: bool) -> str:
    name = ctx.buyer or ""
    key = {"old": "old_subject", "presale": "presale_subject"}.get(style, "new_subject")
    subject = ctx.words[key].format(name=name, order=ctx.order or "")
    subject = subject.replace("  ", " ").strip()
    return f"RE: {subject}" if follow_up and style == "old" else subject


def _attach(message: EmailMessage, names: Iterable[str]) -> None:
    for name in names:
        suffix = Path(name).suffix.lower()
        source, maintype, subtype = _ATTACHMENT_FILES.get(suffix, _ATTACHMENT_FILES[".jpg"])
        data = (assets_dir() / "demo" / source).read_bytes()
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)


def render_buyer_message(ctx: _Context, event: dict[str, Any], follow_up: bool) -> EmailMessage:
    style = str(ctx.conversation.get("format", "new"))
    message = EmailMessage()
    kind_header = "BBC_MESSAGE_SENT_TO_MERCHANT" if style == "new" else None
    _headers(message, ctx, _buyer_subject(ctx, style, follow_up), _buyer_sender(ctx, style),
             kind_header)
    message.set_content(_buyer_body(ctx, event, style), charset="utf-8", cte="quoted-printable")
    _attach(message, event.get("attachments", []))
    return message


def _html_page(paragraphs: list[str]) -> str:
    body = "\n".join(paragraphs)
    return (
        "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
        "\n</head>\n<body>\n<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
        "<td style=\"font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#333333;\">\n"
        f"{body}\n</td></tr></table>\n</body>\n</html>\n"
    )


def _table(headings: list[str], row: list[str]) -> str:
    head = "".join(f"\t<th><p style=\"font-size:0.765em\">\t{html.escape(h)}\n</p></th>\n"
                   for h in headings)
    cells = "".join(f"\t<td><p style=\"font-size:0.765em\">{html.escape(c)}</p></td>\n"
                    for c in row)
    return (
        "<table cellspacing=\"0\" cellpadding=\"10\" border=\"1\">\n<tbody><tr>\n"
        f"{head}</tr>\n<tr>\n{cells}</tr>\n</tbody></table>"
    )


def _bullets(pairs: list[tuple[str, str]]) -> str:
    items = "".join(
        f"\t<li style=\"line-height:1.6em\"><b>\t{html.escape(label)}:\n</b> "
        f"{html.escape(value)}</li>\n"
        for label, value in pairs
    )
    return f"<ul>\n{items}</ul>"


def _notifier(ctx: _Context) -> str:
    return f'"{ctx.words["notifier"]}" <donotreply@amazon.com>'


def _set_html(message: EmailMessage, page: str) -> None:
    message.set_content(page, subtype="html", charset="utf-8", cte="quoted-printable")


def render_reply_copy(ctx: _Context, event: dict[str, Any]) -> EmailMessage:
    words = ctx.words
    conversation = ctx.conversation
    name = ctx.buyer or words["customer"]
    message = EmailMessage()
    _headers(message, ctx, words["reply_subject"].format(name=name), _notifier(ctx),
             "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT")
    text_html = "<br>".join(html.escape(line) for line in str(event["text"]).split("\n"))
    page = _html_page([
        f"<p>{html.escape(words['dear'].format(seller=ctx.seller['name']))}</p>",
        f"<p>{html.escape(words['reply_intro'].format(name=name))}</p>",
        f"<p>{html.escape(words['order_label'])}: {ctx.order}</p>",
        _table(["#", "ASIN", words["product"]], ["1", conversation["asin"], conversation["item"]]),
        f"<p>{html.escape(words['your_message'])}</p>",
        f"<div class=\"message\" style=\"white-space:normal\">{text_html}</div>",
        f"<p>{html.escape(words['sincerely'])}<br>Amazon Services</p>",
        f"<p><a href=\"https://sellercentral.amazon.{ctx.tld}/messaging/inbox?"
        f"mp={ctx.market['id']}\">Seller Central</a></p>",
    ])
    _set_html(message, page)
    return message


def render_return_request(ctx: _Context, event: dict[str, Any]) -> EmailMessage:
    words = ctx.words
    conversation = ctx.conversation
    message = EmailMessage()
    _headers(message, ctx, words["return_subject"].format(order=ctx.order), _notifier(ctx),
             "RETURN_REQUEST")
    local_day = ctx.at.astimezone(ZoneInfo(ctx.market["zone"])).date().isoformat()
    paragraphs = [
        f"<p>{html.escape(words['dear'].format(seller=ctx.seller['name']))}<br/></p>",
        f"<p>{html.escape(words['return_intro'])}</p>",
        _bullets([
            (words["order_label"], ctx.order or ""),
            (words["return_date"], local_day),
            (words["policy_check"], words["in_policy"]),
            (words["authorization"], str(event.get("authorization", ""))),
        ]),
        _table(
            [words["item_in_order"], "ASIN", "SKU", words["quantity"], words["reason"],
             words["comments"]],
            [conversation["item"], conversation["asin"], conversation.get("sku", ""),
             str(event.get("quantity", 1)), str(event.get("reason", "")),
             str(event.get("comment", ""))],
        ),
    ]
    if event.get("tracking"):
        paragraphs.append(
            f"<p>{html.escape(words['carrier'])}: {html.escape(str(event.get('carrier', '')))}"
            f"<br/>{html.escape(words['tracking'])}: {html.escape(str(event['tracking']))}</p>"
        )
    paragraphs.append("<p>Amazon Services</p>")
    _set_html(message, _html_page(paragraphs))
    return message


def render_refund(ctx: _Context, event: dict[str, Any]) -> EmailMessage:
    words = ctx.words
    conversation = ctx.conversation
    message = EmailMessage()
    _headers(message, ctx, words["refund_subject"].format(order=ctx.order), _notifier(ctx),
             "REFUND_ISSUED")
    intro = words["refund_intro"].format(
        currency=ctx.market["currency"], amount=event["amount"], name=ctx.buyer or ""
    )
    page = _html_page([
        f"<p>{html.escape(words['dear'].format(seller=ctx.seller['name']))}</p>",
        f"<p>{html.escape(intro)}</p>",
        _bullets([(words["order_label"], ctx.order or ""), (words["network"], words["merchant"])]),
        _table(
            [words["item_in_order"], "ASIN", "SKU", words["quantity"], words["price_refund"],
             words["shipping_refund"], words["refund_reason"]],
            [conversation["item"], conversation["asin"], conversation.get("sku", ""), "1",
             str(event["amount"]), str(event.get("shipping", "0")), str(event.get("reason", ""))],
        ),
        f"<p>{html.escape(words['charged'])}</p>",
        "<p>Amazon Services</p>",
    ])
    _set_html(message, page)
    return message


def render_atoz(ctx: _Context, event: dict[str, Any]) -> EmailMessage:
    words = WORDS["en"]
    message = EmailMessage()
    sender = f'{words["atoz_sender"]} <atoz-guarantee-no-reply@amazon.{ctx.tld}>'
    _headers(message, ctx, words["atoz_subject"].format(order=ctx.order), sender,
             "A_Z_CLAIM_RESPONDENT_NOTIFY")
    symbol = {"USD": "$", "GBP": "£", "EUR": "€"}.get(ctx.market["currency"], "")
    days = int(event.get("days", 3))
    text = (
        f"Dear {ctx.seller['name']},\n\n"
        f"We have received an A-to-z Guarantee claim of {symbol}{event['amount']} for order "
        f"{ctx.order}.\n\nClaim reason: {event.get('reason', '')}\n\n"
        "Why did this happen?\nThe A-to-z Guarantee protects customers when they buy items sold "
        "and fulfilled by a seller. If customers are not satisfied and cannot reach a solution "
        "with you, they can submit a claim.\n\n"
        "What do I need to do?\nNo action is required while our team reviews the claim. If we "
        "need more information, we will contact you by e-mail. You must respond within "
        f"{days} calendar days.\n\nAmazon.{ctx.tld}\n"
    )
    message.set_content(text, charset="utf-8", cte="quoted-printable")
    paragraphs = [f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n")]
    message.add_alternative(_html_page(paragraphs), subtype="html", charset="utf-8",
                            cte="quoted-printable")
    return message


_RENDERERS: dict[str, Callable[[_Context, dict[str, Any]], EmailMessage]] = {
    "reply": render_reply_copy,
    "return_request": render_return_request,
    "refund": render_refund,
    "atoz": render_atoz,
}
KIND_OF_EVENT = {
    "buyer": "buyer_message",
    "reply": "reply_copy",
    "return_request": "return_request",
    "refund": "refund_issued",
    "atoz": "atoz_claim",
}


def render_conversation(
    conversation: dict[str, Any], seller: dict[str, str], now: dt.datetime
) -> list[DemoMail]:
    """Every notification of one scripted conversation, in time order."""
    marketplace = str(conversation["mp"])
    key = str(conversation["key"])
    has_order = conversation.get("format") != "presale"
    mails: list[DemoMail] = []
    buyer_messages = 0
    events = sorted(conversation["events"], key=lambda e: -float(e["hours_ago"]))
    for index, event in enumerate(events):
        at = (now - dt.timedelta(hours=float(event["hours_ago"]))).replace(microsecond=0)
        ctx = _Context(
            conversation=conversation,
            seller=seller,
            marketplace=marketplace,
            words=WORDS[MARKETPLACES[marketplace]["lang"]],
            order=order_id(key, marketplace) if has_order else None,
            relay=relay_address(key, marketplace),
            at=at,
            index=index,
        )
        if event["type"] == "buyer":
            message = render_buyer_message(ctx, event, follow_up=buyer_messages > 0)
            buyer_messages += 1
        else:
            message = _RENDERERS[event["type"]](ctx, event)
        if message.is_multipart():  # a stable boundary keeps a build reproducible
            message.set_boundary(f"=_demo_{_token('boundary', key, str(index), length=24)}")
        mails.append(
            DemoMail(
                name=f"demo/{key}/{index + 1:02d}-{event['type']}.eml",
                raw=message.as_bytes(policy=SMTP),
                conversation_key=key,
                kind=KIND_OF_EVENT[event["type"]],
            )
        )
    return mails


def render_demo_mail(
    script: dict[str, Any] | None = None, now: dt.datetime | None = None
) -> list[DemoMail]:
    """The whole demo inbox as raw notification e-mails, oldest first."""
    script = script if script is not None else load_script()
    moment = now or utc_now()
    mails = [
        mail
        for conversation in script["conversations"]
        for mail in render_conversation(conversation, script["seller"], moment)
    ]
    return mails


# --- building the demo store ----------------------------------------------------------------
def open_demo_store() -> Store:
    """The demo store; one this build cannot open (damaged, newer schema) is thrown away.

    The demo folder only ever holds generated mail, so starting it afresh loses nothing.
    """
    folder = demo_data_dir()
    try:
        return Store(folder)
    except StoreUnavailable:
        for leftover in folder.glob(f"{DB_FILENAME}*"):
            leftover.unlink()
        return Store(folder)


def _check_demo_store(store: Store) -> None:
    if store.data_dir.resolve() != demo_data_dir().resolve():
        raise NotTheDemoStore(
            f"the demo inbox lives only in {demo_data_dir()}, not in {store.data_dir}"
        )


def is_fresh(store: Store, now: dt.datetime) -> bool:
    """True while the demo was built from this script less than ``STALE_AFTER`` ago."""
    built_at = store.get_setting(SETTING_BUILT_AT)
    if not built_at or store.get_setting(SETTING_FINGERPRINT) != fingerprint():
        return False
    age = now - from_iso(built_at)
    if not dt.timedelta(0) <= age < STALE_AFTER:
        return False
    with store.read() as db:
        return demo_repo.conversation_count(db) > 0


def write_demo_mail(mails: list[DemoMail], folder: Path) -> list[Path]:
    """Write the rendered mail as .eml files (a folder a seller could import by hand)."""
    written = []
    for mail in mails:
        target = folder / mail.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(mail.raw)
        written.append(target)
    return written


def import_demo_mail(store: Store, mails: list[DemoMail]) -> int:
    """Import the rendered mail through the seller's own import service; returns how many."""
    from sellerdesk.services.importer import import_paths

    with tempfile.TemporaryDirectory(prefix="sellerdesk-demo-") as folder:
        write_demo_mail(mails, Path(folder))
        summary = import_paths(store, [folder])
    if summary.failed:
        details = "; ".join(f"{f.source}: {f.error}" for f in summary.failed)
        raise RuntimeError(f"demo mail failed to import: {details}")
    return summary.imported


def _apply_seller_state(store: Store, script: dict[str, Any]) -> None:
    """Notes, tags and the seller's manual statuses, as the script says."""
    from sellerdesk.services.conversations import ConversationService

    service = ConversationService(store)
    for conversation in script["conversations"]:
        key = str(conversation["key"])
        marketplace = str(conversation["mp"])
        has_order = conversation.get("format") != "presale"
        with store.read() as db:
            cid = demo_repo.find_conversation(
                db,
                order_id(key, marketplace) if has_order else None,
                relay_address(key, marketplace),
            )
        if cid is None:
            raise RuntimeError(f"demo conversation {key} was not threaded by the importer")
        if conversation.get("notes"):
            service.set_notes(cid, str(conversation["notes"]))
        for tag in conversation.get("tags", []):
            service.add_tag(cid, str(tag))
        final = conversation.get("final") or []
        for status in [final] if isinstance(final, str) else final:
            if status == "no_response_needed":
                service.mark_no_response_needed(cid)
            elif status == "closed":
                service.close(cid)
            else:
                raise ValueError(f"demo conversation {key}: unknown final status {status!r}")


def ensure_demo_inbox(store: Store, now: dt.datetime | None = None) -> DemoResult:
    """Build the demo inbox in the demo store, or keep it while it is fresh."""
    _check_demo_store(store)
    moment = now or utc_now()
    if is_fresh(store, moment):
        with store.read() as db:
            return DemoResult(False, 0, demo_repo.conversation_count(db))
    script = load_script()
    mails = render_demo_mail(script, moment)
    with store.write() as db:
        demo_repo.clear_mail_data(db)
    imported = import_demo_mail(store, mails)
    _apply_seller_state(store, script)
    store.set_setting(SETTING_FINGERPRINT, fingerprint())
    store.set_setting(SETTING_BUILT_AT, to_iso(moment))
    with store.read() as db:
        return DemoResult(True, imported, demo_repo.conversation_count(db))
