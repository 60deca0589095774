"""Shared test set-up: offscreen Qt, a temporary data dir for every test, the sample corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO_ROOT.parent / "shared" / "samples" / "amazon-mail"
POLICY_REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "amazon-policy.md"

GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui`` so ``-m 'not gui'`` is the fast loop."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir; nothing touches the seller's real data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("SELLERDESK_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return folder


@pytest.fixture
def store(data_dir: Path):  # type: ignore[no-untyped-def]
    """A freshly migrated store in the test's data dir."""
    from sellerdesk.store.store import Store

    opened = Store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def samples_dir() -> Path:
    if not SAMPLES_DIR.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLES_DIR}")
    return SAMPLES_DIR
