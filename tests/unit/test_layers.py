"""The Qt-free core stays Qt-free: importing domain, store and services loads no PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import sellerdesk

CORE_PACKAGES = ("sellerdesk.domain", "sellerdesk.store", "sellerdesk.services")


def _core_modules() -> list[str]:
    names = []
    for package_name in CORE_PACKAGES:
        package = __import__(package_name, fromlist=["__path__"])
        names.append(package_name)
        names += [
            f"{package_name}.{info.name}"
            for info in pkgutil.walk_packages(package.__path__)
        ]
    return names


def test_core_packages_exist() -> None:
    assert len(_core_modules()) > len(CORE_PACKAGES)


def test_core_imports_no_qt() -> None:
    modules = _core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(__import__("pathlib").Path(sellerdesk.__file__).parent.parent),
    )
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout}"


def test_gui_has_no_sql() -> None:
    """No SQL in gui/: controllers call services, never the database."""
    from pathlib import Path

    gui = Path(sellerdesk.__file__).parent / "gui"
    offenders = [
        str(path)
        for path in gui.rglob("*.py")
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", ".execute(")
        if keyword in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
