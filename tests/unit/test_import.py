"""``sellerdesk import``: files, folders, mbox, Maildir; JSON summary and exit codes; broken
items reported with their source; idempotency; threading by relay alias; the service API a GUI
worker uses (progress, cancel, own connection)."""

from __future__ import annotations

import base64
import json
import shutil
import threading
from pathlib import Path

import pytest

from sellerdesk.app import main
from sellerdesk.services.importer import ImportProgress, import_paths
from sellerdesk.store.store import Store

FIRST = ["00001.eml", "00002.eml", "00003.eml", "00004.eml", "00005.eml"]
GOOD = b"""Date: Tue, 04 Mar 2025 10:00:00 +0100
From: Emily <abcdefghij12345@marketplace.amazon.com>
Message-ID: <good-%d@example.com>
Subject: Inquiry from Amazon customer Emily (Order: 111-2223334-55566%02d)
Content-Type: text/plain; charset=utf-8

------------- Begin message -------------
Hello %d
------------- End message -------------
"""


def good(number: int) -> bytes:
    return GOOD % (number, number, number)


def run_cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, dict]:
    status = main(["--data-dir", str(data_dir), "import", *args, "--json"])
    out = capsys.readouterr().out
    return status, json.loads(out) if out.strip() else {}


def message_count(data_dir: Path) -> int:
    store = Store(data_dir)
    try:
        return int(store.db.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        store.close()


def test_import_files_then_again_is_idempotent(capsys, data_dir, samples_dir) -> None:  # type: ignore[no-untyped-def]
    files = [str(samples_dir / name) for name in FIRST]
    status, summary = run_cli(capsys, data_dir, *files)
    assert (status, summary) == (0, {"imported": 5, "duplicates": 0, "failed": []})
    status, summary = run_cli(capsys, data_dir, *files)
    assert (status, summary) == (0, {"imported": 0, "duplicates": 5, "failed": []})
    assert message_count(data_dir) == 5


def test_same_mail_under_two_names_and_without_message_id_is_stored_once(
    capsys, data_dir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    no_id = good(1).replace(b"Message-ID: <good-1@example.com>\n", b"")
    (folder / "a.eml").write_bytes(no_id)
    (folder / "b.txt").write_bytes(no_id)
    (folder / "c").write_bytes(good(2))
    (folder / "d.eml").write_bytes(good(2))
    status, summary = run_cli(capsys, data_dir, str(folder))
    assert (status, summary) == (0, {"imported": 2, "duplicates": 2, "failed": []})


def test_nonexistent_path_is_bad_usage(capsys, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status = main(["--data-dir", str(data_dir), "import", str(tmp_path / "missing.mbox")])
    assert status == 2
    assert "no such file or folder" in capsys.readouterr().err


def _fifty_mb_attachment() -> bytes:
    blob = base64.encodebytes(b"\xff" * (50 * 1024 * 1024))
    return (
        b"From: Emily <abcdefghij12345@marketplace.amazon.com>\nMessage-ID: <big@x>\n"
        b"Subject: photos\nContent-Type: multipart/mixed; boundary=Z\n\n--Z\n"
        b"Content-Type: text/plain\n\nsee photo\n--Z\nContent-Type: image/jpeg\n"
        b"Content-Disposition: attachment; filename=big.jpg\n"
        b"Content-Transfer-Encoding: base64\n\n" + blob + b"\n--Z--\n"
    )


BROKEN = {
    "empty.eml": (b"", "the file is empty"),
    "garbage.bin": (bytes(range(256)) * 64, "not an e-mail"),
    "truncated.eml": (good(9)[:150], "cut off"),
    "bad-header.eml": (
        b"From: a@b.example\nSubject: \x00\x01\xfe\xff\nMessage-ID: <h@x>\n\nbody",
        "invalid (binary) bytes",
    ),
}


def test_broken_files_are_reported_with_source_and_reason(capsys, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, (raw, _) in BROKEN.items():
        (folder / name).write_bytes(raw)
    (folder / "big.eml").write_bytes(_fifty_mb_attachment())
    (folder / "ok.eml").write_bytes(good(1))
    status, summary = run_cli(capsys, data_dir, str(folder))
    assert status == 1
    assert summary["imported"] == 1
    errors = {Path(item["source"]).name: item["error"] for item in summary["failed"]}
    assert set(errors) == {*BROKEN, "big.eml"}
    for name, (_, reason) in BROKEN.items():
        assert reason in errors[name], name
    assert "MB, larger than the 25 MB SellerDesk accepts" in errors["big.eml"]
    assert message_count(data_dir) == 1


def test_mbox_failures_name_the_message_number(capsys, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    messages = [good(1), b"Subject: \x00\x00\x00\xff\n\nx", good(2), b"\x00\x01\x02" * 50, good(3)]
    mbox = tmp_path / "export.mbox"
    with mbox.open("wb") as out:
        for raw in messages:
            out.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2025\n" + raw + b"\n")
    mbox.write_bytes(mbox.read_bytes() + b"From MAILER-DAEMON Thu Jan  1 00:00:00 2025\n")
    status, summary = run_cli(capsys, data_dir, str(mbox))
    assert status == 1
    assert summary["imported"] == 3
    sources = [item["source"] for item in summary["failed"]]
    assert sources == [f"{mbox}, message 2", f"{mbox}, message 4", f"{mbox}, message 6"]
    assert "empty" in summary["failed"][2]["error"]


def test_oversized_mbox_message_is_skipped_without_keeping_it(capsys, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mbox = tmp_path / "big.mbox"
    with mbox.open("wb") as out:
        for raw in (good(1), _fifty_mb_attachment(), good(2)):
            out.write(b"From x Thu Jan  1 00:00:00 2025\n" + raw + b"\n")
    status, summary = run_cli(capsys, data_dir, str(mbox))
    assert status == 1 and summary["imported"] == 2
    assert summary["failed"][0]["source"] == f"{mbox}, message 2"
    assert "larger than" in summary["failed"][0]["error"]


def test_mbox_from_escaping_is_undone(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = good(1).replace(b"Hello 1", b"Hello\n>From the shop")
    mbox = tmp_path / "a.mbox"
    mbox.write_bytes(b"From x Thu Jan  1 00:00:00 2025\n" + raw + b"\n")
    import_paths(store, [mbox])
    text = store.db.execute("SELECT buyer_text, raw FROM messages").fetchone()
    assert text[0] == "Hello\nFrom the shop"
    assert b"\nFrom the shop" in text[1]


def test_maildir_and_nested_folders(store, samples_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(samples_dir / FIRST[0], maildir / "cur" / "1700000000.M1P1.host:2,S")
    shutil.copy(samples_dir / FIRST[1], maildir / "new" / "1700000001.M2P2.host")
    (maildir / "dovecot-uidlist").write_text("3 V1 N2\n")
    nested = tmp_path / "archive" / "2023" / "march"
    nested.mkdir(parents=True)
    shutil.copy(samples_dir / FIRST[2], nested / "reply")
    summary = import_paths(store, [maildir, tmp_path / "archive"])
    assert summary.to_json() == {"imported": 3, "duplicates": 0, "failed": []}


def test_tagged_relay_alias_threads_to_the_order(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_order = good(1)
    no_order = (
        good(2)
        .replace(b"abcdefghij12345@", b"abcdefghij12345+3f9a@")
        .replace(b" (Order: 111-2223334-5556602)", b"")
    )
    other_buyer = (
        good(3)
        .replace(b"abcdefghij12345@", b"zzzzzzzzzz99999@")
        .replace(b" (Order: 111-2223334-5556603)", b"")
    )
    for index, raw in enumerate((no_order, with_order, other_buyer)):
        (tmp_path / f"{index}.eml").write_bytes(raw)
    import_paths(store, sorted(tmp_path.glob("*.eml")))
    rows = dict(store.db.execute("SELECT message_id, conversation_id FROM messages").fetchall())
    assert rows["good-1@example.com"] == rows["good-2@example.com"]
    assert rows["good-3@example.com"] != rows["good-1@example.com"]
    relay = store.db.execute(
        "SELECT relay_address FROM messages WHERE message_id = 'good-2@example.com'"
    ).fetchone()[0]
    assert relay == "abcdefghij12345+3f9a@marketplace.amazon.com"
    assert store.db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 2


def test_service_reports_progress_and_honours_cancel(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for number in range(30):
        (tmp_path / f"{number:02}.eml").write_bytes(good(number))
    seen: list[ImportProgress] = []
    cancel = threading.Event()

    def progress(update: ImportProgress) -> None:
        seen.append(update)
        if update.done >= 10:
            cancel.set()

    summary = import_paths(store, [tmp_path], progress=progress, cancel=cancel, batch_size=5)
    assert summary.cancelled
    assert summary.imported == 10
    assert [update.done for update in seen] == [5, 10]
    assert all(update.rate > 0 for update in seen)


def test_worker_thread_uses_its_own_connection(store, samples_dir) -> None:  # type: ignore[no-untyped-def]
    results = []
    worker = threading.Thread(
        target=lambda: results.append(
            import_paths(store, [samples_dir / name for name in FIRST], own_connection=True)
        )
    )
    worker.start()
    worker.join(60)
    assert results[0].imported == 5
    assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 5


def test_raw_bytes_are_kept(store, samples_dir) -> None:  # type: ignore[no-untyped-def]
    import_paths(store, [samples_dir / FIRST[0]])
    raw = store.db.execute("SELECT raw FROM messages").fetchone()[0]
    assert raw == (samples_dir / FIRST[0]).read_bytes()
