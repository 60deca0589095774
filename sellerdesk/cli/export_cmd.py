"""``sellerdesk export --format jsonl|csv [--output FILE]``: every message with its fields.

Writes to FILE (created or replaced) or to standard output. Exit 0, 2 for bad flags, 3 when
the file or the store cannot be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sellerdesk.cli.context import CliContext
from sellerdesk.errors import StoreUnavailable, UsageError

NAME = "export"
HELP = "export every message with its parsed fields as JSON Lines or CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=("jsonl", "csv"), help="file format")
    parser.add_argument("--output", "-o", metavar="FILE", help="file to write (default: stdout)")


def run(args: argparse.Namespace, context: CliContext) -> int:
    from sellerdesk.services.exporter import export

    if not args.output:
        export(context.store, context.stdout, args.format)
        return 0
    path = Path(args.output).expanduser()
    if path.is_dir():
        raise UsageError(f"--output is a folder: {args.output}")
    if not path.parent.is_dir():
        raise UsageError(f"the folder for --output does not exist: {path.parent}")
    store = context.store
    try:
        newline = "" if args.format == "csv" else "\n"
        with path.open("w", encoding="utf-8", newline=newline) as out:
            count = export(store, out, args.format)
    except OSError as error:
        raise StoreUnavailable(f"cannot write {path}: {error.strerror or error}") from error
    print(f"Exported {count} message(s) to {path}", file=context.stderr)
    return 0
