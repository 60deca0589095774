"""Killing an import with SIGKILL at a random moment leaves a consistent store, and running the
same import again completes it with no duplicates."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
COPIES = 4000
_MESSAGE_ID_RE = re.compile(rb"^Message-ID:[^\n]*\n", re.IGNORECASE | re.MULTILINE)


def build_mbox(samples_dir: Path, path: Path, count: int) -> None:
    templates = [file.read_bytes() for file in sorted(samples_dir.glob("*.eml"))]
    with path.open("wb") as out:
        for index in range(count):
            raw = _MESSAGE_ID_RE.sub(
                b"Message-ID: <kill-%d@example.com>\n" % index, templates[index % len(templates)]
            )
            out.write(b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n")
            out.write(re.sub(rb"^From ", b">From ", raw, flags=re.MULTILINE) + b"\n")


def start_import(data_dir: Path, mbox: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sellerdesk",
            "--data-dir",
            str(data_dir),
            "import",
            str(mbox),
            "--json",
        ],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_count(data_dir: Path) -> int:
    database = data_dir / "sellerdesk.db"
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM messages").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def check_consistent(data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "sellerdesk.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = connection.execute(
            "SELECT count(*) FROM messages m LEFT JOIN conversations c "
            "ON c.id = m.conversation_id WHERE c.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        stale = connection.execute(
            "SELECT count(*) FROM conversations c WHERE message_count != "
            "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)"
        ).fetchone()[0]
        assert stale == 0


def child_pids(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return children


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize(
    "copies",
    [
        pytest.param(COPIES, id="parsing-in-process"),
        pytest.param(9000, id="parser-processes"),  # over 32 MB: parsed in worker processes
    ],
)
def test_kill_9_then_rerun_completes_without_duplicates(  # type: ignore[no-untyped-def]
    data_dir, samples_dir, tmp_path, copies: int
) -> None:
    mbox = tmp_path / "big.mbox"
    build_mbox(samples_dir, mbox, copies)
    process = start_import(data_dir, mbox)
    deadline = time.monotonic() + 120
    while stored_count(data_dir) < 600 and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.05)
    children = child_pids(process.pid) if sys.platform.startswith("linux") else []
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL
    partial = stored_count(data_dir)
    assert 0 < partial < copies
    check_consistent(data_dir)
    gone_by = time.monotonic() + 10
    while any(alive(child) for child in children) and time.monotonic() < gone_by:
        time.sleep(0.1)
    assert not [child for child in children if alive(child)], "parser processes outlived the kill"

    rerun = start_import(data_dir, mbox)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary["failed"] == []
    assert summary["imported"] + summary["duplicates"] == copies
    assert summary["duplicates"] == partial
    assert stored_count(data_dir) == copies
    check_consistent(data_dir)
