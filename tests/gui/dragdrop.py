"""Drag and drop as Qt delivers it, synthesized for the offscreen tests (a real drag needs Xvfb)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.views.kanban.stage_column import StageColumn


def drop(target: QWidget, mime: QMimeData) -> bool:
    """Drag enter, move and drop on a widget, as Qt delivers them; whether the move was accepted."""
    point = target.rect().center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.MoveAction
    QApplication.sendEvent(target, QDragEnterEvent(point, action, mime, buttons, mods))
    move = QDragMoveEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    QApplication.sendEvent(target, QDropEvent(QPointF(point), action, mime, buttons, mods))
    return True


def drop_at(target: QWidget, mime: QMimeData, point: QPoint) -> bool:
    """As `drop`, at a point of the widget."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.MoveAction
    QApplication.sendEvent(target, QDragEnterEvent(point, action, mime, buttons, mods))
    move = QDragMoveEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    QApplication.sendEvent(target, QDropEvent(QPointF(point), action, mime, buttons, mods))
    return True


def card_mime(column: StageColumn, *rows: int) -> QMimeData:
    return column.model.mimeData([column.model.index(r, 0) for r in rows])
