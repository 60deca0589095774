"""The store's foundation: schema from a blank file, refusals, environment errors, backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from sellerdesk.errors import SchemaTooNew, StoreUnavailable
from sellerdesk.paths import backups_dir, database_path
from sellerdesk.store.migrations import MIGRATIONS, known_migration_names
from sellerdesk.store.store import Store

REQUIRED_TABLES = {
    "settings",
    "orders",
    "conversations",
    "conversation_tags",
    "messages",
    "attachments",
    "return_cases",
    "return_steps",
    "case_evidence",
    "templates",
    "drafts",
}
REQUIRED_FOREIGN_KEYS = {
    ("conversations", "order_id", "orders"),
    ("conversation_tags", "conversation_id", "conversations"),
    ("messages", "conversation_id", "conversations"),
    ("attachments", "message_rowid", "messages"),
    ("return_cases", "order_id", "orders"),
    ("return_cases", "conversation_id", "conversations"),
    ("return_steps", "case_id", "return_cases"),
    ("case_evidence", "case_id", "return_cases"),
    ("drafts", "conversation_id", "conversations"),
}
REQUIRED_INDEXES = {
    "idx_conversations_reply_due",
    "idx_conversations_status",
    "idx_conversations_order",
    "idx_messages_conversation",
    "idx_messages_kind_received",
    "idx_messages_order",
    "idx_conversation_tags_tag",
    "idx_attachments_message",
    "idx_drafts_conversation",
}
REPO_ROOT = Path(__file__).resolve().parents[2]


def _names(db: Database, kind: str) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind]).fetchall()
    return {row[0] for row in rows}


def _foreign_keys(db: Database) -> set[tuple[str, str, str]]:
    found = set()
    for table in _names(db, "table"):
        for row in db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            found.add((table, row[3], row[2]))
    return found


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- migrations from a blank file --------------------------------------------------------
def test_blank_file_gets_every_table_column_key_and_index(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        db = store.db
        assert _names(db, "table") >= REQUIRED_TABLES
        assert _foreign_keys(db) >= REQUIRED_FOREIGN_KEYS
        assert _names(db, "index") >= REQUIRED_INDEXES
        message_columns = {c.name: c.type for c in db["messages"].columns}
        assert message_columns["raw"] == "BLOB"
        for column in ("message_key", "kind", "buyer_text", "received_at", "no_response_needed"):
            assert column in message_columns
        assert {"status", "notes", "reply_due_at", "nrn_link"} <= set(
            db["conversations"].columns_dict
        )
        applied = [m.name for m in MIGRATIONS.applied(db)]
        assert set(applied) == known_migration_names()
        assert MIGRATIONS.pending(db) == []
    finally:
        store.close()


def _plan(db: Database, sql: str) -> str:
    return " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())


def test_messages_keep_only_the_indexes_their_queries_use(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        db = store.db
        indexes = {
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' "
                "AND name NOT LIKE 'sqlite_autoindex%'"
            ).fetchall()
        }
        assert indexes == {
            "idx_messages_conversation",
            "idx_messages_kind_received",
            "idx_messages_order",
            "idx_messages_relay_alias",
        }
        metrics = _plan(
            db,
            "SELECT received_at FROM messages WHERE received_at > '2026' AND received_at <= "
            "'2027' AND kind = 'buyer_message' ORDER BY received_at",
        )
        assert "idx_messages_kind_received" in metrics and "TEMP B-TREE" not in metrics
        kind_filter = _plan(
            db, "SELECT 1 FROM messages WHERE conversation_id = 1 AND kind IN ('atoz_claim')"
        )
        assert "COVERING INDEX idx_messages_conversation" in kind_filter
    finally:
        store.close()


def test_full_text_index_on_message_text(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        virtual = store.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
        assert any("fts5" in sql.lower() for _, sql in virtual), virtual
    finally:
        store.close()


def test_reopening_a_current_store_changes_nothing(data_dir: Path) -> None:
    Store(data_dir).close()
    store = Store(data_dir)
    store.close()
    assert not backups_dir(data_dir).exists() or not any(backups_dir(data_dir).iterdir())


def test_wal_and_foreign_keys_are_on(data_dir: Path) -> None:
    store = Store(data_dir)
    second = store.reopen()
    try:
        for opened in (store, second):
            assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert opened.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError), store.write() as db:
            db.execute(
                "INSERT INTO conversation_tags(conversation_id, tag) VALUES (424242, 'x')"
            )
    finally:
        second.close()
        store.close()


def test_owner_only_permissions(data_dir: Path) -> None:
    Store(data_dir).close()
    assert _mode(data_dir) == 0o700
    assert _mode(database_path(data_dir)) == 0o600


def test_programming_errors_are_not_turned_into_store_errors(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught, store.write() as db:
            db.execute("SELECT no_such_column FROM messages")
        assert not isinstance(caught.value, StoreUnavailable)
    finally:
        store.close()


# --- refusals and environment errors --------------------------------------------------------
def test_newer_schema_is_refused_with_a_clear_message(data_dir: Path) -> None:
    Store(data_dir).close()
    db = Database(str(database_path(data_dir)))
    db["_sqlite_migrations"].insert(
        {"migration_set": MIGRATIONS.name, "name": "m999_from_the_future",
         "applied_at": "2030-01-01 00:00:00"}
    )
    db.close()
    with pytest.raises(SchemaTooNew) as caught:
        Store(data_dir)
    message = str(caught.value)
    assert "newer SellerDesk" in message
    assert str(database_path(data_dir)) in message
    assert isinstance(caught.value, StoreUnavailable)


def test_corrupt_file_gives_store_unavailable(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"this is not SQLite at all\x00" * 200)
    with pytest.raises(StoreUnavailable) as caught:
        Store(data_dir)
    assert "damaged or not a SellerDesk database" in str(caught.value)
    assert str(database_path(data_dir)) in str(caught.value)


def test_truncated_database_gives_store_unavailable(data_dir: Path) -> None:
    store = Store(data_dir)
    with store.write() as db:
        db.execute("INSERT INTO settings(key, value) VALUES ('k', ?)", ["x" * 100_000])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = database_path(data_dir)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:])
    with pytest.raises(StoreUnavailable):
        store = Store(data_dir)
        store.get_setting("k")


_READ_ONLY_PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sellerdesk.errors import StoreUnavailable
    from sellerdesk.store.store import Store
    try:
        Store(Path(sys.argv[1])).close()
    except StoreUnavailable as error:
        print("UNAVAILABLE", error)
    else:
        print("OPENED")
    """
)


