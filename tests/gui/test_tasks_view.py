"""The Tasks area: grouped by when tasks are due, ticked off (a call asks what came of it), a new
task through its dialog."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.dialogs.task_dialog import TaskDialog
from app.services.container import Services
from app.views.tasks.tasks_view import COL_TITLE, TasksView


def _view(qtbot, services: Services) -> TasksView:
    view = TasksView(services)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_tasks_are_grouped_and_ticked_off(qtbot, services: Services, monkeypatch) -> None:
    deal = services.deals.create(title="Kitchen for Meyer", stage_id=1).id
    now = datetime.now().astimezone()
    services.tasks.create("Call Meyer", kind="call", due=now - timedelta(hours=3), deal_id=deal)
    services.tasks.create("Send quote", due=date.today() + timedelta(days=30))
    services.tasks.create("Someday")
    view = _view(qtbot, services)
    assert [t.split(" (")[0] for t in view.group_titles()] == ["Overdue", "Later", "No date"]
    assert [t.title for t in view.tasks_in("overdue")] == ["Call Meyer"]
    call = view.tasks_in("overdue")[0]
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda _p, _t, label, *a, **k: (asked.append(label), ("wants a quote", True))[1],
    )
    from PySide6.QtWidgets import QMessageBox

    offered: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: offered.append(text) or QMessageBox.StandardButton.No,
    )
    view.item_of(call.id).setCheckState(COL_TITLE, Qt.CheckState.Checked)  # the tick
    qtbot.waitUntil(lambda: [t.title for t in view.tasks_in("done")] == ["Call Meyer"])
    qtbot.waitUntil(lambda: len(offered) == 1)  # its deal has nothing else planned: the next step offered
    assert asked == ["What came of “Call Meyer”?"]
    assert services.tasks.get(call.id).result == "wants a quote"
    assert [t.split(" (")[0] for t in view.group_titles()] == ["Later", "No date", "Done"]


def test_a_new_task_from_its_dialog(qtbot, services: Services, monkeypatch) -> None:
    view = _view(qtbot, services)
    assert view.empty.isVisible()

    def fill(dialog: TaskDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
        dialog.title.setText("Visit the site")
        dialog.all_day.setChecked(True)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    [made] = services.tasks.find()
    assert (made.title, made.kind, made.all_day, made.duration_minutes) == (
        "Visit the site",
        "meeting",
        True,
        60,
    )
    assert view.tree.isVisible()
    assert view.group_titles()[0].startswith("Tomorrow") or view.group_titles()[0].startswith("Today")


def test_a_task_without_a_title_is_refused_in_the_dialog(qtbot, services: Services) -> None:
    dialog = TaskDialog(services)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.problem.text() == "A task needs a title (at most 255 characters)."
    assert services.tasks.find() == []


def test_a_deal_shows_its_activities_and_plans_the_next(qtbot, services: Services, monkeypatch) -> None:
    from app.dialogs.deal_form.deal_form_dialog import DealFormDialog

    deal = services.deals.create(title="Kitchen for Meyer", stage_id=1).id
    other = services.deals.create(title="Garden shed", stage_id=1).id
    call = services.tasks.create(
        "Call Meyer", kind="call", due=date.today() + timedelta(days=30), deal_id=deal
    )
    services.tasks.complete(call.id, call.version, "wants a quote")
    services.tasks.create("Not this deal's", deal_id=other)
    form = DealFormDialog(services, deal_id=deal)
    qtbot.addWidget(form)
    form.show()
    tabs = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert "Activities" in tabs
    form.tabs.setCurrentWidget(form.activities)
    qtbot.waitUntil(lambda: form.activities.group_titles() == ["Done (1)"])
    assert form.activities.new_button.text() == "+ Activity"

    def plan(dialog: TaskDialog) -> int:
        dialog.title.setText("Send the quote")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", plan)
    qtbot.mouseClick(form.activities.new_button, Qt.MouseButton.LeftButton)
    planned = services.tasks.find(mine=False, deal_id=deal)
    assert [(t.title, t.deal_id) for t in planned] == [("Send the quote", deal)]
    assert form.activities.group_titles()[-1] == "Done (1)"
    assert len(form.activities.group_titles()) == 2  # the new one planned on top, the call done below


def test_a_cards_counter_changes_when_its_call_is_done(qtbot, window, demo_services: Services) -> None:
    from datetime import UTC

    from app.views.deals_area import DealsViewMode

    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    card = board.columns[0].model.card(0)
    call = demo_services.tasks.create(
        "Call back", kind="call", due=datetime.now(UTC) - timedelta(hours=1), deal_id=card.id
    )

    def shown() -> int:
        column = board.columns[0]
        found = next(
            (
                column.model.card(r)
                for r in range(column.model.rowCount())
                if column.model.card(r).id == card.id
            ),
            None,
        )
        return -1 if found is None else found.overdue_tasks

    qtbot.waitUntil(lambda: shown() == 1, timeout=5000)  # the card shouts: one overdue
    demo_services.tasks.complete(call.id, call.version, "reached them")
    qtbot.waitUntil(lambda: shown() == 0, timeout=5000)


def test_after_a_deals_last_task_is_done_the_next_step_is_offered(
    qtbot, services: Services, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    deal = services.deals.create(title="Kitchen for Meyer", stage_id=1).id
    todo = services.tasks.create("Send quote", deal_id=deal)
    view = _view(qtbot, services)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )

    def plan(dialog: TaskDialog) -> int:
        dialog.title.setText("Call about the quote")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", plan)
    view.item_of(todo.id).setCheckState(COL_TITLE, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Nothing else is planned for “Kitchen for Meyer”. Plan the next step?"]
    qtbot.waitUntil(
        lambda: [t.title for t in services.tasks.find(mine=False, deal_id=deal)] == ["Call about the quote"]
    )


def test_a_task_is_edited_and_deleted_from_its_menu(qtbot, services: Services, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    task = services.tasks.create("Call Meyer", kind="call", due=date.today() + timedelta(days=3))
    view = _view(qtbot, services)

    def edit(dialog: TaskDialog) -> int:
        assert dialog.windowTitle() == "Edit task"
        assert dialog.title.text() == "Call Meyer"
        dialog.title.setText("Call Meyer about the quote")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", edit)
    assert view.edit_task(task.id)
    assert [
        t.title for t in view.tasks_in("later") + view.tasks_in("this_week") + view.tasks_in("tomorrow")
    ] == ["Call Meyer about the quote"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert view.delete_task(task.id)
    assert services.tasks.find(include_done=True) == []
    assert view.empty.isVisible()
