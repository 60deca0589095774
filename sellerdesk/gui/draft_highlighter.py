"""``DraftHighlighter``: underlines policy findings in any QTextEdit / QPlainTextEdit.

Attach it to an editor with :func:`attach_highlighter` (or construct it on the editor's
document and call :meth:`DraftHighlighter.install_tooltips`). After each edit it waits for a
short pause (``DEBOUNCE_MS``), runs the checker once on the whole text and underlines every
finding with a wavy line (red: blocks sending; amber: warning). Hovering an underline shows
the rule, its plain-language explanation and a compliant example in a tooltip.

The checker is a callable ``text -> CheckResult``, so the caller decides the context (reply or
proactive, purpose, delivery date, subject). Offsets: the checker counts Python characters;
Qt counts UTF-16 units, so emojis and other characters outside the BMP are converted here.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from sellerdesk.domain.policy.model import CheckResult, Finding
from sellerdesk.domain.policy.rules import RuleBook, load_rules

DEBOUNCE_MS = 150
COLORS = {"block": "#d0021b", "warn": "#e69500", "info": "#4a90e2"}
BACKGROUNDS = {"block": "#fdecea", "warn": "#fff6dd"}

Checker = Callable[[str], CheckResult]
Editor = QTextEdit | QPlainTextEdit


class Utf16Offsets:
    """Python string index -> UTF-16 offset (Qt's positions) for one text."""

    def __init__(self, text: str) -> None:
        self._wide = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]

    def __call__(self, index: int) -> int:
        return index + bisect_right(self._wide, index - 1) if self._wide else index


class DraftHighlighter(QSyntaxHighlighter):
    """Wavy-underlines the findings of the last check of its document."""

    checked = Signal(object)  # CheckResult of the current text

    def __init__(
        self,
        document: QTextDocument,
        checker: Checker,
        rules: RuleBook | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(document)
        self._checker = checker
        self._rules = rules or load_rules()
        self._language = language
        self._result = CheckResult()
        self._text = ""
        self._spans: list[tuple[int, int, Finding]] = []  # UTF-16 start, end, finding
        self._formats = {
            severity: self._format(color, BACKGROUNDS.get(severity))
            for severity, color in COLORS.items()
        }
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        document.contentsChanged.connect(self._timer.start)
        self._timer.start()

    @staticmethod
    def _format(color: str, background: str | None) -> QTextCharFormat:
        text_format = QTextCharFormat()
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        text_format.setUnderlineColor(QColor(color))
        if background:
            text_format.setBackground(QColor(background))
        return text_format

    # -- checking ------------------------------------------------------------------------
    @property
    def result(self) -> CheckResult:
        return self._result

    def set_checker(self, checker: Checker) -> None:
        """Use another checker (the context changed) and check again at once."""
        self._checker = checker
        self.check_now()

    def set_language(self, language: str) -> None:
        self._language = language

    def schedule(self) -> None:
        """Check after the debounce pause (e.g. when the subject changed)."""
        self._timer.start()

    def check_now(self) -> CheckResult:
        self._timer.stop()
        document = self.document()
        text = document.toPlainText() if document is not None else ""
        self._text = text
        self._result = self._checker(text)
        offsets = Utf16Offsets(text)
        self._spans = [
            (offsets(f.start), offsets(f.end), f)
            for f in self._result.findings
            if f.field == "body" and not f.whole_message and f.end > f.start
        ]
        self.rehighlight()
        self.checked.emit(self._result)
        return self._result

    # -- painting ------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        start = block.position()
        end = start + block.length()
        for span_start, span_end, finding in self._spans:
            if span_end <= start or span_start >= end:
                continue
            first = max(span_start, start) - start
            last = min(span_end, end) - start
            self.setFormat(
                first, last - first, self._formats.get(finding.severity, self._formats["warn"])
            )

    # -- tooltips ------------------------------------------------------------------------
    def findings_at(self, position: int) -> list[Finding]:
        """Findings whose underline covers document position ``position`` (UTF-16)."""
        return [f for start, end, f in self._spans if start <= position < end]

    def tooltip_html(self, findings: list[Finding]) -> str:
        parts = []
        for finding in findings:
            rule = self._rules.get(finding.rule)
            language = self._language
            example = rule.compliant_example.text(language) if rule.compliant_example else ""
            # The finding's message is English; other languages use the rule's explanation.
            explanation = finding.message if language == "en" else rule.explanation.text(language)
            parts.append(
                f"<p><b>{html.escape(finding.rule)}</b> · {html.escape(rule.title.text(language))}"
                f"<br>{html.escape(explanation)}"
                + (f"<br><i>{html.escape(example)}</i>" if example else "")
                + "</p>"
            )
        return "".join(parts)

    def install_tooltips(self, editor: Editor) -> None:
        """Show the findings under the mouse in a tooltip over ``editor``."""
        _TooltipFilter(editor, self)


class _TooltipFilter(QObject):
    def __init__(self, editor: Editor, highlighter: DraftHighlighter) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        editor.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.ToolTip:
            return False
        position: QPoint = event.pos()  # type: ignore[attr-defined]
        cursor = self._editor.cursorForPosition(position)
        findings = self._highlighter.findings_at(cursor.position())
        if findings:
            QToolTip.showText(
                event.globalPos(),  # type: ignore[attr-defined]
                self._highlighter.tooltip_html(findings),
                self._editor.viewport(),
            )
        else:
            QToolTip.hideText()
        return True


def attach_highlighter(
    editor: Editor, checker: Checker, rules: RuleBook | None = None, language: str = "en"
) -> DraftHighlighter:
    """Underline findings in ``editor`` as the seller types; tooltips explain them."""
    highlighter = DraftHighlighter(editor.document(), checker, rules, language)
    highlighter.install_tooltips(editor)
    editor.setMouseTracking(True)
    return highlighter


__all__ = ["DraftHighlighter", "Utf16Offsets", "attach_highlighter"]
