"""The main window: inbox and conversation in the middle, policy and returns in docks.

It only arranges panes and menus. Features hand it their widgets and actions through
``set_inbox_pane``, ``set_conversation_pane``, ``set_composer_pane``, ``add_dock`` and
``menu``; business logic lives in controllers and services. The default arrangement (used until
the seller moves things, then restored as they left it): inbox | conversation above the reply
composer, with the policy sidebar above the returns checklist (tabbed with "Returns due") on the
right.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QWidget,
)

MENU_ORDER = ("file", "edit", "view", "conversation", "returns", "tools", "help")
STATUS_TIMEOUT_MS = 8000

# Dock object names the default arrangement knows; docks it does not know keep Qt's placement.
POLICY_DOCK = "policyDock"
RETURNS_DOCK = "returnsDock"
DUE_TODAY_DOCK = "dueTodayDock"


class MainWindow(QMainWindow):
    """The top-level window; it emits intent signals and arranges what features give it."""

    quit_requested = Signal()
    about_requested = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._settings = settings
        self._panes_restored = False  # see save_layout
        self._menus: dict[str, QMenu] = {}
        self.setWindowTitle(self.tr("SellerDesk"))
        self._build_splitters()
        self._build_menus()
        self.resize(1400, 860)

    # --- layout -----------------------------------------------------------------------
    def _build_splitters(self) -> None:
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        QLabel(self.tr("Inbox"), self.main_splitter)
        self.conversation_splitter = QSplitter(Qt.Orientation.Vertical, self.main_splitter)
        self.conversation_splitter.setObjectName("conversationSplitter")
        self.conversation_splitter.setChildrenCollapsible(False)
        QLabel(self.tr("Conversation"), self.conversation_splitter)
        composer_slot = QLabel(self.conversation_splitter)
        composer_slot.hide()  # stays out of the way until a composer is installed
        self.main_splitter.setStretchFactor(0, 5)
        self.main_splitter.setStretchFactor(1, 4)
        self.conversation_splitter.setStretchFactor(0, 3)
        self.conversation_splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.main_splitter)

    @staticmethod
    def _replace_in(splitter: QSplitter, index: int, widget: QWidget) -> None:
        old = splitter.widget(index)
        splitter.replaceWidget(index, widget)
        widget.show()
        old.deleteLater()

    def set_inbox_pane(self, widget: QWidget) -> None:
        self._replace_in(self.main_splitter, 0, widget)

    def set_conversation_pane(self, widget: QWidget) -> None:
        """The reader of the selected conversation, right of the inbox."""
        self._replace_in(self.conversation_splitter, 0, widget)

    def set_composer_pane(self, widget: QWidget) -> None:
        """The reply composer, under the reader ("a composer beside the conversation")."""
        self._replace_in(self.conversation_splitter, 1, widget)

    def add_dock(
        self,
        object_name: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        shortcut: str | None = None,
    ) -> QDockWidget:
        """Add a dock (object names keep the saved layout stable) and a View menu toggle."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        if "&" not in title:
            toggle.setText(f"&{title}")  # reachable from the keyboard through the View menu
        if shortcut:
            toggle.setShortcut(QKeySequence(shortcut))
        self.menu("view").addAction(toggle)
        return dock

    # --- menus ------------------------------------------------------------------------
    def _menu_titles(self) -> dict[str, str]:
        return {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "conversation": self.tr("&Conversation"),
            "returns": self.tr("&Returns"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }

    def _build_menus(self) -> None:
        titles = self._menu_titles()
        for key in MENU_ORDER:
            menu = self.menuBar().addMenu(titles[key])
            menu.setObjectName(f"menu_{key}")
            self._menus[key] = menu
        self._quit_action = self.add_action(
            "file", self.tr("&Quit"), self.quit_requested.emit, QKeySequence.StandardKey.Quit
        )
        self.add_action("help", self.tr("&About SellerDesk"), self.about_requested.emit)

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def add_action(
        self,
        menu_key: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """Create a menu action with an optional shortcut; File actions go above Quit."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu = self.menu(menu_key)
        quit_action = getattr(self, "_quit_action", None)
        if menu_key == "file" and quit_action is not None:
            menu.insertAction(quit_action, action)
        else:
            menu.addAction(action)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def show_status(self, text: str) -> None:
        """A passing message in the status bar ("Notes saved.", "Imported 12 messages"...)."""
        if text:
            self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    # --- state ------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        """Size and position as the seller left them (before ``show``: no visible jump)."""
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self._fit_to_screen()

    def restore_panes(self) -> None:
        """Docks and splitter sizes as the seller left them: call once every dock exists."""
        state = self._settings.value("window/state")
        if not (isinstance(state, QByteArray | bytes) and self.restoreState(QByteArray(state))):
            self.arrange_default_docks()
            self._default_splitter_sizes()
        for key, splitter in self._splitters().items():
            saved = self._settings.value(key)
            if isinstance(saved, QByteArray | bytes):
                splitter.restoreState(QByteArray(saved))
        self._panes_restored = True

    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "window/splitter": self.main_splitter,
            "window/conversationSplitter": self.conversation_splitter,
        }

    def _default_splitter_sizes(self) -> None:
        """First start: the inbox gets the larger share; the thread more than the composer."""
        self.main_splitter.setSizes([640, 420])
        self.conversation_splitter.setSizes([520, 340])

    def arrange_default_docks(self) -> None:
        """Policy above the returns checklist on the right; "Returns due" tabbed with it."""
        policy = self.findChild(QDockWidget, POLICY_DOCK)
        returns = self.findChild(QDockWidget, RETURNS_DOCK)
        due_today = self.findChild(QDockWidget, DUE_TODAY_DOCK)
        if returns is not None:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, returns)
            if policy is not None:
                self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, policy)
                self.splitDockWidget(policy, returns, Qt.Orientation.Vertical)
            if due_today is not None:
                self.tabifyDockWidget(returns, due_today)
            returns.raise_()
        # Docks can only be sized once the window is laid out.
        QTimer.singleShot(0, self._size_default_docks)

    def _size_default_docks(self) -> None:
        names = (POLICY_DOCK, RETURNS_DOCK)
        docks = [dock for name in names if (dock := self.findChild(QDockWidget, name))]
        if len(docks) == 2:
            self.resizeDocks(docks, [5, 4], Qt.Orientation.Vertical)
        if docks:
            self.resizeDocks(docks[:1], [int(self.width() * 0.26)], Qt.Orientation.Horizontal)

    def _fit_to_screen(self) -> None:
        """First start: maximized; the screen's free area where no window manager maximizes."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.resize(area.size())
        self.move(area.topLeft())
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        """Geometry; docks and splitters too once ``restore_panes`` ran, so a window closed
        before its deferred docks exist never overwrites the seller's arrangement."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        if self._panes_restored:
            self._settings.setValue("window/state", self.saveState())
            for key, splitter in self._splitters().items():
                self._settings.setValue(key, splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_layout()
        super().closeEvent(event)
