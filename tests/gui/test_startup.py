"""Start-up as ``run_gui`` does it: the inbox first, every other feature right after the first
paint, then the saved dock layout; and the smoke test's exit status when a feature breaks."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from inbox_seed import Seed  # noqa: E402

from sellerdesk.domain.timeutil import utc_now  # noqa: E402
from sellerdesk.gui.application import (  # noqa: E402
    FEATURES,
    FIRST_PAINT_FEATURES,
    DesktopApp,
    window_settings,
)
from sellerdesk.gui.controllers.conversation_controller import (  # noqa: E402
    ConversationController,
)
from sellerdesk.gui.controllers.inbox_controller import InboxController  # noqa: E402
from sellerdesk.gui.hub import NO_CONVERSATION  # noqa: E402
from sellerdesk.services.context import AppContext  # noqa: E402
from sellerdesk.store.store import Store  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]


class PaintLog(QObject):
    """Remembers, in order, the paints of a window and the moment ``ready`` arrived."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.events: list[str] = []
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


@pytest.fixture
def seeded_store(data_dir: Path):  # type: ignore[no-untyped-def]
    store = Store(data_dir)
    seed = Seed(store)
    now = utc_now()
    for number in range(5):
        cid = seed.conversation(buyer=f"Buyer {number}", order_id=f"111-{number:07d}-0000000")
        seed.message(cid, now - dt.timedelta(hours=number + 1), text=f"Where is parcel {number}?")
    yield store
    store.close()


def _close(qtbot, desktop: DesktopApp) -> None:  # type: ignore[no-untyped-def]
    # The reader scrolls on a zero timer after it shows the selection: let that run first.
    qtbot.waitUntil(lambda: desktop.hub.current_conversation != NO_CONVERSATION)
    qtbot.wait(50)
    desktop.window.close()
    desktop.window.deleteLater()
    desktop.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_deferred_start_paints_the_inbox_first_then_installs_the_rest(
    qtbot, seeded_store: Store
) -> None:
    assert 1 <= len(FIRST_PAINT_FEATURES) < len(FEATURES)
    desktop = DesktopApp(AppContext(store=seeded_store), defer=True)
    try:
        # Before the first paint: the inbox with its first page, the reader still a placeholder.
        assert [type(owner) for owner in desktop.features] == [InboxController]
        inbox = desktop.features[0]
        assert inbox.model.rowCount() == 5
        assert isinstance(desktop.window.conversation_splitter.widget(0), QLabel)
        assert not desktop.is_ready
        log = PaintLog(desktop.window)
        desktop.ready.connect(lambda: log.events.append("ready"))
        with qtbot.waitSignal(desktop.ready, timeout=5000):
            desktop.show()
        assert log.events[0] == "paint" and "ready" in log.events
        assert desktop.is_ready
        assert len(desktop.features) > 1
        assert desktop.window.findChildren(QDockWidget)
        # The inbox chose the most urgent conversation before the reader existed: it shows it.
        qtbot.waitUntil(lambda: desktop.hub.current_conversation != NO_CONVERSATION)
        reader = next(f for f in desktop.features if isinstance(f, ConversationController))
        qtbot.waitUntil(lambda: reader.conversation_id == desktop.hub.current_conversation)
        assert not isinstance(desktop.window.conversation_splitter.widget(0), QLabel)
    finally:
        _close(qtbot, desktop)


def test_default_desktop_app_still_installs_everything_at_once(qtbot, seeded_store: Store) -> None:
    desktop = DesktopApp(AppContext(store=seeded_store))
    try:
        assert desktop.is_ready
        assert len(desktop.features) == len(FEATURES)
        desktop.install_pending()  # nothing left: a no-op
        assert len(desktop.features) == len(FEATURES)
    finally:
        _close(qtbot, desktop)


def test_closing_before_the_deferred_docks_exist_keeps_the_saved_layout(
    qtbot, seeded_store: Store
) -> None:
    """Quit within the first moment: the seller's dock arrangement is not overwritten."""
    first = DesktopApp(AppContext(store=seeded_store))
    dock = first.window.findChildren(QDockWidget)[0]
    first.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    _close(qtbot, first)  # saves the layout with the dock on the left
    settings = window_settings(seeded_store.data_dir)
    saved = settings.value("window/state")
    assert saved

    early = DesktopApp(AppContext(store=seeded_store), defer=True)
    early.window.close()  # before any paint: the other docks were never installed
    assert not early.is_ready
    settings.sync()
    assert settings.value("window/state") == saved
    _close(qtbot, early)


