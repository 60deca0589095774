"""Reading raw e-mail bytes with the fast compat32 parser and decoding them carefully.

``email.policy.default`` is about five times slower than compat32, so messages are parsed with
compat32 and every header, charset and transfer encoding is decoded here: encoded words, raw
8-bit headers, quoted-printable, base64, 8bit bodies, and charsets that mail mislabels
(ISO-8859-1 that is really windows-1252, us-ascii carrying UTF-8, gb2312, shift_jis...).
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

_PARSER = BytesParser(policy=compat32)

# Declared charset -> the codec that decodes what senders really put under that label.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "ansi_x3.4-1968": "utf-8",
    "utf8": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "iso-2022-jp": "iso2022_jp_ext",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "windows-874": "cp874",
    "tis-620": "cp874",
    "unknown-8bit": "",
    "x-unknown": "",
    "unknown": "",
    "default": "",
}
_FOLD_RE = re.compile(r"\r?\n[ \t]")
_NEWLINE_RE = re.compile(r"\r\n?")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")


def codec_for(charset: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unusable."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes in a declared charset, falling back to UTF-8, windows-1252, Latin-1."""
    for candidate in (codec_for(charset), "utf-8", "cp1252"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def _raw_header_text(value: str) -> str:
    """A header value as parsed (raw 8-bit bytes kept as surrogates) -> real text."""
    if "\n" in value:
        value = _FOLD_RE.sub(" ", value)
    if not value.isascii() and _SURROGATE_RE.search(value):
        value = decode_bytes(value.encode("utf-8", "surrogateescape"), "utf-8")
    return value


def decode_header_text(value: str | None) -> str:
    """An unfolded, decoded header value (encoded words in any charset, raw 8-bit bytes)."""
    if value is None:
        return ""
    text = _raw_header_text(str(value))
    if "=?" not in text:
        return text.strip()
    try:
        chunks = decode_header(text)
    except (HeaderParseError, ValueError, LookupError):
        return text.strip()
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(decode_bytes(chunk, charset or "utf-8"))
        else:
            parts.append(chunk)
    return "".join(parts).strip()


def normalize_newlines(text: str) -> str:
    return _NEWLINE_RE.sub("\n", text) if "\r" in text else text


@dataclass(frozen=True)
class Address:
    name: str
    address: str

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2].lower()


_NAME_ADDR_RE = re.compile(
    r'^\s*(?:"(?P<quoted>[^"]*)"|(?P<plain>[^"<>]*?))\s*<(?P<addr>[^<>\s]+)>\s*$'
)
_BARE_ADDR_RE = re.compile(r"^\s*<?(?P<addr>[^\s<>\"(),;:]+@[^\s<>\"(),;:]+)>?\s*$")


def parse_address(value: str) -> Address:
    """'Name <a@b>' -> Address; the display name may carry encoded words."""
    text = decode_header_text(value)
    match = _NAME_ADDR_RE.match(text)
    if match:
        name = match.group("quoted") if match.group("quoted") is not None else match.group("plain")
        return Address(name.strip(), match.group("addr"))
    match = _BARE_ADDR_RE.match(text)
    if match:
        return Address("", match.group("addr"))
    name, address = email.utils.parseaddr(text)
    if not address and "@" in text:
        match = re.search(r"[\w.+-]+@[\w.-]+", text)
        address = match.group(0) if match else ""
    return Address(name.strip().strip('"').strip(), address.strip().strip("<>"))


def parse_date(value: str | None) -> dt.datetime | None:
    """A Date header as an aware UTC datetime (naive '-0000' dates are taken as UTC)."""
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(decode_header_text(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return None


def parse_bytes(raw: bytes) -> Message:
    return _PARSER.parsebytes(raw)


def first_headers(message: Message) -> dict[str, str]:
    """The first value of every header, keyed by lower-case name, still raw."""
    headers: dict[str, str] = {}
    for name, value in message.raw_items():
        key = name.lower()
        if key not in headers:
            headers[key] = str(value)
    return headers


def part_text(part: Message) -> str:
    """The decoded text of a text/* part, with \\n line endings."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return normalize_newlines(decode_bytes(payload, part.get_content_charset()))


def part_filename(part: Message) -> str | None:
    """The attachment file name (RFC 2231 and encoded-word forms decoded)."""
    content_type = str(part.get("content-type", "")).lower()
    if "content-disposition" not in part and "name" not in content_type:
        return None  # nowhere to name a file: skip parsing the parameters
    try:
        name = part.get_filename()
    except (LookupError, ValueError, UnicodeError):
        name = None
    if name is None:
        return None
    return decode_header_text(name) or None
