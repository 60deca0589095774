"""Which of the rules file's two languages the GUI shows: Simplified Chinese or English."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget


def rules_language(widget: QWidget | None = None) -> str:
    """ "zh-CN" when the UI locale (the widget's, else the default) is Chinese, else "en"."""
    locale = widget.locale() if widget is not None else QLocale()
    return "zh-CN" if locale.language() == QLocale.Language.Chinese else "en"
