"""The outbox: .eml files to the buyer's relay address, and SMTP through a real local server.

The SMTP tests start aiosmtpd on 127.0.0.1 (with and without AUTH) and keep the password in an
in-memory keyring backend, so nothing touches the machine's real keyring.
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from pathlib import Path

import keyring
import pytest
from reply_fixtures import MemoryKeyring, add_sample_conversation, free_port, start_smtp_server

from sellerdesk.services import outbox
from sellerdesk.services.drafts import DraftService
from sellerdesk.services.outbox import OutboxError, SmtpSettings
from sellerdesk.store.drafts_repo import ReplyFacts

RELAY = "oe3824cnzfqoe61@marketplace.amazon.de"
BODY = "Guten Tag Jana Becker,\n\nwie gewünscht haben wir die Bestellung 304-8581852-7480010 storniert.\n\nMit freundlichen Grüßen\nBecker"  # noqa: E501


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def smtp_server():  # type: ignore[no-untyped-def]
    controller, inbox = start_smtp_server("seller", "s3cret-Pässword")
    yield controller, inbox
    controller.stop()


def _facts(relay: str | None = RELAY) -> ReplyFacts:
    return ReplyFacts(
        conversation_id=1,
        order_id="304-8581852-7480010",
        marketplace="DE",
        buyer_name="Jana Becker",
        relay_address=relay,
        subject="Inquiry from Amazon customer  (Order: 304-8581852-7480010)",
        item="Trinkflasche",
        asin="B0XTT40YBL",
        last_message_id="223836115.6.1755969078501.JavaMail.email@mail-relay.amazon.com",
        references=(
            "816961899.5.1613312710273.JavaMail.email@ip-10-0-9-97.ec2.internal",
            "223836115.6.1755969078501.JavaMail.email@mail-relay.amazon.com",
        ),
    )


# --- .eml ------------------------------------------------------------------------------------
def test_eml_is_addressed_to_the_relay_and_threaded(tmp_path: Path) -> None:
    message = outbox.build_message(
        _facts(), "", BODY, sender="Becker <shop@becker.example>", unsent=True
    )
    path = outbox.save_eml(message, tmp_path / "reply")
    assert path.suffix == ".eml"
    raw = path.read_bytes()
    assert b"\r\n" in raw
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["To"] == RELAY
    assert parsed["From"] == "Becker <shop@becker.example>"
    assert parsed["Subject"] == "Re: Inquiry from Amazon customer  (Order: 304-8581852-7480010)"
    assert parsed["In-Reply-To"] == (
        "<223836115.6.1755969078501.JavaMail.email@mail-relay.amazon.com>"
    )
    assert parsed["References"].count("<") == 2
    assert parsed["X-Unsent"] == "1"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    assert parsed["Message-ID"].endswith("@becker.example>")


def test_eml_from_the_stored_conversation(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    facts = DraftService(store).facts(conversation_id)
    message = outbox.build_message(facts, "Ihre Bestellung 304-8581852-7480010", BODY)
    parsed = message_from_bytes(
        outbox.save_eml(message, tmp_path / "a.eml").read_bytes(), policy=policy.default
    )
    assert parsed["To"] == RELAY
    assert parsed["Subject"] == "Ihre Bestellung 304-8581852-7480010"
    assert "JavaMail" in parsed["In-Reply-To"]


def test_no_relay_address_refuses() -> None:
    with pytest.raises(OutboxError, match="no buyer relay address"):
        outbox.build_message(_facts(relay=None), "s", BODY)


def test_unwritable_eml_path_is_reported(tmp_path: Path) -> None:
    message = outbox.build_message(_facts(), "s", BODY)
    with pytest.raises(OutboxError, match="Cannot write"):
        outbox.save_eml(message, tmp_path / "missing-folder" / "x.eml")


# --- settings and keyring --------------------------------------------------------------------
def test_settings_round_trip_and_validation(store) -> None:  # type: ignore[no-untyped-def]
    assert outbox.load_settings(store) == SmtpSettings()
    saved = outbox.save_settings(
        store, SmtpSettings(" mail.example ", 2525, "none", "seller", "shop@becker.example", "B")
    )
    assert saved.host == "mail.example"
    assert outbox.load_settings(store) == saved
    with pytest.raises(Exception, match="host name"):
        outbox.save_settings(store, SmtpSettings("", 25, "none", "", "a@b.example"))
    with pytest.raises(Exception, match="address you send from"):
        outbox.save_settings(store, SmtpSettings("h", 25, "none", "", "nobody"))


def test_password_lives_in_the_keyring_never_in_the_database(store, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    settings = outbox.save_settings(
        store, SmtpSettings("mail.example", 587, "starttls", "seller", "shop@becker.example")
    )
    outbox.store_password(settings, "s3cret-Pässword")
    assert outbox.load_password(settings) == "s3cret-Pässword"
    assert memory_keyring.entries == {
        ("SellerDesk SMTP", "seller@mail.example:587"): "s3cret-Pässword"
    }
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [p for p in store.data_dir.iterdir() if p.name.startswith("sellerdesk.db")]
    assert files
    for path in files:
        assert b"s3cret" not in path.read_bytes()
    outbox.forget_password(settings)
    outbox.forget_password(settings)  # forgetting twice is fine
    assert outbox.load_password(settings) is None


# --- SMTP against a real server on loopback ----------------------------------------------------
def test_send_through_smtp_with_login(smtp_server, store, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    controller, inbox = smtp_server
    settings = outbox.save_settings(
        store,
        SmtpSettings(
            "127.0.0.1",
            controller.port,
            "none",
            "seller",
            "shop@becker.example",
            "Becker Haushaltswaren",
        ),
    )
    outbox.store_password(settings, "s3cret-Pässword")
    message = outbox.build_message(
        _facts(),
        "Ihre Bestellung 304-8581852-7480010",
        BODY,
        now=dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC),
    )
    result = outbox.send(message, settings, outbox.load_password(settings))
    assert result.recipient == RELAY
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.mail_from == "shop@becker.example"
    assert envelope.rcpt_tos == [RELAY]
    received = message_from_bytes(envelope.original_content, policy=policy.default)
    assert received["From"] == "Becker Haushaltswaren <shop@becker.example>"
    assert received.get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    assert "X-Unsent" not in received


def test_wrong_password_is_reported_and_nothing_is_sent(smtp_server, store) -> None:  # type: ignore[no-untyped-def]
    controller, inbox = smtp_server
    settings = SmtpSettings("127.0.0.1", controller.port, "none", "seller", "shop@becker.example")
    message = outbox.build_message(_facts(), "s", BODY)
    with pytest.raises(OutboxError, match="user name or password"):
        outbox.send(message, settings, "wrong")
    with pytest.raises(OutboxError, match="No SMTP password"):
        outbox.send(message, settings, None)
    assert inbox.envelopes == []


def test_unreachable_server_is_reported() -> None:
    settings = SmtpSettings("127.0.0.1", free_port(), "none", "", "shop@becker.example")
    with pytest.raises(OutboxError, match="Cannot reach the SMTP server"):
        outbox.send(outbox.build_message(_facts(), "s", BODY), settings, None, timeout=5)
