"""Mail a seller forwarded from their mail client: inline (Gmail, Outlook, Apple Mail,
Thunderbird) or attached as a ``message/rfc822`` part.

For an inline forward the text after the forward separator is the notification, and the
pseudo-headers right after it (``From:``, ``Subject:``...) stand in for its real headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR_RE = re.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*(?:forwarded message|original message|weitergeleitete nachricht"
    r"|ursprüngliche nachricht|message transféré|message d'origine|messaggio inoltrato"
    r"|messaggio originale|mensaje reenviado|mensaje original|mensagem encaminhada"
    r"|doorgestuurd bericht|oorspronkelijk bericht|vidarebefordrat meddelande"
    r"|przekazana wiadomość|转发的邮件|原始邮件|転送されたメッセージ)[ \t]*-{2,}"
    r"|begin forwarded message:|anfang der weitergeleiteten nachricht:"
    r"|début du message réexpédié\s*:|inizio messaggio inoltrato:|_{20,})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_PSEUDO_HEADER_RE = re.compile(r"^[ \t>]*([^\s:][^:\n]{0,30}?)[ \t]*:[ \t]*(.*)$")

# Pseudo-header labels in mail clients' languages -> canonical header name.
_LABELS = {
    "from": "from",
    "von": "from",
    "de": "from",
    "da": "from",
    "van": "from",
    "från": "from",
    "od": "from",
    "发件人": "from",
    "差出人": "from",
    "subject": "subject",
    "betreff": "subject",
    "objet": "subject",
    "oggetto": "subject",
    "asunto": "subject",
    "assunto": "subject",
    "onderwerp": "subject",
    "ämne": "subject",
    "temat": "subject",
    "主题": "subject",
    "件名": "subject",
    "date": "date",
    "datum": "date",
    "sent": "date",
    "gesendet": "date",
    "envoyé": "date",
    "inviato": "date",
    "enviado": "date",
    "fecha": "date",
    "data": "date",
    "发送时间": "date",
    "日付": "date",
    "to": "to",
    "an": "to",
    "à": "to",
    "a": "to",
    "para": "to",
    "aan": "to",
    "till": "to",
    "do": "to",
    "收件人": "to",
    "宛先": "to",
    "cc": "cc",
    "reply-to": "reply-to",
    "antwort an": "reply-to",
    "répondre à": "reply-to",
}
_MAILTO_RE = re.compile(r"\[mailto:([^\]]+)\]")


@dataclass(frozen=True)
class InlineForward:
    headers: dict[str, str]
    body: str


def _strip_quotes(lines: list[str]) -> list[str]:
    """Remove one level of '> ' quoting when every non-blank line carries it."""
    filled = [line for line in lines if line.strip()]
    if filled and all(line.lstrip().startswith(">") for line in filled):
        return [re.sub(r"^\s*> ?", "", line) for line in lines]
    return lines


def _read_pseudo_headers(lines: list[str]) -> tuple[dict[str, str], int]:
    """Headers at the top of ``lines`` and the index of the first body line."""
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        match = _PSEUDO_HEADER_RE.match(lines[index])
        if not match:
            break
        label = _LABELS.get(match.group(1).strip().strip("*").lower())
        if label is None:
            break
        value = _MAILTO_RE.sub(lambda m: f"<{m.group(1)}>", match.group(2).strip().strip("*"))
        headers.setdefault(label, value.strip())
        index += 1
    return headers, index


def find_inline_forward(text: str) -> InlineForward | None:
    """The forwarded mail inside ``text``, when it carries a forward separator and headers."""
    match = _SEPARATOR_RE.search(text)
    if not match:
        return None
    lines = _strip_quotes(text[match.end() :].lstrip("\n").split("\n"))
    headers, body_start = _read_pseudo_headers(lines)
    if "from" not in headers and "subject" not in headers:
        return None
    return InlineForward(headers, "\n".join(lines[body_start:]).strip("\n"))
