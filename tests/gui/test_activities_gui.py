"""Activities around the deals, driven as a person does: a call planned from a card's menu is counted
on the card and done with a result; the list shows each deal's activity and filters by it; the bulk
bar plans one task per chosen deal; a task dragged in the calendar moves to its new day; a reminder
comes at its moment (a fake clock); the bell counts, shows and clears."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.dialogs.task_dialog import TaskDialog
from app.services.container import Services
from app.services.deals.filters import Activity
from app.views.deal_list.deal_table_model import COL_ACTIVITY
from app.views.deals_area import DealsViewMode
from app.views.tasks.reminders import ReminderClock


def _choose_from_menu(path: list[str]) -> None:
    """When the next popup menu opens, trigger the action at `path` ("Plan", "Call…")."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        top, current = menu, menu
        for name in path[:-1]:
            action = next(a for a in current.actions() if a.text() == name)
            submenu = action.menu()
            assert isinstance(submenu, QMenu)
            current = submenu
        chosen = next(a for a in current.actions() if a.text() == path[-1])
        top.close()
        chosen.trigger()

    QTimer.singleShot(20, pick)


def test_a_call_planned_from_a_cards_menu_is_counted_on_it_and_done_with_a_result(
    qtbot, window, demo_services: Services, monkeypatch
) -> None:
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    column = board.columns[0]
    card = column.model.card(0)
    made: list[int] = []

    def fill(dialog: TaskDialog) -> int:
        assert dialog.kind.currentData() == "call"  # the menu's kind
        dialog.title.setText("Call about the offer")
        dialog.due.setDateTime(QDateTime.currentDateTime().addSecs(-3600))  # an hour ago: overdue
        dialog.save()
        made.append(1)
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    view = column.view
    rect = view.visualRect(column.model.index(0, 0))
    _choose_from_menu(["Plan", "Call…"])
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, rect.center(), view.viewport().mapToGlobal(rect.center())
        ),
    )
    qtbot.waitUntil(lambda: made == [1], timeout=3000)
    [call] = [
        t for t in demo_services.tasks.find(mine=False, deal_id=card.id) if t.title == "Call about the offer"
    ]
    assert call.kind == "call"

    def overdue_on_card() -> int:
        found = [column.model.card(r) for r in range(column.model.rowCount())]
        return next((c.overdue_tasks for c in found if c.id == card.id), -1)

    qtbot.waitUntil(lambda: overdue_on_card() >= 1, timeout=5000)
    before = overdue_on_card()
    demo_services.tasks.complete(call.id, call.version, "wants a quote by Friday")
    qtbot.waitUntil(lambda: overdue_on_card() == before - 1, timeout=5000)
    assert demo_services.tasks.get(call.id).result == "wants a quote by Friday"


