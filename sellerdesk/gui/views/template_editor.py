"""Dialog to edit, add, export and import reply templates.

A view: the list shows a ``TemplateListModel``; the form edits the selected template. Intents
go out as signals (``save_requested``, ``add_requested``...) to the controller, which calls
``TemplateService`` and refreshes the list.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.templates import KNOWN_PLACEHOLDERS, LANGUAGE_NAMES, LANGUAGES, Template
from sellerdesk.gui.models.template_model import TemplateListModel

ALL_LANGUAGES = ""


class TemplateEditorDialog(QDialog):
    """List of templates on the left, the selected one's texts on the right."""

    language_filter_changed = Signal(str)  # "" for every language
    save_requested = Signal(int, str, str, str)  # id, title, subject, body
    add_requested = Signal(str, str, str, str, str)  # key, language, title, subject, body
    delete_requested = Signal(int)
    export_requested = Signal(str)  # path
    import_requested = Signal(str)  # path
    seller_name_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("Reply templates"))
        self.resize(900, 560)
        self.model = TemplateListModel(show_language=True, parent=self)
        self._current_id: int | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list(splitter))
        splitter.addWidget(self._build_form(splitter))
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        self.show_template(None)

    # --- building ---------------------------------------------------------------------
    def _build_list(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.filter_combo = QComboBox(box)
        self.filter_combo.setObjectName("templateLanguageFilter")
        self.filter_combo.addItem(self.tr("All languages"), ALL_LANGUAGES)
        for code in LANGUAGES:
            self.filter_combo.addItem(LANGUAGE_NAMES[code], code)
        self.filter_combo.currentIndexChanged.connect(
            lambda: self.language_filter_changed.emit(self.language_filter())
        )
        self.list_view = QListView(box)
        self.list_view.setObjectName("templateList")
        self.list_view.setModel(self.model)
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        column.addWidget(self.filter_combo)
        column.addWidget(self.list_view, 1)
        return box

    def _build_form(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.key_edit = QLineEdit(box)
        self.key_edit.setObjectName("templateKey")
        self.key_edit.setPlaceholderText(self.tr("e.g. gift_wrap (same key for every language)"))
        self.language_combo = QComboBox(box)
        self.language_combo.setObjectName("templateLanguage")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.title_edit = QLineEdit(box)
        self.title_edit.setObjectName("templateTitle")
        self.subject_edit = QLineEdit(box)
        self.subject_edit.setObjectName("templateSubject")
        self.body_edit = QPlainTextEdit(box)
        self.body_edit.setObjectName("templateBody")
        form.addRow(self.tr("Key:"), self.key_edit)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        column.addLayout(form)
        column.addWidget(self.body_edit, 1)
        names = "  ".join("{" + name + "}" for name in KNOWN_PLACEHOLDERS)
        help_label = QLabel(
            self.tr(
                "Placeholders: {names}. SellerDesk fills the order's values and asks for the "
                "others. Write {{{{ and }}}} for literal braces."
            ).format(names=names),
            box,
        )
        help_label.setWordWrap(True)
        help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(help_label)
        seller_row = QFormLayout()
        self.seller_name_edit = QLineEdit(box)
        self.seller_name_edit.setObjectName("sellerName")
        self.seller_name_edit.setPlaceholderText(self.tr("used for {seller_name}"))
        self.seller_name_edit.editingFinished.connect(
            lambda: self.seller_name_changed.emit(self.seller_name_edit.text())
        )
        seller_row.addRow(self.tr("Your shop name:"), self.seller_name_edit)
        column.addLayout(seller_row)
        self.error_label = QLabel(box)
        self.error_label.setObjectName("templateError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        column.addWidget(self.error_label)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = [
            ("templateNew", self.tr("&New"), self.start_new),
            ("templateSave", self.tr("&Save"), self._on_save),
            ("templateDelete", self.tr("&Delete"), self._on_delete),
            ("templateImport", self.tr("&Import…"), self._on_import),
            ("templateExport", self.tr("E&xport…"), self._on_export),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in specs:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("templateClose")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        return row

    # --- state ------------------------------------------------------------------------
    def language_filter(self) -> str:
        return str(self.filter_combo.currentData() or ALL_LANGUAGES)

    def set_templates(self, templates: list[Template], select_id: int | None = None) -> None:
        self.model.set_templates(templates)
        wanted = select_id if select_id is not None else self._current_id
        row = self.model.row_of(template_id=wanted) if wanted is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self.show_template(None)

    def set_seller_name(self, name: str) -> None:
        self.seller_name_edit.setText(name)

    def _on_current(self) -> None:
        self.show_template(self.model.template(self.list_view.currentIndex().row()))

    def show_template(self, template: Template | None) -> None:
        """Show one template (key and language fixed), or an empty form for a new one."""
        self._current_id = template.id if template else None
        self.key_edit.setText(template.key if template else "")
        self.key_edit.setReadOnly(template is not None)
        index = self.language_combo.findData(template.language if template else "en")
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.setEnabled(template is None)
        self.title_edit.setText(template.title if template else "")
        self.subject_edit.setText(template.subject if template else "")
        self.body_edit.setPlainText(template.body if template else "")
        self.buttons["templateDelete"].setEnabled(template is not None)
        self.error_label.clear()

    def start_new(self) -> None:
        """An empty form; a new variant of the selected key keeps its key."""
        key = self.key_edit.text() if self._current_id is not None else ""
        self.list_view.setCurrentIndex(QModelIndex())
        self.show_template(None)
        self.key_edit.setText(key)
        self.title_edit.setFocus()

    def current_id(self) -> int | None:
        return self._current_id

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    # --- intents ----------------------------------------------------------------------
    def _on_save(self) -> None:
        title, subject, body = (
            self.title_edit.text(),
            self.subject_edit.text(),
            self.body_edit.toPlainText(),
        )
        if self._current_id is None:
            language = str(self.language_combo.currentData())
            self.add_requested.emit(self.key_edit.text(), language, title, subject, body)
        else:
            self.save_requested.emit(self._current_id, title, subject, body)

    def _on_delete(self) -> None:
        if self._current_id is not None:
            self.delete_requested.emit(self._current_id)

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export templates"),
            "sellerdesk-templates.json",
            self.tr("Template files (*.json)"),
        )
        if path:
            self.export_requested.emit(path)

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import templates"), "", self.tr("Template files (*.json)")
        )
        if path:
            self.import_requested.emit(path)
