"""Importing e-mail: single files, folders (recursive), mbox files and Maildir folders.

``import_paths`` streams every message (an mbox is never loaded whole), skips those already
stored (Message-ID, else a hash of the bytes) before parsing them, parses the rest and stores
them in batches: one transaction per batch holds the messages, their orders and conversations
and the refreshed conversation columns, so an interrupted import (Ctrl+C, kill -9) leaves the
store consistent and running it again completes it without duplicates. After each committed
batch holding enough new notices (and at the end) the return cases are advanced
(``services.returns.apply_notices``); the rowids waiting for that are recorded in each batch's
transaction, so a kill before that step is caught up by the next import. Each stored batch is
then indexed for search (a search indexes whatever a kill left queued).

Inputs over 32 MB are parsed in worker processes (one per core, started with ``spawn``, and
gone as soon as this process is) while this process reads the files and stores the results.

One bad item never stops an import: it is reported with its source and a plain reason. The
function takes a progress callback and a cancellation check, so a GUI worker thread can run it
(with ``own_connection=True`` it opens its own connection with ``Store.reopen()``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sellerdesk.domain.mail import PARSER_VERSION, MailError, ParsedMail, parse_mail
from sellerdesk.domain.mail.parse import MAX_MESSAGE_BYTES, too_large_reason
from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.errors import UsageError
from sellerdesk.services.returns import apply_notices
from sellerdesk.store import conversations_repo, messages_repo, search_repo
from sellerdesk.store.db import temporary_pragmas
from sellerdesk.store.store import Store, delete_setting, read_setting, write_setting

log = logging.getLogger(__name__)

PENDING_NOTICES_SETTING = "importer.pending_notice_rowids"
BATCH_SIZE = 1000
BATCH_BYTES = 64 * 1024 * 1024
MAX_IN_FLIGHT = 3
NOTICE_BATCH = 1000  # return cases are advanced after about this many new notices
PARALLEL_BYTES = 32 * 1024 * 1024
_MESSAGE_ID_RE = re.compile(rb"^message-id:[ \t]*<?([^\s<>]+)>?", re.IGNORECASE | re.MULTILINE)
_ESCAPED_FROM_RE = re.compile(rb"^>(>*From )", re.MULTILINE)
MBOX_BLOCK_BYTES = 1024 * 1024
_SKIPPED_NAMES = frozenset(
    {"dovecot-uidlist", "dovecot-keywords", "subscriptions", "maildirfolder"}
)


# -- results -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportFailure:
    source: str
    error: str

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "error": self.error}


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    failed: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    conversation_ids: set[int] = field(default_factory=set)
    elapsed: float = 0.0

    @property
    def done(self) -> int:
        return self.imported + self.duplicates + len(self.failed)

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [failure.to_json() for failure in self.failed],
        }


@dataclass(frozen=True)
class ImportProgress:
    """What a progress bar shows: messages done so far and the rate."""

    done: int
    imported: int
    duplicates: int
    failed: int
    elapsed: float
    source: str

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


ProgressCallback = Callable[[ImportProgress], None]
CancelCheck = Callable[[], bool] | threading.Event


# -- sources -------------------------------------------------------------------------------
@dataclass(frozen=True)
class MailItem:
    """One message to import (``raw``), or one that could not even be read (``error``)."""

    source: str
    raw: bytes | None
    error: str | None = None


def _read_error(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"the file cannot be read ({reason.lower()})"


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


@dataclass
class _MboxMessage:
    """The lines of one mbox message so far; past ``MAX_MESSAGE_BYTES`` only their size."""

    pieces: list[bytes] = field(default_factory=list)
    size: int = 0

    def add(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size <= MAX_MESSAGE_BYTES:
            self.pieces.append(piece)

    def item(self, source: str) -> MailItem:
        if self.size > MAX_MESSAGE_BYTES:
            return MailItem(source, None, too_large_reason(self.size))
        raw = b"".join(self.pieces)
        if raw.endswith(b"\n"):
            raw = raw[:-1]  # the blank line that separates mbox messages
        if b">From " in raw:
            raw = _ESCAPED_FROM_RE.sub(rb"\1", raw)
        return MailItem(source, raw)


def _line_blocks(handle: BinaryIO) -> Iterator[bytes]:
    """The file in blocks of about ``MBOX_BLOCK_BYTES`` that end at a line end."""
    while block := handle.read(MBOX_BLOCK_BYTES):
        if not block.endswith(b"\n"):
            block += handle.readline()
        yield block


def _next_from_line(block: bytes, position: int) -> int:
    """Where the first line starting with ``From `` at or after ``position`` (a line start)
    begins, or -1."""
    if block.startswith(b"From ", position):
        return position
    found = block.find(b"\nFrom ", position)
    return found + 1 if found >= 0 else -1


def _from_lines(block: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``block`` (whole lines) that starts with ``From ``."""
    start = _next_from_line(block, 0)
    while start >= 0:
        end = block.find(b"\n", start) + 1 or len(block)
        yield start, end
        start = _next_from_line(block, end)


