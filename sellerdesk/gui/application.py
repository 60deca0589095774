"""The GUI's composition root: QApplication, store, controllers, main window.

Features plug in through ``FEATURES``: each entry names a function
``install(window: MainWindow, context: AppContext, hub: SelectionHub) -> QObject | None`` that
builds its controller(s) and view(s), hands the widgets to the window and returns the object
that owns them (kept alive here). This module is the only one that knows every feature.
"""

from __future__ import annotations

import importlib
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QMessageLogContext,
    QObject,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sellerdesk import APP_NAME, __version__
from sellerdesk.errors import EXIT_ENVIRONMENT, StoreUnavailable
from sellerdesk.gui.hub import SelectionHub
from sellerdesk.gui.main_window import MainWindow
from sellerdesk.paths import assets_dir
from sellerdesk.services.context import AppContext
from sellerdesk.store.store import Store

log = logging.getLogger(__name__)


# "module:function" of each feature installer, in the order their panes and menus appear.
FEATURES: list[str] = [
    "sellerdesk.gui.controllers.inbox_controller:install",
    "sellerdesk.gui.controllers.import_controller:install",
    "sellerdesk.gui.controllers.conversation_controller:install",
    "sellerdesk.gui.controllers.composer_controller:install",
    "sellerdesk.gui.controllers.policy_controller:install",  # attaches to the composer
    "sellerdesk.gui.controllers.cheatsheet_controller:install",
    "sellerdesk.gui.controllers.returns_controller:install",
]

# Installed before the window is first shown: what the seller looks at first. The other features
# are imported and installed right after the first paint (their docks and menu entries appear a
# moment later), so start-up does not wait for the policy lexicons, holidays, printing...
FIRST_PAINT_FEATURES = frozenset({"sellerdesk.gui.controllers.inbox_controller:install"})
# A window that is never exposed (started minimised) gets no paint: install the rest anyway.
FIRST_PAINT_FALLBACK_MS = 1000


# Qt messages that are expected and say nothing to a seller (offscreen smoke test, CI).
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_message_handlers: list[Callable[..., None]] = []


def install_message_filter() -> None:
    """Drop Qt's known harmless warnings; pass every other message on unchanged."""
    if _message_handlers:
        return

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if any(text in message for text in HARMLESS_QT_MESSAGES):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(f"{message}\n")

    _message_handlers.append(handler)
    previous = qInstallMessageHandler(handler)


def create_application(argv: list[str] | None = None) -> QApplication:
    install_message_filter()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translator(app)
    from sellerdesk.gui.printing.fonts import install_application_font

    install_application_font()  # the bundled CJK face as fallback: Chinese never shows boxes
    return app  # type: ignore[return-value]


def install_translator(app: QApplication) -> QTranslator | None:
    """Load the .qm for the user's locale from the package's i18n folder, if there is one."""
    translator = QTranslator(app)
    folder = str(assets_dir() / "i18n")
    if translator.load(QLocale(), "sellerdesk", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def window_settings(data_dir: Path) -> QSettings:
    """Window layout lives beside the seller's data, so a temporary data dir stays isolated."""
    return QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)


def _installer(dotted: str) -> Callable[[MainWindow, AppContext, SelectionHub], QObject | None]:
    module_name, function_name = dotted.split(":")
    return getattr(importlib.import_module(module_name), function_name)


