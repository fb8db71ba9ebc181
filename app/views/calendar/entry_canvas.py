"""What the month and the week/day grids share: deals painted as chips (stage colour, title, amount),
found under the mouse, dragged to another day or time, double-clicked open; "+N more" links."""

from __future__ import annotations

import json
from datetime import date, time

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.services.deals.calendar import CalendarData, CalendarEntry, TaskEntry
from app.ui.formatting import money

ENTRY_MIME = "application/x-dealdesk-calendar-entry"
TASK_MIME = "application/x-dealdesk-calendar-task"
CHIP_BG = QColor("#ffffff")
CHIP_BORDER = QColor("#d6dbe1")
CLOSED_TEXT = QColor("#8a939e")
MUTED = QColor("#5b6470")
TODAY = QColor("#2f7bea")
DROP = QColor(47, 123, 234, 40)
TASK = QColor("#f29900")
STALE = QColor("#c26401")


def entry_mime(entry: CalendarEntry) -> QMimeData:
    mime = QMimeData()
    payload = {"deal": entry.deal_id, "version": entry.version}
    mime.setData(ENTRY_MIME, QByteArray(json.dumps(payload).encode()))
    return mime


def read_entry_mime(mime: QMimeData) -> tuple[int, int] | None:
    if not mime.hasFormat(ENTRY_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(ENTRY_MIME).data()).decode())
        return int(payload["deal"]), int(payload["version"])
    except (ValueError, KeyError, TypeError):
        return None


def task_mime(task: TaskEntry) -> QMimeData:
    mime = QMimeData()
    mime.setData(TASK_MIME, QByteArray(json.dumps({"task": task.id, "version": task.version}).encode()))
    return mime


def read_task_mime(mime: QMimeData) -> tuple[int, int] | None:
    if not mime.hasFormat(TASK_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(TASK_MIME).data()).decode())
        return int(payload["task"]), int(payload["version"])
    except (ValueError, KeyError, TypeError):
        return None


_CHIP_PICTURES: dict[tuple[int, int, str, bool, float], QPixmap] = {}


def chip_picture(width: int, height: int, color: str, stale: bool, ratio: float) -> QPixmap:
    """A chip's frame and stage stripe, width x height (device-independent pixels), transparent
    around its rounded corners; orange-framed for a deal idle longer than its stage allows."""
    key = (width, height, color, stale, ratio)
    picture = _CHIP_PICTURES.get(key)
    if picture is not None:
        return picture
    if len(_CHIP_PICTURES) >= 512:  # sizes change with the window: keep the recent ones only
        _CHIP_PICTURES.clear()
    picture = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, width, height)
    painter.setPen(CHIP_BORDER)
    painter.setBrush(CHIP_BG)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(1, 1, 4, height - 2), 2, 2)
    if stale:  # idle longer than its stage allows: an orange frame, as on the board
        painter.setPen(STALE)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    painter.end()
    _CHIP_PICTURES[key] = picture
    return picture


