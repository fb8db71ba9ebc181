"""Finds texts a user would find broken on a window: clipped labels and buttons, and untranslated
plural or placeholder leftovers ("deal(s)", "%1"). Used over every shot by the tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

LEFTOVER = re.compile(r"\(s\)|\(e\)|%L?n\b|%\d")


@dataclass(frozen=True)
class TextProblem:
    shot: str
    widget: str  # its class and object name
    text: str
    problem: str  # "clipped" or "untranslated"

    def __str__(self) -> str:
        return f"{self.shot}: {self.widget} “{self.text}” {self.problem}"


def text_problems(shot: str, window: QWidget) -> list[TextProblem]:
    """Visible labels and buttons of the window whose text is cut off or still has placeholders."""
    found: list[TextProblem] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        text = widget.text()
        if not text.strip() or (isinstance(widget, QLabel) and widget.textFormat() == 1 and "<" in text):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        if LEFTOVER.search(text):
            found.append(TextProblem(shot, name, text, "untranslated"))
        if _clipped(widget):
            found.append(TextProblem(shot, name, text, "clipped"))
    return found


def _clipped(widget: QLabel | QAbstractButton) -> bool:
    """Narrower than its text needs (a wrapping label is never clipped sideways)."""
    if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
        return False
    if widget.width() <= 1:
        return False
    if isinstance(widget, QAbstractButton):  # its text (less the shortcut's &) and margins, at the least
        needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "", 1)) + 8
    else:
        needed = widget.sizeHint().width()
    return needed > widget.width() + 1
