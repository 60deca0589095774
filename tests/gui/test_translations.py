"""The Simplified Chinese catalogue: compiled, loaded for a zh locale, reachable at run time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from sellerdesk.gui.application import install_translator
from sellerdesk.paths import assets_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
TS_FILE = REPO_ROOT / "resources" / "i18n" / "sellerdesk_zh_CN.ts"
QM_FILE = assets_dir() / "i18n" / "sellerdesk_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")


def _messages() -> list[tuple[str | None, str, str | None, str | None]]:
    root = ET.parse(TS_FILE).getroot()
    found = []
    for context in root.findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            translation = message.find("translation")
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text if translation is not None else None,
                    translation.get("type") if translation is not None else None,
                )
            )
    return found


def test_catalogue_loads_and_translates(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate("ConversationView", "No response needed") == "无需回复"
    assert translator.translate("MainWindow", "&File") == "文件(&F)"


def test_strings_moved_out_of_installers_translate(qapp) -> None:  # type: ignore[no-untyped-def]
    """The installers' menu and dock titles, and the sidebar's plural summaries, show in Chinese."""
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    qapp.installTranslator(translator)
    try:
        tr = QCoreApplication.translate
        assert tr("ImportController", "&Import files…") == "导入文件(&I)…"
        assert tr("PolicyController", "Policy") == "政策"
        assert tr("TemplateEditorController", "Saved.") == "已保存。"
        assert tr("CheatSheetOptionsDialog", "English") == "英语"
        assert tr("PolicySidebar", "%n warning(s); the message can be sent.", "", 2) == (
            "2 个警告；这条消息可以发送。"
        )
    finally:
        qapp.removeTranslator(translator)


def test_installed_for_a_chinese_locale(qapp) -> None:  # type: ignore[no-untyped-def]
    original = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = None
    try:
        translator = install_translator(qapp)
        assert translator is not None
        assert QCoreApplication.translate("ConversationView", "Needs reply") == "需要回复"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        QLocale.setDefault(original)
    assert QCoreApplication.translate("ConversationView", "Needs reply") == "Needs reply"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for _context, source, text, kind in _messages():
        if not text or kind in ("vanished", "obsolete"):
            continue
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", text), f"mnemonic lost: {source!r} -> {text!r}"


def test_glossary_terms_of_the_policy_reference() -> None:
    translated = {source: text for _c, source, text, _k in _messages() if text}
    assert translated.get("A-to-z Guarantee claim") == "亚马逊商城交易保障索赔"
    assert translated.get("Late Response Rate (target ≤ 10%)", "").startswith("延迟回复率")


def _contexts() -> list[str]:
    return sorted({c or "<none>" for c, *_ in _messages()})


@pytest.mark.parametrize("context", _contexts())
def test_every_context_is_a_class_qt_looks_up(context: str) -> None:
    """``tr`` looks up the calling class's name: strings under any other context never show.

    lupdate files ``controller.tr(...)`` outside a class under "controller" and a bare
    ``tr = ...`` alias under no name; use ``self.tr`` inside the class or
    ``QCoreApplication.translate("ClassName", ...)`` instead.
    """
    gui_sources = "\n".join(p.read_text(encoding="utf-8") for p in
                            (REPO_ROOT / "sellerdesk" / "gui").rglob("*.py"))
    known = set(re.findall(r"^class (\w+)\(", gui_sources, re.MULTILINE)) | {"sellerdesk"}
    assert context in known, f"strings in context {context!r} are never found at run time"


def _translatable_literals() -> set[str]:
    """Every string literal passed to ``tr(...)`` or ``translate(context, ...)`` in gui/."""
    import ast

    found: set[str] = set()
    for path in (REPO_ROOT / "sellerdesk" / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            position = {"tr": 0, "translate": 1}.get(node.func.attr)
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
    return found


def test_every_translatable_string_is_in_the_catalogue() -> None:
    """pyside6-lupdate skips tr() calls it cannot parse (inside f-strings, for one)."""
    sources = {element.text or "" for element in ET.parse(TS_FILE).iter("source")}
    missing = sorted(_translatable_literals() - sources)
    assert missing == []
