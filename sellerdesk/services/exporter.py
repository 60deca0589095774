"""Exporting every stored message with its parsed fields (JSON Lines or CSV).

The JSON Lines objects carry exactly the message keys of the sample corpus' ``truth.jsonl``
plus ``conversation_id``, so a seller can take their data elsewhere. CSV cells that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) are prefixed with an apostrophe. Rows are streamed: memory stays flat for any store size.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sellerdesk.store import messages_repo
from sellerdesk.store.store import Store

EXPORT_KEYS = (
    "message_id",
    "kind",
    "marketplace",
    "order_id",
    "asins",
    "item_title",
    "buyer_name",
    "relay_address",
    "buyer_text",
    "received_at",
    "attachments",
    "conversation_id",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every message as an export record (``EXPORT_KEYS``), in import order."""
    with store.read() as db:
        for row in messages_repo.export_rows(db):
            yield {key: row[key] for key in EXPORT_KEYS}


def escape_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would evaluate as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return escape_cell(str(value))


def write_jsonl(store: Store, out: TextIO) -> int:
    count = 0
    for record in export_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(store: Store, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_KEYS)
    count = 0
    for record in export_records(store):
        writer.writerow([_csv_cell(record[key]) for key in EXPORT_KEYS])
        count += 1
    return count


def export(store: Store, out: TextIO, fmt: str) -> int:
    """Write every message to ``out`` in ``fmt`` ('jsonl' or 'csv'); returns the count."""
    if fmt == "jsonl":
        return write_jsonl(store, out)
    if fmt == "csv":
        return write_csv(store, out)
    raise ValueError(f"unknown export format {fmt!r}")
