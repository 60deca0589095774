"""``FindingsModel``: the current draft's policy findings, one row per finding.

Columns: severity, rule (id and title), where (the offending words, or "subject" / "whole
message"), explanation. Block rows are tinted red and warnings amber. Custom roles give views
the :class:`~sellerdesk.domain.policy.model.Finding` itself, its rule id and severity. Rule
titles and explanations come from the rules file, in English or Simplified Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from sellerdesk.domain.policy.model import Finding
from sellerdesk.domain.policy.rules import RuleBook, load_rules
from sellerdesk.gui.models.base import Index, RowListModel

COL_SEVERITY, COL_RULE, COL_WHERE, COL_EXPLANATION = range(4)
COLUMN_COUNT = 4

FindingRole = Qt.ItemDataRole.UserRole + 1  # the Finding
RuleIdRole = Qt.ItemDataRole.UserRole + 2  # "CNT-LINK"
SeverityRole = Qt.ItemDataRole.UserRole + 3  # "block", "warn", "info"

BACKGROUNDS = {"block": "#fde0e0", "warn": "#fff1cc"}
FOREGROUNDS = {"block": "#b00020", "warn": "#8a5300", "info": "#555555"}
_EXCERPT_LIMIT = 40


class FindingsModel(RowListModel[Finding]):
    """Findings of the draft in the composer, in text order."""

    column_count = COLUMN_COUNT

    def __init__(self, rules: RuleBook | None = None, language: str = "en", parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rules = rules or load_rules()
        self._language = language
        self._text = ""

    # -- filling -------------------------------------------------------------------------
    def set_findings(self, findings: tuple[Finding, ...] | list[Finding], text: str) -> None:
        """Show ``findings`` of ``text`` (the body their offsets index)."""
        self._text = text
        self.set_rows(findings)

    def set_language(self, language: str) -> None:
        self.beginResetModel()
        self._language = language
        self.endResetModel()

    def findings(self) -> list[Finding]:
        return list(self._rows)

    # -- Qt model API --------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Severity"), self.tr("Rule"), self.tr("Where"), self.tr("Why")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        finding = self.row_for(index)
        if finding is None:
            return None
        if role == FindingRole:
            return finding
        if role == RuleIdRole:
            return finding.rule
        if role == SeverityRole:
            return finding.severity
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(finding, index.column(), role)
        if role == Qt.ItemDataRole.BackgroundRole and finding.severity in BACKGROUNDS:
            return QBrush(QColor(BACKGROUNDS[finding.severity]))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_SEVERITY:
            return QBrush(QColor(FOREGROUNDS.get(finding.severity, "#000000")))
        return None

    def _display(self, finding: Finding, column: int, role: int) -> str:
        rule = self._rules.get(finding.rule)
        if column == COL_SEVERITY:
            return self.severity_text(finding.severity)
        if column == COL_RULE:
            return f"{finding.rule} · {rule.title.text(self._language)}"
        if column == COL_WHERE:
            return self._where(finding, full=role == Qt.ItemDataRole.ToolTipRole)
        return (
            rule.explanation.text(self._language)
            if role == Qt.ItemDataRole.DisplayRole
            else (finding.message)
        )

    def severity_text(self, severity: str) -> str:
        return {
            "block": self.tr("Blocks"),
            "warn": self.tr("Warning"),
            "info": self.tr("Note"),
        }.get(severity, severity)

    def _where(self, finding: Finding, full: bool = False) -> str:
        if finding.field == "subject":
            return self.tr("Subject")
        if finding.whole_message:
            return self.tr("Whole message")
        excerpt = " ".join(self._text[finding.start : finding.end].split())
        if not full and len(excerpt) > _EXCERPT_LIMIT:
            excerpt = excerpt[: _EXCERPT_LIMIT - 1] + "…"
        return f"“{excerpt}”"
