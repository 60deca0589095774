"""Import speed and memory on a generated 100,000-message mbox (goal: at least half the rate of
the standard library's own mbox read, peak memory under 300 MB).

The mbox is built from the 300 sample notifications (every format, charset and transfer
encoding they cover), each copy with its own Message-ID and, per round of 300, its own order ids
and relay aliases, so threading behaves as in a real mailbox. In one run it measures:

1. the standard library baseline: ``mailbox.mbox`` reading every message (its default compat32
   parse) with every text part decoded;
2. ``sellerdesk import`` of the same file in a fresh process (parse, threading, SQLite, return
   cases, search indexing), and that process's peak memory (max RSS).

Run through pytest: ``pytest -m benchmark tests/benchmarks/bench_import.py -s``, or as a script:
``python tests/benchmarks/bench_import.py [COUNT]``. ``SELLERDESK_BENCH_COUNT`` overrides the
message count.
"""

from __future__ import annotations

import base64
import email
import json
import mailbox
import os
import quopri
import re
import subprocess
import sys
import tempfile
import time
from email.header import Header, decode_header, make_header
from email.policy import compat32
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = REPO_ROOT.parent / "shared" / "samples" / "amazon-mail"
DEFAULT_COUNT = 100_000
GOAL_RATIO = 0.5
GOAL_PEAK_MB = 300
_MESSAGE_ID_RE = re.compile(rb"^Message-ID:[^\n]*\n", re.IGNORECASE | re.MULTILINE)
_ORDER_RE = re.compile(rb"(\d{3}-\d{7}-)(\d{7})")
_ALIAS_RE = re.compile(rb"\b([a-z0-9]{12})[a-z0-9]{3}(@(?:m\.)?marketplace\.amazon\.)")
_FROM_LINE_RE = re.compile(rb"^From ", re.MULTILINE)
_DIGITS36 = b"0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int, width: int = 3) -> bytes:
    out = bytearray()
    for _ in range(width):
        number, digit = divmod(number, 36)
        out.insert(0, _DIGITS36[digit])
    return bytes(out)


def _shift_ids(data: bytes, round_number: int) -> bytes:
    data = _ORDER_RE.sub(
        lambda m: m.group(1) + b"%07d" % ((int(m.group(2)) + round_number) % 10_000_000), data
    )
    return _ALIAS_RE.sub(lambda m: m.group(1) + _base36(round_number) + m.group(2), data)


def _shift_encoded_parts(raw: bytes, round_number: int) -> bytes:
    """Shift the ids inside base64 / quoted-printable parts too (decode, shift, re-encode)."""
    message = email.message_from_bytes(raw, policy=compat32)
    changed = False
    subject = str(message.get("Subject", ""))
    if "=?" in subject:
        decoded = str(make_header(decode_header(subject))).encode("utf-8")
        shifted_subject = _shift_ids(decoded, round_number)
        if shifted_subject != decoded:
            message.replace_header("Subject", Header(shifted_subject.decode("utf-8"), "utf-8"))
            changed = True
    for part in message.walk():
        encoding = str(part.get("Content-Transfer-Encoding", "")).lower()
        if part.is_multipart() or encoding not in ("base64", "quoted-printable"):
            continue
        data = part.get_payload(decode=True) or b""
        shifted = _shift_ids(data, round_number)
        if shifted != data:
            encoded = (
                base64.encodebytes(shifted)
                if encoding == "base64"
                else quopri.encodestring(shifted)
            )
            part.set_payload(encoded.decode("ascii"))
            changed = True
    return message.as_bytes() if changed else raw


def vary(raw: bytes, index: int, round_number: int) -> bytes:
    """One copy of a sample: its own Message-ID; this round's order ids and aliases (also in
    encoded parts, so conversations stay as small as in a real mailbox)."""
    if round_number:
        raw = _shift_encoded_parts(_shift_ids(raw, round_number), round_number)
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    return _MESSAGE_ID_RE.sub(
        b"Message-ID: <bench-%d@sellerdesk.example>" % index + newline, raw, count=1
    )


