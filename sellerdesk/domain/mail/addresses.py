"""Amazon's domains, marketplaces and anonymised relay addresses.

Domains are matched exactly on their suffix: ``x@marketplace.amazon.com.evil.example`` is not
Amazon. A relay address keeps its ``+tag``; the alias used for threading drops it.
"""

from __future__ import annotations

import functools
import re

# Amazon's top-level marketplace domain -> two-letter marketplace code.
DOMAIN_MARKETPLACE: dict[str, str] = {
    "com": "US",
    "ca": "CA",
    "com.mx": "MX",
    "com.br": "BR",
    "co.uk": "UK",
    "de": "DE",
    "fr": "FR",
    "it": "IT",
    "es": "ES",
    "nl": "NL",
    "se": "SE",
    "pl": "PL",
    "com.be": "BE",
    "co.jp": "JP",
    "com.au": "AU",
    "sg": "SG",
    "ae": "AE",
    "sa": "SA",
    "in": "IN",
    "com.tr": "TR",
    "eg": "EG",
    "ie": "IE",
}

# X-Marketplace-ID / mp= parameter -> marketplace code.
MARKETPLACE_IDS: dict[str, str] = {
    "ATVPDKIKX0DER": "US",
    "A2EUQ1WTGCTBG2": "CA",
    "A1AM78C64UM0Y8": "MX",
    "A2Q3Y263D00KWC": "BR",
    "A1F83G8C2ARO7P": "UK",
    "A1PA6795UKMFR9": "DE",
    "A13V1IB3VIYZZH": "FR",
    "APJ6JRA9NG5V4": "IT",
    "A1RKKUPIHCS9HS": "ES",
    "A1805IZSGTT6HS": "NL",
    "A2NODRKZP88ZB9": "SE",
    "A1C3SOZRARQ6R3": "PL",
    "AMEN7PMS3EDWL": "BE",
    "A1VC38T7YXB528": "JP",
    "A39IBJ37TRP1C6": "AU",
    "A19VAU5U5O7RUS": "SG",
    "A2VIGQ35RCS4UG": "AE",
    "A17E79C6D8DWNP": "SA",
    "A21TJRUUN4KGV": "IN",
    "A33AVAJ2PDY3EV": "TR",
}

# Longest suffixes first so "com.mx" wins over "com".
_TLDS = sorted(DOMAIN_MARKETPLACE, key=len, reverse=True)
_TLD_PATTERN = "|".join(re.escape(tld) for tld in _TLDS)

# A relay address anywhere in text: the domain must end right after the TLD.
RELAY_RE = re.compile(
    r"(?<![\w.+-])([a-z0-9][a-z0-9._-]{5,63}(?:\+[a-z0-9._-]{1,80})?)"
    rf"@((?:m\.)?marketplace\.amazon\.(?:{_TLD_PATTERN}))(?![\w.-]*\w)",
    re.IGNORECASE,
)
_MP_PARAM_RE = re.compile(r"(?:[?&](?:amp;)?)(?:mp|marketplaceId|marketplaceID)=([A-Z0-9]{9,16})")
_SELLER_CENTRAL_RE = re.compile(
    rf"(?:sellercentral|www)\.amazon\.({_TLD_PATTERN})(?=[/:?\s\"'<>]|$)", re.IGNORECASE
)
_DISPLAY_AMAZON_RE = re.compile(rf"\bAmazon\.({_TLD_PATTERN})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def domain_tld(domain: str) -> str | None:
    """'marketplace.amazon.co.uk' -> 'co.uk'; None unless the domain is Amazon's exactly.
    (Cached: a mailbox names the same few domains over and over.)"""
    domain = domain.lower().rstrip(".")
    for tld in _TLDS:
        suffix = f"amazon.{tld}"
        if domain == suffix or domain.endswith("." + suffix):
            return tld
    return None


def is_amazon_domain(domain: str) -> bool:
    return domain_tld(domain) is not None or domain.lower().rstrip(".") in (
        "amazonses.com",
        "email.amazonses.com",
    )


def is_relay_domain(domain: str) -> bool:
    domain = domain.lower()
    tld = domain_tld(domain)
    return tld is not None and domain in (
        f"marketplace.amazon.{tld}",
        f"m.marketplace.amazon.{tld}",
    )


def marketplace_of_domain(domain: str) -> str | None:
    tld = domain_tld(domain)
    return DOMAIN_MARKETPLACE.get(tld) if tld else None


def split_address(address: str) -> tuple[str, str]:
    local, _, domain = address.rpartition("@")
    return local, domain.lower()


def find_relay_addresses(text: str) -> list[str]:
    """Every relay address in ``text``, lower-case, in order, without repeats."""
    found: list[str] = []
    if "@" not in text:
        return found
    for match in RELAY_RE.finditer(text):
        address = f"{match.group(1)}@{match.group(2)}".lower()
        if address not in found:
            found.append(address)
    return found


def relay_alias(address: str) -> str:
    """The relay address without its ``+tag`` (the buyer's stable alias)."""
    local, domain = split_address(address.lower())
    return f"{local.split('+', 1)[0]}@{domain}"


def marketplace_from_links(texts: list[str]) -> str | None:
    """The marketplace named by an ``mp=``/``marketplaceId=`` parameter in links or text."""
    for text in texts:
        for match in _MP_PARAM_RE.finditer(text):
            code = MARKETPLACE_IDS.get(match.group(1))
            if code:
                return code
    return None


def marketplace_from_seller_central(texts: list[str]) -> str | None:
    """The marketplace of the first ``sellercentral.amazon.<tld>`` link."""
    for text in texts:
        match = _SELLER_CENTRAL_RE.search(text)
        if match:
            return DOMAIN_MARKETPLACE.get(match.group(1).lower())
    return None


def marketplace_from_display_name(name: str) -> str | None:
    """'Amazon.fr' in a From display name -> 'FR'."""
    match = _DISPLAY_AMAZON_RE.search(name or "")
    return DOMAIN_MARKETPLACE.get(match.group(1).lower()) if match else None
