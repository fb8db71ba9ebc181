"""The Calendar view of the Deals area: month, week and day; Today, previous and next, a date picker
and keys (PgUp/PgDn, Home, M/W/D); deals placed by a chosen date field, tasks if wanted; entries
dragged to another day (or time) change that date through the services."""

from __future__ import annotations

import enum
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.day_list_dialog import DayListDialog
from app.dialogs.task_dialog import TaskDialog
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.core.events import DomainEvent
from app.services.deals.calendar import SPAN, CalendarData, month_days, week_days
from app.services.deals.filters import DealFilter
from app.ui.formatting import date_format, short_date
from app.ui.i18n import translate_message
from app.ui.operations import run_in_background
from app.views.calendar.month_grid import MonthGrid
from app.views.calendar.time_grid import HOUR, TimeGrid

MONTH_PER_DAY = 6  # entries read per day for a month (a cell shows what fits, then "+N more")
WEEK_PER_DAY = 40
REFRESH_DELAY_MS = 150


class Mode(enum.StrEnum):
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


class CalendarView(QWidget):
    open_requested = Signal(int)  # deal id
    new_deal_requested = Signal(dict)  # initial values of a new deal: {"close_date": date, ...}
    read_failed = Signal(object)
    move_refused = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self._services = services
        self._calendar = services.calendar
        self._filter = DealFilter()
        self.mode = Mode.MONTH
        self.anchor = date.today()  # noqa: DTZ011 - the user's calendar day
        self.data = CalendarData()
        self._stale = True
        self.loading = False  # the days shown are being read off the GUI thread
        self._reads = 0  # requests made: only the newest one's result is shown
        self._call: Any = None
        self._fields: list[tuple[str, str]] = []

        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("calendarToday")
        self.previous = QToolButton()
        self.previous.setObjectName("calendarPrevious")
        self.previous.setText("◀")
        self.previous.setToolTip(self.tr("Previous (Page Up)"))
        self.next = QToolButton()
        self.next.setObjectName("calendarNext")
        self.next.setText("▶")
        self.next.setToolTip(self.tr("Next (Page Down)"))
        self.period = QLabel()
        self.period.setObjectName("calendarPeriod")
        font = self.period.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.period.setFont(font)
        self.picker = QDateEdit()
        self.picker.setObjectName("calendarPicker")
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat(date_format())
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QToolButton] = {}
        mode_row = QHBoxLayout()
        mode_row.setSpacing(0)
        for mode, label in (
            (Mode.MONTH, self.tr("Month")),
            (Mode.WEEK, self.tr("Week")),
            (Mode.DAY, self.tr("Day")),
        ):
            button = QToolButton()
            button.setObjectName(f"calendar_{mode.value}")
            button.setText(label)
            button.setCheckable(True)
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
            mode_row.addWidget(button)
        self.date_field = QComboBox()
        self.date_field.setObjectName("calendarDateField")
        self.date_field.setToolTip(self.tr("The date that places the deals"))
        self.show_tasks = QCheckBox(self.tr("Tasks"))
        self.show_tasks.setObjectName("calendarTasks")
        bar = QHBoxLayout()
        bar.addWidget(self.today_button)
        bar.addWidget(self.previous)
        bar.addWidget(self.next)
        bar.addWidget(self.period, 1)
        bar.addWidget(self.picker)
        bar.addSpacing(8)
        bar.addWidget(self.date_field)
        bar.addWidget(self.show_tasks)
        bar.addSpacing(8)
        bar.addLayout(mode_row)

        self.month_grid = MonthGrid()
        self.time_grid = TimeGrid()
        self.time_scroll = QScrollArea()
        self.time_scroll.setObjectName("timeScroll")
        self.time_scroll.setWidgetResizable(True)
        self.time_scroll.setWidget(self.time_grid)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_grid)
        self.stack.addWidget(self.time_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.today_button.clicked.connect(self.go_today)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.picker.dateChanged.connect(self._on_picked)
        self.modes.buttonClicked.connect(self._on_mode_button)
        self.date_field.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_tasks.toggled.connect(lambda _on: self.reload())
        for grid in (self.month_grid, self.time_grid):
            grid.move_requested.connect(self.move_entry)
            grid.open_requested.connect(self.open_requested)
            grid.new_requested.connect(self._on_new)
            grid.task_move_requested.connect(self.move_task)
            grid.new_task_requested.connect(self.new_task)
            grid.more_requested.connect(self.show_day)
        self._fill_fields()
        self.mode_buttons[self.mode].setChecked(True)

    # -- what is shown ---------------------------------------------------------------------------------

    def set_filter(self, deal_filter: DealFilter) -> None:
        self._filter = deal_filter
        self._reload_when_shown()

    def refresh(self) -> None:
        self._reload_when_shown()

    def on_changed(self, event: DomainEvent) -> None:
        if event.entity == "custom_field":
            self._fill_fields()
        if event.entity in ("deal", "pipeline", "custom_field", "task", "*"):
            self._reload_when_shown()

    def _reload_when_shown(self) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _fill_fields(self) -> None:
        chosen = self.date_field.currentData()
        self.date_field.blockSignals(True)
        self.date_field.clear()
        for key, label in self._calendar.date_fields():
            if key == SPAN:
                text = self.tr("Begin to close date")
            else:
                text = label if isinstance(label, str) else translate_message(label)
            self.date_field.addItem(text, key)
        self.date_field.setCurrentIndex(max(0, self.date_field.findData(chosen or "close_date")))
        self.date_field.blockSignals(False)

    def field(self) -> str:
        return str(self.date_field.currentData() or "close_date")

    def days(self) -> list[date]:
        first_weekday = QLocale().firstDayOfWeek().value
        if self.mode is Mode.MONTH:
            return month_days(self.anchor, first_weekday)
        if self.mode is Mode.WEEK:
            return week_days(self.anchor, first_weekday)
        return [self.anchor]

    def reload(self) -> None:
        """Read the days shown (counts and their first deals) off the GUI thread, then paint them:
        everyone's month at a million deals is a third of a second of reading; the window keeps
        answering meanwhile and the latest request wins (paging through months never queues up)."""
        self._stale = False
        self._timer.stop()
        days, field, mode, anchor = self.days(), self.field(), self.mode, self.anchor
        per_day = MONTH_PER_DAY if mode is Mode.MONTH else WEEK_PER_DAY
        timed = field.startswith("uf:") and self._is_datetime(field)
        calendar, deal_filter, with_tasks = self._calendar, self._filter, self.show_tasks.isChecked()
        self._reads += 1
        read = self._reads
        self._show_period(days)

        def work() -> CalendarData:
            return calendar.read(
                deal_filter, field, days[0], days[-1], per_day=per_day, with_tasks=with_tasks
            )

        def done(data: CalendarData) -> None:
            if read != self._reads:
                return  # a newer request is on its way
            self.loading = False
            self.data = data
            self._show_days(mode, anchor, field, days, data, timed)

        def failed(error: BaseException) -> None:
            if read == self._reads:
                self.loading = False
                self.read_failed.emit(error)

        grid = self.month_grid if mode is Mode.MONTH else self.time_grid
        if grid.days != days:  # another period: its empty days at once, its deals when read
            self.data = CalendarData()
            self._show_days(mode, anchor, field, days, self.data, timed)
        self.loading = True
        self._call = run_in_background(work, done, failed, owner=self)

    def _show_days(
        self, mode: Mode, anchor: date, field: str, days: list[date], data: CalendarData, timed: bool
    ) -> None:
        if mode is Mode.MONTH:
            self.month_grid.month = anchor.replace(day=1)
            self.month_grid.spans_mode = field == SPAN
            self.month_grid.show_data(days, data, timed=False)
            self.stack.setCurrentWidget(self.month_grid)
        else:
            self.time_grid.show_data(days, data, timed=timed)
            self.stack.setCurrentWidget(self.time_scroll)

    def _is_datetime(self, field: str) -> bool:
        from app.services.fields.custom_fields import FieldType

        return any(
            f"uf:{f.id}" == field and f.field_type is FieldType.DATETIME
            for f in self._services.custom_fields.list()
        )

    def _show_period(self, days: list[date]) -> None:
        locale = QLocale()
        if self.mode is Mode.MONTH:
            text = locale.toString(QDate(self.anchor.year, self.anchor.month, 1), "MMMM yyyy")
        elif self.mode is Mode.WEEK:
            text = f"{short_date(days[0])} – {short_date(days[-1])}"
        else:
            day = QDate(self.anchor.year, self.anchor.month, self.anchor.day)
            text = locale.toString(day, QLocale.FormatType.LongFormat)
        self.period.setText(text)
        self.picker.blockSignals(True)
        self.picker.setDate(QDate(self.anchor.year, self.anchor.month, self.anchor.day))
        self.picker.blockSignals(False)

    # -- moving around --------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.reload()
        if mode is not Mode.MONTH:  # a date-and-time field: the working day; else the all-day band
            self.time_grid.updateGeometry()
            top = self.time_grid.hours_top() + 7 * HOUR - 40 if self.time_grid.timed else 0
            self.time_scroll.verticalScrollBar().setValue(top)

    def step(self, direction: int) -> None:
        if self.mode is Mode.MONTH:
            month = self.anchor.month - 1 + direction
            year = self.anchor.year + month // 12
            self.anchor = date(year, month % 12 + 1, 1)
        else:
            self.anchor += timedelta(days=(7 if self.mode is Mode.WEEK else 1) * direction)
        self.reload()

    def go_today(self) -> None:
        self.anchor = date.today()  # noqa: DTZ011
        self.reload()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.reload()

    def _on_picked(self, chosen: QDate) -> None:
        self.go_to(date(chosen.year(), chosen.month(), chosen.day()))

    def _on_mode_button(self, button: QToolButton) -> None:
        mode = next(m for m, b in self.mode_buttons.items() if b is button)
        self.set_mode(mode)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.step(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step(1)
        elif key == Qt.Key.Key_Home:
            self.go_today()
        elif key == Qt.Key.Key_M:
            self.set_mode(Mode.MONTH)
        elif key == Qt.Key.Key_W:
            self.set_mode(Mode.WEEK)
        elif key == Qt.Key.Key_D:
            self.set_mode(Mode.DAY)
        else:
            super().keyPressEvent(event)

    # -- changing deals -------------------------------------------------------------------------

    def move_entry(self, deal_id: int, version: int, day: date, at: time | None) -> bool:
        """An entry dropped on a day: the services change the date (refused: it snaps back, said)."""
        field = self.field()
        before = next(
            (e.day for d in self.data.days.values() for e in d.entries if e.deal_id == deal_id), None
        )
        try:
            self._calendar.move(deal_id, version, field, day, at)
        except (ServiceError, DatabaseError) as exc:
            self.reload()  # back where it was
            self.move_refused.emit(exc)
            return False
        if field == SPAN or before is None or self.loading:  # (a read in flight may predate the move)
            self.reload()
        else:
            self._reload_days({before, day})  # the two days it left and joined, not the whole month
        return True

    def move_task(self, task_id: int, version: int, day: date, at: time | None) -> bool:
        """A task dropped on a day (an hour): rescheduled there, keeping its time of day when the
        drop says none; an all-day task stays all day."""
        task = next((t for t in self.data.tasks if t.id == task_id), None)
        if task is None:
            return False
        due: date | datetime = day
        if not task.all_day:
            due = datetime.combine(day, at or task.due_at.time())
        try:
            self._services.tasks.reschedule(task_id, version, due)
        except (ServiceError, DatabaseError) as exc:
            self.reload()
            self.move_refused.emit(exc)
            return False
        self.reload()
        return True

    def new_task(self, day: date, at: time | None = None) -> bool:
        """A new task on a day (the day's menu): due then, at the hour chosen or at nine."""
        dialog = TaskDialog(self._services, due=datetime.combine(day, at or time(9)), parent=self)
        if dialog.exec():
            self.reload()
            return True
        return False

    def _reload_days(self, days: set[date]) -> None:
        per_day = MONTH_PER_DAY if self.mode is Mode.MONTH else WEEK_PER_DAY
        fresh = dict(self.data.days)
        try:
            for day in days:
                read = self._calendar.read(self._filter, self.field(), day, day, per_day=per_day)
                fresh.pop(day, None)
                fresh.update(read.days)
        except (ServiceError, DatabaseError) as exc:
            self.read_failed.emit(exc)
            return
        self.data = replace(self.data, days=fresh)
        grid = self.month_grid if self.mode is Mode.MONTH else self.time_grid
        grid.show_data(grid.days, self.data, timed=grid.timed)

    def _on_new(self, day: date) -> None:
        field = self.field()
        values: dict[str, Any] = {"begin_date": day, "close_date": day} if field == SPAN else {field: day}
        self.new_deal_requested.emit(values)

    def show_day(self, day: date) -> None:
        """Every deal of a day (what "+N more" hides), in a list; double-click opens one."""
        field = self.field()
        try:
            data = self._calendar.read(self._filter, field, day, day, per_day=None)
        except (ServiceError, DatabaseError) as exc:
            self.read_failed.emit(exc)
            return
        entries = (
            list(data.days[day].entries)
            if day in data.days
            else [s for s in data.spans if s.day <= day <= (s.last_day or s.day)]
        )
        dialog = DayListDialog(day, entries, self)
        dialog.open_requested.connect(self.open_requested)
        dialog.exec()
