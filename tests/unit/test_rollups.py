"""The analytics running totals, kept by triggers, equal totals made anew from the deals after every
kind of write the app does: forms, stage moves, bulk edits and their undo, pipeline moves, tunnels,
product rows, contact links, merges, deletes of deals, companies and products, imports."""
# ruff: noqa: DTZ001 - timestamps are stored as naive UTC, as the services write them

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D  # noqa: N817
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text, update

from app.models import Deal
from app.services.analytics.facts import Facts, Span, by_months, by_years
from app.services.analytics.service import AnalyticsFilter
from app.services.container import Services
from app.services.customers.queries import CustomerKind
from app.services.deals.bulk import DealSelection
from app.services.deals.filters import DealFilter, Status
from app.services.deals.pricing import DiscountType, ProductLine
from app.services.deals.queries import DealSort
from app.services.importing.deals import ImportOptions
from app.storage import rollups

CONTACT, COMPANY = CustomerKind.CONTACT, CustomerKind.COMPANY


def assert_totals_exact(services: Services) -> None:
    """The totals as the triggers left them equal the totals made anew, and each deal's visited
    stages as the trigger kept them equal those an upgrade works out from the visits."""
    with services.database.engine.connect() as conn, conn.begin() as tx:
        assert rollups.differences(conn) == {}
        kept = _visited(conn)
        rollups.fill_visited(conn)
        assert _visited(conn) == kept
        tx.rollback()


def _visited(conn: Any) -> dict[int, set[str]]:
    rows = conn.execute(text("SELECT id, visited_stages FROM deal"))
    return {ident: set(filter(None, stages.split(","))) for ident, stages in rows}


def _stage(services: Services, pipeline_index: int, semantic: str, nth: int = 0):
    pipeline = services.pipelines.list()[pipeline_index]
    return [s for s in pipeline.stages if s.semantic.value == semantic][nth]


def test_totals_follow_every_kind_of_write(demo_services: Services, tmp_path: Path) -> None:
    s = demo_services
    assert_totals_exact(s)
    before = _totals_now(s)
    assert all(before[table] for table in ("deal_rollup", "product_rollup", "customer_rollup"))
    won, lost = _stage(s, 0, "won"), _stage(s, 0, "lost")
    second = _stage(s, 0, "in_progress", 1)
    company = s.companies.create(title="Rollup GmbH")
    anna = s.contacts.create(first_name="Anna", last_name="Roll")
    ben = s.contacts.create(first_name="Ben", last_name="Roll")
    desk = s.products.create(name="Rollup desk", price="100.00")

    # A deal from the form, with products and contacts; then moved through stages to won.
    saved = s.deal_form.save(
        None,
        None,
        values={"title": "Rolled", "company_id": company.id, "source": "call", "contact_ids": [anna.id]},
        products=[
            ProductLine("Desk", D("100.00"), D(3), tax_rate=D(19), product_id=desk.id),
            ProductLine("Typed", D("10.00"), D(2), discount=D(10), discount_type=DiscountType.PERCENT),
        ],
        amount_from_products=True,
    ).deal
    deal = s.deals.move_stage(saved.id, second.id, expected_version=saved.version)
    deal = s.deals.move_stage(deal.id, won.id, expected_version=deal.version)
    assert_totals_exact(s)
    after_won = _totals_now(s)
    assert any(row[2] == desk.id for row in after_won["product_rollup"])  # the won deal's desk row
    assert any(row[0] == "contact" and row[2] == anna.id for row in after_won["customer_rollup"])

    # Edit the won deal: products, contacts, amount-driving rows, responsible, currency, company.
    form = s.deal_form.load(deal.id)
    s.deal_form.save(
        deal.id,
        form.deal.version,
        values={"source": "email", "currency": "USD", "contact_ids": [anna.id, ben.id]},
        products=[ProductLine("Desk", D("90.00"), D(1), product_id=desk.id)],
        amount_from_products=True,
    )
    assert_totals_exact(s)

    # Bulk: responsible, stage (to lost and back), undo; move to another pipeline.
    first = s.pipelines.list()[0].id
    in_first = DealFilter(status=Status.OPEN, pipeline_id=first)
    open_ids = tuple(r.id for r in s.deal_queries.page(in_first, DealSort(), 0, 40))
    user = s.users.create(login="roll", name="Roll Up")
    s.deal_bulk.update(DealSelection(ids=open_ids[:20]), "responsible_id", user.id)
    moved = s.deal_bulk.update(DealSelection(ids=open_ids[:30]), "stage_id", won.id)
    assert_totals_exact(s)
    s.deal_bulk.undo(moved.operation_id)
    s.deal_bulk.update(DealSelection(ids=open_ids[30:35]), "stage_id", lost.id)
    other = s.pipelines.list()[1]
    s.deal_bulk.move_to_pipeline(DealSelection(ids=open_ids[35:40]), other.stages[0].id)
    assert_totals_exact(s)

    # Times changed behind the services' back (bulk SQL), contacts merged, a company deleted,
    # a catalog product deleted, deals deleted one by one and in bulk.
    with s.database.engine.begin() as conn:
        conn.execute(update(Deal).where(Deal.id == deal.id).values(closed_at=datetime(2025, 3, 4, 10, 0)))
        # A closed deal without a closing day (bad data from elsewhere) is left out, not refused.
        odd = conn.execute(text("SELECT id FROM deal WHERE closed = 1 AND id <> :d LIMIT 1"), {"d": deal.id})
        conn.execute(update(Deal).where(Deal.id == odd.scalar()).values(closed_at=None))
    anna_now, ben_now = s.contacts.get(anna.id), s.contacts.get(ben.id)
    s.duplicates.merge(CONTACT, (anna.id, anna_now.version), (ben.id, ben_now.version), [])
    s.customer_queries.delete(COMPANY, [company.id])
    desk_now = s.products.get(desk.id)
    s.products.delete(desk.id, desk_now.version)
    assert_totals_exact(s)
    gone = s.deals.get(deal.id)
    s.deals.delete(gone.id, gone.version)
    closed = tuple(r.id for r in s.deal_queries.page(DealFilter(status=Status.WON), DealSort(), 0, 15))
    s.deal_bulk.delete(DealSelection(ids=closed))
    assert_totals_exact(s)

    # An import of closed deals with a company.
    csv = tmp_path / "deals.csv"
    csv.write_text(f"Title,Stage,Amount,Company\nImported,{won.name},1200.50,Importer AG\n", encoding="utf-8")
    table = s.deal_import.open(csv)
    result = s.deal_import.run(
        table, ImportOptions(mapping={0: "title", 1: "stage", 2: "amount", 3: "company"})
    )
    assert len(result.deals) == 1
    assert_totals_exact(s)


