"""``MetricsDashboard``: the 7/30/90-day contact metrics and a chart with the 90% target line.

QtCharts is not part of PySide6-Essentials, so ``OnTimeChart`` paints the daily on-time share
with QPainter. The dialog only displays what the controller hands it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.metrics import (
    TARGET_LATE_RATE,
    TARGET_ON_TIME,
    WINDOWS_DAYS,
    DailyPoint,
    WindowMetrics,
)

LINE_COLOUR = QColor("#1565c0")
TARGET_COLOUR = QColor("#c62828")
GRID_COLOUR = QColor("#d0d0d0")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 12, 12, 28


class OnTimeChart(QWidget):
    """Daily share of buyer messages answered within 24 h, 0-100%, with the target line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onTimeChart")
        self._points: list[DailyPoint] = []
        self.setMinimumSize(420, 200)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 240)

    def set_points(self, points: Sequence[DailyPoint]) -> None:
        self._points = list(points)
        self.update()

    def points(self) -> list[DailyPoint]:
        return list(self._points)

    def _plot_rect(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def _y(self, rate: float, plot: QRectF) -> float:
        return plot.bottom() - rate * plot.height()

    def _x(self, index: int, plot: QRectF) -> float:
        steps = max(1, len(self._points) - 1)
        return plot.left() + plot.width() * index / steps

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        plot = self._plot_rect()
        self._draw_grid(painter, plot)
        self._draw_target(painter, plot)
        self._draw_series(painter, plot)
        self._draw_dates(painter, plot)
        painter.end()

    def _draw_grid(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QPen(GRID_COLOUR, 1))
        text_pen = QPen(self.palette().text().color())
        for percent in (0, 25, 50, 75, 100):
            y = self._y(percent / 100, plot)
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{percent}%",
            )

    def _draw_target(self, painter: QPainter, plot: QRectF) -> None:
        y = self._y(TARGET_ON_TIME, plot)
        painter.setPen(QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.drawText(
            QRectF(plot.left() + 4, y + 2, plot.width() - 8, 14),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            self.tr("target: 90% within 24 h"),
        )

    def _draw_series(self, painter: QPainter, plot: QRectF) -> None:
        path = QPainterPath()
        started = False
        for index, point in enumerate(self._points):
            if point.on_time_rate is None:
                started = False
                continue
            spot = QPointF(self._x(index, plot), self._y(point.on_time_rate, plot))
            if started:
                path.lineTo(spot)
            else:
                path.moveTo(spot)
                started = True
        painter.setPen(QPen(LINE_COLOUR, 2))
        painter.drawPath(path)

    def _draw_dates(self, painter: QPainter, plot: QRectF) -> None:
        if not self._points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No buyer messages yet"))
            return
        painter.setPen(QPen(self.palette().text().color()))
        count = len(self._points)
        for index in sorted({0, count // 2, count - 1}):
            x = self._x(index, plot)
            label = self._points[index].day.strftime("%d %b")
            align = Qt.AlignmentFlag.AlignHCenter
            if index == 0:
                align = Qt.AlignmentFlag.AlignLeft
            elif index == count - 1:
                align = Qt.AlignmentFlag.AlignRight
            box = QRectF(x - 60 if align != Qt.AlignmentFlag.AlignLeft else x, plot.bottom() + 6,
                         120 if align == Qt.AlignmentFlag.AlignHCenter else 60, 16)
            if align == Qt.AlignmentFlag.AlignRight:
                box.moveRight(x)
            painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, label)


class MetricsDashboard(QDialog):
    """The three windows' figures side by side, the chart, and a refresh button."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MetricsDashboard")
        self.setWindowTitle(self.tr("Response metrics"))
        self._cells: dict[tuple[str, int], QLabel] = {}
        layout = QVBoxLayout(self)
        self.as_of_label = QLabel(self)
        layout.addWidget(self.as_of_label)
        layout.addLayout(self._build_table())
        self.chart = OnTimeChart(self)
        layout.addWidget(QLabel(self.tr("Answered within 24 hours, by day received:"), self))
        layout.addWidget(self.chart, 1)
        note = QLabel(
            self.tr(
                "A local mirror of Amazon's Buyer-Seller Contact Metrics. Amazon's published "
                "(historic) target: at least 90% of buyer messages answered within 24 hours. "
                "Messages marked \"no response needed\" are left out; messages younger than "
                "24 hours are not yet on time or late."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = QPushButton(self.tr("&Refresh"), self)
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.refresh_requested)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _rows(self) -> list[tuple[str, str]]:
        return [
            ("received", self.tr("Buyer messages received")),
            ("answered_within_24h", self.tr("Answered within 24 h")),
            ("answered_late", self.tr("Answered late")),
            ("unanswered_over_24h", self.tr("Unanswered after 24 h")),
            ("late_response_rate", self.tr("Late Response Rate (target ≤ 10%)")),
            ("average_response_hours", self.tr("Average response time")),
        ]

    def _build_table(self) -> QGridLayout:
        grid = QGridLayout()
        bold = QFont(self.font())
        bold.setBold(True)
        for column, days in enumerate(WINDOWS_DAYS, start=1):
            header = QLabel(self.tr("Last {n} days").format(n=days), self)
            header.setFont(bold)
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, column)
        for row, (key, title) in enumerate(self._rows(), start=1):
            grid.addWidget(QLabel(title, self), row, 0)
            for column, days in enumerate(WINDOWS_DAYS, start=1):
                cell = QLabel("—", self)
                cell.setObjectName(f"metric_{key}_{days}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(cell, row, column)
                self._cells[(key, days)] = cell
        return grid

    def show_report(
        self, as_of: dt.datetime, windows: dict[int, WindowMetrics], daily: Sequence[DailyPoint]
    ) -> None:
        self.as_of_label.setText(
            self.tr("As of {time}").format(time=as_of.strftime("%Y-%m-%d %H:%M %Z"))
        )
        for days, figures in windows.items():
            for key, _title in self._rows():
                cell = self._cells.get((key, days))
                if cell is not None:
                    cell.setText(self._format(key, getattr(figures, key)))
                    rate = figures.late_response_rate or 0
                    late = key == "late_response_rate" and rate > TARGET_LATE_RATE
                    cell.setStyleSheet("color: #c62828; font-weight: bold;" if late else "")
        self.chart.set_points(daily)

    def cell_text(self, key: str, days: int) -> str:
        return self._cells[(key, days)].text()

    def _format(self, key: str, value: object) -> str:
        if value is None:
            return "—"
        if key == "late_response_rate":
            return f"{float(value) * 100:.1f}%"  # type: ignore[arg-type]
        if key == "average_response_hours":
            return self.tr("{h:.1f} h").format(h=float(value))  # type: ignore[arg-type]
        return str(value)