def iter_mbox(path: Path) -> Iterator[MailItem]:
    """The messages of an mbox, read in blocks; an oversized one is skipped, not kept.

    Like the standard library, every line starting with ``From `` starts a message (writers
    escape such body lines as ``>From ``, which is undone here); lines before the first one
    are ignored."""
    number = 0
    message = _MboxMessage()
    with path.open("rb") as handle:
        for block in _line_blocks(handle):
            position = 0
            for start, end in _from_lines(block):
                message.add(block[position:start])
                if number:
                    yield message.item(f"{path}, message {number}")
                number += 1
                message = _MboxMessage()
                position = end
            message.add(block[position:])
    if number:
        yield message.item(f"{path}, message {number}")


def _single_file(path: Path) -> Iterator[MailItem]:
    try:
        if _is_mbox(path):
            yield from iter_mbox(path)
            return
        size = path.stat().st_size
        if size > MAX_MESSAGE_BYTES:
            yield MailItem(str(path), None, too_large_reason(size))
            return
        yield MailItem(str(path), path.read_bytes())
    except OSError as error:
        yield MailItem(str(path), None, _read_error(error))


def _folder_files(folder: Path) -> Iterator[Path]:
    """Files to import under ``folder``: a Maildir's cur/ and new/, else every file, sorted."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        return
    if _is_maildir(folder):
        for sub in ("cur", "new"):
            yield from sorted(p for p in (folder / sub).iterdir() if p.is_file())
        for entry in entries:  # Maildir++ sub-folders (".Sent", ".Archive")
            if entry.is_dir() and entry.name.startswith(".") and _is_maildir(entry):
                yield from _folder_files(entry)
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIPPED_NAMES:
            continue
        if entry.is_dir():
            yield from _folder_files(entry)
        elif entry.is_file():
            yield entry


def iter_items(paths: Iterable[str | os.PathLike[str]]) -> Iterator[MailItem]:
    """Every message in these files and folders, in order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _single_file(file)
        else:
            yield from _single_file(path)


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The paths as ``Path``; ``UsageError`` when one does not exist."""
    checked = [Path(path) for path in paths]
    if not checked:
        raise UsageError("give at least one file or folder to import")
    for path in checked:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    return checked


# -- importing -----------------------------------------------------------------------------
def quick_key(raw: bytes) -> str | None:
    """The Message-ID read straight from the header bytes (to skip known mail unparsed)."""
    end = raw.find(b"\n\n")
    head = raw[: end if end >= 0 else 65536]
    match = _MESSAGE_ID_RE.search(head)
    if not match:
        return None
    try:
        return match.group(1).decode("ascii")
    except UnicodeDecodeError:
        return None


def _is_cancelled(cancel: CancelCheck | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


@dataclass
class _Batch:
    items: list[MailItem] = field(default_factory=list)
    size: int = 0

    def add(self, item: MailItem) -> None:
        self.items.append(item)
        self.size += len(item.raw or b"")

    def full(self, batch_size: int) -> bool:
        return len(self.items) >= batch_size or self.size >= BATCH_BYTES


def parse_item(item: MailItem) -> ParsedMail | ImportFailure:
    """Parse one item; any failure becomes an ``ImportFailure`` with a plain reason."""
    if item.raw is None:
        return ImportFailure(item.source, item.error or "the message cannot be read")
    try:
        return parse_mail(item.raw)
    except MailError as error:
        return ImportFailure(item.source, str(error))
    except Exception as error:  # a parser bug must not stop the other messages
        log.exception("parser failed on %s", item.source)
        return ImportFailure(
            item.source,
            f"SellerDesk could not read this e-mail (parser error: {type(error).__name__}); "
            "please report it",
        )


def _parse_items(items: list[MailItem]) -> list[ParsedMail | ImportFailure]:
    """Parse a chunk of items (run in a worker process for large imports)."""
    return [parse_item(item) for item in items]


def _init_parser_process(parent_pid: int) -> None:
    """Parser processes yield the CPU to the process that stores (it paces the pipeline) and
    exit as soon as that process is gone (even when it was killed with SIGKILL)."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(5)

    def watch_parent() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()


