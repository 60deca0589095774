"""The case file of a conversation: thread, order facts, notes, tags and sent replies, as HTML."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from reply_fixtures import add_sample_conversation

from sellerdesk.services.conversation_report import (
    ConversationNotFound,
    case_file_title,
    conversation_case_file,
)
from sellerdesk.services.drafts import DraftContent, DraftService

BERLIN = ZoneInfo("Europe/Berlin")
GENERATED = dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC)


def _case_file(store, notes: str = "Kunde hat doppelt bestellt.\nZweite Zeile") -> tuple[int, str]:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store, notes=notes, tags=("storno", "vip"))
    drafts = DraftService(store)
    content = DraftContent("Ihre Bestellung", "Storniert, Bestellung 304-8581852-7480010.")
    drafts.save(conversation_id, content)
    sent_at = dt.datetime(2023, 3, 9, 8, 0, tzinfo=dt.UTC)
    drafts.mark_sent(conversation_id, sent_at, via="clipboard")
    return conversation_id, conversation_case_file(store, conversation_id, BERLIN, GENERATED)


def test_case_file_has_thread_order_and_notes(store) -> None:  # type: ignore[no-untyped-def]
    _, html = _case_file(store)
    assert "Case file: order 304-8581852-7480010" in html
    assert "Bestellung doppelt aufgegeben" in html
    assert "Hallo, bitte stornieren Sie meine Bestellung." in html
    assert "Edelstahl Trinkflasche 1 L, auslaufsicher, BPA-frei" in html
    assert "B0XTT40YBL" in html
    assert "oe3824cnzfqoe61@marketplace.amazon.de" in html
    assert "Kunde hat doppelt bestellt.<br>Zweite Zeile" in html
    assert "storno, vip" in html
    assert "Your reply (sent from SellerDesk)" in html and "copied to Seller Central" in html
    assert "Thread (3)" in html


def test_thread_is_in_time_order_in_the_sellers_zone(store) -> None:  # type: ignore[no-untyped-def]
    _, html = _case_file(store)
    first = html.index("Bestellung doppelt aufgegeben")  # 2023-03-08 10:54 UTC
    second = html.index("bitte stornieren Sie meine")  # 2023-03-09 03:39 UTC
    reply = html.index("Storniert, Bestellung")  # 2023-03-09 08:00 UTC
    assert first < second < reply
    assert "2023-03-08 11:54 CET" in html
    assert "2023-03-09 09:00 CET" in html
    assert "Printed from SellerDesk on 2026-11-26 09:30 CET" in html
    assert "Status</td><td>Replied" in html


def test_text_is_escaped(store) -> None:  # type: ignore[no-untyped-def]
    _, html = _case_file(store, notes="<script>alert(1)</script> & more")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_unknown_conversation(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConversationNotFound):
        conversation_case_file(store, 999)
    with pytest.raises(ConversationNotFound):
        case_file_title(store, 999)


def test_title_names_the_order(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    assert case_file_title(store, conversation_id) == "case-file-304-8581852-7480010"
