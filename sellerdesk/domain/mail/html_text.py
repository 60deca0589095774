"""HTML mail bodies turned into plain text with the standard library's ``html.parser``.

Nothing is ever fetched: images, stylesheets and scripts are dropped, links keep their text
(their targets are collected separately so the parser can read ids out of them). Block elements
end lines, ``<br>`` breaks lines, runs of whitespace collapse as a browser would. Tables are
rendered row by row: a row whose cells are all one line becomes ``cell | cell | cell`` (the same
shape Amazon uses in its plain-text parts); a layout row holding whole blocks is rendered block by
block. Elements hidden with ``display:none`` (pre-header snippets) are skipped.

Speed: mail HTML is mostly markup. A regular-expression pass first removes what is never shown
(head, styles, scripts, comments, hidden elements) and inline formatting tags, and turns block
tags and ``<br>`` into marker characters, leaving only tables, links, ``<pre>`` and the text.
One compiled regular expression then tokenizes what is left, splitting the text exactly where
``html.parser`` would and decoding entities once per text run with ``html.unescape``. Markup it
does not know (an unterminated tag, a ``<![CDATA[`` section...) is left to ``html.parser``,
which reads the whole document instead, so both paths give the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

_BREAK = "\ue000"  # <br>: always ends the line (an empty line when repeated)
_BLOCK = "\ue001"  # block element boundary: ends a non-empty line
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote",
        "section", "article", "header", "footer", "dl", "dt", "dd", "address", "form",
        "fieldset", "hr", "caption", "thead", "tbody", "tfoot", "body", "html", "main", "nav",
        "li",
    }
)  # fmt: skip
_SPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_MARKERS_RE = re.compile(f"([{_BREAK}{_BLOCK}])")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_INVISIBLE_RE = re.compile(
    r"<(head|style|script|title|noscript|template|xml)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_HIDDEN_TAG_RE = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*display\s*:\s*none[^>]*>", re.IGNORECASE
)


def word_alternation(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, factored by common prefixes
    (``d(?:d|iv|l|t)``), so a regex engine compares a few characters instead of every word."""
    tails: dict[str, list[str]] = {}
    for word in sorted(words):
        if word:
            tails.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + word_alternation(rest) for first, rest in tails.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in words else body


_BLOCK_NAMES = word_alternation(sorted(_BLOCK_TAGS - {"li"}))
_SHOWN_NAMES = word_alternation(
    sorted(_BLOCK_TAGS | {"li", "br", "table", "tr", "td", "th", "pre", "a"})
)
_DROPPED_TAG_RE = re.compile(
    rf"</?(?!{_SHOWN_NAMES}\b)[a-zA-Z][a-zA-Z0-9:]*\b[^>]*>", re.IGNORECASE
)
_BLOCK_TAG_RE = re.compile(rf"</?{_BLOCK_NAMES}\b[^>]*>|</li\s*>", re.IGNORECASE)
_LI_RE = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BR_RE = re.compile(r"</?br\b[^>]*>", re.IGNORECASE)
_KEPT_TAG_RE = re.compile(r"<(table|tr|td|th|pre)\b[^>]*>", re.IGNORECASE)
_ANCHOR_RE = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SPACE_BEFORE_RE = re.compile(
    f"(?<![ \t\r\n])[ \t\r\n]++(?=</?(?:table|tr|td|th)>|[{_BREAK}{_BLOCK}])"
)
_SPACE_AFTER_RE = re.compile(f"(</?(?:table|tr|td|th)>|[{_BREAK}{_BLOCK}])[ \t\r\n]+")
# What slim_html leaves, one alternative per kind of token; a "<" matching none of them
# (kind None) is markup that html.parser has to read.
_TOKEN_RE = re.compile(
    r"<(?:(?P<tag>table|tr|td|th|pre|a)>"
    r'|a href="(?P<href>[^"]*)">'
    r"|/\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>"
    r"|(?P<skip>![^-\[>][^>]*>|!>|\?[^>]*>)"  # <!DOCTYPE ...>, <?xml ...?>: nothing shown
    r"|(?P<lone>(?=[^a-zA-Z/!?])))"
    r"|<",
    re.IGNORECASE,
)
_VOID_TAGS = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr"})


def _without_hidden(html: str) -> str:
    """Cut every element styled ``display:none`` together with its content."""
    position = 0
    while True:
        match = _HIDDEN_TAG_RE.search(html, position)
        if match is None:
            return html
        tag = match.group(1).lower()
        end = match.end()
        if tag not in _VOID_TAGS:
            depth = 1
            tag_re = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
            for inner in tag_re.finditer(html, match.end()):
                depth += -1 if inner.group(1) else 1
                if depth == 0:
                    end = inner.end()
                    break
            else:
                end = len(html)
        html = html[: match.start()] + html[end:]
        position = match.start()


def _slim_anchor(match: re.Match[str]) -> str:
    href = _HREF_RE.search(match.group(1))
    if href is None:
        return "<a>"
    value = next(group for group in href.groups() if group is not None)
    return f'<a href="{value}">'


def slim_html(html: str) -> str:
    """``html`` reduced to the tags html.parser must see (see the module docstring)."""
    html = _INVISIBLE_RE.sub("", html)
    if "none" in html:
        html = _without_hidden(html)
    html = _DROPPED_TAG_RE.sub("", html)  # inline formatting, images, forms: no text effect
    html = _BLOCK_TAG_RE.sub(_BLOCK, html)
    html = _LI_RE.sub(_BLOCK + "- ", html)
    html = _BR_RE.sub(_BREAK, html)
    html = _KEPT_TAG_RE.sub(r"<\1>", html)
    html = _ANCHOR_RE.sub(_slim_anchor, html)
    if "<pre>" not in html:  # whitespace around line ends and table tags never shows
        html = _SPACE_AFTER_RE.sub(r"\1", _SPACE_BEFORE_RE.sub("", html))
    return html


