"""Colour helpers shared by the views and dialogs."""

from __future__ import annotations

from PySide6.QtGui import QColor


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background (by perceived brightness)."""
    r, g, b = background.red(), background.green(), background.blue()
    return QColor("#1f2329") if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else QColor("#ffffff")
