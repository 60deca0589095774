"""``sellerdesk import PATH... [--json]``: import Amazon's notification e-mails.

PATH may be .eml (or any) files, folders (searched recursively), mbox files and Maildir
folders. Mail already stored is counted as a duplicate, never stored twice. Exit status: 0 when
nothing failed, 1 when some items failed (all others are imported), 2 for bad usage (such as a
path that does not exist).
"""

from __future__ import annotations

import argparse
import json
import time

from sellerdesk.cli.context import CliContext

NAME = "import"
HELP = "import e-mail files, folders, mbox files or Maildir folders"
PROGRESS_INTERVAL = 2.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, mbox or Maildir")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"imported": n, "duplicates": n, "failed": [{"source", "error"}]}',
    )


def _interactive(context: CliContext) -> bool:
    isatty = getattr(context.stderr, "isatty", None)
    return bool(isatty and isatty())


def _progress_printer(context: CliContext):  # type: ignore[no-untyped-def]
    last = [time.monotonic()]
    interactive = _interactive(context)

    def report(progress) -> None:  # type: ignore[no-untyped-def]
        now = time.monotonic()
        if interactive and now - last[0] >= PROGRESS_INTERVAL:
            last[0] = now
            print(
                f"\r{progress.done} messages ({progress.rate:.0f}/s)",
                end="",
                file=context.stderr,
                flush=True,
            )

    return report


def _print_summary(summary, context: CliContext) -> None:  # type: ignore[no-untyped-def]
    out = context.stdout
    print(
        f"Imported {summary.imported} message(s); {summary.duplicates} already stored; "
        f"{len(summary.failed)} failed ({summary.elapsed:.1f} s).",
        file=out,
    )
    for failure in summary.failed:
        print(f"  {failure.source}: {failure.error}", file=out)


def run(args: argparse.Namespace, context: CliContext) -> int:
    from sellerdesk.services.importer import check_paths, import_paths

    paths = check_paths(args.paths)
    summary = import_paths(context.store, paths, progress=_progress_printer(context))
    if _interactive(context):
        print("\r", end="", file=context.stderr)
    if args.json:
        json.dump(summary.to_json(), context.stdout, ensure_ascii=False)
        context.stdout.write("\n")
    else:
        _print_summary(summary, context)
    return 1 if summary.failed else 0
