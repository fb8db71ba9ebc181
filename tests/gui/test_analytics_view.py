"""The Analytics page: drawn when first shown, live as deals change, a bar opens its deals in the
list, charts and their data export, the sales plan dialog."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from PySide6.QtWidgets import QFileDialog

from app.dialogs.plan_dialog import PlanDialog
from app.services.analytics.service import Period
from app.services.container import Services
from app.views.analytics.analytics_view import AnalyticsView
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def show(qtbot, window: MainWindow) -> AnalyticsView:
    window.sidebar.select(Area.ANALYTICS)
    view = window.analytics
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.data is not None, timeout=5000)
    return view


def test_matplotlib_waits_for_the_page(qtbot, window: MainWindow) -> None:
    assert not window.analytics.cards  # built when first shown
    show(qtbot, window)
    assert "matplotlib" in sys.modules
    assert set(window.analytics.cards) == {
        "funnel",
        "products",
        "products_time",
        "sources",
        "plan",
        "companies",
        "months",
        "forecast",
        "receivables",
    }


def test_a_change_to_a_deal_shows_in_the_charts(qtbot, window: MainWindow, demo_services: Services) -> None:
    view = show(qtbot, window)
    view.period.setCurrentIndex(view.period.findData(Period.THIS_YEAR.value))
    jan_1 = date(date.today().year, 1, 1)
    qtbot.waitUntil(lambda: view.data is not None and view.data.filter.first == jan_1, timeout=5000)
    before = {b.key: b.count for b in view.data.sources}
    pipeline = demo_services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    deal = demo_services.deals.create(title="Big win", amount="5000.00", source="exhibition")
    old = view.data
    demo_services.deals.move_stage(deal.id, won.id, expected_version=deal.version)  # an event
    qtbot.waitUntil(lambda: view.data is not old, timeout=5000)
    after = {b.key: b.count for b in view.data.sources}
    assert after["exhibition"] == before.get("exhibition", 0) + 1


def test_a_bar_opens_exactly_its_deals_in_the_list(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    view = show(qtbot, window)
    card = view.cards["sources"]
    bar, deals = next((artist, d) for artist, d in card.picks if d is not None)
    expected = demo_services.deal_queries.count(deals)

    class Pick:
        artist = bar

    card._on_pick(Pick())
    assert window.deals.isVisible()
    assert window.deals.list_view.isVisible()
    qtbot.waitUntil(lambda: window.deals.model.rowCount() == expected, timeout=5000)
    assert window.deals.model.deal_filter.source == deals.source
    assert window.deals.model.deal_filter.closed_from == view.data.filter.first


def test_charts_and_their_data_export(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    view = show(qtbot, window)
    card = view.cards["months"]
    for suffix in ("png", "svg", "pdf", "xlsx", "csv"):
        target = tmp_path / f"months.{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        card.export_requested(suffix)
        assert target.stat().st_size > 0
    assert (tmp_path / "months.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "months.pdf").read_bytes()[:4] == b"%PDF"
    book = load_workbook(tmp_path / "months.xlsx", read_only=True)
    try:
        rows = list(book.active.iter_rows(values_only=True))
    finally:
        book.close()
    assert rows[0][0] == "Month"
    assert len(rows) - 1 == len(view.data.months)


def test_the_sales_plan_dialog_sets_targets(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    view = show(qtbot, window)
    user = demo_services.users.list()[1]

    def fill(dialog: PlanDialog) -> int:
        row = next(n for n, u in enumerate(dialog.users) if u.id == user.id)
        dialog.year.setValue(date.today().year)
        dialog.table.item(row, 0).setText("12000")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(PlanDialog, "exec", fill)
    view.edit_plan()
    assert demo_services.analytics.targets(date.today().year)[(user.id, 1)] == 12000


def _plan_row(dialog: PlanDialog, user_id: int) -> int:
    return next(n for n, u in enumerate(dialog.users) if u.id == user_id)


def test_the_plan_is_typed_per_quarter_and_saved_all_or_nothing(
    qtbot, demo_services: Services, monkeypatch
) -> None:
    from decimal import Decimal as D  # noqa: N817

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    anna, ben = demo_services.users.list()[1:3]
    demo_services.analytics.set_plan(2031, {anna.id: {1: "10", 2: "20", 3: "30"}})
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    dialog = PlanDialog(demo_services, 2031)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)

    # Per quarter: Q1 shows the sum of its months; a quarter typed is spread over its months.
    dialog.per.setCurrentIndex(1)
    assert dialog.table.columnCount() == 4
    row = _plan_row(dialog, anna.id)
    assert dialog.table.item(row, 0).text() == "60.00"
    dialog.table.item(row, 1).setText("100")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == PlanDialog.DialogCode.Accepted
    targets = demo_services.analytics.targets(2031)
    assert [targets[(anna.id, m)] for m in (1, 2, 3, 4, 5, 6)] == [
        D("10.00"),
        D("20.00"),
        D("30.00"),
        D("33.33"),
        D("33.33"),
        D("33.34"),
    ]

    # A bad cell anywhere: nothing is saved, the dialog stays open and says which.
    again = PlanDialog(demo_services, 2031)
    qtbot.addWidget(again)
    again.show()
    again.table.item(_plan_row(again, anna.id), 0).setText("500")
    again.table.item(_plan_row(again, ben.id), 1).setText("lots")
    qtbot.mouseClick(again.buttons.button(again.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert warnings
    assert "lots" in warnings[-1]
    assert again.isVisible()
    assert demo_services.analytics.targets(2031)[(anna.id, 1)] == D("10.00")

    # Another year with unsaved targets asks first; "Discard" drops them.
    again.table.item(_plan_row(again, ben.id), 1).setText("70")
    asked: list[str] = []

    def discard(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", discard)
    again.year.setValue(2032)
    assert asked
    assert "2031" in asked[0]
    assert again.table.item(_plan_row(again, anna.id), 0).text() == ""  # 2032 has no targets
    assert (ben.id, 2) not in demo_services.analytics.targets(2031)
    assert (anna.id, 1) in demo_services.analytics.targets(2031)  # untouched