def build_mbox(path: Path, count: int) -> int:
    """Write ``count`` messages to an mbox; returns its size in bytes."""
    templates = [file.read_bytes() for file in sorted(SAMPLES_DIR.glob("*.eml"))]
    with path.open("wb") as out:
        for index in range(count):
            round_number, position = divmod(index, len(templates))
            raw = vary(templates[position], index, round_number)
            out.write(b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n")
            out.write(_FROM_LINE_RE.sub(b">From ", raw))
            out.write(b"\n" if raw.endswith(b"\n") else b"\n\n")
    return path.stat().st_size


def stdlib_read(path: Path) -> tuple[int, float]:
    """(messages, seconds) for mailbox.mbox reading every message, text parts decoded."""
    started = time.perf_counter()
    count = 0
    for message in mailbox.mbox(str(path), create=False):
        for part in message.walk():
            if part.get_content_maintype() == "text":
                payload = part.get_payload(decode=True) or b""
                payload.decode(part.get_content_charset() or "utf-8", "replace")
        count += 1
    return count, time.perf_counter() - started


def sellerdesk_import(path: Path, data_dir: Path) -> tuple[dict, float, float]:
    """(JSON summary, seconds, peak RSS in MB) of ``sellerdesk import`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    code = (
        "import resource, sys\n"
        "from sellerdesk.app import main\n"
        "status = main(sys.argv[1:])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print('PEAK_KB', peak, 'CHILD_KB', child, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), "import", str(path), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"import failed ({result.returncode}): {result.stderr[-2000:]}")
    match = re.search(r"PEAK_KB (\d+) CHILD_KB (\d+)", result.stderr)
    assert match is not None, result.stderr[-2000:]
    main_kb, child_kb = int(match.group(1)), int(match.group(2))
    # Parser processes (one per core) each peak at most at child_kb: count them all.
    workers = (os.cpu_count() or 1) if child_kb else 0
    return json.loads(result.stdout), seconds, (main_kb + workers * child_kb) / 1024


def goal_verdict(met: bool) -> str:
    """What the printed figures say about a goal: timings are reported, never asserted, since
    they depend on the machine and on whatever else it runs."""
    return "goal met" if met else "goal missed"


def run_benchmark(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="sellerdesk-bench-") as folder:
        mbox_path = Path(folder) / "bench.mbox"
        size = build_mbox(mbox_path, count)
        read_count, stdlib_seconds = stdlib_read(mbox_path)
        summary, import_seconds, peak_mb = sellerdesk_import(mbox_path, Path(folder) / "data")
    figures = {
        "messages": count,
        "mbox_mb": size / 1_048_576,
        "stdlib_seconds": stdlib_seconds,
        "stdlib_rate": read_count / stdlib_seconds,
        "import_seconds": import_seconds,
        "import_rate": summary["imported"] / import_seconds,
        "ratio": (summary["imported"] / import_seconds) / (read_count / stdlib_seconds),
        "peak_mb": peak_mb,
        "imported": summary["imported"],
        "failed": len(summary["failed"]),
    }
    print(
        f"\n{count} messages, mbox {figures['mbox_mb']:.0f} MB\n"
        f"stdlib mailbox read:  {stdlib_seconds:7.1f} s  {figures['stdlib_rate']:7.0f} msg/s\n"
        f"sellerdesk import:    {import_seconds:7.1f} s  {figures['import_rate']:7.0f} msg/s  "
        f"(imported {summary['imported']}, failed {len(summary['failed'])})\n"
        f"ratio import/stdlib:  {figures['ratio']:.2f} (goal >= {GOAL_RATIO}: "
        f"{goal_verdict(figures['ratio'] >= GOAL_RATIO)})\n"
        f"import peak memory:   {peak_mb:.0f} MB, parser processes included "
        f"(goal < {GOAL_PEAK_MB} MB: {goal_verdict(peak_mb < GOAL_PEAK_MB)})"
    )
    return figures


@pytest.mark.benchmark
def test_import_speed_and_memory() -> None:
    count = int(os.environ.get("SELLERDESK_BENCH_COUNT", DEFAULT_COUNT))
    figures = run_benchmark(count)
    assert figures["imported"] == count
    assert figures["failed"] == 0
    assert figures["peak_mb"] < GOAL_PEAK_MB


if __name__ == "__main__":
    run_benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT)
