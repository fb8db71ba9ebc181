"""The calendar offscreen: modes, navigation, "+N more", the date field, the locale's week, drops
as Qt delivers them, double-clicks. The real mouse drag is in test_calendar_drag.py (Xvfb)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dragdrop import drop_at

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.views.calendar.calendar_view import CalendarView, DayListDialog, Mode
from app.views.calendar.entry_canvas import entry_mime
from app.views.deals_area import DealsViewMode
from app.views.main_window import MainWindow

TODAY = date.today()


@pytest.fixture
def calendar(qtbot, window: MainWindow) -> CalendarView:
    window.resize(1280, 860)
    window.deals.set_view(DealsViewMode.CALENDAR)
    view = window.deals.calendar
    qtbot.waitExposed(view)
    view.go_to(TODAY)
    return view


def test_modes_and_navigation(qtbot, calendar: CalendarView) -> None:
    assert calendar.mode is Mode.MONTH
    assert calendar.month_grid.days[0] <= TODAY.replace(day=1) <= calendar.month_grid.days[6]
    qtbot.mouseClick(calendar.mode_buttons[Mode.WEEK], Qt.MouseButton.LeftButton)
    assert calendar.mode is Mode.WEEK
    assert TODAY in calendar.time_grid.days
    assert len(calendar.time_grid.days) == 7
    qtbot.mouseClick(calendar.next, Qt.MouseButton.LeftButton)
    assert calendar.time_grid.days[0] == calendar.days()[0] > TODAY
    qtbot.keyClick(calendar, Qt.Key.Key_PageUp)
    qtbot.keyClick(calendar, Qt.Key.Key_PageUp)
    assert calendar.time_grid.days[-1] < TODAY
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert TODAY in calendar.time_grid.days
    qtbot.keyClick(calendar, Qt.Key.Key_D)
    assert calendar.time_grid.days == [TODAY]
    qtbot.keyClick(calendar, Qt.Key.Key_M)
    assert calendar.stack.currentWidget() is calendar.month_grid


def test_a_full_day_says_how_many_more_and_lists_them(
    qtbot, calendar: CalendarView, demo_services: Services, monkeypatch
) -> None:
    busy = TODAY.replace(day=15)
    for n in range(12):
        demo_services.deals.create(title=f"Busy {n}", close_date=busy)
    calendar.reload()
    grid = calendar.month_grid
    stored = demo_services.deal_queries.count(DealFilter(close_from=busy, close_to=busy))
    shown = [entry for rect, entry in grid.chips if entry.day == busy]
    assert 0 < len(shown) < stored
    assert grid.hidden_on(busy) == stored - len(shown)
    link = next(rect for rect, day in grid.more_links if day == busy)
    listed: list[int] = []
    monkeypatch.setattr(
        DayListDialog, "exec", lambda dialog: listed.append(dialog.tree.topLevelItemCount()) or 0
    )
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=link.center().toPoint())
    assert listed == [stored]


def test_the_date_field_places_the_deals(qtbot, calendar: CalendarView, demo_services: Services) -> None:
    day = TODAY.replace(day=10)
    deal = demo_services.deals.create(
        title="Starts on the tenth", amount="999999.00", begin_date=day, close_date=day + timedelta(days=40)
    )
    assert not any(e.deal_id == deal.id for _r, e in calendar.month_grid.chips)  # by close date: next month
    calendar.date_field.setCurrentIndex(calendar.date_field.findData("begin_date"))
    assert calendar.field() == "begin_date"
    assert any(
        e.deal_id == deal.id and e.day == day for _r, e in calendar.month_grid.chips
    )  # the largest first
    expected = demo_services.calendar.read(DealFilter(), "begin_date", day, day).days[day].count
    assert calendar.data.days[day].count == expected


def test_the_week_starts_as_the_locale_says(qtbot, window: MainWindow, german) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window.deals.set_view(DealsViewMode.CALENDAR)
    view = window.deals.calendar
    view.go_to(date(2026, 11, 18))
    assert view.month_grid.days[0] == date(2026, 10, 26)  # a Monday
    assert view.period.text() == "November 2026"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    view.go_to(date(2026, 11, 18))
    assert view.month_grid.days[0] == date(2026, 11, 1)  # a Sunday


def test_a_drop_moves_the_deal_and_a_refused_one_snaps_back(
    qtbot, calendar: CalendarView, demo_services: Services, monkeypatch
) -> None:
    day = TODAY.replace(day=5)
    deal = demo_services.deals.create(title="Zzz move me", amount="999999.00", begin_date=day, close_date=day)
    calendar.reload()
    grid = calendar.month_grid
    entry = next(e for _r, e in grid.chips if e.deal_id == deal.id)
    target = day + timedelta(days=2)
    assert drop_at(grid, entry_mime(entry), grid.day_rect(target).center().toPoint())
    assert demo_services.deals.get(deal.id).close_date == target
    assert demo_services.deals.history(deal.id)[-1].field == "close_date"
    assert any(e.deal_id == deal.id and e.day == target for _r, e in grid.chips)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    moved = next(e for _r, e in grid.chips if e.deal_id == deal.id)
    earlier = day - timedelta(days=1)  # before its begin date: refused
    assert drop_at(grid, entry_mime(moved), grid.day_rect(earlier).center().toPoint())
    assert len(said) == 1
    assert "before the begin date" in said[0]
    assert demo_services.deals.get(deal.id).close_date == target
    assert any(e.deal_id == deal.id and e.day == target for _r, e in grid.chips)


def test_double_clicks_open_a_deal_or_start_one_on_that_day(
    qtbot, window: MainWindow, calendar: CalendarView, demo_services: Services, monkeypatch
) -> None:
    opened: list[tuple[int | None, dict]] = []

    def remember(dialog: DealFormDialog) -> int:
        opened.append((dialog._data.deal.id if dialog._data else None, dialog._collect()))
        return 0

    monkeypatch.setattr(DealFormDialog, "exec", remember)
    grid = calendar.month_grid
    rect, entry = grid.chips[0]
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened[-1][0] == entry.deal_id
    far = date(TODAY.year + 6, 3, 1)  # nothing is due then
    calendar.go_to(far)
    day = far.replace(day=12)
    cell = grid.day_rect(day)
    assert grid.entry_at(cell.center()) is None
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    assert opened[-1][0] is None
    assert opened[-1][1]["close_date"] == day


def test_spans_cross_the_week(qtbot, calendar: CalendarView, demo_services: Services) -> None:
    calendar.set_mode(Mode.WEEK)
    monday = calendar.days()[0]
    deal = demo_services.deals.create(
        title="Three days",
        amount="999999.00",
        begin_date=monday + timedelta(days=1),
        close_date=monday + timedelta(days=3),
    )
    calendar.set_filter(DealFilter(search="Three days"))  # the Deals area's search applies here too
    calendar.date_field.setCurrentIndex(calendar.date_field.findData("span"))
    grid = calendar.time_grid
    rect = grid.chip_rect(deal.id)
    assert rect is not None
    tuesday, thursday = grid.column_rect(1), grid.column_rect(3)
    assert rect.left() < tuesday.center().x() < thursday.center().x() < rect.right()
    assert rect.right() < grid.column_rect(4).center().x()


def test_a_chip_is_painted_from_one_picture_per_size_and_colour(qtbot) -> None:
    from PySide6.QtGui import QColor

    from app.views.calendar.entry_canvas import CHIP_BG, STALE, chip_picture

    plain = chip_picture(120, 20, "#39a8ef", False, 1.0)
    assert chip_picture(120, 20, "#39a8ef", False, 1.0) is plain  # made once, painted many times
    image = plain.toImage()
    assert (image.width(), image.height()) == (120, 20)
    assert image.pixelColor(0, 0).alpha() == 0  # outside the rounded corner
    assert image.pixelColor(2, 10) == QColor("#39a8ef")  # the stage stripe
    assert image.pixelColor(60, 10) == CHIP_BG
    stale = chip_picture(120, 20, "#39a8ef", True, 1.0).toImage()
    assert stale.pixelColor(60, 0).rgb() == STALE.rgb()  # the orange frame of an idle deal
    sharp = chip_picture(120, 20, "#39a8ef", False, 2.0)  # a high-density screen: twice the pixels
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (240, 40, 2.0)
