"""Page set-up shared by SellerDesk's printed documents (case files, cheat sheet).

Each document picks its paper, margins, resolution, body and footer sizes; this module does
what they all do with those choices: the portrait ``QPageLayout``, the ``QPdfWriter`` (opened,
painted, flushed and checked), a ``QTextDocument`` bound to the output device in the bundled
face with no margin of its own, and painting the typeset document page by page with a footer
line under each page. Needs a ``QGuiApplication`` (offscreen is enough).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from sellerdesk.gui.printing.fonts import document_font

CREATOR = "SellerDesk"
FOOTER_RULE_COLOUR = "#b0b0b0"

Result = TypeVar("Result")
FooterTexts = Callable[[int, int], tuple[str, str]]  # (page number, pages) -> (left, right)


def portrait_layout(page_size: QPageSize.PageSizeId, margin_mm: float) -> QPageLayout:
    """A portrait page of ``page_size`` with the same margin on every side."""
    return QPageLayout(
        QPageSize(page_size),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf_file(
    path: Path,
    layout: QPageLayout,
    resolution: int,
    title: str,
    paint: Callable[[QPdfWriter], Result],
) -> Result:
    """Open a PDF writer on ``path``, let ``paint`` fill it, close it; returns what paint did.

    Raises ``OSError`` if no non-empty file was written.
    """
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(resolution)
    writer.setPageLayout(layout)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    result = paint(writer)
    del writer  # flushes and closes the file
    if not target.is_file() or target.stat().st_size == 0:
        raise OSError(f"the PDF was not written: {target}")
    return result


def bind_to_page(
    document: QTextDocument, device: QPagedPaintDevice, size: QSizeF, body_points: float
) -> None:
    """Lay ``document`` out for ``device`` in pages of ``size``, bundled face, no margin."""
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(document_font(body_points))
    document.setDocumentMargin(0)
    document.setPageSize(size)


@dataclass(frozen=True)
class FooterStyle:
    """The footer line under each page: text size, gap above it and text colour."""

    points: float
    gap_points: float
    colour: str

    def height(self, device: QPaintDevice) -> float:
        """Height of the footer band on ``device``: one line of text plus the gap."""
        metrics = QFontMetricsF(document_font(self.points), device)
        return metrics.height() + self.gap_points * device.logicalDpiY() / 72.0

    def paint(self, painter: QPainter, texts: tuple[str, str], box: QRectF) -> None:
        """A thin rule along the top of ``box``, then ``texts`` left and right at its foot."""
        left, right = texts
        painter.save()
        painter.setFont(document_font(self.points))
        painter.setPen(QPen(QColor(FOOTER_RULE_COLOUR), 0))
        painter.drawLine(box.topLeft(), box.topRight())
        painter.setPen(QColor(self.colour))
        flags = Qt.AlignmentFlag.AlignBottom
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignLeft, left)
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignRight, right)
        painter.restore()


@dataclass(frozen=True)
class PageFrame:
    """The device's printable area split into the document body and the footer band below."""

    body: QSizeF
    footer: QRectF
    style: FooterStyle


def page_frame(device: QPagedPaintDevice, style: FooterStyle) -> PageFrame:
    """The body and footer of each page of ``device`` (set up by the caller)."""
    area = device.pageLayout().paintRectPixels(device.resolution()).toRectF()
    height = style.height(device)
    body = QSizeF(area.width(), area.height() - height)
    return PageFrame(body, QRectF(0, area.height() - height, area.width(), height), style)


def paint_pages(
    device: QPagedPaintDevice,
    document: QTextDocument,
    frame: PageFrame,
    footer_texts: FooterTexts,
    clip_margin: float = 0.0,
) -> int:
    """Paint every page of ``document`` (paged at ``frame.body``) with its footer.

    ``clip_margin`` layout units are kept off the foot of each page's clip: a block touching
    the clip is drawn whole, so one starting exactly where the next page begins would be
    clipped out of sight but still land in this page's PDF text. Returns the page count.
    """
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the output device")
    try:
        for index in range(pages):
            if index and not device.newPage():
                raise OSError("cannot start a new page on the output device")
            _paint_page(painter, document, index, frame.body, clip_margin)
            frame.style.paint(painter, footer_texts(index + 1, pages), frame.footer)
    finally:
        painter.end()
    return pages


def _paint_page(
    painter: QPainter, document: QTextDocument, index: int, body: QSizeF, clip_margin: float
) -> None:
    painter.save()
    top = index * body.height()
    painter.translate(0, -top)
    clip = QSizeF(body.width(), body.height() - clip_margin)
    document.drawContents(painter, QRectF(QPointF(0, top), clip))
    painter.restore()
