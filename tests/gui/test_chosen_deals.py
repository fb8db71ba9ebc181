"""The deals chosen in the list stay the deals the user picked: across a sort, a new filter, a
refresh, somebody else's change and scrolling; bulk actions act on exactly them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.container import Services, open_services
from app.services.deals.filters import DealFilter
from app.services.deals.queries import DealSort
from app.views.deal_list.deal_table_model import COL_AMOUNT, COL_TITLE, DealIdRole, DealRowRole
from app.views.main_window import MainWindow


def _ids_at(window: MainWindow, rows) -> set[int]:
    model = window.deals.model
    return {model.index(r, 0).data(DealIdRole) for r in rows}


def _highlighted(window: MainWindow) -> set[int]:
    """The deals whose rows Qt paints as selected (among the rows read so far)."""
    return {i.data(DealIdRole) for i in window.deals.list_view.selectionModel().selectedRows()}


def _read_every_row(window: MainWindow) -> None:
    model = window.deals.model
    for row in range(0, model.rowCount(), 50):
        model.index(row, 0).data(DealIdRole)


def _bar_text(window: MainWindow) -> str:
    return window.deals.bulk_bar.findChild(QLabel, "selectedCount").text()


def _choose_person(window: MainWindow, name: str) -> None:
    menu = window.deals.bulk_bar.responsible_button.menu()
    next(a for a in menu.actions() if a.text() == name).trigger()


def test_a_header_click_keeps_the_chosen_deals_and_the_bulk_action_acts_on_them(
    qtbot, window: MainWindow, demo_services: Services, click_row, click_header
) -> None:
    click_row(window, 2)
    click_row(window, 4, Qt.KeyboardModifier.ShiftModifier)
    click_row(window, 9, Qt.KeyboardModifier.ControlModifier)
    chosen = _ids_at(window, (2, 3, 4, 9))
    assert window.deals.list_view.chosen.ids == chosen

    click_header(window, COL_AMOUNT)  # the rows now hold other deals
    assert window.deals.list_view.chosen.ids == chosen
    # Qt's highlight is painted from the ids as rows are read: never on rows the user did not pick.
    _read_every_row(window)
    qtbot.waitUntil(lambda: _highlighted(window) == chosen)
    assert _bar_text(window) == "4 deals selected."

    person = next(
        u
        for u in demo_services.users.list()
        if u.id not in {r.responsible_id for r in demo_services.deal_queries.rows(sorted(chosen))}
    )
    before = {r.id: r for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 400)}
    _choose_person(window, person.name)
    after = {r.id: r for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 400)}
    changed = {i for i in after if after[i].responsible_id != before[i].responsible_id}
    assert changed == chosen
    assert {after[i].responsible_id for i in chosen} == {person.id}


def test_sorting_back_and_forth_never_moves_the_highlight_onto_other_deals(
    qtbot, window: MainWindow, click_row, click_header
) -> None:
    click_row(window, 0)
    click_row(window, 1, Qt.KeyboardModifier.ShiftModifier)
    chosen = _ids_at(window, (0, 1))
    for column in (COL_AMOUNT, COL_AMOUNT, COL_TITLE):
        click_header(window, column)
        _read_every_row(window)
        qtbot.waitUntil(lambda: _highlighted(window) == chosen)
    current = window.deals.list_view.current_deal_id()
    assert current in chosen  # the keyboard's row follows its deal too


def test_a_plain_click_after_a_sort_replaces_the_whole_choice(
    qtbot, window: MainWindow, click_row, click_header
) -> None:
    click_row(window, 0)
    click_header(window, COL_AMOUNT)  # the chosen deal is now somewhere else, maybe not read yet
    click_row(window, 5)
    assert window.deals.list_view.chosen.ids == _ids_at(window, (5,))
    assert _bar_text(window) == "1 deal selected."


def test_escape_lets_go_of_every_chosen_deal(qtbot, window: MainWindow, click_row, click_header) -> None:
    click_row(window, 0)
    click_row(window, 3, Qt.KeyboardModifier.ShiftModifier)
    click_header(window, COL_AMOUNT)  # some chosen deals are now where no row has been read
    view = window.deals.list_view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.chosen.ids == frozenset()
    assert not view.selectionModel().selectedRows()
    assert window.deals.bulk_bar.isHidden()


def test_all_matching_stays_all_matching_through_a_sort(
    qtbot, window: MainWindow, click_row, click_header
) -> None:
    click_row(window, 0)
    qtbot.mouseClick(window.deals.bulk_bar.select_all, Qt.MouseButton.LeftButton)
    click_header(window, COL_AMOUNT)
    assert window.deals.bulk.covers_everything()
    qtbot.waitUntil(lambda: len(_highlighted(window)) == 400)
    assert _bar_text(window) == "All 400 matching deals are selected."


def test_a_new_filter_keeps_the_chosen_deals_it_still_shows_and_says_what_it_let_go(
    qtbot, window: MainWindow, click_row
) -> None:
    model = window.deals.model
    by_pipeline = {model.index(r, 0).data(DealRowRole).pipeline_id: r for r in range(40)}
    assert len(by_pipeline) > 1
    (pipeline, first), (_other, second) = sorted(by_pipeline.items(), key=lambda item: item[1])[:2]
    click_row(window, first)
    click_row(window, second, Qt.KeyboardModifier.ControlModifier)
    kept = model.index(first, 0).data(DealIdRole)
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(pipeline))  # the other deal is not in this pipeline
    qtbot.waitUntil(lambda: window.deals.list_view.chosen.ids == {kept})
    assert window.statusBar().currentMessage() == (
        "1 selected deal is no longer in the list and was unselected."
    )
    qtbot.waitUntil(lambda: _highlighted(window) == {kept})
    assert _bar_text(window) == "1 deal selected."


def test_somebody_elses_change_lets_go_of_a_deleted_deal_and_keeps_the_others(
    qtbot, window: MainWindow, demo_path: Path, click_row
) -> None:
    click_row(window, 3)
    click_row(window, 6, Qt.KeyboardModifier.ShiftModifier)
    chosen = _ids_at(window, range(3, 7))
    deleted = min(chosen)
    other_pc = open_services(str(demo_path))
    other_pc.deals.create(title="Arrived meanwhile")  # newest first: every row moves down by one
    doomed = other_pc.deals.get(deleted)
    other_pc.deals.delete(doomed.id, doomed.version)
    other_pc.close()
    window.deals.refresh()
    qtbot.waitUntil(lambda: window.deals.list_view.chosen.ids == chosen - {deleted})
    qtbot.waitUntil(lambda: _highlighted(window) == chosen - {deleted})
    assert window.statusBar().currentMessage() == (
        "1 selected deal is no longer in the list and was unselected."
    )
    assert _bar_text(window) == "3 deals selected."


def test_the_selection_is_exported_in_the_list_order_after_a_sort(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, click_row, click_header
) -> None:
    import csv

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    click_row(window, 10)
    click_row(window, 20, Qt.KeyboardModifier.ShiftModifier)
    click_header(window, COL_AMOUNT)
    _read_every_row(window)
    model = window.deals.model
    chosen = window.deals.list_view.chosen.ids
    in_list_order = [
        model.index(r, 0).data(DealIdRole)
        for r in range(model.rowCount())
        if model.index(r, 0).data(DealIdRole) in chosen
    ]
    target = tmp_path / "chosen.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.deals.bulk_bar.export_button.menu().findChild(QAction, "export_csv").trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [int(r[0]) for r in rows[1:]] == in_list_order
