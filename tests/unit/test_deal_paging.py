"""Pages by anchors give exactly what counting from the start gives, for every sort and position."""

from __future__ import annotations

import random
import threading

import pytest

from app.services.container import Services
from app.services.deals import paging as deal_paging
from app.services.deals.queries import SORT_COLUMNS, DealFilter, DealSort


def _pages(
    services: Services, deal_filter: DealFilter, sort: DealSort, offsets: list[int], prepare: bool
) -> list:
    cursor = services.deal_queries.cursor(deal_filter, sort)
    if prepare:
        services.deal_queries.prepare(cursor)
    return [[r.id for r in services.deal_queries.page(deal_filter, sort, o, 13, cursor)] for o in offsets]


@pytest.mark.parametrize("column", [*sorted(SORT_COLUMNS), "uf:region", "uf:contract_end"])
@pytest.mark.parametrize("descending", [False, True])
def test_anchored_pages_equal_counted_pages(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, column: str, descending: bool
) -> None:
    custom = column.startswith("uf:")
    if custom:  # the demo's custom fields: a list and a date
        field = next(f for f in demo_services.custom_fields.list() if f.code == column[3:])
        column = f"uf:{field.id}"
    sort = DealSort(column, descending)
    # A filter too (the values joined to the deals), for some of them.
    filtered = column == "amount" or (custom and descending)
    deal_filter = DealFilter(closed=False) if filtered else DealFilter()
    total = demo_services.deal_queries.count(deal_filter)
    offsets = [*sorted(random.Random(column).sample(range(total), 25)), 0, total - 1, total - 13]
    monkeypatch.setattr(deal_paging, "STEP", 10**9)  # one anchor per segment: plain counting
    expected = _pages(demo_services, deal_filter, sort, offsets, prepare=False)
    monkeypatch.setattr(deal_paging, "STEP", 7)
    monkeypatch.setattr(deal_paging, "MAX_HOPS_ON_READ", 2)
    assert _pages(demo_services, deal_filter, sort, offsets, prepare=False) == expected  # hops and fallbacks
    assert _pages(demo_services, deal_filter, sort, offsets, prepare=True) == expected  # all anchors known


def test_preparing_in_another_thread_while_reading(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deal_paging, "STEP", 3)
    sort = DealSort("close_date", True)
    queries = demo_services.deal_queries
    reference = [r.id for r in queries.page(DealFilter(), sort, 0, 400)]
    cursor = queries.cursor(DealFilter(), sort)
    worker = threading.Thread(target=queries.prepare, args=(cursor,))
    worker.start()
    read = [
        r.id for offset in range(0, 400, 17) for r in queries.page(DealFilter(), sort, offset, 17, cursor)
    ]
    worker.join()
    assert read == reference


def test_an_abandoned_cursor_stops_preparing(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deal_paging, "STEP", 2)
    cursor = demo_services.deal_queries.cursor(DealFilter(), DealSort())
    cursor.abandon()
    demo_services.deal_queries.prepare(cursor)
    assert demo_services.deal_queries.page(DealFilter(), DealSort(), 300, 5, cursor)  # still readable


@pytest.mark.parametrize("column", [*sorted(SORT_COLUMNS), "uf:region", "uf:contract_end"])
@pytest.mark.parametrize("descending", [False, True])
def test_first_rows_before_the_layout_are_the_first_page(
    demo_services: Services, column: str, descending: bool
) -> None:
    """A list's first rows read part by part without counting anything are exactly its first page;
    sorts by what a deal refers to (a part per stage, company, person) say so (None) and are laid
    out instead."""
    if column.startswith("uf:"):
        field = next(f for f in demo_services.custom_fields.list() if f.code == column[3:])
        column = f"uf:{field.id}"
    sort = DealSort(column, descending)
    queries = demo_services.deal_queries
    for deal_filter in (DealFilter(), DealFilter(closed=False), DealFilter(search="gmbh")):
        for limit in (1, 37, 100):
            cursor = queries.cursor(deal_filter, sort)
            head = queries.head(cursor, limit)
            if column in ("stage", "pipeline", "company", "responsible"):
                assert head is None  # a part per stage, company, person: laid out instead
                continue
            assert head is not None
            assert cursor._segments is None  # nothing was counted for them
            expected = queries.page(deal_filter, sort, 0, limit, cursor)
            assert [r.id for r in head] == [r.id for r in expected]
            assert queries.head(cursor, limit) is None  # once laid out, the pages are the way


@pytest.mark.parametrize("text", ["gmbh", "a", "mül", "nothing-like-this"])
def test_a_search_read_from_its_index_equals_the_search_among_the_deals(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A filter that is only a search (for someone who may read every deal) reads the search
    index alone, in its rowid order: the same deals at every position, and the same count, as the
    search as a condition on the deal table."""
    from app.services.deals.paging import PageCursor
    from app.services.deals.search import search_condition

    queries = demo_services.deal_queries
    deal_filter, sort = DealFilter(search=text), DealSort()
    cursor = queries.cursor(deal_filter, sort)
    assert cursor._search is not None
    among_deals = PageCursor([search_condition("sqlite", text)], sort, costly_filter=True)
    total = queries.total(among_deals)
    assert queries.total(cursor) == total == queries.count(deal_filter)
    offsets = [0, *sorted(random.Random(text).sample(range(total), min(total, 20))), max(0, total - 13)]
    monkeypatch.setattr(deal_paging, "STEP", 7)
    monkeypatch.setattr(deal_paging, "MAX_HOPS_ON_READ", 2)

    def pages(of: PageCursor) -> list[list[int]]:
        return [[r.id for r in queries.page(deal_filter, sort, o, 13, of)] for o in offsets]

    expected = pages(among_deals)
    assert pages(queries.cursor(deal_filter, sort)) == expected  # hops from the start
    prepared = queries.cursor(deal_filter, sort)
    queries.prepare(prepared)
    assert pages(prepared) == expected  # every anchor known
    head = queries.head(queries.cursor(deal_filter, sort), 50)
    assert [r.id for r in head or []] == [r.id for r in queries.page(deal_filter, sort, 0, 50, among_deals)]
