"""Controller of the reply composer: drafts that save themselves, templates, and the ways out.

- Listens to ``SelectionHub.conversation_selected``: saves the draft being written, then loads
  the new conversation's draft, its recipient and the default language of its marketplace.
- Saves the draft on every pause in typing (``AUTOSAVE_MS`` after the last keystroke), when
  the conversation changes and when the app quits.
- Inserts templates, asking for the values the store does not know.
- Copy / Save .eml / Send via SMTP / Mark as sent; each of the first three passes through
  ``release_guard`` (the policy feature's override check for block findings); sending needs a
  confirmation naming the recipient. A reply marked sent announces ``hub.data_changed``.
- Print preview and PDF export of the conversation's case file.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from sellerdesk.domain import templates as domain
from sellerdesk.domain.timeutil import utc_now
from sellerdesk.errors import SellerDeskError, StoreUnavailable
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.views.composer import ComposerView, MarkSentDialog, MissingValuesDialog
from sellerdesk.services import outbox
from sellerdesk.services.context import AppContext
from sellerdesk.services.conversation_report import case_file_title, conversation_case_file
from sellerdesk.services.drafts import DraftContent, DraftService
from sellerdesk.services.templates import TemplateService, placeholder_values
from sellerdesk.store.drafts_repo import ReplyFacts

if TYPE_CHECKING:
    from email.message import EmailMessage

    from sellerdesk.gui.views.template_editor import TemplateEditorDialog

AUTOSAVE_MS = 600

SHORTCUT_FOCUS = "Ctrl+R"
SHORTCUT_COPY = "Ctrl+Shift+C"
SHORTCUT_EML = "Ctrl+Shift+S"
SHORTCUT_SEND = "Ctrl+Shift+Return"
SHORTCUT_MARK_SENT = "Ctrl+Shift+A"
SHORTCUT_PRINT = "Ctrl+P"
SHORTCUT_PDF = "Ctrl+Shift+P"

# Actions a release guard is asked about.
ACTION_COPY = "copy"
ACTION_EML = "eml"
ACTION_SEND = "send"

# (parent widget, subject, body, action) -> True to go ahead. The policy feature installs one
# that asks for an explicit override naming the rule when the draft has a block finding.
ReleaseGuard = Callable[[QWidget, str, str, str], bool]


class SendJob(QObject):
    """Sends one message through SMTP on a worker thread; ``done`` arrives on the GUI thread."""

    done = Signal(object, object)  # SendResult or None, error text or None

    def __init__(
        self,
        message: EmailMessage,
        settings: outbox.SmtpSettings,
        password: str | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._message, self._settings, self._password = message, settings, password

    def start(self) -> None:
        threading.Thread(target=self._run, name="smtp-send", daemon=True).start()

    def _run(self) -> None:
        try:
            result = outbox.send(self._message, self._settings, self._password)
        except SellerDeskError as error:
            self.done.emit(None, str(error))
            return
        except Exception as error:  # a bug: unblock the composer, then let it surface
            self.done.emit(None, f"Unexpected error while sending: {error!r}")
            raise
        self.done.emit(result, None)


class ComposerController(QObject):
    """Keeps the composer on the selected conversation and carries out its intents."""

    draft_saved = Signal(int)  # conversation id

    def __init__(
        self,
        context: AppContext,
        hub: SelectionHub,
        view: ComposerView,
        parent: QObject | None = None,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.hub = hub
        self.view = view
        self.templates = TemplateService(context.store)
        self.drafts = DraftService(context.store)
        self._now = now
        self.conversation_id = NO_CONVERSATION
        self.facts: ReplyFacts | None = None
        self._template_key: str | None = None
        self._purpose: str | None = "reply"
        self._dirty = False
        self._way_out = "manual"
        self.release_guard: ReleaseGuard | None = None
        # Dialog hooks (tests replace them to answer without a modal loop).
        self.ask_values: Callable[[tuple[str, ...]], dict[str, str] | None] = self._ask_values
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.ask_sent_time: Callable[[str], dt.datetime | None] = self._ask_sent_time
        self.ask_save_path: Callable[[str, str, str], str | None] = self._ask_save_path
        self.warn: Callable[[str, str], None] = self._warn_dialog
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self._connect()
        self._seed_templates()
        self.show_conversation(hub.current_conversation)

    def _connect(self) -> None:
        self.hub.conversation_selected.connect(self.show_conversation)
        self.hub.data_changed.connect(self._refresh_facts)
        self.view.edited.connect(self._on_edited)
        self.view.language_changed.connect(self._on_language_changed)
        self.view.template_requested.connect(self.insert_template)
        self.view.copy_requested.connect(self.copy_to_clipboard)
        self.view.save_eml_requested.connect(self.save_eml)
        self.view.send_requested.connect(self.send)
        self.view.mark_sent_requested.connect(self.mark_sent)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self) -> None:
        """Save what is being written and stop autosaving (the app quits, the store closes)."""
        self.save_now()
        self._timer.stop()
        self.conversation_id = NO_CONVERSATION

    def _seed_templates(self) -> None:
        try:
            self.templates.seed_builtins()
        except StoreUnavailable as error:
            self.view.set_status(str(error))

    # --- loading ------------------------------------------------------------------------
    def show_conversation(self, conversation_id: int) -> None:
        """Save what is being written, then show ``conversation_id``'s draft."""
        self.save_now()
        self.conversation_id = conversation_id
        self.facts = None
        self._template_key, self._purpose, self._way_out = None, "reply", "manual"
        if conversation_id == NO_CONVERSATION:
            self._show_nothing()
            return
        try:
            self.facts = self.drafts.facts(conversation_id)
            draft = self.drafts.load(conversation_id) if self.facts else None
        except StoreUnavailable as error:
            self._show_nothing(str(error))
            return
        if self.facts is None:
            self._show_nothing()
            return
        language = (draft.language if draft else None) or domain.language_for_marketplace(
            self.facts.marketplace
        )
        self.view.set_conversation_available(True)
        self.view.set_language(language)
        self._load_template_list(language)
        self.view.set_content(draft.subject if draft else "", draft.body if draft else "")
        self.view.set_recipient(self.facts.relay_address)
        if draft:
            self._template_key, self._purpose = draft.template_key, draft.purpose
            self.view.set_status(self.tr("Draft saved {time}").format(time=self._clock(None)))
        else:
            self.view.set_status("")

    def _show_nothing(self, status: str = "") -> None:
        self.view.set_content("", "")
        self.view.set_conversation_available(False)
        self.view.set_status(status)

    def _refresh_facts(self) -> None:
        if self.conversation_id == NO_CONVERSATION:
            return
        try:
            self.facts = self.drafts.facts(self.conversation_id)
        except StoreUnavailable:
            return
        if self.facts is None:  # merged into another conversation, or deleted
            self._dirty = False
            self.conversation_id = NO_CONVERSATION
            self._show_nothing()
        else:
            self.view.set_recipient(self.facts.relay_address)

    def _load_template_list(self, language: str) -> None:
        key = self.view.selected_template_key()
        try:
            listed = self.templates.templates()
        except StoreUnavailable as error:
            self.view.set_status(str(error))
            return
        by_key: dict[str, list[domain.Template]] = {}
        for template in listed:
            by_key.setdefault(template.key, []).append(template)
        chosen = [domain.pick_variant(variants, language) for variants in by_key.values()]
        self.view.template_model.set_templates(
            sorted((t for t in chosen if t), key=lambda t: t.title.casefold())
        )
        if key:
            self.view.select_template(key)

    # --- autosave -----------------------------------------------------------------------
    def _on_edited(self) -> None:
        """The seller typed in the subject or the reply: only then does the status say so."""
        self._draft_changed()
        self.view.set_status(self.tr("Editing…"))

    def _draft_changed(self) -> None:
        """Something the draft stores changed: save it after a pause."""
        self._dirty = True
        self._timer.start()

    def _has_text(self) -> bool:
        return bool(self.view.body().strip() or self.view.subject().strip())

    def _on_language_changed(self, language: str) -> None:
        self._load_template_list(language)
        if self._has_text():  # an empty draft is not stored, so has no language to keep
            self._draft_changed()

    def set_purpose(self, purpose: str) -> None:
        """The contact purpose picked in the policy sidebar ("reply" or a proactive one)."""
        if purpose and purpose != self._purpose:
            self._purpose = purpose
            if self._has_text():
                self._draft_changed()

    def current_content(self) -> DraftContent:
        return DraftContent(
            subject=self.view.subject(),
            body=self.view.body(),
            language=self.view.language(),
            template_key=self._template_key,
            purpose=self._purpose,
        )

    def save_now(self) -> bool:
        """Write the draft if it changed since the last save; False if it could not be saved."""
        self._timer.stop()
        if not self._dirty or self.conversation_id == NO_CONVERSATION:
            return True
        try:
            self.drafts.save(self.conversation_id, self.current_content())
        except SellerDeskError as error:  # the store is unavailable, or the conversation gone
            self.view.set_status(self.tr("Not saved: {error}").format(error=error))
            return False
        self._dirty = False
        self.view.set_status(self.tr("Draft saved {time}").format(time=self._clock(None)))
        self.draft_saved.emit(self.conversation_id)
        return True

    def _clock(self, moment: dt.datetime | None) -> str:
        local = (moment or self._now()).astimezone(self.context.seller_timezone())
        return local.strftime("%H:%M")

    # --- templates ----------------------------------------------------------------------
    def insert_template(self, key: str, language: str) -> bool:
        """Fill subject and body from a template; False if the seller cancelled."""
        if self.conversation_id == NO_CONVERSATION:
            return False
        template = self.templates.for_language(key, language)
        if template is None:
            return False
        values = placeholder_values(self.facts, self.templates.seller_name())
        missing = domain.missing_values(template.subject + "\n" + template.body, values)
        if missing:
            answered = self.ask_values(missing)
            if answered is None:
                return False
            values.update(answered)
            if "seller_name" in missing and answered.get("seller_name"):
                self.templates.set_seller_name(answered["seller_name"])
        try:
            rendered = domain.render(template, values)
        except domain.MissingValues as error:
            names = ", ".join("{" + name + "}" for name in error.names)
            self.view.set_status(self.tr("Not inserted: no value for {names}.").format(names=names))
            return False
        if self.view.body().strip() and self.view.body() != rendered.body:
            replace = self.confirm(
                self.tr("Replace the reply?"),
                self.tr("Replace the text you have written with the template?"),
            )
            if not replace:
                return False
        self.view.set_content(rendered.subject, rendered.body)
        self._template_key = template.key
        self._dirty = True
        self.save_now()
        if template.language != language:
            self.view.set_status(
                self.tr("No {wanted} version of this template: inserted {used}.").format(
                    wanted=domain.LANGUAGE_NAMES.get(language, language),
                    used=domain.LANGUAGE_NAMES.get(template.language, template.language),
                )
            )
        self.view.focus_body()
        return True

    def _placeholder_descriptions(self) -> dict[str, str]:
        return {
            "buyer_name": self.tr("the buyer's name, e.g. as in Seller Central"),
            "order_id": self.tr("the Amazon order id, 123-1234567-1234567"),
            "item": self.tr("the item's title"),
            "asin": self.tr("the item's ASIN"),
            "marketplace": self.tr("the Amazon store, e.g. Amazon.de"),
            "seller_name": self.tr("your shop's name (remembered)"),
            "carrier": self.tr("the carrier, e.g. DHL"),
            "tracking_number": self.tr("the carrier's tracking number"),
            "expected_date": self.tr("the expected delivery date"),
            "refund_amount": self.tr("the amount refunded, e.g. EUR 24.99"),
            "details_needed": self.tr("what you need from the buyer"),
        }

    def _ask_values(self, missing: tuple[str, ...]) -> dict[str, str] | None:
        dialog = MissingValuesDialog(missing, self._placeholder_descriptions(), self.view)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def open_template_editor(self) -> None:
        from sellerdesk.gui.views.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.view)
        editor = TemplateEditorController(self.templates, dialog)
        dialog.exec()
        editor.deleteLater()
        self._load_template_list(self.view.language())

    # --- ways out -----------------------------------------------------------------------
    def _has_reply(self) -> bool:
        if self.conversation_id == NO_CONVERSATION or not self.view.body().strip():
            self.view.set_status(self.tr("There is no reply text yet."))
            return False
        return True

    def _released(self, action: str) -> bool:
        """Ask the policy feature's guard (if installed) whether this draft may go out."""
        if self.release_guard is None:
            return True
        return self.release_guard(self.view, self.view.subject(), self.view.body(), action)

    def copy_to_clipboard(self) -> bool:
        if not self._has_reply() or not self._released(ACTION_COPY):
            return False
        self.save_now()
        QGuiApplication.clipboard().setText(self.view.body())
        self._way_out = "clipboard"
        self.view.set_status(self.tr("Copied. Paste it in Seller Central, then use Mark as Sent."))
        return True

    def save_eml(self) -> Path | None:
        if not self._has_reply() or self.facts is None or not self._released(ACTION_EML):
            return None
        self.save_now()
        name = f"reply-{self.facts.order_id or self.conversation_id}.eml"
        chosen = self.ask_save_path(
            self.tr("Save reply as e-mail"), name, self.tr("E-mail (*.eml)")
        )
        if not chosen:
            return None
        settings = outbox.load_settings(self.context.store)
        sender = settings.sender() if settings.from_address else None
        try:
            message = outbox.build_message(
                self.facts, self.view.subject(), self.view.body(), sender=sender, unsent=True
            )
            path = outbox.save_eml(message, Path(chosen))
        except SellerDeskError as error:
            self.warn(self.tr("The reply was not saved"), str(error))
            return None
        self._way_out = "eml"
        self.view.set_status(
            self.tr("Saved {name}. Send it from your mail program, then use Mark as Sent.").format(
                name=path.name
            )
        )
        return path

    def send(self) -> bool:
        """Send through the seller's SMTP server after a confirmation naming the recipient."""
        if not self._has_reply() or self.facts is None:
            return False
        if not self.facts.relay_address:
            self.warn(self.tr("Cannot send"), self.tr("This conversation has no relay address."))
            return False
        if not self._released(ACTION_SEND):
            return False
        settings = self._ready_settings()
        if settings is None:
            return False
        try:
            password = outbox.load_password(settings) if settings.username else None
        except SellerDeskError as error:
            self.warn(self.tr("Cannot send"), str(error))
            return False
        question = self.tr(
            "Send this reply to {recipient} through {server} now?\n\nSubject: {subject}"
        ).format(
            recipient=self.facts.relay_address,
            server=settings.host,
            subject=outbox.reply_subject(self.facts, self.view.subject()),
        )
        if not self.confirm(self.tr("Send reply"), question):
            return False
        return self._deliver(settings, password)

    def _deliver(self, settings: outbox.SmtpSettings, password: str | None) -> bool:
        """Hand the reply to the SMTP server in a worker thread; the GUI stays responsive."""
        assert self.facts is not None
        try:
            message = outbox.build_message(
                self.facts, self.view.subject(), self.view.body(), sender=settings.sender()
            )
        except SellerDeskError as error:
            self.warn(self.tr("The reply was not sent"), str(error))
            return False
        self.save_now()
        conversation_id, content = self.conversation_id, self.current_content()
        job = SendJob(message, settings, password, self)
        job.done.connect(
            lambda result, error: self._on_sent(job, conversation_id, content, result, error)
        )
        self.view.set_busy(True)
        self.view.set_status(
            self.tr("Sending to {recipient}…").format(recipient=self.facts.relay_address)
        )
        job.start()
        return True

    def _on_sent(
        self,
        job: SendJob,
        conversation_id: int,
        content: DraftContent,
        result: outbox.SendResult | None,
        error: str | None,
    ) -> None:
        job.deleteLater()
        self.view.set_busy(False)
        if self.conversation_id == NO_CONVERSATION:
            self.view.set_conversation_available(False)
        else:
            self._refresh_facts()
        if result is None:
            self.view.set_status(self.tr("Not sent."))
            self.warn(self.tr("The reply was not sent"), error or "")
            return
        if self._record_sent(self._now(), "smtp", conversation_id, content):
            self.view.set_status(self.tr("Sent to {recipient}.").format(recipient=result.recipient))

    def _ready_settings(self) -> outbox.SmtpSettings | None:
        settings = outbox.load_settings(self.context.store)
        if settings.is_complete():
            return settings
        if not self.open_smtp_settings():
            return None
        settings = outbox.load_settings(self.context.store)
        return settings if settings.is_complete() else None

    def mark_sent(self) -> bool:
        """Record the reply as sent at a time the seller confirms; stops the 24-hour clock."""
        if not self._has_reply() or self.facts is None:
            return False
        recipient = self.facts.relay_address or self.facts.buyer_name or self.tr("the buyer")
        sent_at = self.ask_sent_time(recipient)
        if sent_at is None:
            return False
        return self._record_sent(sent_at, self._way_out)

    def _record_sent(
        self,
        sent_at: dt.datetime,
        via: str,
        conversation_id: int | None = None,
        content: DraftContent | None = None,
    ) -> bool:
        """Mark the draft sent (by default the one on screen); clears the composer if shown."""
        if conversation_id is None:
            conversation_id, content = self.conversation_id, self.current_content()
        try:
            self.drafts.mark_sent(conversation_id, sent_at, via, content)
        except SellerDeskError as error:
            self.warn(self.tr("Not marked as sent"), str(error))
            return False
        if conversation_id == self.conversation_id:
            self._dirty = False
            self._template_key, self._way_out = None, "manual"
            self.view.set_content("", "")
            self.view.set_status(
                self.tr("Reply recorded as sent at {time}.").format(time=self._clock(sent_at))
            )
        self.hub.data_changed.emit()
        return True

    def _ask_sent_time(self, recipient: str) -> dt.datetime | None:
        dialog = MarkSentDialog(self._now(), self.context.seller_timezone(), recipient, self.view)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.sent_at()

    # --- settings -----------------------------------------------------------------------
    def open_smtp_settings(self) -> bool:
        """The SMTP dialog until valid or cancelled; True when settings were saved."""
        from sellerdesk.gui.views.smtp_settings import SmtpSettingsDialog

        dialog = SmtpSettingsDialog(self.view)
        current = outbox.load_settings(self.context.store)
        dialog.set_settings(current, has_password=self._has_password(current))
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.apply_smtp_settings(
                    dialog.settings(), dialog.new_password(), dialog.forget_password()
                )
            except SellerDeskError as error:
                dialog.show_error(str(error))
                continue
            return True
        return False

    def apply_smtp_settings(
        self, settings: outbox.SmtpSettings, password: str | None, forget: bool = False
    ) -> outbox.SmtpSettings:
        """Validate and store settings; the password goes to the keyring only."""
        saved = outbox.save_settings(self.context.store, settings)
        if forget:
            outbox.forget_password(saved)
        if password:
            outbox.store_password(saved, password)
        return saved

    @staticmethod
    def _has_password(settings: outbox.SmtpSettings) -> bool:
        if not settings.host:
            return False
        try:
            return bool(outbox.load_password(settings))
        except SellerDeskError:
            return False

    # --- printing -----------------------------------------------------------------------
    def print_conversation(self) -> None:
        if self.conversation_id == NO_CONVERSATION:
            return
        from sellerdesk.gui.printing.conversation_pdf import preview_dialog

        html = conversation_case_file(
            self.context.store, self.conversation_id, self.context.seller_timezone()
        )
        title = case_file_title(self.context.store, self.conversation_id)
        preview_dialog(html, title, self.view).exec()

    def export_pdf(self, path: str | None = None) -> Path | None:
        if self.conversation_id == NO_CONVERSATION:
            return None
        from sellerdesk.gui.printing.conversation_pdf import write_pdf

        title = case_file_title(self.context.store, self.conversation_id)
        chosen = path or self.ask_save_path(
            self.tr("Export conversation as PDF"), f"{title}.pdf", self.tr("PDF (*.pdf)")
        )
        if not chosen:
            return None
        html = conversation_case_file(
            self.context.store, self.conversation_id, self.context.seller_timezone()
        )
        try:
            written = write_pdf(html, Path(chosen), title)
        except OSError as error:
            self.warn(self.tr("The PDF was not written"), str(error))
            return None
        self.view.set_status(self.tr("Exported {name}.").format(name=written.name))
        return written

    # --- placing in the window ----------------------------------------------------------
    def install_into(self, window) -> None:  # type: ignore[no-untyped-def]
        """The composer under the reader, and the Conversation/Tools menu actions."""
        window.set_composer_pane(self.view)
        items: list[tuple[str, str, Callable[[], object], str | None]] = [
            ("conversation", self.tr("&Reply"), self.focus, SHORTCUT_FOCUS),
            ("conversation", self.tr("&Copy Reply"), self.copy_to_clipboard, SHORTCUT_COPY),
            ("conversation", self.tr("Save Reply as .&eml…"), self.save_eml, SHORTCUT_EML),
            ("conversation", self.tr("Sen&d Reply…"), self.send, SHORTCUT_SEND),
            ("conversation", self.tr("&Mark Reply as Sent…"), self.mark_sent, SHORTCUT_MARK_SENT),
            (
                "conversation",
                self.tr("&Print Conversation…"),
                self.print_conversation,
                SHORTCUT_PRINT,
            ),
            (
                "conversation",
                self.tr("Export Conversation as P&DF…"),
                self.export_pdf,
                SHORTCUT_PDF,
            ),
            ("tools", self.tr("Reply &Templates…"), self.open_template_editor, None),
            ("tools", self.tr("&SMTP Settings…"), self.open_smtp_settings, None),
        ]
        for menu, text, slot, shortcut in items:
            action = window.add_action(
                menu, text, lambda *_args, s=slot: s(), QKeySequence(shortcut) if shortcut else None
            )
            action.setObjectName("action_composer_" + slot.__name__.strip("_"))

    # --- dialogs ------------------------------------------------------------------------
    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.view,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_save_path(self, title: str, name: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.view, title, name, file_filter)
        return path or None

    def _warn_dialog(self, title: str, text: str) -> None:
        QMessageBox.warning(self.view, title, text)

    def focus(self) -> None:
        self.view.focus_body()


