"""Paged list queries: light rows with joined names, SQL sorting and filtering, exact totals."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.container import Services
from app.services.deals.queries import SORT_COLUMNS, DealFilter, DealRow, DealSort


def _all(services: Services, deal_filter: DealFilter, sort: DealSort) -> list[DealRow]:
    total = services.deal_queries.count(deal_filter)
    rows: list[DealRow] = []
    for offset in range(0, total, 97):  # pages that don't align with anything
        rows.extend(services.deal_queries.page(deal_filter, sort, offset, 97))
    return rows


def test_pages_join_the_names_in_one_row(demo_services: Services) -> None:
    row = next(r for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 100) if r.company_id)
    assert row.company_title
    assert row.stage_name
    assert row.pipeline_name
    assert row.responsible_name
    assert row.stage_color.startswith("#")


@pytest.mark.parametrize("column", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_every_column_is_total_and_stable_across_pages(
    demo_services: Services, column: str, descending: bool
) -> None:
    rows = _all(demo_services, DealFilter(), DealSort(column, descending))
    assert len(rows) == 400
    assert len({r.id for r in rows}) == 400  # no row twice, none missing between pages
    # Stages sort in their pipelines' order, then their own order; ties by id.
    rank = {s.id: (p.sort, p.id, s.sort, s.id) for p in demo_services.pipelines.list() for s in p.stages}
    key = {
        "stage": lambda r: (rank[r.stage_id], r.id),
        "pipeline": lambda r: (rank[r.stage_id], r.id),
        "id": lambda r: r.id,
        "company": lambda r: r.company_title and (r.company_title, r.company_id, r.id),
        "responsible": lambda r: r.responsible_name and (r.responsible_name, r.responsible_id, r.id),
        "created_at": lambda r: r.created_at,
    }.get(column, lambda r: getattr(r, column) is not None and (getattr(r, column), r.id))
    values = [key(r) for r in rows if key(r)]
    assert values == sorted(values, reverse=descending)
    # Rows without a value come first going up and last going down.
    empty = [bool(key(r)) for r in rows]
    assert empty == sorted(empty, reverse=descending)


def test_filters(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    in_pipeline = _all(demo_services, DealFilter(pipeline_id=pipeline.id), DealSort())
    assert in_pipeline
    assert all(r.pipeline_id == pipeline.id for r in in_pipeline)
    won_rows = _all(demo_services, DealFilter(stage_ids=(won.id,)), DealSort())
    assert won_rows
    assert all(r.stage_id == won.id and r.closed for r in won_rows)
    open_rows = _all(demo_services, DealFilter(closed=False), DealSort())
    assert open_rows
    assert not any(r.closed for r in open_rows)
    big = _all(demo_services, DealFilter(amount_min=Decimal("10000")), DealSort())
    assert all(r.amount >= 10000 for r in big)


def test_search_matches_title_or_company_and_escapes_wildcards(demo_services: Services) -> None:
    company = next(
        r.company_title
        for r in demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 50)
        if r.company_title
    )
    word = company.split()[0]
    found = _all(demo_services, DealFilter(search=word.lower()), DealSort())
    assert found
    assert all(word.lower() in (r.title + " " + (r.company_title or "")).lower() for r in found)
    assert demo_services.deal_queries.count(DealFilter(search="%")) == 0
    assert demo_services.deal_queries.count(DealFilter(search="_")) == 0


def test_summary_converts_to_the_base_currency_exactly(demo_path: Path, demo_services: Services) -> None:
    summary = demo_services.deal_queries.summary(DealFilter())
    with sqlite3.connect(demo_path) as conn:
        rows = conn.execute(
            "SELECT d.currency, SUM(d.amount), c.rate FROM deal d JOIN currency c ON c.code = d.currency "
            "GROUP BY d.currency"
        ).fetchall()
    expected = sum(
        (Decimal(cents).scaleb(-2) * Decimal(rate).scaleb(-6) for _code, cents, rate in rows), Decimal(0)
    ).quantize(Decimal("0.01"))
    assert summary.count == 400
    assert summary.base_currency == "EUR"
    assert summary.total == expected
    assert set(summary.by_currency) == {code for code, _c, _r in rows}


def test_a_pipelines_summary_adds_up_its_deals_per_currency(demo_path: Path, demo_services: Services) -> None:
    with sqlite3.connect(demo_path) as conn:
        pipelines = [p for (p,) in conn.execute("SELECT id FROM pipeline ORDER BY id")]
        for pipeline_id in pipelines:
            rows = conn.execute(
                "SELECT currency, COUNT(*), SUM(amount) FROM deal WHERE pipeline_id = ? GROUP BY currency",
                (pipeline_id,),
            ).fetchall()
            summary = demo_services.deal_queries.summary(DealFilter(pipeline_id=pipeline_id))
            assert summary.count == sum(n for _c, n, _a in rows)
            assert summary.by_currency == {code: Decimal(cents).scaleb(-2) for code, _n, cents in rows}
            # The same deals read the general way (a filter beyond the pipeline) add up the same.
            stages = tuple(
                s for (s,) in conn.execute("SELECT id FROM stage WHERE pipeline_id = ?", (pipeline_id,))
            )
            wider = demo_services.deal_queries.summary(DealFilter(pipeline_id=pipeline_id, stage_ids=stages))
            assert (wider.count, wider.total) == (summary.count, summary.total)
    assert len(pipelines) > 1


def test_rows_by_id_keep_the_given_order(demo_services: Services) -> None:
    assert [r.id for r in demo_services.deal_queries.rows([5, 3, 999_999, 4])] == [5, 3, 4]


def test_an_unknown_sort_column_is_a_programming_error(demo_services: Services) -> None:
    with pytest.raises(ValueError, match="colour"):
        demo_services.deal_queries.page(DealFilter(), DealSort("colour"), 0)


@pytest.mark.parametrize("column", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_chosen_deals_come_back_in_the_lists_order(
    demo_services: Services, column: str, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    sort = DealSort(column, descending)
    listed = [r.id for r in _all(demo_services, DealFilter(), sort)]
    chosen = listed[::7]
    shuffled = sorted(chosen, key=lambda i: (i * 7919) % 401)
    assert demo_services.deal_queries.in_list_order(DealFilter(), sort, shuffled) == chosen
    # Beyond one IN list: chunks merged by their sort keys give the same order.
    monkeypatch.setattr("app.services.deals.paging.IN_LIST_MAX", 5)
    assert demo_services.deal_queries.in_list_order(DealFilter(), sort, shuffled) == chosen


def test_matching_ids_keeps_only_deals_the_filter_shows(demo_services: Services) -> None:
    queries = demo_services.deal_queries
    rows = queries.page(DealFilter(), DealSort(), 0, 400)
    stage = rows[0].stage_id
    in_stage = {r.id for r in rows if r.stage_id == stage}
    others = {r.id for r in rows if r.stage_id != stage}
    chosen = set(list(in_stage)[:3]) | set(list(others)[:3]) | {10**9}  # and one that never existed
    assert queries.matching_ids(DealFilter(stage_ids=(stage,)), chosen) == set(list(in_stage)[:3])
    assert queries.matching_ids(DealFilter(), chosen) == chosen - {10**9}
