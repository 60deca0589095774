"""``TemplateListModel``: reply templates for the composer's picker and the template editor.

A thin list model over ``Template`` values (the controller fills it from ``TemplateService``).
Custom roles expose the id, key, language and builtin flag; the tooltip lists placeholders.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sellerdesk.domain.templates import Template

IdRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2
LanguageRole = Qt.ItemDataRole.UserRole + 3
BuiltinRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class TemplateListModel(QAbstractListModel):
    """One row per template; ``show_language`` adds the language to each title."""

    def __init__(self, show_language: bool = False, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._templates: list[Template] = []
        self._show_language = show_language

    def set_templates(self, templates: list[Template]) -> None:
        self.beginResetModel()
        self._templates = list(templates)
        self.endResetModel()

    def template(self, row: int) -> Template | None:
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def row_of(self, template_id: int | None = None, key: str | None = None) -> int:
        """Row of the template with ``template_id`` (or the first with ``key``); -1 if none."""
        for row, template in enumerate(self._templates):
            if template_id is not None and template.id == template_id:
                return row
            if template_id is None and key is not None and template.key == key:
                return row
        return -1

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._templates)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._templates):
            return None
        template = self._templates[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self._show_language:
                return f"{template.title} [{template.language}]"
            return template.title
        if role == Qt.ItemDataRole.ToolTipRole:
            names = ", ".join("{" + name + "}" for name in template.placeholders())
            return f"{template.key} ({template.language}) {names}".strip()
        return {
            IdRole: template.id,
            KeyRole: template.key,
            LanguageRole: template.language,
            BuiltinRole: template.builtin,
        }.get(role)
