"""The policy sidebar: "may I contact this buyer?", the draft's findings, rules at a glance.

A view only. The controller fills it (:meth:`show_advice`, the findings model, the rules list)
and listens to its intent signal ``purpose_changed``. Rule texts come in the UI language the
controller chose (English or Simplified Chinese); every other visible string goes through
``self.tr()``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.policy.advisor import (
    ADVISOR_PURPOSES,
    ALLOWED,
    BLOCKED,
    CONDITION,
    CONDITIONAL,
    NOT_ALLOWED,
    PURPOSE_LABELS,
    Advice,
)
from sellerdesk.domain.policy.model import Finding
from sellerdesk.domain.policy.rules import Rule, RuleBook
from sellerdesk.gui.models.findings_model import (
    COL_EXPLANATION,
    COL_RULE,
    FindingRole,
    FindingsModel,
)

STATUS_COLORS = {ALLOWED: "#2e7d32", CONDITIONAL: "#8a5300", NOT_ALLOWED: "#b00020"}
MIN_VIEW_HEIGHT = 28
SPLITTER_SIZES = (320, 300, 220)  # advisor, findings, rules at a glance
REASON_MARKS = {BLOCKED: "✗", CONDITION: "!", "ok": "✓", "info": "•"}


class PolicySidebar(QWidget):
    """Advisor, findings and rules at a glance, stacked in one dock."""

    purpose_changed = Signal(str)

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policySidebar")
        self._language = "en"
        self._rules: RuleBook | None = None
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # In a scroll area: the dock shares the right edge with other docks on small screens,
        # so the sidebar must not force the window taller than the screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical, scroll)
        splitter.setContentsMargins(6, 6, 6, 6)
        splitter.addWidget(self._build_advisor())
        splitter.addWidget(self._build_findings())
        splitter.addWidget(self._build_glance())
        for index, stretch in enumerate(SPLITTER_SIZES):
            splitter.setStretchFactor(index, stretch)
        splitter.setSizes(list(SPLITTER_SIZES))
        scroll.setWidget(splitter)
        layout.addWidget(scroll)
        for view in (self.reasons_view, self.findings_view, self.detail_view, self.glance_view):
            view.setMinimumHeight(MIN_VIEW_HEIGHT)

    # -- building ------------------------------------------------------------------------
    def _build_advisor(self) -> QGroupBox:
        box = QGroupBox(self.tr("May I contact this buyer?"), self)
        form = QFormLayout(box)
        self.purpose_picker = QComboBox(box)
        self.purpose_picker.setObjectName("policyPurpose")
        for purpose in ADVISOR_PURPOSES:
            self.purpose_picker.addItem(PURPOSE_LABELS[purpose][0], purpose)
        self.purpose_picker.currentIndexChanged.connect(self._on_purpose)
        self.verdict_label = QLabel(box)
        self.verdict_label.setObjectName("policyVerdict")
        self.reasons_view = QTextBrowser(box)
        self.reasons_view.setObjectName("policyReasons")
        self.reasons_view.setOpenExternalLinks(True)
        purpose_label = QLabel(self.tr("&Purpose:"), box)
        purpose_label.setBuddy(self.purpose_picker)
        form.addRow(purpose_label, self.purpose_picker)
        form.addRow(self.tr("Answer:"), self.verdict_label)
        form.addRow(self.reasons_view)
        return box

    def _build_findings(self) -> QGroupBox:
        box = QGroupBox(self.tr("This draft"), self)
        layout = QVBoxLayout(box)
        self.summary_label = QLabel(box)
        self.summary_label.setObjectName("policyDraftSummary")
        self.summary_label.setWordWrap(True)
        self.findings_view = QTableView(box)
        self.findings_view.setObjectName("policyFindings")
        self.findings_view.setModel(self.model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings_view.setWordWrap(False)
        self.findings_view.verticalHeader().hide()
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EXPLANATION, QHeaderView.ResizeMode.Stretch)
        self.findings_view.setColumnHidden(COL_EXPLANATION, True)
        header.setSectionResizeMode(COL_RULE, QHeaderView.ResizeMode.Stretch)
        self.findings_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._select_first)
        self.detail_view = QTextBrowser(box)
        self.detail_view.setObjectName("policyFindingDetail")
        self.detail_view.setOpenExternalLinks(True)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.findings_view, 3)
        layout.addWidget(self.detail_view, 2)
        return box

    def _build_glance(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rules at a glance"), self)
        layout = QVBoxLayout(box)
        self.glance_view = QTextBrowser(box)
        self.glance_view.setObjectName("policyGlance")
        self.glance_view.setOpenExternalLinks(True)
        layout.addWidget(self.glance_view)
        return box

    # -- filling -------------------------------------------------------------------------
    def set_rules(self, rules: RuleBook, language: str, glance_ids: tuple[str, ...]) -> None:
        self._rules = rules
        self._language = language
        if language.startswith("zh"):
            for row, purpose in enumerate(ADVISOR_PURPOSES):
                self.purpose_picker.setItemText(row, PURPOSE_LABELS[purpose][1])
        items = []
        for rule_id in glance_ids:
            rule = rules.get(rule_id)
            figure = f" <b>{html.escape(rule.figure.text(language))}</b>" if rule.figure else ""
            items.append(
                f"<li><a href='{html.escape(rule.source_url)}'>{html.escape(rule.id)}</a> "
                f"{html.escape(rule.title.text(language))}{figure}</li>"
            )
        self.glance_view.setHtml(f"<ul style='margin-left:-20px'>{''.join(items)}</ul>")

    def purpose(self) -> str:
        return str(self.purpose_picker.currentData())

    def set_purpose(self, purpose: str) -> None:
        index = self.purpose_picker.findData(purpose)
        if index >= 0:
            self.purpose_picker.setCurrentIndex(index)

    def show_advice(self, advice: Advice | None) -> None:
        """The advisor's answer for the selected conversation, or a hint when there is none."""
        if advice is None:
            self.verdict_label.setText(self.tr("Select a conversation"))
            self.verdict_label.setStyleSheet("")
            self.reasons_view.clear()
            return
        texts = {
            ALLOWED: self.tr("Allowed"),
            CONDITIONAL: self.tr("Allowed with conditions"),
            NOT_ALLOWED: self.tr("Not allowed"),
        }
        self.verdict_label.setText(texts[advice.status])
        self.verdict_label.setStyleSheet(
            f"font-weight: bold; color: {STATUS_COLORS[advice.status]};"
        )
        rows = []
        for reason in advice.reasons:
            mark = REASON_MARKS.get(reason.status, "•")
            rows.append(
                f"<p style='margin:2px'>{mark} {html.escape(reason.text(self._language))} "
                f"<span style='color:#777'>[{self._rule_link(reason.rule)}]</span></p>"
            )
        self.reasons_view.setHtml("".join(rows))

    def show_summary(self, blocks: int, warnings: int) -> None:
        if blocks:
            text = self.tr("%n finding(s) would get this message blocked.", "", blocks)
            color = STATUS_COLORS[NOT_ALLOWED]
        elif warnings:
            text = self.tr("%n warning(s); the message can be sent.", "", warnings)
            color = STATUS_COLORS[CONDITIONAL]
        else:
            text = self.tr("No findings: nothing in this draft breaks a checked rule.")
            color = STATUS_COLORS[ALLOWED]
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(f"color: {color}; font-weight: bold;")

    def _rule_link(self, rule_id: str) -> str:
        if self._rules is None or rule_id not in self._rules:
            return html.escape(rule_id)
        url = self._rules.get(rule_id).source_url
        return f"<a href='{html.escape(url)}'>{html.escape(rule_id)}</a>"

    def show_finding(self, finding: Finding | None) -> None:
        """Explanation, why, compliant alternative and source of one finding."""
        if finding is None or self._rules is None:
            self.detail_view.clear()
            return
        rule: Rule = self._rules.get(finding.rule)
        lang = self._language
        explanation = finding.message if lang == "en" else rule.explanation.text(lang)
        # Translated outside the f-strings: pyside6-lupdate does not look inside them.
        why_label = self.tr("Why:")
        alternative_label = self.tr("Compliant alternative:")
        source_label = self.tr("Source")
        confidence = self.tr("confidence: {level}").format(level=rule.confidence)
        checked = self.tr("checked {date}").format(date=rule.last_checked.isoformat())
        parts = [
            f"<p><b>{html.escape(rule.id)} · {html.escape(rule.title.text(lang))}</b></p>",
            f"<p>{html.escape(explanation)}</p>",
            f"<p><i>{html.escape(why_label)}</i> {html.escape(rule.why.text(lang))}</p>",
        ]
        if rule.compliant_example:
            parts.append(
                f"<p><i>{html.escape(alternative_label)}</i> "
                f"{html.escape(rule.compliant_example.text(lang))}</p>"
            )
        parts.append(
            f"<p><a href='{html.escape(rule.source_url)}'>{html.escape(source_label)}</a> · "
            f"{html.escape(confidence)} · {html.escape(checked)}</p>"
        )
        self.detail_view.setHtml("".join(parts))

    # -- intents -------------------------------------------------------------------------
    def _on_purpose(self, _index: int) -> None:
        self.purpose_changed.emit(self.purpose())

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        finding = self.model.data(indexes[0], FindingRole) if indexes else None
        self.show_finding(finding if isinstance(finding, Finding) else None)

    def _select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.findings_view.selectRow(0)
        else:
            self.show_finding(None)
