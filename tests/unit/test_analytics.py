"""Analytics on a fixed dataset, every figure against an answer worked out by hand."""
# ruff: noqa: DTZ001 - timestamps are stored as naive UTC, as the services write them

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal as D  # noqa: N817

import pytest
from sqlalchemy import update

from app.models import Deal
from app.services.analytics.service import AnalyticsFilter, Period, period_days
from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.deals.pricing import DiscountType, ProductLine

YEAR = AnalyticsFilter(date(2026, 1, 1), date(2026, 12, 31))
TODAY = date(2026, 7, 1)


def _close(
    services: Services, deal_id: int, stage_id: int, when: datetime, created: datetime | None = None
) -> None:
    deal = services.deals.get(deal_id)
    services.deals.move_stage(deal_id, stage_id, expected_version=deal.version)
    values = {"closed_at": when}
    if created is not None:
        values["created_at"] = created
    with services.database.engine.begin() as conn:
        conn.execute(update(Deal).where(Deal.id == deal_id).values(**values))


@pytest.fixture
def shop(services: Services):
    """Two sellers, two products, deals won and lost in March and May, one in another currency."""
    pipeline = services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    lost = next(s for s in pipeline.stages if s.semantic.value == "lost")
    anna = services.users.create(login="anna", name="Anna")
    ben = services.users.create(login="ben", name="Ben")
    acme = services.companies.create(title="Acme")
    desk = services.products.create(name="Desk", price="100.00")
    chair = services.products.create(name="Chair", price="50.00")

    def deal(title, responsible, source, rows, company=None):
        saved = services.deal_form.save(
            None,
            None,
            values={"title": title, "responsible_id": responsible, "source": source, "company_id": company},
            products=rows,
            amount_from_products=True,
        )
        return saved.deal

    d1 = deal(
        "A",
        anna.id,
        "call",
        [ProductLine("Desk", D("100.00"), D(2), tax_rate=D(19), product_id=desk.id)],
        acme.id,
    )
    d2 = deal(
        "B",
        anna.id,
        "website",
        [
            ProductLine(
                "Chair",
                D("50.00"),
                D(3),
                discount_type=DiscountType.PERCENT,
                discount=D(10),
                product_id=chair.id,
            ),
            ProductLine("Desk", D("119.00"), D(1), tax_rate=D(19), tax_included=True, product_id=desk.id),
        ],
        acme.id,
    )
    d3 = deal("C", ben.id, "call", [ProductLine("Chair", D("50.00"), D(1), product_id=chair.id)])
    d4 = deal("D", ben.id, "call", [ProductLine("Desk", D("100.00"), D(5), product_id=desk.id)], acme.id)
    _close(services, d1.id, won.id, datetime(2026, 3, 10, 12), created=datetime(2026, 3, 1, 12))
    _close(services, d2.id, won.id, datetime(2026, 5, 20, 12), created=datetime(2026, 5, 10, 12))
    _close(services, d3.id, lost.id, datetime(2026, 5, 21, 12))
    _close(services, d4.id, won.id, datetime(2025, 12, 31, 12))  # last year: not counted
    open_deal = services.deals.create(
        title="E", amount="1000.00", close_date=date(2026, 8, 15), responsible_id=ben.id
    )
    return {
        "anna": anna,
        "ben": ben,
        "acme": acme,
        "desk": desk,
        "chair": chair,
        "won": won,
        "open": open_deal,
        "pipeline": pipeline,
    }


def test_revenue_by_product_is_the_rows_net(services: Services, shop) -> None:
    data = services.analytics.dashboard(YEAR, today=TODAY)
    assert [(b.label, b.value) for b in data.products] == [
        ("Desk", D("300.00")),  # 2 × 100.00 in March + 119.00 gross incl. 19 % = 100.00 net in May
        ("Chair", D("135.00")),  # 3 × 50.00 − 10 % (C was lost; D closed last year)
    ]
    # Every month from the first to the last sale, April (no sale) at 0.
    assert data.products_over_time["Desk"] == {
        date(2026, 3, 1): D("200.00"),
        date(2026, 4, 1): D("0.00"),
        date(2026, 5, 1): D("100.00"),
    }
    desk_deals = services.deal_queries.count(data.products[0].deals)
    assert desk_deals == 2  # exactly A and B


def test_sources_with_win_rate(services: Services, shop) -> None:
    data = services.analytics.dashboard(YEAR, today=TODAY)
    by_source = {b.key: (b.value, b.count, b.extra) for b in data.sources}
    assert by_source["call"] == (D("238.00"), 1, 50.0)  # A won (200 + 19 % tax), C lost
    assert by_source["website"] == (D("254.00"), 1, 100.0)  # 135.00 + 119.00
    assert services.deal_queries.count(next(b for b in data.sources if b.key == "call").deals) == 1


