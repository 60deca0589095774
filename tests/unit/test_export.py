"""``sellerdesk export``: JSON Lines with the truth keys plus conversation_id; CSV with
formula-like cells escaped; ``--output`` files; and ``sellerdesk reparse``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sellerdesk.app import main
from sellerdesk.services.exporter import EXPORT_KEYS, escape_cell, export
from sellerdesk.services.importer import import_paths

FORMULA = b"""Date: Tue, 04 Mar 2025 10:00:00 +0100
From: =?utf-8?Q?=3DHYPERLINK=281=29?= <abcdefghij12345@marketplace.amazon.com>
Message-ID: <formula@example.com>
Subject: Inquiry from Amazon customer =cmd (Order: 111-2223334-5556667)
Content-Type: text/plain; charset=utf-8

Order ID 111-2223334-5556667:
1 of @SUM(A1:A9) [ASIN: B0ABCDEFGH]
------------- Begin message -------------
+1 555 0100 please call
-- and a second line
------------- End message -------------
"""


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_escape_cell(cell: str, expected: str) -> None:
    assert escape_cell(cell) == expected


def test_csv_escapes_formula_cells(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "f.eml").write_bytes(FORMULA)
    import_paths(store, [tmp_path / "f.eml"])
    out = io.StringIO()
    assert export(store, out, "csv") == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == list(EXPORT_KEYS)
    record = dict(zip(header, row, strict=True))
    assert record["buyer_name"] == "'=HYPERLINK(1)"
    assert record["item_title"] == "'@SUM(A1:A9)"
    assert record["buyer_text"] == "'+1 555 0100 please call\n-- and a second line"
    assert json.loads(record["asins"]) == ["B0ABCDEFGH"]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_cli_export_jsonl_to_file_and_stdout(capsys, data_dir, samples_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    names = ["00001.eml", "00002.eml", "00014.eml"]
    assert (
        main(["--data-dir", str(data_dir), "import", *(str(samples_dir / n) for n in names)]) == 0
    )
    target = tmp_path / "out.jsonl"
    assert (
        main(["--data-dir", str(data_dir), "export", "--format", "jsonl", "-o", str(target)]) == 0
    )
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [list(record) for record in records] == [list(EXPORT_KEYS)] * 3
    assert records[0]["conversation_id"] == records[1]["conversation_id"]
    assert records[2]["attachments"] and records[2]["attachments"][0]["size"] > 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "export", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4


def test_cli_export_bad_output_folder(capsys, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing" / "out.csv"
    assert main(["--data-dir", str(data_dir), "export", "--format", "csv", "-o", str(target)]) == 2


def test_reparse_reports_a_parser_bug_and_goes_on(store, samples_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.domain.mail import parse as parse_module
    from sellerdesk.services.reparse import reparse_all

    import_paths(store, [samples_dir / "00001.eml", samples_dir / "00031.eml"])
    real_content = parse_module._content
    calls: list[int] = []

    def broken_on_second(message, headers):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise KeyError("parser bug")
        return real_content(message, headers)

    monkeypatch.setattr(parse_module, "_content", broken_on_second)
    summary = reparse_all(store)
    assert summary.reparsed == 1
    assert len(summary.failed) == 1
    assert "parser error: KeyError" in summary.failed[0].error
    second_key = store.db.execute("SELECT message_key FROM messages ORDER BY id").fetchall()[1][0]
    assert summary.failed[0].message_key == second_key


def test_reparse_rewrites_fields_from_raw(capsys, store, data_dir, samples_dir) -> None:  # type: ignore[no-untyped-def]
    import_paths(store, [samples_dir / "00001.eml", samples_dir / "00031.eml"])
    store.db.execute("UPDATE messages SET kind = 'other', order_id = NULL, buyer_text = NULL")
    store.db.conn.commit()
    before = store.db.execute("SELECT count(*) FROM conversations").fetchone()[0]
    store.close()
    assert main(["--data-dir", str(data_dir), "reparse", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"reparsed": 2, "moved": 0, "failed": []}
    from sellerdesk.store.store import Store

    reopened = Store(data_dir)
    try:
        rows = reopened.db.execute("SELECT kind, order_id, buyer_text FROM messages ORDER BY id")
        first = rows.fetchone()
        assert first[0] == "buyer_message" and first[1] == "404-4252870-0933940"
        assert reopened.db.execute("SELECT count(*) FROM conversations").fetchone()[0] == before
    finally:
        reopened.close()
