"""The composer in Qt: drafts save on a pause, templates insert with values, the ways out
(clipboard, .eml, SMTP on loopback, mark as sent), the case-file PDF, the template editor, the
SMTP settings and the feature installer in the real main window."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from reply_fixtures import (  # noqa: E402
    MemoryKeyring,
    add_sample_conversation,
    conversation_row,
    start_smtp_server,
)

from sellerdesk.gui.controllers.composer_controller import ComposerController  # noqa: E402
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub  # noqa: E402
from sellerdesk.gui.models.template_model import (  # noqa: E402
    KeyRole,
    LanguageRole,
    TemplateListModel,
)
from sellerdesk.gui.views.composer import (  # noqa: E402
    ComposerView,
    MarkSentDialog,
    MissingValuesDialog,
)
from sellerdesk.gui.views.template_editor import TemplateEditorDialog  # noqa: E402
from sellerdesk.services import outbox  # noqa: E402
from sellerdesk.services.context import AppContext  # noqa: E402
from sellerdesk.services.drafts import DraftContent, DraftService  # noqa: E402
from sellerdesk.services.templates import TemplateService, starter_library  # noqa: E402

RELAY = "oe3824cnzfqoe61@marketplace.amazon.de"


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def composer(qtbot, store):  # type: ignore[no-untyped-def]
    """A composer on the German sample conversation, with answering dialog hooks."""
    store.set_setting("timezone", "Europe/Berlin")
    conversation_id = add_sample_conversation(store, notes="客户要求取消订单")
    hub = SelectionHub()
    view = ComposerView()
    qtbot.addWidget(view)
    view.show()
    controller = ComposerController(AppContext(store=store), hub, view)
    controller.asked = []  # type: ignore[attr-defined]
    controller.confirm = lambda title, text: controller.asked.append(text) or True  # type: ignore[attr-defined]
    controller.warnings = []  # type: ignore[attr-defined]
    controller.warn = lambda title, text: controller.warnings.append(text)  # type: ignore[attr-defined]
    hub.conversation_selected.emit(conversation_id)
    yield controller, hub, view, conversation_id
    controller.shutdown()


# --- the model ------------------------------------------------------------------------------
@pytest.mark.parametrize("show_language", [False, True])
def test_template_model_passes_the_model_tester(qtmodeltester, show_language: bool) -> None:  # type: ignore[no-untyped-def]
    model = TemplateListModel(show_language=show_language)
    model.set_templates(list(starter_library()[1]))
    qtmodeltester.check(model)
    index = model.index(0)
    assert model.data(index, KeyRole) == "where_is_my_order"
    assert model.data(index, LanguageRole) == "en"
    if show_language:
        assert model.data(index).endswith("[en]")
    model.set_templates([])
    qtmodeltester.check(model)


# --- loading and autosave ----------------------------------------------------------------------
def test_conversation_loads_language_recipient_and_templates(composer) -> None:  # type: ignore[no-untyped-def]
    controller, hub, view, _ = composer
    assert view.language() == "de"
    assert view.recipient_label.text() == f"To: {RELAY}"
    assert view.template_model.rowCount() == 9
    assert {view.template_model.template(r).language for r in range(9)} == {"de"}
    assert view.body_edit.isEnabled() and view.send_button.isEnabled()
    hub.conversation_selected.emit(NO_CONVERSATION)
    assert not view.body_edit.isEnabled()


def test_typing_saves_after_a_pause(composer, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, conversation_id = composer
    with qtbot.waitSignal(controller.draft_saved, timeout=3000):
        qtbot.keyClicks(view.body_edit, "Guten Tag")
    assert DraftService(store).load(conversation_id).body == "Guten Tag"
    assert view.status_label.text().startswith("Draft saved")


class _BoldFirstWord(QSyntaxHighlighter):
    """A format-only change to the reply, as the policy highlighter makes after a draft loads."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        self.setFormat(0, len(text.split(" ")[0]), bold)


