"""Marks user-facing texts of the Qt-free layers for translation without importing Qt.

`pyside6-lupdate` extracts `QT_TRANSLATE_NOOP("context", "text")` calls from every Python file,
so the texts land in resources/translations/*.ts; the GUI translates them when it shows them
(`app.ui.errors.error_text`). Headless commands print the English text.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged; the call only marks it for extraction into the translation files."""
    return text
