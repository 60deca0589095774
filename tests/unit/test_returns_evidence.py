"""Evidence files are copied into the data dir's evidence folder under safe names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sellerdesk.errors import UsageError
from sellerdesk.paths import evidence_dir
from sellerdesk.services import evidence, returns
from sellerdesk.store.store import Store

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def case_id(store: Store) -> int:
    return returns.open_case(store, "111-2222222-3333333", marketplace="US").case_id


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("../../x", "x"),
        ("C:\\x", "x"),
        ("C:\\Users\\me\\photo.jpg", "photo.jpg"),
        ("/etc/passwd", "passwd"),
        ("..", "file"),
        ("", "file"),
        ("a\x00b.png", "ab.png"),
        ("CON.txt", "_CON.txt"),
        ("what?<>|*.jpg", "what_____.jpg"),
        ("  .hidden ", "hidden"),
        ("fotoğraf 写真.jpg", "fotoğraf 写真.jpg"),
    ],
)
def test_safe_file_name(original: str, expected: str) -> None:
    assert evidence.safe_file_name(original) == expected


def test_very_long_names_are_cut_keeping_the_extension() -> None:
    name = evidence.safe_file_name("照" * 3000 + ".jpeg")
    assert name.endswith(".jpeg")
    assert len(name.encode("utf-8")) <= evidence.MAX_NAME_BYTES
    name.encode("utf-8").decode("utf-8")  # no split character


def _source(tmp_path: Path, name: str, data: bytes = b"evidence") -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("hostile", ["..\\..\\x", "C:\\x", "x" * 250, "a\nb.png", "NUL"])
def test_attached_files_stay_in_the_evidence_folder(
    store: Store, case_id: int, tmp_path: Path, hostile: str
) -> None:
    source = _source(tmp_path, hostile, PNG_BYTES)
    row = evidence.attach_evidence(store, case_id, source, note="parcel photo")
    folder = evidence_dir(store.data_dir).resolve()
    stored = folder / row["stored_name"]
    assert stored.resolve().parent == folder
    assert stored.read_bytes() == PNG_BYTES
    assert row["original_name"] == hostile
    assert row["content_type"] == "image/png"
    assert oct(os.stat(stored).st_mode & 0o777) == oct(0o600)
    listed = evidence.list_evidence(store, case_id)
    assert [item["stored_name"] for item in listed] == [row["stored_name"]]


def test_same_name_twice_never_overwrites(store: Store, case_id: int, tmp_path: Path) -> None:
    first = evidence.attach_evidence(store, case_id, _source(tmp_path, "p.jpg", b"one"))
    second = evidence.attach_evidence(store, case_id, _source(tmp_path, "p.jpg", b"two"))
    assert first["stored_name"] != second["stored_name"]
    folder = evidence_dir(store.data_dir)
    assert (folder / first["stored_name"]).read_bytes() == b"one"
    assert (folder / second["stored_name"]).read_bytes() == b"two"


def test_a_photo_satisfies_the_fee_photo_guardrail(
    store: Store, case_id: int, tmp_path: Path
) -> None:
    view = returns.set_case_facts(store, case_id, restocking_fee_percent=20)
    assert any(g.kind == "photo_required" for g in view.guardrails)
    evidence.attach_evidence(store, case_id, _source(tmp_path, "item.png", PNG_BYTES))
    view = returns.get_case(store, case_id)
    assert not any(g.kind == "photo_required" for g in view.guardrails)
    assert any(g.kind == "photo_attached" for g in view.guardrails)


def test_bad_sources_and_cases_are_usage_errors(store: Store, case_id: int, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        evidence.attach_evidence(store, case_id, tmp_path / "missing.jpg")
    with pytest.raises(UsageError):
        evidence.attach_evidence(store, case_id, tmp_path)
    with pytest.raises(UsageError):
        evidence.attach_evidence(store, 999, _source(tmp_path, "a.txt"))


def test_evidence_path_refuses_escaping_names(store: Store) -> None:
    for name in ("../x", "..", "a/b", "a\\b", "a\x00b"):
        with pytest.raises(ValueError):
            evidence.evidence_path(store, name)
