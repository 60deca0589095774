"""One draft, prepared once for all detectors: sentences, concept matches and protected tokens.

Concept matches are computed lazily and cached, so a detector pays only for the concepts it
asks for and no concept is matched twice. All patterns are compiled at import time; building
an :class:`Analysis` does no regex compilation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from sellerdesk.domain.policy.lexicons import TextIndex
from sellerdesk.domain.policy.model import DraftContext

Span = tuple[int, int]

# Full-width ASCII (common in Chinese and Japanese input) to ASCII, one character for one, so
# indices into the normalised text are indices into the original text.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|[。！？]+|\n")

# A sentence is filler (greeting, thanks, help offer, signature) when it is a short line or
# when at least this share of its letters and digits is covered by filler/thanks/protected
# matches.
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_FILLER_COVERAGE = 0.6
_SHORT_LINE_WORDS = 3
_SHORT_LINE_CJK = 8

# Tokens that look like numbers but are not contact details.
_PROTECTED = re.compile(
    r"\b\d{3}-\d{7}-\d{7}\b"  # Amazon order id
    r"|\bB0[0-9A-Z]{8}\b"  # ASIN
    r"|\b1Z[0-9A-Z]{16}\b|\b[A-Z]{2}\d{9}[A-Z]{2}\b|\bTBA\d{9,12}\b|\bJD\d{16,18}\b"  # tracking
    r"|\b\d{12,22}\b|\b\d{4}-\d{4}-\d{4}\b"  # long tracking numbers (also JP 4-4-4)
    r"|[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:€|EUR|USD|GBP|JPY|CNY|円|元|dollars?|euros?)"  # prices
    r"|\b\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"  # dates
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # times
    r"|\b[A-Z]{1,6}-?\d{2,}(?:-[A-Z0-9]+)*\b"  # model numbers
    r"|\bISBN[-: ]*[\dX-]{10,17}\b"
    # tax ids ("VAT number GB 123 4567 89")
    r"|\b(?:VAT|USt|TVA|IVA|NIF|CIF|EIN|ABN|GST)\b[\w .:#-]{0,20}?[A-Z]{0,2} ?\d[\d ]{5,16}\d"
)


class Analysis:
    """The draft text with everything detectors share."""

    def __init__(self, text: str, subject: str, context: DraftContext) -> None:
        self.text = text
        self.subject = subject
        self.context = context
        self.norm = text.translate(_FULLWIDTH)
        self.subject_norm = subject.translate(_FULLWIDTH)
        self.lowered = _lower_same_length(self.norm)
        self._concepts: dict[str, list[Span]] = {}
        self._buckets: dict[str, dict[int, list[Span]]] = {}

    # -- sentences -------------------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans (whitespace-trimmed, non-empty) in text order."""
        spans: list[Span] = []
        start = 0
        for match in _SENTENCE_END.finditer(self.norm):
            self._add_sentence(spans, start, match.end())
            start = match.end()
        self._add_sentence(spans, start, len(self.norm))
        return spans

    def _add_sentence(self, spans: list[Span], start: int, end: int) -> None:
        chunk = self.norm[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + (len(chunk) - len(chunk.lstrip()))
            spans.append((offset, offset + len(stripped)))

    @cached_property
    def _index(self) -> TextIndex:
        return TextIndex(self.norm, self.lowered, self.sentences)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_index(self, position: int) -> int:
        return max(bisect_right(self._sentence_starts, position) - 1, 0)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.norm[start:end]

    # -- concepts --------------------------------------------------------------------------
    def spans(self, concept: str) -> list[Span]:
        """Every match of a lexicon concept in the body, cached."""
        found = self._concepts.get(concept)
        if found is None:
            found = self._index.find(concept)
            self._concepts[concept] = found
        return found

    def in_sentence(self, concept: str, index: int) -> list[Span]:
        """Matches of a concept that start in sentence ``index``."""
        buckets = self._buckets.get(concept)
        if buckets is None:
            buckets = self._bucket(self.spans(concept))
            self._buckets[concept] = buckets
        return buckets.get(index, [])

    def _bucket(self, spans: list[Span]) -> dict[int, list[Span]]:
        buckets: dict[int, list[Span]] = {}
        for span in spans:
            buckets.setdefault(self.sentence_index(span[0]), []).append(span)
        return buckets

    def has(self, concept: str) -> bool:
        return bool(self.spans(concept))

    @cached_property
    def filler_sentences(self) -> list[bool]:
        """For each sentence, whether it is only greeting, thanks, help offer or signature."""
        covering = self.spans("filler") + self.spans("thanks") + self.protected
        return [self._is_filler(span, covering) for span in self.sentences]

    def _is_filler(self, sentence: Span, covering: list[Span]) -> bool:
        start, end = sentence
        text = self.norm[start:end]
        words = _WORD.findall(text)
        cjk = len(_CJK.findall(text))
        if not cjk and len(words) <= _SHORT_LINE_WORDS and "?" not in text:
            return True
        if cjk and cjk <= _SHORT_LINE_CJK and len(words) <= _SHORT_LINE_WORDS:
            return True
        covered = bytearray(end - start)
        for c_start, c_end in covering:
            lo, hi = max(c_start, start), min(c_end, end)
            if lo < hi:
                covered[lo - start : hi - start] = b"\x01" * (hi - lo)
        meaningful = [i for i, char in enumerate(text) if char.isalnum()]
        if not meaningful:
            return True
        share = sum(covered[i] for i in meaningful) / len(meaningful)
        return share >= _FILLER_COVERAGE

    @cached_property
    def review_spans(self) -> list[Span]:
        """Review/feedback words that really mean a review (not "we will review your case")."""
        masks = self.spans("review_mask")
        return [span for span in self.spans("review") if not overlaps_any(span, masks)]

    def unmasked(self, concept: str) -> list[Span]:
        """Matches of a concept outside the review masks ("thank you for your good review")."""
        masks = self.spans("review_mask")
        return [span for span in self.spans(concept) if not overlaps_any(span, masks)]

    def unmasked_in_sentence(self, concept: str, index: int) -> list[Span]:
        key = f"unmasked:{concept}"
        if key not in self._buckets:
            self._buckets[key] = self._bucket(self.unmasked(concept))
        return self._buckets[key].get(index, [])

    def review_in_sentence(self, index: int) -> list[Span]:
        if "review:" not in self._buckets:
            self._buckets["review:"] = self._bucket(self.review_spans)
        return self._buckets["review:"].get(index, [])

    @cached_property
    def review_request_spans(self) -> list[Span]:
        masks = self.spans("review_mask")
        return [span for span in self.spans("review_request") if not overlaps_any(span, masks)]

    @cached_property
    def protected(self) -> list[Span]:
        return [match.span() for match in _PROTECTED.finditer(self.norm)]

    def protected_near(self, start: int, end: int, margin: int = 30) -> list[Span]:
        """Protected tokens around one span (cheaper than :attr:`protected` on long drafts)."""
        window = _PROTECTED.finditer(self.norm, max(start - margin, 0), end + margin)
        return [match.span() for match in window]


def _lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case is longer (so indices agree)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def overlaps_any(span: Span, others: list[Span]) -> bool:
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in others)


def cover(*groups: list[Span]) -> Span:
    """The smallest span covering every span of every group."""
    spans = [span for group in groups for span in group]
    return min(start for start, _ in spans), max(end for _, end in spans)