class EntryCanvas(QWidget):
    move_requested = Signal(int, int, object, object)  # deal id, version, day, time (or None)
    task_move_requested = Signal(int, int, object, object)  # task id, version, day, time (or None)
    open_requested = Signal(int)  # deal id
    new_requested = Signal(object)  # the day double-clicked
    new_task_requested = Signal(object, object)  # the day (and the hour, in a time grid) chosen
    more_requested = Signal(object)  # the day whose "+N more" was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.days: list[date] = []
        self.data = CalendarData()
        self.today = date.today()  # noqa: DTZ011 - the user's calendar day
        self.timed = False  # the date field has a time: the grid's hours take drops
        self.chips: list[tuple[QRectF, CalendarEntry]] = []  # laid out by the subclass when painting
        self.task_chips: list[tuple[QRectF, TaskEntry]] = []
        self.more_links: list[tuple[QRectF, date]] = []
        self._press: tuple[QPoint, CalendarEntry | TaskEntry] | None = None
        self._drop_day: date | None = None

    def show_data(self, days: list[date], data: CalendarData, *, timed: bool) -> None:
        self.days, self.data, self.timed = days, data, timed
        self.today = date.today()  # noqa: DTZ011
        self.relayout()
        self.update()

    def relayout(self) -> None:
        """Work out where chips and links stand (subclasses); called before painting."""

    # -- what is where --------------------------------------------------------------------------------

    def day_at(self, pos: QPointF) -> date | None:
        raise NotImplementedError

    def time_at(self, pos: QPointF) -> time | None:
        return None

    def entry_at(self, pos: QPointF) -> CalendarEntry | None:
        return next((entry for rect, entry in reversed(self.chips) if rect.contains(pos)), None)

    def task_at(self, pos: QPointF) -> TaskEntry | None:
        return next((task for rect, task in reversed(self.task_chips) if rect.contains(pos)), None)

    def task_rect(self, task_id: int) -> QRectF | None:
        return next((rect for rect, task in self.task_chips if task.id == task_id), None)

    def more_at(self, pos: QPointF) -> date | None:
        return next((day for rect, day in self.more_links if rect.contains(pos)), None)

    def chip_rect(self, deal_id: int) -> QRectF | None:
        return next((rect for rect, entry in self.chips if entry.deal_id == deal_id), None)

    # -- painting ---------------------------------------------------------------------------------------

    def paint_chip(
        self, painter: QPainter, rect: QRectF, entry: CalendarEntry, *, with_amount: bool = True
    ) -> None:
        # The chip itself (frame, stage stripe) from a picture made once per size and colour: a
        # rounded rectangle drawn smoothly costs ~50 us, a week's hundred chips two of them each.
        painter.drawPixmap(
            QPointF(round(rect.left()), round(rect.top())),
            chip_picture(
                round(rect.width()),
                round(rect.height()),
                entry.stage_color,
                entry.stale,
                painter.device().devicePixelRatioF(),
            ),
        )
        metrics = QFontMetrics(self.font())
        text = entry.title
        if entry.at is not None:
            text = f"{entry.at:%H:%M} {text}"
        amount = money(entry.amount, entry.currency) if with_amount else ""
        room = int(rect.width()) - 12
        amount_width = metrics.horizontalAdvance(amount) + 6 if amount else 0
        if amount_width > room // 2:
            amount, amount_width = "", 0
        painter.setPen(CLOSED_TEXT if entry.closed else self.palette().text().color())
        title_rect = QRectF(rect.left() + 8, rect.top(), room - amount_width, rect.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(title_rect.width())),
        )
        if amount:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(rect.right() - amount_width - 4, rect.top(), amount_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                amount,
            )

    def paint_task(self, painter: QPainter, rect: QRectF, task: TaskEntry) -> None:
        metrics = QFontMetrics(self.font())
        painter.setPen(TASK)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        mark = "✓ " if task.done else "○ "
        text = f"{mark}{task.title}" if task.all_day else f"{mark}{task.due_at:%H:%M} {task.title}"
        painter.setPen(CLOSED_TEXT if task.done else self.palette().text().color())
        painter.drawText(
            rect.adjusted(6, 0, -4, 0),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 10),
        )

    def paint_more(self, painter: QPainter, rect: QRectF, hidden: int) -> None:
        painter.setPen(TODAY)
        painter.drawText(
            rect.adjusted(6, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("+%1 more").replace("%1", str(hidden)),
        )

    # -- the mouse ----------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        entry: CalendarEntry | TaskEntry | None = None
        if event.button() == Qt.MouseButton.LeftButton:
            entry = self.entry_at(event.position()) or self.task_at(event.position())
        self._press = (event.position().toPoint(), entry) if entry is not None else None
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            over = self.entry_at(event.position()) or self.task_at(event.position())
            self.setCursor(Qt.CursorShape.OpenHandCursor if over else Qt.CursorShape.ArrowCursor)
            return
        start, entry = self._press
        if (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        if isinstance(entry, TaskEntry):
            self._drag_task(entry, start)
            return
        drag = QDrag(self)
        drag.setMimeData(entry_mime(entry))
        rect = self.chip_rect(entry.deal_id)
        if rect is not None:
            pixmap = QPixmap(rect.size().toSize())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self.paint_chip(painter, QRectF(0, 0, rect.width(), rect.height()), entry)
            painter.end()
            drag.setPixmap(pixmap)
            drag.setHotSpot((QPointF(start) - rect.topLeft()).toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def _drag_task(self, task: TaskEntry, start: QPoint) -> None:
        """A task to another day (or hour): rescheduled there."""
        drag = QDrag(self)
        drag.setMimeData(task_mime(task))
        rect = self.task_rect(task.id)
        if rect is not None:
            pixmap = QPixmap(rect.size().toSize())
            pixmap.fill(Qt.GlobalColor.white)
            painter = QPainter(pixmap)
            self.paint_task(painter, QRectF(0, 0, rect.width(), rect.height()), task)
            painter.end()
            drag.setPixmap(pixmap)
            drag.setHotSpot((QPointF(start) - rect.topLeft()).toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        day = self.day_at(QPointF(event.pos()))
        if day is None:
            return
        at = self.time_at(QPointF(event.pos()))
        menu = QMenu(self)
        menu.addAction(self.tr("New deal…"), lambda: self.new_requested.emit(day))
        menu.addAction(self.tr("New task…"), lambda: self.new_task_requested.emit(day, at))
        menu.exec(event.globalPos())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._press = self._press, None
        if pressed is None and event.button() == Qt.MouseButton.LeftButton:
            day = self.more_at(event.position())
            if day is not None:
                self.more_requested.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position())
        if entry is not None:
            self.open_requested.emit(entry.deal_id)
            return
        task = self.task_at(event.position())
        if task is not None:
            if task.deal_id is not None:
                self.open_requested.emit(task.deal_id)
            return
        if self.more_at(event.position()) is None:
            day = self.day_at(event.position())
            if day is not None:
                self.new_requested.emit(day)

    # -- drops ----------------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        ours = read_entry_mime(mime) is not None or read_task_mime(mime) is not None
        day = self.day_at(event.position()) if ours else None
        if day is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if day != self._drop_day:
            self._drop_day = day
            self.update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = read_entry_mime(event.mimeData())
        day = self.day_at(event.position())
        self._drop_day = None
        self.update()
        task = read_task_mime(event.mimeData())
        if task is not None and day is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            at = self.time_at(event.position())  # an hour row of the week: that hour; else keeps its own
            self.task_move_requested.emit(task[0], task[1], day, at)
            return
        if dropped is None or day is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        deal_id, version = dropped
        self.move_requested.emit(
            deal_id, version, day, self.time_at(event.position()) if self.timed else None
        )

    @property
    def drop_day(self) -> date | None:
        return self._drop_day
