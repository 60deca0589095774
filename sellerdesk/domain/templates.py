"""Reply templates: placeholders, rendering that refuses missing values, and languages.

A template body or subject holds placeholders in braces, ``{order_id}``. ``render`` fills them
from a mapping and raises ``MissingValues`` naming every placeholder that has no (non-blank)
value, so a reply never leaves with an empty gap or a literal ``{buyer_name}``. Doubled braces
``{{`` and ``}}`` stand for literal braces. Anything in braces that is not a placeholder name
(``{ }``, ``{1,2}``) is left as it is.

The buyer's marketplace picks the default language of a reply (rule MSG-LANGUAGE): UK/US/CA/
AU/IN/... English, DE German, FR/BE French, ES/MX Spanish, IT Italian, JP Japanese.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sellerdesk.domain.mail.addresses import DOMAIN_MARKETPLACE

# Languages a template can be written in, in the order pickers show them.
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "ja", "zh-CN")
DEFAULT_LANGUAGE = "en"

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "ja": "日本語",
    "zh-CN": "简体中文",
}

# Marketplace code (as stored, see domain/mail/addresses.py) -> default reply language.
MARKETPLACE_LANGUAGE: dict[str, str] = {
    "US": "en",
    "UK": "en",
    "GB": "en",
    "CA": "en",
    "AU": "en",
    "IN": "en",
    "IE": "en",
    "SG": "en",
    "AE": "en",
    "SA": "en",
    "EG": "en",
    "DE": "de",
    "AT": "de",
    "FR": "fr",
    "BE": "fr",
    "ES": "es",
    "MX": "es",
    "IT": "it",
    "JP": "ja",
    "CN": "zh-CN",
}

# Marketplace code -> the store's name, for the {marketplace} placeholder ("GB" is an alias of
# "UK", the code the mail parser uses).
MARKETPLACE_STORE_NAMES: dict[str, str] = {
    code: f"Amazon.{tld}" for tld, code in DOMAIN_MARKETPLACE.items()
}
MARKETPLACE_STORE_NAMES["GB"] = MARKETPLACE_STORE_NAMES["UK"]

# Placeholders SellerDesk knows, with what fills them. Templates may use others too: the
# composer then asks the seller for their values before rendering.
KNOWN_PLACEHOLDERS: dict[str, str] = {
    "buyer_name": "the buyer's name as Amazon shows it",
    "order_id": "the Amazon order id (3-7-7 digits)",
    "item": "the title of the (first) item ordered",
    "asin": "the ASIN of the (first) item ordered",
    "marketplace": "the Amazon store, e.g. Amazon.de",
    "seller_name": "your shop's name (Settings)",
    "carrier": "the shipping carrier",
    "tracking_number": "the carrier's tracking number",
    "expected_date": "the new or expected delivery date",
    "refund_amount": "the amount refunded, with currency",
    "details_needed": "what you need from the buyer to make a custom order",
}

_TOKEN_RE = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MissingValues(ValueError):
    """A template cannot be rendered: these placeholders have no value."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names: tuple[str, ...] = tuple(dict.fromkeys(names))
        listed = ", ".join("{" + name + "}" for name in self.names)
        super().__init__(f"missing value for {listed}")


@dataclass(frozen=True)
class Template:
    """One language variant of a reply template."""

    key: str
    language: str
    title: str
    subject: str
    body: str
    builtin: bool = False
    id: int | None = None

    def placeholders(self) -> tuple[str, ...]:
        """Placeholder names in the subject then the body, first use first."""
        return placeholders(self.subject + "\n" + self.body)


@dataclass(frozen=True)
class Rendered:
    """A template filled in: what goes into the composer."""

    subject: str
    body: str


def placeholders(text: str) -> tuple[str, ...]:
    """Placeholder names used in ``text``, in order of first use, without duplicates."""
    names = (match.group(1) for match in _TOKEN_RE.finditer(text) if match.group(1))
    return tuple(dict.fromkeys(names))


def _has_value(values: Mapping[str, object], name: str) -> bool:
    value = values.get(name)
    return value is not None and str(value).strip() != ""


def missing_values(text: str, values: Mapping[str, object]) -> tuple[str, ...]:
    """Placeholders of ``text`` that ``values`` leaves empty."""
    return tuple(name for name in placeholders(text) if not _has_value(values, name))


def render_text(text: str, values: Mapping[str, object]) -> str:
    """Fill ``text``'s placeholders; raises ``MissingValues`` naming every empty one."""
    missing = missing_values(text, values)
    if missing:
        raise MissingValues(missing)

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return str(values[match.group(1)]).strip()

    return _TOKEN_RE.sub(substitute, text)


def render(template: Template, values: Mapping[str, object]) -> Rendered:
    """Fill subject and body; refuses (``MissingValues``) while any placeholder is empty."""
    missing = missing_values(template.subject + "\n" + template.body, values)
    if missing:
        raise MissingValues(missing)
    return Rendered(
        subject=render_text(template.subject, values), body=render_text(template.body, values)
    )


def normalize_language(language: str | None) -> str | None:
    """'de-DE' -> 'de', 'zh_cn' -> 'zh-CN', 'ja' -> 'ja'; None for unknown languages."""
    if not language:
        return None
    text = language.strip().replace("_", "-")
    if text.lower().startswith("zh"):
        return "zh-CN"
    base = text.split("-")[0].lower()
    return base if base in LANGUAGES else None


def language_for_marketplace(marketplace: str | None) -> str:
    """The default reply language for a buyer of ``marketplace`` (English when unknown)."""
    if not marketplace:
        return DEFAULT_LANGUAGE
    return MARKETPLACE_LANGUAGE.get(marketplace.strip().upper(), DEFAULT_LANGUAGE)


def marketplace_store_name(marketplace: str | None) -> str | None:
    """'DE' -> 'Amazon.de'; None when the marketplace is unknown."""
    if not marketplace:
        return None
    return MARKETPLACE_STORE_NAMES.get(marketplace.strip().upper())


def pick_variant(
    variants: Iterable[Template], language: str, fallback: str = DEFAULT_LANGUAGE
) -> Template | None:
    """The variant in ``language``, else in ``fallback``, else the first one."""
    listed = list(variants)
    for wanted in (language, fallback):
        for template in listed:
            if template.language == wanted:
                return template
    return listed[0] if listed else None


def validate_key(key: str) -> str:
    """A template key is lower-case letters, digits and underscores (stable across languages)."""
    cleaned = key.strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_]{0,63}", cleaned):
        raise ValueError(f"template key {key!r}: use lower-case letters, digits and underscores")
    return cleaned


def validate_language(language: str) -> str:
    normalized = normalize_language(language)
    if normalized is None:
        raise ValueError(
            f"unknown template language {language!r}; expected one of {', '.join(LANGUAGES)}"
        )
    return normalized
