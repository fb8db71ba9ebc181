"""A zone at the bottom of the board for a closing stage (Won, or a Lost stage): cards dropped on it close."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services.setup.pipelines import StageInfo
from app.ui.colors import text_color_on
from app.views.kanban.card_model import read_cards_mime


class CloseZone(QFrame):
    cards_dropped = Signal(int, int, object)  # target stage id, source stage id, [(deal id, version)]
    drop_refused = Signal(str)  # why cards may not be dropped here (the person's role)

    def __init__(self, stage: StageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"zone_{stage.id}")
        self.stage = stage
        self._on = False
        self.setAcceptDrops(True)
        self.refusal = ""  # set by the board: why deals may not be closed here ("" they may)
        self.setMinimumHeight(52)
        self.name = QLabel(stage.name)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.figures)
        self._highlight(False)

    def show_figures(self, count: int, total: str | None) -> None:
        """The count and, unless the person's roles hide sums (None), the total."""
        if total is None:
            self.figures.setText(self.tr("%Ln deal(s)", "", count))
        else:
            self.figures.setText(self.tr("%Ln deal(s) · %1", "", count).replace("%1", total))

    def _highlight(self, on: bool) -> None:
        """Dashed in the stage colour; filled with it while cards are held over the zone."""
        self._on = on
        color = QColor(self.stage.color)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, text_color_on(color) if on else color.darker(150))
        self.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.stage.color)
        pen = QPen(color, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(color if self._on else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_if_cards(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_if_cards(event)

    def _accept_if_cards(self, event: QDragMoveEvent) -> None:
        dropped = read_cards_mime(event.mimeData())
        if dropped is not None and dropped[0] != self.stage.id and self.refusal:
            event.ignore()  # refused before the drop: the card goes back, the reason is said
            if isinstance(event, QDragEnterEvent):
                self.drop_refused.emit(self.refusal)
        elif dropped is not None and dropped[0] != self.stage.id:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._highlight(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        dropped = read_cards_mime(event.mimeData())
        if dropped is None or dropped[0] == self.stage.id or self.refusal:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)  # the card model ignores Qt's removeRows
        event.accept()
        self.cards_dropped.emit(self.stage.id, dropped[0], dropped[1])
