"""Test helper: import real sample e-mails through the real importer."""

from __future__ import annotations

from pathlib import Path

from sellerdesk.services.importer import import_paths
from sellerdesk.store.store import Store


def import_samples(store: Store, samples_dir: Path, names: list[str]) -> list[int]:
    """Import the named sample .eml files; returns their message rowids in the given order.

    The importer itself applies return notices (``services.returns.apply_notices``) after
    each batch, exactly as in the app.
    """
    paths = [samples_dir / name for name in names]
    summary = import_paths(store, paths)
    assert not summary.failed, summary.failed
    marks = ", ".join("?" for _ in paths)
    with store.read() as db:
        rows = dict(
            db.execute(
                f"SELECT source, id FROM messages WHERE source IN ({marks})",
                [str(path) for path in paths],
            ).fetchall()
        )
    return [rows[str(path)] for path in paths if str(path) in rows]