def _totals_now(services: Services) -> dict[str, set[tuple[Any, ...]]]:
    with services.database.engine.connect() as conn:
        return {
            table: {tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))}
            for table in ("deal_rollup", "product_rollup", "customer_rollup")
        }


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2000, 1, 1), date(2100, 12, 31)),  # whole years
        (date(2025, 12, 15), date(2026, 11, 20)),  # odd days at both ends
        (date(2026, 3, 1), date(2026, 5, 31)),  # whole months, no whole year
        (date(2026, 2, 3), date(2026, 2, 25)),  # inside one month
    ],
)
def test_figures_from_the_totals_equal_figures_from_the_deals(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, first: date, last: date
) -> None:
    s = demo_services
    today = date(2026, 11, 27)
    pipeline = s.pipelines.list()[0].id
    # Deals that went further than where they are now (the funnel counts the furthest stage).
    third, lost = _stage(s, 0, "in_progress", 2), _stage(s, 0, "lost")
    for n in range(3):
        deal = s.deals.create(title=f"Went far {n}", pipeline_id=pipeline)
        deal = s.deals.move_stage(deal.id, third.id, expected_version=deal.version)
        s.deals.move_stage(deal.id, lost.id, expected_version=deal.version)
    person = s.users.list()[1].id
    filters = [
        AnalyticsFilter(first, last),
        AnalyticsFilter(first, last, pipeline_id=pipeline),
        AnalyticsFilter(first, last, responsible_ids=(person,)),
    ]
    rolled = [s.analytics.dashboard(f, today=today) for f in filters]
    monkeypatch.setattr(Facts, "use_totals", False)
    from_deals = [s.analytics.dashboard(f, today=today) for f in filters]
    assert rolled == from_deals
    assert sum(m.won for m in rolled[0].months) > 0


def test_periods_are_cut_into_whole_months_and_years_with_the_fewest_odd_days() -> None:
    assert by_months(date(2026, 1, 1), date(2026, 12, 31)) == Span(("2026-01", "2026-12"), ())
    assert by_months(date(2026, 2, 3), date(2026, 4, 10)) == Span(
        ("2026-03", "2026-03"), ((date(2026, 2, 3), date(2026, 2, 28)), (date(2026, 4, 1), date(2026, 4, 10)))
    )
    assert by_months(date(2026, 2, 3), date(2026, 2, 25)) == Span(
        None, ((date(2026, 2, 3), date(2026, 2, 25)),)
    )
    assert by_years(date(2025, 1, 1), date(2026, 12, 31)) == Span((2025, 2026), ())
    # The last twelve months: this year, plus last December, less this December.
    assert by_years(date(2025, 12, 1), date(2026, 11, 30)) == Span(
        (2026, 2026), ((date(2025, 12, 1), date(2025, 12, 31)),), ((date(2026, 12, 1), date(2026, 12, 31)),)
    )
    # A quarter: its own days are fewer than the rest of its year.
    assert by_years(date(2026, 4, 1), date(2026, 6, 30)) == Span(
        None, ((date(2026, 4, 1), date(2026, 6, 30)),)
    )


def test_the_upgrade_to_running_totals_fills_them_and_goes_back(demo_path: Path) -> None:
    """Schema 0011 made on a file of 0010: the totals and each deal's visited stages are worked out
    from the deals and their visits; going back to 0010 removes them again."""
    from alembic import command
    from alembic.config import Config

    from app.storage import open_database
    from app.storage.database import WRITE_OPTION
    from app.storage.migrate import MIGRATIONS_DIR, upgrade

    database = open_database(str(demo_path), create=False)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        conn.commit()
        names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
        assert not any("rollup" in name for name in names)
        assert "visited_stages" not in {row[1] for row in conn.execute(text("PRAGMA table_info(deal)"))}
    upgrade(database)
    with database.engine.connect() as conn, conn.begin():
        assert conn.execute(text("SELECT COUNT(*) FROM deal_rollup")).scalar()
        assert rollups.differences(conn) == {}
        assert "" not in set(conn.execute(text("SELECT visited_stages FROM deal")).scalars())
    database.dispose()


def test_totals_grouped_by_sorting_equal_those_added_row_by_row(demo_services: Services) -> None:
    """The demo's load groups the totals by sorting (faster there); what it makes is the same."""
    with demo_services.database.engine.connect() as conn, conn.begin() as tx:
        rollups.rebuild(conn, grouped=True)
        assert rollups.differences(conn) == {}
        tx.rollback()
