"""The filter panel, driven by clicks: status, amount, periods, presets saved and applied."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from app.services.container import Services
from app.services.deals.filters import DateRange, DealFilter, Period, Status
from app.views.main_window import MainWindow


def _open_panel(qtbot, window: MainWindow):
    qtbot.mouseClick(window.deals.filter_button, Qt.MouseButton.LeftButton)
    panel = window.deals.filter_panel
    assert panel.isVisible()
    return panel


def test_filter_by_status_and_amount(qtbot, window: MainWindow, demo_services: Services) -> None:
    panel = _open_panel(qtbot, window)
    panel.status.setCurrentIndex(panel.status.findData("won"))
    qtbot.keyClicks(panel.amount_min, "1,000")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    expected = DealFilter(status=Status.WON, amount_min=Decimal("1000"))
    assert window.deals.model.deal_filter == expected
    assert window.deals.model.rowCount() == demo_services.deal_queries.count(expected) > 0
    assert window.deals.filter_button.text() == "Filter (2)"
    assert window.findChild(QLabel, "dealCount").text().startswith(f"{window.deals.model.rowCount()} deals")


def test_a_bad_amount_is_explained_and_changes_nothing(qtbot, window: MainWindow) -> None:
    panel = _open_panel(qtbot, window)
    before = window.deals.model.deal_filter
    qtbot.keyClicks(panel.amount_max, "lots")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert panel.errors.isVisible()
    assert panel.errors.text() == "'lots' is not an amount."
    assert window.deals.model.deal_filter == before


def test_built_in_preset_and_a_saved_one(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    panel = _open_panel(qtbot, window)
    closing = next(
        i for i in range(panel.presets.count()) if panel.presets.item(i).text() == "Closing this month"
    )
    rect = panel.presets.visualItemRect(panel.presets.item(closing))
    qtbot.mouseClick(panel.presets.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = DealFilter(status=Status.OPEN, close_date=DateRange(Period.THIS_MONTH))
    assert window.deals.model.deal_filter == expected
    assert panel.close_period.currentData() == "this_month"

    panel.source.setCurrentIndex(panel.source.findData("website"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Web deals closing", True))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    names = [panel.presets.item(i).text() for i in range(panel.presets.count())]
    assert "Web deals closing" in names
    saved = next(p for p in demo_services.filter_presets.list() if p.name == "Web deals closing")
    assert saved.filter == DealFilter(
        status=Status.OPEN, source="website", close_date=DateRange(Period.THIS_MONTH)
    )

    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert window.deals.model.deal_filter == DealFilter()
    assert window.deals.filter_button.text() == "Filter"


def test_search_and_pipeline_stay_when_the_panel_applies(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    wholesale = demo_services.pipelines.list()[1]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(wholesale.id))
    panel = _open_panel(qtbot, window)
    assert panel.stages.count() == len(wholesale.stages)  # only the chosen pipeline's stages
    panel.stages.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    model_filter = window.deals.model.deal_filter
    assert model_filter.pipeline_id == wholesale.id
    assert model_filter.stage_ids == (wholesale.stages[0].id,)
