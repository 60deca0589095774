"""Reading a conversation and the seller's status, notes and tag changes (real sample mail)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sellerdesk.domain.reply_clock import REPLY_WINDOW
from sellerdesk.domain.timeutil import from_iso
from sellerdesk.services.conversations import (
    AMAZON,
    BUYER,
    CLOSE,
    MARK_NO_RESPONSE_NEEDED,
    REOPEN,
    SELLER,
    ConversationNotFound,
    ConversationService,
    StatusChangeRefused,
    is_seller_central_link,
    normalize_tag,
)
from sellerdesk.services.importer import import_paths
from sellerdesk.store.store import Store

FR_THREAD = ("00001.eml", "00002.eml", "00003.eml", "00004.eml")  # 2 buyer, reply, buyer
DE_NOTICES = ("00041.eml", "00042.eml", "00045.eml")  # buyer + photo, return, refund


def _import(store: Store, samples: Path, files: tuple[str, ...]) -> int:
    summary = import_paths(store, [samples / name for name in files])
    assert summary.failed == [] and summary.imported == len(files)
    (cid,) = summary.conversation_ids
    return cid


def _flags(store: Store, cid: int) -> list[int]:
    rows = store.db.execute(
        "SELECT no_response_needed FROM messages WHERE conversation_id = ? "
        "AND kind = 'buyer_message' ORDER BY received_at",
        [cid],
    ).fetchall()
    return [row[0] for row in rows]


def test_thread_in_order_with_sides_and_text(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    thread = ConversationService(store).thread(cid)
    assert [m.side for m in thread.messages] == [BUYER, BUYER, SELLER, BUYER]
    assert [m.at for m in thread.messages] == sorted(m.at for m in thread.messages)
    assert thread.messages[0].text == "Merci d'annuler ma commande, je me suis trompé de couleur."
    assert thread.messages[0].sender == "Gaëlle"
    assert thread.messages[2].text.startswith("Bonjour Gaëlle,")
    assert thread.order.order_id == "404-4252870-0933940"
    assert thread.order.asins == ("B0VUQEPF19",)
    assert thread.order.item_title == "Moule à gâteau en silicone Ø 24 cm"
    assert thread.order.marketplace == "FR"
    # The reply answered the first two messages; the third one runs the clock.
    assert thread.status == "needs_reply"
    assert thread.reply_due_at == from_iso("2023-03-03T01:47:42Z") + REPLY_WINDOW
    assert thread.actions == {MARK_NO_RESPONSE_NEEDED, CLOSE}


def test_notices_and_attachments(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, DE_NOTICES)
    thread = ConversationService(store).thread(cid)
    assert [m.side for m in thread.messages] == [BUYER, AMAZON, AMAZON]
    assert [m.kind for m in thread.messages[1:]] == ["return_request", "refund_issued"]
    attachments = thread.messages[0].attachments
    assert len(attachments) == 1 and attachments[0].size > 0 and attachments[0].filename
    assert all(m.text for m in thread.messages)


def test_no_response_needed_flags_unanswered_and_stops_the_clock(
    store: Store, samples_dir: Path
) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    service = ConversationService(store)
    assert service.mark_no_response_needed(cid) == 1
    assert _flags(store, cid) == [0, 0, 1]  # answered messages keep counting as answered
    thread = service.thread(cid)
    assert thread.status == "no_response_needed"
    assert thread.reply_due_at is None and thread.oldest_unanswered_at is None
    assert thread.actions == {CLOSE, REOPEN}
    assert thread.messages[-1].no_response_needed
    assert thread.nrn_link is None  # these notifications carried no link
    with pytest.raises(StatusChangeRefused):
        service.mark_no_response_needed(cid)


def test_no_response_needed_link_from_the_notification(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, ("00033.eml",))
    service = ConversationService(store)
    service.mark_no_response_needed(cid)
    link = service.thread(cid).nrn_link
    assert link == (
        "https://sellercentral.amazon.com/gp/communication-manager/inbox.html"
        "?ie=UTF8&nrn=1&t=VH2D0U17DM0PN9849M8G"
    )


def test_reopen_restores_the_clock(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    service = ConversationService(store)
    due = service.thread(cid).reply_due_at
    service.mark_no_response_needed(cid)
    assert service.reopen(cid) == "needs_reply"
    assert _flags(store, cid) == [0, 0, 0]
    assert service.thread(cid).reply_due_at == due


def test_close_and_reopen(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    service = ConversationService(store)
    service.close(cid)
    thread = service.thread(cid)
    assert thread.status == "closed" and thread.actions == {REOPEN}
    with pytest.raises(StatusChangeRefused):
        service.close(cid)
    assert service.reopen(cid) == "needs_reply"


def test_closed_conversation_reopens_when_the_buyer_writes_again(
    store: Store, samples_dir: Path
) -> None:
    cid = _import(store, samples_dir, FR_THREAD[:3])
    service = ConversationService(store)
    assert service.thread(cid).status == "replied"
    service.close(cid)
    store.db.execute(
        "UPDATE conversations SET status_changed_at = '2023-03-02T12:00:00Z' WHERE id = ?", [cid]
    )
    import_paths(store, [samples_dir / FR_THREAD[3]])
    assert service.thread(cid).status == "needs_reply"


def test_notes_and_tags(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    service = ConversationService(store)
    service.set_notes(cid, "Promised a refund on Friday.\nTracking 1Z999.")
    assert service.add_tag(cid, "  urgent   refund ") == "urgent refund"
    assert service.add_tag(cid, "urgent refund") == "urgent refund"
    assert service.add_tag(cid, "   ") is None
    service.add_tag(cid, "Colissimo")
    thread = service.thread(cid)
    assert thread.notes == "Promised a refund on Friday.\nTracking 1Z999."
    assert thread.tags == ("Colissimo", "urgent refund")
    assert set(service.all_tags()) == {"Colissimo", "urgent refund"}
    service.remove_tag(cid, "Colissimo")
    assert service.thread(cid).tags == ("urgent refund",)


def test_unknown_conversation(store: Store) -> None:
    service = ConversationService(store)
    with pytest.raises(ConversationNotFound):
        service.thread(4242)
    with pytest.raises(ConversationNotFound):
        service.close(4242)


def test_nrn_links_only_from_seller_central() -> None:
    good = "https://sellercentral.amazon.de/gp/communication-manager/inbox.html?ie=UTF8&nrn=1&t=X"
    assert is_seller_central_link(good)
    evil = "https://sellercentral.amazon.de.evil.example/messaging/no-response-needed?t=1"
    assert not is_seller_central_link(evil)
    assert not is_seller_central_link("http://sellercentral.amazon.com/x?nrn=1")
    assert normalize_tag("x" * 100) == "x" * 40


def test_seller_central_hosts_follow_the_marketplace_domains() -> None:
    assert is_seller_central_link("https://sellercentral.amazon.ie/messaging/inbox?nrn=1")
    assert is_seller_central_link("https://sellercentral-europe.amazon.co.uk/x?nrn=1")
    assert is_seller_central_link("https://sellercentral-japan.amazon.co.jp/x?nrn=1")
    assert not is_seller_central_link("https://sellercentral.amazon.ie.evil.example/x?nrn=1")
    assert not is_seller_central_link("https://evil-sellercentral.amazon.ie/x?nrn=1")
    assert not is_seller_central_link("https://sellercentral.amazon.xx/x?nrn=1")
    assert not is_seller_central_link("https://[broken/x?nrn=1")


def test_time_left(store: Store, samples_dir: Path) -> None:
    cid = _import(store, samples_dir, FR_THREAD)
    thread = ConversationService(store).thread(cid)
    moment = from_iso("2023-03-03T02:47:42Z")
    assert thread.time_left(moment) == dt.timedelta(hours=23)
