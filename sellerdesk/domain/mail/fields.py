"""Reading the fields out of a notification's text: items, order id, names, amounts.

Every function takes plain text (lines with ``\\n``) as produced from the text/plain part or
from the HTML part, and never raises on odd input: a field it cannot find is ``None``/empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sellerdesk.domain.mail.markers import (
    AMAZON_SIGNATURES,
    ASIN_HEADING,
    COMMENT_HEADINGS,
    ITEM_LABELS,
    LANGUAGE_CUES,
    REASON_HEADINGS,
    REPLY_LABELS,
    TITLE_HEADINGS,
    is_generic_name,
    marker_kind,
    normalize_label,
)

ORDER_ID_RE = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
ASIN_RE = re.compile(r"\b(B0[A-Z0-9]{8}|\d{9}[\dX])\b")
_ITEM_LINE_RE = re.compile(
    r"^\s*\d+\s*(?:[^\s\[]+\s+|/\s*)(?P<title>.+?)\s*\[ASIN\s*:\s*(?P<asin>[A-Z0-9]{10})\s*\]"
)
_DP_LINK_RE = re.compile(r"/dp/([A-Z0-9]{10})\b")
_BULLET_RE = re.compile(r"^\s*[*\-•·]?\s*(?P<label>[^:：\n]{1,40}?)\s*[:：]\s*(?P<value>.+?)\s*$")
_REPLY_PREFIX_RE = re.compile(
    r"^\s*(?:(?:re|aw|fw|fwd|wg|tr|rv|sv|vs|r|antw|réf|enc)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)
_SUBJECT_NAME_RES = (
    re.compile(
        r"(?:amazon customer|amazon-kunde|client amazon|cliente amazon|acquirente amazon"
        r"|cliente de amazon|amazon-klant)\s+(?P<name>[^(\s][^(]*?)\s*(?:\(.*)?$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:your e-mail to|ihre e-mail an|votre e-mail à|la tua e-mail a"
        r"|tu correo electrónico a|seu e-mail para|uw e-mail aan)\s+(?P<name>.+?)\s*$",
        re.IGNORECASE,
    ),
)
_BODY_NAME_RES = (
    re.compile(r"message you sent to (?P<name>.+?) (?:on \d{4}-\d\d-\d\d|through|via)\b"),
    re.compile(r"message que vous avez envoyé à (?P<name>.+?) (?:le \d{4}-\d\d-\d\d|via)\b"),
    re.compile(r"Nachricht, die Sie (?:am \d{4}-\d\d-\d\d )?an (?P<name>.+?) (?:gesendet|für)"),
    re.compile(r"Nachrichtenservice an (?P<name>.+?) gesendet haben"),
    re.compile(r"refund of .{1,20}? to (?P<name>.+?) for the following"),
    re.compile(r"Erstattung in Höhe von .{1,20}? an (?P<name>.+?) für die folgenden"),
    re.compile(r"remboursement de .{1,20}? à (?P<name>.+?) pour les articles"),
)
_MONEY_RE = re.compile(
    r"(?P<c1>CA\$|C\$|CDN\$|A\$|AU\$|MX\$|R\$|S\$|US\$|[£€$¥￥₹]|\b(?:EUR|GBP|USD|CAD|MXN|BRL|JPY"
    r"|AUD|INR|SEK|PLN|SGD|AED|SAR|TRY)\b)\s?(?P<n1>\d[\d.,\u00a0 ]*\d|\d)"
    r"|(?P<n2>\d[\d.,\u00a0]*\d|\d)\s?(?P<c2>[£€$¥￥₹]|zł|kr\b|(?:EUR|GBP|USD|CAD|MXN|BRL|JPY"
    r"|AUD|INR|SEK|PLN|SGD|AED|SAR|TRY)\b)"
)
_SYMBOLS = {
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "￥": "JPY",
    "₹": "INR",
    "CA$": "CAD",
    "C$": "CAD",
    "CDN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "MX$": "MXN",
    "R$": "BRL",
    "S$": "SGD",
    "US$": "USD",
    "zł": "PLN",
    "kr": "SEK",
}
_DOLLAR_BY_MARKETPLACE = {"US": "USD", "CA": "CAD", "MX": "MXN", "AU": "AUD", "SG": "SGD"}
_DEADLINE_DAYS_RE = re.compile(
    r"(\d{1,3})\s*(?:calendar days?|kalendertagen|kalendertage|jours calendaires|jours civils"
    r"|giorni di calendario|giorni solari|días naturales|días calendario|dias corridos)",
    re.IGNORECASE,
)
_DEADLINE_HOURS_RE = re.compile(
    r"(?:within|innerhalb von|sous|entro)\s+(\d{1,3})\s*(?:hours|stunden|heures|ore)", re.IGNORECASE
)
_CARRIER_LABELS = (
    "return shipping carrier",
    "versanddienst der rücksendung",
    "transporteur du retour",
)
_TRACKING_LABELS = (
    "tracking number",
    "sendungsnummer",
    "numéro de suivi",
    "numero di tracciabilità",
)
_URL_RE = re.compile(r"(?:https?://|mailto:)[^\s<>\"')\]]+")


@dataclass
class Items:
    asins: list[str] = field(default_factory=list)
    title: str | None = None
    reason: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class MessageBlock:
    """The text between a start and an end marker, and the template lines around it."""

    text: str | None
    template: list[str]
    marker_lang: str | None


def strip_reply_prefixes(subject: str) -> str:
    return _REPLY_PREFIX_RE.sub("", subject)


def clean_block(lines: list[str]) -> str | None:
    """Lines of a quoted text -> stripped text with ``\\n`` endings, None when empty."""
    text = "\n".join(line.rstrip() for line in lines).strip()
    return text or None


def split_message_block(lines: list[str]) -> MessageBlock:
    """Find the ``--- Begin message ---`` ... ``--- End message ---`` block."""
    start = end = None
    language = None
    for index, line in enumerate(lines):
        if "--" not in line:
            continue
        found = marker_kind(line)
        if found is None:
            continue
        if found[0] == "start" and start is None:
            start, language = index, found[1]
        elif found[0] == "end" and start is not None:
            end = index
    if start is None:
        return MessageBlock(None, lines, None)
    if end is None:
        end = len(lines)
    template = lines[:start] + lines[end + 1 :]
    return MessageBlock(clean_block(lines[start + 1 : end]), template, language)


def reply_copy_text(lines: list[str]) -> tuple[str | None, list[str]]:
    """The seller's text in a copy of a reply without markers: after "Your message:",
    up to Amazon's closing formula (the line before "Amazon Services")."""
    start = next((i for i, line in enumerate(lines) if normalize_label(line) in REPLY_LABELS), None)
    if start is None:
        return None, lines
    signature = next(
        (
            i
            for i in range(len(lines) - 1, start, -1)
            if normalize_label(lines[i]) in AMAZON_SIGNATURES
        ),
        None,
    )
    end = signature - 1 if signature is not None and signature - 1 > start else len(lines)
    return clean_block(lines[start + 1 : end]), lines[: start + 1] + lines[end:]


