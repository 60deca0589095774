"""The main window with every installed feature: panes, menus, shortcuts, saved layout."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from sellerdesk.gui.application import FEATURES, DesktopApp
from sellerdesk.gui.views.conversation_view import ConversationView
from sellerdesk.services.context import AppContext
from sellerdesk.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_desktop(qtbot, data_dir: Path):  # type: ignore[no-untyped-def]
    """Build the real app on the test's data dir; every one built is closed afterwards."""
    opened: list[DesktopApp] = []

    def build() -> DesktopApp:
        desktop = DesktopApp(AppContext(store=Store(data_dir)))
        qtbot.addWidget(desktop.window)
        desktop.window.show()
        qtbot.waitExposed(desktop.window)
        opened.append(desktop)
        return desktop

    yield build
    for desktop in opened:
        if desktop.window.isVisible():
            desktop.window.close()
        # Delete the window and every controller (and their timers) before the store closes.
        desktop.window.deleteLater()
        desktop.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        desktop.context.store.close()


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        else:
            found.append(action)
    return found


def _all_menu_actions(desktop: DesktopApp) -> list[tuple[str, QAction]]:
    pairs = []
    for top in desktop.window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            pairs += [(top.text(), action) for action in _menu_actions(menu)]
    return pairs


def test_window_builds_with_every_installed_feature(open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop()
    assert len(FEATURES) >= 2
    assert desktop.features, "no feature installed anything"
    window = desktop.window
    panes = [
        splitter.widget(i)
        for splitter in (window.main_splitter, window.conversation_splitter)
        for i in range(splitter.count())
    ]
    placeholders = [p for p in panes if isinstance(p, QLabel)]
    assert placeholders == [], "a pane is still the shell's placeholder"
    assert isinstance(window.conversation_splitter.widget(0), ConversationView)
    docks = desktop.window.findChildren(QDockWidget)
    assert all(dock.objectName() for dock in docks), "docks need object names for saved layouts"


def test_every_menu_action_has_a_shortcut_or_a_mnemonic(open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop()
    unreachable = []
    for top in desktop.window.menuBar().actions():
        assert "&" in top.text(), f"menu {top.text()!r} has no keyboard mnemonic"
    for menu_title, action in _all_menu_actions(desktop):
        if action.shortcut().isEmpty() and "&" not in action.text():
            unreachable.append(f"{menu_title} > {action.text()}")
    assert unreachable == []


def test_no_shortcut_is_bound_twice(open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop()
    actions = set(desktop.window.findChildren(QAction)) | {a for _, a in _all_menu_actions(desktop)}
    bound = Counter(
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in actions
        for key in action.shortcuts()
        if not key.isEmpty()
    )
    assert {key: n for key, n in bound.items() if n > 1} == {}


def test_hub_status_messages_reach_the_status_bar(open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop()
    desktop.hub.status_message.emit("Notes saved.")
    assert desktop.window.statusBar().currentMessage() == "Notes saved."
