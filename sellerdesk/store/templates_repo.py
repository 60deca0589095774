"""SQL for reply templates (table ``templates``: one row per template key and language).

Functions take the ``Database`` of an open ``store.write()``/``store.read()`` block, so a
service can group several calls in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from sellerdesk.domain.templates import Template
from sellerdesk.domain.timeutil import to_iso, utc_now

_COLUMNS = "id, template_key, language, title, subject, body, builtin"


def _template(row: tuple) -> Template:
    return Template(
        id=row[0],
        key=row[1],
        language=row[2],
        title=row[3],
        subject=row[4],
        body=row[5],
        builtin=bool(row[6]),
    )


def list_templates(db: Database, language: str | None = None) -> list[Template]:
    """Every template (of ``language`` if given), by title then language."""
    sql = f"SELECT {_COLUMNS} FROM templates"
    params: list[str] = []
    if language is not None:
        sql += " WHERE language = ?"
        params.append(language)
    sql += " ORDER BY builtin DESC, template_key, language"
    return [_template(row) for row in db.execute(sql, params).fetchall()]


def variants(db: Database, key: str) -> list[Template]:
    """Every language variant of one template key."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM templates WHERE template_key = ? ORDER BY language", [key]
    ).fetchall()
    return [_template(row) for row in rows]


def get_template(db: Database, template_id: int) -> Template | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM templates WHERE id = ?", [template_id]).fetchone()
    return _template(row) if row else None


def find_template(db: Database, key: str, language: str) -> Template | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM templates WHERE template_key = ? AND language = ?",
        [key, language],
    ).fetchone()
    return _template(row) if row else None


_INSERT = (
    "INTO templates(template_key, language, title, subject, body, builtin, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _insert_values(template: Template, updated_at: str) -> list[object]:
    """The parameters of ``_INSERT`` for ``template``."""
    return [
        template.key,
        template.language,
        template.title,
        template.subject,
        template.body,
        int(template.builtin),
        updated_at,
    ]


def insert_missing(db: Database, templates: Iterable[Template]) -> int:
    """Insert templates whose (key, language) is not stored yet; returns how many were added."""
    now = to_iso(utc_now())
    added = 0
    for template in templates:
        cursor = db.execute("INSERT OR IGNORE " + _INSERT, _insert_values(template, now))
        added += cursor.rowcount
    return added


def upsert(db: Database, template: Template) -> int:
    """Insert or replace the text of (key, language); keeps the builtin flag of a stored row."""
    db.execute(
        "INSERT " + _INSERT + " "
        "ON CONFLICT(template_key, language) DO UPDATE SET title = excluded.title, "
        "subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at",
        _insert_values(template, to_iso(utc_now())),
    )
    row = db.execute(
        "SELECT id FROM templates WHERE template_key = ? AND language = ?",
        [template.key, template.language],
    ).fetchone()
    return int(row[0])


def update(db: Database, template_id: int, title: str, subject: str, body: str) -> bool:
    """Change one template's texts; False when the id does not exist."""
    cursor = db.execute(
        "UPDATE templates SET title = ?, subject = ?, body = ?, updated_at = ? WHERE id = ?",
        [title, subject, body, to_iso(utc_now()), template_id],
    )
    return cursor.rowcount == 1


def delete(db: Database, template_id: int) -> bool:
    cursor = db.execute("DELETE FROM templates WHERE id = ?", [template_id])
    return cursor.rowcount == 1


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM templates").fetchone()[0])
