"""Prints a conversation's case file, or writes it as a PDF.

The HTML comes from ``sellerdesk.services.conversation_report``. ``QTextDocument`` lays it out in
the bundled CJK face (``fonts.document_font``) so Chinese and Japanese buyer text renders on
any machine and stays searchable in the PDF; ``print_`` paginates it onto a ``QPdfWriter`` or a
``QPrinter`` (the print preview dialog's). Needs a ``QGuiApplication``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from sellerdesk.gui.printing.fonts import document_font
from sellerdesk.gui.printing.page_setup import portrait_layout, write_pdf_file

PDF_RESOLUTION = 300
BODY_POINTS = 9.5
MARGIN_MM = 15.0


def page_layout() -> QPageLayout:
    return portrait_layout(QPageSize.PageSizeId.A4, MARGIN_MM)


def build_document(html: str, title: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(document_font(BODY_POINTS))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(html)
    return document


def render(html: str, title: str, device: QPagedPaintDevice) -> int:
    """Typeset ``html`` onto ``device``; returns the number of pages."""
    document = build_document(html, title)
    document.print_(device)
    return document.pageCount()


def write_pdf(html: str, path: Path, title: str) -> Path:
    """Write the case file as a PDF at ``path``; ``OSError`` if the file was not written."""
    target = Path(path)
    write_pdf_file(
        target, page_layout(), PDF_RESOLUTION, title, lambda writer: render(html, title, writer)
    )
    return target


def preview_dialog(html: str, title: str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the case file (the caller shows it with ``exec``)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("conversationPrintPreview")
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda device: render(html, title, device))
    dialog._printer = printer  # type: ignore[attr-defined]  # keep the printer alive
    return dialog
