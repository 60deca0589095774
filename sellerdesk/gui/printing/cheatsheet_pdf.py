"""Lays the policy cheat sheet out on paper: a PDF file (QPdfWriter) or a printer (QPrinter).

The content comes from :mod:`sellerdesk.services.cheatsheet` as HTML; this module sets the
page (A4 or US Letter, fixed margins), typesets the HTML with ``QTextDocument`` in the bundled
WenQuanYi Micro Hei face (so Chinese renders, is embedded, and stays searchable on a machine
with no CJK font), and paints each page with a footer. Painting page by page with a layout
bound to the output device keeps point sizes exact and avoids QTextDocument's own page
numbers and 2 cm margins.

Needs a ``QGuiApplication``; the offscreen platform is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QTextDocument

from sellerdesk.domain.policy.rules import RuleBook
from sellerdesk.gui.printing.page_setup import (
    FooterStyle,
    bind_to_page,
    page_frame,
    paint_pages,
    portrait_layout,
    write_pdf_file,
)
from sellerdesk.gui.printing.pagination import first_split_row, has_lonely_rows
from sellerdesk.services.cheatsheet import (
    PAPERS,
    CheatSheet,
    PageBreaks,
    block_tables,
    build_cheatsheet,
    page_footer,
    render_html,
)

MARGIN_MM = 8.0
MAX_PAGES = 2
MAX_PAGE_BREAKS = 8  # forced breaks per layout (a two-page sheet needs one or two)
# Body sizes to choose from (quarter points): the largest one that fits on MAX_PAGES pages
# wins, so a short sheet is set large (no half-empty last page) and a long one still fits.
BODY_POINT_SIZES = tuple(6.0 + 0.25 * step for step in range(13))  # 6.0 .. 9.0
FOOTER_POINT_SIZE = 6.0
FOOTER_GAP_POINTS = 4.0
PDF_RESOLUTION = 600
PDF_TITLE = "SellerDesk policy cheat sheet"
_PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FOOTER = FooterStyle(FOOTER_POINT_SIZE, FOOTER_GAP_POINTS, "#6a6a6a")


@dataclass(frozen=True)
class RenderResult:
    """What was printed: the page count (at most 2 for the shipped rules file)."""

    pages: int


def page_layout(paper: str) -> QPageLayout:
    """Portrait ``paper`` ("a4" or "letter") with the sheet's margins."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    return portrait_layout(_PAGE_SIZES[paper], MARGIN_MM)


def _build_document(
    sheet: CheatSheet,
    device: QPagedPaintDevice,
    size: QSizeF,
    body_points: float,
    page_breaks: PageBreaks = frozenset(),
) -> QTextDocument:
    document = QTextDocument()
    bind_to_page(document, device, size, body_points)
    document.setHtml(render_html(sheet, body_points, page_breaks))
    return document


@dataclass
class _Typeset:
    """One layout of the sheet at one size, every table row kept whole on its page."""

    document: QTextDocument
    tables: list[tuple[str, int]]  # (block key, first row) of each block table

    def lonely_rows(self, page_height: float) -> bool:
        groups: dict[str, list[int]] = {}
        for index, (key, _first_row) in enumerate(self.tables, start=1):  # 0: title table
            groups.setdefault(key, []).append(index)
        return has_lonely_rows(self.document, page_height, list(groups.values()))


def _typeset(
    sheet: CheatSheet, device: QPagedPaintDevice, size: QSizeF, body_points: float
) -> _Typeset:
    """Typeset, then start a new page before any row a page break would cut, until none is."""
    page_breaks: set[tuple[str, int]] = set()
    while True:
        breaks = frozenset(page_breaks)
        document = _build_document(sheet, device, size, body_points, breaks)
        tables = block_tables(sheet, breaks)
        split = first_split_row(document, size.height())
        if split is None or not 1 <= split.table_index <= len(tables):
            return _Typeset(document, tables)
        key, first_row = tables[split.table_index - 1]
        if (key, first_row + split.row) in page_breaks or len(page_breaks) >= MAX_PAGE_BREAKS:
            return _Typeset(document, tables)
        page_breaks.add((key, first_row + split.row))


def fit_document(sheet: CheatSheet, device: QPagedPaintDevice, size: QSizeF) -> QTextDocument:
    """The sheet typeset at the largest body size that fits on ``MAX_PAGES`` pages cleanly.

    Page count grows with the size, so a binary search finds the largest size that fits in
    about four layouts; from there smaller sizes are tried until no table leaves a single row
    alone at the foot or the head of a page. If even the smallest size does not fit, the sheet
    is printed at that size on more pages.
    """
    layouts: dict[int, _Typeset] = {}

    def typeset(index: int) -> _Typeset:
        if index not in layouts:
            layouts[index] = _typeset(sheet, device, size, BODY_POINT_SIZES[index])
        return layouts[index]

    def pages(index: int) -> int:
        return typeset(index).document.pageCount()

    low, high = 0, len(BODY_POINT_SIZES) - 1
    if pages(low) > MAX_PAGES:
        return typeset(low).document
    while low < high:
        middle = (low + high + 1) // 2
        if pages(middle) <= MAX_PAGES:
            low = middle
        else:
            high = middle - 1
    for index in range(low, -1, -1):
        if pages(index) <= MAX_PAGES and not typeset(index).lonely_rows(size.height()):
            return typeset(index).document
    return typeset(low).document


def render(sheet: CheatSheet, device: QPagedPaintDevice) -> RenderResult:
    """Paint ``sheet`` on ``device`` (a QPdfWriter or QPrinter set up by the caller)."""
    frame = page_frame(device, FOOTER)
    document = fit_document(sheet, device, frame.body)
    pages = paint_pages(
        device, document, frame, lambda number, total: page_footer(sheet, number, total)
    )
    return RenderResult(pages=pages)


def write_pdf(
    path: Path,
    language: str = "en",
    paper: str = "a4",
    rulebook: RuleBook | None = None,
) -> RenderResult:
    """Write the cheat sheet for ``language`` on ``paper`` to the PDF file ``path``."""
    sheet = build_cheatsheet(language, rulebook)
    return write_pdf_file(
        path, page_layout(paper), PDF_RESOLUTION, PDF_TITLE, lambda writer: render(sheet, writer)
    )
