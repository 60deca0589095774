"""Importing mail from the GUI: File > Import files / folder / mailbox, and files or folders
dropped onto the inbox.

The import runs in a ``QThread`` on its own store connection (the service opens it), reports
progress through queued signals and stops at the next batch when the seller presses Cancel.
New mail reaches the inbox while the import runs (``hub.data_changed``, at most every few
seconds) and at the end; a summary dialog lists what failed and why.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QWidget

from sellerdesk.errors import SellerDeskError
from sellerdesk.gui.views.import_dialog import ImportProgressDialog, ImportSummaryDialog

if TYPE_CHECKING:  # the importer (mail parsing, process pools) loads on the first import
    from sellerdesk.services.importer import ImportProgress, ImportSummary

INBOX_REFRESH_MS = 3000


class ImportWorker(QObject):
    """Runs ``import_paths`` on a worker thread; everything crosses back as signals."""

    progressed = Signal(int, float, int, str)  # done, rate, failed, source
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)  # the import could not run at all (store unavailable...)

    def __init__(self, store, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self._store = store
        self._paths = paths
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        from sellerdesk.services.importer import import_paths

        try:
            summary = import_paths(
                self._store,
                self._paths,
                progress=self._report,
                cancel=self.cancel_event,
                own_connection=True,
                # A frozen bundle cannot spawn parser processes safely: parse in-thread there.
                workers=0 if getattr(sys, "frozen", False) else None,
            )
        except SellerDeskError as error:
            self.failed.emit(str(error))
            return
        self.finished.emit(summary)

    def _report(self, progress: ImportProgress) -> None:
        self.progressed.emit(progress.done, progress.rate, progress.failed, progress.source)


class ImportController(QObject):
    """Starts imports, shows their progress, and tells the rest of the app about new mail."""

    import_finished = Signal(object)  # ImportSummary, for tests and other features

    def __init__(self, context, hub, parent_widget: QWidget, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.context = context
        self.hub = hub
        self.parent_widget = parent_widget
        self.thread: QThread | None = None
        self.worker: ImportWorker | None = None
        self.dialog: ImportProgressDialog | None = None
        self.show_summary = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(INBOX_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.hub.data_changed.emit)

    @property
    def busy(self) -> bool:
        return self.thread is not None

    # -- choosing what to import -------------------------------------------------------
    def choose_files(self) -> None:
        self._choose_and_start(
            self.tr("Import e-mail files"),
            self.tr("E-mail files (*.eml *.msg *.txt);;All files (*)"),
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget,
            self.tr("Import a folder of e-mail (or a Maildir)"),
            str(Path.home()),
        )
        if folder:
            self.start([Path(folder)])

    def choose_mbox(self) -> None:
        self._choose_and_start(
            self.tr("Import mailbox files (mbox)"),
            self.tr("Mailbox files (*.mbox *.mbx *.mbs);;All files (*)"),
        )

    def _choose_and_start(self, title: str, file_filter: str) -> None:
        """Ask for files in a file dialog and import them (nothing if cancelled)."""
        files, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, title, str(Path.home()), file_filter
        )
        if files:
            self.start([Path(name) for name in files])

    # -- running ------------------------------------------------------------------------
    def start(self, paths: list[Path]) -> bool:
        """Import ``paths`` off the GUI thread; False when an import is already running."""
        if self.busy:
            QMessageBox.information(
                self.parent_widget,
                self.tr("Import running"),
                self.tr("An import is already running; wait for it to finish or cancel it."),
            )
            return False
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            QMessageBox.warning(
                self.parent_widget,
                self.tr("Cannot import"),
                self.tr("These files or folders do not exist:\n{paths}").format(
                    paths="\n".join(missing)
                ),
            )
            return False
        self.dialog = ImportProgressDialog(self.parent_widget)
        self.worker = ImportWorker(self.context.store, paths)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self.dialog.show_progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.dialog.cancel_requested.connect(self.worker.cancel_event.set)
        self.thread.start()
        self._refresh_timer.start()
        self.dialog.show()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel_event.set()

    def _stop_thread(self) -> None:
        self._refresh_timer.stop()
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
        self.thread = self.worker = self.dialog = None

    @Slot(object)
    def _finished(self, summary: ImportSummary) -> None:
        self._stop_thread()
        self.hub.data_changed.emit()
        self.hub.status_message.emit(
            self.tr("Imported {imported} new messages ({failed} failed).").format(
                imported=summary.imported, failed=len(summary.failed)
            )
        )
        self.import_finished.emit(summary)
        if self.show_summary:
            dialog = ImportSummaryDialog(
                summary.imported,
                summary.duplicates,
                [(failure.source, failure.error) for failure in summary.failed],
                summary.cancelled,
                self.parent_widget,
            )
            dialog.exec()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop_thread()
        QMessageBox.critical(self.parent_widget, self.tr("Import failed"), message)

    def shutdown(self) -> None:
        """Cancel a running import and wait for its batch to end (the app is closing)."""
        if self.worker is not None:
            self.worker.cancel_event.set()
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()


class DropImporter(QObject):
    """Event filter that turns files and folders dropped onto a widget into an import."""

    def __init__(self, controller: ImportController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def watch(self, widget: QWidget) -> None:
        targets = [widget]
        for view in widget.findChildren(QAbstractItemView):
            targets.append(view.viewport())
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            # QDragEnterEvent and QDragMoveEvent are both QDropEvents
            if isinstance(event, QDropEvent) and _local_paths(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = _local_paths(event)
            if paths:
                event.acceptProposedAction()
                self.controller.start(paths)
                return True
        return super().eventFilter(watched, event)


def _local_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def install(window, context, hub):  # type: ignore[no-untyped-def]
    """Feature installer: File > Import actions and drag-and-drop onto the inbox."""
    controller = ImportController(context, hub, window, parent=window)
    # The context is the class name, which is what ImportController.tr looks up.
    window.add_action(
        "file",
        QCoreApplication.translate("ImportController", "&Import files…"),
        controller.choose_files,
        QKeySequence("Ctrl+I"),
    )
    window.add_action(
        "file",
        QCoreApplication.translate("ImportController", "Import f&older…"),
        controller.choose_folder,
    )
    window.add_action(
        "file",
        QCoreApplication.translate("ImportController", "Import &mailbox (mbox)…"),
        controller.choose_mbox,
    )
    drops = DropImporter(controller, parent=controller)
    drops.watch(window.main_splitter.widget(0))
    controller.drops = drops  # type: ignore[attr-defined]
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.shutdown)
    return controller
