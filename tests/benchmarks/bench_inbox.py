"""Inbox speed with 100,000 messages, printed side by side in one run.

- time to first paint of ``sellerdesk --smoke-test`` on that store versus a bare PySide6
  window (goal: at most 1.5x), both in fresh processes, median of several runs;
- median time of a page fetch (scrolling), a sort change, a filter change and a search, each
  through the real inbox controller and model (goal: under 50 ms each);
- resident memory (peak RSS) of the smoke test versus the bare window (goal: at most 80 MB more).

Run: ``pytest -m benchmark tests/benchmarks/bench_inbox.py -s`` (fills a temporary store), or
``python tests/benchmarks/bench_inbox.py report DATA_DIR`` on a store filled by fill_store.py.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MESSAGES = 100_000
STARTUP_RUNS = 5
OP_RUNS = 15

# --- drivers run in fresh processes ------------------------------------------------------


def _watch_first_paint(started: float) -> object:
    """Record the first Paint event of a top-level window; print the figures at exit."""
    import atexit
    import resource

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        seconds: float | None = None

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            # The first Paint of a top-level window (offscreen: of its QWindow) counts.
            is_window = isinstance(watched, QWindow) or (
                isinstance(watched, QWidget) and watched.isWindow()
            )
            if self.seconds is None and event.type() == QEvent.Type.Paint and is_window:
                self.seconds = time.time() - started
            return False

    app = QApplication.instance() or QApplication([sys.argv[0]])
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)

    def report() -> None:
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {
            "first_paint": watcher.seconds,
            "exit": time.time() - started,
            "rss_mb": rss_mb,
        }
        print(json.dumps(figures), flush=True)

    atexit.register(report)
    return watcher


def drive_smoke(data_dir: str, started: float) -> int:
    from sellerdesk.gui.application import create_application

    create_application()
    _watch_first_paint(started)
    from sellerdesk.app import main

    return main(["--data-dir", data_dir, "--smoke-test"])


def drive_bare(started: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    _watch_first_paint(started)
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    QTimer.singleShot(0, app.quit)
    return app.exec()


def _median_ms(action, runs: int = OP_RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def drive_operations(data_dir: str) -> int:
    """Page fetch, sort, filter and search through the real controller (offscreen)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from sellerdesk.gui.controllers.inbox_controller import install
    from sellerdesk.gui.hub import SelectionHub
    from sellerdesk.gui.main_window import MainWindow
    from sellerdesk.gui.models.inbox_model import COL_BUYER, COL_RECEIVED, COL_TIME_LEFT
    from sellerdesk.services.context import AppContext
    from sellerdesk.store.store import Store

    app = QApplication([sys.argv[0]])
    store = Store(Path(data_dir))
    window = MainWindow(QSettings(str(Path(data_dir) / "bench.ini"), QSettings.Format.IniFormat))
    controller = install(window, AppContext(store=store), SelectionHub())
    window.show()
    app.processEvents()
    model, pane = controller.model, controller.pane

    def page_fetch() -> None:
        model.fetchMore()

    orders = iter(
        [(COL_BUYER, Qt.SortOrder.AscendingOrder), (COL_RECEIVED, Qt.SortOrder.DescendingOrder),
         (COL_TIME_LEFT, Qt.SortOrder.AscendingOrder)] * OP_RUNS
    )

    def sort_change() -> None:
        controller.on_sort(*next(orders))

    statuses = iter(["needs_reply", "replied", ""] * OP_RUNS)

    def filter_change() -> None:
        pane.set_status_filter(next(statuses))

    markets = iter(["JP", "DE", ""] * OP_RUNS)

    def marketplace_change() -> None:
        pane.market_box.setCurrentIndex(max(pane.market_box.findData(next(markets)), 0))

    queries = iter(["cracked", "届き", "Müller", "rechnung", "parcel", "项目"] * OP_RUNS)

    def search() -> None:
        controller.on_search(next(queries))

    figures = {
        "page_fetch_ms": _median_ms(page_fetch),
        "sort_change_ms": _median_ms(sort_change),
        "filter_change_ms": _median_ms(filter_change),
        "marketplace_filter_ms": _median_ms(marketplace_change),
        "search_ms": _median_ms(search),
        "search_common_word_ms": _median_ms(lambda: controller.on_search(
            "order" if controller.search_text != "order" else "inquiry"), 5),
    }
    controller.on_search("")
    print(json.dumps(figures), flush=True)
    store.close()
    return 0


# --- the benchmark -----------------------------------------------------------------------


def _run(mode: str, *args: str) -> dict:
    # Byte-code caching on, as in an installed app (pip compiles .pyc files at install).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = repr(time.time())
    result = subprocess.run(
        [sys.executable, str(Path(__file__)), mode, *args, started],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(data_dir: str) -> dict:
    _run("smoke", data_dir), _run("bare")  # warm-up: .pyc files and the disk cache
    smoke = [_run("smoke", data_dir) for _ in range(STARTUP_RUNS)]
    bare = [_run("bare") for _ in range(STARTUP_RUNS)]
    operations = _run("operations", data_dir)
    smoke_paint = statistics.median(run["first_paint"] for run in smoke)
    bare_paint = statistics.median(run["first_paint"] for run in bare)
    smoke_rss = statistics.median(run["rss_mb"] for run in smoke)
    bare_rss = statistics.median(run["rss_mb"] for run in bare)
    smoke_exit = statistics.median(run["exit"] for run in smoke)
    bare_exit = statistics.median(run["exit"] for run in bare)
    rows = [
        ("first paint (s)", f"{smoke_paint:.3f}", f"{bare_paint:.3f}",
         f"{smoke_paint / bare_paint:.2f}x (goal <= 1.5x)"),
        ("start to exit (s)", f"{smoke_exit:.3f}", f"{bare_exit:.3f}",
         f"{smoke_exit / bare_exit:.2f}x"),
        ("peak RSS (MB)", f"{smoke_rss:.0f}", f"{bare_rss:.0f}",
         f"+{smoke_rss - bare_rss:.0f} MB (goal <= +80 MB)"),
    ]
    print(f"\nInbox benchmark on {data_dir}")
    print(f"{'':22}{'sellerdesk':>12}{'bare Qt':>12}   ratio")
    for name, ours, theirs, ratio in rows:
        print(f"{name:22}{ours:>12}{theirs:>12}   {ratio}")
    print("median through the inbox controller (goal < 50 ms each):")
    for name, value in operations.items():
        print(f"  {name:24}{value:8.1f} ms")
    return {
        "first_paint_s": smoke_paint,
        "bare_first_paint_s": bare_paint,
        "exit_s": smoke_exit,
        "bare_exit_s": bare_exit,
        "rss_mb": smoke_rss,
        "bare_rss_mb": bare_rss,
        **operations,
    }


@pytest.mark.benchmark
def test_inbox_benchmark(tmp_path: Path) -> None:
    sys.path.insert(0, str(HERE))
    from fill_store import fill

    from sellerdesk.store.store import Store

    store = Store(tmp_path / "bench")
    try:
        print("\nfill:", json.dumps(fill(store, MESSAGES)))
    finally:
        store.close()
    figures = report(str(tmp_path / "bench"))
    assert figures["first_paint_s"] > 0 and figures["page_fetch_ms"] > 0


def _main(argv: list[str]) -> int:
    mode = argv[1]
    if mode == "smoke":
        return drive_smoke(argv[2], float(argv[3]))
    if mode == "bare":
        return drive_bare(float(argv[2]))
    if mode == "operations":
        return drive_operations(argv[2])
    if mode == "report":
        print(json.dumps(report(argv[2])))
        return 0
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
