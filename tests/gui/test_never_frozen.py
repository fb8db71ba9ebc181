"""The views read off the GUI thread: the call returns at once, what was there stays until the new
data arrives, the latest request wins over an older one that finishes later; a list's first rows
are shown before its count. Real worker threads here, held at a gate to see each state."""

from __future__ import annotations

import linecache
import sys
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.deals.queries import PAGE_SIZE
from app.ui.operations import Operation
from app.views.calendar.calendar_view import CalendarView, Mode
from app.views.deal_list.deal_table_model import COL_AMOUNT, DealRowRole, DealTableModel
from app.views.kanban.kanban_view import KanbanView

GATE_S = 10


class Gate:
    """Wraps a service method: the calls `hold` picks (all by default) wait until it is opened."""

    def __init__(self, original: Callable[..., Any], hold: Callable[..., bool] | None = None) -> None:
        self.original = original
        self.opened = threading.Event()
        self.finished = threading.Event()
        self.hold = hold or (lambda *_args, **_kwargs: True)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.hold(*args, **kwargs):
            assert self.opened.wait(GATE_S), "the test never opened the gate"
            try:
                return self.original(*args, **kwargs)
            finally:
                self.finished.set()
        return self.original(*args, **kwargs)


def largest_pipeline(services: Services) -> tuple[int, int]:
    """The demo pipeline with the most deals, and how many (more than a page: 60 % of 400)."""
    sizes = {
        p.id: services.deal_queries.count(DealFilter(pipeline_id=p.id)) for p in services.pipelines.list()
    }
    pipeline_id = max(sizes, key=lambda p: sizes[p])
    return pipeline_id, sizes[pipeline_id]


@pytest.fixture
def threads(monkeypatch) -> None:
    monkeypatch.setattr(Operation, "run_synchronously", False)


