"""Importing from the GUI: File > Import actions, drag-and-drop onto the inbox, the worker
thread with progress and Cancel, and the summary of failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sellerdesk.gui.application import DesktopApp
from sellerdesk.gui.controllers.import_controller import ImportController
from sellerdesk.gui.views.import_dialog import ImportProgressDialog, ImportSummaryDialog
from sellerdesk.services.context import AppContext
from sellerdesk.store.store import Store

NAMES = ["00001.eml", "00002.eml", "00003.eml", "00014.eml"]


@pytest.fixture
def desktop(qtbot, data_dir: Path):  # type: ignore[no-untyped-def]
    app = DesktopApp(AppContext(store=Store(data_dir)))
    qtbot.addWidget(app.window)
    yield app
    controller = _controller(app)
    controller.shutdown()
    app.context.store.close()


def _controller(app: DesktopApp) -> ImportController:
    return next(f for f in app.features if isinstance(f, ImportController))


def _count(app: DesktopApp) -> int:
    return int(app.context.store.db.execute("SELECT count(*) FROM messages").fetchone()[0])


def test_file_menu_has_the_import_actions(desktop) -> None:  # type: ignore[no-untyped-def]
    texts = [action.text() for action in desktop.window.menu("file").actions()]
    first = texts.index("&Import files…")
    assert texts[first : first + 3] == [
        "&Import files…",
        "Import f&older…",
        "Import &mailbox (mbox)…",
    ]
    assert texts[-1] == "&Quit"


def test_import_runs_off_the_gui_thread_and_refreshes_the_inbox(
    qtbot, desktop, samples_dir
) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(desktop)
    controller.show_summary = False
    with qtbot.waitSignals([controller.import_finished, desktop.hub.data_changed], timeout=30000):
        assert controller.start([samples_dir / name for name in NAMES])
        assert controller.busy and controller.dialog is not None
    assert not controller.busy
    assert _count(desktop) == 4


def test_dropping_files_on_the_inbox_imports_them(qtbot, desktop, samples_dir) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(desktop)
    controller.show_summary = False
    target = desktop.window.main_splitter.widget(0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(samples_dir / name)) for name in NAMES[:2]])
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(5, 5), actions, mime, buttons, modifiers)
    with qtbot.waitSignal(controller.import_finished, timeout=30000):
        QApplication.sendEvent(target, drop)
    assert _count(desktop) == 2


def test_cancel_stops_the_import(qtbot, desktop, samples_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mbox = tmp_path / "many.mbox"
    template = (samples_dir / NAMES[0]).read_bytes()
    with mbox.open("wb") as out:
        for index in range(3000):
            raw = re.sub(rb"Message-ID: <[^>]+>", b"Message-ID: <c%d@x>" % index, template)
            out.write(b"From x Thu Jan  1 00:00:00 2025\n" + raw + b"\n")
    controller = _controller(desktop)
    controller.show_summary = False
    with qtbot.waitSignal(controller.import_finished, timeout=60000) as finished:
        controller.start([mbox])
        controller.dialog.cancel_button.click()  # type: ignore[union-attr]
    summary = finished.args[0]
    assert summary.cancelled
    assert _count(desktop) < 3000


def test_progress_dialog_shows_count_rate_and_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportProgressDialog()
    qtbot.addWidget(dialog)
    dialog.show_progress(1500, 812.4, 2, "/mail/export.mbox, message 1500")
    assert dialog.counts.text() == "1,500 messages done, 812 per second (2 could not be imported)"
    with qtbot.waitSignal(dialog.cancel_requested):
        dialog.cancel_button.click()
    assert not dialog.cancel_button.isEnabled()


def test_summary_lists_every_failure_with_its_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    failures = [("a.eml", "the file is empty"), ("b.mbox, message 7", "the e-mail is cut off")]
    dialog = ImportSummaryDialog(12, 3, failures, cancelled=False)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "12 new messages imported, 3 already in SellerDesk."
    table = dialog.failures
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert rows == failures
