"""Typesets a return case file (HTML from ``sellerdesk.services.case_file``) into a PDF.

``QTextDocument`` lays the HTML out in the bundled CJK face (so Chinese buyer comments and
captions render and stay searchable) on the writer's page, less a footer line. A section heading
that would end a page while its table or text starts the next one moves to the next page
(:func:`sellerdesk.gui.printing.pagination.first_stranded_heading`), then each page is painted
with its footer: the order id and "page N of M" (texts from ``services.case_file``). Evidence
images are handed to the document as scaled thumbnails under the names the HTML uses, so nothing
is loaded from a path written into the HTML. Needs a ``QGuiApplication`` (offscreen is enough).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QPagedPaintDevice,
    QPageSize,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from sellerdesk.gui.printing.fonts import document_font
from sellerdesk.gui.printing.page_setup import (
    FooterStyle,
    bind_to_page,
    page_frame,
    paint_pages,
    portrait_layout,
    write_pdf_file,
)
from sellerdesk.gui.printing.pagination import first_stranded_heading
from sellerdesk.services.case_file import CaseFile, Thumbnail, page_footer

PDF_RESOLUTION = 300
BODY_POINTS = 9.0
FOOTER_POINTS = 7.0
FOOTER_GAP_POINTS = 6.0
MARGIN_MM = 15.0
THUMBNAIL_PIXELS = 360
FOOTER = FooterStyle(FOOTER_POINTS, FOOTER_GAP_POINTS, "#555555")


def _thumbnail(item: Thumbnail) -> QImage | None:
    image = QImage(str(item.path))
    if image.isNull():
        return None
    if image.width() > THUMBNAIL_PIXELS or image.height() > THUMBNAIL_PIXELS:
        image = image.scaled(
            THUMBNAIL_PIXELS,
            THUMBNAIL_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def build_document(case_file: CaseFile) -> QTextDocument:
    """The case file as a QTextDocument with its thumbnails registered."""
    document = QTextDocument()
    document.setDefaultFont(document_font(BODY_POINTS))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, case_file.title)
    for item in case_file.thumbnails:
        image = _thumbnail(item)
        if image is not None:
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(item.resource), image
            )
    document.setHtml(case_file.html)
    return document


def typeset(case_file: CaseFile, device: QPagedPaintDevice, size: QSizeF) -> QTextDocument:
    """The case file laid out on ``device`` in pages of ``size``, no heading left alone."""
    document = build_document(case_file)
    bind_to_page(document, device, size, BODY_POINTS)
    keep_headings_with_content(document, size.height())
    return document


def keep_headings_with_content(document: QTextDocument, page_height: float) -> int:
    """Start a new page before every heading that would end one; returns how many moved."""
    moved = 0
    while (heading := first_stranded_heading(document, page_height)) is not None:
        block_format = heading.blockFormat()
        before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if block_format.pageBreakPolicy() & before:  # taller than a page: nothing to gain
            break
        block_format.setPageBreakPolicy(block_format.pageBreakPolicy() | before)
        QTextCursor(heading).setBlockFormat(block_format)
        moved += 1
    return moved


def render(case_file: CaseFile, device: QPagedPaintDevice) -> int:
    """Paint the case file on ``device`` (set up by the caller); returns the number of pages."""
    frame = page_frame(device, FOOTER)
    document = typeset(case_file, device, frame.body)
    # Short of the next page's first line: a block touching the clip is drawn whole (clipped
    # away, but its text would still be in the PDF, found twice by search and copy).
    return paint_pages(
        device,
        document,
        frame,
        lambda number, total: page_footer(case_file, number, total),
        clip_margin=1.0,
    )


def write_pdf(case_file: CaseFile, path: Path) -> int:
    """Write the case file to ``path``; returns the number of pages."""
    layout = portrait_layout(QPageSize.PageSizeId.A4, MARGIN_MM)
    return write_pdf_file(
        path, layout, PDF_RESOLUTION, case_file.title, lambda writer: render(case_file, writer)
    )
