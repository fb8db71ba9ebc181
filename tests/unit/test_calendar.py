"""The calendar service: days with counts and first entries, any date field, spans, tasks, moves."""
# ruff: noqa: DTZ001 - custom date-and-time values are wall-clock times, without a zone

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, ValidationError
from app.services.deals.calendar import SPAN, month_days, week_days
from app.services.deals.filters import DealFilter, deal_conditions
from app.services.fields.custom_fields import EntityType, FieldType

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def test_a_day_counts_all_its_deals_and_lists_the_largest_first(services: Services) -> None:
    for n in range(6):
        services.deals.create(title=f"Deal {n}", amount=f"{(n + 1) * 100}.00", close_date=date(2026, 11, 12))
    services.deals.create(title="Other day", close_date=date(2026, 11, 13))
    services.deals.create(title="Next month", close_date=date(2026, 12, 1))
    data = services.calendar.read(DealFilter(), "close_date", *NOV, per_day=3)
    assert sorted(data.days) == [date(2026, 11, 12), date(2026, 11, 13)]
    twelfth = data.days[date(2026, 11, 12)]
    assert twelfth.count == 6
    assert [e.title for e in twelfth.entries] == ["Deal 5", "Deal 4", "Deal 3"]
    everything = services.calendar.read(
        DealFilter(), "close_date", date(2026, 11, 12), date(2026, 11, 12), per_day=None
    )
    assert len(everything.days[date(2026, 11, 12)].entries) == 6


def test_a_days_largest_deals_read_from_the_index_equal_the_ranking_of_all(services: Services) -> None:
    """The close date's per-day read (the index, a few rows a day) and the general one (every deal
    of the days ranked) show the same chips in the same order, equal amounts by age."""
    eva = services.users.create(login="eva", name="Eva")
    amounts = ["500.00", "500.00", "500.00", "20.00", "0.00", "0.00", "999.99", "0.01", "500.00"]
    for n, amount in enumerate(amounts):
        for day in (date(2026, 11, 3), date(2026, 11, 17)):
            services.deals.create(
                title=f"Deal {n} {day.day}",
                amount=amount,
                close_date=day,
                responsible_id=eva.id if n % 3 == 0 else None,
            )
    services.deals.create(title="Alone", close_date=date(2026, 11, 30))
    calendar = services.calendar
    for shown in (DealFilter(), DealFilter(responsible_ids=(eva.id,))):
        with services.database.session() as session:
            conditions = deal_conditions(shown, "sqlite", services.calendar._ctx.actor_id)
            for per_day in (1, 3, 4, 8):
                indexed = calendar._days(session, conditions, "close_date", *NOV, per_day, by_index=True)
                ranked = calendar._days(session, conditions, "close_date", *NOV, per_day, by_index=False)
                assert indexed == ranked
                assert all(len(day.entries) == min(per_day, day.count) for day in indexed.values())
    third = calendar.read(DealFilter(), "close_date", *NOV, per_day=4).days[date(2026, 11, 3)]
    assert [e.title for e in third.entries] == ["Deal 6 3", "Deal 0 3", "Deal 1 3", "Deal 2 3"]


def test_the_deals_filter_applies(services: Services) -> None:
    eva = services.users.create(login="eva", name="Eva")
    services.deals.create(title="Mine", close_date=date(2026, 11, 5))
    services.deals.create(title="Eva's", close_date=date(2026, 11, 5), responsible_id=eva.id)
    data = services.calendar.read(DealFilter(responsible_ids=(eva.id,)), "close_date", *NOV)
    assert [e.title for e in data.days[date(2026, 11, 5)].entries] == ["Eva's"]


def test_begin_date_custom_dates_and_times(services: Services) -> None:
    visit = services.custom_fields.create(EntityType.DEAL, "Site visit", FieldType.DATETIME)
    deal = services.deals.create(title="Kitchen", begin_date=date(2026, 11, 2), close_date=date(2026, 11, 20))
    services.custom_fields.set_values(
        EntityType.DEAL, deal.id, deal.version, {visit.id: datetime(2026, 11, 9, 14, 30)}
    )
    assert list(services.calendar.read(DealFilter(), "begin_date", *NOV).days) == [date(2026, 11, 2)]
    placed = services.calendar.read(DealFilter(), f"uf:{visit.id}", *NOV)
    [entry] = placed.days[date(2026, 11, 9)].entries
    assert entry.at == time(14, 30)
    keys = [key for key, _label in services.calendar.date_fields()]
    assert keys == ["close_date", "begin_date", SPAN, f"uf:{visit.id}"]
    with pytest.raises(ValidationError, match="can't be placed"):
        services.calendar.read(DealFilter(), "uf:999", *NOV)


