"""Start-up speed guards: what the first inbox page needs, and what it must not load.

A current store opens and serves the inbox with plain SQL (sqlite-utils, ~60 ms to import, is
loaded only to migrate or write); the migration set answers like sqlite-utils' ``Migrations``.
Import checks run in fresh interpreters, since this test process has everything loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database

from sellerdesk.store.db import schema_is_current
from sellerdesk.store.migration_set import MigrationSet
from sellerdesk.store.migrations import MIGRATIONS, known_migration_names
from sellerdesk.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_current_store_serves_the_inbox_without_sqlite_utils(store: Store) -> None:
    data_dir = str(store.data_dir)
    store.close()
    loaded = _python(
        """
        import sys
        from pathlib import Path
        from sellerdesk.services.context import AppContext
        from sellerdesk.services.inbox import InboxQuery, InboxService
        from sellerdesk.store.store import Store

        store = Store(Path(sys.argv[1]))
        AppContext(store=store).seller_timezone()
        service = InboxService(store)
        service.page(InboxQuery()); service.count(InboxQuery().filter); service.filter_choices()
        print("sqlite_utils" in sys.modules)
        """,
        data_dir,
    )
    assert loaded == "False"


def test_a_new_store_is_migrated_and_then_current(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        assert schema_is_current(store.conn)
        assert [m.name for m in MIGRATIONS.applied(store.db)] == MIGRATIONS.names()
        assert MIGRATIONS.applied_names(store.conn) == MIGRATIONS.names()
        assert MIGRATIONS.pending(store.db) == []
    finally:
        store.close()


def test_a_store_missing_a_migration_is_not_current(data_dir: Path) -> None:
    Store(data_dir).close()
    db = Database(str(data_dir / "sellerdesk.db"))
    last = MIGRATIONS.names()[-1]
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    db.conn.commit()
    assert not schema_is_current(db.conn)
    db.close()


def test_migration_set_registers_in_order_and_refuses_a_name_twice() -> None:
    steps = MigrationSet("probe")

    @steps(name="first")
    def first(db: Database) -> None:
        db["t"].insert({"n": 1})

    @steps()
    def second(db: Database) -> None:
        db["t"].insert({"n": 2})

    assert steps.names() == ["first", "second"]
    with pytest.raises(ValueError, match="twice"):
        steps(name="first")(second)
    db = Database(memory=True)
    assert steps.applied_names(db.conn) == []
    steps.apply(db)
    assert steps.applied_names(db.conn) == ["first", "second"]
    assert [row["n"] for row in db["t"].rows] == [1, 2]
    assert set(MIGRATIONS.names()) == known_migration_names()
