"""``sellerdesk reparse [--json]``: re-parse every stored message with the current parser.

Exit 0 when every message was re-parsed, 1 when some could not be (they keep their old fields).
"""

from __future__ import annotations

import argparse
import json

from sellerdesk.cli.context import CliContext

NAME = "reparse"
HELP = "re-read every stored e-mail with the current parser (after an update)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace, context: CliContext) -> int:
    from sellerdesk.services.reparse import reparse_all

    summary = reparse_all(context.store)
    if args.json:
        json.dump(summary.to_json(), context.stdout, ensure_ascii=False)
        context.stdout.write("\n")
    else:
        print(
            f"Re-parsed {summary.reparsed} message(s); {summary.moved} moved to another "
            f"conversation; {len(summary.failed)} failed.",
            file=context.stdout,
        )
        for failure in summary.failed:
            print(f"  {failure.message_key}: {failure.error}", file=context.stdout)
    return 1 if summary.failed else 0
