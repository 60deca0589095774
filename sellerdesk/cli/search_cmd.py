"""``sellerdesk search QUERY [--json] [--limit N]``: full-text search over the stored mail.

Every word must match (subjects, buyer text, notes, order ids, ASINs, buyer names; Chinese and
Japanese words of two or more characters inside sentences too). Hits are printed best first;
``--json`` prints a list of objects with ``message_id``, ``conversation_id``, ``received_at``,
``snippet`` (matches in [brackets]) and more.
"""

from __future__ import annotations

import argparse
import json

NAME = "search"
HELP = "search the stored mail (best hits first)"
DEFAULT_LIMIT = 20


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="words to find (all must match)")
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON list")
    parser.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N hits (default {DEFAULT_LIMIT})",
    )


def _as_json(hit) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "message_id": hit.message_id,
        "id": hit.id,
        "conversation_id": hit.conversation_id,
        "received_at": hit.received_at,
        "kind": hit.kind,
        "subject": hit.subject,
        "buyer_name": hit.buyer_name,
        "order_id": hit.order_id,
        "score": round(-hit.score, 4),
        "snippet": hit.snippet,
    }


def run(args: argparse.Namespace, context) -> int:  # type: ignore[no-untyped-def]
    from sellerdesk.errors import UsageError
    from sellerdesk.services.search import SearchService

    if not args.query.strip():
        raise UsageError("give some words to search for")
    hits = SearchService(context.store).search(args.query, args.limit)
    if args.json:
        json.dump([_as_json(hit) for hit in hits], context.stdout, ensure_ascii=False, indent=2)
        context.stdout.write("\n")
        return 0
    if not hits:
        print(f"No messages match {args.query!r}.", file=context.stdout)
        return 0
    for hit in hits:
        who = hit.buyer_name or "-"
        order = hit.order_id or "-"
        print(f"{hit.received_at}  {who}  {order}  #{hit.conversation_id}", file=context.stdout)
        print(f"    {hit.snippet}", file=context.stdout)
    return 0
