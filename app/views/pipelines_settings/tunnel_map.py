"""The tunnels between pipelines, drawn: a row of stage chips per pipeline and an arrow per tunnel
(solid: the deal moves on; dashed: it is copied). Drag from a stage to a stage of another pipeline
to add a tunnel; click an arrow to select it, double-click to switch copy/move, Delete removes it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QMessageBox, QToolTip, QWidget

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.setup.pipelines import PipelineInfo
from app.services.setup.tunnels import TunnelInfo, TunnelMode
from app.ui.colors import text_color_on
from app.ui.i18n import error_text

LABEL_WIDTH = 150
ROW_HEIGHT = 74
CHIP_HEIGHT = 26
CHIP_GAP = 10
MAX_CHIP_WIDTH = 120
MARGIN = 10


class TunnelMap(QWidget):
    changed = Signal()  # a tunnel was added, switched or removed

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._pipelines: list[PipelineInfo] = []
        self._tunnels: list[TunnelInfo] = []
        self._drag_from: int | None = None  # stage id
        self._drag_to: QPointF | None = None
        self.selected: int | None = None  # tunnel id
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(120)

    def refresh(self) -> None:
        self._pipelines = list(self._services.pipelines.list())
        self._tunnels = list(self._services.tunnels.list())
        if self.selected not in {t.id for t in self._tunnels}:
            self.selected = None
        self.updateGeometry()
        self.update()

    @property
    def tunnels(self) -> list[TunnelInfo]:
        return list(self._tunnels)

    def sizeHint(self) -> QSize:
        return QSize(800, MARGIN * 2 + ROW_HEIGHT * max(1, len(self._pipelines)))

    def minimumSizeHint(self) -> QSize:
        return QSize(400, self.sizeHint().height())

    # -- geometry --------------------------------------------------------------------------------

    def _chip_width(self) -> float:
        most = max((len(p.stages) for p in self._pipelines), default=1)
        room = self.width() - LABEL_WIDTH - MARGIN * 2
        return max(40.0, min(MAX_CHIP_WIDTH, room / most - CHIP_GAP))

    def stage_rect(self, stage_id: int) -> QRectF | None:
        width = self._chip_width()
        for row, pipeline in enumerate(self._pipelines):
            for column, stage in enumerate(pipeline.stages):
                if stage.id == stage_id:
                    x = LABEL_WIDTH + MARGIN + column * (width + CHIP_GAP)
                    y = MARGIN + row * ROW_HEIGHT + (ROW_HEIGHT - CHIP_HEIGHT) / 2
                    return QRectF(x, y, width, CHIP_HEIGHT)
        return None

    def stage_at(self, pos: QPointF) -> int | None:
        for pipeline in self._pipelines:
            for stage in pipeline.stages:
                rect = self.stage_rect(stage.id)
                if rect is not None and rect.contains(pos):
                    return stage.id
        return None

    def _path(self, tunnel: TunnelInfo) -> QPainterPath:
        source = self.stage_rect(tunnel.source_stage_id) or QRectF()
        target = self.stage_rect(tunnel.target_stage_id) or QRectF()
        down = target.center().y() > source.center().y()
        start = QPointF(source.center().x(), source.bottom() if down else source.top())
        end = QPointF(target.center().x(), target.top() if down else target.bottom())
        bend = (end.y() - start.y()) * 0.5
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend), end)
        return path

    def tunnel_at(self, pos: QPointF) -> TunnelInfo | None:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        for tunnel in reversed(self._tunnels):
            if stroker.createStroke(self._path(tunnel)).contains(pos):
                return tunnel
        return None

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        text_color = palette.color(QPalette.ColorRole.WindowText)
        if not self._pipelines:
            return
        highlight = palette.color(QPalette.ColorRole.Highlight)
        heads: list[tuple[QPainterPath, QColor]] = []  # drawn over the chips the lines pass under
        for tunnel in self._tunnels:
            selected = tunnel.id == self.selected
            pen = QPen(highlight if selected else text_color, 3 if selected else 1.6)
            if tunnel.mode is TunnelMode.COPY:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = self._path(tunnel)
            painter.drawPath(path)
            heads.append((path, highlight if selected else text_color))
        for row, pipeline in enumerate(self._pipelines):
            y = MARGIN + row * ROW_HEIGHT
            painter.setPen(text_color)
            label = metrics.elidedText(pipeline.name, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(
                QRectF(MARGIN, y, LABEL_WIDTH - MARGIN, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, label
            )
            for stage in pipeline.stages:
                rect = self.stage_rect(stage.id)
                assert rect is not None
                color = QColor(stage.color)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(rect, 5, 5)
                painter.setPen(text_color_on(color))
                name = metrics.elidedText(stage.name, Qt.TextElideMode.ElideRight, int(rect.width()) - 8)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        for path, color in heads:
            self._arrow_head(painter, path, color)
        if self._drag_from is not None and self._drag_to is not None:
            start = self.stage_rect(self._drag_from)
            if start is not None:
                painter.setPen(QPen(highlight, 2, Qt.PenStyle.DotLine))
                painter.drawLine(start.center(), self._drag_to)

    @staticmethod
    def _arrow_head(painter: QPainter, path: QPainterPath, color: QColor) -> None:
        tip = path.pointAtPercent(1.0)
        before = path.pointAtPercent(0.93)
        direction = tip - before
        length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5 or 1.0
        unit = QPointF(direction.x() / length, direction.y() / length)
        normal = QPointF(-unit.y(), unit.x())
        head = QPolygonF([tip, tip - unit * 9 + normal * 5, tip - unit * 9 - normal * 5])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(head)

    # -- the mouse and the keyboard ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        self._drag_from = self.stage_at(pos)
        tunnel = None if self._drag_from is not None else self.tunnel_at(pos)
        self.selected = tunnel.id if tunnel is not None else None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag_from is not None:
            self._drag_to = pos
            self.update()
            return
        tunnel = self.tunnel_at(pos)
        stage_id = self.stage_at(pos)
        if tunnel is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self._describe(tunnel), self)
        elif stage_id is not None:  # the full name of an elided chip
            names = {s.id: s.name for p in self._pipelines for s in p.stages}
            QToolTip.showText(event.globalPosition().toPoint(), names.get(stage_id, ""), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        source, self._drag_from, self._drag_to = self._drag_from, None, None
        self.update()
        if source is None:
            return
        target = self.stage_at(event.position())
        if target is None or target == source:
            return
        self._call(
            self.tr("Tunnel not added"), lambda: self._services.tunnels.add(source, target, TunnelMode.COPY)
        )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        tunnel = self.tunnel_at(event.position())
        if tunnel is None:
            return
        mode = TunnelMode.MOVE if tunnel.mode is TunnelMode.COPY else TunnelMode.COPY
        self.selected = tunnel.id
        self._call(
            self.tr("Tunnel not changed"),
            lambda: self._services.tunnels.set_mode(tunnel.id, tunnel.version, mode),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            tunnel = next((t for t in self._tunnels if t.id == self.selected), None)
            if tunnel is not None:
                self._call(
                    self.tr("Tunnel not removed"),
                    lambda: self._services.tunnels.delete(tunnel.id, tunnel.version),
                )
            return
        super().keyPressEvent(event)

    def _call(self, title: str, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, title, error_text(exc))
        self.refresh()
        self.changed.emit()

    def _describe(self, tunnel: TunnelInfo) -> str:
        names = {s.id: f"{p.name}: {s.name}" for p in self._pipelines for s in p.stages}
        text = (
            self.tr("Copies deals from %1 to %2")
            if tunnel.mode is TunnelMode.COPY
            else self.tr("Moves deals from %1 to %2")
        )
        return text.replace("%1", names.get(tunnel.source_stage_id, "?")).replace(
            "%2", names.get(tunnel.target_stage_id, "?")
        )