def test_plan_against_won_revenue(services: Services, shop) -> None:
    services.analytics.set_targets(shop["anna"].id, 2026, {3: "300.00", 5: "200.00"})
    services.analytics.set_targets(shop["ben"].id, 2026, {5: "1000.00"})
    data = services.analytics.dashboard(YEAR, today=TODAY)
    rows = {r.name: r for r in data.plan}
    assert (rows["Anna"].target, rows["Anna"].actual) == (D("500.00"), D("492.00"))  # 238 + 254
    assert rows["Anna"].fulfilled == pytest.approx(98.4)
    assert rows["Anna"].on_track  # half the year gone, 98 % done
    assert (rows["Ben"].target, rows["Ben"].actual, rows["Ben"].on_track) == (D("1000.00"), D("0.00"), False)
    assert services.analytics.targets(2026)[(shop["anna"].id, 3)] == D("300.00")
    with pytest.raises(ValidationError, match="from 0 upward"):
        services.analytics.set_targets(shop["anna"].id, 2026, {1: "-5"})
    # A department: its people's targets and won revenue added up.
    from sqlalchemy import insert

    from app.models import Department, User

    with services.database.engine.begin() as conn:
        field = conn.execute(insert(Department).values(name="Field")).inserted_primary_key[0]
        conn.execute(
            update(User).where(User.id.in_([shop["anna"].id, shop["ben"].id])).values(department_id=field)
        )
    data = services.analytics.dashboard(YEAR, today=TODAY)
    (total,) = data.plan_departments
    assert (total.name, total.target, total.actual) == ("Field", D("1500.00"), D("492.00"))
    assert total.fulfilled == pytest.approx(32.8)
    assert not total.on_track  # half the year gone, a third done
    assert set(total.people) == {shop["anna"].id, shop["ben"].id}
    one = services.analytics.dashboard(replace(YEAR, responsible_ids=(shop["anna"].id,)), today=TODAY)
    assert one.plan_departments == ()  # a person chosen: no department totals
    # Chosen, a department's total is drawn after its people and opens its won deals.
    from matplotlib.figure import Figure

    from app.reports.charts import Words, draw, table

    words = Words({}, "A", "D", "W", "L", "T", "W", "WA", "-", str, str, str)
    chosen = services.analytics.dashboard(replace(YEAR, department_id=field), today=TODAY)
    picks = draw("plan", Figure(), chosen, words).picks
    assert len(picks) == 3  # Anna, Ben, the department
    assert services.deal_queries.count(picks[-1][1]) == 2  # A and B, won by Anna this year
    _header, rows = table("plan", chosen, words)
    assert rows[-1][:4] == ["", "Field", D("1500.00"), D("492.00")]

    # A whole plan is kept all or not at all: Ben's bad month keeps Anna's new one out too.
    with pytest.raises(ValidationError, match="not an amount"):
        services.analytics.set_plan(2026, {shop["anna"].id: {1: "700.00"}, shop["ben"].id: {2: "x"}})
    assert (shop["anna"].id, 1) not in services.analytics.targets(2026)
    services.analytics.set_plan(2026, {shop["anna"].id: {1: "700.00", 3: None}, shop["ben"].id: {2: "50"}})
    targets = services.analytics.targets(2026)
    assert targets[(shop["anna"].id, 1)] == D("700.00")
    assert (shop["anna"].id, 3) not in targets  # cleared
    assert targets[(shop["ben"].id, 2)] == D("50.00")


def test_customers_months_averages_and_forecast(services: Services, shop) -> None:
    data = services.analytics.dashboard(YEAR, today=TODAY)
    assert [(b.label, b.value, b.count, b.extra) for b in data.companies] == [("Acme", D("492.00"), 2, 100.0)]
    march, may = data.months[2], data.months[4]
    assert (march.won, march.lost, march.won_amount) == (1, 0, D("238.00"))
    assert (may.won, may.lost, may.won_amount, may.lost_amount) == (1, 1, D("254.00"), D("50.00"))
    assert data.average_won == D("246.00")
    assert data.average_days_to_close == pytest.approx(9.5)  # 9 and 10 days
    forecast = {b.key: b.value for b in data.forecast}
    stage_probability = shop["pipeline"].stages[0].probability
    assert forecast[date(2026, 8, 1)] == (D("1000.00") * stage_probability / 100).quantize(D("0.01"))
    assert date(2026, 6, 1) not in forecast  # the months before today's are past
    assert services.deal_queries.count(next(b for b in data.forecast if b.key == date(2026, 8, 1)).deals) == 1


