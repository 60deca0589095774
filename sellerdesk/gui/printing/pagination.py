"""Where page breaks fall in a paginated QTextDocument made of tables (reference sheets).

Qt breaks a table row line by line when a page ends inside it, so half a row ends one page and
the rest starts the next. :func:`first_split_row` finds such a row, so the caller can start a
new page before it (for the cheat sheet: a page break in the HTML, headings repeated), and
:func:`has_lonely_rows` tells whether a split table leaves a single row alone on a page, which
a caller can avoid by typesetting a little smaller. Qt also lets a heading end a page while what
it heads starts the next: :func:`first_stranded_heading` finds one, so the caller can start a new
page before it.

Positions are in the document's layout units; page ``n`` spans ``[n * height, (n+1) * height)``
as with ``QTextDocument.setPageSize`` and a zero document margin. Only tables of two or more
columns hold records that must stay whole; a one-column table is running text and may flow.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable

_NUDGE = 0.5  # layout units: a row ending exactly on the page end still fits


@dataclass(frozen=True)
class RowSpan:
    """Where one body row of a table lies, in layout units."""

    table_index: int  # among the document's top-level tables
    row: int  # body row, header rows not counted
    top: float
    bottom: float


def top_level_tables(document: QTextDocument) -> Iterator[QTextTable]:
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            yield frame


def row_spans(document: QTextDocument, table: QTextTable, table_index: int = 0) -> list[RowSpan]:
    """The body rows (header rows excluded) of ``table`` with their vertical extent."""
    layout = document.documentLayout()
    header_rows = table.format().headerRowCount()
    spans = []
    for row in range(header_rows, table.rows()):
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        tops = [
            layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells
        ]
        bottoms = [
            layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells
        ]
        spans.append(RowSpan(table_index, row - header_rows, min(tops), max(bottoms)))
    return spans


def _page(position: float, page_height: float) -> int:
    return int(position // page_height)


def first_split_row(document: QTextDocument, page_height: float) -> RowSpan | None:
    """The first row of a multi-column table that a page break cuts in two.

    A table's first row is never reported: it belongs with the table's heading, and a table
    that starts a page cannot be helped.
    """
    for index, table in enumerate(top_level_tables(document)):
        if table.columns() < 2:
            continue
        for span in row_spans(document, table, index)[1:]:
            if _page(span.top, page_height) != _page(span.bottom - _NUDGE, page_height):
                return span
    return None


def has_lonely_rows(
    document: QTextDocument, page_height: float, groups: list[list[int]] | None = None
) -> bool:
    """Whether a table split over pages leaves one lone row on its first or last page.

    ``groups`` lists the top-level table indices that make one logical table (a table
    continued after a forced page break); by default every table stands alone.
    """
    tables = list(top_level_tables(document))
    for group in groups if groups is not None else [[index] for index in range(len(tables))]:
        pages = [
            _page(span.top, page_height)
            for index in group
            for span in row_spans(document, tables[index], index)
        ]
        if len(set(pages)) > 1 and min(pages.count(pages[0]), pages.count(pages[-1])) < 2:
            return True
    return False


def first_stranded_heading(document: QTextDocument, page_height: float) -> QTextBlock | None:
    """The first heading (``<h1>``..``<h6>``) ending a page while what it heads starts the next.

    What a heading heads is the first body row of a table right after it (its header rows, which
    Qt repeats on every page, are not enough) or else the next block. Lines count, not blocks:
    a block may begin on one page (its top margin) and have its first line on the next.
    """
    block = document.firstBlock()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and following.isValid():
            heading_page = _page(_first_line_top(document, block), page_height)
            if _page(_content_top(document, following), page_height) != heading_page:
                return block
        block = following
    return None


def _content_top(document: QTextDocument, block: QTextBlock) -> float:
    """Where the first line of content starting at ``block`` lies (a table: its first body row)."""
    table = QTextCursor(block).currentTable()
    if table is not None:
        row = table.format().headerRowCount()
        if row < table.rows():
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            return min(
                _first_line_top(document, cell.firstCursorPosition().block()) for cell in cells
            )
    return _first_line_top(document, block)


def _first_line_top(document: QTextDocument, block: QTextBlock) -> float:
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount() > 0:
        top += layout.lineAt(0).y()
    return top
