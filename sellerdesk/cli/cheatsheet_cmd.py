"""``sellerdesk cheatsheet``: write the printable policy cheat sheet to a PDF file.

    sellerdesk cheatsheet --output FILE.pdf [--lang en|zh-CN|bilingual] [--paper a4|letter]

Needs QtGui for the PDF, but no display: without one it runs on Qt's offscreen platform.
Prints the path and page count; exit 0 on success, 2 for bad flags, 3 if the file cannot be
written.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sellerdesk.cli.context import CliContext
from sellerdesk.errors import StoreUnavailable, UsageError
from sellerdesk.services.cheatsheet import LANGUAGES, PAPERS

NAME = "cheatsheet"
HELP = "write the printable policy cheat sheet (English, Chinese or bilingual) to a PDF file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output", "-o", required=True, metavar="FILE.pdf", help="the PDF file to write"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="English, Simplified Chinese, or both on every line (default: en)",
    )
    parser.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")


def _output_path(value: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != ".pdf":
        raise UsageError(f"--output must name a .pdf file, not {value!r}")
    if path.is_dir():
        raise UsageError(f"--output is a folder: {value}")
    if not path.parent.is_dir():
        raise UsageError(f"the folder for --output does not exist: {path.parent}")
    return path


def _use_offscreen_without_display() -> None:
    from sellerdesk.app import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run(args: argparse.Namespace, context: CliContext) -> int:
    path = _output_path(args.output)
    _use_offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["sellerdesk"])  # noqa: F841
    from sellerdesk.gui.printing.cheatsheet_pdf import write_pdf

    try:
        result = write_pdf(path, language=args.lang, paper=args.paper)
    except OSError as error:
        raise StoreUnavailable(f"cannot write {path}: {error}") from error
    pages = "page" if result.pages == 1 else "pages"
    print(f"{path} ({result.pages} {pages}, {args.lang}, {args.paper})", file=context.stdout)
    return 0
