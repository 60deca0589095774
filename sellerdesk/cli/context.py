"""What a sub-command is given: the data dir and, opened on first use, the store."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sellerdesk.store.store import Store


@dataclass
class CliContext:
    data_dir: Path
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    _store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from sellerdesk.store.store import Store

            self._store = Store(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
