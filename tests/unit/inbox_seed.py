"""Conversations and messages for the inbox, search and metrics tests.

``Seed`` stores rows the way the importer does (real raw bytes of a sample e-mail when the
corpus is there) and refreshes each conversation with the lead's ``refresh_conversations``, so
the reply clock columns are the real ones.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from sellerdesk.domain.timeutil import to_iso
from sellerdesk.store.conversations_repo import refresh_conversations
from sellerdesk.store.store import Store

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "amazon-mail"
SAMPLE = SAMPLES / "00001.eml"
RAW = SAMPLE.read_bytes() if SAMPLE.exists() else b"From: a@example.invalid\r\n\r\nbody\r\n"
T0 = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


class Seed:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._numbers = itertools.count(1)

    def conversation(
        self,
        *,
        buyer: str = "Emily Carter",
        order_id: str | None = None,
        marketplace: str = "US",
        subject: str = "Inquiry from Amazon customer",
        notes: str = "",
        tags: tuple[str, ...] = (),
    ) -> int:
        number = next(self._numbers)
        with self.store.write() as db:
            if order_id:
                db.execute(
                    "INSERT OR IGNORE INTO orders(order_id, marketplace, buyer_name) "
                    "VALUES (?, ?, ?)",
                    [order_id, marketplace, buyer],
                )
            cursor = db.execute(
                "INSERT INTO conversations(thread_key, order_id, marketplace, buyer_name, "
                "subject, notes) VALUES (?, ?, ?, ?, ?, ?)",
                [f"T{number}", order_id, marketplace, buyer, subject, notes],
            )
            cid = int(cursor.lastrowid)
            for tag in tags:
                db.execute(
                    "INSERT INTO conversation_tags(conversation_id, tag) VALUES (?, ?)", [cid, tag]
                )
        return cid

    def message(
        self,
        cid: int,
        at: dt.datetime,
        *,
        kind: str = "buyer_message",
        text: str | None = "Hello",
        subject: str | None = None,
        asins: tuple[str, ...] = (),
        no_response_needed: bool = False,
    ) -> int:
        number = next(self._numbers)
        with self.store.write() as db:
            conv = db.execute(
                "SELECT order_id, marketplace, buyer_name, subject FROM conversations WHERE id = ?",
                [cid],
            ).fetchone()
            cursor = db.execute(
                "INSERT INTO messages(message_key, message_id, conversation_id, kind, marketplace, "
                "order_id, asins, buyer_name, subject, buyer_text, received_at, raw, imported_at, "
                "no_response_needed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    f"k{number}", f"m{number}@example.invalid", cid, kind, conv[1], conv[0],
                    json.dumps(list(asins)), conv[2], subject or conv[3],
                    text if kind != "reply_copy" else None, to_iso(at), RAW, to_iso(at),
                    int(no_response_needed),
                ],
            )
            refresh_conversations(db, [cid])
            return int(cursor.lastrowid)

    def set_status(self, cid: int, status: str, at: dt.datetime) -> None:
        """The seller sets ``status`` at ``at`` (a fixed time: tests never read the clock)."""
        with self.store.write() as db:
            db.execute(
                "UPDATE conversations SET status = ?, status_changed_at = ? WHERE id = ?",
                [status, to_iso(at), cid],
            )

    def set_notes(self, cid: int, notes: str) -> None:
        with self.store.write() as db:
            db.execute("UPDATE conversations SET notes = ? WHERE id = ?", [notes, cid])
