"""Deadline arithmetic for return cases: calendar hours, calendar days and business days.

Amazon words its return deadlines in three ways, and each is computed differently:

- **calendar hours** ("answer within 48 hours"): elapsed time, so a daylight-saving change
  does not stretch or shrink the window; ``add_hours``.
- **calendar days** ("SAFE-T within 60 days", "appeal within 30 calendar days"): the same
  wall-clock time N days later in the seller's time zone; ``add_calendar_days``.
- **business days** ("refund within 2 business days of receiving the return"): the end of
  the Nth working day after the day of the event, in the seller's time zone, skipping
  weekends and the public holidays of the marketplace's country (from the maintained
  ``holidays`` library); ``add_business_days``.

Every function takes and returns aware datetimes; nothing here reads a clock.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

# Amazon marketplace code -> (ISO country of its public holidays, subdivision or None).
# Amazon.co.uk works to the bank holidays of England (its UK operations are run from London).
MARKETPLACE_COUNTRY: dict[str, tuple[str, str | None]] = {
    "US": ("US", None),
    "CA": ("CA", None),
    "MX": ("MX", None),
    "BR": ("BR", None),
    "UK": ("GB", "ENG"),
    "GB": ("GB", "ENG"),
    "IE": ("IE", None),
    "DE": ("DE", None),
    "FR": ("FR", None),
    "IT": ("IT", None),
    "ES": ("ES", None),
    "NL": ("NL", None),
    "BE": ("BE", None),
    "SE": ("SE", None),
    "PL": ("PL", None),
    "TR": ("TR", None),
    "JP": ("JP", None),
    "AU": ("AU", None),
    "SG": ("SG", None),
    "IN": ("IN", None),
    "AE": ("AE", None),
    "SA": ("SA", None),
    "EG": ("EG", None),
}
DEFAULT_MARKETPLACE = "US"
WEEKEND = frozenset({5, 6})  # Saturday, Sunday
END_OF_DAY = dt.time(23, 59, 59)


def marketplace_country(marketplace: str | None) -> tuple[str, str | None]:
    """The holiday calendar (country, subdivision) of a marketplace code; US when unknown."""
    code = (marketplace or DEFAULT_MARKETPLACE).upper()
    return MARKETPLACE_COUNTRY.get(code, MARKETPLACE_COUNTRY[DEFAULT_MARKETPLACE])


@lru_cache(maxsize=64)
def _holidays(country: str, subdiv: str | None, year: int) -> holidays.HolidayBase:
    import holidays  # ~35 ms to import: paid on the first deadline computed, not at start-up

    return holidays.country_holidays(country, subdiv=subdiv, years=year)


def holiday_name(day: dt.date, marketplace: str | None) -> str | None:
    """The public holiday on ``day`` in the marketplace's country, else None."""
    country, subdiv = marketplace_country(marketplace)
    return _holidays(country, subdiv, day.year).get(day)


def is_business_day(day: dt.date, marketplace: str | None) -> bool:
    """Monday to Friday and not a public holiday of the marketplace's country."""
    return day.weekday() not in WEEKEND and holiday_name(day, marketplace) is None


def add_hours(start: dt.datetime, hours: float) -> dt.datetime:
    """``start`` plus elapsed calendar hours (weekends, holidays and DST changes included)."""
    _require_aware(start)
    return (start.astimezone(dt.UTC) + dt.timedelta(hours=hours)).astimezone(start.tzinfo)


def add_calendar_days(start: dt.datetime, days: int, tz: dt.tzinfo) -> dt.datetime:
    """The same wall-clock time ``days`` later in ``tz`` (a DST change moves the UTC time)."""
    _require_aware(start)
    local = start.astimezone(tz)
    naive = local.replace(tzinfo=None) + dt.timedelta(days=days)
    return _localize(naive, tz)


def add_business_days(
    start: dt.datetime, days: int, marketplace: str | None, tz: dt.tzinfo
) -> dt.datetime:
    """The end (23:59:59 local) of the ``days``-th business day after ``start``'s local day.

    The day of the event itself does not count: an item received on a Friday afternoon in
    the US with "2 business days" must be refunded by the end of the following Tuesday (or
    Wednesday when that Monday is a public holiday).
    """
    _require_aware(start)
    if days < 1:
        raise ValueError("business-day deadlines count at least one day")
    day = start.astimezone(tz).date()
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_business_day(day, marketplace):
            counted += 1
    return _localize(dt.datetime.combine(day, END_OF_DAY), tz)


def _localize(naive: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Attach ``tz`` to a wall-clock time, normalised through UTC.

    A time inside a spring-forward gap (02:30 that never happens) comes out after the gap
    (03:30 summer time); an ambiguous autumn time takes its first occurrence.
    """
    return naive.replace(tzinfo=tz).astimezone(dt.UTC).astimezone(tz)


def _require_aware(moment: dt.datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: deadlines need aware times")
