"""Stored conversations for the replying tests, built from the sample corpus's real e-mails.

``add_sample_conversation`` stores one order, one conversation and its buyer messages the way
the importer does (raw bytes of real sample e-mails, truth.jsonl's parsed fields), then
refreshes the conversation so its reply clock runs.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import keyring.backend
import keyring.errors
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from sellerdesk.store.conversations_repo import refresh_conversations
from sellerdesk.store.store import Store

SAMPLES_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "amazon-mail"
# Two buyer messages of one German conversation in the sample corpus.
DE_THREAD_FILES = ("00005.eml", "00006.eml")


def truth(files: tuple[str, ...]) -> list[dict]:
    wanted = set(files)
    rows = []
    for line in (SAMPLES_DIR / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("file") in wanted:
            rows.append(row)
    return rows


def add_sample_conversation(
    store: Store,
    files: tuple[str, ...] = DE_THREAD_FILES,
    buyer_name: str | None = "Jana Becker",
    notes: str = "",
    tags: tuple[str, ...] = (),
    thread_key: str | None = None,
    marketplace: str | None = None,
) -> int:
    """Store the sample e-mails ``files`` as one conversation; returns its id."""
    rows = truth(files)
    first = dict(rows[0])
    first["thread_key"] = thread_key or first["thread_key"]
    first["marketplace"] = marketplace or first["marketplace"]
    with store.write() as db:
        db.execute(
            "INSERT OR IGNORE INTO orders(order_id, marketplace, item_title, asins, buyer_name) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                first["order_id"],
                first["marketplace"],
                first["item_title"],
                json.dumps(first["asins"]),
                buyer_name,
            ],
        )
        cursor = db.execute(
            "INSERT INTO conversations(thread_key, order_id, marketplace, buyer_name, "
            "relay_address, subject, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                first["thread_key"],
                first["order_id"],
                first["marketplace"],
                buyer_name,
                first["relay_address"],
                first["extra"]["subject"],
                notes,
            ],
        )
        conversation_id = int(cursor.lastrowid)
        for row in rows:
            db.execute(
                "INSERT INTO messages(message_key, message_id, conversation_id, kind, marketplace,"
                " order_id, asins, item_title, buyer_name, relay_address, subject, buyer_text, "
                "received_at, raw, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    row["message_id"],
                    row["message_id"],
                    conversation_id,
                    row["kind"],
                    row["marketplace"],
                    row["order_id"],
                    json.dumps(row["asins"]),
                    row["item_title"],
                    row["buyer_name"],
                    row["relay_address"],
                    row["extra"]["subject"],
                    row["buyer_text"],
                    row["received_at"],
                    (SAMPLES_DIR / row["file"]).read_bytes(),
                    row["received_at"],
                ],
            )
        for tag in tags:
            db.execute(
                "INSERT INTO conversation_tags(conversation_id, tag) VALUES (?, ?)",
                [conversation_id, tag],
            )
        refresh_conversations(db, [conversation_id])
    return conversation_id


def conversation_row(store: Store, conversation_id: int) -> dict:
    with store.read() as db:
        cursor = db.execute("SELECT * FROM conversations WHERE id = ?", [conversation_id])
        row = cursor.fetchone()
        return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only (tests never touch the real keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class SmtpInbox:
    """aiosmtpd handler keeping every envelope it accepts."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp_server(user: str, password: str) -> tuple[Controller, SmtpInbox]:
    """A real SMTP server on 127.0.0.1 accepting AUTH as ``user``/``password`` (no TLS)."""

    def check(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)

    inbox = SmtpInbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=check,
        auth_require_tls=False,
    )
    controller.start()
    return controller, inbox
