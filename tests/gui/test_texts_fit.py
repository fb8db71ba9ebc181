"""Every window the shots show, in English and German: no label or button is cut off, and no text
still shows a plural or placeholder left untranslated ("deal(s)", "%1")."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from app.gui.shots import render_shots
from app.gui.text_check import text_problems
found = []
render_shots(Path(tempfile.mkdtemp()), database=None, language=sys.argv[1], deals=300,
             inspect=lambda shot, window: found.extend(str(p) for p in text_problems(shot, window)))
print(json.dumps(sorted(set(found))))
"""


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_text_is_clipped_or_left_untranslated(language: str) -> None:
    # Its own process: the shots install their translations, settings path and application.
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, language], capture_output=True, text=True, timeout=300, check=True
    )
    problems = json.loads(done.stdout.strip().splitlines()[-1])
    assert problems == []


def test_the_check_finds_a_clipped_button_and_a_leftover_plural(qapp) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from app.gui.text_check import text_problems

    window = QWidget()
    layout = QVBoxLayout(window)
    button = QPushButton("A button with a long text")
    button.setFixedWidth(40)
    layout.addWidget(button)
    layout.addWidget(QLabel("804 deal(s)"))
    window.show()
    problems = {(p.text, p.problem) for p in text_problems("test", window)}
    assert problems == {("A button with a long text", "clipped"), ("804 deal(s)", "untranslated")}
    window.close()
