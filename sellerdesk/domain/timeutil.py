"""Time helpers shared by every layer: UTC now and ISO-8601 text as stored in the database."""

from __future__ import annotations

import datetime as dt

ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def to_iso(moment: dt.datetime) -> str:
    """Aware datetime -> '2026-11-26T08:30:00Z' (UTC)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: SellerDesk stores aware UTC times only")
    return moment.astimezone(dt.UTC).strftime(ISO_FORMAT)


def from_iso(text: str) -> dt.datetime:
    """'2026-11-26T08:30:00Z' (or any ISO-8601 with an offset) -> aware UTC datetime."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
