"""Drafts: one open draft per conversation, autosave on a pause in typing, crash survival,
and marking a reply as sent, which stops the 24-hour clock."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reply_fixtures import add_sample_conversation, conversation_row

from sellerdesk.errors import UsageError
from sellerdesk.services.drafts import DraftContent, DraftService
from sellerdesk.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
UNIT_DIR = Path(__file__).resolve().parent


def test_save_and_load_one_open_draft(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    drafts = DraftService(store)
    assert drafts.load(conversation_id) is None
    first = drafts.save(conversation_id, DraftContent("Betreff", "Guten Tag", "de"))
    second = drafts.save(conversation_id, DraftContent("Betreff", "Guten Tag, Frau Becker", "de"))
    assert first.id == second.id
    loaded = drafts.load(conversation_id)
    assert (loaded.subject, loaded.body, loaded.language) == (
        "Betreff",
        "Guten Tag, Frau Becker",
        "de",
    )
    with store.read() as db:
        assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_unchanged_content_is_not_rewritten(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    drafts = DraftService(store)
    drafts.save(conversation_id, DraftContent("s", "b"))
    with store.write() as db:
        db.execute("UPDATE drafts SET updated_at = '2000-01-01T00:00:00Z'")
    drafts.save(conversation_id, DraftContent("s", "b"))
    assert drafts.load(conversation_id).updated_at == "2000-01-01T00:00:00Z"


def test_emptied_draft_is_deleted(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    drafts = DraftService(store)
    drafts.save(conversation_id, DraftContent("s", "b"))
    assert drafts.save(conversation_id, DraftContent("  ", "\n")) is None
    assert drafts.load(conversation_id) is None


def test_saving_to_a_vanished_conversation_is_refused(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    with store.write() as db:
        db.execute("DELETE FROM messages WHERE conversation_id = ?", [conversation_id])
        db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])
    with pytest.raises(UsageError, match="no longer exists"):
        DraftService(store).save(conversation_id, DraftContent("s", "b"))


def test_mark_sent_stops_the_reply_clock(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    before = conversation_row(store, conversation_id)
    assert before["status"] == "needs_reply"
    assert before["reply_due_at"] == "2023-03-09T10:54:11Z"  # 24 h after the first message
    drafts = DraftService(store)
    sent_at = dt.datetime(2023, 3, 9, 9, 15, tzinfo=dt.UTC)
    content = DraftContent("Ihre Bestellung", "Storniert: 304-8581852-7480010", "de")
    sent = drafts.mark_sent(conversation_id, sent_at, via="clipboard", content=content)
    assert (sent.sent_at, sent.sent_via, sent.body) == (
        "2023-03-09T09:15:00Z",
        "clipboard",
        "Storniert: 304-8581852-7480010",
    )
    after = conversation_row(store, conversation_id)
    assert after["status"] == "replied"
    assert after["reply_due_at"] is None
    assert after["last_reply_at"] == "2023-03-09T09:15:00Z"
    with store.read() as db:
        answered = db.execute(
            "SELECT answered_at FROM messages WHERE conversation_id = ?", [conversation_id]
        ).fetchall()
    assert answered == [("2023-03-09T09:15:00Z",), ("2023-03-09T09:15:00Z",)]
    assert drafts.load(conversation_id) is None
    assert [d.id for d in drafts.sent(conversation_id)] == [sent.id]


def test_mark_sent_refusals(store) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    drafts = DraftService(store)
    with pytest.raises(UsageError, match="no reply text"):
        drafts.mark_sent(conversation_id)
    drafts.save(conversation_id, DraftContent("s", "text"))
    with pytest.raises(UsageError, match="time zone"):
        drafts.mark_sent(conversation_id, dt.datetime(2023, 3, 9, 9, 0))
    with pytest.raises(UsageError, match="future"):
        drafts.mark_sent(conversation_id, dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
    with pytest.raises(UsageError, match="unknown way out"):
        drafts.mark_sent(conversation_id, via="pigeon")
    assert conversation_row(store, conversation_id)["status"] == "needs_reply"


# --- crash survival: the real composer in a child process, killed while typing ----------------
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sellerdesk.gui.controllers.composer_controller import AUTOSAVE_MS, ComposerController
    from sellerdesk.gui.hub import SelectionHub
    from sellerdesk.gui.views.composer import ComposerView
    from sellerdesk.services.context import AppContext
    from sellerdesk.store.store import Store

    app = QApplication([])
    store = Store(Path(sys.argv[1]))
    hub = SelectionHub()
    view = ComposerView()
    view.show()
    controller = ComposerController(AppContext(store=store), hub, view)
    saved = []
    controller.draft_saved.connect(saved.append)
    hub.conversation_selected.emit(int(sys.argv[2]))
    QTest.keyClicks(view.body_edit, sys.argv[3])          # typing...
    deadline = time.monotonic() + 10
    while not saved and time.monotonic() < deadline:       # ...a pause
        QTest.qWait(50)
    print("SAVED" if saved else "NOT SAVED", flush=True)
    QTest.keyClicks(view.body_edit, sys.argv[4])          # typing again, no pause
    print("TYPING", flush=True)
    time.sleep(60)                                         # killed here
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_draft_survives_a_killed_process_mid_typing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    store.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    typed = "Guten Tag Frau Becker, die Bestellung ist storniert."
    unsaved = " Noch nicht gespeichert"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, str(script), str(store.data_dir), str(conversation_id), typed, unsaved],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO_ROOT),
    )
    try:
        assert child.stdout.readline().strip() == "SAVED"
        assert child.stdout.readline().strip() == "TYPING"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    reopened = Store(store.data_dir)
    try:
        draft = DraftService(reopened).load(conversation_id)
        assert draft is not None
        assert draft.body == typed
        assert draft.language == "de"
    finally:
        reopened.close()
