"""Guards against Qt-binding releases whose bugs would crash SellerDesk in use."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)
    flag = Signal(bool)
    plain = Signal()


def _true_refcount() -> int:
    gc.collect()
    return sys.getrefcount(True)


def test_signal_emit_keeps_the_refcount_of_true(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 decrefs True on every emit; Python 3.11 then aborts (bool_dealloc)."""
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    before = _true_refcount()
    for _ in range(50):
        emitter.changed.emit(None)
        emitter.flag.emit(False)
        emitter.plain.emit()
    assert _true_refcount() >= before
