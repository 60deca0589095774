"""Deadline arithmetic of the returns checklist, against hand-computed dates.

Each expected value below was worked out on a calendar by hand: the holidays named in the
comments are the marketplace's public holidays for that year.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sellerdesk.domain.returns.calendar import (
    add_business_days,
    add_calendar_days,
    add_hours,
    holiday_name,
    is_business_day,
)
from sellerdesk.domain.timeutil import from_iso, resolve_timezone, to_iso

UTC = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def refund_due(received_utc: str, marketplace: str, tz: ZoneInfo) -> str:
    return to_iso(add_business_days(from_iso(received_utc), 2, marketplace, tz))


@pytest.mark.parametrize(
    ("received", "marketplace", "tz", "expected"),
    [
        # Mon 2026-03-02 -> Tue 3, Wed 4.
        ("2026-03-02T10:00:00Z", "US", UTC, "2026-03-04T23:59:59Z"),
        # Fri 2026-03-06 -> weekend skipped -> Mon 9, Tue 10.
        ("2026-03-06T16:00:00Z", "US", UTC, "2026-03-10T23:59:59Z"),
        # Sat 2026-03-07 -> Mon 9, Tue 10: the day of receipt never counts.
        ("2026-03-07T12:00:00Z", "US", UTC, "2026-03-10T23:59:59Z"),
    ],
)
def test_business_days_skip_weekends(received, marketplace, tz, expected) -> None:
    assert refund_due(received, marketplace, tz) == expected


def test_us_thanksgiving_is_skipped() -> None:
    # Wed 2026-11-25 15:00 New York; Thu 26 Thanksgiving; Fri 27 = day 1; Mon 30 = day 2.
    assert refund_due("2026-11-25T20:00:00Z", "US", NEW_YORK) == "2026-12-01T04:59:59Z"


def test_us_martin_luther_king_day_is_skipped() -> None:
    # Fri 2026-01-16; Mon 19 is MLK Day; Tue 20 = day 1; Wed 21 = day 2 (EST, UTC-5).
    assert refund_due("2026-01-16T15:00:00Z", "US", NEW_YORK) == "2026-01-22T04:59:59Z"


def test_uk_easter_bank_holidays_are_skipped() -> None:
    # Thu 2026-04-02 London; Good Friday 3rd, Easter Monday 6th (England); Tue 7, Wed 8 (BST).
    assert refund_due("2026-04-02T09:00:00Z", "UK", LONDON) == "2026-04-08T22:59:59Z"


def test_uk_uses_england_bank_holidays() -> None:
    assert holiday_name(dt.date(2026, 8, 31), "UK") is not None  # Late Summer Bank Holiday
    assert not is_business_day(dt.date(2026, 4, 6), "UK")  # Easter Monday


def test_de_ascension_day_is_skipped() -> None:
    # Wed 2026-05-13 Berlin; Thu 14 Ascension; Fri 15 = day 1; Mon 18 = day 2 (CEST, UTC+2).
    assert refund_due("2026-05-13T07:00:00Z", "DE", BERLIN) == "2026-05-18T21:59:59Z"


def test_de_christmas_is_skipped() -> None:
    # Wed 2026-12-23; Thu 24 = day 1 (Christmas Eve is not a public holiday); Fri 25 and
    # Sat 26 are holidays, Sun 27 weekend; Mon 28 = day 2 (CET, UTC+1).
    assert refund_due("2026-12-23T09:00:00Z", "DE", BERLIN) == "2026-12-28T22:59:59Z"


def test_jp_golden_week_is_skipped() -> None:
    # Thu 2026-04-30 Tokyo; Fri May 1 = day 1; Sat 2, Sun 3 (Constitution Day), Mon 4
    # (Greenery Day), Tue 5 (Children's Day), Wed 6 (substitute holiday); Thu 7 = day 2.
    assert refund_due("2026-04-30T03:00:00Z", "JP", TOKYO) == "2026-05-07T14:59:59Z"


def test_seller_time_zone_decides_the_day_of_receipt() -> None:
    # 2026-03-05T23:30Z is Thursday in UTC but Friday 08:30 in Tokyo.
    assert refund_due("2026-03-05T23:30:00Z", "US", UTC) == "2026-03-09T23:59:59Z"
    assert refund_due("2026-03-05T23:30:00Z", "US", TOKYO) == "2026-03-10T14:59:59Z"


def test_seller_in_china_selling_in_the_us() -> None:
    # 2026-11-27T20:00Z: Friday in New York, Saturday 04:00 in Shanghai. US holidays apply
    # either way (Thanksgiving was the 26th); day 2 is Tue Dec 1, ending at the seller's
    # midnight: 23:59:59 +08:00 in Shanghai, 23:59:59 -05:00 in New York.
    assert refund_due("2026-11-27T20:00:00Z", "US", SHANGHAI) == "2026-12-01T15:59:59Z"
    assert refund_due("2026-11-27T20:00:00Z", "US", NEW_YORK) == "2026-12-02T04:59:59Z"


def test_business_days_across_the_uk_clock_change() -> None:
    # Fri 2026-03-27 17:00 GMT; clocks go forward Sun 29; Mon 30, Tue 31 end at 23:59:59 BST.
    assert refund_due("2026-03-27T17:00:00Z", "UK", LONDON) == "2026-03-31T22:59:59Z"


def test_calendar_hours_are_elapsed_time_across_dst() -> None:
    # Sat 2026-03-07 10:00 EST + 48 h: the clocks jump on Sun 8, so it is 11:00 EDT on Mon 9.
    start = dt.datetime(2026, 3, 7, 10, 0, tzinfo=NEW_YORK)
    due = add_hours(start, 48)
    assert to_iso(due) == "2026-03-09T15:00:00Z"
    assert due.astimezone(NEW_YORK).hour == 11
    # Hours count weekends and holidays: Christmas Eve + 48 h is Boxing Day.
    assert to_iso(add_hours(from_iso("2026-12-24T12:00:00Z"), 48)) == "2026-12-26T12:00:00Z"


def test_calendar_days_keep_the_wall_clock_across_dst() -> None:
    # SAFE-T: refund Sun 2026-03-01 10:00 EST + 60 days = Thu 2026-04-30 10:00 EDT (14:00Z).
    refund = from_iso("2026-03-01T15:00:00Z")
    assert to_iso(add_calendar_days(refund, 60, NEW_YORK)) == "2026-04-30T14:00:00Z"
    # Appeal: decision 2026-10-10 10:00 CEST + 30 days = 2026-11-09 10:00 CET (09:00Z).
    decision = from_iso("2026-10-10T08:00:00Z")
    assert to_iso(add_calendar_days(decision, 30, BERLIN)) == "2026-11-09T09:00:00Z"


def test_calendar_day_landing_in_the_spring_gap_moves_past_it() -> None:
    # 02:30 on 2026-03-08 does not exist in New York: the deadline is 03:30 EDT.
    start = dt.datetime(2026, 3, 7, 2, 30, tzinfo=NEW_YORK)
    due = add_calendar_days(start, 1, NEW_YORK)
    assert to_iso(due) == "2026-03-08T07:30:00Z"
    assert (due.astimezone(NEW_YORK).hour, due.astimezone(NEW_YORK).minute) == (3, 30)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        add_hours(dt.datetime(2026, 1, 1), 24)
    with pytest.raises(ValueError):
        add_business_days(dt.datetime(2026, 1, 1), 2, "US", UTC)


def test_time_zone_setting_falls_back_to_the_system_zone() -> None:
    assert resolve_timezone("Asia/Tokyo") == TOKYO
    fallback = resolve_timezone("Not/AZone")
    assert dt.datetime(2026, 1, 1, tzinfo=fallback).utcoffset() is not None
    assert resolve_timezone(None) == resolve_timezone("")


def test_uk_observed_boxing_day_is_skipped() -> None:
    # Thu 2026-12-24 London; Fri 25 Christmas, Sat 26 Boxing Day, Mon 28 Boxing Day (observed);
    # Tue 29 = day 1, Wed 30 = day 2 (GMT).
    assert refund_due("2026-12-24T10:00:00Z", "UK", LONDON) == "2026-12-30T23:59:59Z"


def test_jp_silver_week_is_skipped() -> None:
    # Fri 2026-09-18 Tokyo; Mon 21 Respect for the Aged Day, Tue 22 National Holiday, Wed 23
    # Autumnal Equinox Day; Thu 24 = day 1, Fri 25 = day 2 (JST, UTC+9).
    assert refund_due("2026-09-18T02:00:00Z", "JP", TOKYO) == "2026-09-25T14:59:59Z"


def test_business_days_across_the_us_fall_back() -> None:
    # Fri 2026-10-30 12:00 EDT; clocks go back Sun Nov 1; Mon 2, Tue 3 end 23:59:59 EST.
    assert refund_due("2026-10-30T16:00:00Z", "US", NEW_YORK) == "2026-11-04T04:59:59Z"


def test_marketplaces_use_their_own_holidays() -> None:
    # 2026-05-14 is Ascension Day: a holiday in Germany, a working day in the US and UK.
    day = dt.date(2026, 5, 14)
    assert not is_business_day(day, "DE")
    assert is_business_day(day, "US") and is_business_day(day, "UK")
    # 2026-07-03 is the observed US Independence Day, a working day in Japan.
    assert not is_business_day(dt.date(2026, 7, 3), "US")
    assert is_business_day(dt.date(2026, 7, 3), "JP")
