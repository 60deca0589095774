"""The returns case-file PDF: no section heading alone at the foot of a page, and a footer with
the order id and "page N of M" on every page (checked in the PDF's own text, page by page)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from returns_helpers import import_samples  # noqa: E402

from sellerdesk.domain.timeutil import from_iso  # noqa: E402
from sellerdesk.services import returns  # noqa: E402
from sellerdesk.services.case_file import LABELS, build_case_file  # noqa: E402
from sellerdesk.store.store import Store  # noqa: E402

ORDER = "205-9141932-6880704"
NOW = from_iso("2023-05-23T09:00:00Z")
NOTE = "Box torn, tape cut open, item scratched."
HEADINGS = {LABELS[key][0] for key in (
    "details", "timeline", "checklist", "guardrails", "messages", "evidence"
)}
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="needs pdftotext (poppler-utils)")


@pytest.fixture
def case_id(store: Store, samples_dir: Path) -> int:
    store.set_setting("timezone", "Europe/London")
    import_samples(store, samples_dir, ["00037.eml", "00039.eml"])
    return returns.case_for_order(store, ORDER).case_id


def _pages(pdf: Path, pages: int) -> list[list[str]]:
    """Each page's non-blank text lines, in reading order."""
    found = []
    for page in range(1, pages + 1):
        text = subprocess.run(
            [str(PDFTOTEXT), "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        found.append([line.strip() for line in text.splitlines() if line.strip()])
    return found


def _write(store: Store, case_id: int, note_repeats: int, path: Path, language: str = "en") -> int:
    from sellerdesk.gui.printing.case_file_pdf import write_pdf

    returns.mark_step(
        store, case_id, "R6", "done", at=from_iso("2023-05-20T10:00:00Z"),
        note=" ".join([NOTE] * note_repeats),
    )
    return write_pdf(build_case_file(store, case_id, language, now=NOW), path)


def test_no_section_heading_ends_a_page(qapp, store: Store, case_id: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A longer and longer note pushes every heading past a page end at some length."""
    multi_page = 0
    for repeats in range(0, 60, 2):
        pdf = tmp_path / f"case-{repeats}.pdf"
        pages = _write(store, case_id, repeats, pdf)
        multi_page += pages > 1
        for number, lines in enumerate(_pages(pdf, pages)[:-1], start=1):
            body = lines[:-1]  # the last line is the footer
            assert body[-1] not in HEADINGS, f"note x{repeats}: page {number} ends on a heading"
    assert multi_page >= 20


def test_every_page_has_the_order_and_its_number(  # type: ignore[no-untyped-def]
    qapp, store: Store, case_id: int, tmp_path: Path
) -> None:
    pdf = tmp_path / "case.pdf"
    pages = _write(store, case_id, 40, pdf)
    assert pages >= 2
    for number, lines in enumerate(_pages(pdf, pages), start=1):
        assert lines[-1].startswith(f"Return case file · order {ORDER}")
        assert lines[-1].endswith(f"Page {number} of {pages}")
    headers = [line for page in _pages(pdf, pages) for line in page
               if line.split()[:3] == ["Step", "Due", "Status"]]
    assert len(headers) >= 2  # the checklist's header row, repeated on every page it goes on to


def test_chinese_footer(qapp, store: Store, case_id: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "case-zh.pdf"
    pages = _write(store, case_id, 40, pdf, "zh-CN")
    last = _pages(pdf, pages)[-1][-1]
    assert last.startswith(f"退货案例档案 · 订单 {ORDER}")
    assert last.endswith(f"第 {pages} 页，共 {pages} 页")
