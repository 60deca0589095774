"""Use-case: the Buyer-Seller Contact Metrics mirror (rule RT-CRT) for the CLI and dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sellerdesk.domain.metrics import (
    WINDOWS_DAYS,
    DailyPoint,
    WindowMetrics,
    contact_metrics,
    daily_series,
)
from sellerdesk.domain.timeutil import utc_now
from sellerdesk.store import metrics_repo
from sellerdesk.store.store import Store


@dataclass(frozen=True)
class MetricsReport:
    as_of: dt.datetime
    windows: dict[int, WindowMetrics]
    daily: list[DailyPoint]

    def as_json(self) -> dict[str, dict[str, object]]:
        """``{"7": {...}, "30": {...}, "90": {...}}`` as ``sellerdesk metrics --json`` prints."""
        return {str(days): figures.as_json() for days, figures in self.windows.items()}


class MetricsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def report(
        self,
        as_of: dt.datetime | None = None,
        *,
        chart_days: int = 90,
        tz: dt.tzinfo = dt.UTC,
    ) -> MetricsReport:
        """The 7/30/90-day figures at ``as_of`` (default now) and a daily series for a chart."""
        moment = as_of or utc_now()
        longest = max(max(WINDOWS_DAYS), chart_days + 1)
        with self.store.read() as db:
            messages = metrics_repo.buyer_messages_between(
                db, moment - dt.timedelta(days=longest), moment
            )
        return MetricsReport(
            as_of=moment,
            windows=contact_metrics(messages, moment),
            daily=daily_series(messages, moment, chart_days, tz) if chart_days else [],
        )
