"""The conversation reader: header with order facts and the reply clock, the thread, notes, tags.

Only displays what the controller hands it and emits the seller's intents. Message text is shown
as plain text in ``QLabel``s (``Qt.PlainText``): no HTML is interpreted and nothing remote is
ever loaded. Buyer messages sit on the left, the seller's replies on the right, Amazon's notices
full width in their own colour.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.reply_clock import split_duration, urgency
from sellerdesk.domain.timeutil import from_iso
from sellerdesk.services.conversations import (
    AMAZON,
    BUYER,
    CLOSE,
    MARK_NO_RESPONSE_NEEDED,
    REOPEN,
    ConversationThread,
    ThreadMessage,
)

NOTES_SAVE_DELAY_MS = 800

_STYLE = """
QFrame#bubble_buyer { background: #eef4fb; border: 1px solid #c5d7ee; border-radius: 8px; }
QFrame#bubble_seller { background: #e9f6ec; border: 1px solid #bde0c4; border-radius: 8px; }
QFrame#bubble_amazon { background: #fff8e1; border: 1px solid #ecd48a; border-radius: 4px; }
QFrame#bubble_buyer QLabel, QFrame#bubble_seller QLabel, QFrame#bubble_amazon QLabel {
    color: #1b1b1b; background: transparent; border: none; }
