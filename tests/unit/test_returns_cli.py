"""``sellerdesk returns [--json] [--due-within HOURS]`` on a store with real sample notices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from returns_helpers import import_samples

from sellerdesk.app import main
from sellerdesk.store.store import Store


@pytest.fixture
def filled(data_dir: Path, samples_dir: Path) -> Path:
    store = Store(data_dir)
    try:
        store.set_setting("timezone", "UTC")
        import_samples(store, samples_dir, ["00037.eml", "00027.eml", "00125.eml"])
    finally:
        store.close()
    return data_dir


def test_json_lists_open_cases(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(filled), "returns", "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    # Every sample deadline is in the past: all overdue, soonest first.
    assert [c["order_id"] for c in cases] == [
        "205-9441890-6609790", "205-9141932-6880704", "113-4514317-8697809"
    ]
    first = cases[1]
    assert first["marketplace"] == "UK"
    assert first["opened_at"] == "2023-05-14T14:21:45Z"
    assert (first["next_step"], first["next_due"]) == ("R2", "2023-05-16T14:21:45Z")
    assert [s["id"] for s in first["steps"]] == [f"R{n}" for n in range(1, 10)]
    r2 = first["steps"][1]
    assert r2 == {
        "id": "R2", "title": r2["title"], "due": "2023-05-16T14:21:45Z", "status": "open"
    }
    assert first["steps"][0]["status"] == "done" and first["steps"][3]["due"] is None


def test_due_within_keeps_overdue_cases(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(filled), "returns", "--json", "--due-within", "0"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_table_output(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(filled), "returns"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["ORDER", "MKT", "DUE", "STATE"]
    assert lines[1].split()[:2] == ["205-9441890-6609790", "UK"]
    assert "overdue" in lines[1] and "2023-04-18 19:29 UTC" in lines[1]


@pytest.mark.parametrize("value", ["-1", "soon", "nan", "inf"])
def test_bad_hours_exit_2(data_dir: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "returns", f"--due-within={value}"]) == 2
    assert "--due-within" in capsys.readouterr().err


def test_empty_store(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "returns", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
