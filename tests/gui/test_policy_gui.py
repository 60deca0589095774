"""The policy feature in Qt: the findings model (qtmodeltester), live underlines with
tooltips, the sidebar's advisor and findings, the override guard, and the installer wired to
the real composer in the main window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from reply_fixtures import add_sample_conversation  # noqa: E402

from sellerdesk.domain.policy.checker import check_draft  # noqa: E402
from sellerdesk.domain.policy.model import DraftContext  # noqa: E402
from sellerdesk.gui.controllers.policy_controller import PolicyController  # noqa: E402
from sellerdesk.gui.draft_highlighter import Utf16Offsets, attach_highlighter  # noqa: E402
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub  # noqa: E402
from sellerdesk.gui.models.findings_model import (  # noqa: E402
    COL_RULE,
    COL_WHERE,
    FindingRole,
    FindingsModel,
    RuleIdRole,
    SeverityRole,
)
from sellerdesk.gui.views.policy_sidebar import PolicySidebar  # noqa: E402
from sellerdesk.services.context import AppContext  # noqa: E402

BAD = "Leave a review and we will refund your shipping. Visit www.mybrand.com 😊 today."


def underlines(editor) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """(document position, length, underline colour) of every wavy underline."""
    found = []
    block = editor.document().begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            style = fmt_range.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.WaveUnderline:
                found.append(
                    (
                        block.position() + fmt_range.start,
                        fmt_range.length,
                        fmt_range.format.underlineColor().name(),
                    )
                )
        block = block.next()
    return sorted(found)


# --- the model --------------------------------------------------------------------------------
def test_findings_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FindingsModel()
    qtmodeltester.check(model)
    result = check_draft(
        BAD, "[Important] review", DraftContext(proactive=True, purpose="review-request")
    )
    model.set_findings(result.findings, BAD)
    qtmodeltester.check(model)
    assert model.rowCount() == len(result.findings) >= 4
    rules = [model.data(model.index(row, 0), RuleIdRole) for row in range(model.rowCount())]
    assert "MSG-CRITICAL-IMPORTANT" in rules and "CNT-LINK" in rules
    link_row = rules.index("CNT-LINK")
    assert model.data(model.index(link_row, COL_WHERE)) == "“www.mybrand.com”"
    assert model.data(model.index(link_row, COL_RULE)).startswith("CNT-LINK · ")
    assert model.data(model.index(link_row, 0), SeverityRole) == "block"
    assert model.data(model.index(link_row, 0), FindingRole).rule == "CNT-LINK"
    model.set_language("zh-CN")
    assert model.data(model.index(link_row, COL_RULE)) == "CNT-LINK · 禁止外部链接"
    model.set_findings([], "")
    qtmodeltester.check(model)


# --- the highlighter --------------------------------------------------------------------------
@pytest.mark.parametrize("editor_class", [QPlainTextEdit, QTextEdit])
def test_highlighter_underlines_findings_after_a_pause(qtbot, editor_class) -> None:  # type: ignore[no-untyped-def]
    editor = editor_class()
    qtbot.addWidget(editor)
    highlighter = attach_highlighter(editor, lambda text: check_draft(text))
    editor.setPlainText("Hello,\n" + BAD)
    with qtbot.waitSignal(highlighter.checked, timeout=2000):
        pass
    marks = underlines(editor)
    text = editor.toPlainText()
    link = text.index("www.mybrand.com")
    assert (link, len("www.mybrand.com"), "#d0021b") in marks
    # the emoji counts as two UTF-16 units in Qt: the underline after it must still line up
    emoji = text.index("😊")
    assert (Utf16Offsets(text)(emoji), 2, "#d0021b") in marks
    editor.setPlainText("We are sorry; a free replacement ships today.")
    with qtbot.waitSignal(highlighter.checked, timeout=2000):
        pass
    assert underlines(editor) == []


def test_highlighter_tooltip_names_rule_and_alternative(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = attach_highlighter(editor, lambda text: check_draft(text))
    editor.setPlainText(BAD)
    highlighter.check_now()
    position = BAD.index("www") + 2
    findings = highlighter.findings_at(position)
    assert [f.rule for f in findings] == ["CNT-LINK"]
    tip = highlighter.tooltip_html(findings)
    assert "CNT-LINK" in tip and "No external links" in tip and "upload" in tip
    assert highlighter.findings_at(len(BAD) - 2) == []


def test_utf16_offsets() -> None:
    offsets = Utf16Offsets("a😊b😊c")
    assert [offsets(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert Utf16Offsets("plain")(3) == 3


# --- controller and sidebar -------------------------------------------------------------------
@pytest.fixture
def policy(qtbot, store):  # type: ignore[no-untyped-def]
    conversation_id = add_sample_conversation(store)
    hub = SelectionHub()
    model = FindingsModel()
    sidebar = PolicySidebar(model)
    qtbot.addWidget(sidebar)
    sidebar.show()
    controller = PolicyController(AppContext(store=store), hub, sidebar)
    controller.asked = []  # type: ignore[attr-defined]
    controller.ask_override = (  # type: ignore[method-assign]
        lambda parent, rules, action: controller.asked.append((rules, action)) or False
    )
    return controller, hub, sidebar, conversation_id


def test_sidebar_shows_advice_for_the_selected_conversation(qtbot, policy) -> None:  # type: ignore[no-untyped-def]
    controller, hub, sidebar, conversation_id = policy
    assert sidebar.verdict_label.text() == "Select a conversation"
    hub.conversation_selected.emit(conversation_id)
    assert controller.facts.buyer_wrote
    assert sidebar.verdict_label.text() == "Allowed"
    assert "MSG-SCOPE" in sidebar.reasons_view.toPlainText()
    with qtbot.waitSignal(controller.purpose_changed) as purpose:
        sidebar.set_purpose("review-request")  # the sample order has no delivery date stored
    assert purpose.args == ["review-request"]
    assert controller.advice.purpose == "review-request"
    assert sidebar.verdict_label.text() == "Allowed with conditions"
    assert "MSG-REVIEW-ONCE" in sidebar.reasons_view.toPlainText()
    glance = sidebar.glance_view.toPlainText()
    assert "RT-24H" in glance and "24 hours, weekends included" in glance
    hub.conversation_selected.emit(NO_CONVERSATION)
    assert sidebar.verdict_label.text() == "Select a conversation"


def test_attached_editor_fills_findings_and_detail(qtbot, policy) -> None:  # type: ignore[no-untyped-def]
    controller, hub, sidebar, conversation_id = policy
    hub.conversation_selected.emit(conversation_id)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    subject = {"text": ""}
    highlighter = controller.attach_editor(editor, lambda: subject["text"])
    editor.setPlainText("Write to support@mybrand.com for a faster answer.")
    highlighter.check_now()
    assert sidebar.model.rowCount() == 1
    assert "1 finding" in sidebar.summary_label.text()
    detail = sidebar.detail_view.toPlainText()
    assert "CNT-EMAIL" in detail and "Compliant alternative:" in detail
    assert "Just reply to this message." in detail
    subject["text"] = "[Important] please review"
    sidebar.set_purpose("review-request")  # re-checks with the new context
    rules = {f.rule for f in sidebar.model.findings()}
    assert "MSG-CRITICAL-IMPORTANT" in rules


def test_release_guard_asks_for_an_override_naming_the_rules(policy) -> None:  # type: ignore[no-untyped-def]
    controller, hub, sidebar, conversation_id = policy
    hub.conversation_selected.emit(conversation_id)
    assert controller.release_guard(None, "Re: order", "Your replacement ships today.", "copy")
    assert controller.asked == []
    assert not controller.release_guard(None, "", BAD, "send")
    assert controller.asked == [(["CNT-EMOJI-GIF", "CNT-LINK", "MSG-NO-INCENTIVE"], "send")]
    controller.ask_override = lambda parent, rules, action: True  # type: ignore[method-assign]
    assert controller.release_guard(None, "", BAD, "eml")


def test_installer_wires_the_real_composer(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.application import DesktopApp

    conversation_id = add_sample_conversation(store)
    desktop = DesktopApp(AppContext(store=store))
    qtbot.addWidget(desktop.window)
    policy_controller = next(f for f in desktop.features if isinstance(f, PolicyController))
    from sellerdesk.gui.controllers.composer_controller import ComposerController

    composer = next(f for f in desktop.features if isinstance(f, ComposerController))
    assert composer.release_guard == policy_controller.release_guard
    desktop.hub.conversation_selected.emit(conversation_id)
    composer.view.body_edit.setPlainText("Call us on +1 555 0100.")
    with qtbot.waitSignal(policy_controller.findings_changed, timeout=2000) as blocker:
        pass
    assert {f.rule for f in blocker.args[0].findings} == {"CNT-PHONE"}
    asked = []
    policy_controller.ask_override = lambda p, rules, action: asked.append(rules) or False  # type: ignore[method-assign]
    assert composer.copy_to_clipboard() is False
    assert asked == [["CNT-PHONE"]]
    composer.shutdown()