def test_status_says_editing_only_once_the_seller_types(composer, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, _conversation_id = composer
    assert view.status_label.text() == ""
    view.language_picker.setCurrentIndex(view.language_picker.findData("en"))
    controller.set_purpose("review-request")
    assert view.status_label.text() == ""
    qtbot.keyClicks(view.body_edit, "H")
    assert view.status_label.text() == "Editing…"


def test_a_loaded_draft_is_not_being_edited(composer, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    """Line ends and no-break spaces the editor normalises on load are no edit of the seller's."""
    controller, hub, view, conversation_id = composer
    DraftService(store).save(
        conversation_id, DraftContent(subject="Ihre Bestellung", body="Guten\u00a0Tag,\r\nJana")
    )
    hub.conversation_selected.emit(NO_CONVERSATION)
    hub.conversation_selected.emit(conversation_id)
    assert view.status_label.text().startswith("Draft saved")
    highlighter = _BoldFirstWord(view.body_edit.document())
    highlighter.rehighlight()
    assert view.status_label.text().startswith("Draft saved")
    view.language_picker.setCurrentIndex(view.language_picker.findData("en"))
    assert view.status_label.text().startswith("Draft saved")
    qtbot.keyClicks(view.subject_edit, "!")
    assert view.status_label.text() == "Editing…"


def test_switching_conversation_saves_at_once_and_loads_the_other(composer, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    controller, hub, view, first = composer
    qtbot.keyClicks(view.body_edit, "Erste Antwort")
    second = add_sample_conversation(store, files=("00001.eml",), buyer_name="Gaëlle")
    hub.conversation_selected.emit(second)  # before the autosave timer fired
    assert DraftService(store).load(first).body == "Erste Antwort"
    assert view.body() == "" and view.language() == "fr"
    hub.conversation_selected.emit(first)
    assert view.body() == "Erste Antwort" and view.language() == "de"


# --- templates ---------------------------------------------------------------------------------
def test_template_asks_for_missing_values_and_remembers_the_shop(composer, store) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, conversation_id = composer
    asked: list[tuple[str, ...]] = []

    def answer(missing):  # type: ignore[no-untyped-def]
        asked.append(missing)
        return {
            "seller_name": "Becker Haushaltswaren",
            "carrier": "DHL",
            "tracking_number": "00340434161094042557",
            "expected_date": "02.12.2026",
        }

    controller.ask_values = answer
    view.select_template("where_is_my_order")
    view.insert_button.click()
    assert asked == [("carrier", "tracking_number", "expected_date", "seller_name")]
    assert view.subject() == "Ihre Bestellung 304-8581852-7480010: Sendungsverfolgung"
    assert view.body().startswith("Guten Tag Jana Becker,")
    assert "00340434161094042557" in view.body() and "Becker Haushaltswaren" in view.body()
    assert TemplateService(store).seller_name() == "Becker Haushaltswaren"
    assert DraftService(store).load(conversation_id).template_key == "where_is_my_order"


def test_cancelled_values_leave_the_draft_alone(composer) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, _ = composer
    view.set_content("", "Mein Text")
    controller.ask_values = lambda missing: None
    assert controller.insert_template("damaged_item", "de") is False
    assert view.body() == "Mein Text"


def test_replacing_written_text_needs_a_yes(composer, store) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, _ = composer
    TemplateService(store).set_seller_name("Becker")
    view.set_content("", "Mein Text")
    controller.confirm = lambda title, text: False
    assert controller.insert_template("invoice", "de") is False
    assert view.body() == "Mein Text"
    controller.confirm = lambda title, text: True
    assert controller.insert_template("invoice", "ja") is True
    assert view.body().startswith("Jana Becker 様")


def test_missing_values_dialog_needs_every_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MissingValuesDialog(("carrier", "tracking_number"), {"carrier": "the carrier"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.fields["carrier"].setText("DHL")
    assert not ok.isEnabled()
    dialog.fields["tracking_number"].setText(" 123 ")
    assert ok.isEnabled()
    assert dialog.values() == {"carrier": "DHL", "tracking_number": "123"}


# --- ways out ---------------------------------------------------------------------------------
def test_copy_to_clipboard_passes_the_release_guard(composer) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, _ = composer
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    view.set_content("s", "Antwort an die Käuferin")
    asked = []
    controller.release_guard = lambda parent, subject, body, action: asked.append(action) or False
    view.copy_button.click()
    assert asked == ["copy"] and clipboard.text() == "before"
    controller.release_guard = None
    view.copy_button.click()
    assert clipboard.text() == "Antwort an die Käuferin"


def test_save_as_eml(composer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, _ = composer
    view.set_content("Ihre Bestellung 304-8581852-7480010", "Guten Tag,\nstorniert.")
    controller.ask_save_path = lambda title, name, pattern: str(tmp_path / name)
    path = controller.save_eml()
    assert path == tmp_path / "reply-304-8581852-7480010.eml"
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert parsed["To"] == RELAY and parsed["X-Unsent"] == "1"


def test_send_via_smtp_confirms_the_recipient_and_stops_the_clock(  # type: ignore[no-untyped-def]
    composer, qtbot, store, memory_keyring
) -> None:
    controller, hub, view, conversation_id = composer
    server, inbox = start_smtp_server("seller", "pw-123")
    try:
        controller.apply_smtp_settings(
            outbox.SmtpSettings("127.0.0.1", server.port, "none", "seller", "shop@becker.example"),
            "pw-123",
        )
        view.set_content("Ihre Bestellung 304-8581852-7480010", "Storniert.")
        controller.confirm = lambda title, text: controller.asked.append(text) or False
        assert controller.send() is False
        assert inbox.envelopes == []
        assert RELAY in controller.asked[-1] and "127.0.0.1" in controller.asked[-1]
        controller.confirm = lambda title, text: True
        with qtbot.waitSignal(hub.data_changed, timeout=5000):
            view.send_button.click()
    finally:
        server.stop()
    assert [e.rcpt_tos for e in inbox.envelopes] == [[RELAY]]
    assert conversation_row(store, conversation_id)["status"] == "replied"
    assert DraftService(store).sent(conversation_id)[0].sent_via == "smtp"
    assert view.body() == ""


def test_refused_login_keeps_the_draft(composer, qtbot, store, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    controller, _, view, conversation_id = composer
    server, inbox = start_smtp_server("seller", "right")
    try:
        controller.apply_smtp_settings(
            outbox.SmtpSettings("127.0.0.1", server.port, "none", "seller", "shop@becker.example"),
            "wrong",
        )
        view.set_content("s", "Storniert.")
        assert controller.send() is True  # started
        assert view.body_edit.isReadOnly() and not view.send_button.isEnabled()
        qtbot.waitUntil(lambda: bool(controller.warnings), timeout=5000)
    finally:
        server.stop()
    assert "user name or password" in controller.warnings[0]
    assert inbox.envelopes == []
    assert view.body() == "Storniert." and not view.body_edit.isReadOnly()
    assert view.send_button.isEnabled()
    assert conversation_row(store, conversation_id)["status"] == "needs_reply"


def test_mark_as_sent_records_the_chosen_time(composer, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    controller, hub, view, conversation_id = composer
    view.set_content("", "Erledigt, Bestellung 304-8581852-7480010.")
    controller.copy_to_clipboard()
    controller.ask_sent_time = lambda recipient: dt.datetime(
        2023, 3, 9, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")
    )
    with qtbot.waitSignal(hub.data_changed, timeout=3000):
        view.mark_sent_button.click()
    row = conversation_row(store, conversation_id)
    assert row["status"] == "replied" and row["last_reply_at"] == "2023-03-09T09:00:00Z"
    assert DraftService(store).sent(conversation_id)[0].sent_via == "clipboard"


def test_mark_sent_dialog_reads_the_sellers_zone(qtbot) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneInfo("Asia/Tokyo")
    dialog = MarkSentDialog(dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC), zone, RELAY)
    qtbot.addWidget(dialog)
    assert dialog.sent_at() == dt.datetime(2026, 11, 26, 17, 30, tzinfo=zone)
    dialog.time_edit.setDateTime(QDateTime(2026, 11, 26, 9, 5, 0))
    assert dialog.sent_at().astimezone(dt.UTC) == dt.datetime(2026, 11, 26, 0, 5, tzinfo=dt.UTC)


# --- case file PDF ------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_export_case_file_pdf_keeps_cjk_text(composer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller, _, _, _ = composer
    path = controller.export_pdf(str(tmp_path / "case.pdf"))
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "304-8581852-7480010" in text
    assert "bitte stornieren Sie meine Bestellung" in text
    assert "客户要求取消订单" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts


def test_print_preview_renders(composer, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.printing.conversation_pdf import preview_dialog
    from sellerdesk.services.conversation_report import conversation_case_file

    controller, _, view, conversation_id = composer
    html = conversation_case_file(controller.context.store, conversation_id)
    dialog = preview_dialog(html, "case", view)
    qtbot.addWidget(dialog)
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    dialog.close()


# --- template editor and SMTP settings ---------------------------------------------------------
def test_template_editor_adds_edits_exports_and_imports(qtbot, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.controllers.composer_controller import TemplateEditorController

    service = TemplateService(store)
    service.seed_builtins()
    dialog = TemplateEditorDialog()
    qtbot.addWidget(dialog)
    TemplateEditorController(service, dialog)
    assert dialog.model.rowCount() == 63
    dialog.filter_combo.setCurrentIndex(dialog.filter_combo.findData("ja"))
    assert dialog.model.rowCount() == 9
    dialog.filter_combo.setCurrentIndex(0)
    dialog.start_new()
    dialog.key_edit.setText("gift_wrap")
    dialog.title_edit.setText("Gift wrap")
    dialog.subject_edit.setText("Order {order_id}")
    dialog.body_edit.setPlainText("Hello {buyer_name}, order {order_id} is gift-wrapped.")
    dialog.buttons["templateSave"].click()
    assert service.find("gift_wrap", "en") is not None
    assert dialog.model.template(dialog.list_view.currentIndex().row()).key == "gift_wrap"
    dialog.title_edit.setText("Gift wrapping")
    dialog.buttons["templateSave"].click()
    assert service.find("gift_wrap", "en").title == "Gift wrapping"
    dialog.start_new()
    dialog.key_edit.setText("gift_wrap")
    dialog.title_edit.setText("Dup")
    dialog.body_edit.setPlainText("x")
    dialog.buttons["templateSave"].click()
    assert "exists already" in dialog.error_label.text()
    exported = tmp_path / "t.json"
    dialog.export_requested.emit(str(exported))
    assert dialog.error_label.text() == "Exported 64 templates."
    service.delete(service.find("gift_wrap", "en").id)
    dialog.import_requested.emit(str(exported))
    assert service.find("gift_wrap", "en").title == "Gift wrapping"
    assert "1 new, 63 replaced" in dialog.error_label.text()


def test_smtp_settings_keep_the_password_out_of_the_database(  # type: ignore[no-untyped-def]
    composer, store, memory_keyring
) -> None:
    controller, _, _, _ = composer
    from sellerdesk.gui.views.smtp_settings import SmtpSettingsDialog

    dialog = SmtpSettingsDialog()
    dialog.host_edit.setText("mail.becker.example")
    dialog.user_edit.setText("seller")
    dialog.password_edit.setText("geheim-42")
    dialog.from_edit.setText("shop@becker.example")
    saved = controller.apply_smtp_settings(dialog.settings(), dialog.new_password())
    assert saved.port == 587 and saved.security == "starttls"
    assert outbox.load_password(saved) == "geheim-42"
    with store.read() as db:
        values = [v for (v,) in db.execute("SELECT value FROM settings").fetchall()]
    assert "geheim-42" not in values
    dialog.set_settings(saved, has_password=True)
    assert dialog.forget_check.isVisibleTo(dialog) and dialog.new_password() is None
    controller.apply_smtp_settings(saved, None, forget=True)
    assert outbox.load_password(saved) is None
    dialog.deleteLater()


# --- in the real window -------------------------------------------------------------------------
def test_installer_puts_composer_under_reader(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.gui.application import FEATURES, DesktopApp

    assert "sellerdesk.gui.controllers.composer_controller:install" in FEATURES
    conversation_id = add_sample_conversation(store)
    desktop = DesktopApp(AppContext(store=store))
    qtbot.addWidget(desktop.window)
    composer = desktop.window.conversation_splitter.widget(1)
    assert isinstance(composer, ComposerView)
    mine = {
        "Ctrl+R",
        "Ctrl+Shift+C",
        "Ctrl+Shift+S",
        "Ctrl+Shift+Return",
        "Ctrl+Shift+A",
        "Ctrl+P",
        "Ctrl+Shift+P",
    }
    shortcuts = [a.shortcut().toString() for a in desktop.window.actions()]
    assert mine <= set(shortcuts)
    assert [key for key in shortcuts if key in mine and shortcuts.count(key) > 1] == []
    desktop.hub.conversation_selected.emit(conversation_id)
    assert composer.recipient_label.text() == f"To: {RELAY}"


def test_policy_override_guards_the_ways_out_in_the_real_window(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    """With the policy feature installed, a blocked draft leaves only after an override."""
    from sellerdesk.gui.application import DesktopApp

    conversation_id = add_sample_conversation(store)
    desktop = DesktopApp(AppContext(store=store))
    qtbot.addWidget(desktop.window)
    composer = next(f for f in desktop.features if isinstance(f, ComposerController))
    policy = next((f for f in desktop.features if hasattr(f, "ask_override")), None)
    if policy is None:
        pytest.skip("the policy feature is not installed")
    assert composer.release_guard is not None
    asked: list[tuple[list[str], str]] = []
    answer = {"override": False}
    policy.ask_override = lambda parent, rules, action: (
        asked.append((rules, action)) or answer["override"]
    )
    desktop.hub.conversation_selected.emit(conversation_id)
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    composer.view.set_content("", "Order 304-8581852-7480010: write to us at shop@mybrand.example")
    assert composer.copy_to_clipboard() is False
    assert clipboard.text() == "before"
    assert asked and "CNT-EMAIL" in asked[0][0] and asked[0][1] == "copy"
    answer["override"] = True
    assert composer.copy_to_clipboard() is True
    assert clipboard.text().endswith("shop@mybrand.example")
    # The highlighter's underlines (format-only changes) are not edits: no autosave loop.
    with qtbot.waitSignal(composer.draft_saved, timeout=3000):
        qtbot.keyClicks(composer.view.body_edit, ".")
    qtbot.wait(600)
    assert composer.view.status_label.text().startswith("Draft saved")
    composer.shutdown()
