"""``RowListModel``: the shared shape of SellerDesk's flat table models.

Most GUI tables show a Python list of rows (dataclasses from the services), one value per row,
under a fixed set of columns. This base class holds that list and answers the Qt calls that
depend only on it: ``rowCount``, ``columnCount`` and the horizontal header titles. A subclass
sets ``column_count``, returns its translated titles from ``headers()`` (with its own
``self.tr``, so the strings stay in the subclass's translation context) and implements
``data()``, typically starting with ``row_for(index)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowListModel(QAbstractTableModel, Generic[RowT]):
    """A table over a list of rows: ``set_rows`` replaces them, ``row_at`` reads one."""

    column_count = 0  # set by each subclass; ``headers()`` returns as many titles

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- rows ----------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[RowT]) -> None:
        """Replace every row (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT | None:
        """The row value at ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, index: Index) -> RowT | None:
        """The row value ``index`` points into, or None for an invalid or stale index."""
        return self.row_at(index.row()) if index.isValid() else None

    def find_row(self, match: Callable[[RowT], bool]) -> int:
        """The first row whose value ``match`` accepts, or -1."""
        return next((row for row, value in enumerate(self._rows) if match(value)), -1)

    def refresh_columns(self, first: int = 0, last: int | None = None) -> None:
        """Tell views the cells of columns ``first``..``last`` (default: all) may read anew."""
        if self._rows:
            end = self.column_count - 1 if last is None else last
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, end))

    # -- Qt model API --------------------------------------------------------------------
    def headers(self) -> list[str]:
        """The column titles, translated, in column order (``column_count`` of them)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.column_count

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section] if 0 <= section < self.column_count else None
