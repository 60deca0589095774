"""``ReturnsPane``: the return case of the selected order as a checklist.

Shows the case (item, ASIN, quantity, reason, buyer comment, carrier and tracking, amounts, the
marketplace's rules in force), the checklist with deadlines (overdue and due-soon highlighted),
the guardrails with their rule ids, facts only the seller knows and the evidence files. It
holds no business logic: every action is an intent signal the returns controller carries out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QDateTime, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.returns.checklist import StepState
from sellerdesk.gui.models.checklist_model import COL_NOTE, COL_STEP, ChecklistModel, StepIdRole

LEVEL_COLOURS = {"block": "#b00020", "warn": "#8a5300", "info": "#1d4f91"}
THUMBNAIL = QSize(48, 48)
NOTE_COLUMN_WIDTH = 110


@dataclass(frozen=True)
class GuardrailLine:
    """One guardrail as the pane shows it (texts prepared by the controller)."""

    rule_id: str
    level: str
    headline: str
    explanation: str


@dataclass(frozen=True)
class EvidenceLine:
    name: str
    path: str
    is_image: bool
    note: str


class ReturnsPane(QWidget):
    """The checklist pane; emits what the seller wants done."""

    mark_requested = Signal(str, str, object, str)  # step id, status, aware datetime, note
    open_case_requested = Signal()
    attach_requested = Signal(list)  # file paths
    export_requested = Signal(str)  # PDF path
    facts_requested = Signal(dict)  # {"item_received_at": datetime, ...}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnsPane")
        self._tz: dt.tzinfo = dt.UTC
        self._order_id = ""
        self._help: dict[str, tuple[str, str, str | None]] = {}
        self.model = ChecklistModel(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_empty_page())
        self._stack.addWidget(self._build_case_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._stack)
        self.show_nothing()

    # -- building ------------------------------------------------------------------------------
    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        self._empty_label = QLabel(page)
        self._empty_label.setWordWrap(True)
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._open_button = QPushButton(self.tr("Open a return case for this order"), page)
        self._open_button.clicked.connect(self.open_case_requested)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._empty_label)
        layout.addWidget(self._open_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _build_case_page(self) -> QWidget:
        page = QWidget(self)
        self._title = QLabel(page)
        self._title.setObjectName("returnsTitle")
        self._title.setTextFormat(Qt.TextFormat.RichText)
        self._title.setWordWrap(True)
        checklist = QWidget(page)
        checklist_layout = QVBoxLayout(checklist)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        checklist_layout.addWidget(self._build_table(checklist), 1)
        self._step_help = QLabel(checklist)
        self._step_help.setObjectName("returnsStepHelp")
        self._step_help.setWordWrap(True)
        self._step_help.setTextFormat(Qt.TextFormat.RichText)
        checklist_layout.addWidget(self._step_help)
        checklist_layout.addLayout(self._build_mark_row(checklist))
        self._tabs = QTabWidget(page)
        self._tabs.setObjectName("returnsTabs")
        self._tabs.addTab(self._build_guardrails(self._tabs), "")
        self._tabs.addTab(self._build_details(self._tabs), self.tr("Case"))
        self._tabs.addTab(self._build_facts(self._tabs), self.tr("Facts"))
        self._tabs.addTab(self._build_evidence(self._tabs), "")
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setObjectName("returnsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(checklist)
        splitter.addWidget(self._tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(splitter, 1)
        return page

    def _build_guardrails(self, parent: QWidget) -> QScrollArea:
        self._guardrails = self._rich_label("returnsGuardrails", parent)
        return self._scrolled(self._guardrails, parent)

    def _scrolled(self, widget: QWidget, parent: QWidget) -> QScrollArea:
        area = QScrollArea(parent)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        widget.setContentsMargins(6, 6, 6, 6)
        area.setWidget(widget)
        return area

    def _rich_label(self, name: str, parent: QWidget) -> QLabel:
        """A wrapping, selectable rich-text label read from the top left."""
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_details(self, parent: QWidget) -> QScrollArea:
        self._details = self._rich_label("returnsDetails", parent)
        return self._scrolled(self._details, parent)

    def _build_table(self, parent: QWidget) -> QTableView:
        self.table = QTableView(parent)
        self.table.setObjectName("returnsChecklist")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STEP, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_NOTE, NOTE_COLUMN_WIDTH)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        return self.table

    def _build_mark_row(self, parent: QWidget) -> QVBoxLayout:
        self._when = QDateTimeEdit(parent)
        self._when.setCalendarPopup(True)
        self._when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._when.setToolTip(self.tr("When the step was done (your time zone)"))
        self._note = QLineEdit(parent)
        self._note.setPlaceholderText(self.tr("Note (optional)"))
        self._done_button = QPushButton(self.tr("Mark &done"), parent)
        self._na_button = QPushButton(self.tr("Not &applicable"), parent)
        self._reopen_button = QPushButton(self.tr("&Reopen"), parent)
        self._done_button.clicked.connect(lambda: self._emit_mark("done"))
        self._na_button.clicked.connect(lambda: self._emit_mark("not_applicable"))
        self._reopen_button.clicked.connect(lambda: self._emit_mark("open"))
        first = QHBoxLayout()
        first.addWidget(self._when)
        first.addWidget(self._note, 1)
        second = QHBoxLayout()
        second.addWidget(self._done_button)
        second.addWidget(self._na_button)
        second.addWidget(self._reopen_button)
        second.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def _build_facts(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        self._received = QDateTimeEdit(box)
        self._received.setCalendarPopup(True)
        self._received.setDisplayFormat("yyyy-MM-dd HH:mm")
        received_button = QPushButton(self.tr("Set as item received"), box)
        received_button.clicked.connect(self._emit_received)
        self._decision_button = QPushButton(self.tr("Set as A-to-z decision date"), box)
        self._decision_button.clicked.connect(self._emit_decision)
        received_row = QHBoxLayout()
        received_row.addWidget(self._received, 1)
        received_row.addWidget(received_button)
        self._fee = QDoubleSpinBox(box)
        self._fee.setRange(0, 100)
        self._fee.setSuffix(" %")
        self._fee.setDecimals(0)
        self._fee.setKeyboardTracking(False)
        self._fee.valueChanged.connect(self._emit_fee)
        self._international = QCheckBox(self.tr("Shipped from another country"), box)
        self._international.clicked.connect(
            lambda checked: self.facts_requested.emit({"international": bool(checked)})
        )
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # stays narrow in a dock
        form.addRow(self.tr("Date and time:"), received_row)
        form.addRow("", self._decision_button)
        form.addRow(self.tr("Planned restocking fee:"), self._fee)
        form.addRow("", self._international)
        return box

    def _build_evidence(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        self._evidence = QListWidget(box)
        self._evidence.setObjectName("returnsEvidence")
        self._evidence.setIconSize(THUMBNAIL)
        attach = QPushButton(self.tr("Attach &files…"), box)
        attach.clicked.connect(self._choose_files)
        export = QPushButton(self.tr("&Export case file PDF…"), box)
        export.clicked.connect(self.request_export)
        buttons = QVBoxLayout()
        buttons.addWidget(attach)
        buttons.addWidget(export)
        buttons.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addWidget(self._evidence, 1)
        layout.addLayout(buttons)
        return box

    # -- showing -------------------------------------------------------------------------------
    def show_nothing(self) -> None:
        self._order_id = ""
        self.model.clear()
        self._empty_label.setText(self.tr("Select a conversation to see its return case."))
        self._open_button.hide()
        self._stack.setCurrentIndex(0)

    def show_no_case(self, order_id: str | None) -> None:
        self._order_id = order_id or ""
        self.model.clear()
        if order_id:
            self._empty_label.setText(
                self.tr("Order {order} has no return case.").format(order=order_id)
            )
            self._open_button.show()
        else:
            self._empty_label.setText(self.tr("This conversation is not about an order."))
            self._open_button.hide()
        self._stack.setCurrentIndex(0)

    def set_checklist(
        self,
        steps: Sequence[StepState],
        titles: dict[str, str],
        tz: dt.tzinfo,
        now: dt.datetime,
        help_texts: dict[str, tuple[str, str, str | None]] | None = None,
    ) -> None:
        """Fill the checklist, keeping the selected step selected. ``help_texts`` maps a step
        id to (what to do, why, Amazon's figure) for the line under the table."""
        self._help = dict(help_texts or {})
        selected = self.selected_step()
        self.model.set_steps(steps, titles, tz, now)
        self.select_step(selected or self._first_open_step())

    def show_case(
        self,
        title_html: str,
        details_html: str,
        guardrails: list[GuardrailLine],
        evidence: list[EvidenceLine],
        facts: dict[str, object],
        tz: dt.tzinfo,
    ) -> None:
        """Show a case's details; its checklist comes through ``set_checklist``."""
        self._tz = tz
        self._title.setText(title_html)
        self._details.setText(details_html)
        self._guardrails.setText(self._guardrails_html(guardrails))
        self._tabs.setTabText(0, self.tr("Rules ({count})").format(count=len(guardrails)))
        self._tabs.setTabText(3, self.tr("Evidence ({count})").format(count=len(evidence)))
        self._show_evidence(evidence)
        self._show_facts(facts)
        self._when.setDateTime(self._qt_now())
        self._stack.setCurrentIndex(1)
        self._update_buttons()

    def _guardrails_html(self, guardrails: list[GuardrailLine]) -> str:
        if not guardrails:
            return ""
        items = []
        for line in guardrails:
            colour = LEVEL_COLOURS.get(line.level, "#1a1a1a")
            items.append(
                f'<p style="margin:2px 0"><b style="color:{colour}">[{escape(line.rule_id)}]'
                f"</b> <b>{escape(line.headline)}</b><br/>"
                f'<span style="color:#444">{escape(line.explanation)}</span></p>'
            )
        return "".join(items)

    def _show_evidence(self, evidence: list[EvidenceLine]) -> None:
        self._evidence.clear()
        for line in evidence:
            item = QListWidgetItem(line.name)
            item.setToolTip(line.note or line.name)
            if line.is_image:
                pixmap = QPixmap(line.path)
                if not pixmap.isNull():
                    scaled = pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
                    item.setIcon(QIcon(scaled))
            self._evidence.addItem(item)
        if not evidence:
            placeholder = QListWidgetItem(self.tr("No photos or files yet"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self._evidence.addItem(placeholder)

    def _show_facts(self, facts: dict[str, object]) -> None:
        received = facts.get("item_received_at")
        self._received.setDateTime(
            self._to_qt(received) if isinstance(received, dt.datetime) else self._qt_now()
        )
        self._fee.blockSignals(True)
        fee = facts.get("restocking_fee_percent")
        self._fee.setValue(float(fee) if isinstance(fee, int | float) else 0.0)
        self._fee.blockSignals(False)
        self._international.setChecked(bool(facts.get("international")))
        self._decision_button.setVisible(bool(facts.get("has_claim")))

    # -- selection -----------------------------------------------------------------------------
    def selected_step(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(StepIdRole) if index.isValid() else None

    def select_step(self, step_id: str | None) -> None:
        row = self.model.row_of(step_id) if step_id else -1
        if row < 0:
            self._update_buttons()
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._update_buttons()

    def _first_open_step(self) -> str | None:
        for row in range(self.model.rowCount()):
            step = self.model.row_at(row)
            if step is not None and step.is_open:
                return step.step_id
        return None

    def _show_step_help(self, step: StepState | None) -> None:
        if step is None or step.step_id not in self._help:
            self._step_help.setText("")
            return
        what, why, figure = self._help[step.step_id]
        what_label = self.tr("What:")
        why_label = self.tr("Why:")
        lines = [f"<b>{escape(what_label)}</b> {escape(what)}"]
        lines.append(f"<b>{escape(why_label)}</b> {escape(why)}")
        if figure:
            label = self.tr("Amazon's deadline:")
            lines.append(f"<b>{escape(label)}</b> {escape(figure)}")
        self._step_help.setText("<br/>".join(lines))

    def _update_buttons(self, *_: object) -> None:
        step = self.model.row_at(self.table.currentIndex().row())
        self._show_step_help(step)
        has_step = step is not None
        self._done_button.setEnabled(has_step and step.status != "done")
        self._na_button.setEnabled(has_step and step.status != "not_applicable")
        self._reopen_button.setEnabled(has_step and step.status != "open")

    # -- intents -------------------------------------------------------------------------------
    def _emit_mark(self, status: str) -> None:
        step_id = self.selected_step()
        if step_id:
            self.mark_requested.emit(step_id, status, self._aware(self._when), self._note.text())
            self._note.clear()

    def _emit_received(self) -> None:
        self.facts_requested.emit({"item_received_at": self._aware(self._received)})

    def _emit_decision(self) -> None:
        self.facts_requested.emit({"atoz_decided_at": self._aware(self._received)})

    def _emit_fee(self, value: float) -> None:
        self.facts_requested.emit({"restocking_fee_percent": float(value) or None})

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), "", self.tr("Photos and files (*)")
        )
        if paths:
            self.attach_requested.emit(paths)

    def request_export(self) -> None:
        """Ask where to save the case file PDF (only while a case is shown)."""
        if self._stack.currentIndex() != 1:
            return
        name = f"return-case-{self._current_order()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export case file"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_requested.emit(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _current_order(self) -> str:
        return self._order_id or "case"

    def set_order(self, order_id: str) -> None:
        self._order_id = order_id

    # -- time conversion -----------------------------------------------------------------------
    def _qt_now(self) -> QDateTime:
        return self._to_qt(dt.datetime.now(dt.UTC))

    def _to_qt(self, moment: dt.datetime) -> QDateTime:
        local = moment.astimezone(self._tz).replace(tzinfo=None, second=0, microsecond=0)
        return QDateTime(local)

    def _aware(self, editor: QDateTimeEdit) -> dt.datetime:
        """The editor's wall-clock time read in the seller's time zone."""
        naive = editor.dateTime().toPython().replace(tzinfo=None, microsecond=0)
        return naive.replace(tzinfo=self._tz).astimezone(dt.UTC)