def find_order_id(*texts: str) -> str | None:
    for text in texts:
        match = ORDER_ID_RE.search(text)
        if match:
            return match.group(1)
    return None


def _split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def _table_items(lines: list[str], items: Items) -> bool:
    """Items from a ``# | ASIN | Product name`` table; True when one was found."""
    for index, line in enumerate(lines):
        if "|" not in line:
            continue
        headings = [normalize_label(cell) for cell in _split_cells(line)]
        if ASIN_HEADING not in headings:
            continue
        asin_col = headings.index(ASIN_HEADING)
        title_col = next((i for i, h in enumerate(headings) if h in TITLE_HEADINGS), None)
        reason_col = next((i for i, h in enumerate(headings) if h in REASON_HEADINGS), None)
        comment_col = next((i for i, h in enumerate(headings) if h in COMMENT_HEADINGS), None)
        for row_line in lines[index + 1 :]:
            if "|" not in row_line:
                break
            cells = _split_cells(row_line)
            if len(cells) <= asin_col or not ASIN_RE.fullmatch(cells[asin_col]):
                break
            items.asins.append(cells[asin_col])
            if items.title is None and title_col is not None and title_col < len(cells):
                items.title = cells[title_col] or None
            if items.reason is None and reason_col is not None and reason_col < len(cells):
                items.reason = cells[reason_col] or None
            if items.comment is None and comment_col is not None and comment_col < len(cells):
                items.comment = cells[comment_col] or None
        if items.asins:
            return True
    return False


def _line_items(lines: list[str], items: Items) -> bool:
    """Items from ``1 of <title> [ASIN: <asin>]`` lines."""
    for line in lines:
        if "ASIN" not in line:
            continue
        match = _ITEM_LINE_RE.match(line)
        if match:
            items.asins.append(match.group("asin"))
            if items.title is None:
                items.title = match.group("title").strip() or None
    return bool(items.asins)


