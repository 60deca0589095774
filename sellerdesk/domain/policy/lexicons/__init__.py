"""Per-language phrase lists of the draft checker, compiled once into fast concept matchers.

Each language module (``en``, ``de``, ``fr``, ``es``, ``it``, ``ja``, ``zh``) maps concept
names to regular-expression fragments. A draft mixing Chinese and English, or quoting a German
buyer, needs no language detection: every concept matches the fragments of every language.
Fragments of space-separated languages match between word boundaries; Japanese and Chinese
fragments match anywhere, but never inside a run of Latin letters.

Speed: one big alternation per concept costs about a millisecond per concept on a
2,000-character draft, too slow for checking on every keystroke. So each fragment is compiled
on its own together with its *anchors*, the literal strings one of which any match must
contain (found by reading the parsed pattern). A fragment runs only on the sentences that
contain one of its anchors, which is a plain substring test on the lower-cased text.

Compiling every fragment takes a noticeable moment (~0.15 s), so it happens on the first check,
not on import: ``fragments()`` and ``anchors_by_key()`` build once and keep the result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from sellerdesk.domain.policy.lexicons import de, en, es, fr, it, ja, zh

try:  # Python 3.11+
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

LANGUAGE_MODULES: tuple[ModuleType, ...] = (en, de, fr, es, it, ja, zh)
CONCEPTS: tuple[str, ...] = tuple(en.TERMS)
_MIN_ANCHOR_SCORE = 3  # an ASCII anchor needs 3 characters; one CJK character is enough

Span = tuple[int, int]


@dataclass(frozen=True)
class Fragment:
    """One compiled phrase and the literal strings (lower-case) one of which it must contain."""

    pattern: re.Pattern[str]
    anchors: tuple[str, ...] | None  # None: no usable anchor, always run


def _anchor_score(anchors: set[str]) -> int:
    return min(len(a.strip()) if a.isascii() else 3 * len(a) for a in anchors)


def _anchors(items: Sequence[tuple[object, object]]) -> set[str] | None:
    """Literal strings one of which every match of this parsed sequence contains."""
    C = _sre_constants
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, value in items:
        if op is C.LITERAL:
            run.append(chr(value).lower())  # type: ignore[arg-type]
            continue
        flush()
        found: set[str] | None = None
        if op is C.SUBPATTERN:
            found = _anchors(value[-1])  # type: ignore[index]
        elif op is C.BRANCH:
            branches = [_anchors(alternative) for alternative in value[1]]  # type: ignore[index]
            if all(branches):
                found = set().union(*branches)  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and value[0] >= 1:  # type: ignore[index]
            found = _anchors(value[2])  # type: ignore[index]
        if found:
            candidates.append(found)
    flush()
    usable = [c for c in candidates if _anchor_score(c) >= _MIN_ANCHOR_SCORE]
    return max(usable, key=_anchor_score) if usable else None


def _fragment(source: str, word_bounded: bool) -> Fragment:
    if word_bounded:
        wrapped = rf"(?<!\w)(?:{source})(?!\w)"
    else:
        wrapped = rf"(?<![A-Za-z])(?:{source})(?![A-Za-z])"
    anchors = _anchors(_sre_parser.parse(source, re.IGNORECASE))
    return Fragment(re.compile(wrapped, re.IGNORECASE), tuple(sorted(anchors)) if anchors else None)


def _check_concepts() -> None:
    for module in LANGUAGE_MODULES:
        unknown = set(module.TERMS) - set(CONCEPTS)
        if unknown:
            raise ValueError(f"{module.__name__} uses unknown concepts: {sorted(unknown)}")


def _build() -> dict[str, tuple[Fragment, ...]]:
    _check_concepts()
    return {
        concept: tuple(
            _fragment(source, module.WORD_BOUNDED)
            for module in LANGUAGE_MODULES
            for source in module.TERMS.get(concept, ())
        )
        for concept in CONCEPTS
    }


@cache
def fragments() -> dict[str, tuple[Fragment, ...]]:
    """Every concept's compiled fragments, built on first use."""
    return _build()


def _anchor_key(anchor: str) -> str:
    """The first three characters of an anchor (one for shorter, non-ASCII anchors)."""
    return anchor[:3] if len(anchor) >= 3 else anchor[:1]


@cache
def anchors_by_key() -> dict[str, tuple[str, ...]]:
    """Every fragment anchor, grouped by its ``_anchor_key``; built on first use."""
    keyed: dict[str, set[str]] = {}
    for concept_fragments in fragments().values():
        for fragment in concept_fragments:
            for anchor in fragment.anchors or ():
                keyed.setdefault(_anchor_key(anchor), set()).add(anchor)
    return {key: tuple(sorted(anchors)) for key, anchors in keyed.items()}


@cache
def _anchor_keys() -> frozenset[str]:
    return frozenset(anchors_by_key())


def anchors_present(lowered: str) -> frozenset[str]:
    """Every anchor occurring in ``lowered``: a set intersection of 3-grams, then a check."""
    grams = {lowered[i : i + 3] for i in range(len(lowered) - 2)}
    grams.update(lowered)
    by_key = anchors_by_key()
    return frozenset(
        anchor
        for key in grams & _anchor_keys()
        for anchor in by_key[key]
        if anchor == key or anchor in lowered
    )


class TextIndex:
    """One draft's lower-cased text, the anchors present in it and where they occur.

    Built once per check; :meth:`find` then runs only the fragments whose anchors occur, and
    each only on the sentences (``windows``) holding one of them.
    """

    def __init__(self, text: str, lowered: str, windows: Sequence[Span]) -> None:
        self.text = text
        self.lowered = lowered
        self.windows = windows
        self.present = anchors_present(lowered)
        self._windows_by_anchor: dict[str, list[int]] = {}

    def find(self, concept: str) -> list[Span]:
        """Sorted, de-duplicated spans of ``concept`` (phrases may overlap each other)."""
        found: set[Span] = set()
        present = self.present
        for fragment in fragments()[concept]:
            if fragment.anchors is None:
                found.update(m.span() for m in fragment.pattern.finditer(self.text))
            elif not present.isdisjoint(fragment.anchors):
                for start, end in self._windows_with(fragment.anchors):
                    found.update(m.span() for m in fragment.pattern.finditer(self.text, start, end))
        return sorted(span for span in found if span[1] > span[0])

    def _windows_with(self, anchors: tuple[str, ...]) -> list[Span]:
        indices: set[int] = set()
        for anchor in anchors:
            if anchor in self.present:
                indices.update(self._anchor_windows(anchor))
        return [self.windows[index] for index in sorted(indices)]

    def _anchor_windows(self, anchor: str) -> list[int]:
        cached = self._windows_by_anchor.get(anchor)
        if cached is None:
            cached = [
                index
                for index, (start, end) in enumerate(self.windows)
                if self.lowered.find(anchor, start, end) >= 0
            ]
            self._windows_by_anchor[anchor] = cached
        return cached
