"""How the returns tables (checklist, due cases) show a deadline's urgency.

A row is tinted red when its deadline has passed and amber when it falls within 24 hours, with
text to match (overdue also in bold); settled steps read green ("done") or grey ("not
applicable"). The urgency words are those of ``StepState.urgency``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

BACKGROUNDS = {"overdue": "#fde0e0", "due_soon": "#fff1cc"}
FOREGROUNDS = {
    "overdue": "#b00020",
    "due_soon": "#8a5300",
    "done": "#2e7d32",
    "not_applicable": "#7a7a7a",
}
DECORATION_ROLES = frozenset(
    {
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    }
)


def decoration(role: int, urgency: str) -> object:
    """The background brush, text brush or font (``role``) of a row at ``urgency``, or None."""
    if role == Qt.ItemDataRole.FontRole:
        return _bold() if urgency == "overdue" else None
    if role == Qt.ItemDataRole.BackgroundRole:
        colour = BACKGROUNDS.get(urgency)
    elif role == Qt.ItemDataRole.ForegroundRole:
        colour = FOREGROUNDS.get(urgency)
    else:
        return None
    return QBrush(QColor(colour)) if colour else None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
