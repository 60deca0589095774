"""The bundled CJK font (WenQuanYi Micro Hei) for widgets, print preview and PDFs.

A fresh machine may have no Chinese font at all: Chinese then renders as boxes and disappears
from PDFs. SellerDesk therefore ships ``assets/fonts/wqy-microhei.ttc`` (Apache-2.0 or GPL-3
with font exception, see the licence files beside it) and registers it with Qt once, through
``QFontDatabase.addApplicationFont``. Noto CJK is avoided on purpose: Qt picks its Japanese
face unless told otherwise and its PDF text layer maps some Chinese characters to Kangxi
radicals, which breaks search and copy (see ``platform-notes.md``).

Use the family names with ``QFont.setFamilies`` (never a single ``setFamily``), so Latin text
keeps the platform font and Chinese falls back to the bundled face:

    font = QFont()
    font.setFamilies(ui_families())

For PDFs, ``document_families()`` puts the bundled face first so every glyph comes from one
embedded font, whatever the machine has installed.

A ``QGuiApplication`` (or ``QApplication``) must exist before any function here is called.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from sellerdesk.paths import assets_dir

FONT_FILENAME = "wqy-microhei.ttc"
# The proportional face in the collection; the .ttc also holds "WenQuanYi Micro Hei Mono".
PRIMARY_FAMILY = "WenQuanYi Micro Hei"

_loaded_families: list[str] | None = None


class FontUnavailable(RuntimeError):
    """The bundled font file is missing or Qt refused it (a broken installation)."""


def bundled_font_path() -> Path:
    """Where the bundled CJK font lives (also inside a PyInstaller bundle)."""
    return assets_dir() / "fonts" / FONT_FILENAME


def load_bundled_fonts() -> list[str]:
    """Register the bundled font with Qt (once per process) and return its family names.

    The proportional family comes first. Raises ``FontUnavailable`` if the file is missing
    or unreadable, and ``RuntimeError`` if no ``QGuiApplication`` exists yet.
    """
    global _loaded_families
    if _loaded_families is not None:
        return list(_loaded_families)
    if QGuiApplication.instance() is None:
        raise RuntimeError("create a QGuiApplication before loading fonts")
    path = bundled_font_path()
    if not path.is_file():
        raise FontUnavailable(f"bundled font not found: {path}")
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise FontUnavailable(f"Qt could not load the bundled font: {path}")
    families = list(QFontDatabase.applicationFontFamilies(font_id))
    families.sort(key=lambda name: (name != PRIMARY_FAMILY, name))
    _loaded_families = families
    return list(families)


def cjk_family() -> str:
    """The bundled proportional CJK family name (loads the font if needed)."""
    return load_bundled_fonts()[0]


def ui_families(base: QFont | None = None) -> list[str]:
    """Families for on-screen widgets: the platform's own face, then the bundled CJK face."""
    base_font = base if base is not None else QGuiApplication.font()
    families = [name for name in base_font.families() if name] or [base_font.family()]
    cjk = cjk_family()
    return [name for name in families if name != cjk] + [cjk]


def document_families() -> list[str]:
    """Families for PDFs and print-outs: the bundled face first, so one font is embedded."""
    return [cjk_family()]


def document_font(point_size: float = 9.0) -> QFont:
    """A QFont for printed documents, in the bundled face at ``point_size`` points."""
    font = QFont()
    font.setFamilies(document_families())
    font.setPointSizeF(point_size)
    return font


def install_application_font() -> None:
    """Give the whole GUI the bundled CJK face as fallback after the platform's own face."""
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("create a QGuiApplication before installing fonts")
    font = QGuiApplication.font()
    font.setFamilies(ui_families(font))
    QGuiApplication.setFont(font)