class TemplateEditorController(QObject):
    """Carries out the template editor's intents through ``TemplateService``."""

    def __init__(self, service: TemplateService, dialog: TemplateEditorDialog) -> None:
        super().__init__(dialog)
        self.service = service
        self.dialog = dialog
        dialog.language_filter_changed.connect(lambda _language: self.reload())
        dialog.save_requested.connect(self.save)
        dialog.add_requested.connect(self.add)
        dialog.delete_requested.connect(self.delete)
        dialog.export_requested.connect(self.export)
        dialog.import_requested.connect(self.import_)
        dialog.seller_name_changed.connect(service.set_seller_name)
        dialog.set_seller_name(service.seller_name() or "")
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        language = self.dialog.language_filter() or None
        self.dialog.set_templates(self.service.templates(language), select_id)

    def _attempt(self, operation: Callable[[], object]) -> tuple[bool, object]:
        """Run a service call; a refusal is shown in the dialog. Returns (succeeded, result)."""
        try:
            return True, operation()
        except SellerDeskError as error:
            self.dialog.show_error(str(error))
            return False, None

    def save(self, template_id: int, title: str, subject: str, body: str) -> None:
        ok, _ = self._attempt(lambda: self.service.edit(template_id, title, subject, body))
        if ok:
            self.reload(template_id)
            self.dialog.show_error(self.tr("Saved."))

    def add(self, key: str, language: str, title: str, subject: str, body: str) -> None:
        ok, new_id = self._attempt(lambda: self.service.add(key, language, title, subject, body))
        if ok and isinstance(new_id, int):
            self.dialog.filter_combo.setCurrentIndex(0)
            self.reload(new_id)

    def delete(self, template_id: int) -> None:
        template = self.service.get(template_id)
        if template is None:
            return
        answer = QMessageBox.question(
            self.dialog,
            self.tr("Delete template"),
            self.tr("Delete “{title}” ({language})?").format(
                title=template.title, language=template.language
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._attempt(lambda: self.service.delete(template_id))
            self.dialog.show_template(None)
            self.reload()

    def export(self, path: str) -> None:
        ok, count = self._attempt(lambda: self.service.export_file(Path(path)))
        if ok:
            self.dialog.show_error(self.tr("Exported {count} templates.").format(count=count))

    def import_(self, path: str) -> None:
        ok, result = self._attempt(lambda: self.service.import_file(Path(path)))
        if ok:
            self.reload()
            self.dialog.show_error(
                self.tr("Imported: {added} new, {updated} replaced.").format(
                    added=result.added,
                    updated=result.updated,  # type: ignore[attr-defined]
                )
            )


def install(window, context: AppContext, hub: SelectionHub) -> QObject:  # type: ignore[no-untyped-def]
    """Feature installer: the composer under the reader, its menus and shortcuts."""
    view = ComposerView()
    controller = ComposerController(context, hub, view, parent=window)
    controller.install_into(window)
    return controller