def test_funnel_counts_and_conversion(services: Services, shop) -> None:
    stages = shop["pipeline"].stages
    extra = services.deals.create(title="F")
    services.deals.move_stage(extra.id, stages[2].id, expected_version=extra.version)
    data = services.analytics.dashboard(
        AnalyticsFilter(date(2026, 1, 1), date.today() + timedelta(days=1)), today=TODAY
    )
    steps = {s.name: s for s in data.funnel}
    assert steps[stages[2].name].deals == 1
    assert steps[stages[0].name].conversion is None
    first, second = data.funnel[0], data.funnel[1]
    assert second.conversion == pytest.approx(second.reached / first.reached * 100)
    assert steps["Won"].reached == 3  # A, B and D (made today, closed "last year" by the fixture) are won


def test_the_filter_narrows_to_people_and_periods(services: Services, shop) -> None:
    anna_only = AnalyticsFilter(date(2026, 1, 1), date(2026, 12, 31), responsible_ids=(shop["ben"].id,))
    data = services.analytics.dashboard(anna_only, today=TODAY)
    assert data.products == ()
    assert data.sources[0].extra == 0.0  # Ben lost C
    first, last = period_days(Period.LAST_QUARTER, date(2026, 11, 27))
    assert (first, last) == (date(2026, 7, 1), date(2026, 9, 30))
    assert period_days(Period.LAST_12_MONTHS, date(2026, 11, 27)) == (date(2025, 12, 1), date(2026, 11, 30))
    with pytest.raises(ValidationError):
        period_days(Period.CUSTOM, date(2026, 11, 27), date(2026, 5, 1), date(2026, 4, 1))


def test_every_bar_opens_exactly_its_deals(services: Services, shop) -> None:
    """What a click on a bar shows in the list is what the bar counts, for a department too."""
    from matplotlib.figure import Figure
    from sqlalchemy import insert

    from app.models import Department, User
    from app.reports.charts import CHARTS, Words, draw

    with services.database.engine.begin() as conn:
        department = conn.execute(insert(Department).values(name="Field")).inserted_primary_key[0]
        conn.execute(update(User).where(User.id == shop["anna"].id).values(department_id=department))
    stages = shop["pipeline"].stages
    extra = services.deals.create(title="F", responsible_id=shop["anna"].id)
    services.deals.move_stage(extra.id, stages[2].id, expected_version=extra.version)
    wide = AnalyticsFilter(date(2026, 1, 1), date.today() + timedelta(days=1), department_id=department)
    data = services.analytics.dashboard(wide, today=TODAY)
    words = Words({}, "A", "D", "W", "L", "T", "W", "WA", "-", str, str, str)
    picks = {chart: draw(chart, Figure(), data, words).picks for chart in CHARTS}
    count = services.deal_queries.count

    funnel_counts = [count(deals) for _bar, deals in picks["funnel"]]
    assert funnel_counts == [s.reached for s in data.funnel][::-1]  # drawn bottom-up: who came this far
    assert funnel_counts[-1] == 3  # Anna's A and B (won), F (in stage 3); not Ben's
    assert funnel_counts[-3] == 3  # stage 3 was reached by A, B (won) and F (there now)
    assert funnel_counts[0] == 2  # only the won came all the way
    assert [count(deals) for _bar, deals in picks["sources"]] == [b.count for b in data.sources][::-1]
    assert {b.key for b in data.sources} == {"call", "website"}  # Anna's only
    months = [count(deals) for _bar, deals in picks["months"]]
    assert sum(months) == sum(m.won + m.lost for m in data.months) == 2


def test_the_forecast_looks_six_months_ahead_whatever_the_period(services: Services) -> None:
    stage = services.pipelines.list()[0].stages[1]
    deal = services.deals.create(title="Next spring", amount="1000.00", stage_id=stage.id)
    services.deals.update(deal.id, deal.version, close_date=date(2027, 3, 15))
    december = date(2026, 12, 10)
    data = services.analytics.dashboard(YEAR, today=december)  # "this year", seen in December
    months = [b.key for b in data.forecast]
    assert months == [date(2026, 12, 1), *(date(2027, m, 1) for m in range(1, 6))]
    march = next(b for b in data.forecast if b.key == date(2027, 3, 1))
    assert march.value == (D("1000.00") * stage.probability / 100).quantize(D("0.01"))
    assert services.deal_queries.count(march.deals) == 1


def test_the_first_part_comes_ahead_from_the_same_read(services: Services, shop) -> None:
    parts = []
    data = services.analytics.dashboard(YEAR, today=TODAY, first_part=parts.append)
    [first] = parts
    assert (first.funnel, first.products, first.products_over_time) == (
        data.funnel,
        data.products,
        data.products_over_time,
    )
    assert first.funnel  # not empty: read, not skipped
    assert first.products
    assert first.has("funnel", "products")
    assert not first.has("sources")
    assert first.sources == ()  # not read yet, not zero
    assert not first.has("months", "plan", "forecast")
    assert data.has("sources", "months", "plan", "forecast")
