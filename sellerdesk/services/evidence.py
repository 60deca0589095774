"""Evidence for a return case: photos and files copied into the data dir's evidence folder.

The seller's file is copied (never moved or linked) under a new name built from its original
name: only the last path component survives, separators, control characters, NUL bytes and
characters Windows forbids become ``_``, reserved device names are prefixed, and the name is cut
to a safe length, so ``../../x``, ``C:\\x`` or a 5,000-character name can neither escape the
folder nor fail to be written. Each stored name carries the case id and a random token, and
is created exclusively, so nothing is ever overwritten.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import re
import secrets
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from sellerdesk.domain.timeutil import to_iso, utc_now
from sellerdesk.errors import StoreUnavailable, UsageError
from sellerdesk.paths import evidence_dir
from sellerdesk.services.returns import refresh_case
from sellerdesk.store import returns_repo as repo
from sellerdesk.store.store import Store

MAX_NAME_BYTES = 120
MAX_SUFFIX_CHARS = 12
MAX_ORIGINAL_NAME_CHARS = 255
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def safe_file_name(original: str) -> str:
    """A harmless file name derived from ``original`` (never empty, never a path)."""
    text = unicodedata.normalize("NFC", original.replace("\x00", ""))
    text = re.split(r"[/\\]", text)[-1]
    text = _UNSAFE.sub("_", text).strip().lstrip(".").strip()
    if not text or set(text) <= {"_", "."}:
        text = "file"
    if _WINDOWS_RESERVED.match(text):
        text = f"_{text}"
    return _shorten(text.rstrip(". ") or "file")


def _shorten(name: str) -> str:
    """Cut ``name`` to ``MAX_NAME_BYTES`` of UTF-8, keeping a short extension."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX_CHARS:
        stem, suffix = name, ""
    ending = f".{suffix}" if suffix else ""
    budget = MAX_NAME_BYTES - len(ending.encode("utf-8"))
    encoded = stem.encode("utf-8")[:budget]
    return encoded.decode("utf-8", errors="ignore").rstrip(". ") + ending or "file"


def content_type(path: Path, head: bytes) -> str:
    """The file's media type: image signatures first, then the file name."""
    for magic, media_type in _IMAGE_MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def evidence_folder(store: Store) -> Path:
    folder = evidence_dir(store.data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        message = f"SellerDesk cannot create the evidence folder {folder}: {error}"
        raise StoreUnavailable(message) from error
    return folder


def evidence_path(store: Store, stored_name: str) -> Path:
    """Where a stored evidence file lives; refuses any name that would leave the folder."""
    folder = evidence_dir(store.data_dir).resolve()
    path = (folder / stored_name).resolve()
    if path.parent != folder or _UNSAFE.search(stored_name) or stored_name in ("", ".", ".."):
        raise ValueError(f"not an evidence file name: {stored_name!r}")
    return path


def attach_evidence(
    store: Store, case_id: int, source: str | os.PathLike[str], note: str = ""
) -> dict[str, Any]:
    """Copy ``source`` into the evidence folder and record it on the case."""
    source_path = Path(source)
    if not source_path.is_file():
        raise UsageError(f"not a file that can be attached: {source_path}")
    original = source_path.name[:MAX_ORIGINAL_NAME_CHARS] or "file"
    with store.read() as db:
        if repo.get_case(db, case_id) is None:
            raise UsageError(f"there is no return case {case_id}")
    target, size, head = _copy_in(evidence_folder(store), case_id, source_path)
    try:
        with store.write() as db:
            values = {
                "original_name": original,
                "stored_name": target.name,
                "content_type": content_type(source_path, head),
                "size": size,
                "added_at": to_iso(utc_now()),
                "note": note.strip(),
            }
            evidence_id = repo.add_evidence(db, case_id, values)
            refresh_case(db, case_id)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return {"id": evidence_id, "case_id": case_id, **values}


def _copy_in(folder: Path, case_id: int, source: Path) -> tuple[Path, int, bytes]:
    """Copy to a new, exclusively created file; returns its path, size and first bytes."""
    name = safe_file_name(source.name)
    for _ in range(5):
        target = folder / f"case{case_id}-{secrets.token_hex(4)}-{name}"
        try:
            with source.open("rb") as reader, target.open("xb") as writer:
                head = reader.read(64)
                writer.write(head)
                shutil.copyfileobj(reader, writer, length=1024 * 1024)
            os.chmod(target, 0o600)
            return target, target.stat().st_size, head
        except FileExistsError:
            continue
        except PermissionError as error:
            with contextlib.suppress(OSError):
                target.unlink()
            if not os.access(source, os.R_OK):
                raise UsageError(f"SellerDesk may not read {source}") from error
            raise StoreUnavailable(f"SellerDesk may not write to {folder}: {error}") from error
        except OSError as error:
            with contextlib.suppress(OSError):
                target.unlink()
            message = f"SellerDesk could not copy {source} to {folder}: {error}"
            raise StoreUnavailable(message) from error
    raise StoreUnavailable(f"SellerDesk could not find a free file name in {folder}")


def list_evidence(store: Store, case_id: int) -> list[dict[str, Any]]:
    with store.read() as db:
        rows = repo.list_evidence(db, case_id)
    for row in rows:
        row["path"] = str(evidence_path(store, row["stored_name"]))
    return rows