def test_calendar_month_is_read_off_the_gui_thread_and_the_latest_wins(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    view = CalendarView(demo_services)
    qtbot.addWidget(view)
    view.mode = Mode.MONTH
    view.anchor = date.today().replace(day=15)
    this_month = view.days()
    # Only this month's read is held (the threads may start the two reads in either order).
    gate = Gate(
        demo_services.calendar.read, hold=lambda _filter, _field, first, *_a, **_k: first == this_month[0]
    )
    monkeypatch.setattr(demo_services.calendar, "read", gate)
    view.resize(1100, 800)
    view.show()  # asks for this month: held at the gate, the window answers meanwhile
    assert view.loading
    assert view.month_grid.days == this_month  # its empty days at once
    view.step(1)  # the next month, asked while this one is still being read
    next_month = view.days()
    qtbot.waitUntil(lambda: not view.loading, timeout=5000)  # the second read was not held
    assert view.month_grid.days == next_month
    assert set(view.data.days) <= set(next_month)
    shown = view.data
    gate.opened.set()  # now the first, older read finishes: it must not replace the newer month
    assert gate.finished.wait(GATE_S)
    qtbot.wait(100)
    assert view.data is shown
    assert view.month_grid.days == next_month
    assert sum(day.count for day in shown.days.values()) == demo_services.deal_queries.count(
        DealFilter(close_from=next_month[0], close_to=next_month[-1])
    )


def test_kanban_columns_are_read_off_the_gui_thread(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    gate = Gate(demo_services.kanban.columns)
    monkeypatch.setattr(demo_services.kanban, "columns", gate)
    board = KanbanView(demo_services)
    qtbot.addWidget(board)
    board.resize(1400, 800)
    board.show()  # the stages at once, their counts and cards once read
    assert board.loading
    assert board.columns
    assert all(column.model.rowCount() == 0 for column in board.columns)
    gate.opened.set()
    qtbot.waitUntil(lambda: not board.loading, timeout=5000)
    assert sum(column.model.rowCount() for column in board.columns) > 0
    for column in board.columns:
        expected = demo_services.deal_queries.count(DealFilter(stage_ids=(column.stage.id,)))
        assert column.model.total == expected


def test_a_lists_first_rows_come_before_its_count(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    model = DealTableModel(demo_services)
    pipeline_id, size = largest_pipeline(demo_services)
    assert size > PAGE_SIZE  # the demo's largest pipeline holds more than a page
    gate = Gate(demo_services.deal_queries.total)
    monkeypatch.setattr(demo_services.deal_queries, "total", gate)
    model.request_filter(DealFilter(pipeline_id=pipeline_id))
    # The first screen, while the count is held at the gate.
    qtbot.waitUntil(lambda: model.deal_filter.pipeline_id == pipeline_id, timeout=5000)
    assert model.counting
    assert model.loading
    assert model.rowCount() == PAGE_SIZE
    first = [model.index(row, 0).data(DealRowRole) for row in range(PAGE_SIZE)]
    assert all(deal.pipeline_id == pipeline_id for deal in first)
    assert [deal.id for deal in first] == sorted((deal.id for deal in first), reverse=True)
    gate.opened.set()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert not model.counting
    assert model.rowCount() == size  # the rest added after the first screen
    assert model.index(0, 0).data(DealRowRole).id == first[0].id  # the first rows stayed


def test_a_sort_is_read_off_the_gui_thread(qtbot, threads, demo_services: Services, monkeypatch) -> None:
    model = DealTableModel(demo_services)
    before = [model.index(row, 0).data(DealRowRole).id for row in range(20)]
    gate = Gate(demo_services.deal_queries.cursor)
    monkeypatch.setattr(demo_services.deal_queries, "cursor", gate)
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    assert model.loading
    assert [model.index(row, 0).data(DealRowRole).id for row in range(20)] == before  # as it was
    gate.opened.set()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    amounts = [model.index(row, 0).data(DealRowRole).amount for row in range(50)]
    assert amounts == sorted(amounts, reverse=True)
    assert model.rowCount() == 400


def test_pyside_no_longer_keeps_every_imported_modules_source(tmp_path, monkeypatch) -> None:
    import app.gui  # noqa: F401  # answers PySide6's per-import question without linecache

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        pytest.skip("this PySide6 does not look at imported modules")
    (tmp_path / "dd_uses_qt.py").write_text("import PySide6.QtCore\n")
    (tmp_path / "dd_plain.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__("dd_uses_qt")  # through the import statement's hook, as PySide6 sees imports
        __import__("dd_plain")
        assert feature.pyside_feature_dict["dd_uses_qt"] == 0  # PySide6's own answers, unchanged
        assert feature.pyside_feature_dict["dd_plain"] == -1
        assert not [name for name in linecache.cache if "dd_uses_qt" in name or "dd_plain" in name]
    finally:
        sys.modules.pop("dd_uses_qt", None)
        sys.modules.pop("dd_plain", None)


def test_the_status_bar_says_counting_until_the_count_is_there(
    qtbot, threads, window, demo_services: Services, monkeypatch
) -> None:
    pipeline_id, size = largest_pipeline(demo_services)
    # The window's own services (another connection to the same file) are the ones to hold.
    queries = window.deals.model._queries
    gate = Gate(queries.total)
    monkeypatch.setattr(queries, "total", gate)
    label = window.findChild(QLabel, "dealCount")
    window.deals.model.request_filter(DealFilter(pipeline_id=pipeline_id))
    qtbot.waitUntil(lambda: window.deals.model.counting, timeout=5000)
    assert label.text() == "Counting deals…"
    gate.opened.set()
    qtbot.waitUntil(lambda: not window.deals.model.loading, timeout=5000)
    qtbot.waitUntil(lambda: label.text().startswith(f"{size} deal"), timeout=5000)


def test_a_searched_or_sorted_first_page_shows_custom_values_and_activity(demo_services: Services) -> None:
    """The first page read with a new filter or order comes with what the page shows besides the
    rows (it came without them: the custom columns stood empty after a search or a sort)."""
    from app.services.fields.custom_fields import EntityType
    from app.views.deal_list.deal_table_model import COL_ACTIVITY, COLUMN_COUNT

    model = DealTableModel(demo_services)
    fields = model.custom_fields
    assert fields

    def with_values() -> tuple[set[int], set[int]]:
        ids = [model.index(row, 0).data(DealRowRole).id for row in range(min(30, model.rowCount()))]
        stored = demo_services.custom_fields.values(EntityType.DEAL, ids, fields)
        wanted = {i for i in ids if any(v not in (None, "", []) for v in stored.get(i, {}).values())}
        shown = {
            ids[row]
            for row in range(len(ids))
            if any(model.index(row, COLUMN_COUNT + c).data() not in (None, "") for c in range(len(fields)))
        }
        return wanted, shown

    def activity_shown() -> int:
        return sum(model.index(row, COL_ACTIVITY).data() not in (None, "") for row in range(30))

    model.request_filter(DealFilter(search="gmbh"))
    wanted, shown = with_values()
    assert wanted
    assert shown == wanted
    assert activity_shown() > 0
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    wanted, shown = with_values()
    assert wanted
    assert shown == wanted
    assert activity_shown() > 0


def test_a_refresh_after_a_change_is_read_off_the_gui_thread(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    model = DealTableModel(demo_services)
    before = model.rowCount()
    created = demo_services.deals.create(title="Arrived while the list was shown")
    gate = Gate(demo_services.deal_queries.total)
    monkeypatch.setattr(demo_services.deal_queries, "total", gate)
    model.refresh()  # returns at once: the count is held at the gate
    assert model.rowCount() == before
    gate.opened.set()
    qtbot.waitUntil(lambda: model.rowCount() == before + 1, timeout=5000)
    assert model.index(0, 0).data(DealRowRole).id == created.id  # newest first


def test_a_sort_keeps_the_count_and_total_without_reading_them_again(
    demo_services: Services, monkeypatch
) -> None:
    """Another order has the same count and total: no scan of every matching deal for them (at ten
    million deals each such scan held a worker thread for seconds, and the next sort waited)."""
    model = DealTableModel(demo_services)
    model.request_filter(DealFilter(search="gmbh"))
    summary = model.summary
    assert summary is not None
    assert summary.count == model.rowCount()
    asked: list[DealFilter] = []
    original = demo_services.deal_queries.summary
    monkeypatch.setattr(demo_services.deal_queries, "summary", lambda f: asked.append(f) or original(f))
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    model.sort(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert asked == []
    assert model.summary is summary
    model.request_filter(DealFilter(search="ag"))  # another list: its own count and total
    assert asked == [DealFilter(search="ag")]


def test_a_far_page_without_anchors_is_read_off_the_gui_thread(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    from app.services.deals import paging as deal_paging
    from app.views.deal_list import deal_table_model

    monkeypatch.setattr(deal_paging, "STEP", 7)  # anchors every 7 rows: row 350 is "far" until found
    monkeypatch.setattr(deal_table_model, "PREPARE_IN_BACKGROUND", False)  # and nobody finds them
    model = DealTableModel(demo_services)
    expected = demo_services.deal_queries.page(DealFilter(), model.deal_sort, 300, 100)
    gate = Gate(demo_services.deal_queries.page, hold=lambda _f, _s, offset, *_a, **_k: offset == 300)
    monkeypatch.setattr(demo_services.deal_queries, "page", gate)
    assert model.index(5, 0).data(DealRowRole) is not None  # near the top: read at once
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as arrived:
        assert model.index(350, 0).data(DealRowRole) is None  # blank for now: the read is held
        gate.opened.set()
    assert arrived.args[0].row() == 300
    assert model.index(350, 0).data(DealRowRole).id == expected[50].id


def test_contacts_are_counted_off_the_gui_thread(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    from app.services.customers.queries import CustomerKind
    from app.views.customers.customer_table_model import CustomerTableModel

    model = CustomerTableModel(demo_services, CustomerKind.CONTACT)
    gate = Gate(demo_services.customer_queries.count)
    monkeypatch.setattr(demo_services.customer_queries, "count", gate)
    model.reload()  # returns at once: the count is held at the gate
    assert model.loading
    assert model.rowCount() == 0
    model.set_search("a")  # a newer reload: the older one's rows never show
    gate.opened.set()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert model.rowCount() == demo_services.customer_queries.count(CustomerKind.CONTACT, "a", None)
    assert model.index(0, 0).data()


def test_a_result_for_a_view_already_gone_is_dropped(
    qtbot, threads, demo_services: Services, monkeypatch
) -> None:
    """A read finishing after its model was deleted (the window closed) is let go, not an error."""
    import shiboken6

    model = DealTableModel(demo_services)
    gate = Gate(demo_services.deal_queries.total)
    monkeypatch.setattr(demo_services.deal_queries, "total", gate)
    model.refresh()
    model.request_filter(DealFilter(search="gmbh"))
    shiboken6.delete(model)  # the C++ object goes; the Python callbacks still hold the wrapper
    gate.opened.set()
    assert gate.finished.wait(GATE_S)
    from app.ui.operations import worker_pool

    qtbot.waitUntil(lambda: worker_pool().activeThreadCount() == 0, timeout=5000)
    qtbot.wait(50)  # the results delivered to the GUI thread: none may raise (pytest-qt reports it)
