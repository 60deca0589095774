"""The reply composer: template picker with language, subject, body and the ways out.

A view only: it shows what the controller gives it and emits intent signals (``edited``,
``template_requested``, ``copy_requested``...). The body editor is public (``body_edit``) so the
policy feature can attach its highlighter to ``body_edit.document()``.

Also here: the small dialogs the composer needs (values for a template's missing placeholders,
the time a reply was sent).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.templates import LANGUAGE_NAMES, LANGUAGES
from sellerdesk.gui.models.template_model import TemplateListModel


class ComposerView(QWidget):
    """Writes one reply for the selected conversation."""

    edited = Signal()
    template_requested = Signal(str, str)  # template key, language
    language_changed = Signal(str)
    copy_requested = Signal()
    save_eml_requested = Signal()
    send_requested = Signal()
    mark_sent_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._loading = False
        self._last_text = ("", "")
        self.template_model = TemplateListModel(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_template_row())
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("composerSubject")
        self.subject_edit.setPlaceholderText(self.tr("Subject"))
        self.subject_edit.textEdited.connect(self._on_edit)
        layout.addWidget(self.subject_edit)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("composerBody")
        self.body_edit.setPlaceholderText(
            self.tr("Write your reply, or insert a template. It is saved as you type.")
        )
        self.body_edit.textChanged.connect(self._on_edit)
        layout.addWidget(self.body_edit, 1)
        layout.addLayout(self._build_buttons())
        self.set_conversation_available(False)

    # --- building ---------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(self.tr("Reply"), self)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.recipient_label = QLabel(self)
        self.recipient_label.setObjectName("composerRecipient")
        self.recipient_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(title)
        row.addWidget(self.recipient_label, 1)
        return row

    def _build_template_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Template:"), self)
        self.template_picker = QComboBox(self)
        self.template_picker.setObjectName("composerTemplatePicker")
        self.template_picker.setModel(self.template_model)
        self.template_picker.setMinimumContentsLength(18)
        label.setBuddy(self.template_picker)
        self.language_picker = QComboBox(self)
        self.language_picker.setObjectName("composerLanguage")
        self.language_picker.setToolTip(
            self.tr("Language of the template; the buyer's marketplace picks the default")
        )
        for code in LANGUAGES:
            self.language_picker.addItem(LANGUAGE_NAMES[code], code)
        self.language_picker.currentIndexChanged.connect(self._on_language)
        self.insert_button = QPushButton(self.tr("&Insert"), self)
        self.insert_button.setObjectName("composerInsert")
        self.insert_button.setToolTip(self.tr("Fill the subject and text from the template"))
        self.insert_button.clicked.connect(self._on_insert)
        row.addWidget(label)
        row.addWidget(self.template_picker, 1)
        row.addWidget(self.language_picker)
        row.addWidget(self.insert_button)
        return row

    def _button(self, name: str, text: str, tip: str, signal: Signal) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(signal.emit)
        return button

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("composerStatus")
        self.status_label.setStyleSheet("color: palette(mid);")
        self.copy_button = self._button(
            "composerCopy",
            self.tr("&Copy"),
            self.tr("Copy the reply to paste it in Seller Central (Ctrl+Shift+C)"),
            self.copy_requested,
        )
        self.eml_button = self._button(
            "composerSaveEml",
            self.tr("Save .&eml"),
            self.tr("Save the reply as an e-mail file addressed to the buyer (Ctrl+Shift+S)"),
            self.save_eml_requested,
        )
        self.send_button = self._button(
            "composerSend",
            self.tr("Sen&d…"),
            self.tr("Send through your own SMTP server, after a confirmation (Ctrl+Shift+Return)"),
            self.send_requested,
        )
        self.mark_sent_button = self._button(
            "composerMarkSent",
            self.tr("&Mark as Sent…"),
            self.tr(
                "Record that this reply went out, which stops the 24-hour clock (Ctrl+Shift+A)"
            ),
            self.mark_sent_requested,
        )
        row.addWidget(self.status_label, 1)
        for button in (self.copy_button, self.eml_button, self.send_button, self.mark_sent_button):
            row.addWidget(button)
        return row

    # --- intents ----------------------------------------------------------------------
    def _on_edit(self) -> None:
        # textChanged also fires on format-only changes (a highlighter underlining words).
        current = (self.subject_edit.text(), self.body_edit.toPlainText())
        if self._loading or current == self._last_text:
            return
        self._last_text = current
        self.edited.emit()

    def _on_language(self) -> None:
        if not self._loading:
            self.language_changed.emit(self.language())

    def _on_insert(self) -> None:
        key = self.selected_template_key()
        if key:
            self.template_requested.emit(key, self.language())

    # --- state the controller sets ----------------------------------------------------
    def set_conversation_available(self, available: bool) -> None:
        for widget in (
            self.template_picker,
            self.language_picker,
            self.insert_button,
            self.subject_edit,
            self.body_edit,
            self.copy_button,
            self.eml_button,
            self.send_button,
            self.mark_sent_button,
        ):
            widget.setEnabled(available)
        if not available:
            self.recipient_label.setText(self.tr("Select a conversation to reply."))

    def set_busy(self, busy: bool) -> None:
        """While a reply is being sent: nothing can be edited or sent again."""
        for widget in (
            self.insert_button,
            self.subject_edit,
            self.copy_button,
            self.eml_button,
            self.send_button,
            self.mark_sent_button,
        ):
            widget.setEnabled(not busy)
        self.body_edit.setReadOnly(busy)

    def set_recipient(self, relay_address: str | None) -> None:
        if relay_address:
            self.recipient_label.setText(self.tr("To: {address}").format(address=relay_address))
        else:
            self.recipient_label.setText(
                self.tr("No buyer relay address: copy the reply into Seller Central.")
            )
        self.eml_button.setEnabled(bool(relay_address) and self.body_edit.isEnabled())
        self.send_button.setEnabled(bool(relay_address) and self.body_edit.isEnabled())

    def set_content(self, subject: str, body: str) -> None:
        """Show a draft without announcing an edit."""
        self._loading = True
        try:
            self.subject_edit.setText(subject)
            self.body_edit.setPlainText(body)
            # What the editors hold: they normalise line ends and no-break spaces, and the
            # seller has not edited anything until the text differs from this.
            self._last_text = (self.subject_edit.text(), self.body_edit.toPlainText())
        finally:
            self._loading = False

    def subject(self) -> str:
        return self.subject_edit.text()

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def language(self) -> str:
        return str(self.language_picker.currentData() or "en")

    def set_language(self, language: str) -> None:
        index = self.language_picker.findData(language)
        if index >= 0:
            self._loading = True
            try:
                self.language_picker.setCurrentIndex(index)
            finally:
                self._loading = False

    def selected_template_key(self) -> str | None:
        template = self.template_model.template(self.template_picker.currentIndex())
        return template.key if template else None

    def select_template(self, key: str) -> None:
        row = self.template_model.row_of(key=key)
        if row >= 0:
            self.template_picker.setCurrentIndex(row)

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)


class MissingValuesDialog(QDialog):
    """Asks for the values of a template's placeholders the store does not know."""

    def __init__(
        self,
        names: tuple[str, ...],
        descriptions: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("missingValuesDialog")
        self.setWindowTitle(self.tr("Values for this template"))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The template needs these values before it can be inserted:"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in names:
            field = QLineEdit(self)
            field.setObjectName(f"value_{name}")
            field.setPlaceholderText(descriptions.get(name, ""))
            field.textChanged.connect(self._update_ok)
            form.addRow("{" + name + "}", field)
            self.fields[name] = field
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        complete = all(field.text().strip() for field in self.fields.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)

    def values(self) -> dict[str, str]:
        return {name: field.text().strip() for name, field in self.fields.items()}


class MarkSentDialog(QDialog):
    """Asks when the reply was sent (default: now), in the seller's time zone."""

    def __init__(
        self, now: dt.datetime, zone: dt.tzinfo, recipient: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markSentDialog")
        self.setWindowTitle(self.tr("Mark reply as sent"))
        self._zone = zone
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Record that you sent this reply to {recipient}. The 24-hour clock of the "
                "conversation stops at this time."
            ).format(recipient=recipient),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        local = now.astimezone(zone)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setObjectName("sentAtEdit")
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )
        self.time_edit.setMaximumDateTime(self.time_edit.dateTime())
        form = QFormLayout()
        form.addRow(self.tr("Sent at ({zone}):").format(zone=local.tzname() or ""), self.time_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def sent_at(self) -> dt.datetime:
        """The chosen time as an aware datetime in the seller's zone."""
        value = self.time_edit.dateTime()
        date, time = value.date(), value.time()
        naive = dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        return naive.replace(tzinfo=self._zone)