def test_spans_overlapping_the_days(services: Services) -> None:
    services.deals.create(title="Long", begin_date=date(2026, 10, 20), close_date=date(2026, 11, 3))
    services.deals.create(title="Inside", begin_date=date(2026, 11, 10), close_date=date(2026, 11, 12))
    services.deals.create(title="Later", begin_date=date(2026, 12, 2), close_date=date(2026, 12, 5))
    data = services.calendar.read(DealFilter(), SPAN, *NOV)
    assert [(s.title, s.day, s.last_day) for s in data.spans] == [
        ("Long", date(2026, 10, 20), date(2026, 11, 3)),
        ("Inside", date(2026, 11, 10), date(2026, 11, 12)),
    ]
    assert data.span_count == 2


def test_moves_go_through_the_deals_rules(services: Services) -> None:
    deal = services.deals.create(
        title="Move me", begin_date=date(2026, 11, 10), close_date=date(2026, 11, 12)
    )
    version = services.calendar.move(deal.id, deal.version, "close_date", date(2026, 11, 19))
    moved = services.deals.get(deal.id)
    assert (moved.close_date, moved.version) == (date(2026, 11, 19), version)
    assert services.deals.history(deal.id)[-1].field == "close_date"
    with pytest.raises(ValidationError, match="before the begin date"):
        services.calendar.move(deal.id, version, "close_date", date(2026, 11, 1))
    with pytest.raises(ConflictError):
        services.calendar.move(deal.id, deal.version, "close_date", date(2026, 11, 25))  # an old version
    version = services.calendar.move(deal.id, version, SPAN, date(2026, 11, 16))
    shifted = services.deals.get(deal.id)
    assert (shifted.begin_date, shifted.close_date) == (date(2026, 11, 16), date(2026, 11, 25))
    visit = services.custom_fields.create(EntityType.DEAL, "Visit", FieldType.DATETIME)
    version = services.custom_fields.set_values(
        EntityType.DEAL, deal.id, version, {visit.id: datetime(2026, 11, 9, 14, 30)}
    )
    version = services.calendar.move(deal.id, version, f"uf:{visit.id}", date(2026, 11, 11))  # keeps its time
    values = services.custom_fields.values(EntityType.DEAL, [deal.id], [visit])
    assert values[deal.id][visit.id] == datetime(2026, 11, 11, 14, 30)
    services.calendar.move(deal.id, version, f"uf:{visit.id}", date(2026, 11, 11), time(8, 0))
    assert services.custom_fields.values(EntityType.DEAL, [deal.id], [visit])[deal.id][visit.id] == datetime(
        2026, 11, 11, 8, 0
    )


def test_weeks_start_where_the_locale_starts_them() -> None:
    assert month_days(date(2026, 11, 15), 1)[0] == date(2026, 10, 26)  # Monday
    assert month_days(date(2026, 11, 15), 7)[0] == date(2026, 11, 1)  # Sunday: the 1st is a Sunday
    assert len(month_days(date(2026, 11, 15), 1)) == 42
    assert week_days(date(2026, 11, 27), 1)[0] == date(2026, 11, 23)
    assert week_days(date(2026, 11, 27), 7)[0] == date(2026, 11, 22)


def test_stale_deals_are_marked(services: Services) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from app.models import Deal, utcnow

    stage = services.pipelines.list()[0].stages[0]
    services.pipelines.update_stage(stage.id, stage.version, idle_days=2)
    idle = services.deals.create(title="Idle", close_date=date(2026, 11, 20))
    busy = services.deals.create(title="Busy", close_date=date(2026, 11, 20))
    with services.database.engine.begin() as conn:
        conn.execute(
            update(Deal).where(Deal.id == idle.id).values(stage_changed_at=utcnow() - timedelta(days=5))
        )
    entries = services.calendar.read(DealFilter(), "close_date", *NOV).days[date(2026, 11, 20)].entries
    assert {e.title: e.stale for e in entries} == {"Idle": True, "Busy": False}
    assert busy.id in {e.deal_id for e in entries}
