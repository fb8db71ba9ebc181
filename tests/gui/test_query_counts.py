"""What each view sends to the database does not grow with what it shows: no statement per row, card,
day or chart (an "N+1" read costs a round trip each on a server reached over a network).

The same views over a small demo and one four times larger (both smaller than a page, so every deal
shows): the number of statements must be the same (the board's: a few per column)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.demo import generate_demo
from app.services.analytics.service import AnalyticsFilter
from app.services.container import Services, open_services
from app.services.customers.queries import CustomerKind, CustomerSort
from app.services.deals.filters import DealFilter
from app.views.calendar.calendar_view import CalendarView, Mode
from app.views.deal_list import deal_table_model
from app.views.deal_list.deal_table_model import COLUMN_COUNT, DealTableModel
from app.views.invoices.invoices_view import InvoicesView
from app.views.kanban.kanban_view import KanbanView
from app.views.tasks.tasks_view import TasksView


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    made = {}
    for deals in (15, 60):
        path = tmp_path_factory.mktemp("counts") / f"demo-{deals}.sqlite"
        services = open_services(str(path))
        generate_demo(services.database, deals, seed=11)
        services.close()
        made[deals] = path
    return made


def _statements(services: Services, work: Callable[[], Any]) -> int:
    counted = [0]

    def count(*_args: Any) -> None:
        counted[0] += 1

    work()  # once before: what is read once and kept (fields, rights) is not what is compared
    event.listen(services.database.engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)
    return counted[0]


def _views(qtbot, services: Services) -> dict[str, Callable[[], Any]]:
    def list_first_screen() -> None:
        model = DealTableModel(services)
        for row in range(model.rowCount()):
            for column in range(COLUMN_COUNT):
                model.index(row, column).data()

    def board() -> None:
        view = KanbanView(services)
        qtbot.addWidget(view)
        view.set_filter(DealFilter(pipeline_id=services.pipelines.list()[0].id))
        view.resize(1600, 900)
        view.show()
        qtbot.waitUntil(lambda: not view.loading)
        view.close()

    def calendar() -> None:
        view = CalendarView(services)
        qtbot.addWidget(view)
        view.mode = Mode.MONTH
        view.resize(1280, 860)
        view.show()
        qtbot.waitUntil(lambda: not view.loading)
        view.close()

    def tasks() -> None:
        view = TasksView(services)
        qtbot.addWidget(view)
        view.reload()

    def invoices() -> None:
        view = InvoicesView(services)
        qtbot.addWidget(view)
        view.reload()

    everything = AnalyticsFilter(date(2000, 1, 1), date(2100, 12, 31))
    return {
        "deal list": list_first_screen,
        "kanban board": board,
        "calendar month": calendar,
        "tasks": tasks,
        "invoices": invoices,
        "analytics": lambda: services.analytics.dashboard(everything),
        "contacts": lambda: services.customer_queries.page(CustomerKind.CONTACT, CustomerSort(), 0, 100),
        "companies": lambda: services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 100),
    }


def test_no_view_reads_row_by_row(qtbot, demos: dict[int, Path], monkeypatch) -> None:
    monkeypatch.setattr(deal_table_model, "PREPARE_IN_BACKGROUND", False)
    monkeypatch.setattr(deal_table_model, "SUMMARY_IN_BACKGROUND", False)
    counts: dict[int, dict[str, int]] = {}
    for deals, path in demos.items():
        services = open_services(str(path))
        try:
            counts[deals] = {
                name: _statements(services, work) for name, work in _views(qtbot, services).items()
            }
            counts[deals]["columns"] = len(services.pipelines.list()[0].stages)
        finally:
            services.close()
    small, large = counts[15], counts[60]
    # The board reads each column in a transaction of its own, on worker threads at once (a network's
    # round trips overlap): four statements per column shown at most, never one per card.
    columns = {deals: counts[deals].pop("columns") for deals in counts}
    for deals in counts:
        assert counts[deals].pop("kanban board") <= 15 + 4 * columns[deals], counts[deals]
    assert large == small, {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert all(0 < n < 40 for n in large.values()), large
