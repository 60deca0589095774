"""The inbox pane: the paged model (qtmodeltester, fetchMore), selection on the hub, search as
you type, sorting and filtering through the store, reload keeping the selection, dashboard."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from inbox_seed import Seed  # noqa: E402

from sellerdesk.domain.timeutil import utc_now  # noqa: E402
from sellerdesk.gui.controllers.inbox_controller import install  # noqa: E402
from sellerdesk.gui.hub import SelectionHub  # noqa: E402
from sellerdesk.gui.main_window import MainWindow  # noqa: E402
from sellerdesk.gui.models.inbox_model import (  # noqa: E402
    COL_BUYER,
    COL_TIME_LEFT,
    InboxModel,
    RowRole,
    SortRole,
    UrgencyRole,
)
from sellerdesk.services.context import AppContext  # noqa: E402
from sellerdesk.services.inbox import InboxQuery, InboxService  # noqa: E402

H = dt.timedelta(hours=1)


def _fill(store, count: int = 35) -> list[int]:  # type: ignore[no-untyped-def]
    seed = Seed(store)
    now = utc_now()
    ids = []
    for number in range(count):
        cid = seed.conversation(
            buyer=f"Buyer {number:02d}" if number % 5 else "佐藤 花子",
            order_id=f"111-{number:07d}-0000000",
            marketplace="JP" if number % 5 == 0 else "US",
        )
        text = "商品がまだ届きません" if number % 5 == 0 else f"Where is parcel {number}?"
        seed.message(cid, now - (number * 2 + 1) * H, text=text)
        if number % 3 == 0:
            seed.message(cid, now - (number * 2) * H, kind="reply_copy")
        ids.append(cid)
    return ids


def test_model_passes_qtmodeltester_with_fetch_more(qtmodeltester, store) -> None:
    _fill(store)
    service = InboxService(store)
    query = InboxQuery()
    model = InboxModel()
    first = service.page(query, limit=10)
    model.reset(first, lambda cursor: service.page(query, after=cursor, limit=10))
    assert model.rowCount() == 10 and model.canFetchMore()
    qtmodeltester.check(model)  # the tester calls fetchMore itself
    assert model.rowCount() > 10 and model.rowCount() % 10 == 0
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 35
    qtmodeltester.check(model)
    row = model.index(0, 0).data(RowRole)
    assert row.status == "needs_reply"
    assert model.index(0, COL_TIME_LEFT).data(UrgencyRole) in ("overdue", "urgent", "soon", "ok")
    assert model.index(0, COL_BUYER).data(SortRole) == (row.buyer_name or "").casefold()


def test_time_left_colours_and_texts(qapp) -> None:
    from sellerdesk.services.inbox import InboxRow, Page

    now = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
    rows = [
        InboxRow(1, None, "A", None, "US", "s", "buyer_message", "needs_reply",
                 "2026-11-26T09:00:00Z", 1),
        InboxRow(2, None, "B", None, "US", "s", "buyer_message", "needs_reply",
                 "2026-11-26T14:30:00Z", 1),
        InboxRow(3, None, "C", None, "US", "s", "buyer_message", "needs_reply",
                 "2026-11-27T10:00:00Z", 1),
        InboxRow(4, None, "D", None, "US", "s", "reply_copy", "replied", None, 2),
    ]
    model = InboxModel(clock=lambda: now)
    model.reset(Page(rows, None), None)
    texts = [model.index(r, COL_TIME_LEFT).data() for r in range(4)]
    assert texts == ["overdue 3 h 00 min", "2 h 30 min left", "22 h 00 min left", "—"]
    urgencies = [model.index(r, COL_TIME_LEFT).data(UrgencyRole) for r in range(4)]
    assert urgencies == ["overdue", "urgent", "ok", ""]
    colour = model.index(0, COL_TIME_LEFT).data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour == "#c62828"



def test_subject_column_labels_notices_not_buyer_messages(qapp) -> None:
    from sellerdesk.gui.models.inbox_model import COL_SUBJECT
    from sellerdesk.services.inbox import InboxRow, Page

    rows = [
        InboxRow(1, None, "A", None, "US", "Where is my parcel?", "buyer_message", "needs_reply",
                 None, 1),
        InboxRow(2, None, "B", None, "US", "Return request", "return_request", "needs_reply",
                 None, 1),
    ]
    model = InboxModel()
    model.reset(Page(rows, None), None)
    assert model.index(0, COL_SUBJECT).data() == "Where is my parcel?"
    notice = model.index(1, COL_SUBJECT).data()
    assert notice.endswith(" · Return request") and notice != "Return request"


@pytest.fixture
def desk(qtbot, store, tmp_path):  # type: ignore[no-untyped-def]
    ids = _fill(store)
    window = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    hub = SelectionHub()
    controller = install(window, AppContext(store=store), hub)
    qtbot.addWidget(window)
    window.show()
    return window, hub, controller, ids


def test_selecting_a_row_emits_the_hub_signal(qtbot, desk) -> None:
    _window, hub, controller, _ids = desk
    table = controller.pane.table
    expected = controller.model.row_at(3).conversation_id
    with qtbot.waitSignal(hub.conversation_selected, timeout=1000) as blocker:
        table.selectRow(3)
    assert blocker.args == [expected]
    assert hub.current_conversation == expected


def test_search_as_you_type_filters_rows(qtbot, desk) -> None:
    _window, _hub, controller, _ids = desk
    assert controller.model.rowCount() == 35
    controller.pane.search_field.setText("届き")  # QTest types ASCII only
    qtbot.waitUntil(lambda: controller.model.rowCount() == 7, timeout=2000)
    rows = [controller.model.row_at(r) for r in range(7)]
    assert all(row.marketplace == "JP" and "<b>届き</b>" in row.snippet_html for row in rows)
    controller.pane.search_field.clear()
    qtbot.waitUntil(lambda: controller.model.rowCount() == 35, timeout=2000)


def test_sort_and_filter_requery_the_store(qtbot, desk) -> None:
    _window, _hub, controller, _ids = desk
    controller.pane.table.horizontalHeader().setSortIndicator(
        COL_BUYER, Qt.SortOrder.DescendingOrder
    )
    assert controller.sort == "buyer" and controller.descending
    names = [controller.model.row_at(r).buyer_name for r in range(10)]
    assert names == ["佐藤 花子"] * 7 + ["Buyer 34", "Buyer 33", "Buyer 32"]
    controller.pane.market_box.setCurrentIndex(controller.pane.market_box.findData("JP"))
    assert controller.model.rowCount() == 7
    controller.show_everything()
    assert controller.model.rowCount() == 35


def test_reload_on_data_changed_keeps_the_selection(qtbot, desk, store) -> None:
    _window, hub, controller, _ids = desk
    controller.pane.table.selectRow(4)
    chosen = controller.model.row_at(4).conversation_id
    Seed(store).message(chosen, utc_now(), kind="reply_copy")
    hub.data_changed.emit()
    current = controller.pane.table.currentIndex()
    assert current.isValid() and current.data(RowRole).conversation_id == chosen
    assert controller.model.row_at(current.row()).status == "replied"
    assert hub.current_conversation == chosen


def test_ctrl_f_focuses_search_and_menu_actions_exist(qtbot, desk) -> None:
    window, _hub, _controller, _ids = desk
    shortcuts = {action.shortcut().toString() for action in window.actions()}
    assert QKeySequence(QKeySequence.StandardKey.Find).toString() in shortcuts
    assert {"Ctrl+Shift+O", "Ctrl+Shift+U", "Ctrl+Shift+M"} <= shortcuts


def test_metrics_dashboard_shows_figures_and_paints(qtbot, desk) -> None:
    _window, _hub, controller, _ids = desk
    dialog = controller.metrics.show()
    qtbot.addWidget(dialog)
    assert dialog.cell_text("received", 7) == "35"
    assert dialog.chart.points() and len(dialog.chart.points()) == 90
    image = dialog.chart.grab().toImage()
    assert not image.isNull()
    dialog.close()


def test_most_urgent_conversation_opens_at_start(qtbot, desk) -> None:
    _window, hub, controller, _ids = desk
    top = controller.model.row_at(0)
    qtbot.waitUntil(lambda: hub.current_conversation == top.conversation_id, timeout=1000)
    assert top.status == "needs_reply"


def test_keyboard_search_field_down_arrow_moves_into_the_list(qtbot, desk) -> None:
    _window, _hub, controller, _ids = desk
    pane = controller.pane
    pane.focus_search()
    qtbot.keyClicks(pane.search_field, "parcel")
    qtbot.waitUntil(lambda: controller.search_text == "parcel", timeout=2000)
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Down)
    assert pane.table.currentIndex().row() == 0
    qtbot.keyClick(pane.table, Qt.Key.Key_Down)
    assert pane.table.currentIndex().row() == 1


def test_times_are_shown_in_the_sellers_time_zone(qapp) -> None:
    from zoneinfo import ZoneInfo

    from sellerdesk.gui.models.inbox_model import COL_RECEIVED
    from sellerdesk.services.inbox import InboxRow, Page

    now = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
    row = InboxRow(1, "2026-11-25T23:30:00Z", "A", None, "JP", "s", "buyer_message",
                   "needs_reply", "2026-11-26T23:30:00Z", 1)
    model = InboxModel(tz=ZoneInfo("Asia/Tokyo"), clock=lambda: now)
    model.reset(Page([row], None), None)
    assert model.index(0, COL_RECEIVED).data() == "26 Nov 08:30"
    model.set_timezone(ZoneInfo("America/Los_Angeles"))
    assert model.index(0, COL_RECEIVED).data() == "25 Nov 15:30"
    assert "2026-11-26 15:30" in model.index(0, COL_TIME_LEFT).data(Qt.ItemDataRole.ToolTipRole)
