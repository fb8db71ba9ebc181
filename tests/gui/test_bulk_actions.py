"""Selecting deals in the list and acting on them: stage, undo, delete, export, all matching."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.deals.queries import DealSort
from app.ui.actions import ActionId
from app.views.deal_list.deal_table_model import DealRowRole
from app.views.main_window import MainWindow


def _rows(window: MainWindow, rows) -> list:
    model = window.deals.model
    return [model.index(r, 0).data(DealRowRole) for r in rows]


def test_shift_click_then_move_to_a_stage_and_undo(
    qtbot, window: MainWindow, demo_services: Services, click_row
) -> None:
    sales = demo_services.pipelines.list()[0]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(sales.id))  # so every selected deal can take the stage
    click_row(window, 2)
    click_row(window, 6, Qt.KeyboardModifier.ShiftModifier)
    bar = window.deals.bulk_bar
    assert bar.isVisible()
    assert bar.findChild(QLabel, "selectedCount").text() == "5 deals selected."
    chosen = _rows(window, range(2, 7))
    won = next(s for s in sales.stages if s.semantic.value == "won")
    target = next(a for a in bar.stage_button.menu().actions() if a.text() == won.name)
    target.trigger()
    after = {r.id: r for r in demo_services.deal_queries.rows([d.id for d in chosen])}
    assert all(after[d.id].stage_id == won.id for d in chosen)
    moved = sum(d.stage_id != won.id for d in chosen)
    deals = "deal" if moved == 1 else "deals"
    assert window.statusBar().currentMessage() == f"Moved {moved} {deals} to {won.name}."
    undo = window.actions[ActionId.UNDO]
    assert undo.isEnabled()
    assert undo.text() == f"&Undo change of {moved} {deals}"
    undo.trigger()
    restored = {r.id: r for r in demo_services.deal_queries.rows([d.id for d in chosen])}
    assert {i: r.stage_id for i, r in restored.items()} == {d.id: d.stage_id for d in chosen}
    assert not undo.isEnabled()


def test_moving_deals_of_two_pipelines_to_one_stage_is_refused(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch, click_row
) -> None:
    model = window.deals.model
    pipelines = {model.index(r, 0).data(DealRowRole).pipeline_id: r for r in range(40)}
    assert len(pipelines) > 1
    first, second = sorted(pipelines.values())[:2]
    click_row(window, first)
    click_row(window, second, Qt.KeyboardModifier.ControlModifier)
    before = _rows(window, (first, second))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    sales = demo_services.pipelines.list()[0]
    sales_menu = next(
        a.menu() for a in window.deals.bulk_bar.stage_button.menu().actions() if a.text() == sales.name
    )
    sales_menu.actions()[-1].trigger()
    assert warned
    assert "in another pipeline" in warned[0]
    after = demo_services.deal_queries.rows([d.id for d in before])
    assert [r.version for r in after] == [d.version for d in before]  # nothing changed


def test_delete_asks_naming_the_count(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch, click_row
) -> None:
    click_row(window, 0)
    click_row(window, 3, Qt.KeyboardModifier.ControlModifier)
    chosen = _rows(window, (0, 3))
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(window.deals.bulk_bar.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete 2 deals? This can't be undone."]
    assert demo_services.deal_queries.rows([d.id for d in chosen]) == []
    assert window.deals.model.rowCount() == 398


def test_export_the_selection_to_csv(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, click_row
) -> None:
    click_row(window, 1)
    click_row(window, 4, Qt.KeyboardModifier.ShiftModifier)
    chosen = _rows(window, range(1, 5))
    target = tmp_path / "selected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    export_csv = window.deals.bulk_bar.export_button.menu().findChild(QAction, "export_csv")
    export_csv.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["ID", "Title", "Stage", "Pipeline", "Amount", "Currency"]
    assert [int(r[0]) for r in rows[1:]] == [d.id for d in chosen]
    assert [r[4] for r in rows[1:]] == [format(d.amount, "f") for d in chosen]


def test_select_all_matching_then_set_a_field(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch, click_row
) -> None:
    from app.dialogs.bulk_field_dialog import BulkFieldDialog

    click_row(window, 0)
    bar = window.deals.bulk_bar
    qtbot.mouseClick(bar.select_all, Qt.MouseButton.LeftButton)
    assert bar.findChild(QLabel, "selectedCount").text() == "All 400 matching deals are selected."

    def choose_probability(dialog: BulkFieldDialog) -> int:
        dialog.field.setCurrentIndex(dialog.field.findData("probability"))
        dialog.probability.setValue(35)
        return BulkFieldDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkFieldDialog, "exec", choose_probability)
    qtbot.mouseClick(bar.field_button, Qt.MouseButton.LeftButton)
    assert demo_services.deal_queries.count(DealFilter()) == 400
    values = {
        demo_services.deals.get(r.id).probability
        for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 400)
    }
    assert values == {35}


def test_ctrl_a_selects_everything_matching(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.deals.bulk.covers_everything()
    assert (
        window.deals.bulk_bar.findChild(QLabel, "selectedCount").text()
        == "All 400 matching deals are selected."
    )


def test_cancelling_a_long_bulk_action_changes_nothing(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    from app.ui.operations import Operation
    from app.views.deal_list import bulk_actions

    monkeypatch.setattr(bulk_actions, "PROGRESS_FROM", 10)  # 400 deals count as a long action here
    monkeypatch.setattr("app.services.deals.bulk.CHUNK", 50)
    shown: list[bool] = []
    original_start = Operation.start

    def start_then_cancel(operation: Operation) -> None:
        shown.append(operation._dialog.minimumDuration() < 10_000)  # a progress dialog will show
        cancel = operation._dialog.findChild(QPushButton)
        cancel.click()  # the user presses Cancel as soon as it runs
        original_start(operation)

    monkeypatch.setattr(Operation, "start", start_then_cancel)
    view = window.deals.list_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    before = {r.id: r.version for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 400)}
    user = demo_services.users.create(login="eve", name="Eve")
    window.deals.bulk.set_responsible(user.id)
    assert shown == [True]
    assert window.statusBar().currentMessage() == "Cancelled; nothing was changed."
    after = {r.id: r.version for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 400)}
    assert after == before


def test_a_bulk_move_of_a_deal_another_pc_moved_meanwhile_is_refused(
    qtbot, window: MainWindow, demo_services: Services, demo_path: Path, monkeypatch, click_row
) -> None:
    """Anna (another PC) moves a deal after Ben's list showed it: Ben's bulk move of it says who
    changed it, and neither Anna's move nor the other chosen deal is overwritten."""
    from app.services.container import open_services

    sales = demo_services.pipelines.list()[0]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(sales.id))
    click_row(window, 0)
    click_row(window, 1, Qt.KeyboardModifier.ControlModifier)
    chosen = _rows(window, (0, 1))
    stages = [s for s in sales.stages if s.semantic.value == "in_progress"]
    elsewhere = next(s for s in stages if s.id != chosen[0].stage_id)
    anna = open_services(str(demo_path))
    try:
        anna.deals.move_stage(chosen[0].id, elsewhere.id, expected_version=chosen[0].version)
    finally:
        anna.close()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    target = next(s for s in stages if s.id not in (elsewhere.id, chosen[0].stage_id))
    action = next(a for a in window.deals.bulk_bar.stage_button.menu().actions() if a.text() == target.name)
    action.trigger()
    qtbot.waitUntil(lambda: bool(warned))
    assert f"'{chosen[0].title}' was changed by" in warned[0]
    after = {r.id: r for r in demo_services.deal_queries.rows([d.id for d in chosen])}
    assert after[chosen[0].id].stage_id == elsewhere.id  # Anna's move stands
    assert after[chosen[1].id].version == chosen[1].version  # all or nothing
