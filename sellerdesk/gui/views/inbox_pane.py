"""``InboxPane``: the filter bar, the search field and the inbox table.

A view: it shows the model it is given and emits what the seller asks for
(``filters_changed``, ``search_changed``, ``conversation_chosen``); the controller queries.
Keyboard: Ctrl+F (the controller's action) focuses the search field, Down/Enter in the search
field move into the list, arrows move the selection, Enter opens, Escape clears the search.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.gui.models.inbox_model import (
    COL_BUYER,
    COL_ORDER,
    COL_RECEIVED,
    COL_STATUS,
    COL_SUBJECT,
    COL_TIME_LEFT,
    ConversationIdRole,
    SnippetRole,
)
from sellerdesk.services.inbox import InboxFilter

SEARCH_DELAY_MS = 150
HIGHLIGHT_OPEN = '<span style="background-color:#ffe082; color:#000000;">'
# Text that sets each fixed column's width (the subject column takes the rest).
COLUMN_SAMPLES = {
    COL_RECEIVED: "30 Sep 23:59",
    COL_BUYER: "Gaëlle Martin",
    COL_ORDER: "000-0000000-0000000 ↩",
    COL_STATUS: "Needs reply",
    COL_TIME_LEFT: "overdue 116 d 14 h",
}
SUBJECT_MIN_SAMPLE = "Buyer message · Where is my"
DATE_PRESETS = (0, 1, 7, 30, 90, -1)  # days back; 0 = any time, -1 = custom range


class SnippetDelegate(QStyledItemDelegate):
    """Paints the subject column as rich text when the row is a search hit (matches in bold)."""

    _CACHE_SIZE = 256  # laid-out snippets kept between repaints (hover, scroll, selection)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[str, str], QTextDocument] = {}

    def _document(self, snippet: str, font: QFont) -> QTextDocument:
        key = (snippet, font.key())
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self._CACHE_SIZE:
                self._documents.clear()
            document = QTextDocument(self)
            document.setDefaultFont(font)
            document.setDocumentMargin(2)
            document.setHtml(snippet.replace("<b>", HIGHLIGHT_OPEN).replace("</b>", "</span>"))
            self._documents[key] = document
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        snippet = index.data(SnippetRole)
        if not snippet:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        # The subject stays in the tooltip; a hit shows where the words matched.
        option.text = ""  # the style draws background and focus only
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(snippet, option.font)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        offset = max(0.0, (option.rect.height() - document.size().height()) / 2)
        painter.translate(option.rect.left(), option.rect.top() + offset)
        painter.setClipRect(0, -offset, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()


class InboxTable(QTableView):
    """The list: Enter opens the current conversation."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class InboxPane(QWidget):
    filters_changed = Signal()
    search_changed = Signal(str)
    conversation_chosen = Signal(int)  # selection moved to a conversation (or -1)
    conversation_opened = Signal(int)  # Enter / double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InboxPane")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_search)
        self._build()

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_search_row())
        layout.addLayout(self._build_filter_row())
        self.table = self._build_table()
        layout.addWidget(self.table, 1)

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("inboxSearch")
        self.search_field.setPlaceholderText(
            self.tr("Search buyer text, subjects, notes, order ids, ASINs, names (Ctrl+F)")
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.search_field.returnPressed.connect(self._search_now_and_focus_list)
        self.search_field.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("inboxCount")
        row.addWidget(self.search_field, 1)
        row.addWidget(self.count_label)
        return row

    def _build_filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_box = self._combo("inboxStatus", self.tr("Filter by status"))
        self.status_box.addItem(self.tr("All statuses"), "")
        for value, text in (
            ("needs_reply", self.tr("Needs reply")),
            ("replied", self.tr("Replied")),
            ("no_response_needed", self.tr("No response needed")),
            ("closed", self.tr("Closed")),
        ):
            self.status_box.addItem(text, value)
        self.kind_box = self._combo("inboxKind", self.tr("Conversations containing this kind"))
        self.market_box = self._combo("inboxMarketplace", self.tr("Filter by marketplace"))
        self.tag_box = self._combo("inboxTag", self.tr("Filter by tag"))
        self.set_choices([], [], [])
        self.overdue_box = QCheckBox(self.tr("Overdue"), self)
        self.overdue_box.setObjectName("inboxOverdue")
        self.overdue_box.toggled.connect(self.filters_changed)
        self.date_box = self._combo("inboxDates", self.tr("Last message received"))
        for days, text in zip(
            DATE_PRESETS,
            (
                self.tr("Any time"),
                self.tr("Last 24 hours"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Last 90 days"),
                self.tr("Date range…"),
            ),
            strict=True,
        ):
            self.date_box.addItem(text, days)
        self.date_from = self._date_edit("inboxDateFrom", -30)
        self.date_to = self._date_edit("inboxDateTo", 0)
        self.date_box.currentIndexChanged.connect(self._date_mode_changed)
        for widget in (self.status_box, self.kind_box, self.market_box, self.tag_box):
            row.addWidget(widget)
        row.addWidget(self.overdue_box)
        row.addWidget(self.date_box)
        row.addWidget(self.date_from)
        row.addWidget(self.date_to)
        row.addStretch(1)
        self._date_mode_changed()
        return row

    def _combo(self, name: str, tip: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.currentIndexChanged.connect(self.filters_changed)
        return box

    def _date_edit(self, name: str, days: int) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate().addDays(days), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.filters_changed)
        return edit

    def _build_table(self) -> InboxTable:
        table = InboxTable(self)
        table.setObjectName("inboxTable")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSortingEnabled(False)  # the header click is wired by set_model
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setItemDelegateForColumn(COL_SUBJECT, SnippetDelegate(table))
        table.doubleClicked.connect(self._open_index)
        table.activated_row.connect(self._open_index)
        return table

    # --- model --------------------------------------------------------------------------
    def set_model(self, model) -> None:  # type: ignore[no-untyped-def]
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.sortIndicatorChanged.connect(model.sort)
        header.setStretchLastSection(False)
        for column, mode in (
            (COL_RECEIVED, QHeaderView.ResizeMode.Interactive),
            (COL_BUYER, QHeaderView.ResizeMode.Interactive),
            (COL_ORDER, QHeaderView.ResizeMode.Interactive),
            (COL_SUBJECT, QHeaderView.ResizeMode.Stretch),
            (COL_STATUS, QHeaderView.ResizeMode.Interactive),
            (COL_TIME_LEFT, QHeaderView.ResizeMode.Interactive),
        ):
            header.setSectionResizeMode(column, mode)
        metrics = self.table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Wide enough for every column, so the main splitter gives the list its room."""
        metrics = self.table.fontMetrics()
        samples = [*COLUMN_SAMPLES.values(), SUBJECT_MIN_SAMPLE]
        width = sum(metrics.horizontalAdvance(sample) + 18 for sample in samples)
        return QSize(width + 30, 600)

    def show_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def select_row(self, row: int) -> None:
        """Select a row (or clear the selection with -1) without emitting a choice twice."""
        model = self.table.model()
        if row < 0 or model is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.conversation_chosen.emit(current.data(ConversationIdRole) if current.isValid() else -1)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.conversation_opened.emit(index.data(ConversationIdRole))

    # --- filters and search -------------------------------------------------------------
    def set_choices(self, kinds: list[str], marketplaces: list[str], tags: list[str]) -> None:
        """Fill the kind/marketplace/tag boxes, keeping what is selected."""
        for box, values, any_text in (
            (self.kind_box, kinds, self.tr("All kinds")),
            (self.market_box, marketplaces, self.tr("All marketplaces")),
            (self.tag_box, tags, self.tr("All tags")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(any_text, "")
            for value in values:
                box.addItem(value, value)
            position = box.findData(current) if current else 0
            box.setCurrentIndex(max(position, 0))
            box.blockSignals(False)

    def kind_labels(self, labels: dict[str, str]) -> None:
        for index in range(self.kind_box.count()):
            value = self.kind_box.itemData(index)
            if value in labels:
                self.kind_box.setItemText(index, labels[value])

    def _date_mode_changed(self) -> None:
        custom = self.date_box.currentData() == -1
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def current_filter(self, tz: dt.tzinfo) -> InboxFilter:
        """The filter bar's state (dates are the seller's local days)."""
        status = self.status_box.currentData()
        kind = self.kind_box.currentData()
        market = self.market_box.currentData()
        received_from, received_to = self._date_range(tz)
        return InboxFilter(
            statuses=(status,) if status else (),
            kinds=(kind,) if kind else (),
            marketplaces=(market,) if market else (),
            overdue_only=self.overdue_box.isChecked(),
            received_from=received_from,
            received_to=received_to,
            tag=self.tag_box.currentData() or None,
        )

    def _date_range(self, tz: dt.tzinfo) -> tuple[dt.datetime | None, dt.datetime | None]:
        days = self.date_box.currentData()
        if not days:
            return None, None
        if days > 0:
            return dt.datetime.now(dt.UTC) - dt.timedelta(days=days), None
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython() + dt.timedelta(days=1)
        return (
            dt.datetime.combine(start, dt.time(), tzinfo=tz),
            dt.datetime.combine(end, dt.time(), tzinfo=tz),
        )

    def set_status_filter(self, status: str) -> None:
        self.status_box.setCurrentIndex(max(self.status_box.findData(status), 0))

    def toggle_overdue(self) -> None:
        self.overdue_box.toggle()

    def clear_filters(self) -> None:
        """Back to everything: no search, no filters (one filters_changed at the end)."""
        widgets = (self.status_box, self.kind_box, self.market_box, self.tag_box, self.date_box)
        for widget in (*widgets, self.overdue_box, self.search_field):
            widget.blockSignals(True)
        for box in widgets:
            box.setCurrentIndex(0)
        self.overdue_box.setChecked(False)
        self.search_field.clear()
        for widget in (*widgets, self.overdue_box, self.search_field):
            widget.blockSignals(False)
        self._date_mode_changed()
        self.search_changed.emit("")
        self.filters_changed.emit()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def search_text(self) -> str:
        return self.search_field.text()

    def show_count(self, text: str) -> None:
        self.count_label.setText(text)

    def _emit_search(self) -> None:
        self.search_changed.emit(self.search_field.text())

    def _search_now_and_focus_list(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit_search()
        self._focus_list()

    def _focus_list(self) -> None:
        """Into the list: on the best hit after a search, else where the selection was."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        model = self.table.model()
        if model is None or not model.rowCount():
            return
        if self.search_field.text().strip() or not self.table.currentIndex().isValid():
            self.select_row(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down:
                self._focus_list()
                return True
            if key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)
