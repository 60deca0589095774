"""The printable policy cheat sheet: content from the rules file, six PDFs checked with poppler.

The PDFs are real files written by QPdfWriter and read back with poppler's tools (pdfinfo,
pdftotext, pdffonts), as a seller's printer or PDF viewer would see them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sellerdesk.domain.policy.rules import Localized, load_rules
from sellerdesk.services.cheatsheet import (
    LANGUAGES,
    PAPERS,
    CheatSheet,
    build_cheatsheet,
    render_html,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
VARIANTS = [(language, paper) for language in LANGUAGES for paper in PAPERS]
# Page sizes in PDF points, as pdfinfo prints them.
PAGE_POINTS = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}
# The figures a seller looks for: reply time, proactive window, refund, SAFE-T, appeal.
KEY_FIGURE_RULES = ("RT-24H", "MSG-PROACTIVE-30D", "R7", "R8", "A2Z-APPEAL", "RT-CRT")
KEY_FIGURES_EN = ("24 hours", "30 days", "2 business days", "60 days", "30 calendar days", "90%")
KEY_FIGURES_ZH = ("24小时", "30 天", "2 个工作日", "60 天", "30 个日历日", "90%")


def _poppler(tool: str, *args: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} not found: install poppler-utils"
    return subprocess.run(
        [path, *args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _squash(text: str) -> str:
    """Text without any whitespace: pdftotext breaks lines where the layout wrapped them."""
    return re.sub(r"\s+", "", text)


def _text(pdf: Path) -> str:
    """The PDF's text in drawing order (-raw keeps each table cell's text together), squashed."""
    return _squash(_poppler("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"))


def _page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(pdf)), re.M).group(1))


def _page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", _poppler("pdfinfo", str(pdf)), re.M)
    return float(match.group(1)), float(match.group(2))


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) for every font pdffonts lists."""
    lines = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        fields = line.split()
        # name, type words..., encoding, emb, sub, uni, object id, generation
        rows.append((fields[0], fields[-5]))
    return rows


def _printed_texts(sheet: CheatSheet, language: str) -> list[str]:
    texts: list[Localized] = []
    for block in sheet.blocks:
        for entry in block.entries:
            texts += [text for text in (entry.lead, entry.figure, entry.detail) if text]
    return [text.text(language) for text in texts]


# --- content (no Qt) ----------------------------------------------------------------------


def test_sheet_holds_the_key_rules_in_reading_order() -> None:
    sheet = build_cheatsheet("en")
    assert [block.key for block in sheet.blocks] == [
        "contact",
        "never",
        "response",
        "returns",
        "health",
    ]
    ids = sheet.rule_ids()
    for rule_id in (*KEY_FIGURE_RULES, "MSG-SCOPE", "MSG-PROACTIVE-REASONS", "MSG-REVIEW-ONCE",
                    "R2", "MET-ODR", "MET-RDR"):
        assert rule_id in ids
    returns = [entry.rule_id for entry in sheet.block("returns").entries]
    assert returns.index("R2") < returns.index("R7") < returns.index("R8")
    assert returns.index("R8") < returns.index("A2Z-APPEAL")


def test_every_prohibition_is_on_the_sheet_with_its_alternative() -> None:
    book = load_rules()
    sheet = build_cheatsheet("en", book)
    never = {entry.rule_id: entry for entry in sheet.block("never").entries}
    for rule in book.all():
        if rule.section in ("content", "prohibited") and rule.severity in ("block", "warn"):
            assert rule.id in never
            expected = rule.compliant_example or rule.explanation
            assert never[rule.id].detail == expected
    assert sheet.missing_alternatives() == [
        rule_id for rule_id in never if book.get(rule_id).compliant_example is None
    ]


def test_text_comes_from_the_rules_file_not_a_copy(tmp_path: Path) -> None:
    raw = json.loads((REPO_ROOT / "sellerdesk/assets/rules/rules.json").read_text("utf-8"))
    for entry in raw["rules"]:
        if entry["id"] == "RT-24H":
            entry["figure"] = {"en": "Within 23 test hours", "zh-CN": "测试用二十三小时"}
    raw["checked_on"] = "2031-02-03"
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    html = render_html(build_cheatsheet("bilingual", load_rules(path)))
    assert "Within 23 test hours" in html
    assert "测试用二十三小时" in html
    assert "2031-02-03" in html


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        build_cheatsheet("fr")


