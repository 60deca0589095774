"""``sellerdesk metrics [--json] [--as-of ISO-8601-TIME]``: the contact metrics (rule RT-CRT).

For the last 7, 30 and 90 days: buyer messages received, answered within 24 h, answered late,
unanswered after more than 24 h, Late Response Rate (a fraction, 0.1 = 10%) and average
response time in hours. ``--json`` prints ``{"7": {...}, "30": {...}, "90": {...}}``.
"""

from __future__ import annotations

import argparse
import json

NAME = "metrics"
HELP = "response metrics for the last 7, 30 and 90 days (Amazon's Contact Response Time)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--as-of",
        metavar="ISO-8601-TIME",
        help="compute as at this moment (e.g. 2026-11-26T09:00:00Z; default: now)",
    )


def _parse_as_of(text: str | None):  # type: ignore[no-untyped-def]
    from sellerdesk.domain.timeutil import from_iso
    from sellerdesk.errors import UsageError

    if text is None:
        return None
    try:
        return from_iso(text.strip())
    except ValueError:
        raise UsageError(
            f"--as-of: not an ISO-8601 time: {text!r} (e.g. 2026-11-26T09:00:00Z)"
        ) from None


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} h"


def _print_table(report, out) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.domain.timeutil import to_iso

    print(f"Buyer-Seller Contact Metrics as of {to_iso(report.as_of)}", file=out)
    header = ("", *(f"{days} days" for days in report.windows))
    lines = [
        ("Received", *(str(w.received) for w in report.windows.values())),
        ("Answered within 24 h", *(str(w.answered_within_24h) for w in report.windows.values())),
        ("Answered late", *(str(w.answered_late) for w in report.windows.values())),
        ("Unanswered > 24 h", *(str(w.unanswered_over_24h) for w in report.windows.values())),
        ("Late Response Rate", *(_percent(w.late_response_rate) for w in report.windows.values())),
        (
            "Average response time",
            *(_hours(w.average_response_hours) for w in report.windows.values()),
        ),
    ]
    for row in (header, *lines):
        print(f"{row[0]:<24}" + "".join(f"{cell:>12}" for cell in row[1:]), file=out)
    print("Target (Amazon, historic): at least 90% answered within 24 h.", file=out)


def run(args: argparse.Namespace, context) -> int:  # type: ignore[no-untyped-def]
    from sellerdesk.services.metrics import MetricsService

    report = MetricsService(context.store).report(_parse_as_of(args.as_of), chart_days=0)
    if args.json:
        json.dump(report.as_json(), context.stdout, indent=2)
        context.stdout.write("\n")
    else:
        _print_table(report, context.stdout)
    return 0
