"""A month: six weeks of days from the locale's first weekday; each day its deals (largest first)
as far as they fit, then "+N more"; or, by span, each deal a bar from its begin to its close date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from app.services.deals.calendar import TaskEntry
from app.views.calendar.entry_canvas import DROP, MUTED, TODAY, EntryCanvas

HEADER = 24
DAY_LABEL = 20
GRID = QColor("#dde2e8")
OTHER_MONTH = QColor("#f4f6f8")


class MonthGrid(EntryCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.month = date.today().replace(day=1)  # noqa: DTZ011
        self.spans_mode = False
        self._hidden: dict[date, int] = {}  # "+N more" per day
        self.setMinimumSize(560, 420)

    def sizeHint(self) -> QSize:
        return QSize(980, 720)

    # -- geometry ------------------------------------------------------------------------------------

    def _line(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def cell_rect(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - HEADER) / 6
        row, column = divmod(index, 7)
        return QRectF(column * width, HEADER + row * height, width, height)

    def day_rect(self, day: date) -> QRectF | None:
        return self.cell_rect(self.days.index(day)) if day in self.days else None

    def day_at(self, pos: QPointF) -> date | None:
        if pos.y() < HEADER or not self.days:
            return None
        column = int(pos.x() // (self.width() / 7))
        row = int((pos.y() - HEADER) // ((self.height() - HEADER) / 6))
        index = row * 7 + column
        return self.days[index] if 0 <= column < 7 and 0 <= index < len(self.days) else None

    def relayout(self) -> None:
        self.chips, self.task_chips, self.more_links = [], [], []
        self._hidden = {}
        if not self.days:
            return
        if self.spans_mode:
            self._layout_spans()
            return
        line = self._line()
        tasks_by_day: dict[date, list[TaskEntry]] = {}
        for task in self.data.tasks:
            tasks_by_day.setdefault(task.due_at.date(), []).append(task)
        for index, day in enumerate(self.days):
            cell = self.cell_rect(index)
            room = int((cell.height() - DAY_LABEL - 2) // line)
            info = self.data.days.get(day)
            entries = list(info.entries) if info else []
            count = info.count if info else 0
            tasks = tasks_by_day.get(day, [])
            total = count + len(tasks)
            shown = total if total <= room else max(0, room - 1)
            y = cell.top() + DAY_LABEL
            for entry in entries[:shown]:
                self.chips.append((QRectF(cell.left() + 3, y, cell.width() - 6, line - 2), entry))
                y += line
            for task in tasks[: max(0, shown - len(entries[:shown]))]:
                self.task_chips.append((QRectF(cell.left() + 3, y, cell.width() - 6, line - 2), task))
                y += line
            hidden = total - len(entries[:shown]) - len(tasks[: max(0, shown - len(entries[:shown]))])
            if hidden > 0:
                self.more_links.append((QRectF(cell.left() + 3, y, cell.width() - 6, line - 2), day))
                self._hidden[day] = hidden

    def _layout_spans(self) -> None:
        """Bars in lanes, week by week; a day with more bars than lanes gets "+N more"."""
        line = self._line()
        for week in range(6):
            first, last = self.days[week * 7], self.days[week * 7 + 6]
            cell = self.cell_rect(week * 7)
            lanes = max(1, int((cell.height() - DAY_LABEL - 2) // line) - 1)
            ends: list[date] = []  # per lane, the last day it is taken
            overflow: dict[date, int] = {}
            for span in self.data.spans:
                end = span.last_day or span.day
                if end < first or span.day > last:
                    continue
                start_day, end_day = max(span.day, first), min(end, last)
                lane = next((n for n, taken in enumerate(ends) if taken < start_day), None)
                if lane is None and len(ends) < lanes:
                    lane = len(ends)
                    ends.append(start_day - timedelta(days=1))
                if lane is None:
                    day = start_day
                    while day <= end_day:
                        overflow[day] = overflow.get(day, 0) + 1
                        day += timedelta(days=1)
                    continue
                ends[lane] = end_day
                left = self.cell_rect(self.days.index(start_day))
                right = self.cell_rect(self.days.index(end_day))
                y = cell.top() + DAY_LABEL + lane * line
                self.chips.append(
                    (QRectF(left.left() + 3, y, right.right() - left.left() - 6, line - 2), span)
                )
            for day, hidden in overflow.items():
                rect = self.cell_rect(self.days.index(day))
                self.more_links.append(
                    (QRectF(rect.left() + 3, rect.bottom() - line, rect.width() - 6, line - 2), day)
                )
                self._hidden[day] = hidden

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.relayout()
        super().resizeEvent(event)

    # -- painting -------------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        locale = QLocale()
        first_weekday = locale.firstDayOfWeek().value
        width = self.width() / 7
        painter.setPen(MUTED)
        for column in range(7):
            weekday = (first_weekday - 1 + column) % 7 + 1
            name = locale.standaloneDayName(weekday, QLocale.FormatType.ShortFormat)
            painter.drawText(QRectF(column * width, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter, name)
        for index, day in enumerate(self.days):
            cell = self.cell_rect(index)
            if day.month != self.month.month:
                painter.fillRect(cell, OTHER_MONTH)
            if day == self.drop_day:
                painter.fillRect(cell, DROP)
            painter.setPen(GRID)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            label = QRectF(cell.left() + 4, cell.top() + 2, cell.width() - 8, DAY_LABEL - 2)
            if day == self.today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(TODAY)
                painter.drawEllipse(QRectF(label.left(), label.top(), DAY_LABEL - 2, DAY_LABEL - 2))
                painter.setPen(QColor("#ffffff"))
                painter.drawText(
                    QRectF(label.left(), label.top(), DAY_LABEL - 2, DAY_LABEL - 2),
                    Qt.AlignmentFlag.AlignCenter,
                    str(day.day),
                )
            else:
                painter.setPen(
                    MUTED if day.month != self.month.month else palette.color(QPalette.ColorRole.WindowText)
                )
                painter.drawText(
                    label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day)
                )
            info = self.data.days.get(day)
            if info and info.count and not self.spans_mode:
                painter.setPen(MUTED)
                painter.drawText(
                    label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(info.count)
                )
        for rect, entry in self.chips:
            self.paint_chip(painter, rect, entry, with_amount=not self.spans_mode or rect.width() > 160)
        for rect, task in self.task_chips:
            self.paint_task(painter, rect, task)
        for rect, day in self.more_links:
            self.paint_more(painter, rect, self._hidden.get(day, 0))

    def hidden_on(self, day: date) -> int:
        return self._hidden.get(day, 0)
