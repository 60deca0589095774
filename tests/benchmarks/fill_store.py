"""Fill a store with N generated messages fast (direct inserts), for benchmarks and screenshots.

Conversations get their derived columns (reply clock, status, counts) from the real domain
clock, messages their ``answered_at``; the search index is built with the real indexer.
Run as a script: ``python tests/benchmarks/fill_store.py DATA_DIR [N]``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from sellerdesk.domain.reply_clock import ClockEvent, compute_clock, derive_status
from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.store import search_repo
from sellerdesk.store.store import Store

MARKETPLACES = {
    "US": ("com", "111", ["Emily Carter", "James Miller", "Olivia Brown", "Michael Davis"]),
    "UK": ("co.uk", "202", ["Oliver Smith", "Amelia Jones", "Harry Wilson", "Isla Taylor"]),
    "DE": ("de", "302", ["Jürgen Müller", "Anna Schmidt", "Lukas Weber", "Sophie Fischer"]),
    "FR": ("fr", "404", ["Gaëlle Martin", "Lucas Bernard", "Chloé Dubois", "Hugo Laurent"]),
    "JP": ("co.jp", "503", ["佐藤 花子", "鈴木 一郎", "高橋 美咲", "王 芳", "李 伟"]),
}
TEXTS = {
    "US": [
        "Hi, where is my order? Tracking has not moved for four days.",
        "The mug arrived with a cracked handle. Can I get a replacement?",
        "I received the wrong color, I ordered navy and got black.",
        "Can you send me an invoice for my company please?",
        "Thanks, everything arrived fine!",
    ],
    "UK": [
        "Hello, the parcel says delivered but I cannot find it anywhere.",
        "Could you confirm the dimensions before I order a second one?",
        "The lid is missing from the box, please advise.",
    ],
    "DE": [
        "Hallo, wann wird meine Bestellung versendet? Ich brauche sie bis Freitag.",
        "Der Artikel ist leider beschädigt angekommen, bitte um Ersatz.",
        "Bitte senden Sie mir eine Rechnung mit ausgewiesener MwSt.",
    ],
    "FR": [
        "Bonjour, mon colis n'est toujours pas arrivé, pouvez-vous vérifier ?",
        "Le moule est arrivé cassé, je souhaite un remboursement.",
        "Merci d'annuler ma commande, je me suis trompé de couleur.",
    ],
    "JP": [
        "商品がまだ届きません。配送状況を確認していただけますか。",
        "箱が破損していて、中の商品に傷がありました。交換をお願いします。",
        "明天提交项目报告之前需要收到发票，请尽快发送。",
        "注文した色と違う商品が届きました。返品の手続きを教えてください。",
    ],
}
ITEMS = [
    ("Ceramic coffee mug 350 ml", "B0CMUG0001"),
    ("Silicone cake mould 24 cm", "B0VUQEPF19"),
    ("Stainless steel water bottle 750 ml", "B0BOTTLE75"),
    ("Bamboo cutting board set", "B0BAMBOO03"),
    ("LED desk lamp with USB port", "B0LAMP0042"),
]
ADDED_KINDS = ("return_request", "refund_issued", "atoz_claim")


def _order_id(rng: random.Random, prefix: str) -> str:
    return f"{prefix}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"


def _conversation_messages(rng: random.Random, start: dt.datetime, now: dt.datetime) -> list[dict]:
    """Buyer messages, most answered within a day, some late, some (recent) not yet."""
    events: list[dict] = []
    at = start
    for index in range(rng.choice((1, 1, 1, 2, 2, 3))):
        if at > now:
            break
        kind = "buyer_message"
        if index > 0 and rng.random() < 0.08:
            kind = rng.choice(ADDED_KINDS)
        events.append({"kind": kind, "at": at})
        if rng.random() < 0.93:
            late = rng.random() < 0.06
            minutes = rng.randrange(1500, 4000) if late else rng.randrange(15, 1400)
            reply_at = at + dt.timedelta(minutes=minutes)
            if reply_at <= now:
                events.append({"kind": "reply_copy", "at": reply_at})
                at = reply_at
        at = at + dt.timedelta(minutes=rng.choice((60, 600, 2000, 5000)))
    return events


def _insert_conversation(db, rng, cid, now, first_mid):  # type: ignore[no-untyped-def]
    market = rng.choice(list(MARKETPLACES))
    tld, prefix, names = MARKETPLACES[market]
    buyer = rng.choice(names)
    order_id = _order_id(rng, prefix)
    item, asin = rng.choice(ITEMS)
    relay = f"{rng.randrange(16**12):012x}@marketplace.amazon.{tld}"
    start = now - dt.timedelta(minutes=rng.randrange(120 * 24 * 60))
    subject = f"Inquiry from Amazon customer {buyer} (Order: {order_id})"
    events = _conversation_messages(rng, start, now)
    clock = compute_clock(
        ClockEvent(
            key=n,
            at=e["at"],
            is_buyer_message=e["kind"] != "reply_copy",
            is_seller_reply=e["kind"] == "reply_copy",
        )
        for n, e in enumerate(events)
    )
    status = derive_status(clock, None, None)
    stale = clock.reply_due_at is not None and clock.reply_due_at < now - dt.timedelta(days=2)
    if status == "needs_reply" and (stale and rng.random() < 0.995 or rng.random() < 0.05):
        # Sellers settle old threads: most long-unanswered ones were closed or marked NRN.
        status = rng.choice(("closed", "no_response_needed"))
    rows = []
    for n, event in enumerate(events):
        mid = first_mid + n
        answered = clock.answered_at.get(n)
        rows.append(
            (
                mid, f"gen-{mid}", f"gen-{mid}@example.invalid", cid, event["kind"], market,
                order_id, json.dumps([asin]), item, buyer, relay, subject,
                rng.choice(TEXTS[market]) if event["kind"] != "reply_copy" else None,
                "Thank you for your message." if event["kind"] == "reply_copy" else None,
                to_iso(event["at"]), b"", to_iso(now),
                to_iso(answered) if answered else None,
            )
        )
    db.execute(
        "INSERT OR IGNORE INTO orders(order_id, marketplace, item_title, asins, buyer_name) "
        "VALUES (?, ?, ?, ?, ?)",
        [order_id, market, item, json.dumps([asin]), buyer],
    )
    db.execute(
        "INSERT INTO conversations(id, thread_key, order_id, marketplace, buyer_name, "
        "relay_address, subject, status, first_message_at, last_message_at, message_count, "
        "oldest_unanswered_at, reply_due_at, last_reply_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            cid, f"{market}:{order_id}", order_id, market, buyer, relay, subject, status,
            to_iso(events[0]["at"]), to_iso(events[-1]["at"]), len(events),
            to_iso(clock.oldest_unanswered_at) if clock.oldest_unanswered_at else None,
            to_iso(clock.reply_due_at) if clock.reply_due_at else None,
            to_iso(clock.last_reply_at) if clock.last_reply_at else None,
        ],
    )
    db.conn.executemany(
        "INSERT INTO messages(id, message_key, message_id, conversation_id, kind, marketplace, "
        "order_id, asins, item_title, buyer_name, relay_address, subject, buyer_text, "
        "seller_text, received_at, raw, imported_at, answered_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if rng.random() < 0.03:
        db.execute(
            "INSERT INTO conversation_tags(conversation_id, tag) VALUES (?, ?)", [cid, "vip"]
        )
    return len(rows)


def fill(store: Store, messages: int, seed: int = 7, now: dt.datetime | None = None) -> dict:
    """Insert about ``messages`` messages; returns counts and timings."""
    rng = random.Random(seed)
    moment = now or utc_now()
    started = time.perf_counter()
    total = 0
    cid = 0
    with store.write() as db:
        while total < messages:
            cid += 1
            total += _insert_conversation(db, rng, cid, moment, total + 1)
    inserted = time.perf_counter()
    with store.write() as db:
        indexed = search_repo.index_pending(db)
    done = time.perf_counter()
    return {
        "messages": total,
        "conversations": cid,
        "insert_seconds": round(inserted - started, 2),
        "index_seconds": round(done - inserted, 2),
        "indexed": indexed,
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[1])
    count = int(argv[2]) if len(argv) > 2 else 100_000
    store = Store(folder)
    try:
        print(json.dumps(fill(store, count)))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