class _AfterFirstPaint(QObject):
    """Runs ``callback`` once, on the event-loop turn after ``window`` painted for the first time.

    A zero timer started next to ``show()`` would fire *before* the first paint; this waits for
    the window's first paint event (or ``FIRST_PAINT_FALLBACK_MS`` if it never comes).
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        self._window.removeEventFilter(self)
        self.deleteLater()
        callback()


class DesktopApp(QObject):
    """Owns the window, the hub and every feature's controller for the app's lifetime.

    By default every feature is installed before the constructor returns. With ``defer=True``
    only ``FIRST_PAINT_FEATURES`` are; ``show()`` then installs the others right after the
    window's first paint and restores the saved dock layout once their docks exist.
    """

    ready = Signal()  # every feature is installed and the saved layout restored

    def __init__(
        self, context: AppContext, parent: QObject | None = None, *, defer: bool = False
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.hub = SelectionHub(self)
        self.window = MainWindow(window_settings(context.data_dir))
        if context.demo:
            self.window.setWindowTitle(self.tr("SellerDesk — demo inbox"))
        self.features: list[QObject] = []
        self.is_ready = False
        self._pending = [d for d in FEATURES if defer and d not in FIRST_PAINT_FEATURES]
        self._install([dotted for dotted in FEATURES if dotted not in self._pending])
        self.window.quit_requested.connect(self.window.close)
        self.window.about_requested.connect(self._show_about)
        self.hub.status_message.connect(self.window.show_status)
        self.window.restore_geometry()
        if not self._pending:
            self.install_pending()

    def _install(self, features: list[str]) -> None:
        for dotted in features:
            owner = _installer(dotted)(self.window, self.context, self.hub)
            if owner is not None:
                self.features.append(owner)

    def show(self) -> None:
        """Show the window; features still pending are installed right after its first paint."""
        self.window.show()
        if not self.is_ready:
            _AfterFirstPaint(self.window, self.install_pending)

    def install_pending(self) -> None:
        """Install the deferred features, restore docks and splitters, then emit ``ready``."""
        if self.is_ready:
            return
        pending, self._pending = self._pending, []
        self._install(pending)
        self.window.restore_panes()
        self.is_ready = True
        self.ready.emit()

    def _show_about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About SellerDesk"),
            self.tr(
                "SellerDesk {version}\nAn offline inbox, draft checker and returns checklist "
                "for Amazon sellers. Your data stays on this computer:\n{folder}"
            ).format(version=__version__, folder=self.context.data_dir),
        )


def open_context(data_dir: Path, demo: bool) -> AppContext:
    if not demo:
        return AppContext(store=Store(data_dir))
    from sellerdesk.services.demo import ensure_demo_inbox, open_demo_store

    store = open_demo_store()
    ensure_demo_inbox(store)
    return AppContext(store=store, demo=True)


def show_fatal(title: str, text: str) -> None:
    QMessageBox.critical(None, title, text)


def install_excepthook(interactive: bool = True) -> None:
    """Bugs are shown, not swallowed: a dialog with the traceback, and the log.

    Not ``interactive`` (the smoke test: nobody could close a dialog), a bug ends the event
    loop with exit status 1 instead.
    """

    def hook(kind, value, tb):  # type: ignore[no-untyped-def]
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("Unhandled exception:\n%s", text)
        sys.__stderr__.write(text)
        if QApplication.instance() is not None and not interactive:
            QApplication.exit(1)
        elif QApplication.instance() is not None:
            show_fatal(
                QApplication.translate("sellerdesk", "SellerDesk hit a bug"),
                QApplication.translate(
                    "sellerdesk", "Something went wrong inside SellerDesk.\n\n{details}"
                ).format(details=text[-2000:]),
            )

    sys.excepthook = hook


def run_gui(data_dir: Path, demo: bool = False, smoke_test: bool = False) -> int:
    """Start the desktop app: the window with the inbox first, the other features right after.

    With ``smoke_test`` show the window offscreen and exit 0 once every feature is installed.
    """
    app = create_application()
    try:
        context = open_context(data_dir, demo)
    except StoreUnavailable as error:
        if smoke_test:
            print(f"sellerdesk: {error}", file=sys.stderr)
        else:
            show_fatal(app.translate("sellerdesk", "SellerDesk cannot start"), str(error))
        return EXIT_ENVIRONMENT
    install_excepthook(interactive=not smoke_test)
    desktop = DesktopApp(context, defer=True)
    if smoke_test:
        desktop.ready.connect(app.quit)  # the first inbox page and every feature are in place
    desktop.show()
    status = app.exec()
    desktop.window.save_layout()
    context.store.close()
    return status
