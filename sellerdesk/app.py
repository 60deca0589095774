"""Entry point: ``sellerdesk`` and ``python -m sellerdesk``.

With a sub-command it runs the command line (no Qt unless the command needs it); without one
it starts the desktop app.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from sellerdesk.errors import EXIT_ENVIRONMENT, SellerDeskError, UsageError

NO_DISPLAY_MESSAGE = (
    "sellerdesk: no display found (DISPLAY/WAYLAND_DISPLAY unset); start it on a desktop, or on "
    "a virtual screen: xvfb-run sellerdesk  (or: Xvfb :99 & DISPLAY=:99 sellerdesk)"
)


def has_display() -> bool:
    """Whether Qt can open a window here, judged before Qt aborts the process."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_command(args, data_dir) -> int:  # type: ignore[no-untyped-def]
    from sellerdesk.cli.context import CliContext

    context = CliContext(data_dir=data_dir)
    try:
        return int(args.handler(args, context))
    except UsageError as error:
        print(f"sellerdesk {args.command}: {error}", file=sys.stderr)
        return 2
    except SellerDeskError as error:
        print(f"sellerdesk {args.command}: {error}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        print(f"sellerdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``sellerdesk returns | head``): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        context.close()


def main(argv: Sequence[str] | None = None) -> int:
    from sellerdesk.cli import build_parser
    from sellerdesk.paths import demo_data_dir, resolve_data_dir

    args = build_parser().parse_args(argv)
    data_dir = demo_data_dir() if args.demo else resolve_data_dir(args.data_dir)
    if args.command:
        return run_command(args, data_dir)
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from sellerdesk.gui.application import run_gui

    return run_gui(data_dir=data_dir, demo=args.demo, smoke_test=args.smoke_test)
