"""The conversation reader and its controller on real imported mail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sellerdesk.domain.timeutil import from_iso
from sellerdesk.gui.controllers.conversation_controller import ConversationController
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.views.conversation_view import ConversationView, MessageBubble
from sellerdesk.services.conversations import ConversationService
from sellerdesk.services.importer import import_paths
from sellerdesk.store.store import Store

FR_THREAD = ("00001.eml", "00002.eml", "00003.eml", "00004.eml")
NOW = from_iso("2023-03-03T12:47:42Z")  # 11 h after the last buyer message
TOKYO = dt.timezone(dt.timedelta(hours=9), "JST")


@pytest.fixture
def reader(qtbot, store: Store, samples_dir: Path):  # type: ignore[no-untyped-def]
    summary = import_paths(store, [samples_dir / name for name in FR_THREAD])
    (cid,) = summary.conversation_ids
    hub = SelectionHub()
    view = ConversationView()
    qtbot.addWidget(view)
    controller = ConversationController(
        ConversationService(store), view, hub, lambda: TOKYO, parent=view, now=lambda: NOW
    )
    view.resize(700, 800)
    view.show()
    return hub, view, controller, cid


def _bubble_texts(view: ConversationView) -> list[str]:
    return [b.text_label.text() for b in view.findChildren(MessageBubble)]


def test_selected_conversation_is_shown(reader) -> None:  # type: ignore[no-untyped-def]
    hub, view, _controller, cid = reader
    hub.conversation_selected.emit(cid)
    assert view.buyer_label.text() == "Gaëlle"
    assert "404-4252870-0933940" in view.order_label.text()
    assert "B0VUQEPF19" in view.order_label.text()
    assert view.status_label.text() == "Needs reply"
    # Due 2023-03-04 01:47:42 UTC = 10:47 in Tokyo; 13 h left at NOW.
    assert "13 h 0 min left" in view.clock_label.text()
    assert "10:47 JST" in view.clock_label.text()
    texts = _bubble_texts(view)
    assert len(texts) == 4
    assert texts[0] == "Merci d'annuler ma commande, je me suis trompé de couleur."
    sides = [b.objectName() for b in view.findChildren(MessageBubble)]
    assert sides == ["bubble_buyer", "bubble_buyer", "bubble_seller", "bubble_buyer"]


def test_message_text_is_never_interpreted(reader, store: Store) -> None:  # type: ignore[no-untyped-def]
    hub, view, _controller, cid = reader
    store.db.execute(
        "UPDATE messages SET buyer_text = ? WHERE conversation_id = ? AND kind = 'buyer_message'",
        ['<img src="https://tracker.example/p.gif"><b>bold</b>', cid],
    )
    hub.conversation_selected.emit(cid)
    labels = [label for b in view.findChildren(MessageBubble) for label in b.findChildren(QLabel)]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert '<img src="https://tracker.example/p.gif"><b>bold</b>' in _bubble_texts(view)


def test_no_response_needed_then_reopen(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    hub, view, _controller, cid = reader
    hub.conversation_selected.emit(cid)
    assert not view.nrn_banner.isVisibleTo(view)
    with qtbot.waitSignal(hub.data_changed, timeout=2000):
        qtbot.mouseClick(view.nrn_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == "No response needed"
    assert view.nrn_banner.isVisibleTo(view)
    assert "Seller Central" in view.nrn_text.text()
    assert view.clock_label.text().startswith("Last reply")
    assert view.reopen_button.isEnabled() and not view.nrn_button.isEnabled()
    with qtbot.waitSignal(hub.data_changed, timeout=2000):
        qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == "Needs reply"
    assert not view.nrn_banner.isVisibleTo(view)


def test_notes_and_tags_are_saved(reader, qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    hub, view, _controller, cid = reader
    hub.conversation_selected.emit(cid)
    view.notes_edit.setPlainText("Refund promised for Friday")
    with qtbot.waitSignal(hub.data_changed, timeout=3000):
        pass  # the notes are saved after a short pause in typing
    qtbot.keyClicks(view.tag_edit, "rappel")
    qtbot.keyClick(view.tag_edit, Qt.Key.Key_Return)
    thread = ConversationService(store).thread(cid)
    assert thread.notes == "Refund promised for Friday"
    assert thread.tags == ("rappel",)
    assert view.tag_edit.text() == ""


def test_pending_notes_are_kept_when_switching(reader, store: Store) -> None:  # type: ignore[no-untyped-def]
    hub, view, _controller, cid = reader
    hub.conversation_selected.emit(cid)
    view.notes_edit.setPlainText("typed just before switching")
    hub.conversation_selected.emit(NO_CONVERSATION)
    assert ConversationService(store).thread(cid).notes == "typed just before switching"
    assert view._stack.currentIndex() == 0