def _open_as_unprivileged(folder: Path) -> str:
    """Open the store in a subprocess that cannot write ``folder``.

    Root ignores file modes, so as root the subprocess runs without the capabilities that let
    it (``setpriv`` from util-linux drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    and CAP_FOWNER).
    """
    command = [sys.executable, "-c", _READ_ONLY_PROBE, str(folder)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        caps = "-dac_override,-dac_read_search,-fowner"
        command = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def shared_tmp(tmp_path: Path) -> Iterator[Path]:
    """A folder whose modes are restored afterwards so pytest can clean it up."""
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def test_read_only_data_dir_gives_store_unavailable(shared_tmp: Path) -> None:
    folder = shared_tmp / "data"
    folder.mkdir()
    os.chmod(folder, 0o555)
    output = _open_as_unprivileged(folder)
    assert output.startswith("UNAVAILABLE"), output
    assert "may not write" in output
    assert str(folder) in output


def test_data_dir_owned_by_another_user_gives_store_unavailable(shared_tmp: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can hand a folder to another user")
    folder = shared_tmp / "data"
    folder.mkdir(mode=0o755)
    os.chown(folder, 65534, 65534)
    output = _open_as_unprivileged(folder)
    os.chown(folder, 0, 0)
    assert output.startswith("UNAVAILABLE"), output


def test_existing_database_in_read_only_dir_gives_store_unavailable(shared_tmp: Path) -> None:
    folder = shared_tmp / "data"
    Store(folder).close()
    os.chmod(folder, 0o755)
    os.chmod(database_path(folder), 0o444)
    for companion in ("-wal", "-shm"):
        Path(str(database_path(folder)) + companion).unlink(missing_ok=True)
    os.chmod(folder, 0o555)
    output = _open_as_unprivileged(folder)
    assert output.startswith("UNAVAILABLE"), output


# --- backups --------------------------------------------------------------------------------
def test_backup_made_before_pending_migrations(data_dir: Path) -> None:
    names = MIGRATIONS.names()
    if len(names) < 2:
        pytest.skip("only one migration: nothing can be pending on an existing file")
    data_dir.mkdir(parents=True)
    db = Database(str(database_path(data_dir)))
    MIGRATIONS.apply(db, stop_before=names[1])
    db["settings"].insert({"key": "seller", "value": "kept"})
    db.close()

    store = Store(data_dir)
    try:
        backups = list(backups_dir(data_dir).glob("*.db"))
        assert len(backups) == 1
        backup = backups[0]
        assert names[0] in backup.name
        assert _mode(backup) == 0o600
        old = Database(str(backup))
        assert [m.name for m in MIGRATIONS.applied(old)] == [names[0]]
        assert old.execute("SELECT value FROM settings WHERE key = 'seller'").fetchone()[0] == (
            "kept"
        )
        old.close()
        assert store.get_setting("seller") == "kept"
        assert MIGRATIONS.pending(store.db) == []
    finally:
        store.close()
