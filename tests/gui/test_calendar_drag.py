"""A real mouse drag on the calendar (Xvfb, XTEST): an entry dragged to another day changes the
deal's close date, with its history, and stands on the new day."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from xpointer import Pointer, drag

from PySide6.QtWidgets import QApplication

from app.services.container import Services
from app.views.deals_area import DealsViewMode
from app.views.main_window import MainWindow

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        not os.environ.get("QT_QPA_PLATFORM", "").startswith("xcb") or not os.environ.get("DISPLAY"),
        reason="needs a real X server: run under xvfb-run with QT_QPA_PLATFORM=xcb (make test)",
    ),
]


def test_dragging_an_entry_to_another_day_moves_its_close_date(
    qtbot, window: MainWindow, demo_services: Services, pointer: Pointer
) -> None:
    today = date.today()
    day = today.replace(day=6)
    deal = demo_services.deals.create(title="Drag me", amount="999999.00", begin_date=day, close_date=day)
    window.move(0, 0)
    window.resize(1280, 860)
    window.deals.set_view(DealsViewMode.CALENDAR)
    window.activateWindow()
    qtbot.waitExposed(window)
    calendar = window.deals.calendar
    calendar.go_to(today)
    QApplication.processEvents()
    grid = calendar.month_grid
    rect = grid.chip_rect(deal.id)
    assert rect is not None
    target = day + timedelta(days=8)  # a week and a day later: another row of the month
    start = grid.mapToGlobal(rect.center().toPoint())
    end = grid.mapToGlobal(grid.day_rect(target).center().toPoint())
    drag(qtbot, pointer, start, end)
    qtbot.waitUntil(lambda: demo_services.deals.get(deal.id).close_date == target, timeout=5000)
    history = demo_services.deals.history(deal.id)
    assert history[-1].field == "close_date"
    assert history[-1].new_value == target.isoformat()
    assert any(e.deal_id == deal.id and e.day == target for _r, e in grid.chips)


def test_dragging_a_task_to_another_day_reschedules_it(
    qtbot, window: MainWindow, demo_services: Services, pointer: Pointer
) -> None:
    from datetime import UTC, datetime

    local = datetime.now().astimezone().replace(day=6, hour=10, minute=15, second=0, microsecond=0)
    task = demo_services.tasks.create("Call Meyer", kind="call", due=local)
    window.move(0, 0)
    window.resize(1280, 860)
    window.deals.set_view(DealsViewMode.CALENDAR)
    window.activateWindow()
    qtbot.waitExposed(window)
    calendar = window.deals.calendar
    calendar.show_tasks.setChecked(True)
    calendar.go_to(local.date())
    grid = calendar.month_grid
    qtbot.waitUntil(lambda: grid.task_rect(task.id) is not None, timeout=5000)
    rect = grid.task_rect(task.id)
    assert rect is not None
    target = local.date() + timedelta(days=8)
    start = grid.mapToGlobal(rect.center().toPoint())
    end = grid.mapToGlobal(grid.day_rect(target).center().toPoint())
    drag(qtbot, pointer, start, end)

    def due_day() -> object:
        moved = demo_services.tasks.get(task.id).due_at
        return moved.replace(tzinfo=UTC).astimezone().date() if moved else None

    qtbot.waitUntil(lambda: due_day() == target, timeout=5000)
    moved = demo_services.tasks.get(task.id).due_at.replace(tzinfo=UTC).astimezone()  # type: ignore[union-attr]
    assert (moved.hour, moved.minute) == (10, 15)  # its time of day kept
