"""Painting the deal list: each cell's look read in one call, drawn as Qt's own delegate draws it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate

from app.views.deal_list.deal_table_model import COL_ACTIVITY, COL_AMOUNT, COL_STAGE, DealTableModel
from app.views.deals_area import DealsViewMode
from app.views.main_window import MainWindow


def _shown(qtbot, window: MainWindow):
    window.deals.set_view(DealsViewMode.LIST)
    view = window.deals.list_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0 and view.model().row_at(0) is not None)
    return view


def test_a_screenful_is_painted_without_asking_the_model_role_by_role(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """Each call from Qt into Python may wait for the interpreter while a query runs on a worker:
    painting asks the model once per cell (`cell_look`), never through `data` role by role."""
    view = _shown(qtbot, window)
    asked: list[int] = []
    looked: list[tuple[int, int]] = []
    original_data = DealTableModel.data
    original_look = DealTableModel.cell_look

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        asked.append(role)
        return original_data(self, index, role)

    def cell_look(self, row: int, column: int):
        looked.append((row, column))
        return original_look(self, row, column)

    monkeypatch.setattr(DealTableModel, "data", data)
    monkeypatch.setattr(DealTableModel, "cell_look", cell_look)
    view.viewport().repaint()
    assert asked == []
    assert len(looked) == len(set(looked)) > 50  # each cell painted once, its look read once


def test_cells_look_as_with_qts_own_delegate(qtbot, window: MainWindow) -> None:
    """Text, right-aligned amounts, coloured and bold activity: pixel for pixel what Qt's delegate
    draws from the model's roles (the stage column, a pill of its own, aside)."""
    view = _shown(qtbot, window)
    columns = [c for c in range(view.model().columnCount()) if c != COL_STAGE]
    assert COL_AMOUNT in columns
    assert COL_ACTIVITY in columns

    def picture() -> QImage:
        view.viewport().repaint()
        image = view.viewport().grab().toImage()
        for column in (COL_STAGE,):  # blank the stage column out of the comparison
            x = view.columnViewportPosition(column)
            for px in range(x, x + view.columnWidth(column)):
                for py in range(image.height()):
                    image.setPixel(px, py, 0)
        return image

    ours = picture()
    qts = QStyledItemDelegate(view)
    ours_delegate = view.itemDelegate()
    view.setItemDelegate(qts)
    try:
        theirs = picture()
    finally:
        view.setItemDelegate(ours_delegate)
    assert ours == theirs