def test_the_list_shows_each_deals_activity_and_filters_by_it(qtbot, window, demo_services: Services) -> None:
    from PySide6.QtWidgets import QToolButton

    window.deals.set_view(DealsViewMode.LIST)
    model = window.deals.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.row_at(0) is not None, timeout=3000)
    assert model.headerData(COL_ACTIVITY, Qt.Orientation.Horizontal) == "Activity"
    button: QToolButton = window.deals.filter_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel = window.deals.filter_panel
    qtbot.waitUntil(panel.isVisible)
    panel.activity.setCurrentIndex(panel.activity.findData(Activity.OVERDUE.value))
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.deal_filter.activity is Activity.OVERDUE, timeout=5000)
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.row_at(0) is not None, timeout=5000)
    shown = model.rowCount()
    overdue = {
        t.deal_id
        for t in demo_services.tasks.find(mine=False, limit=100_000)
        if t.deal_id and t.due_at is not None and t.due_at < datetime.now(UTC).replace(tzinfo=None)
    }
    assert shown == len(overdue)
    text = model.data(model.index(0, COL_ACTIVITY))
    qtbot.waitUntil(lambda: "overdue" in (model.data(model.index(0, COL_ACTIVITY)) or ""), timeout=3000)
    assert (
        model.data(model.index(0, COL_ACTIVITY), Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    )
    del text


def test_the_bulk_bar_plans_one_task_on_each_chosen_deal(
    qtbot, window, demo_services: Services, click_row, monkeypatch
) -> None:
    window.deals.set_view(DealsViewMode.LIST)
    model = window.deals.model
    qtbot.waitUntil(lambda: model.rowCount() > 3 and model.row_at(2) is not None, timeout=3000)
    click_row(window, 0)
    click_row(window, 1, Qt.KeyboardModifier.ControlModifier)
    click_row(window, 2, Qt.KeyboardModifier.ControlModifier)
    chosen = sorted(model.row_at(r).id for r in range(3))

    def fill(dialog: TaskDialog) -> int:
        assert dialog.windowTitle() == "A task on 3 deals"
        dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
        dialog.title.setText("Send the new price list")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    qtbot.waitUntil(window.deals.bulk_bar.task_button.isVisible)
    qtbot.mouseClick(window.deals.bulk_bar.task_button, Qt.MouseButton.LeftButton)
    planned = [
        t for t in demo_services.tasks.find(mine=False, limit=100_000) if t.title == "Send the new price list"
    ]
    assert sorted(t.deal_id for t in planned) == chosen
    assert {t.kind for t in planned} == {"email"}
    responsible = {r.id: r.responsible_id for r in demo_services.deal_queries.rows(chosen)}
    assert all(t.responsible_id == responsible[t.deal_id] for t in planned)


def test_a_task_dropped_on_another_day_of_the_calendar_moves_there(
    qtbot, window, demo_services: Services
) -> None:
    from dragdrop import drop_at

    from app.views.calendar.entry_canvas import task_mime

    today = datetime.now().astimezone()
    day = today.replace(day=10, hour=14, minute=30, second=0, microsecond=0)
    task = demo_services.tasks.create("Visit Meyer", kind="meeting", due=day, duration_minutes=60)
    window.deals.set_view(DealsViewMode.CALENDAR)
    calendar = window.deals.calendar
    calendar.show_tasks.setChecked(True)
    calendar.go_to(day.date())
    grid = calendar.month_grid
    qtbot.waitUntil(lambda: grid.task_rect(task.id) is not None, timeout=5000)
    [entry] = [t for _r, t in grid.task_chips if t.id == task.id]
    target = day.date() + timedelta(days=7)
    point = grid.day_rect(target).center().toPoint()
    assert drop_at(grid, task_mime(entry), point)
    moved = demo_services.tasks.get(task.id)
    local = moved.due_at.replace(tzinfo=UTC).astimezone()
    assert (local.date(), local.hour, local.minute) == (target, 14, 30)  # its time of day kept
    qtbot.waitUntil(lambda: any(t.id == task.id and t.due_at.date() == target for _r, t in grid.task_chips))


def test_a_reminder_comes_at_its_moment_on_a_fake_clock(qtbot, services: Services) -> None:
    due = datetime.now().astimezone() + timedelta(hours=2)
    deal = services.deals.create(title="Kitchen for Meyer", stage_id=1).id
    services.tasks.create("Call Meyer", kind="call", due=due, deal_id=deal, remind_minutes=15)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    clock = [datetime.now(UTC).replace(tzinfo=None)]
    reminders = ReminderClock(services, window, clock=lambda: clock[0], interval_ms=50, use_tray=False)
    qtbot.wait(200)  # a few checks: nothing is due yet
    assert reminders.shown == []
    assert not reminders.toast.isVisible()
    clock[0] += timedelta(hours=1, minutes=46)  # a minute past its moment
    qtbot.waitUntil(lambda: reminders.shown == ["Reminder: Call Meyer — Kitchen for Meyer"], timeout=3000)
    assert reminders.toast.isVisible()
    assert reminders.toast.open_button.isVisible()
    opened: list[int] = []
    reminders.toast.open_deal_requested.connect(opened.append)
    qtbot.mouseClick(reminders.toast.open_button, Qt.MouseButton.LeftButton)
    assert opened == [deal]
    reminders.stop()


def test_missed_reminders_come_together_once_at_start(qtbot, services: Services) -> None:
    due = datetime.now().astimezone() + timedelta(hours=2)
    for title in ("Call Meyer", "Send quote"):
        services.tasks.create(title, due=due, remind_minutes=0)
    window = QWidget()
    qtbot.addWidget(window)
    late = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=5)  # Dealdesk was closed meanwhile
    reminders = ReminderClock(services, window, clock=lambda: late, interval_ms=60_000, use_tray=False)
    qtbot.waitUntil(lambda: bool(reminders.shown), timeout=3000)
    assert reminders.shown == [
        "Missed reminders: 2 reminders came while Dealdesk was closed: Call Meyer, Send quote"
    ]
    again = ReminderClock(services, window, clock=lambda: late, interval_ms=60_000, use_tray=False)
    assert again.check() == []  # once
    reminders.stop()
    again.stop()


def test_the_bell_counts_shows_opens_and_clears(qtbot, window, demo_services: Services, monkeypatch) -> None:
    bell = window.bell
    me = demo_services.actor
    assert me is not None
    demo_services.notifications.mark_all_read()
    qtbot.waitUntil(lambda: bell.text() == "", timeout=3000)
    seller = demo_services.users.create(login="ben", name="Ben Berg", is_admin=True)
    colleague = demo_services.as_user(seller.login)
    deal = colleague.deals.create(title="Handed over", stage_id=1, responsible_id=me.id)
    colleague.tasks.create("Call the new customer", responsible_id=me.id, deal_id=deal.id)
    qtbot.waitUntil(lambda: bell.text() == "2", timeout=5000)
    qtbot.mouseClick(bell, Qt.MouseButton.LeftButton)
    popup = bell.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.texts()[:2] == [
        f"{seller.name} gave you a task: “Call the new customer”",
        f"{seller.name} assigned you the deal “Handed over”",
    ]
    opened: list[int] = []
    monkeypatch.setattr(window, "_on_open_deal", opened.append)
    bell.open_deal_requested.disconnect()
    bell.open_deal_requested.connect(opened.append)
    item = popup.list.item(1)
    rect = popup.list.visualItemRect(item)
    qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [deal.id]
    qtbot.waitUntil(lambda: bell.text() == "1", timeout=3000)  # that one was read
    qtbot.mouseClick(bell, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.mark_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bell.text() == "", timeout=3000)
    assert demo_services.notifications.unread_count() == 0