@dataclass
class _Cell:
    """Text collected for one block container (the document, or one table cell)."""

    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)

    def add_text(self, text: str) -> None:
        if not self.current and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            self.current.append(text)

    def end_line(self, force: bool = False) -> None:
        if not self.current:  # most markers end a line that is already ended
            if force:
                self.lines.append("")
            return
        line = "".join(self.current).strip(" ")
        self.current = []
        if line or force:
            self.lines.append(line)

    def text(self) -> str:
        self.end_line()
        return "\n".join(self.lines).strip("\n")


@dataclass
class _Table:
    has_header: bool = False
    row: list[str] | None = None
    cell: _Cell | None = None


class _TextBuilder:
    """Turns tag and text events into lines (tables row by row, ``<pre>`` kept as is)."""

    def __init__(self) -> None:
        self.links: list[str] = []
        self._containers: list[_Cell] = [_Cell()]
        self._tables: list[_Table] = []
        self._pre_depth = 0

    @property
    def _out(self) -> _Cell:
        return self._containers[-1]

    def _close_cell(self, table: _Table) -> None:
        if table.cell is not None:
            self._containers.pop()
            if table.row is None:
                table.row = []
            table.row.append(table.cell.text())
            table.cell = None

    def _close_row(self, table: _Table) -> None:
        self._close_cell(table)
        row, table.row = table.row, None
        if not row:
            return
        out = self._out
        out.end_line()
        if any("\n" in cell for cell in row) or not table.has_header:
            cells = [cell for cell in row if cell]
            if len(cells) > 1 and not any("\n" in cell for cell in cells):
                out.lines.append(" | ".join(cells))
            else:
                out.lines.extend(line for cell in cells for line in cell.split("\n"))
        else:
            out.lines.append(" | ".join(row).rstrip(" ") + (" " if not row[-1] else ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        elif tag == "table":
            self._out.end_line()
            self._tables.append(_Table())
        elif tag == "tr" and self._tables:
            self._close_row(self._tables[-1])
            self._tables[-1].row = []
        elif tag in ("td", "th") and self._tables:
            table = self._tables[-1]
            self._close_cell(table)
            if tag == "th":
                table.has_header = True
            table.cell = _Cell()
            self._containers.append(table.cell)
        elif tag == "pre":
            self._out.end_line()
            self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._tables:
            self._close_row(self._tables.pop())
        elif tag == "tr" and self._tables:
            self._close_row(self._tables[-1])
        elif tag in ("td", "th") and self._tables:
            self._close_cell(self._tables[-1])
        elif tag == "pre":
            self._out.end_line()
            self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self._pre_depth and _BREAK not in data and _BLOCK not in data:
            self._out.add_text(_SPACE_RE.sub(" ", data))
            return
        for piece in _MARKERS_RE.split(data):
            if piece == _BREAK:
                self._out.end_line(force=True)
            elif piece == _BLOCK:
                self._out.end_line()
            elif piece and self._pre_depth:
                for index, line in enumerate(piece.replace("\r\n", "\n").split("\n")):
                    if index:
                        self._out.end_line(force=True)
                    self._out.current.append(line)
            elif piece:
                self._out.add_text(_SPACE_RE.sub(" ", piece))

    def result(self) -> str:
        while self._tables:
            self._close_row(self._tables.pop())
        del self._containers[1:]
        lines = self._containers[0].text().split("\n")
        return _squeeze_blank_lines(lines)


class _UnknownMarkup(Exception):
    """The fast tokenizer met markup only ``html.parser`` reads the same way."""


def _tokenize(html: str, builder: _TextBuilder) -> None:
    """Feed ``builder`` the events ``html.parser`` would for slimmed HTML (see slim_html):
    text runs end at every ``<``, each is unescaped once. Raises ``_UnknownMarkup``."""
    position = 0
    for match in _TOKEN_RE.finditer(html):
        start = match.start()
        if start > position:
            builder.handle_data(unescape(html[position:start]))
        position = match.end()
        kind = match.lastgroup
        if kind == "tag":
            builder.handle_starttag(match.group("tag").lower(), [])
        elif kind == "href":
            builder.handle_starttag("a", [("href", unescape(match.group("href")))])
        elif kind == "end":
            builder.handle_endtag(match.group("end").lower())
        elif kind == "lone":  # a "<" that starts no markup is text of its own
            builder.handle_data("<")
        elif kind is None:
            raise _UnknownMarkup
    if position < len(html):
        builder.handle_data(unescape(html[position:]))


class _ParserDriver(HTMLParser):
    """``html.parser`` feeding a ``_TextBuilder``: the path for markup ``_tokenize`` leaves."""

    def __init__(self, builder: _TextBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.builder.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.builder.handle_data(data)


def _parse_slow(html: str) -> _TextBuilder:
    builder = _TextBuilder()
    driver = _ParserDriver(builder)
    try:
        driver.feed(html)
        driver.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    return builder


def _squeeze_blank_lines(lines: list[str]) -> str:
    """Join lines, keeping at most one blank line in a row."""
    kept: list[str] = []
    for line in lines:
        if not line and kept and not kept[-1]:
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n")


@dataclass(frozen=True)
class HtmlText:
    text: str
    links: tuple[str, ...]


def html_to_text(html: str) -> HtmlText:
    """Readable text and the link targets of an HTML document (nothing is loaded)."""
    slim = slim_html(html)
    builder = _TextBuilder()
    try:
        _tokenize(slim, builder)
    except _UnknownMarkup:
        builder = _parse_slow(slim)
    return HtmlText(builder.result(), tuple(builder.links))
