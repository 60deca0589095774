"""The import progress dialog and the summary of what could not be imported.

Pure view: it shows what the controller tells it and emits ``cancel_requested``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ImportProgressDialog(QDialog):
    """A busy progress bar with messages done and rate, the current source, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgressDialog")
        self.setWindowTitle(self.tr("Importing e-mail"))
        self.setMinimumWidth(460)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgressBar")
        self.bar.setRange(0, 0)  # the number of messages is known only at the end
        self.bar.setTextVisible(False)
        self.counts = QLabel(self.tr("Starting…"), self)
        self.counts.setObjectName("importCounts")
        self.source = QLabel(self)
        self.source.setObjectName("importSource")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.source)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)

    def show_progress(self, done: int, rate: float, failed: int, source: str) -> None:
        text = self.tr("{done} messages done, {rate} per second").format(
            done=f"{done:,}", rate=f"{rate:,.0f}"
        )
        if failed:
            text += self.tr(" ({failed} could not be imported)").format(failed=failed)
        self.counts.setText(text)
        self.source.setText(source)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.counts.setText(self.tr("Stopping after the current batch…"))
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc / window close mean Cancel while importing
        if self.cancel_button.isEnabled():
            self._cancel()


class ImportSummaryDialog(QDialog):
    """What was imported, and each item that failed with its source and reason."""

    def __init__(
        self,
        imported: int,
        duplicates: int,
        failures: list[tuple[str, str]],
        cancelled: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importSummaryDialog")
        self.setWindowTitle(
            self.tr("Import finished") if not cancelled else self.tr("Import cancelled")
        )
        layout = QVBoxLayout(self)
        headline = self.tr("{imported} new messages imported, {duplicates} already in SellerDesk.")
        self.headline = QLabel(
            headline.format(imported=f"{imported:,}", duplicates=f"{duplicates:,}"), self
        )
        self.headline.setObjectName("importHeadline")
        layout.addWidget(self.headline)
        self.failures = QTableWidget(len(failures), 2, self)
        self.failures.setObjectName("importFailures")
        if failures:
            layout.addWidget(
                QLabel(self.tr("{count} items could not be imported:").format(count=len(failures)))
            )
            self._fill(failures)
            layout.addWidget(self.failures)
            self.resize(760, 420)
        else:
            self.failures.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _fill(self, failures: list[tuple[str, str]]) -> None:
        self.failures.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Reason")])
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.failures.verticalHeader().hide()
        header = self.failures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for row, (source, reason) in enumerate(failures):
            for column, text in enumerate((source, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.failures.setItem(row, column, item)
        self.failures.setColumnWidth(0, 320)
