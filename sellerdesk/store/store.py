"""``Store``: one open database plus the data dir it lives in.

Repositories (``sellerdesk/store/*_repo.py``) take a ``Store`` and own the SQL of one area.
``Store.write()`` wraps a business operation in one transaction and maps environment
failures to ``StoreUnavailable``. ``Store.query()`` gives plain SQL reads on the connection
without loading sqlite-utils, whose import (~60 ms) the desktop app's first paint avoids: the
``Database`` behind ``db``/``read()``/``write()`` is made on first use.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sellerdesk.paths import database_path
from sellerdesk.store.db import as_database, environment_errors, open_connection

if TYPE_CHECKING:
    from sqlite_utils import Database


def read_setting(db: Database | sqlite3.Connection, key: str) -> str | None:
    """The value of the setting ``key`` (None when unset), in the caller's transaction."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def write_setting(db: Database | sqlite3.Connection, key: str, value: str | None) -> None:
    """Set ``key`` to ``value`` inside the caller's transaction."""
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def delete_setting(db: Database | sqlite3.Connection, key: str) -> None:
    """Remove ``key`` inside the caller's transaction."""
    db.execute("DELETE FROM settings WHERE key = ?", [key])


class Store:
    """The SellerDesk database of one data dir."""

    def __init__(self, data_dir: Path, db: Database | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.path = database_path(self.data_dir)
        self.conn: sqlite3.Connection = db.conn if db is not None else open_connection(data_dir)
        self._db = db
        self._write_lock = threading.RLock()

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils ``Database``, made on first use."""
        if self._db is None:
            with self._write_lock:
                if self._db is None:
                    self._db = as_database(self.conn)
        return self._db

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        return cls(data_dir)

    def reopen(self) -> Store:
        """A second connection to the same file, for a worker thread."""
        return Store(self.data_dir)

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction; environment failures become ``StoreUnavailable``."""
        with self._write_lock, environment_errors(self.path), self.db.atomic():
            yield self.db

    @contextlib.contextmanager
    def read(self) -> Iterator[Database]:
        """Reads with environment failures mapped to ``StoreUnavailable``."""
        with environment_errors(self.path):
            yield self.db

    @contextlib.contextmanager
    def query(self) -> Iterator[sqlite3.Connection]:
        """Plain SQL reads (``execute``) with environment failures mapped, no sqlite-utils."""
        with environment_errors(self.path):
            yield self.conn

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.query() as connection:
            value = read_setting(connection, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        with self.write() as db:
            write_setting(db, key, value)

    def close(self) -> None:
        self.conn.close()
