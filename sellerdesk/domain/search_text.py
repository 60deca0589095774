"""Text rules of full-text search: what goes into the index, how a query is read, snippets.

SQLite's ``unicode61`` tokenizer keeps a run of Chinese or Japanese characters as one token,
so a two-character word inside a sentence is never found. SellerDesk therefore indexes each
CJK run as overlapping bigrams plus its last character ("明天提交" -> "明天 天提 提交 交"),
and reads a CJK query word the same way, as a phrase of bigrams: every word of two or more
characters is found wherever it sits in a sentence, and a one-character query matches as a
prefix. Other scripts are indexed as written (NFKC-normalised, so full-width letters match).

Snippets are built here from the original text, not by FTS5 (whose text holds the bigrams).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Han (incl. extension A and compatibility), Hiragana, Katakana (incl. phonetic extensions),
# the iteration marks 々 〆 and the prolonged sound mark ー.
_CJK_CLASS = (
    "\u3005\u3006\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff"
)
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_WORD = re.compile(r"\w", re.UNICODE)

SNIPPET_RADIUS = 48


def normalize(text: str) -> str:
    """NFKC (full-width Latin to ASCII, half-width kana to full-width)."""
    return unicodedata.normalize("NFKC", text)


def cjk_bigrams(run: str) -> list[str]:
    """'明天提交' -> ['明天', '天提', '提交', '交']; one character stays itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_text(text: str | None) -> str:
    """The text as FTS5 stores it: CJK runs split into bigrams, everything else unchanged."""
    if not text:
        return ""
    return _CJK_RUN.sub(lambda m: " " + " ".join(cjk_bigrams(m.group())) + " ", normalize(text))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term_expression(term: str, prefix: bool) -> str | None:
    """One query word as an FTS5 expression, or None when it has nothing searchable."""
    pieces: list[str] = []
    position = 0
    for match in _CJK_RUN.finditer(term):
        pieces.append(term[position : match.start()])
        run = match.group()
        # A word of 2+ characters is the phrase of its bigrams (without the trailing unigram).
        pieces.append(" ".join(cjk_bigrams(run)[:-1] if len(run) > 1 else [run]))
        position = match.end()
    pieces.append(term[position:])
    tokens = " ".join(piece for piece in pieces if piece).strip()
    if not _WORD.search(tokens):
        return None
    ends_with_cjk_unigram = len(term) >= 1 and bool(_CJK_CHAR.fullmatch(term[-1])) and (
        len(term) == 1 or not _CJK_CHAR.fullmatch(term[-2])
    )
    latin_end = bool(_WORD.fullmatch(term[-1])) and not _CJK_CHAR.fullmatch(term[-1])
    wants_prefix = (prefix and latin_end) or ends_with_cjk_unigram
    return _quote(tokens) + (" *" if wants_prefix else "")


def query_terms(query: str) -> list[str]:
    """The words of a query as the user typed them (NFKC, split on white space)."""
    return [term for term in normalize(query).split() if term]


def fts_query(query: str, *, prefix_last: bool = True) -> str | None:
    """A safe FTS5 MATCH expression (every word quoted, all words required), or None.

    Operators and LIKE/GLOB characters the user types (``" * % _ ( ) - : ^``) are plain text.
    With ``prefix_last`` the last word also matches longer words, for search-as-you-type,
    unless the query ends with a space.
    """
    terms = query_terms(query)
    expressions = []
    for index, term in enumerate(terms):
        is_last = index == len(terms) - 1
        prefix = prefix_last and is_last and not query[-1:].isspace()
        expression = _term_expression(term, prefix)
        if expression is not None:
            expressions.append(expression)
    return " AND ".join(expressions) if expressions else None


# --- snippets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A piece of a field with the spans (start, end) that matched the query."""

    text: str
    spans: tuple[tuple[int, int], ...]
    leading_cut: bool = False
    trailing_cut: bool = False

    def marked(self, start: str = "[", end: str = "]", ellipsis: str = "…") -> str:
        """Plain text with matches wrapped, e.g. '…the [parcel] arrived…'."""
        return self._render(start, end, ellipsis, lambda s: s)

    def html(self) -> str:
        """Escaped HTML with matches in <b>."""
        return self._render("<b>", "</b>", "…", html.escape)

    def _render(self, start: str, end: str, ellipsis: str, escape) -> str:  # type: ignore[no-untyped-def]
        parts = [ellipsis] if self.leading_cut else []
        position = 0
        for span_start, span_end in self.spans:
            parts.append(escape(self.text[position:span_start]))
            parts.append(start + escape(self.text[span_start:span_end]) + end)
            position = span_end
        parts.append(escape(self.text[position:]))
        if self.trailing_cut:
            parts.append(ellipsis)
        return "".join(parts)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base[:1] if base else char


def fold(text: str) -> str:
    """Lower-case, diacritics removed, one character per character (positions are kept)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def _needles(query: str) -> list[str]:
    needles = []
    for term in query_terms(query):
        for piece in re.findall(rf"[{_CJK_CLASS}]+|\w+", term):
            needles.append(fold(piece))
    return sorted(set(needles), key=len, reverse=True)


def _is_word_start(text: str, index: int, needle: str) -> bool:
    if _CJK_CHAR.match(needle) or index == 0:
        return True
    return not _WORD.match(text[index - 1])


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text`` (case- and accent-insensitive)."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for needle in _needles(query):
        for match in re.finditer(re.escape(needle), folded):
            start, end = match.span()
            if not _is_word_start(folded, start, needle):
                continue
            if any(start < e and s < end for s, e in spans):
                continue
            spans.append((start, end))
    return sorted(spans)


def make_snippet(text: str, query: str, radius: int = SNIPPET_RADIUS) -> Snippet | None:
    """The part of ``text`` around its first match (``radius // 3`` characters before it,
    ``2 * radius`` after), or None when the query is not in it."""
    flat = " ".join(text.split())
    spans = find_spans(flat, query)
    if not spans:
        return None
    first_start = spans[0][0]
    start = max(0, first_start - radius // 3)
    end = min(len(flat), spans[0][1] + 2 * radius)
    if start > 0:
        space = flat.find(" ", start, first_start)
        start = space + 1 if space != -1 else start
    if end < len(flat):
        space = flat.rfind(" ", spans[0][1], end)
        end = space if space != -1 else end
    inside = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    return Snippet(flat[start:end], inside, start > 0, end < len(flat))


def best_snippet(
    fields: list[str | None], query: str, radius: int = SNIPPET_RADIUS
) -> Snippet | None:
    """The snippet of the first field (in the caller's order of preference) that matches."""
    for field in fields:
        if field:
            snippet = make_snippet(field, query, radius)
            if snippet is not None:
                return snippet
    return None
