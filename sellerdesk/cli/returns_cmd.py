"""``sellerdesk returns``: open return cases and their next deadlines.

    sellerdesk returns [--json] [--due-within HOURS]

Without ``--json`` prints one line per open case (overdue first, then by next deadline) in the
seller's time zone. ``--json`` prints a list of cases, each with ``order_id``, ``marketplace``,
``opened_at``, ``next_step``, ``next_due`` and ``steps`` (``id``, ``title``, ``due`` or null,
``status``); times are ISO-8601 UTC. ``--due-within HOURS`` keeps the cases whose next deadline
is at most HOURS away (overdue ones included). Exit 0, 2 for bad flags, 3 if the store cannot
be opened.
"""

from __future__ import annotations

import argparse
import json

from sellerdesk.cli.context import CliContext
from sellerdesk.errors import UsageError

NAME = "returns"
HELP = "list open return cases with their next step and Amazon deadline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the cases as a JSON list")
    parser.add_argument(
        "--due-within",
        metavar="HOURS",
        help="only cases whose next deadline is at most HOURS away (overdue included)",
    )


def _due_within_hours(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        hours = float(value)
    except ValueError:
        raise UsageError(f"--due-within takes a number of hours, not {value!r}") from None
    if hours < 0 or hours != hours or hours == float("inf"):
        raise UsageError(f"--due-within must be zero or more hours, not {value!r}")
    return hours


def run(args: argparse.Namespace, context: CliContext) -> int:
    import datetime as dt

    from sellerdesk.domain.timeutil import utc_now
    from sellerdesk.services import returns

    hours = _due_within_hours(args.due_within)
    now = utc_now()
    window = dt.timedelta(hours=hours) if hours is not None else None
    views = returns.list_cases(context.store, due_within=window, now=now)
    titles = returns.step_titles("en")
    if args.json:
        payload = [returns.case_json(view, titles) for view in views]
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=context.stdout)
        return 0
    _print_table(views, titles, now, context)
    return 0


def _print_table(views, titles, now, context: CliContext) -> None:  # type: ignore[no-untyped-def]
    if not views:
        print("No open return cases.", file=context.stdout)
        return
    print(f"{'ORDER':<20} {'MKT':<4} {'DUE':<22} {'STATE':<9} NEXT STEP", file=context.stdout)
    for view in views:
        step = view.checklist.next_step
        due = step.due if step else None
        due_text = due.astimezone(view.tz).strftime("%Y-%m-%d %H:%M %Z") if due else "-"
        state = step.urgency(now) if step else "-"
        title = titles.get(step.step_id, step.step_id) if step else "-"
        marketplace = view.case["marketplace"] or "-"
        print(
            f"{view.order_id:<20} {marketplace:<4} {due_text:<22} {state:<9} {title}",
            file=context.stdout,
        )
