"""The deal list's model: Qt's model checks, paging, sorting and filtering through the services."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from app.services.container import Services
from app.services.deals.queries import PAGE_SIZE, DealFilter, DealSort
from app.views.deal_list.deal_table_model import (
    COL_AMOUNT,
    COL_STAGE,
    COL_TITLE,
    COLUMN_COUNT,
    DealIdRole,
    DealRowRole,
    DealTableModel,
    StageColorRole,
)


def test_model_passes_qt_model_checks(qtmodeltester, demo_services: Services) -> None:
    model = DealTableModel(demo_services)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 400
    assert model.columnCount() == COLUMN_COUNT + 2  # the demo has two custom fields shown in the list


def test_answers_for_shown_rows_only_and_caches_pages(demo_services: Services, monkeypatch) -> None:
    model = DealTableModel(demo_services)
    fetched: list[int] = []
    original = demo_services.deal_queries.page

    def counting_page(deal_filter, sort, offset, limit=PAGE_SIZE, cursor=None):
        fetched.append(offset)
        return original(deal_filter, sort, offset, limit, cursor)

    monkeypatch.setattr(demo_services.deal_queries, "page", counting_page)
    for row in range(30):
        model.index(row, COL_TITLE).data()
    model.index(350, COL_TITLE).data()
    model.index(5, COL_TITLE).data()
    assert fetched == [0, 300]


def test_sorting_by_amount_and_stage_colour_role(demo_services: Services) -> None:
    model = DealTableModel(demo_services)
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    first = model.index(0, COL_AMOUNT).data(DealRowRole)
    second = model.index(1, COL_AMOUNT).data(DealRowRole)
    assert first.amount >= second.amount
    assert model.index(0, COL_STAGE).data(StageColorRole).startswith("#")
    assert isinstance(model.index(0, 0).data(DealIdRole), int)


def test_filter_resets_the_count(demo_services: Services) -> None:
    model = DealTableModel(demo_services)
    pipeline = demo_services.pipelines.list()[1]
    model.set_filter(replace(model.deal_filter, pipeline_id=pipeline.id))
    expected = demo_services.deal_queries.count(DealFilter(pipeline_id=pipeline.id))
    assert 0 < model.rowCount() == expected < 400


def test_refresh_keeps_rows_when_the_count_is_unchanged(qtbot, demo_services: Services) -> None:
    model = DealTableModel(demo_services)
    deal = model.index(0, 0).data(DealRowRole)
    demo_services.deals.update(deal.id, deal.version, amount=Decimal("1.23"))
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    assert model.index(0, 0).data(DealRowRole).amount == Decimal("1.23")
    demo_services.deals.create(title="One more")
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert model.rowCount() == 401


def test_invalid_indexes_give_nothing(demo_services: Services) -> None:
    model = DealTableModel(demo_services)
    assert model.data(QModelIndex()) is None
    assert model.index(10_000, 0).data() is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_a_failing_read_is_reported_not_crashed(qtbot, demo_services: Services, monkeypatch) -> None:
    model = DealTableModel(demo_services)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(demo_services.deal_queries, "page", broken)
    with qtbot.waitSignal(model.read_failed) as failed:
        assert model.index(0, COL_TITLE).data() is None
    assert "disk went away" in str(failed.args[0])
    monkeypatch.undo()
    assert model.index(0, COL_TITLE).data()  # the failed page was not cached


def test_filters_requested_while_typing_apply_off_the_gui_thread_latest_wins(
    qtbot, demo_services: Services, monkeypatch
) -> None:
    from app.ui.operations import Operation

    monkeypatch.setattr(Operation, "run_synchronously", False)  # real worker threads here
    model = DealTableModel(demo_services)
    word = next(
        r.company_title
        for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 50)
        if r.company_title
    ).split()[0]
    with qtbot.waitSignal(model.summary_changed, timeout=5000):
        for typed in range(1, len(word) + 1):  # each keystroke asks; only the last one counts
            model.request_filter(DealFilter(search=word[:typed]))
    qtbot.waitUntil(lambda: model.deal_filter.search == word, timeout=5000)
    expected = demo_services.deal_queries.count(DealFilter(search=word))
    assert model.rowCount() == expected
    assert model.summary is not None
    assert model.summary.count == expected
    assert expected > 0


def test_a_list_shown_is_painted_before_its_count_and_anchors_are_read(
    qtbot, demo_services: Services, monkeypatch
) -> None:
    """With real worker threads: after another filter's first rows are shown, its count and total
    and its far pages' anchors wait PAINT_FIRST_MS (no worker runs Python while the first screen is
    painted), then arrive."""
    import time

    from app.ui.operations import Operation
    from app.views.deal_list import deal_table_model

    monkeypatch.setattr(Operation, "run_synchronously", False)
    model = DealTableModel(demo_services)
    qtbot.waitUntil(lambda: model.summary is not None, timeout=5000)
    shown: list[float] = []
    asked: dict[str, float] = {}
    summary, prepare = demo_services.deal_queries.summary, demo_services.deal_queries.prepare
    model.modelReset.connect(lambda: shown.append(time.perf_counter()))

    def summary_later(deal_filter):
        asked.setdefault("summary", time.perf_counter())
        return summary(deal_filter)

    def prepare_later(cursor):
        asked.setdefault("prepare", time.perf_counter())
        return prepare(cursor)

    monkeypatch.setattr(demo_services.deal_queries, "summary", summary_later)
    monkeypatch.setattr(demo_services.deal_queries, "prepare", prepare_later)
    wholesale = demo_services.pipelines.list()[1]
    model.request_filter(DealFilter(pipeline_id=wholesale.id))
    qtbot.waitUntil(lambda: "summary" in asked and "prepare" in asked, timeout=5000)
    qtbot.waitUntil(
        lambda: model.summary is not None and model.summary.count == model.rowCount(), timeout=5000
    )
    assert shown
    wait = deal_table_model.PAINT_FIRST_MS / 1000 * 0.9  # (Qt's timers may fire a little early)
    assert asked["summary"] - shown[0] >= wait
    assert asked["prepare"] - shown[0] >= wait
    assert model.rowCount() == demo_services.deal_queries.count(DealFilter(pipeline_id=wholesale.id))


def test_employee_and_money_columns_show_the_name_and_the_base_currency(services: Services) -> None:
    """The people and the base currency are read when such a column first shows a value (not for
    every new list), and then show a person's name and an amount in the base currency."""
    from app.services.fields.custom_fields import EntityType, FieldType
    from app.ui.formatting import money

    fields = services.custom_fields
    owner = fields.create(EntityType.DEAL, "Account owner", FieldType.EMPLOYEE)
    budget = fields.create(EntityType.DEAL, "Budget", FieldType.MONEY)
    person = services.users.list(active_only=False)[0]
    deal = services.deals.create(title="D")
    fields.set_values(EntityType.DEAL, deal.id, deal.version, {owner.id: person.id, budget.id: "1234.5"})
    model = DealTableModel(services)
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    assert model.index(0, columns["Account owner"]).data() == person.name
    budget_text = model.index(0, columns["Budget"]).data()
    assert "1,234.50" in budget_text
    assert budget_text == money(Decimal("1234.50"), services.currencies.base_code())