# --- the six PDFs -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(qapp, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.printing.cheatsheet_pdf import write_pdf

    folder = tmp_path_factory.mktemp("cheatsheets")
    made = {}
    for language, paper in VARIANTS:
        path = folder / f"cheatsheet-{language}-{paper}.pdf"
        write_pdf(path, language=language, paper=paper)
        made[(language, paper)] = path
    return made


@pytest.mark.parametrize(("language", "paper"), VARIANTS)
def test_pdf_fits_on_two_pages_of_the_right_paper(
    pdfs: dict[tuple[str, str], Path], language: str, paper: str
) -> None:
    pdf = pdfs[(language, paper)]
    assert 1 <= _page_count(pdf) <= 2
    width, height = _page_size(pdf)
    assert (round(width), round(height)) == pytest.approx(PAGE_POINTS[paper], abs=1)


@pytest.mark.parametrize(("language", "paper"), VARIANTS)
def test_pdf_embeds_every_font(
    pdfs: dict[tuple[str, str], Path], language: str, paper: str
) -> None:
    fonts = _fonts(pdfs[(language, paper)])
    assert fonts, "no font in the PDF: the text was not written as text"
    assert all(embedded == "yes" for _name, embedded in fonts), fonts
    assert any("WenQuanYi" in name for name, _embedded in fonts)


@pytest.mark.parametrize(("language", "paper"), VARIANTS)
def test_pdf_text_has_the_key_figures_and_every_rule_id(
    pdfs: dict[tuple[str, str], Path], language: str, paper: str
) -> None:
    text = _text(pdfs[(language, paper)])
    expected = KEY_FIGURES_ZH if language == "zh-CN" else KEY_FIGURES_EN
    for figure in expected:
        assert _squash(figure) in text, figure
    for rule_id in build_cheatsheet(language).rule_ids():
        assert rule_id in text
    assert load_rules().checked_on.isoformat() in text


@pytest.mark.parametrize("language", ["zh-CN", "bilingual"])
def test_pdf_chinese_text_is_exactly_the_rules_file_text(
    pdfs: dict[tuple[str, str], Path], language: str
) -> None:
    sheet = build_cheatsheet(language)
    for paper in PAPERS:
        text = _text(pdfs[(language, paper)])
        missing = [t for t in _printed_texts(sheet, "zh-CN") if _squash(t) not in text]
        assert not missing, missing[:3]
    book = load_rules()
    assert _squash(book.get("RT-24H").figure.zh_cn) in text  # type: ignore[union-attr]


# --- command line, on a machine without display or CJK font ----------------------------


