"""Time helpers shared by every layer: UTC now, ISO-8601 text as stored, the seller's zone."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# Settings key of the seller's time zone (an IANA name such as "Asia/Shanghai").
TIMEZONE_SETTING = "timezone"


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


def resolve_timezone(name: str | None) -> dt.tzinfo:
    """The IANA zone ``name``; the system's local zone when ``name`` is empty or unknown."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return system_timezone()


def system_timezone() -> dt.tzinfo:
    """The machine's local zone as an IANA zone when it can be named, else its fixed offset."""
    for candidate in (os.environ.get("TZ", "").lstrip(":"), _zone_from_localtime()):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    local = dt.datetime.now().astimezone().tzinfo
    return local if local is not None else dt.UTC


def _zone_from_localtime() -> str | None:
    """'Europe/Berlin' from the /etc/localtime symlink or /etc/timezone (Linux, macOS)."""
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
