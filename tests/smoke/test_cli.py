"""The installed entry point as a seller runs it: smoke test, version, no display, sub-commands.

Each test runs ``python -m sellerdesk`` in a subprocess with a temporary data dir.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sellerdesk import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
# Sub-commands that legitimately need Qt (they draw PDFs with QtGui).
QT_COMMANDS = {"cheatsheet"}


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _run(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sellerdesk", *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=timeout,
    )


def test_smoke_test_exits_0_without_unexpected_stderr(tmp_path: Path) -> None:
    data = tmp_path / "smoke-data"
    result = _run(["--smoke-test", "--data-dir", str(data)], _env(QT_QPA_PLATFORM=None))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    assert (data / "sellerdesk.db").is_file()


def test_smoke_test_on_an_existing_store(tmp_path: Path) -> None:
    data = tmp_path / "smoke-data"
    assert _run(["--smoke-test", "--data-dir", str(data)], _env()).returncode == 0
    again = _run(["--smoke-test", "--data-dir", str(data)], _env())
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip() == ""


def test_smoke_test_reports_an_unusable_store_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "broken"
    data.mkdir()
    (data / "sellerdesk.db").write_bytes(b"garbage, not a database" * 100)
    result = _run(["--smoke-test", "--data-dir", str(data)], _env())
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0], result.stderr


def test_version() -> None:
    result = _run(["--version"], _env())
    assert result.returncode == 0
    assert result.stdout.strip() == f"SellerDesk {__version__}"


def test_without_a_display_exits_2_with_one_line(tmp_path: Path) -> None:
    env = _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None,
               SELLERDESK_DATA_DIR=str(tmp_path / "data"))
    result = _run([], env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "Xvfb" in lines[0]
    assert result.stdout == ""


_NO_QT_PROBE = textwrap.dedent(
    """
    import sys
    from sellerdesk.app import main
    code = main(sys.argv[1:])
    leaked = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
    if leaked:
        print("QT-IMPORTED: " + ",".join(leaked), file=sys.stderr)
    sys.exit(code)
    """
)


def _run_without_qt_check(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _NO_QT_PROBE, *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=_env(SELLERDESK_DATA_DIR=str(tmp_path / "data")),
        timeout=120,
    )


def test_building_the_command_line_imports_no_qt() -> None:
    code = (
        "import sys\nfrom sellerdesk.cli import build_parser, command_modules\n"
        "build_parser()\nprint(len(command_modules()))\n"
        "print(','.join(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT,
        env=_env(), timeout=60, check=True,
    )
    count, leaked = result.stdout.splitlines()[:2] if "\n" in result.stdout else ("0", "")
    assert int(count) >= 1
    assert leaked == ""


def _command_names() -> list[str]:
    from sellerdesk.cli import command_modules

    return [module.NAME for module in command_modules()]


def _draft(tmp: Path) -> str:
    draft = tmp / "draft.txt"
    draft.write_text("Hello, your parcel left our warehouse today. Order 123-1234567-1234567.\n")
    return str(draft)


SAMPLE_RUNS = {
    "check": lambda tmp, samples: ["check", "--json", _draft(tmp)],
    "import": lambda tmp, samples: ["import", "--json", str(samples / "00033.eml")],
    "search": lambda tmp, samples: ["search", "--json", "wall mount"],
    "metrics": lambda tmp, samples: ["metrics", "--json"],
    "export": lambda tmp, samples: ["export", "--format", "jsonl", "--output",
                                    str(tmp / "out.jsonl")],
    "reparse": lambda tmp, samples: ["reparse", "--json"],
    "returns": lambda tmp, samples: ["returns", "--json"],
}


@pytest.mark.parametrize("name", sorted(SAMPLE_RUNS))
def test_sub_commands_never_import_qt(name: str, tmp_path: Path, samples_dir: Path) -> None:
    if name not in _command_names():
        pytest.skip(f"sub-command {name} is not registered in this build")
    if name != "import":
        seeded = _run_without_qt_check(SAMPLE_RUNS["import"](tmp_path, samples_dir), tmp_path)
        assert seeded.returncode == 0, seeded.stderr
    result = _run_without_qt_check(SAMPLE_RUNS[name](tmp_path, samples_dir), tmp_path)
    assert "QT-IMPORTED" not in result.stderr, result.stderr
    # ``check`` exits 1 when a draft would be blocked; every other run here must succeed.
    assert result.returncode in ((0, 1) if name == "check" else (0,)), result.stderr


def test_every_registered_sub_command_is_covered() -> None:
    missing = set(_command_names()) - set(SAMPLE_RUNS) - QT_COMMANDS
    assert not missing, f"add a no-Qt run for: {sorted(missing)}"
