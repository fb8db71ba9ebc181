"""A week or a day: a column per day; deals placed by a date stand in the all-day band at the top,
deals placed by a date and time (and tasks) in the hour rows below. Dropping on an hour row of a
date-and-time field sets the time too."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from app.services.deals.calendar import CalendarEntry
from app.ui.formatting import short_date
from app.views.calendar.entry_canvas import DROP, MUTED, TODAY, EntryCanvas

HOUR = 44  # pixels per hour
GUTTER = 52  # the hours' labels
HEADER = 28
ALL_DAY_LINES = 4
GRID = QColor("#e3e7ec")


class TimeGrid(EntryCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeGrid")
        self._hidden: dict[date, int] = {}

    def _line(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def all_day_lines(self) -> int:
        """The band's lines: a few above the hours for a date-and-time field; many for a date."""
        return ALL_DAY_LINES if self.timed else ALL_DAY_LINES * 4

    def all_day_height(self) -> int:
        return self._line() * self.all_day_lines() + 6

    def hours_top(self) -> int:
        return HEADER + self.all_day_height()

    def sizeHint(self) -> QSize:
        return QSize(900, self.hours_top() + 24 * HOUR)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, self.hours_top() + 24 * HOUR)

    def column_rect(self, index: int) -> QRectF:
        width = (self.width() - GUTTER) / max(1, len(self.days))
        return QRectF(GUTTER + index * width, 0, width, self.height())

    def day_at(self, pos: QPointF) -> date | None:
        if pos.x() < GUTTER or not self.days:
            return None
        index = int((pos.x() - GUTTER) // ((self.width() - GUTTER) / len(self.days)))
        return self.days[index] if 0 <= index < len(self.days) else None

    def time_at(self, pos: QPointF) -> time | None:
        if pos.y() < self.hours_top():
            return None
        minutes = int((pos.y() - self.hours_top()) / HOUR * 60)
        minutes = max(0, min(23 * 60 + 30, minutes // 30 * 30))  # half hours
        return time(minutes // 60, minutes % 60)

    def y_of(self, at: time) -> float:
        return self.hours_top() + (at.hour + at.minute / 60) * HOUR

    def relayout(self) -> None:
        self.chips, self.task_chips, self.more_links = [], [], []
        self._hidden = {}
        line = self._line()
        if self.data.spans:
            self._layout_spans(line)
        for index, day in enumerate(self.days):
            column = self.column_rect(index)
            info = self.data.days.get(day)
            entries = list(info.entries) if info else []
            count = info.count if info else 0
            all_day = [e for e in entries if e.at is None]
            timed = [e for e in entries if e.at is not None]
            lines = self.all_day_lines()
            shown = all_day if len(all_day) <= lines and count == len(entries) else all_day[: lines - 1]
            y = HEADER + 3
            for entry in shown:
                self.chips.append((QRectF(column.left() + 2, y, column.width() - 4, line - 2), entry))
                y += line
            hidden = count - len(shown) - len(timed)  # in the band, or not read at all
            if hidden > 0:
                self.more_links.append((QRectF(column.left() + 2, y, column.width() - 4, line - 2), day))
                self._hidden[day] = hidden
            self._place_timed(column, timed)
            tasks = [t for t in self.data.tasks if t.due_at.date() == day]
            for task in tasks:
                top = self.y_of(task.due_at.time())
                self.task_chips.append(
                    (
                        QRectF(
                            column.left() + column.width() * 0.55, top, column.width() * 0.43, HOUR / 2 - 2
                        ),
                        task,
                    )
                )

    def _layout_spans(self, line: int) -> None:
        """Begin-to-close spans as bars across the all-day band, in lanes; the rest "+N more"."""
        first, last = self.days[0], self.days[-1]
        lanes = self.all_day_lines() - 1
        ends: list[date] = []
        for span in self.data.spans:
            start, end = max(span.day, first), min(span.last_day or span.day, last)
            if end < start:
                continue
            lane = next((n for n, taken in enumerate(ends) if taken < start), None)
            if lane is None and len(ends) < lanes:
                lane = len(ends)
                ends.append(start - timedelta(days=1))
            if lane is None:
                day = start
                while day <= end:
                    self._hidden[day] = self._hidden.get(day, 0) + 1
                    day += timedelta(days=1)
                continue
            ends[lane] = end
            left, right = self.column_rect(self.days.index(start)), self.column_rect(self.days.index(end))
            y = HEADER + 3 + lane * line
            self.chips.append((QRectF(left.left() + 2, y, right.right() - left.left() - 4, line - 2), span))
        for day in self._hidden:
            column = self.column_rect(self.days.index(day))
            y = HEADER + 3 + lanes * line
            self.more_links.append((QRectF(column.left() + 2, y, column.width() - 4, line - 2), day))

    def _place_timed(self, column: QRectF, timed: list[CalendarEntry]) -> None:
        """An hour long each; entries at the same time share the width."""
        by_slot: dict[tuple[int, int], list[CalendarEntry]] = {}
        for entry in timed:
            assert entry.at is not None
            by_slot.setdefault((entry.at.hour, entry.at.minute // 30), []).append(entry)
        for (_hour, _half), group in by_slot.items():
            width = (column.width() - 4) / len(group)
            for n, entry in enumerate(group):
                assert entry.at is not None
                top = self.y_of(entry.at)
                self.chips.append(
                    (QRectF(column.left() + 2 + n * width, top + 1, width - 2, HOUR - 2), entry)
                )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.relayout()
        super().resizeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)  # the grid's straight lines without antialiasing (4x cheaper)
        palette = self.palette()
        locale = QLocale()
        text = palette.color(QPalette.ColorRole.WindowText)
        top = self.hours_top()
        painter.setPen(MUTED)
        for hour in range(24):
            y = top + hour * HOUR
            painter.setPen(GRID)
            painter.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, y - 2, GUTTER - 6, 16), Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        painter.setPen(GRID)
        painter.drawLine(QPointF(GUTTER, top), QPointF(self.width(), top))
        for index, day in enumerate(self.days):
            column = self.column_rect(index)
            if day == self.drop_day:
                painter.fillRect(column, DROP)
            painter.setPen(GRID)
            painter.drawLine(column.topLeft(), column.bottomLeft())
            name = locale.standaloneDayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.setPen(TODAY if day == self.today else text)
            painter.drawText(
                QRectF(column.left(), 0, column.width(), HEADER),
                Qt.AlignmentFlag.AlignCenter,
                f"{name} {short_date(day)}",
            )
        if self.today in self.days:
            now = self._now()
            y = self.y_of(now)
            column = self.column_rect(self.days.index(self.today))
            painter.setPen(TODAY)
            painter.drawLine(QPointF(column.left(), y), QPointF(column.right(), y))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect, entry in self.chips:
            self.paint_chip(painter, rect, entry)
        for rect, task in self.task_chips:
            self.paint_task(painter, rect, task)
        for rect, day in self.more_links:
            self.paint_more(painter, rect, self._hidden.get(day, 0))

    @staticmethod
    def _now() -> time:
        from datetime import datetime

        return datetime.now().time()  # noqa: DTZ005 - the user's wall clock

    def hidden_on(self, day: date) -> int:
        return self._hidden.get(day, 0)
