"""A small dialog asking which cheat sheet to make: language and paper size."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

LANGUAGE_CODES = ("en", "zh-CN", "bilingual")
PAPER_CODES = ("a4", "letter")


def fill_language_combo(combo: QComboBox, selected: str) -> None:
    """Add the sheet's languages (item data = code) and select ``selected``."""
    names = {
        "en": QCoreApplication.translate("CheatSheetOptionsDialog", "English"),
        "zh-CN": QCoreApplication.translate(
            "CheatSheetOptionsDialog", "Simplified Chinese (简体中文)"
        ),
        "bilingual": QCoreApplication.translate(
            "CheatSheetOptionsDialog", "Bilingual (English + 简体中文)"
        ),
    }
    for code in LANGUAGE_CODES:
        combo.addItem(names[code], code)
    combo.setCurrentIndex(max(0, combo.findData(selected)))


class CheatSheetOptionsDialog(QDialog):
    """Language and paper for the cheat sheet; read ``language()`` and ``paper()`` after exec."""

    def __init__(self, language: str, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheetOptionsDialog")
        self.setWindowTitle(self.tr("Export cheat sheet as PDF"))
        self._language = QComboBox(self)
        self._language.setObjectName("cheatSheetLanguage")
        fill_language_combo(self._language, language)
        self._paper = QComboBox(self)
        self._paper.setObjectName("cheatSheetPaper")
        self._paper.addItem(self.tr("A4"), "a4")
        self._paper.addItem(self.tr("US Letter"), "letter")
        self._paper.setCurrentIndex(max(0, self._paper.findData(paper)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self._language)
        form.addRow(self.tr("&Paper:"), self._paper)
        form.addRow(buttons)

    def language(self) -> str:
        return str(self._language.currentData())

    def paper(self) -> str:
        return str(self._paper.currentData())

    def set_language(self, code: str) -> None:
        self._language.setCurrentIndex(self._language.findData(code))

    def set_paper(self, code: str) -> None:
        self._paper.setCurrentIndex(self._paper.findData(code))