def _bullet_items(lines: list[str], items: Items) -> bool:
    """Items from ``* Item: <title>`` / ``ASIN: <asin>`` / ``Return reason: ...`` lines."""
    for line in lines:
        if ":" not in line and "：" not in line:
            continue
        match = _BULLET_RE.match(line)
        if not match:
            continue
        label = normalize_label(match.group("label"))
        value = match.group("value").strip()
        if not value:
            continue
        if label == ASIN_HEADING and ASIN_RE.fullmatch(value):
            items.asins.append(value)
        elif (label in ITEM_LABELS or label in TITLE_HEADINGS) and items.title is None:
            items.title = value
        elif label in REASON_HEADINGS and items.reason is None:
            items.reason = value
        elif label in COMMENT_HEADINGS and items.comment is None:
            items.comment = value
    return bool(items.asins)


def find_items(lines: list[str], links: list[str]) -> Items:
    """ASINs, first title and (return notices) reason and comment."""
    items = Items()
    if _table_items(lines, items) or _line_items(lines, items) or _bullet_items(lines, items):
        return items
    for link in links:
        match = _DP_LINK_RE.search(link)
        if match and match.group(1) not in items.asins:
            items.asins.append(match.group(1))
    return items


def name_or_none(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip('"').strip()
    if not name or "@" in name or is_generic_name(name):
        return None
    return name


def display_name_buyer(display_name: str) -> str | None:
    """'Gaëlle - Amazon Marketplace' -> 'Gaëlle'."""
    name = re.sub(r"\s*[-–—]\s*Amazon\s*Marketplace\s*$", "", display_name, flags=re.IGNORECASE)
    return name_or_none(name)


def subject_buyer(subject: str) -> str | None:
    subject = strip_reply_prefixes(subject)
    for pattern in _SUBJECT_NAME_RES:
        match = pattern.search(subject)
        if match:
            return name_or_none(match.group("name"))
    return None


def body_buyer(text: str) -> str | None:
    for pattern in _BODY_NAME_RES:
        match = pattern.search(text)
        if match:
            return name_or_none(match.group("name"))
    return None


def _to_decimal(number: str) -> Decimal | None:
    number = number.replace("\u00a0", "").replace(" ", "")
    if "," in number and "." in number:
        decimal_sep = "," if number.rfind(",") > number.rfind(".") else "."
    elif "," in number:
        decimal_sep = "," if re.search(r",\d{1,2}$", number) else ""
    elif "." in number:
        decimal_sep = "." if not re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", number) else ""
    else:
        decimal_sep = ""
    thousands = {",", "."} - {decimal_sep}
    for separator in thousands:
        number = number.replace(separator, "")
    if decimal_sep:
        number = number.replace(decimal_sep, ".")
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def find_amount(text: str, marketplace: str | None) -> tuple[str | None, str | None]:
    """The first money amount in ``text`` as ('161.00', 'GBP')."""
    for match in _MONEY_RE.finditer(text):
        symbol = match.group("c1") or match.group("c2")
        value = _to_decimal(match.group("n1") or match.group("n2"))
        if value is None:
            continue
        if symbol == "$":
            currency = _DOLLAR_BY_MARKETPLACE.get(marketplace or "", "USD")
        else:
            currency = _SYMBOLS.get(symbol, symbol.upper())
        places = Decimal(1) if currency == "JPY" else Decimal("0.01")
        return str(value.quantize(places)), currency
    return None, None


def find_deadline(text: str) -> tuple[int | None, int | None]:
    """(days, hours) the notice gives to respond."""
    days = _DEADLINE_DAYS_RE.search(text)
    hours = _DEADLINE_HOURS_RE.search(text)
    return (int(days.group(1)) if days else None, int(hours.group(1)) if hours else None)


def labelled_value(lines: list[str], labels: tuple[str, ...]) -> str | None:
    """The value of the first ``Label: value`` line whose label is one of ``labels``."""
    for line in lines:
        match = _BULLET_RE.match(line)
        if match and normalize_label(match.group("label")) in labels:
            return match.group("value").strip() or None
    return None


def return_shipping(lines: list[str]) -> tuple[str | None, str | None]:
    return labelled_value(lines, _CARRIER_LABELS), labelled_value(lines, _TRACKING_LABELS)


def find_urls(text: str) -> list[str]:
    return _URL_RE.findall(text)


def template_language(subject: str, template_text: str) -> str | None:
    """The language of Amazon's template (not of the buyer's words)."""
    subject = subject.lower()
    text = template_text.lower()
    best, best_score = None, 0
    for language, cues in LANGUAGE_CUES.items():
        score = 2 * sum(map(subject.__contains__, cues)) + sum(map(text.__contains__, cues))
        if score > best_score:
            best, best_score = language, score
    return best
