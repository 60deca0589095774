"""The case file's HTML (built Qt-free): sections, escaping, evidence thumbnails."""

from __future__ import annotations

from pathlib import Path

import pytest
from returns_helpers import import_samples

from sellerdesk.domain.timeutil import from_iso
from sellerdesk.services import evidence, returns
from sellerdesk.services.case_file import build_case_file
from sellerdesk.store.store import Store

ORDER = "205-9141932-6880704"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def case_id(store: Store, samples_dir: Path) -> int:
    store.set_setting("timezone", "Europe/London")
    import_samples(store, samples_dir, ["00037.eml", "00039.eml"])
    return returns.case_for_order(store, ORDER).case_id


def test_case_file_has_every_section(store: Store, case_id: int, tmp_path: Path) -> None:
    photo = tmp_path / "box.png"
    photo.write_bytes(PNG)
    evidence.attach_evidence(store, case_id, photo, note="as received")
    returns.mark_step(
        store, case_id, "R6", "done", at=from_iso("2023-05-20T10:00:00Z"), note="box torn"
    )
    case_file = build_case_file(store, case_id, "en", now=from_iso("2023-05-23T09:00:00Z"))
    html = case_file.html
    for heading in ("Case details", "Timeline", "Checklist", "Rules in force", "Messages",
                    "Evidence"):
        assert f"<h2>{heading}</h2>" in html
    assert "Generated 2023-05-23 10:00 (Europe/London)" in html  # BST
    assert "Evri / B47B7MRARZTX1" in html and "86.49 GBP" in html
    assert "[R8]" in html and "[RET-RESTOCKING]" in html
    assert "box torn" in html
    # Timeline in time order: request (15:21 BST), item received, refund (20:36 BST).
    assert html.index("2023-05-14 15:21") < html.index("2023-05-20 11:00") < html.index(
        "2023-05-22 20:36"
    )
    [thumbnail] = case_file.thumbnails
    assert f'<img src="{thumbnail.resource}"' in html
    assert thumbnail.path.read_bytes() == PNG


def test_case_file_escapes_what_buyers_and_sellers_typed(store: Store, case_id: int) -> None:
    returns.mark_step(store, case_id, "R4", "done", note="<script>alert(1)</script> & co")
    html = build_case_file(store, case_id, "en").html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_case_file_in_chinese(store: Store, case_id: int) -> None:
    case_file = build_case_file(store, case_id, "zh-CN")
    assert case_file.title == f"退货案例档案：订单 {ORDER}"
    assert "<h2>检查清单</h2>" in case_file.html
    assert "SAFE-T" in case_file.html  # rule titles come from the rules file in Chinese


def test_page_footer_names_the_order_and_the_page(store: Store, case_id: int) -> None:
    from sellerdesk.services.case_file import page_footer

    english = build_case_file(store, case_id, "en")
    assert page_footer(english, 2, 3) == (f"Return case file · order {ORDER}", "Page 2 of 3")
    chinese = build_case_file(store, case_id, "zh-CN")
    assert page_footer(chinese, 1, 4) == (f"退货案例档案 · 订单 {ORDER}", "第 1 页，共 4 页")