QLabel#bubbleMeta { color: #555555; }
QLabel#bubbleSummary { font-weight: bold; }
QToolButton#bubbleMore { color: #6a4f00; border: none; padding: 0; }
QLabel#statusBadge { border-radius: 4px; padding: 1px 8px; color: white; }
QFrame#nrnBanner { background: #fff4d6; border: 1px solid #e7c35a; border-radius: 4px; }
QFrame#nrnBanner QLabel { color: #3b2f00; }
QLabel#tagChip { background: #e3e7ee; border-radius: 9px; padding: 1px 8px; color: #1b1b1b; }
"""

STATUS_COLOURS = {
    "needs_reply": "#c62828",
    "replied": "#2e7d32",
    "no_response_needed": "#6d6d6d",
    "closed": "#455a64",
}


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} MB"


def to_qdatetime(moment: dt.datetime, zone: dt.tzinfo) -> QDateTime:
    """A wall-clock QDateTime of ``moment`` in ``zone`` (for locale-aware formatting)."""
    local = moment.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def zone_label(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """The zone's short name at that moment (CET, JST...), else its UTC offset."""
    local = moment.astimezone(zone)
    name = local.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    offset = local.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class ElidedLabel(QLabel):
    """One line of plain text, shortened in the middle to fit; the whole text is the tooltip."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 40)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


class MessageBubble(QFrame):
    """One message of the thread, plain text only."""

    def __init__(
        self,
        meta: str,
        text: str,
        footer: str,
        side: str,
        parent: QWidget,
        summary: str = "",
        more_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"bubble_{side}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(3)
        meta_label = self._label(meta, "bubbleMeta")
        small = meta_label.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        meta_label.setFont(small)
        layout.addWidget(meta_label)
        if summary:
            self.summary_label = self._label(summary, "bubbleSummary")
            layout.addWidget(self.summary_label)
        self.text_label = self._label(text, "bubbleText")
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.text_label)
        if summary and more_text:
            # A notice shows its facts; the whole e-mail text is one click away.
            self.text_label.hide()
            toggle = QToolButton(self)
            toggle.setObjectName("bubbleMore")
            toggle.setText(more_text)
            toggle.setCheckable(True)
            toggle.setAutoRaise(True)
            toggle.toggled.connect(self.text_label.setVisible)
            layout.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
        if footer:
            footer_label = self._label(footer, "bubbleMeta")
            footer_label.setFont(small)
            layout.addWidget(footer_label)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setText(text)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)
        label.setMinimumWidth(80)
        return label


class ConversationView(QWidget):
    """Reader pane for one conversation; emits what the seller wants done."""

    mark_no_response_needed_requested = Signal()
    close_requested = Signal()
    reopen_requested = Signal()
    notes_edited = Signal(int, str)  # conversation id, the notes
    tag_added = Signal(str)
    tag_removed = Signal(str)
    open_link_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationView")
        self.setStyleSheet(_STYLE)
        self._thread: ConversationThread | None = None
        self._zone: dt.tzinfo = dt.UTC
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.flush_notes)
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self.tr("Select a conversation in the inbox to read it."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._build_reader())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self.setMinimumWidth(300)

    # --- building ----------------------------------------------------------------------
    def _build_reader(self) -> QWidget:
        reader = QWidget(self)
        layout = QVBoxLayout(reader)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self._build_header(reader))
        layout.addWidget(self._build_nrn_banner(reader))
        splitter = QSplitter(Qt.Orientation.Vertical, reader)
        splitter.setObjectName("conversationSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_thread(splitter))
        splitter.addWidget(self._build_notes(splitter))
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 150])  # the thread gets the room; notes stay a few lines
        layout.addWidget(splitter, 1)
        return reader

    def _build_header(self, parent: QWidget) -> QWidget:
        header = QWidget(parent)
        grid = QVBoxLayout(header)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        top = QHBoxLayout()
        self.buyer_label = QLabel(header)
        self.buyer_label.setObjectName("buyerLabel")
        self.buyer_label.setTextFormat(Qt.TextFormat.PlainText)
        bigger = QFont(self.buyer_label.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.25)
        bigger.setBold(True)
        self.buyer_label.setFont(bigger)
        self.marketplace_label = QLabel(header)
        self.marketplace_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = QLabel(header)
        self.status_label.setObjectName("statusBadge")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.buyer_label)
        top.addSpacing(10)
        top.addWidget(self.marketplace_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        grid.addLayout(top)
        self.order_label = self._plain_label(header, "orderLabel")
        self.order_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item_label = self._plain_label(header, "itemLabel")
        self.clock_label = self._plain_label(header, "clockLabel")
        for label in (self.order_label, self.item_label, self.clock_label):
            grid.addWidget(label)
        grid.addLayout(self._build_buttons(header))
        return header

    def _plain_label(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _build_buttons(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.nrn_button = QPushButton(self.tr("No response needed"), parent)
        self.nrn_button.setToolTip(
            self.tr("Leave this message out of the reply clock and the response metrics")
        )
        self.close_button = QPushButton(self.tr("Close"), parent)
        self.reopen_button = QPushButton(self.tr("Reopen"), parent)
        self.nrn_button.clicked.connect(self.mark_no_response_needed_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.reopen_button.clicked.connect(self.reopen_requested)
        for button in (self.nrn_button, self.close_button, self.reopen_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_nrn_banner(self, parent: QWidget) -> QFrame:
        self.nrn_banner = QFrame(parent)
        self.nrn_banner.setObjectName("nrnBanner")
        layout = QVBoxLayout(self.nrn_banner)
        layout.setContentsMargins(8, 4, 8, 4)
        self.nrn_text = self._plain_label(self.nrn_banner, "nrnText")
        self.nrn_text.setText(
            self.tr(
                "Amazon counts “No response needed” only when you also mark the message in "
                "Seller Central. SellerDesk never opens the link by itself."
            )
        )
        layout.addWidget(self.nrn_text)
        row = QHBoxLayout()
        self.nrn_link_label = ElidedLabel(self.nrn_banner)
        self.nrn_link_label.setObjectName("nrnLink")
        self.nrn_open_button = QPushButton(self.tr("Open in browser"), self.nrn_banner)
        self.nrn_open_button.clicked.connect(self._open_nrn_link)
        self.nrn_copy_button = QPushButton(self.tr("Copy link"), self.nrn_banner)
        self.nrn_copy_button.clicked.connect(self._copy_nrn_link)
        row.addWidget(self.nrn_link_label, 1)
        row.addWidget(self.nrn_copy_button)
        row.addWidget(self.nrn_open_button)
        layout.addLayout(row)
        self.nrn_banner.hide()
        return self.nrn_banner

    def _build_thread(self, parent: QWidget) -> QScrollArea:
        self.thread_area = QScrollArea(parent)
        self.thread_area.setObjectName("threadArea")
        self.thread_area.setWidgetResizable(True)
        self.thread_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thread_area.setFrameShape(QFrame.Shape.NoFrame)
        self._thread_body = QWidget(self.thread_area)
        self._thread_layout = QVBoxLayout(self._thread_body)
        self._thread_layout.setContentsMargins(2, 2, 2, 2)
        self._thread_layout.setSpacing(8)
        self._thread_layout.addStretch(1)
        self.thread_area.setWidget(self._thread_body)
        return self.thread_area

    def _build_notes(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        tags_row = QHBoxLayout()
        tags_title = QLabel(self.tr("Tags:"), box)
        tags_row.addWidget(tags_title)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(4)
        tags_row.addLayout(self._chips)
        self.tag_edit = QLineEdit(box)
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText(self.tr("Add a tag and press Enter"))
        self.tag_edit.setMaximumWidth(220)
        self.tag_edit.returnPressed.connect(self._add_tag_from_edit)
        self._completer = QCompleter([], self.tag_edit)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_edit.setCompleter(self._completer)
        tags_row.addWidget(self.tag_edit)
        tags_row.addStretch(1)
        layout.addLayout(tags_row)
        notes_title = QLabel(self.tr("Internal notes (never sent to the buyer):"), box)
        layout.addWidget(notes_title)
        self.notes_edit = QPlainTextEdit(box)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setPlaceholderText(
            self.tr("Notes for yourself: what you promised, tracking numbers, next steps…")
        )
        self.notes_edit.textChanged.connect(self._notes_timer.start)
        self.notes_edit.setMinimumHeight(48)
        line = self.notes_edit.fontMetrics().lineSpacing()
        self.notes_edit.sizeHint = lambda: QSize(300, line * 5 + 12)  # type: ignore[method-assign]
        layout.addWidget(self.notes_edit, 1)
        return box

    # --- display -----------------------------------------------------------------------
    def show_empty(self) -> None:
        self.flush_notes()
        self._thread = None
        self._stack.setCurrentIndex(0)

    def current_thread(self) -> ConversationThread | None:
        return self._thread

    def show_thread(self, thread: ConversationThread, zone: dt.tzinfo, now: dt.datetime) -> None:
        same = self._thread is not None and self._thread.id == thread.id
        if not same:
            self.flush_notes()
        self._thread = thread
        self._zone = zone
        self._stack.setCurrentIndex(1)
        self._show_header(thread)
        self.update_clock(now)
        self._show_nrn_banner(thread)
        self._show_actions(thread.actions)
        self._show_messages(thread.messages, keep_scroll=same)
        self._show_tags(thread.tags)
        if not (same and (self.notes_edit.hasFocus() or self._notes_timer.isActive())):
            self._set_notes_silently(thread.notes)

    def _show_header(self, thread: ConversationThread) -> None:
        order = thread.order
        self.buyer_label.setText(order.buyer_name or self.tr("Amazon customer"))
        self.marketplace_label.setText(
            self.tr("Marketplace: {code}").format(code=order.marketplace or "—")
        )
        self.status_label.setText(self.status_text(thread.status))
        colour = STATUS_COLOURS.get(thread.status, "#455a64")
        self.status_label.setStyleSheet(f"background: {colour};")
        self.order_label.setText(
            self.tr("Order {order}   ·   ASIN {asins}").format(
                order=order.order_id or self.tr("none (pre-sale question)"),
                asins=", ".join(order.asins) or "—",
            )
        )
        self.item_label.setText(order.item_title or thread.subject or "")
        self.item_label.setVisible(bool(self.item_label.text()))

    def status_text(self, status: str) -> str:
        return {
            "needs_reply": self.tr("Needs reply"),
            "replied": self.tr("Replied"),
            "no_response_needed": self.tr("No response needed"),
            "closed": self.tr("Closed"),
        }.get(status, status)

    def update_clock(self, now: dt.datetime) -> None:
        """Refresh the "time left" line (the controller calls this every half minute)."""
        thread = self._thread
        if thread is None:
            return
        text, colour = self.clock_text(thread, now)
        self.clock_label.setText(text)
        self.clock_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def format_time(self, moment: dt.datetime) -> str:
        local = to_qdatetime(moment, self._zone)
        return self.tr("{when} {zone}").format(
            when=QLocale().toString(local, self.tr("ddd d MMM yyyy, HH:mm")),
            zone=zone_label(moment, self._zone),
        )

    def duration_text(self, delta: dt.timedelta) -> str:
        days, hours, minutes = split_duration(delta)
        if days:
            return self.tr("{d} d {h} h").format(d=days, h=hours)
        if hours:
            return self.tr("{h} h {m} min").format(h=hours, m=minutes)
        return self.tr("{m} min").format(m=minutes)

    def clock_text(self, thread: ConversationThread, now: dt.datetime) -> tuple[str, str]:
        left = thread.time_left(now)
        if left is None or thread.reply_due_at is None:
            if thread.last_reply_at is not None:
                when = self.format_time(thread.last_reply_at)
                return self.tr("Last reply {when}").format(when=when), "#2e7d32"
            return self.tr("No reply due"), "#555555"
        due = self.format_time(thread.reply_due_at)
        if left.total_seconds() < 0:
            text = self.tr("Overdue by {duration} (reply was due {due})")
            return text.format(duration=self.duration_text(left), due=due), "#c62828"
        colour = "#b25e00" if urgency(left) == "urgent" else "#2e7d32"
        text = self.tr("{duration} left to reply (due {due})")
        return text.format(duration=self.duration_text(left), due=due), colour

    def _show_nrn_banner(self, thread: ConversationThread) -> None:
        visible = thread.status == "no_response_needed"
        self.nrn_banner.setVisible(visible)
        link = thread.nrn_link or ""
        self.nrn_link_label.set_full_text(
            link or self.tr("This notification carried no link: mark it in Seller Central.")
        )
        self.nrn_open_button.setVisible(bool(link))
        self.nrn_copy_button.setVisible(bool(link))

    def _show_actions(self, actions: frozenset[str]) -> None:
        self.nrn_button.setEnabled(MARK_NO_RESPONSE_NEEDED in actions)
        self.close_button.setEnabled(CLOSE in actions)
        self.reopen_button.setEnabled(REOPEN in actions)
        self.reopen_button.setVisible(REOPEN in actions)
        self.close_button.setVisible(CLOSE in actions or REOPEN not in actions)

    def _clear_messages(self) -> None:
        while self._thread_layout.count() > 1:
            item = self._thread_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_messages(self, messages: tuple[ThreadMessage, ...], keep_scroll: bool) -> None:
        bar = self.thread_area.verticalScrollBar()
        position = bar.value()
        self._clear_messages()
        for index, message in enumerate(messages):
            self._thread_layout.insertWidget(index, self._message_row(message))
        # The bar as context object: no callback once the view is gone.
        if keep_scroll:
            QTimer.singleShot(0, bar, lambda: bar.setValue(position))
        else:
            QTimer.singleShot(0, bar, lambda: bar.setValue(bar.maximum()))

    def _message_row(self, message: ThreadMessage) -> QWidget:
        row = QWidget(self._thread_body)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        bubble = MessageBubble(
            self.message_meta(message),
            message.text or self.tr("(no text)"),
            self.attachment_text(message),
            message.side,
            row,
            summary=self.facts_text(message),
            more_text=self.tr("Show the whole notice"),
        )
        if message.side == BUYER:
            layout.addWidget(bubble, 6)
            layout.addStretch(1)
        elif message.side == AMAZON:
            layout.addWidget(bubble)
        else:
            layout.addStretch(1)
            layout.addWidget(bubble, 6)
        return row

    def message_meta(self, message: ThreadMessage) -> str:
        when = self.format_time(message.at)
        if message.side == BUYER:
            who = self.tr("{buyer} (buyer)").format(buyer=message.sender or self.tr("Buyer"))
        elif message.side == AMAZON:
            who = self.tr("Amazon notice: {kind}").format(kind=self.kind_text(message.kind))
        elif message.source == "draft":
            who = self.tr("You (marked as sent in SellerDesk)")
        else:
            who = self.tr("You (copy from Seller Central)")
        parts = [who, when]
        if message.no_response_needed:
            parts.append(self.tr("no response needed"))
        return "   ·   ".join(parts)

    def facts_text(self, message: ThreadMessage) -> str:
        """An Amazon notice's facts, one per line, with translated labels."""
        labels = {
            "amount": self.tr("Amount: {value}"),
            "reason": self.tr("Reason: {value}"),
            "comment": self.tr("Buyer's comment: {value}"),
            "tracking": self.tr("Return tracking: {value}"),
            "deadline": self.tr("Respond by: {value}"),
        }
        lines = []
        for key, value in message.facts:
            if key == "deadline":
                with contextlib.suppress(ValueError):
                    value = self.format_time(from_iso(value))
            lines.append(labels.get(key, "{value}").format(value=value))
        return "\n".join(lines)

    def kind_text(self, kind: str) -> str:
        return {
            "return_request": self.tr("return request"),
            "refund_issued": self.tr("refund issued"),
            "atoz_claim": self.tr("A-to-z Guarantee claim"),
            "optout_bounce": self.tr("buyer opted out of messages"),
            "other": self.tr("other notification"),
        }.get(kind, kind)

    def attachment_text(self, message: ThreadMessage) -> str:
        if not message.attachments:
            return ""
        unnamed = self.tr("unnamed")
        names = ", ".join(
            f"{a.filename or unnamed} ({human_size(a.size)})" for a in message.attachments
        )
        return self.tr("Attachments: {names}").format(names=names)

    def _show_tags(self, tags: tuple[str, ...]) -> None:
        while self._chips.count():
            item = self._chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for tag in tags:
            self._chips.addWidget(self._chip(tag))

    def _chip(self, tag: str) -> QWidget:
        chip = QWidget(self)
        layout = QHBoxLayout(chip)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        label = QLabel(chip)
        label.setObjectName("tagChip")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(tag)
        remove = QToolButton(chip)
        remove.setText("×")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove tag “{tag}”").format(tag=tag))
        remove.clicked.connect(lambda: self.tag_removed.emit(tag))
        layout.addWidget(label)
        layout.addWidget(remove)
        return chip

    def set_tag_suggestions(self, tags: list[str]) -> None:
        model = self._completer.model()
        model.setStringList(tags)  # type: ignore[attr-defined]

    # --- notes and tags input ----------------------------------------------------------
    def _set_notes_silently(self, text: str) -> None:
        if self.notes_edit.toPlainText() == text:
            return
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(text)
        self.notes_edit.blockSignals(False)
        self._notes_timer.stop()

    def flush_notes(self) -> None:
        """Emit pending notes at once (before switching conversation or closing)."""
        self._notes_timer.stop()
        thread = self._thread
        text = self.notes_edit.toPlainText()
        if thread is not None and text != thread.notes:
            # Remember them as saved first: saving re-queries and may land here again.
            self._thread = dataclasses.replace(thread, notes=text)
            self.notes_edited.emit(thread.id, text)

    def _add_tag_from_edit(self) -> None:
        text = self.tag_edit.text().strip()
        if text:
            self.tag_added.emit(text)
        self.tag_edit.clear()

    def _copy_nrn_link(self) -> None:
        if self._thread is not None and self._thread.nrn_link:
            QGuiApplication.clipboard().setText(self._thread.nrn_link)

    def _open_nrn_link(self) -> None:
        if self._thread is not None and self._thread.nrn_link:
            self.open_link_requested.emit(self._thread.nrn_link)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        self.flush_notes()  # the window is closing: keep what the seller typed
        super().hideEvent(event)

    def focus_notes(self) -> None:
        self.notes_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_tag_entry(self) -> None:
        self.tag_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
