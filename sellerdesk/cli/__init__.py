"""The command line: ``sellerdesk [options] [COMMAND ...]``.

Each sub-command is a module in this package listed in ``COMMAND_MODULES`` with:

- ``NAME`` and ``HELP`` (strings),
- ``add_arguments(parser: argparse.ArgumentParser) -> None``,
- ``run(args: argparse.Namespace, context: CliContext) -> int`` (the exit status).

A command module imports only the standard library at its top; it imports services (and Qt,
only where it needs it) inside ``run`` so ``sellerdesk check`` never pays for Qt.
"""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType

from sellerdesk import __version__

# Keep this list sorted by how often sellers use the command; add new ones freely.
COMMAND_MODULES: list[str] = [
    "import_cmd",
    "search_cmd",
    "check_cmd",
    "metrics_cmd",
    "cheatsheet_cmd",
    "returns_cmd",
    "export_cmd",
    "reparse_cmd",
]


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"sellerdesk.cli.{name}") for name in COMMAND_MODULES]


def _add_global_options(parser: argparse.ArgumentParser, *, suppress_defaults: bool) -> None:
    default = argparse.SUPPRESS if suppress_defaults else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder holding SellerDesk's data (default: $SELLERDESK_DATA_DIR, else the "
        "platform's user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sellerdesk",
        description="SellerDesk: an offline inbox, draft checker and returns checklist for "
        "Amazon sellers. With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"SellerDesk {__version__}")
    _add_global_options(parser, suppress_defaults=False)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start on a bundled demo inbox kept in its own data folder",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the store, show the main window offscreen with the first inbox page, exit 0",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        _add_global_options(sub, suppress_defaults=True)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser
