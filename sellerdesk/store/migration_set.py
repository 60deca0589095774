"""``MigrationSet``: the schema migrations in order, registered without importing sqlite-utils.

sqlite-utils' ``Migrations`` applies them, but importing sqlite-utils takes ~60 ms, which the
desktop app's start-up should not pay when the database is already current (the usual case:
it then only reads the first inbox page). So the set records each migration's name and function
as ``migrations.py`` registers them, answers "which are applied?" with plain SQL on the
connection, and builds sqlite-utils' ``Migrations`` only to inspect or apply through a
``Database``. ``applied``, ``pending`` and ``apply`` behave exactly as sqlite-utils' do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite-utils records applied migrations in

MigrationFunction = Callable[["Database"], None]


@dataclass(frozen=True)
class _Step:
    name: str
    fn: MigrationFunction
    transactional: bool


class MigrationSet:
    """A named, ordered set of migrations; the decorator API of sqlite-utils' ``Migrations``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[_Step] = []
        self._built: Migrations | None = None

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[MigrationFunction], MigrationFunction]:
        """Register the decorated function as the next migration (as ``Migrations`` does)."""

        def register(fn: MigrationFunction) -> MigrationFunction:
            step_name = name or fn.__name__
            if step_name in self.names():
                raise ValueError(f"Migration {step_name!r} is registered twice in {self.name!r}")
            self._steps.append(_Step(step_name, fn, transactional))
            self._built = None
            return fn

        return register

    def names(self) -> list[str]:
        """Every migration's name, in the order they run."""
        return [step.name for step in self._steps]

    def applied_names(self, connection: sqlite3.Connection) -> list[str]:
        """Names of the migrations applied to this database, in order (plain SQL, read-only)."""
        table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
        ).fetchone()
        if table is None:
            return []
        rows = connection.execute(
            f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
            [self.name],
        )
        return [row[0] for row in rows]

    # --- through sqlite-utils --------------------------------------------------------------
    def migrations(self) -> Migrations:
        """sqlite-utils' ``Migrations`` holding every registered migration (built once)."""
        if self._built is None:
            from sqlite_utils.migrations import Migrations

            built = Migrations(self.name)
            for step in self._steps:
                built(name=step.name, transactional=step.transactional)(step.fn)
            self._built = built
        return self._built

    def applied(self, db: Database) -> list[Any]:
        return self.migrations().applied(db)

    def pending(self, db: Database) -> list[Any]:
        return self.migrations().pending(db)

    def apply(self, db: Database, **options: Any) -> None:
        self.migrations().apply(db, **options)
