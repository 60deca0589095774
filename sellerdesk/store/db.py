"""Opening the SellerDesk database: permissions, WAL, foreign keys, migrations, backups.

Every failure the environment causes (missing permissions, a read-only folder, a locked or
corrupt file, a full disk) is raised as ``StoreUnavailable`` with a sentence that names the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sellerdesk.errors import SchemaTooNew, StoreUnavailable
from sellerdesk.paths import backups_dir, database_path
from sellerdesk.store.migrations import MIGRATIONS, known_migration_names

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

# SQLite error texts that mean "the environment", not "a bug in SellerDesk".
_ENVIRONMENT_ERRORS = (
    "database is locked",
    "readonly database",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
    "file is not a database",
    "database disk image is malformed",
    "disk is full",
)


def is_environment_error(error: sqlite3.Error) -> bool:
    """True when SQLite failed because of the file or the disk rather than our SQL."""
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError) and any(
        phrase in text for phrase in _ENVIRONMENT_ERRORS
    )


def describe_environment_error(path: Path, error: BaseException) -> str:
    """One plain sentence for the user about why ``path`` cannot be used."""
    text = str(error).lower()
    if "locked" in text:
        return f"The database {path} is locked by another program; close it and try again."
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return f"SellerDesk may not write to {path}: check the folder's permissions."
    if "not a database" in text or "malformed" in text:
        return (
            f"The database {path} is damaged or not a SellerDesk database. "
            f"Restore a backup from {path.parent / 'backups'} or choose another data folder."
        )
    if "full" in text or getattr(error, "errno", None) == 28:
        return f"The disk holding {path} is full; free some space and try again."
    return f"SellerDesk cannot open {path}: {error}"


@contextlib.contextmanager
def environment_errors(path: Path) -> Iterator[None]:
    """Turn SQLite/OS failures caused by the environment into ``StoreUnavailable``."""
    try:
        yield
    except StoreUnavailable:
        raise
    except sqlite3.Error as error:
        if not is_environment_error(error):
            raise
        raise StoreUnavailable(describe_environment_error(path, error)) from error
    except OSError as error:
        raise StoreUnavailable(describe_environment_error(path, error)) from error


@contextlib.contextmanager
def temporary_pragmas(
    path: Path, connection: sqlite3.Connection, pragmas: Mapping[str, str]
) -> Iterator[None]:
    """Integer-valued ``pragmas`` set on ``connection`` for the block, then restored.
    Environment failures while setting or restoring become ``StoreUnavailable``."""
    with environment_errors(path):
        previous = {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas}
        for name, value in pragmas.items():
            connection.execute(f"PRAGMA {name} = {value}")
    try:
        yield
    finally:
        with environment_errors(path):
            for name, value in previous.items():
                connection.execute(f"PRAGMA {name} = {int(value)}")


def _prepare_folder(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    with contextlib.suppress(PermissionError):
        # Owner only, but never grant the owner a permission they took away (a read-only dir).
        os.chmod(data_dir, stat.S_IMODE(data_dir.stat().st_mode) & PRIVATE_DIR_MODE)
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise PermissionError(f"no write permission for {data_dir}")


def _connect(path: Path) -> sqlite3.Connection:
    existed = path.exists()
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    if not existed:
        os.chmod(path, PRIVATE_FILE_MODE)
    # Reading the schema fails at once on a file that is not SQLite.
    connection.execute("PRAGMA schema_version").fetchone()
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = wal")
    return connection


def as_database(connection: sqlite3.Connection) -> Database:
    """The connection as a sqlite-utils ``Database`` (imported here: it costs ~60 ms)."""
    from sqlite_utils import Database

    # No sqlite-utils plugins: SellerDesk uses none, and looking for them scans every installed
    # package's metadata (~15 ms of each start-up).
    return Database(connection, execute_plugins=False)


def schema_is_current(connection: sqlite3.Connection) -> bool:
    """Every migration of this build applied and none it does not know (plain SQL)."""
    return set(MIGRATIONS.applied_names(connection)) == known_migration_names()


def _refuse_newer_schema(db: Database, path: Path) -> None:
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known_migration_names()]
    if unknown:
        raise SchemaTooNew(
            f"The database {path} was written by a newer SellerDesk (schema "
            f"{unknown[-1]}); install the newer version or choose another data folder."
        )


def _backup_before_migrating(db: Database, path: Path) -> Path | None:
    """Copy an existing database aside before pending migrations change it."""
    if not MIGRATIONS.applied(db) or not MIGRATIONS.pending(db):
        return None
    folder = backups_dir(path.parent)
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    last = MIGRATIONS.applied(db)[-1].name
    target = folder / f"sellerdesk_{last}_{stamp}.db"
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with sqlite3.connect(str(target)) as backup_connection:
        db.conn.backup(backup_connection)
    backup_connection.close()
    os.chmod(target, PRIVATE_FILE_MODE)
    return target


def migrate(db: Database, path: Path) -> Path | None:
    """Refuse a newer schema, back up, then apply pending migrations. Returns the backup."""
    _refuse_newer_schema(db, path)
    backup = _backup_before_migrating(db, path)
    MIGRATIONS.apply(db)
    return backup


def open_connection(data_dir: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database in ``data_dir``.

    A current schema is recognised with plain SQL; sqlite-utils is loaded only to migrate.
    """
    path = database_path(data_dir)
    with environment_errors(path):
        _prepare_folder(data_dir)
        connection = _connect(path)
        try:
            if not schema_is_current(connection):
                migrate(as_database(connection), path)
        except BaseException:
            connection.close()
            raise
        return connection


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file with its WAL companions (used to move a data dir)."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(str(source) + suffix)
        if candidate.exists():
            shutil.copy2(candidate, Path(str(target) + suffix))
