"""The stage bar: the pipeline's stages as a line of arrows, done ones in the current stage's colour.

A click on a stage chooses it (the form saves it with the rest); Won and Lost sit at the end.
Painted by hand (one widget, not a button per stage); keyboard: Left/Right, Enter chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.setup.pipelines import StageInfo
from app.ui.colors import text_color_on

ARROW = 9
IDLE = QColor("#e9edf1")
IDLE_TEXT = QColor("#525c69")


class StageBar(QWidget):
    stage_chosen = Signal(int)  # stage id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageBar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._stages: list[StageInfo] = []
        self._current: int | None = None
        self._focused = 0
        self._hover: int | None = None

    def set_stages(self, stages: list[StageInfo], current: int | None) -> None:
        self._stages = list(stages)
        self.set_current(current)

    def stages(self) -> list[StageInfo]:
        return list(self._stages)

    def set_current(self, stage_id: int | None) -> None:
        self._current = stage_id
        self._focused = max(0, self._index(stage_id))
        self.setToolTip(self.current_name())
        self.update()

    def current(self) -> int | None:
        return self._current

    def current_name(self) -> str:
        return next((s.name for s in self._stages if s.id == self._current), "")

    def _index(self, stage_id: int | None) -> int:
        return next((n for n, s in enumerate(self._stages) if s.id == stage_id), -1)

    def sizeHint(self) -> QSize:
        return QSize(600, QFontMetrics(self.font()).height() + 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(40 * max(1, len(self._stages)), self.sizeHint().height())

    # -- geometry ---------------------------------------------------------------------------------

    def _rects(self) -> list[QRectF]:
        if not self._stages:
            return []
        width = self.width() / len(self._stages)
        return [QRectF(n * width, 0, width, self.height()) for n in range(len(self._stages))]

    def _at(self, x: float) -> int | None:
        return next((n for n, r in enumerate(self._rects()) if r.left() <= x < r.right()), None)

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = self._index(self._current)
        current_stage = self._stages[current] if current >= 0 else None
        reached_color = QColor(current_stage.color) if current_stage else IDLE
        for n, (stage, rect) in enumerate(zip(self._stages, self._rects(), strict=True)):
            reached = _reached(n, stage, current, current_stage)
            fill = reached_color if reached else IDLE
            if n == self._hover and not reached:
                fill = QColor(stage.color).lighter(150)
            path = _arrow(rect, first=n == 0, last=n == len(self._stages) - 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPath(path)
            if self.hasFocus() and n == self._focused:
                painter.setPen(QPen(QColor("#2f7bea"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            painter.setPen(text_color_on(fill) if reached else IDLE_TEXT)
            font = painter.font()
            font.setBold(n == current)
            painter.setFont(font)
            text_rect = rect.adjusted(ARROW + 4, 0, -4, 0)
            text = painter.fontMetrics().elidedText(
                stage.name, Qt.TextElideMode.ElideRight, int(text_rect.width())
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)

    # -- input ------------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._at(event.position().x())
        if hover != self._hover:
            self._hover = hover
            if hover is not None:
                self.setToolTip(self._stages[hover].name)
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            index = self._at(event.position().x())
            if index is not None:
                self._focused = index
                self._choose(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._stages:
            super().keyPressEvent(event)
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if event.key() == Qt.Key.Key_Left else 1
            self._focused = min(len(self._stages) - 1, max(0, self._focused + step))
            self.update()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._choose(self._focused)
        else:
            super().keyPressEvent(event)

    def _choose(self, index: int) -> None:
        stage = self._stages[index]
        if stage.id != self._current:
            self.stage_chosen.emit(stage.id)


def _reached(n: int, stage: StageInfo, current: int, current_stage: StageInfo | None) -> bool:
    """Coloured: the current stage, and the stages in progress before it (all of them once won)."""
    if current_stage is None:
        return False
    if n == current:
        return True
    if stage.is_closed or current_stage.is_lost:
        return False
    return n < current or current_stage.is_closed


def _arrow(rect: QRectF, *, first: bool, last: bool) -> QPainterPath:
    """A chevron: a notch on the left (but the first), a point on the right (but the last)."""
    left, right, top, bottom = rect.left() + 1, rect.right() - 1, rect.top() + 1, rect.bottom() - 1
    middle = (top + bottom) / 2
    path = QPainterPath(QPointF(left, top))
    path.lineTo(QPointF(right - (0 if last else ARROW), top))
    if not last:
        path.lineTo(QPointF(right, middle))
    path.lineTo(QPointF(right - (0 if last else ARROW), bottom))
    path.lineTo(QPointF(left, bottom))
    if not first:
        path.lineTo(QPointF(left + ARROW, middle))
    path.closeSubpath()
    return path
