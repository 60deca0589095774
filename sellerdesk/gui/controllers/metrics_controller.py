"""``MetricsController``: opens the response-metrics dashboard and keeps it current."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from sellerdesk.gui.hub import SelectionHub
from sellerdesk.gui.views.metrics_dashboard import MetricsDashboard
from sellerdesk.services.metrics import MetricsService


class MetricsController(QObject):
    def __init__(
        self,
        service: MetricsService,
        hub: SelectionHub,
        parent_window: QWidget,
        tz: dt.tzinfo,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.tz = tz
        self._parent_window = parent_window
        self.dialog: MetricsDashboard | None = None
        hub.data_changed.connect(self._refresh_if_open)

    def show(self) -> MetricsDashboard:
        if self.dialog is None:
            self.dialog = MetricsDashboard(self._parent_window)
            self.dialog.refresh_requested.connect(self.refresh)
        self.refresh()
        self.dialog.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            self.dialog.raise_()
            self.dialog.activateWindow()
        return self.dialog

    def refresh(self) -> None:
        if self.dialog is None:
            return
        report = self.service.report(tz=self.tz)
        self.dialog.show_report(report.as_of.astimezone(self.tz), report.windows, report.daily)

    def _refresh_if_open(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.refresh()
