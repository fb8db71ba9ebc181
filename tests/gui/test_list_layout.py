"""Columns chosen, moved and resized are remembered per user; refreshes keep the selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from app.gui.application import build_main_window
from app.services.container import Services, open_services
from app.views.deal_list.deal_table_model import COL_CONTACT, COL_SOURCE, DealRowRole


def test_hidden_and_moved_columns_come_back_for_the_same_user_only(
    qtbot, demo_services: Services, settings
) -> None:
    first = build_main_window(demo_services, settings)
    qtbot.addWidget(first)
    first.show()
    view = first.deals.list_view
    header = view.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))  # the header's right-click menu
    menu = view.findChild(QMenu, "columnsMenu")
    contact = next(a for a in menu.actions() if a.text() == "Contact")
    contact.trigger()  # unticked: hidden
    header.moveSection(header.visualIndex(COL_SOURCE), 2)
    assert header.isSectionHidden(COL_CONTACT)
    first.close()

    again = build_main_window(demo_services, settings)
    qtbot.addWidget(again)
    header = again.deals.list_view.horizontalHeader()
    assert header.isSectionHidden(COL_CONTACT)
    assert header.visualIndex(COL_SOURCE) == 2
    assert ("contact", "Contact") not in again.deals.list_view.visible_columns()

    demo_services.users.create(login="dora", name="Dora")
    dora = build_main_window(demo_services.as_user("dora"), settings)
    qtbot.addWidget(dora)
    assert not dora.deals.list_view.horizontalHeader().isSectionHidden(COL_CONTACT)


def test_a_refresh_with_a_new_deal_keeps_the_selection(qtbot, window, demo_path: Path) -> None:
    view = window.deals.list_view
    model = view.model()
    view.selectRow(5)
    view.selectionModel().select(
        model.index(7, 0),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
    )
    chosen = {model.index(r, 0).data(DealRowRole).id for r in (5, 7)}
    other_pc = open_services(str(demo_path))
    other_pc.deals.create(title="Arrived meanwhile")  # newest first: every row moves down by one
    other_pc.close()
    window.deals.refresh()
    assert model.rowCount() == 401
    assert view.chosen.ids == chosen
    # The highlight is painted from the chosen ids once the rows are read again.
    qtbot.waitUntil(lambda: {i.row() for i in view.selectionModel().selectedRows()} == {6, 8})
    selected = {i.data(DealRowRole).id for i in view.selectionModel().selectedRows()}
    assert selected == chosen
