"""``sellerdesk check``: check a draft against Amazon's messaging rules before sending it.

    sellerdesk check [FILE|-] [--json] [--subject TEXT] [--proactive] [--purpose PURPOSE]
                     [--delivered-days-ago N] [--review-requested]

Reads the draft from FILE, or from standard input when FILE is ``-`` or missing (UTF-8, line
endings kept, so offsets match the bytes the seller wrote). ``--json`` prints
``{"verdict": "ok"|"warn"|"block", "findings": [{"rule", "severity", "start", "end",
"message"}]}`` where ``start``/``end`` are character offsets into the text (findings about the
subject or the whole message have ``start == end == 0``). Exit status: 0 for ok or warn, 1 for
block, 2 for bad usage. Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sellerdesk.cli.context import CliContext
from sellerdesk.domain.policy.model import PURPOSES
from sellerdesk.errors import UsageError

NAME = "check"
HELP = (
    "check a message draft against Amazon's buyer-messaging rules (exit 1 if it would be blocked)"
)

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="draft text file; - or none: stdin"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the verdict and findings as JSON"
    )
    parser.add_argument("--subject", default="", metavar="TEXT", help="the message subject")
    parser.add_argument(
        "--proactive",
        action="store_true",
        help="the seller starts the conversation (default: a reply to the buyer)",
    )
    parser.add_argument(
        "--purpose", choices=PURPOSES, default=None, help="why a proactive message is sent"
    )
    parser.add_argument(
        "--delivered-days-ago",
        type=int,
        default=None,
        metavar="N",
        help="days since the order was delivered",
    )
    parser.add_argument(
        "--review-requested",
        action="store_true",
        help="a review was already requested for this order",
    )


def _read_text(args: argparse.Namespace, context: CliContext) -> str:
    if args.file == "-":
        buffer = getattr(context.stdin, "buffer", None)
        raw = buffer.read() if buffer is not None else context.stdin.read()
        return raw.decode("utf-8") if isinstance(raw, bytes) else raw
    path = Path(args.file)
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a draft file") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{path} is not UTF-8 text ({error.reason})") from None


def run(args: argparse.Namespace, context: CliContext) -> int:
    from sellerdesk.domain.policy.checker import check_draft
    from sellerdesk.domain.policy.model import VERDICT_BLOCK, DraftContext

    if args.delivered_days_ago is not None and args.delivered_days_ago < 0:
        raise UsageError("--delivered-days-ago must be 0 or more")
    text = _read_text(args, context)
    draft_context = DraftContext(
        proactive=args.proactive,
        purpose=args.purpose,
        delivered_days_ago=args.delivered_days_ago,
        review_requested=args.review_requested,
    )
    result = check_draft(text, args.subject, draft_context)
    if args.json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2), file=context.stdout)
    else:
        _print_human(result, text, context)
    return 1 if result.verdict == VERDICT_BLOCK else 0


def _print_human(result, text: str, context: CliContext) -> None:  # type: ignore[no-untyped-def]
    for finding in result.findings:
        where = (
            "subject"
            if finding.field == "subject"
            else "whole message"
            if finding.whole_message
            else f"{finding.start}-{finding.end} “{text[finding.start : finding.end]}”"
        )
        print(f"{finding.severity:<5} {finding.rule:<24} {where}", file=context.stdout)
        print(f"      {finding.message}", file=context.stdout)
        if finding.hint:
            print(f"      e.g. {finding.hint}", file=context.stdout)
    count = len(result.findings)
    print(
        f"verdict: {result.verdict} ({count} finding{'s' if count != 1 else ''})",
        file=context.stdout,
    )
