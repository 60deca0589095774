"""Contact details and channels off Amazon: CNT-EMAIL, CNT-LINK, CNT-LINK-TEXT, CNT-PHONE,
CNT-SOCIAL, PRO-DIVERT, PRO-DATA and CNT-PII.

Links to Amazon's own pages, https links needed to complete the order, carrier tracking pages,
and the phone numbers of a manufacturer, a warranty service or a carrier are allowed. Order
ids, tracking numbers, ASINs, prices, dates, times and model numbers are never phone numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sellerdesk.domain.policy.analysis import Analysis, Span, overlaps_any
from sellerdesk.domain.policy.detectors.base import Hit, quote

_TLDS = (
    r"com|net|org|shop|store|info|biz|io|co|me|ly|to|gl|gd|de|fr|it|es|uk|jp|cn|nl|eu|us|ca|au|"
    r"xyz|online|site|top|vip|link|app|ru|pl|se|be|at|ch|in|mx|br"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# Disguised e-mail addresses: "name at domain dot com", "name(at)domain(dot)com", 艾特, アット.
# A plain " at " counts only with a spelled-out dot ("at ... dot com"), so "colours at
# example.com" stays a link and "arrive at 10.30" stays a time.
_AT_MARKED = r"(?:\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|\s*(?:＠|艾特|アット)\s*|\s+@\s+)"
_AT_PLAIN = r"(?:\s+(?:at|arroba|chiocciola)\s+)"
_DOT_WORD = (
    r"(?:\s*[(\[{<]\s*(?:dot|punkt|point|punto)\s*[)\]}>]\s*"
    r"|\s+(?:dot|punkt|punto)\s+|\s*(?:点|ドット)\s*)"
)
_DOMAIN_TAIL = rf"[a-z0-9][a-z0-9_-]*(?:(?:{_DOT_WORD}|\.)[a-z0-9][a-z0-9_-]*)*"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![a-z0-9_.])[a-z0-9][a-z0-9_.+-]*{_AT_MARKED}{_DOMAIN_TAIL}(?:{_DOT_WORD}|\.)(?:{_TLDS})\b"
    rf"|(?<![a-z0-9_.])[a-z0-9][a-z0-9_.+-]*{_AT_PLAIN}{_DOMAIN_TAIL}{_DOT_WORD}(?:{_TLDS})\b",
    re.IGNORECASE,
)
_MAIL_PROVIDER_HANDLE = re.compile(
    r"\b(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|gmx|web\.de|qq|163|126|aol|proton)"
    r"(?:\s+(?:address|account|id))?\s*(?:is|:|：|是|は)\s*[\w.+-]{3,}",
    re.IGNORECASE,
)
_URL = re.compile(
    rf"\b(?:https?|ftp)://[^\s<>\"'）】]+|\bwww\.[^\s<>\"'）】]+"
    rf"|(?<![@\w.-])(?:[a-z0-9][a-z0-9-]*+\.)++(?:{_TLDS})\b(?:/[^\s<>\"'）】]*)?",
    re.IGNORECASE,
)
_AMAZON_HOST = re.compile(
    r"(?:^|\.)(?:amazon\.(?:com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|co\.jp|"
    r"com\.au|sg|ae|sa|in|com\.tr|eg|cn)|amzn\.(?:to|eu|asia|com)|a\.co|amazon\.jobs)$",
    re.IGNORECASE,
)
_CARRIER_HOST = re.compile(
    r"(?:^|\.)(?:ups\.com|fedex\.com|usps\.com|dhl\.[a-z.]+|royalmail\.com|parcelforce\.com|"
    r"dpd\.[a-z.]+|evri\.com|myhermes\.[a-z.]+|hermes[\w-]*\.[a-z.]+|gls[\w-]*\.[a-z.]+|"
    r"laposte\.fr|colissimo\.fr|chronopost\.fr|correos\.es|seur\.com|poste\.it|brt\.it|"
    r"japanpost\.jp|kuronekoyamato\.co\.jp|sagawa-exp\.co\.jp|canadapost[\w-]*\.ca|"
    r"auspost\.com\.au|sf-express\.com|17track\.net|deutschepost\.de)$",
    re.IGNORECASE,
)
_SHORTENER_HOST = re.compile(
    r"^(?:bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|"
    r"shorturl\.at|t\.ly|rb\.gy|tiny\.cc|s\.id|dwz\.cn|url\.cn)$",
    re.IGNORECASE,
)
_FILE_SUFFIX = re.compile(r"\.(?:pdf|png|jpe?g|gif|docx?|txt|tiff?|bmp|zip)$", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\w)"
    r"|(?<![\w-])1[\s.-]8\d\d[\s.-]\d{3}[\s.-]\d{4}(?![\w-])"
    r"|(?<![\w-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\w-])"
    r"|(?<![\w-])0\d{1,4}[\s/.-]\d{2,4}(?:[\s.-]?\d{2,4}){1,3}(?![\w-])"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<![\w-])\d{3}[\s-]\d{4}(?![\w-])",
)
# Cheap pre-filters: the costly patterns run only where these occur.
_EMAIL_MARKERS = (
    "@",
    "＠",
    " at ",
    "(at",
    "[at",
    "{at",
    "<at",
    "艾特",
    "アット",
    "arroba",
    "chiocciola",
)
_MAIL_PROVIDERS = (
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "yahoo",
    "icloud",
    "gmx",
    "web.de",
    "qq",
    "163",
    "126",
    "aol",
    "proton",
)
_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d \t().\-/]{5,}\d")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][A-Za-z0-9_.]{2,30}\b")
_BUY_WORDS = re.compile(
    r"(?i)\b(?:order|buy|shop|purchase|cheaper|discount|bestell\w*|kauf\w*|command\w*|achet\w*|"
    r"compr\w*|pedid\w*|ordin\w*|acquist\w*)\b|購入|注文|购买|下单"
)
_LINK_EXPLAINED_MIN_WORDS = 3


def detect(analysis: Analysis) -> Iterator[Hit]:
    emails = list(_emails(analysis))
    yield from emails
    email_spans = [(hit.start, hit.end) for hit in emails]
    yield from _links(analysis, email_spans)
    yield from _phones(analysis)
    yield from _social(analysis, email_spans)
    yield from _simple(analysis, "divert", "PRO-DIVERT", "Sends the buyer off Amazon")
    yield from _data_requests(analysis)
    yield from _simple(analysis, "pii_misuse", "CNT-PII", "Uses the buyer's personal data")


def _emails(analysis: Analysis) -> Iterator[Hit]:
    seen: list[Span] = []
    lowered = analysis.lowered
    for pattern, what, markers in (
        (_EMAIL, "is an e-mail address.", ("@",)),
        (_OBFUSCATED_EMAIL, "is an e-mail address written in disguise.", _EMAIL_MARKERS),
        (_MAIL_PROVIDER_HANDLE, "gives an e-mail account.", _MAIL_PROVIDERS),
    ):
        if not any(marker in lowered for marker in markers):
            continue
        for match in pattern.finditer(analysis.norm):
            if overlaps_any(match.span(), seen):
                continue
            if pattern is _OBFUSCATED_EMAIL and _AMAZON_HOST.search(match.group().split()[-1]):
                continue
            seen.append(match.span())
            yield Hit("CNT-EMAIL", *match.span(), f"“{quote(analysis, *match.span())}” {what}")


def _host(url: str) -> str:
    bare = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    return bare.split("/")[0].split("?")[0].split(":")[0].lower()


def _links(analysis: Analysis, email_spans: list[Span]) -> Iterator[Hit]:
    for match in _URL.finditer(analysis.norm):
        start, end = match.span()
        url = match.group().rstrip(".,;:!?)]}")
        end = start + len(url)
        if overlaps_any((start, end), email_spans) or _FILE_SUFFIX.search(url):
            continue
        host = _host(url)
        if _AMAZON_HOST.search(host):
            continue
        sentence = analysis.sentence_index(start)
        problem = _link_problem(analysis, url, host, sentence)
        if problem is None:
            yield from _link_text(analysis, start, end, sentence)
            continue
        yield Hit("CNT-LINK", start, end, f"“{quote(analysis, start, end)}” {problem}")
        if _BUY_WORDS.search(analysis.sentence_text(sentence)):
            yield Hit("PRO-DIVERT", start, end, "The link invites the buyer to buy off Amazon.")


def _link_problem(analysis: Analysis, url: str, host: str, sentence: int) -> str | None:
    """Why this non-Amazon link is not allowed, or None if it is."""
    if _SHORTENER_HOST.search(host):
        return "is a shortened link; Amazon removes links whose target it cannot see."
    if not url.lower().startswith("https://"):
        return "is not a secure https link to a page needed for the order."
    if _CARRIER_HOST.search(host):
        return None
    if analysis.in_sentence("link_ok", sentence) and not analysis.in_sentence(
        "marketing", sentence
    ):
        return None
    return "is an external link that the order does not need."


def _link_text(analysis: Analysis, start: int, end: int, sentence: int) -> Iterator[Hit]:
    s_start, s_end = analysis.sentences[sentence]
    around = analysis.norm[s_start:start] + " " + analysis.norm[end:s_end]
    words = re.findall(r"\w+", around)
    cjk = re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", around)
    if len(words) < _LINK_EXPLAINED_MIN_WORDS and len(cjk) < 4:
        yield Hit("CNT-LINK-TEXT", start, end, "The link has no words saying what it opens.")


def _phone_matches(analysis: Analysis) -> Iterator[re.Match[str]]:
    text = analysis.norm
    for candidate in _PHONE_CANDIDATE.finditer(text):
        yield from _PHONE.finditer(text, max(candidate.start() - 1, 0), candidate.end())


def _phones(analysis: Analysis) -> Iterator[Hit]:
    for match in _phone_matches(analysis):
        span = match.span()
        digits = sum(char.isdigit() for char in match.group())
        if not 7 <= digits <= 15 or overlaps_any(span, analysis.protected_near(*span)):
            continue
        sentence = analysis.sentence_index(span[0])
        if analysis.in_sentence("social", sentence):
            pass  # a WhatsApp/WeChat number is never a carrier's or manufacturer's line
        elif (
            analysis.in_sentence("phone_ok", sentence)
            or analysis.in_sentence("tracking_ctx", sentence)
            and not match.group().startswith("+")
        ):
            continue
        yield Hit("CNT-PHONE", *span, f"“{quote(analysis, *span)}” looks like a phone number.")


def _social(analysis: Analysis, email_spans: list[Span]) -> Iterator[Hit]:
    for span in analysis.spans("social"):
        yield Hit("CNT-SOCIAL", *span, f"“{quote(analysis, *span)}” is a channel off Amazon.")
    if "@" not in analysis.norm:
        return
    for match in _HANDLE.finditer(analysis.norm):
        if not overlaps_any(match.span(), email_spans):
            yield Hit("CNT-SOCIAL", *match.span(), f"“{match.group()}” is a social media handle.")


def _simple(analysis: Analysis, concept: str, rule: str, detail: str) -> Iterator[Hit]:
    for span in analysis.spans(concept):
        yield Hit(rule, *span, f"{detail}: “{quote(analysis, *span)}”.")


def _data_requests(analysis: Analysis) -> Iterator[Hit]:
    for span in analysis.spans("data_request"):
        sentence = analysis.sentence_index(span[0])
        if analysis.in_sentence("phone_ok", sentence):
            continue  # a phone number the carrier or customs needs
        yield Hit(
            "PRO-DATA", *span, f"Asks for the buyer's contact details: “{quote(analysis, *span)}”."
        )
