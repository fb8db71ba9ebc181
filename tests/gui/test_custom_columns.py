"""Custom fields in the list: a column each, sortable by its header, filterable in the panel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.services.container import Services
from app.services.deals.filters import CustomCondition
from app.services.fields.custom_fields import EntityType
from app.views.deal_list.deal_table_model import COLUMN_COUNT, DealRowRole
from app.views.main_window import MainWindow


def _region(demo_services: Services):
    return next(f for f in demo_services.custom_fields.list(EntityType.DEAL) if f.code == "region")


def test_region_column_shows_choice_labels_and_sorts_by_choice_order(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    region = _region(demo_services)
    view = window.deals.list_view
    model = view.model()
    column = next(
        c
        for c in range(COLUMN_COUNT, model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Region"
    )
    header = view.horizontalHeader()
    view.scrollTo(model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.deal_sort.column == f"uf:{region.id}"
    labels = [model.index(r, column).data() for r in range(model.rowCount())]
    order = {o.label: o.sort for o in region.options}
    ranks = [order.get(label, -1) for label in labels]  # deals without a region first, going up
    assert ranks == sorted(ranks, reverse=model.deal_sort.descending)
    assert set(labels) - {""} <= set(order)


def test_filter_panel_filters_by_region(qtbot, window: MainWindow, demo_services: Services) -> None:
    region = _region(demo_services)
    qtbot.mouseClick(window.deals.filter_button, Qt.MouseButton.LeftButton)
    panel = window.deals.filter_panel
    editor = next(f for f in panel._custom_filters if f.field.id == region.id)
    south = region.options[1]
    editor._choice.setCurrentIndex(editor._choice.findData(south.id))
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    expected = (CustomCondition(region.id, "value_int", "in", (south.id,)),)
    assert window.deals.model.deal_filter.custom == expected
    shown = [
        window.deals.model.index(r, 0).data(DealRowRole).id for r in range(window.deals.model.rowCount())
    ]
    values = demo_services.custom_fields.values(EntityType.DEAL, shown, [region])
    assert shown
    assert all(values[i][region.id] == south.id for i in shown)
    assert window.deals.filter_button.text() == "Filter (1)"
