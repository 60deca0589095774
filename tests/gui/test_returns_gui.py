"""Returns checklist pane, due-today view and their models on a store of real sample notices."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage

from sellerdesk.domain.timeutil import from_iso
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.models.checklist_model import (
    COL_STATUS,
    ChecklistModel,
    StatusRole,
    StepIdRole,
)
from sellerdesk.gui.models.checklist_model import UrgencyRole as StepUrgencyRole
from sellerdesk.gui.models.due_cases_model import (
    CaseIdRole,
    DueCasesModel,
    OrderIdRole,
    UrgencyRole,
)
from sellerdesk.services import returns
from sellerdesk.services.importer import import_paths
from sellerdesk.store.store import Store

SAMPLES = ["00037.eml", "00039.eml", "00027.eml", "00125.eml"]
UK_ORDER, CLAIM_ORDER = "205-9141932-6880704", "205-9441890-6609790"
US_ORDER = "113-4514317-8697809"
NOW = from_iso("2023-05-16T12:00:00Z")
WARNINGS: list[str] = []  # what the controller would show in a message box


@pytest.fixture
def filled(store: Store, samples_dir: Path) -> Store:
    store.set_setting("timezone", "Europe/London")
    summary = import_paths(store, [samples_dir / name for name in SAMPLES])
    assert summary.imported == len(SAMPLES)
    return store


def _conversation_of(store: Store, order_id: str) -> int:
    with store.read() as db:
        return db.execute(
            "SELECT conversation_id FROM messages WHERE order_id = ? LIMIT 1", [order_id]
        ).fetchone()[0]


@pytest.fixture
def controller(qtbot, filled: Store):  # type: ignore[no-untyped-def]
    from sellerdesk.gui.controllers.returns_controller import ReturnsController
    from sellerdesk.gui.views.due_today import DueTodayView
    from sellerdesk.gui.views.returns_pane import ReturnsPane

    pane, due_view = ReturnsPane(), DueTodayView()
    qtbot.addWidget(pane)
    qtbot.addWidget(due_view)
    hub = SelectionHub()
    controller = ReturnsController(
        filled, pane, due_view, hub, parent=pane, now=lambda: NOW, language="en",
        warn=WARNINGS.append,
    )
    controller.reload()
    return controller


def test_checklist_model_passes_the_model_tester(qtmodeltester, filled: Store) -> None:
    view = returns.case_for_order(filled, UK_ORDER)
    model = ChecklistModel()
    model.set_steps(view.checklist.steps, returns.step_titles("en"), view.tz, NOW)
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    assert model.index(1, 0).data(StepIdRole) == "R2"
    assert model.index(6, 0).data(StatusRole) == "done"  # R7 settled by the refund notice
    model.clear()
    qtmodeltester.check(model)


def test_due_cases_model_passes_the_model_tester(qtmodeltester, filled: Store) -> None:
    model = DueCasesModel()
    model.set_cases(returns.list_cases(filled, now=NOW), returns.step_titles("en"), NOW)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    # The claim (response due 2023-04-18) is overdue: on top, red, bold.
    assert model.index(0, 0).data(OrderIdRole) == CLAIM_ORDER
    assert model.index(0, 0).data(UrgencyRole) == "overdue"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#fde0e0")
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert isinstance(model.index(0, 0).data(CaseIdRole), int)
    assert "overdue" in model.index(0, 4).data()


def test_selecting_a_conversation_shows_its_case(controller, filled: Store) -> None:
    hub = controller.hub
    hub.conversation_selected.emit(_conversation_of(filled, US_ORDER))
    pane = controller.pane
    assert pane._stack.currentIndex() == 1
    assert US_ORDER in pane._title.text()
    assert "FedEx" in pane._details.text()
    model = pane.model
    r2 = model.index(model.row_of("R2"), COL_STATUS)
    # Requested 2024-01-28T03:26:28Z; it is 2023-05-16 in this test, so R2 is due later.
    assert r2.data(StepUrgencyRole) == "pending"
    hub.conversation_selected.emit(NO_CONVERSATION)
    assert pane._stack.currentIndex() == 0


def test_due_soon_and_overdue_steps_are_highlighted(controller, filled: Store) -> None:
    controller._now = lambda: from_iso("2024-01-29T12:00:00Z")  # R2 due 2024-01-30T03:26:28Z
    controller.hub.conversation_selected.emit(_conversation_of(filled, US_ORDER))
    model = controller.pane.model
    index = model.index(model.row_of("R2"), COL_STATUS)
    assert index.data(StepUrgencyRole) == "due_soon"
    assert index.data() == "Due soon"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#fff1cc")
    model.set_now(from_iso("2024-02-01T00:00:00Z"))
    assert index.data() == "Overdue"


def test_mark_step_with_time_and_note(controller, filled: Store) -> None:
    controller.hub.conversation_selected.emit(_conversation_of(filled, UK_ORDER))
    pane = controller.pane
    pane.select_step("R6")
    assert "Why:" in pane._step_help.text()  # what to do and why, from the rules file
    pane._note.setText("mat unused, box torn")
    pane._done_button.click()
    view = returns.case_for_order(filled, UK_ORDER)
    assert view.checklist.get("R6").status == "done"
    assert view.checklist.get("R6").note == "mat unused, box torn"
    assert view.case["item_received_at"] is not None
    row = pane.model.row_of("R6")
    assert pane.model.index(row, COL_STATUS).data().startswith("Done ")
    assert pane.selected_step() == "R6"
    pane._reopen_button.click()
    assert returns.case_for_order(filled, UK_ORDER).checklist.get("R6").status == "open"


def test_guardrails_show_rule_ids(controller, filled: Store) -> None:
    controller.hub.conversation_selected.emit(_conversation_of(filled, UK_ORDER))
    pane = controller.pane
    pane._fee.setValue(25)  # a planned 25% restocking fee, no photo yet
    text = pane._guardrails.text()
    assert "[RET-RESTOCKING]" in text and "photo" in text
    assert "[R8]" in text


def test_attach_evidence_and_export_case_file(
    controller, filled: Store, tmp_path: Path
) -> None:
    controller.hub.conversation_selected.emit(_conversation_of(filled, UK_ORDER))
    photo = tmp_path / "parcel photo.png"
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#c8a46e"))
    assert image.save(str(photo))
    WARNINGS.clear()
    controller.pane.attach_requested.emit([str(photo), str(tmp_path / "missing.jpg")])
    assert len(WARNINGS) == 1 and "missing.jpg" in WARNINGS[0]
    assert controller.pane._evidence.count() == 1
    assert controller.pane._evidence.item(0).text() == "parcel photo.png"
    pdf = tmp_path / "case.pdf"
    controller.pane.export_requested.emit(str(pdf))
    assert pdf.stat().st_size > 2000
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in (UK_ORDER, "Timeline", "Checklist", "[R8]", "Evidence", "parcel photo.png"):
            assert expected in text
    pdfimages = shutil.which("pdfimages")
    if pdfimages:
        listing = subprocess.run(
            [pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert len(listing.strip().splitlines()) >= 3  # header, rule, the thumbnail


def test_due_list_activation_shows_the_case(controller, filled: Store, qtbot) -> None:
    due_view = controller.due_view
    assert due_view.model.rowCount() == 3
    assert "3 open return cases" in due_view._summary.text()
    with qtbot.waitSignal(controller.hub.conversation_selected):
        due_view._activate(due_view.model.index(1, 0))
    assert controller.pane._stack.currentIndex() == 1
    due_view.only_soon.setChecked(True)  # within 24 h of NOW: only the overdue claim
    assert due_view.model.rowCount() == 1
    assert due_view.model.index(0, 0).data(OrderIdRole) == CLAIM_ORDER


def test_open_case_by_hand_for_a_conversation_without_one(qtbot, store: Store, samples_dir):  # type: ignore[no-untyped-def]
    from sellerdesk.gui.controllers.returns_controller import ReturnsController
    from sellerdesk.gui.views.due_today import DueTodayView
    from sellerdesk.gui.views.returns_pane import ReturnsPane

    import_paths(store, [samples_dir / "00001.eml"])  # a buyer message, no return
    pane, due_view = ReturnsPane(), DueTodayView()
    qtbot.addWidget(pane)
    hub = SelectionHub()
    qtbot.addWidget(due_view)
    controller = ReturnsController(
        store, pane, due_view, hub, parent=pane, now=lambda: NOW, language="en",
        warn=WARNINGS.append,
    )
    hub.conversation_selected.emit(_conversation_of(store, "404-4252870-0933940"))
    assert pane._stack.currentIndex() == 0 and not pane._open_button.isHidden()
    pane._open_button.click()
    assert pane._stack.currentIndex() == 1
    assert controller.case_id is not None
    assert returns.case_for_order(store, "404-4252870-0933940").case["opened_by"] == "hand"


def test_installs_into_the_main_window(qtbot, filled: Store, tmp_path: Path) -> None:
    from sellerdesk.gui.controllers.returns_controller import install
    from sellerdesk.gui.main_window import MainWindow
    from sellerdesk.services.context import AppContext

    window = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    controller = install(window, AppContext(store=filled), SelectionHub())
    assert window.findChild(type(controller.pane), "returnsPane") is controller.pane
    assert [a.text() for a in window.menu("returns").actions()] == [
        "Returns &Due Today", "&Export Case File PDF…"
    ]
    assert controller.due_view.model.rowCount() == 3


def test_clock_stops_with_the_window_before_the_store_closes(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, samples_dir: Path, tmp_path: Path
) -> None:
    """Closing the window stops the clock; showing it again catches up at once.

    The app (and every test) closes the window, then the store; nothing guarantees the widgets
    are ever deleted, so a clock stopped only on ``destroyed`` ticked on into the closed store.
    """
    from sellerdesk.gui.controllers.returns_controller import ReturnsController
    from sellerdesk.gui.main_window import MainWindow
    from sellerdesk.gui.views.due_today import DueTodayView
    from sellerdesk.gui.views.returns_pane import ReturnsPane

    store = Store(data_dir)  # closed by the test itself, after its window, as the app does
    store.set_setting("timezone", "Europe/London")
    import_paths(store, [samples_dir / name for name in SAMPLES])
    clock = {"now": from_iso("2020-01-01T00:00:00Z")}  # before every deadline
    window = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    pane, due_view = ReturnsPane(), DueTodayView()
    controller = ReturnsController(
        store, pane, due_view, SelectionHub(), parent=window, now=lambda: clock["now"],
        language="en", warn=WARNINGS.append,
    )
    window.add_dock("returnsDock", "Returns", pane)
    window.add_dock("dueTodayDock", "Due", due_view, Qt.DockWidgetArea.BottomDockWidgetArea)
    controller.reload()
    controller._clock.setInterval(5)
    window.show()
    qtbot.waitExposed(window)
    assert controller._clock.isActive()
    assert due_view.model.overdue_count() == 0

    window.close()
    assert not controller._clock.isActive()
    clock["now"] = from_iso("2030-01-01T00:00:00Z")  # every case overdue: a tick reloads
    window.show()
    qtbot.waitExposed(window)
    assert controller._clock.isActive()
    assert due_view.model.overdue_count() == due_view.model.rowCount() > 0

    window.close()
    store.close()
    clock["now"] = from_iso("2020-01-01T00:00:00Z")  # a tick now would query the closed store
    qtbot.wait(50)
    assert not controller._clock.isActive()
