"""Controller of the conversation reader: loads the selected thread, applies the seller's edits.

It listens to ``SelectionHub.conversation_selected`` and ``data_changed``, asks
``ConversationService`` for the thread, hands it to ``ConversationView`` and turns the view's
intents (no response needed, close, reopen, notes, tags) into service calls, announcing
``data_changed`` afterwards so the inbox and the other panes re-query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from sellerdesk.domain.timeutil import utc_now
from sellerdesk.errors import StoreUnavailable
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.views.conversation_view import ConversationView
from sellerdesk.services.conversations import (
    CLOSE,
    MARK_NO_RESPONSE_NEEDED,
    REOPEN,
    ConversationNotFound,
    ConversationService,
    StatusChangeRefused,
    is_seller_central_link,
)

CLOCK_TICK_MS = 30_000

SHORTCUT_NO_RESPONSE_NEEDED = "Ctrl+Shift+N"
SHORTCUT_CLOSE = "Ctrl+Shift+D"
SHORTCUT_REOPEN = "Ctrl+Shift+K"
SHORTCUT_EDIT_NOTES = "Ctrl+Shift+E"
SHORTCUT_ADD_TAG = "Ctrl+Shift+T"


class ConversationController(QObject):
    """Keeps the reader on the selected conversation and carries out its actions."""

    def __init__(
        self,
        service: ConversationService,
        view: ConversationView,
        hub: SelectionHub,
        seller_timezone: Callable[[], dt.tzinfo],
        parent: QObject | None = None,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.view = view
        self.hub = hub
        self._zone = seller_timezone
        self._now = now
        self._actions: dict[str, object] = {}
        self.conversation_id = NO_CONVERSATION
        hub.conversation_selected.connect(self.show_conversation)
        hub.data_changed.connect(self.reload)
        view.mark_no_response_needed_requested.connect(self.mark_no_response_needed)
        view.close_requested.connect(self.close_conversation)
        view.reopen_requested.connect(self.reopen_conversation)
        view.notes_edited.connect(self.save_notes)
        view.tag_added.connect(self.add_tag)
        view.tag_removed.connect(self.remove_tag)
        view.open_link_requested.connect(self.open_link)
        self._clock = QTimer(view)  # dies with the view it updates
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(lambda: self.view.update_clock(self._now()))
        self._clock.start()
        view.show_empty()

    # --- loading -----------------------------------------------------------------------
    def show_conversation(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.reload()

    def reload(self) -> None:
        if self.conversation_id == NO_CONVERSATION:
            self.view.show_empty()
            self._enable_actions(frozenset())
            return
        try:
            thread = self.service.thread(self.conversation_id)
            suggestions = self.service.all_tags()
        except ConversationNotFound:
            self.conversation_id = NO_CONVERSATION
            self.view.show_empty()
            self._enable_actions(frozenset())
            return
        except StoreUnavailable as error:
            self._show_store_error(error)
            return
        self.view.show_thread(thread, self._zone(), self._now())
        self.view.set_tag_suggestions(suggestions)
        self._enable_actions(thread.actions)

    # --- actions -----------------------------------------------------------------------
    def register_action(self, key: str, action: object) -> None:
        """Menu actions whose enabled state follows the current conversation's status."""
        self._actions[key] = action

    def _enable_actions(self, allowed: frozenset[str]) -> None:
        has_thread = self.conversation_id != NO_CONVERSATION
        for key, action in self._actions.items():
            status_action = key in (MARK_NO_RESPONSE_NEEDED, CLOSE, REOPEN)
            enabled = key in allowed if status_action else has_thread
            action.setEnabled(enabled)  # type: ignore[attr-defined]

    def _run(self, operation: Callable[[], object], done_message: str) -> bool:
        if self.conversation_id == NO_CONVERSATION:
            return False
        try:
            operation()
        except StatusChangeRefused:
            self.reload()
            return False
        except ConversationNotFound:
            self.show_conversation(NO_CONVERSATION)
            return False
        except StoreUnavailable as error:
            self._show_store_error(error)
            return False
        if done_message:
            self.hub.status_message.emit(done_message)
        self.hub.data_changed.emit()
        return True

    def mark_no_response_needed(self) -> None:
        cid = self.conversation_id
        self._run(
            lambda: self.service.mark_no_response_needed(cid),
            self.tr(
                "Marked “No response needed”. Amazon counts it only when you mark it in "
                "Seller Central too."
            ),
        )

    def close_conversation(self) -> None:
        cid = self.conversation_id
        self._run(lambda: self.service.close(cid), self.tr("Conversation closed."))

    def reopen_conversation(self) -> None:
        cid = self.conversation_id
        self._run(lambda: self.service.reopen(cid), self.tr("Conversation reopened."))

    def save_notes(self, conversation_id: int, notes: str) -> None:
        if conversation_id == NO_CONVERSATION:
            return
        try:
            self.service.set_notes(conversation_id, notes)
        except ConversationNotFound:
            return
        except StoreUnavailable as error:
            self._show_store_error(error)
            return
        self.hub.status_message.emit(self.tr("Notes saved."))
        self.hub.data_changed.emit()

    def add_tag(self, tag: str) -> None:
        cid = self.conversation_id
        self._run(lambda: self.service.add_tag(cid, tag), "")

    def remove_tag(self, tag: str) -> None:
        cid = self.conversation_id
        self._run(lambda: self.service.remove_tag(cid, tag), "")

    def edit_notes(self) -> None:
        if self.conversation_id != NO_CONVERSATION:
            self.view.focus_notes()

    def edit_tags(self) -> None:
        if self.conversation_id != NO_CONVERSATION:
            self.view.focus_tag_entry()

    def open_link(self, url: str) -> None:
        """Open Seller Central's "no response needed" link, only on the seller's click."""
        if is_seller_central_link(url):
            QDesktopServices.openUrl(QUrl(url))

    def install_actions(self, window) -> None:  # type: ignore[no-untyped-def]
        """The Conversation menu, each action with its shortcut."""
        items: list[tuple[str, str, Callable[[], None], str]] = [
            (
                MARK_NO_RESPONSE_NEEDED,
                self.tr("Mark &No Response Needed"),
                self.mark_no_response_needed,
                SHORTCUT_NO_RESPONSE_NEEDED,
            ),
            (CLOSE, self.tr("&Close Conversation"), self.close_conversation, SHORTCUT_CLOSE),
            (REOPEN, self.tr("&Reopen Conversation"), self.reopen_conversation, SHORTCUT_REOPEN),
            ("edit_notes", self.tr("Edit &Notes"), self.edit_notes, SHORTCUT_EDIT_NOTES),
            ("add_tag", self.tr("Add &Tag"), self.edit_tags, SHORTCUT_ADD_TAG),
        ]
        for key, text, slot, shortcut in items:
            action = window.add_action("conversation", text, slot, QKeySequence(shortcut))
            action.setObjectName(f"action_conversation_{key}")
            self.register_action(key, action)

    def _show_store_error(self, error: StoreUnavailable) -> None:
        QMessageBox.warning(self.view, self.tr("SellerDesk cannot use its data"), str(error))


def install(window, context, hub: SelectionHub) -> QObject:  # type: ignore[no-untyped-def]
    """Feature installer: the reader pane, its controller and the Conversation menu."""
    view = ConversationView()
    controller = ConversationController(
        ConversationService(context.store), view, hub, context.seller_timezone, parent=window
    )
    window.set_conversation_pane(view)
    controller.install_actions(window)
    # The inbox may have chosen a conversation already (this pane is installed after it).
    controller.show_conversation(hub.current_conversation)
    return controller
