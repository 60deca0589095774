"""File > Print cheat sheet... and File > Export cheat sheet as PDF...

The controller turns the two menu intents into a print preview (``QPrintPreviewDialog`` with a
language picker in its tool bar; paper and printer come from the dialog's own page set-up) or
a PDF file (language and paper asked first, then the file name). The sheet's content comes
from ``sellerdesk.services.cheatsheet``; the layout from ``sellerdesk.gui.printing``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QWidget,
)

from sellerdesk.domain.policy.rules import RuleBook, load_rules
from sellerdesk.gui.language import rules_language
from sellerdesk.gui.printing.cheatsheet_pdf import RenderResult, page_layout, render, write_pdf
from sellerdesk.gui.views.cheatsheet_options_dialog import (
    CheatSheetOptionsDialog,
    fill_language_combo,
)
from sellerdesk.services.cheatsheet import build_cheatsheet


def default_paper(locale: QLocale | None = None) -> str:
    """US Letter where the locale measures in US units (US, Canada...), else A4."""
    system = (locale or QLocale()).measurementSystem()
    return "letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


class CheatSheetController(QObject):
    """Prints and exports the policy cheat sheet for the window it belongs to."""

    def __init__(
        self,
        window: QWidget,
        rules: Callable[[], RuleBook] = load_rules,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._rules = rules
        self.language = rules_language()
        self.paper = default_paper()
        self.last_render: RenderResult | None = None
        self._printer: QPrinter | None = None

    # --- menu -------------------------------------------------------------------------
    def install_actions(self, window) -> None:  # type: ignore[no-untyped-def]
        """File > Print cheat sheet... and File > Export cheat sheet as PDF..."""
        print_action = window.add_action(
            "file", self.tr("&Print Cheat Sheet..."), self.print_cheat_sheet
        )
        print_action.setObjectName("action_file_print_cheat_sheet")
        export_action = window.add_action(
            "file", self.tr("E&xport Cheat Sheet as PDF..."), self.export_pdf
        )
        export_action.setObjectName("action_file_export_cheat_sheet")

    # --- print preview ----------------------------------------------------------------
    def create_preview_dialog(self) -> QPrintPreviewDialog:
        """A print preview of the sheet, with the language to print in its tool bar."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        printer.setDocName(self.tr("SellerDesk policy cheat sheet"))
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setObjectName("cheatSheetPreview")
        dialog.setWindowTitle(self.tr("Print cheat sheet"))
        dialog.paintRequested.connect(self.paint)
        self._add_language_picker(dialog)
        self._printer = printer  # the dialog only points to it: keep it alive
        return dialog

    def _add_language_picker(self, dialog: QPrintPreviewDialog) -> None:
        toolbar = dialog.findChild(QToolBar)
        preview = dialog.findChild(QPrintPreviewWidget)
        combo = QComboBox(dialog)
        combo.setObjectName("cheatSheetLanguage")
        fill_language_combo(combo, self.language)

        def choose(_index: int) -> None:
            self.language = str(combo.currentData())
            if preview is not None:
                preview.updatePreview()

        combo.currentIndexChanged.connect(choose)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addWidget(QLabel(self.tr(" Language: "), dialog))
            toolbar.addWidget(combo)

    def paint(self, printer: QPrinter) -> None:
        """Lay the sheet out on ``printer`` (the preview's, or the real one when printing)."""
        sheet = build_cheatsheet(self.language, self._rules())
        self.last_render = render(sheet, printer)

    def print_cheat_sheet(self) -> None:
        self.create_preview_dialog().exec()

    # --- PDF export -------------------------------------------------------------------
    def export_pdf(self) -> None:
        """Ask for language, paper and file name, then write the PDF."""
        if not self.ask_options():
            return
        path = self.ask_path()
        if path is None:
            return
        try:
            result = self.write_to(path)
        except OSError as error:
            QMessageBox.warning(
                self._window,
                self.tr("Cheat sheet not saved"),
                self.tr("SellerDesk could not write {path}:\n{error}").format(
                    path=path, error=error
                ),
            )
            return
        self._show_status(
            self.tr("Cheat sheet saved to {path} ({pages} pages)").format(
                path=path, pages=result.pages
            )
        )

    def ask_options(self) -> bool:
        dialog = CheatSheetOptionsDialog(self.language, self.paper, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.language, self.paper = dialog.language(), dialog.paper()
        return True

    def ask_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"sellerdesk-cheatsheet-{self.language}-{self.paper}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Export cheat sheet as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def write_to(self, path: Path) -> RenderResult:
        """Write the sheet in the chosen language and paper to ``path``."""
        self.last_render = write_pdf(path, self.language, self.paper, self._rules())
        return self.last_render

    def _show_status(self, text: str) -> None:
        show_status = getattr(self._window, "show_status", None)
        if show_status is not None:  # the main window; a bare parent widget has no status bar
            show_status(text)


def install(window, context, hub) -> QObject:  # type: ignore[no-untyped-def]
    """Feature installer: the two cheat-sheet actions in the File menu."""
    controller = CheatSheetController(window, parent=window)
    controller.install_actions(window)
    return controller