_DEFERRED_LAYOUT_PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QDockWidget
    from sellerdesk.gui.application import DesktopApp, create_application
    from sellerdesk.services.context import AppContext
    from sellerdesk.store.store import Store

    app = create_application()
    data_dir = Path(sys.argv[1])

    def snapshot(window):
        app.processEvents()
        docks = sorted(window.findChildren(QDockWidget), key=lambda d: d.objectName())
        return {
            "size": [window.width(), window.height()],
            "splitter": window.main_splitter.sizes(),
            "conversation_splitter": window.conversation_splitter.sizes(),
            # A hidden dock keeps no meaningful size: compare sizes of the visible ones.
            "docks": {d.objectName(): [window.dockWidgetArea(d).value, d.isVisible(),
                                       d.size().toTuple() if d.isVisible() else None]
                      for d in docks},
        }

    def start():
        # As run_gui starts: the inbox first, the rest after the first paint.
        desktop = DesktopApp(AppContext(store=Store(data_dir)), defer=True)
        loop = QEventLoop()
        desktop.ready.connect(loop.quit)
        QTimer.singleShot(10000, loop.quit)
        desktop.show()
        loop.exec()
        assert desktop.is_ready, "deferred features never installed"
        return desktop

    first = start()
    window = first.window
    window.resize(1900, 1000)
    app.processEvents()
    docks = sorted(window.findChildren(QDockWidget), key=lambda d: d.objectName())
    assert len(docks) >= 2, [d.objectName() for d in docks]
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks[0])
    docks[-1].hide()
    window.resizeDocks([docks[0]], [420], Qt.Orientation.Horizontal)
    window.main_splitter.setSizes([700, 500])
    window.conversation_splitter.setSizes([300, 500])
    before = snapshot(window)
    window.close()
    first.context.store.close()

    second = start()
    after = snapshot(second.window)
    second.window.close()
    second.context.store.close()
    print(json.dumps({"before": before, "after": after}))
    """
)


def _offscreen_desktop_env(tmp_path: Path) -> dict[str, str]:
    """An offscreen screen as large as a desktop's, so nothing clamps the window."""
    config = tmp_path / "screen.json"
    screen = {
        "name": "desktop",
        "x": 0,
        "y": 0,
        "width": 2560,
        "height": 1440,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}))
    return {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(REPO_ROOT),
    }


def test_saved_dock_layout_is_restored_after_a_deferred_start(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _DEFERRED_LAYOUT_PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=_offscreen_desktop_env(tmp_path),
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    layouts = json.loads(result.stdout.strip().splitlines()[-1])
    before, after = layouts["before"], layouts["after"]
    assert before["size"] == [1900, 1000]
    left = 1  # Qt.DockWidgetArea.LeftDockWidgetArea
    assert any(area == left for area, *_ in before["docks"].values())
    assert after == before


_BROKEN_FEATURE_PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sellerdesk.gui import application

    def install(window, context, hub):
        raise RuntimeError("feature failed to install")

    application.FEATURES.append("__main__:install")
    sys.exit(application.run_gui(Path(sys.argv[1]), smoke_test=True))
    """
)


def test_smoke_run_fails_when_a_deferred_feature_breaks(tmp_path: Path) -> None:
    """A bug after the first paint ends the smoke run with status 1, not a dialog that hangs."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _BROKEN_FEATURE_PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "feature failed to install" in result.stderr


_FIRST_PAINT_PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from sellerdesk.gui import application

    heavy = ["sqlite_utils", "holidays", "sellerdesk.services.importer",
             "sellerdesk.domain.policy.checker", "sellerdesk.gui.printing.cheatsheet_pdf"]
    at_first_paint = {}
    install_pending = application.DesktopApp.install_pending

    def record_then_install(self):
        at_first_paint.update({name: name in sys.modules for name in heavy})
        install_pending(self)

    application.DesktopApp.install_pending = record_then_install
    status = application.run_gui(Path(sys.argv[1]), smoke_test=True)
    print(json.dumps({"status": status, "loaded": at_first_paint}))
    """
)


def test_first_paint_loads_neither_sqlite_utils_nor_the_deferred_features(
    seeded_store: Store,
) -> None:
    """At the first paint only the inbox is built (plain SQL); the rest loads right after."""
    data_dir = str(seeded_store.data_dir)
    seeded_store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT_PROBE, data_dir],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 0
    assert report["loaded"] and not any(report["loaded"].values()), report["loaded"]
