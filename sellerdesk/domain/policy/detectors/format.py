"""Form rather than words: CNT-EMOJI-GIF, CNT-HTML, CNT-PIXEL, CNT-STYLE and CNT-LENGTH."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sellerdesk.domain.policy.analysis import Analysis, overlaps_any
from sellerdesk.domain.policy.detectors.base import Hit

# Pictographs, emoticons, transport/map symbols, dingbats, flags, keycaps and joiners; stars
# (★☆) are left to the review detectors, check marks used in lists are emojis too.
_EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\U0001f1e6-\U0001f1ff]|[\u2600-\u2604\u2607-\u27bf]"
    "|[\u2b50\u2b55\u2b06\u2b07\u2b05\u2b1b\u2b1c\u231a\u231b\u23e9-\u23fa\u203c\u2049\u3030"
    "\u303d\u3297\u3299])[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f]?)*"
)
_EMOTICON = re.compile(r"(?:[:;=]-?[)(DPp]|<3|\^_?\^|[xX]D)(?![\w)(])")
_GIF = re.compile(r"<img\b[^>]*\.gif\b[^>]*>|\b[\w/.:-]+\.gif\b|\banimated gif\b", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|p|br|hr|div|span|img|table|tr|td|th|font|strong|em|h[1-6]|ul|ol|li|center|"
    r"style|html|body|head|script|iframe|blockquote|small|big|sup|sub)\b[^<>]*>"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d{2,5});",
    re.IGNORECASE,
)
_PIXEL = re.compile(
    r"<img\b[^>]*(?:\b(?:width|height)\s*=\s*[\"']?[01](?:px)?[\"'\s>/]|"
    r"(?:track|pixel|beacon|open\.|/o\.gif|/open/|analytics)[^>]*)[^>]*>",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"(?:\r?\n[ \t]*){3,}")
_STYLE_MARKUP = re.compile(
    r"<(?:font|center)\b[^>]*>|\bstyle\s*=\s*[\"'][^\"']*[\"']", re.IGNORECASE
)
TEXT_LIMIT = 2000
CUSTOMIZATION_TEXT_LIMIT = 800


def detect(analysis: Analysis) -> Iterator[Hit]:
    text = analysis.norm
    for match in _EMOJI.finditer(text):
        yield Hit("CNT-EMOJI-GIF", *match.span(), f"“{match.group()}” is an emoji.")
    for match in _EMOTICON.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "_:":
            continue
        yield Hit("CNT-EMOJI-GIF", *match.span(), f"“{match.group()}” is an emoticon.")
    has_markup = "<" in text or "&" in text
    pixels = [match.span() for match in _PIXEL.finditer(text)] if has_markup else []
    gifs = _GIF.finditer(text) if "gif" in analysis.lowered else ()
    for match in gifs:
        if not overlaps_any(match.span(), pixels):
            yield Hit("CNT-EMOJI-GIF", *match.span(), "An animated GIF image.")
    for span in pixels:
        yield Hit("CNT-PIXEL", *span, "A tracking pixel or remote tracking image.")
    for match in _HTML_TAG.finditer(text) if has_markup else ():
        yield Hit("CNT-HTML", *match.span(), f"“{match.group()[:40]}” is HTML markup.")
    for match in _BLANK_LINES.finditer(text):
        yield Hit("CNT-STYLE", *match.span(), "More than two line breaks in a row.")
    for match in _STYLE_MARKUP.finditer(text) if has_markup else ():
        yield Hit("CNT-STYLE", *match.span(), "Font, colour or alignment styling.")
    yield from _length(analysis)


def _length(analysis: Analysis) -> Iterator[Hit]:
    limit = CUSTOMIZATION_TEXT_LIMIT if analysis.context.purpose == "custom-design" else TEXT_LIMIT
    if len(analysis.text) > limit:
        yield Hit(
            "CNT-LENGTH",
            limit,
            len(analysis.text),
            f"The text has {len(analysis.text):,} characters; the limit is {limit:,}.",
        )
