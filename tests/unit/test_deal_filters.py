"""Deal filters: periods, statuses, "mine", JSON for presets; presets saved, shared and deleted."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.container import Services
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.deals.filters import DateRange, DealFilter, Period, Status, period_range
from app.services.deals.queries import DealSort


@pytest.mark.parametrize(
    ("period", "today", "expected"),
    [
        (Period.THIS_MONTH, date(2026, 11, 27), (date(2026, 11, 1), date(2026, 11, 30))),
        (Period.LAST_MONTH, date(2026, 1, 15), (date(2025, 12, 1), date(2025, 12, 31))),
        (Period.NEXT_MONTH, date(2026, 12, 5), (date(2027, 1, 1), date(2027, 1, 31))),
        (Period.THIS_QUARTER, date(2026, 11, 27), (date(2026, 10, 1), date(2026, 12, 31))),
        (Period.LAST_QUARTER, date(2026, 2, 1), (date(2025, 10, 1), date(2025, 12, 31))),
        (Period.THIS_WEEK, date(2026, 11, 27), (date(2026, 11, 23), date(2026, 11, 29))),  # Monday to Sunday
        (Period.LAST_YEAR, date(2026, 3, 3), (date(2025, 1, 1), date(2025, 12, 31))),
        (Period.THIS_MONTH, date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),  # leap year
    ],
)
def test_periods(period: Period, today: date, expected: tuple[date, date]) -> None:
    assert period_range(period, today) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(list(Period)[:-1]))
def test_every_period_is_a_range_that_makes_sense(today: date, period: Period) -> None:
    first, last = period_range(period, today)
    assert first <= last
    if period in (Period.TODAY, Period.THIS_WEEK, Period.THIS_MONTH, Period.THIS_QUARTER, Period.THIS_YEAR):
        assert first <= today <= last


def test_json_round_trip_keeps_every_field() -> None:
    original = DealFilter(
        stage_ids=(3, 4),
        responsible_ids=(7,),
        mine=True,
        status=Status.WON,
        source="website",
        amount_min=Decimal("100.50"),
        amount_max=Decimal("2000"),
        close_date=DateRange(Period.THIS_QUARTER),
        created=DateRange(Period.CUSTOM, date(2026, 1, 1), None),
    )
    assert DealFilter.from_json(original.to_json()) == original
    assert DealFilter.from_json('{"status": "open", "colour": "red"}') == DealFilter(status=Status.OPEN)


def _ids(services: Services, deal_filter: DealFilter) -> set[int]:
    return {r.id for r in services.deal_queries.page(deal_filter, DealSort(), 0, 1000)}


def test_status_mine_and_periods_filter_the_right_deals(demo_services: Services) -> None:
    everything = demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 1000)
    won_stages = {s.id for p in demo_services.pipelines.list() for s in p.stages if s.semantic.value == "won"}
    assert _ids(demo_services, DealFilter(status=Status.WON)) == {
        r.id for r in everything if r.stage_id in won_stages
    }
    assert _ids(demo_services, DealFilter(status=Status.OPEN)) == {r.id for r in everything if not r.closed}
    lost = _ids(demo_services, DealFilter(status=Status.LOST))
    assert lost
    assert lost == {r.id for r in everything if r.closed and r.stage_id not in won_stages}
    actor = demo_services.actor.id
    assert _ids(demo_services, DealFilter(mine=True)) == {
        r.id for r in everything if r.responsible_id == actor
    }
    today = date.today()
    first, last = period_range(Period.THIS_MONTH, today)
    closing = _ids(demo_services, DealFilter(close_date=DateRange(Period.THIS_MONTH)))
    assert closing == {r.id for r in everything if r.close_date and first <= r.close_date <= last}
    recent = _ids(
        demo_services, DealFilter(created=DateRange(Period.CUSTOM, today - timedelta(days=30), None))
    )
    assert recent == {r.id for r in everything if r.created_at.date() >= today - timedelta(days=30)}


def test_built_in_presets_come_first(services: Services) -> None:
    names = [str(p.name) for p in services.filter_presets.list()]
    assert names[:4] == ["My deals", "Open deals", "Closing this month", "Won this year"]


def test_saving_replacing_and_deleting_presets(services: Services) -> None:
    presets = services.filter_presets
    saved = presets.save("Big ones", DealFilter(amount_min=Decimal("10000"), search="ignored", pipeline_id=1))
    assert saved.filter == DealFilter(amount_min=Decimal("10000"))  # search and pipeline are not kept
    again = presets.save("Big ones", DealFilter(amount_min=Decimal("50000")))
    assert again.id == saved.id
    mine = [p for p in presets.list() if p.name == "Big ones"]
    assert len(mine) == 1
    assert mine[0].filter.amount_min == Decimal("50000")
    assert mine[0].mine
    with pytest.raises(ValidationError, match="Choose something to filter by"):
        presets.save("Nothing", DealFilter(search="only a search"))
    with pytest.raises(ValidationError, match="Name is required"):
        presets.save("  ", DealFilter(status=Status.OPEN))
    presets.delete(saved.id)
    assert all(p.name != "Big ones" for p in presets.list())


def test_sharing_is_for_administrators(services: Services) -> None:
    services.users.create(login="bob", name="Bob")
    bob = services.as_user("bob")
    with pytest.raises(PermissionDeniedError, match="needs the right to manage settings"):
        bob.filter_presets.save("Team", DealFilter(status=Status.OPEN), shared=True)
    shared = services.filter_presets.save("Team", DealFilter(status=Status.OPEN), shared=True)
    assert any(p.id == shared.id and p.shared for p in bob.filter_presets.list())  # everybody sees it
    private = bob.filter_presets.save("Bob's", DealFilter(status=Status.LOST))
    assert all(p.id != private.id for p in services.filter_presets.list())  # nobody else sees it
    with pytest.raises(PermissionDeniedError):
        bob.filter_presets.delete(shared.id)
    with pytest.raises(PermissionDeniedError):
        services.filter_presets.delete(private.id)
