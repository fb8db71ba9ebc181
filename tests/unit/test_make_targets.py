"""`make run` installs what the app needs and nothing more; `make test` adds the dev tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _commands(target: str, tmp_path: Path) -> str:
    """What make would run for the target in a fresh clone (dry run, nothing made)."""
    if shutil.which("make") is None:
        pytest.skip("GNU make is not installed")
    done = subprocess.run(
        ["make", "-n", "-B", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_run_installs_the_app_without_the_dev_tools(tmp_path: Path) -> None:
    commands = _commands("run", tmp_path)
    assert "pip install --quiet -e .\n" in commands
    assert "[dev]" not in commands
    assert "dealdesk --demo" in commands


def test_make_test_installs_the_dev_tools(tmp_path: Path) -> None:
    assert '-e ".[dev]"' in _commands("test", tmp_path)