def _fontless_env(tmp_path: Path) -> dict[str, str]:
    """An environment where fontconfig finds no font at all and there is no display."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["FONTCONFIG_FILE"] = str(config)
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def test_cli_renders_chinese_with_the_bundled_font_only(tmp_path: Path) -> None:
    env = _fontless_env(tmp_path)
    listed = subprocess.run(["fc-list"], env=env, capture_output=True, text=True, check=False)
    assert "wqy" not in listed.stdout.lower(), "fontconfig still finds a system CJK font"
    pdf = tmp_path / "sheet.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "cheatsheet", "--output", str(pdf),
         "--lang", "zh-CN", "--paper", "letter"],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert str(pdf) in done.stdout
    fonts = _fonts(pdf)
    assert [name for name, _ in fonts] == ["WenQuanYiMicroHei"]
    assert all(embedded == "yes" for _, embedded in fonts)
    text = _text(pdf)
    assert _squash(load_rules().get("R7").title.zh_cn) in text


@pytest.mark.parametrize(
    ("output", "message"),
    [("sheet.txt", "must name a .pdf file"), ("no-such-folder/sheet.pdf", "does not exist")],
)
def test_cli_refuses_a_bad_output_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    from sellerdesk.app import main

    assert main(["cheatsheet", "--output", str(tmp_path / output)]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / output).exists()


def test_cli_writes_the_bilingual_letter_sheet(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.app import main

    pdf = tmp_path / "bilingual.pdf"
    assert main(["cheatsheet", "-o", str(pdf), "--lang", "bilingual", "--paper", "letter"]) == 0
    assert "bilingual, letter" in capsys.readouterr().out
    assert _page_count(pdf) <= 2
    assert (round(_page_size(pdf)[0]), round(_page_size(pdf)[1])) == (612, 792)


# --- GUI: File > Print cheat sheet..., File > Export cheat sheet as PDF... ------------------


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from sellerdesk.gui.main_window import MainWindow

    main = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    return main


@pytest.fixture
def controller(window):  # type: ignore[no-untyped-def]
    from sellerdesk.gui.controllers.cheatsheet_controller import install

    return install(window, None, None)


def test_file_menu_has_print_and_export_above_quit(window, controller) -> None:  # type: ignore[no-untyped-def]
    names = [action.objectName() for action in window.menu("file").actions()]
    printing = names.index("action_file_print_cheat_sheet")
    exporting = names.index("action_file_export_cheat_sheet")
    texts = [action.text() for action in window.menu("file").actions()]
    assert printing < exporting < texts.index("&Quit")


def test_print_preview_renders_each_language_on_at_most_two_pages(controller) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QComboBox

    controller.paper = "letter"
    dialog = controller.create_preview_dialog()
    preview = dialog.findChild(QPrintPreviewWidget)
    combo = dialog.findChild(QComboBox, "cheatSheetLanguage")
    for language in LANGUAGES:
        combo.setCurrentIndex(combo.findData(language))
        preview.updatePreview()
        assert controller.language == language
        assert 1 <= preview.pageCount() <= 2
        assert controller.last_render.pages == preview.pageCount()
    dialog.deleteLater()


def test_export_writes_the_chosen_variant(controller, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "mine"  # no suffix: the controller adds .pdf

    def choose_options() -> bool:
        controller.language, controller.paper = "zh-CN", "letter"
        return True

    monkeypatch.setattr(controller, "ask_options", choose_options)
    monkeypatch.setattr(
        "sellerdesk.gui.controllers.cheatsheet_controller.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF (*.pdf)"),
    )
    controller.export_pdf()
    pdf = tmp_path / "mine.pdf"
    assert _page_count(pdf) <= 2
    assert (round(_page_size(pdf)[0]), round(_page_size(pdf)[1])) == (612, 792)
    assert _squash(load_rules().get("RT-24H").title.zh_cn) in _text(pdf)
    assert "mine.pdf" in window.statusBar().currentMessage()


def test_options_dialog_reports_the_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.views.cheatsheet_options_dialog import CheatSheetOptionsDialog

    dialog = CheatSheetOptionsDialog("en", "a4")
    qtbot.addWidget(dialog)
    assert (dialog.language(), dialog.paper()) == ("en", "a4")
    dialog.set_language("bilingual")
    dialog.set_paper("letter")
    assert (dialog.language(), dialog.paper()) == ("bilingual", "letter")


# --- page breaks ------------------------------------------------------------------------


def _typeset_for(qapp, tmp_path: Path, language: str, paper: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter

    from sellerdesk.gui.printing import cheatsheet_pdf

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(cheatsheet_pdf.PDF_RESOLUTION)
    writer.setPageLayout(cheatsheet_pdf.page_layout(paper))
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    body = QSizeF(area.width(), area.height() - cheatsheet_pdf.FOOTER.height(writer))
    document = cheatsheet_pdf.fit_document(build_cheatsheet(language), writer, body)
    return document, body.height(), writer


@pytest.mark.parametrize(("language", "paper"), VARIANTS)
def test_no_row_is_cut_by_a_page_break(qapp, tmp_path: Path, language: str, paper: str) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.printing.pagination import first_split_row

    document, page_height, _writer = _typeset_for(qapp, tmp_path, language, paper)
    assert document.pageCount() <= 2
    assert first_split_row(document, page_height) is None


def test_a_page_break_before_a_cut_row_moves_it_whole(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from sellerdesk.gui.printing.pagination import first_split_row, row_spans, top_level_tables

    sheet = build_cheatsheet("en")
    never_index = 1 + [block.key for block in sheet.blocks].index("never")

    def layout(page_height: float, breaks: frozenset[tuple[str, int]]) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setPageSize(QSizeF(700, page_height))
        document.setHtml(render_html(sheet, 8.0, breaks))
        return document

    tall = layout(1e6, frozenset())
    table = list(top_level_tables(tall))[never_index]
    cut = None
    for span in row_spans(tall, table, never_index)[2:]:
        page_height = span.top + (span.bottom - span.top) * 0.8  # ends inside that row
        cut = first_split_row(layout(page_height, frozenset()), page_height)
        if cut is not None:
            break
    assert cut is not None, "no page height cut a row: Qt keeps rows whole by itself now?"
    assert (cut.table_index, cut.row) == (never_index, span.row)
    fixed = layout(page_height, frozenset({("never", span.row)}))
    moved = row_spans(fixed, list(top_level_tables(fixed))[never_index + 1], never_index + 1)[0]
    assert page_height <= moved.top and moved.bottom <= 2 * page_height  # whole, on page 2
    later = first_split_row(fixed, page_height)  # (the tiny test page cuts later rows too)
    assert later is None or later.top > moved.top