class _ParsePool:
    """Parsing in worker processes (all cores) while this process reads and stores.

    ``workers=0`` parses in-process. Workers are started with ``spawn`` (safe in a GUI
    process that runs threads) and only for large imports, where their start-up pays off.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: Any = None

    def __enter__(self) -> _ParsePool:
        if self.workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_parser_process,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    @property
    def parallel(self) -> bool:
        return self._executor is not None

    def parse(self, items: list[MailItem]) -> list[tuple[list[MailItem], Any]]:
        """(chunk, future or finished results) for chunks of ``items``, in order."""
        if self._executor is not None:
            size = max(1, -(-len(items) // (self.workers * 2)))
            chunks = [items[start : start + size] for start in range(0, len(items), size)]
            try:
                return [(chunk, self._executor.submit(_parse_items, chunk)) for chunk in chunks]
            except (BrokenProcessPool, RuntimeError):
                log.warning("parser processes unavailable; parsing in this process")
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
        return [(items, _parse_items(items))]


@dataclass
class _Pending:
    source: str
    duplicates: int
    items: list[MailItem]
    chunks: list[tuple[list[MailItem], Any]]

    def results(self) -> list[ParsedMail | ImportFailure]:
        out: list[ParsedMail | ImportFailure] = []
        for items, chunk in self.chunks:
            if isinstance(chunk, list):
                out.extend(chunk)
                continue
            try:
                out.extend(chunk.result())
            except BrokenProcessPool:  # a worker died: parse its share here
                out.extend(_parse_items(items))
        return out


def auto_workers(paths: Iterable[Path]) -> int:
    """Worker processes worth starting: one per core for inputs over ``PARALLEL_BYTES``."""
    cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    total = 0
    for size in _input_sizes(paths):
        total += size
        if total >= PARALLEL_BYTES:  # enough: the rest of the folders is not walked
            return cores
    return 0


def _input_sizes(paths: Iterable[Path]) -> Iterator[int]:
    """The size of every file given or found under a given folder, lazily."""
    for path in paths:
        if path.is_file():
            yield path.stat().st_size
            continue
        for folder, _dirs, files in os.walk(path):
            for name in files:
                yield _file_size(Path(folder) / name)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Importer:
    """One import run over a store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        batch_size: int = BATCH_SIZE,
        workers: int = 0,
    ) -> None:
        self.store = store
        self.workers = workers
        self.progress = progress
        self.cancel = cancel
        self.batch_size = batch_size
        self.summary = ImportSummary()
        self._started = time.monotonic()
        self._notice_rowids: list[int] = []

    def run(self, paths: Iterable[str | os.PathLike[str]]) -> ImportSummary:
        self._started = time.monotonic()
        apply_pending_notices(self.store)
        with temporary_pragmas(self.store.path, self.store.conn, IMPORT_PRAGMAS):
            self._run(paths)
        self.summary.elapsed = time.monotonic() - self._started
        return self.summary

    def _run(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        with _ParsePool(self.workers) as pool:
            in_flight: deque[_Pending] = deque()
            for items in self._batches(paths):
                in_flight.append(self._submit(pool, items))
                while len(in_flight) > (MAX_IN_FLIGHT if pool.parallel else 0):
                    self._finish(in_flight.popleft())
            while in_flight:
                self._finish(in_flight.popleft())
        self._apply_notices()
        self._index_for_search()

    def _batches(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[list[MailItem]]:
        batch = _Batch()
        for item in iter_items(paths):
            if _is_cancelled(self.cancel):
                self.summary.cancelled = True
                break
            batch.add(item)
            if batch.full(self.batch_size):
                yield batch.items
                batch = _Batch()
        if batch.items and not self.summary.cancelled:
            yield batch.items

    def _report(self, source: str) -> None:
        if self.progress is None:
            return
        summary = self.summary
        self.progress(
            ImportProgress(
                done=summary.done,
                imported=summary.imported,
                duplicates=summary.duplicates,
                failed=len(summary.failed),
                elapsed=time.monotonic() - self._started,
                source=source,
            )
        )

    def _submit(self, pool: _ParsePool, items: list[MailItem]) -> _Pending:
        """Drop mail already stored (by its Message-ID, unparsed) and start parsing the rest."""
        keys = [quick_key(item.raw) if item.raw is not None else None for item in items]
        with self.store.read() as db:
            known = messages_repo.known_keys(db, filter(None, keys))
        fresh = [
            item
            for item, key in zip(items, keys, strict=True)
            if item.raw is None or key not in known
        ]
        return _Pending(items[-1].source, len(items) - len(fresh), fresh, pool.parse(fresh))

    def _finish(self, pending: _Pending) -> None:
        """Store one parsed batch, advance its return cases, report progress.
        After a cancel, batches still in flight are dropped (nothing of them is stored)."""
        if self.summary.cancelled or _is_cancelled(self.cancel):
            self.summary.cancelled = True
            return
        self.summary.duplicates += pending.duplicates
        parsed: list[tuple[MailItem, ParsedMail]] = []
        for item, result in zip(pending.items, pending.results(), strict=True):
            if isinstance(result, ImportFailure):
                self.summary.failed.append(result)
            else:
                parsed.append((item, result))
        self._notice_rowids.extend(self._store_batch(parsed) if parsed else [])
        if len(self._notice_rowids) >= NOTICE_BATCH:
            self._apply_notices()
        if parsed:
            self._index_for_search()  # here it overlaps the parsing of the next batches
        self._report(pending.source)

    def _apply_notices(self) -> None:
        """Open/advance return cases for the notices stored so far (their rowids are also
        recorded in the store, so a kill before this runs is caught up next time)."""
        if self._notice_rowids:
            apply_notices(self.store, self._notice_rowids)
            clear_pending_notices(self.store)
            self._notice_rowids = []

    def _store_batch(self, parsed: list[tuple[MailItem, ParsedMail]]) -> list[int]:
        imported_at = to_iso(utc_now())
        touched: set[int] = set()
        notice_rowids: list[int] = []
        with self.store.write() as db:
            known = messages_repo.known_keys(db, (mail.message_key for _, mail in parsed))
            for item, mail in parsed:
                if mail.message_key in known:
                    self.summary.duplicates += 1
                    continue
                known.add(mail.message_key)
                rowid = _store_one(db, item, mail, imported_at, touched)
                if rowid is None:
                    self.summary.duplicates += 1
                    continue
                self.summary.imported += 1
                if messages_repo.is_notice(mail):
                    notice_rowids.append(rowid)
            conversations_repo.refresh_conversations(db, touched)
            if notice_rowids:
                _record_pending(db, notice_rowids)
        self.summary.conversation_ids |= touched
        return notice_rowids

    def _index_for_search(self) -> None:
        with self.store.write() as db:
            search_repo.index_pending(db)


# PRAGMAs of the importing connection (restored afterwards). ``synchronous=NORMAL``: in WAL
# mode every commit stays atomic and the store consistent after a crash or kill (only a power
# cut may lose the last batches, which the next import re-imports), and commits skip an fsync
# each. A 32 MB page cache (default 2 MB) keeps the messages' indexes in memory, which saves
# about a tenth of the storing time of a 100,000-message import.
IMPORT_PRAGMAS = {"synchronous": "NORMAL", "cache_size": "-32768"}


def _store_one(
    db: Any, item: MailItem, mail: ParsedMail, imported_at: str, touched: set[int]
) -> int | None:
    conversation_id = messages_repo.place_message(db, mail, touched)
    return messages_repo.insert_message(
        db,
        mail,
        raw=item.raw or b"",
        source=item.source,
        received_at=mail.received_at or imported_at,
        imported_at=imported_at,
        parser_version=PARSER_VERSION,
        conversation_id=conversation_id,
    )


# -- return cases waiting for their notices -------------------------------------------------
def _record_pending(db: Any, rowids: list[int]) -> None:
    value = read_setting(db, PENDING_NOTICES_SETTING)
    pending = json.loads(value) if value else []
    write_setting(db, PENDING_NOTICES_SETTING, json.dumps(pending + rowids))


def clear_pending_notices(store: Store) -> None:
    with store.write() as db:
        delete_setting(db, PENDING_NOTICES_SETTING)


def apply_pending_notices(store: Store) -> None:
    """Finish the return-case step an interrupted import left undone."""
    value = store.get_setting(PENDING_NOTICES_SETTING)
    if not value:
        return
    rowids = [int(rowid) for rowid in json.loads(value)]
    if rowids:
        apply_notices(store, rowids)
    clear_pending_notices(store)


def import_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    batch_size: int = BATCH_SIZE,
    own_connection: bool = False,
    workers: int | None = None,
) -> ImportSummary:
    """Import every message in ``paths``; see the module docstring.

    ``own_connection=True`` opens (and closes) a second connection for a worker thread.
    ``workers`` parse processes (None: one per core for large inputs, 0: parse in-process)."""
    checked = check_paths(paths)
    if workers is None:
        workers = auto_workers(checked)
    target = store.reopen() if own_connection else store
    try:
        importer = Importer(
            target, progress=progress, cancel=cancel, batch_size=batch_size, workers=workers
        )
        return importer.run(checked)
    finally:
        if own_connection:
            target.close()
