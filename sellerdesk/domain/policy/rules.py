"""The rules data file: one entry per rule id of ``amazon-policy.md`` (sections 1-5).

The file ``sellerdesk/assets/rules/rules.json`` is the only place rule texts, severities and
figures live; code refers to rules by id. Read it only through :func:`load_rules`, which
validates the file once and caches the result::

    book = load_rules()
    rule = book.get("CNT-LINK")
    rule.title.text("zh-CN")

A rule change is a data change: edit the JSON, bump ``last_checked`` (and the file's
``checked_on`` after a full re-check), and the checker, sidebar and cheat sheet follow.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sellerdesk.paths import assets_dir

SCHEMA_VERSION = 1
LANGUAGES = ("en", "zh-CN")
SECTIONS = ("messaging", "content", "response", "metrics", "returns", "atoz", "prohibited")
SEVERITIES = ("block", "warn", "info")
CONFIDENCES = ("high", "medium", "low")
_LOCALIZED_FIELDS = ("title", "explanation", "why")
_OPTIONAL_LOCALIZED_FIELDS = ("compliant_example", "figure")


class RulesFileError(ValueError):
    """The rules file is missing, not valid JSON, or breaks the data contract."""


@dataclass(frozen=True)
class Localized(Mapping[str, str]):
    """One text in English and Simplified Chinese; ``text(lang)`` falls back to English."""

    en: str
    zh_cn: str

    def text(self, language: str = "en") -> str:
        """The text for ``language`` ("zh-CN", "zh", "zh_CN"...), else the English one."""
        if language.lower().replace("_", "-").startswith("zh"):
            return self.zh_cn or self.en
        return self.en

    def __getitem__(self, key: str) -> str:
        if key == "en":
            return self.en
        if key == "zh-CN":
            return self.zh_cn
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


@dataclass(frozen=True)
class Rule:
    """One rule of the policy reference, as the app needs it."""

    id: str
    section: str
    severity: str
    checkable: bool
    title: Localized
    explanation: Localized
    why: Localized
    compliant_example: Localized | None
    figure: Localized | None
    source_url: str
    confidence: str
    last_checked: date

    @property
    def blocks(self) -> bool:
        return self.severity == "block"


@dataclass(frozen=True)
class RuleBook:
    """All rules of the file, in file order, with look-ups by id and by section."""

    rules: tuple[Rule, ...]
    checked_on: date
    source_document: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {rule.id: rule for rule in self.rules})

    def get(self, rule_id: str) -> Rule:
        """The rule with this id; ``KeyError`` names the id if the file has no such rule."""
        try:
            return self._by_id[rule_id]  # type: ignore[attr-defined]
        except KeyError:
            raise KeyError(f"unknown rule id {rule_id!r}") from None

    def all(self) -> list[Rule]:
        return list(self.rules)

    def ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def by_section(self, section: str) -> list[Rule]:
        if section not in SECTIONS:
            raise KeyError(f"unknown section {section!r}; expected one of {SECTIONS}")
        return [rule for rule in self.rules if rule.section == section]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return len(self.rules)


def default_rules_path() -> Path:
    return assets_dir() / "rules" / "rules.json"


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> RuleBook:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RulesFileError(f"rules file not found: {path}") from error
    except json.JSONDecodeError as error:
        raise RulesFileError(f"rules file {path} is not valid JSON: {error}") from error
    return parse_rulebook(raw, origin=str(path))


def load_rules(path: Path | None = None) -> RuleBook:
    """The validated rule book (cached per path); the packaged file unless ``path`` is given."""
    return _load_cached(Path(path) if path is not None else default_rules_path())


def parse_rulebook(raw: Any, origin: str = "rules.json") -> RuleBook:
    """Validate a decoded rules file and build the :class:`RuleBook`."""
    if not isinstance(raw, dict):
        raise RulesFileError(f"{origin}: top level must be an object")
    if raw.get("schema") != SCHEMA_VERSION:
        raise RulesFileError(f"{origin}: unsupported schema {raw.get('schema')!r}")
    entries = raw.get("rules")
    if not isinstance(entries, list) or not entries:
        raise RulesFileError(f"{origin}: 'rules' must be a non-empty list")
    rules = tuple(_parse_rule(entry, origin) for entry in entries)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulesFileError(f"{origin}: duplicate rule id {rule.id}")
        seen.add(rule.id)
    return RuleBook(
        rules=rules,
        checked_on=_parse_date(raw.get("checked_on"), f"{origin}: checked_on"),
        source_document=str(raw.get("source_document", "")),
    )


def _parse_rule(entry: Any, origin: str) -> Rule:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise RulesFileError(f"{origin}: every rule needs a string 'id'")
    rule_id = entry["id"]
    where = f"{origin}: rule {rule_id}"
    _require_choice(entry, "section", SECTIONS, where)
    _require_choice(entry, "severity", SEVERITIES, where)
    _require_choice(entry, "confidence", CONFIDENCES, where)
    if not isinstance(entry.get("checkable"), bool):
        raise RulesFileError(f"{where}: 'checkable' must be true or false")
    source_url = entry.get("source_url")
    if not isinstance(source_url, str) or not source_url.startswith(("https://", "http://")):
        raise RulesFileError(f"{where}: 'source_url' must be a web address")
    texts = {
        name: _parse_localized(entry.get(name), f"{where}: {name}") for name in _LOCALIZED_FIELDS
    }
    optional = {
        name: None if entry.get(name) is None else _parse_localized(entry[name], f"{where}: {name}")
        for name in _OPTIONAL_LOCALIZED_FIELDS
    }
    return Rule(
        id=rule_id,
        section=entry["section"],
        severity=entry["severity"],
        checkable=entry["checkable"],
        source_url=source_url,
        confidence=entry["confidence"],
        last_checked=_parse_date(entry.get("last_checked"), f"{where}: last_checked"),
        **texts,
        **optional,
    )


def _require_choice(entry: dict[str, Any], key: str, choices: tuple[str, ...], where: str) -> None:
    if entry.get(key) not in choices:
        raise RulesFileError(f"{where}: '{key}' must be one of {choices}, not {entry.get(key)!r}")


def _parse_localized(value: Any, where: str) -> Localized:
    if not isinstance(value, dict):
        raise RulesFileError(f"{where}: expected an object with 'en' and 'zh-CN'")
    texts = [value.get(language) for language in LANGUAGES]
    if not all(isinstance(text, str) and text.strip() for text in texts):
        raise RulesFileError(f"{where}: needs non-empty 'en' and 'zh-CN' texts")
    return Localized(en=texts[0], zh_cn=texts[1])


def _parse_date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise RulesFileError(f"{where}: expected YYYY-MM-DD, got {value!r}") from error
