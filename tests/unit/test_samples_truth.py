"""All 300 sample notifications import and export exactly as ``truth.jsonl`` says: every
message field, the ``extra`` details, and the conversation grouping."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sellerdesk.services.exporter import EXPORT_KEYS, export
from sellerdesk.services.importer import import_paths

MESSAGE_KEYS = [key for key in EXPORT_KEYS if key != "conversation_id"]


def _truth(samples_dir: Path) -> list[dict[str, Any]]:
    lines = (samples_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def imported(store, samples_dir: Path):  # type: ignore[no-untyped-def]
    truth = _truth(samples_dir)
    summary = import_paths(store, [samples_dir / row["file"] for row in truth])
    assert summary.to_json() == {"imported": len(truth), "duplicates": 0, "failed": []}
    out = io.StringIO()
    export(store, out, "jsonl")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    return truth, records


def test_every_field_matches_truth(imported) -> None:  # type: ignore[no-untyped-def]
    truth, records = imported
    assert len(records) == len(truth)
    mismatches = [
        (row["file"], key, row[key], record[key])
        for row, record in zip(truth, records, strict=True)
        for key in MESSAGE_KEYS
        if row[key] != record[key]
    ]
    assert mismatches == []


def test_export_has_exactly_the_truth_keys_plus_conversation(imported) -> None:  # type: ignore[no-untyped-def]
    _, records = imported
    assert all(list(record) == list(EXPORT_KEYS) for record in records)


def test_extra_details_match_truth(imported, store) -> None:  # type: ignore[no-untyped-def]
    truth, _ = imported
    with store.read() as db:
        stored = {
            row[0]: json.loads(row[1])
            for row in db.execute("SELECT message_id, extra FROM messages")
        }
    mismatches = [
        (row["file"], key, value, stored[row["message_id"]].get(key, "<missing>"))
        for row in truth
        for key, value in row["extra"].items()
        if stored[row["message_id"]].get(key, "<missing>") != value
    ]
    assert mismatches == []


def test_seller_text_of_reply_copies_is_stored_in_its_column(imported, store) -> None:  # type: ignore[no-untyped-def]
    truth, _ = imported
    with store.read() as db:
        seller = dict(db.execute("SELECT message_id, seller_text FROM messages").fetchall())
    for row in truth:
        if row["kind"] == "reply_copy":
            assert seller[row["message_id"]] == row["extra"]["seller_text"], row["file"]


def test_conversations_group_exactly_as_thread_keys(imported) -> None:  # type: ignore[no-untyped-def]
    truth, records = imported
    conversations_of_key: dict[str, set[int]] = defaultdict(set)
    keys_of_conversation: dict[int, set[str]] = defaultdict(set)
    for row, record in zip(truth, records, strict=True):
        conversations_of_key[row["thread_key"]].add(record["conversation_id"])
        keys_of_conversation[record["conversation_id"]].add(row["thread_key"])
    assert {k: v for k, v in conversations_of_key.items() if len(v) != 1} == {}
    assert {k: v for k, v in keys_of_conversation.items() if len(v) != 1} == {}


def test_conversation_columns_are_refreshed(imported, store) -> None:  # type: ignore[no-untyped-def]
    _, records = imported
    counts: dict[int, int] = defaultdict(int)
    for record in records:
        counts[record["conversation_id"]] += 1
    with store.read() as db:
        stored = dict(db.execute("SELECT id, message_count FROM conversations").fetchall())
    assert stored == counts


def test_orders_exist_for_every_order_id(imported, store) -> None:  # type: ignore[no-untyped-def]
    truth, _ = imported
    with store.read() as db:
        orders = {row[0] for row in db.execute("SELECT order_id FROM orders")}
    assert {row["order_id"] for row in truth if row["order_id"]} <= orders


def test_import_order_does_not_change_grouping(store, samples_dir: Path) -> None:
    """Alias-only mail imported before the mail that ties its alias to an order still joins it."""
    truth = _truth(samples_dir)
    import_paths(store, [samples_dir / row["file"] for row in reversed(truth)])
    with store.read() as db:
        conversation = dict(db.execute("SELECT message_id, conversation_id FROM messages"))
    groups: dict[str, set[int]] = defaultdict(set)
    for row in truth:
        groups[row["thread_key"]].add(conversation[row["message_id"]])
    assert all(len(ids) == 1 for ids in groups.values())
    assert len({next(iter(ids)) for ids in groups.values()}) == len(groups)
