"""Demo data: realistic, consistent, reproducible, and only into an empty database."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.demo import DemoCancelled, DemoError, generate_demo
from app.services.container import Services, open_services


def _query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_demo_data_is_spread_over_two_years_and_every_stage(demo_path: Path) -> None:
    counts = dict(
        _query(
            demo_path,
            "SELECT 'deals', count(*) FROM deal UNION ALL SELECT 'stages', "
            "count(DISTINCT stage_id) FROM deal UNION ALL SELECT 'pipelines', "
            "count(DISTINCT pipeline_id) FROM deal",
        )
    )
    assert counts == {"deals": 400, "stages": counts["stages"], "pipelines": 3}
    assert counts["stages"] >= 15  # nearly all of the 19 stages at 400 deals
    oldest, newest = _query(demo_path, "SELECT min(begin_date), max(begin_date) FROM deal")[0]
    assert date.fromisoformat(oldest) <= date.today() - timedelta(days=500)
    assert date.fromisoformat(newest) >= date.today() - timedelta(days=30)
    # Closed deals are closed; open ones are not.
    wrong = _query(
        demo_path,
        "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id "
        "WHERE d.closed != (s.semantic != 'in_progress') OR (d.closed AND d.closed_at IS NULL)",
    )
    assert wrong == [(0,)]


def test_every_person_has_a_sales_plan_near_what_they_win(demo_path: Path) -> None:
    year = date.today().year
    targets = _query(
        demo_path,
        f"SELECT user_id, count(*), min(amount), max(amount) FROM sales_target WHERE year = {year} "
        "GROUP BY user_id",
    )
    users = _query(demo_path, "SELECT count(*) FROM user_account WHERE is_active")[0][0]
    assert len(targets) == users
    assert all(months == 12 and low == high and low >= 50_000 for _, months, low, high in targets)
    assert _query(demo_path, f"SELECT count(*) FROM sales_target WHERE year = {year - 1}")[0][0] == 12 * users


def test_amounts_are_the_gross_sum_of_product_rows(demo_path: Path) -> None:
    rows = _query(
        demo_path,
        "SELECT d.id, d.amount, r.price, r.quantity, r.discount, r.tax_rate FROM deal d "
        "JOIN deal_product_row r ON r.deal_id = d.id ORDER BY d.id",
    )
    assert rows
    by_deal: dict[int, tuple[int, int]] = {}
    for deal_id, amount, price, quantity, discount, tax in rows:
        net = (price * (quantity // 1000) * (10000 - discount) + 5000) // 10000
        gross = (net * (10000 + tax) + 5000) // 10000
        total = by_deal.get(deal_id, (amount, 0))[1] + gross
        by_deal[deal_id] = (amount, total)
    assert all(amount == total for amount, total in by_deal.values())


def test_same_seed_same_data(tmp_path: Path) -> None:
    titles = []
    for name in ("a", "b"):
        services = open_services(str(tmp_path / f"{name}.sqlite"))
        generate_demo(services.database, 50, seed=3)
        services.close()
        titles.append(_query(tmp_path / f"{name}.sqlite", "SELECT title, amount FROM deal ORDER BY id"))
    assert titles[0] == titles[1]


def test_a_german_demo_speaks_german(tmp_path: Path) -> None:
    path = tmp_path / "de.sqlite"
    services = open_services(str(path), language="de")
    generate_demo(services.database, 200, seed=3, language="de")
    services.close()
    products = dict(_query(path, "SELECT name, unit || ' ' || section FROM product"))
    assert products["Beratungsstunde"] == "Std. Dienstleistungen"
    assert products["Batteriespeicher 10 kWh"] == "Stk. Energie"
    assert ("Vertrieb Nord",) in _query(path, "SELECT name FROM department")
    titles = " ".join(t for (t,) in _query(path, "SELECT title FROM deal"))
    assert " für " in titles
    assert " for " not in titles
    assert "Auftrag 0000" in titles
    reasons = {r for (r,) in _query(path, "SELECT loss_reason FROM deal WHERE loss_reason IS NOT NULL")}
    assert reasons <= {
        "Preis zu hoch",
        "Für einen Mitbewerber entschieden",
        "Kein Budget",
        "Keine Rückmeldung",
        "Projekt abgesagt",
        "Lieferzeit zu lang",
    }
    assert reasons
    rows = {n for (n,) in _query(path, "SELECT DISTINCT name FROM deal_product_row")}
    assert rows <= set(products)  # the deals' product rows carry the German names too


def test_demo_refuses_a_database_with_data(demo_services: Services) -> None:
    with pytest.raises(DemoError, match="new, empty database"):
        generate_demo(demo_services.database, 10)


def test_cancelling_leaves_the_database_as_it_was(services: Services, db_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(DemoCancelled):
        generate_demo(services.database, 100_000, cancelled=cancelled)
    assert _query(db_path, "SELECT count(*) FROM deal") == [(0,)]
    assert _query(db_path, "SELECT count(*) FROM company") == [(0,)]
    assert _query(db_path, "PRAGMA journal_mode") == [("delete",)]


def test_progress_is_reported(services: Services) -> None:
    seen: list[str] = []
    generate_demo(services.database, 30, progress=lambda label, done, total: seen.append(label))
    assert "deals" in seen
    assert seen[-1] == "analyze"


def test_a_scratch_file_is_left_with_the_rollback_journal(tmp_path: Path) -> None:
    path = tmp_path / "scratch.sqlite"
    services = open_services(str(path))
    generate_demo(services.database, 40, scratch_file=True)
    services.close()
    assert _query(path, "PRAGMA journal_mode") == [("delete",)]
    assert _query(path, "PRAGMA integrity_check") == [("ok",)]


def test_demo_data_is_searchable_and_consistent(demo_path: Path, demo_services: Services) -> None:
    assert _query(demo_path, "SELECT count(*) FROM deal_search") == [(400,)]
    triggers = _query(
        demo_path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'deal_search%'"
    )
    assert triggers == [(7,)]  # paused for the load, back afterwards
    # Built in one go and merged into one segment; later changes merge as FTS5 does by default.
    assert _query(demo_path, "SELECT count(DISTINCT segid) FROM deal_search_idx") == [(1,)]
    assert _query(demo_path, "SELECT v FROM deal_search_config WHERE k = 'automerge'") == [(4,)]
    assert _query(demo_path, "PRAGMA foreign_key_check") == []  # loaded without checks, consistent anyway
    # The triggers work again: a deal made afterwards is found.
    demo_services.deals.create(title="Zeppelin hangar roof")
    from app.services.deals.queries import DealFilter

    assert demo_services.deal_queries.count(DealFilter(search="zeppel")) == 1


def test_the_demo_plans_about_two_tasks_a_deal_spread_as_an_office_has_them(demo_services) -> None:
    from collections import Counter
    from datetime import UTC, datetime

    from sqlalchemy import text

    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    with demo_services.database.engine.connect() as conn:
        deals = conn.execute(text("select count(*) from deal")).scalar_one()
        kinds = Counter(dict(conn.execute(text("select kind, count(*) from task group by kind")).all()))
        spread = dict(
            conn.execute(
                text(
                    "select case when done then 'done' when due_at < :now then 'overdue' "
                    "else 'planned' end, count(*) from task group by 1"
                ),
                {"now": now},
            ).all()
        )
        idle = conn.execute(
            text(
                "select count(*) from deal d where not closed and not exists "
                "(select 1 from task t where t.deal_id = d.id and not t.done)"
            )
        ).scalar_one()
        open_deals = conn.execute(text("select count(*) from deal where not closed")).scalar_one()
        results = conn.execute(
            text("select count(*) from task where done and result is not null")
        ).scalar_one()
    total = sum(kinds.values())
    assert 1.6 * deals <= total <= 2.5 * deals
    assert set(kinds) == {"todo", "call", "meeting", "email"}
    assert min(kinds.values()) > total // 10
    assert spread["done"] > total // 2
    assert spread["overdue"] > 0
    assert spread["planned"] > 0
    assert 0.1 * open_deals < idle < 0.4 * open_deals  # some open deals have nothing planned
    assert results > spread["done"] // 3  # many done ones say what came of them


def test_big_sorts_run_with_a_small_page_cache_that_is_given_back(services: Services) -> None:
    from app.demo.bulk import SORT_CACHE, BulkLoader

    with services.database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        before = raw.execute("PRAGMA cache_size").fetchone()[0]
        loader = BulkLoader(conn, lambda label, done, total: None)
        inside: list[int] = []

        def failing_build() -> None:
            with loader.sorting():
                inside.append(raw.execute("PRAGMA cache_size").fetchone()[0])
                raise RuntimeError("a failed index build")

        with pytest.raises(RuntimeError):
            failing_build()
        assert inside == [SORT_CACHE]
        assert before != SORT_CACHE
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == before
