"""SQL the demo inbox needs: find a scripted conversation, count, and clear the mail data.

``clear_mail_data`` empties orders, conversations, messages and every table that refers to
them (found through the schema's foreign keys, so tables added by later migrations are
included), children first. Only ``services.demo`` calls it, and only on the demo's own store.
"""

from __future__ import annotations

from sqlite_utils import Database

ROOT_TABLES = ("orders", "conversations", "messages")


def conversation_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM conversations").fetchone()[0])


def find_conversation(db: Database, order_id: str | None, relay_address: str) -> int | None:
    """The conversation of an order (when there is one), else of the buyer's relay alias."""
    if order_id:
        row = db.execute(
            "SELECT id FROM conversations WHERE order_id = ? ORDER BY id LIMIT 1", [order_id]
        ).fetchone()
        if row:
            return int(row[0])
    row = db.execute(
        "SELECT id FROM conversations WHERE lower(relay_address) = lower(?) ORDER BY id LIMIT 1",
        [relay_address],
    ).fetchone()
    return int(row[0]) if row else None


def _plain_tables(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    return [row[0] for row in rows]


def _references(db: Database, table: str) -> set[str]:
    rows = db.execute("SELECT \"table\" FROM pragma_foreign_key_list(?)", [table]).fetchall()
    return {row[0] for row in rows}


def mail_tables_children_first(db: Database) -> list[str]:
    """The root tables and all tables referring to them, in a safe order to empty them."""
    references = {table: _references(db, table) for table in _plain_tables(db)}
    included = {table for table in ROOT_TABLES if table in references}
    changed = True
    while changed:
        changed = False
        for table, targets in references.items():
            if table not in included and targets & included:
                included.add(table)
                changed = True
    ordered: list[str] = []
    remaining = set(included)
    while remaining:
        # A table may go once no remaining table (other than itself) refers to it.
        ready = sorted(
            t for t in remaining if not any(t in references[o] for o in remaining if o != t)
        )
        if not ready:  # a reference cycle: foreign keys are checked at commit anyway
            ready = sorted(remaining)
        ordered += ready
        remaining -= set(ready)
    return ordered


def clear_mail_data(db: Database) -> list[str]:
    """Empty every mail-derived table (inside the caller's transaction); returns them."""
    tables = mail_tables_children_first(db)
    for table in tables:
        db.execute(f'DELETE FROM "{table}"')
    return tables
