"""Export all, then import the folder into an empty database: the same figures.

A company leaving takes everything with it as CSV it can read anywhere; and the same folder brings
its history into a new Dealdesk: analytics over every year give what they gave before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.services.analytics.service import AnalyticsFilter
from app.services.container import Services, open_services
from app.services.deals.filters import DealFilter
from app.services.deals.paging import DealSort

EVERYTHING = AnalyticsFilter(date(2000, 1, 1), date(2035, 12, 31))


def _figures(services: Services) -> dict[str, object]:
    board = services.analytics.dashboard(EVERYTHING, today=date(2026, 12, 3))
    names = {p.id: p.name for p in services.pipelines.list()}
    return {
        "deals": services.deal_queries.count(DealFilter()),
        "months": [(m.month, m.won, m.lost, m.won_amount, m.lost_amount) for m in board.months],
        "funnel": [(s.name, s.deals, s.amount, s.reached) for s in board.funnel],
        "funnel_pipeline": names.get(board.funnel_pipeline_id),
        "products": sorted((b.label, b.value, b.count) for b in board.products),
        "sources": sorted((str(b.key), b.value, b.count) for b in board.sources),
        "companies": sorted((b.label, b.value) for b in board.companies)[:20],
        "average_won": board.average_won,
        "days_to_close": round(board.average_days_to_close or 0, 6),
        "plan_people": sorted((r.name, r.actual) for r in board.plan),
    }


def test_everything_exported_imports_into_an_empty_database_with_the_same_figures(
    demo_services: Services, tmp_path: Path
) -> None:
    # Some history through the stages (the demo's deals have only their current stay).
    pipeline = next(p for p in demo_services.pipelines.list() if p.is_default)
    first, second = pipeline.stages[0], pipeline.stages[1]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    lost = next(s for s in pipeline.stages if s.semantic.value == "lost")
    moving = demo_services.deal_queries.page(DealFilter(stage_ids=(first.id,)), DealSort("id"), 0, 30)
    for n, deal in enumerate(moving):
        moved = demo_services.deals.move_stage(deal.id, second.id, expected_version=deal.version)
        if n % 3 == 0:  # and on to Won
            demo_services.deals.move_stage(deal.id, won.id, expected_version=moved.version)
        elif n % 3 == 1:  # lost, after the second stage: the funnel counts it there
            demo_services.deals.move_stage(
                deal.id, lost.id, expected_version=moved.version, loss_reason="price"
            )
    folder = tmp_path / "export"
    exported = demo_services.export_all.export_all(folder)
    assert exported.files["deals.csv"] == demo_services.deal_queries.count(DealFilter())
    for name in (
        "deal_products.csv",
        "companies.csv",
        "contacts.csv",
        "products.csv",
        "users.csv",
        "history.csv",
        "stage_visits.csv",
        "pipelines.csv",
        "stages.csv",
        "custom_fields.csv",
        "leads.csv",
    ):
        assert (folder / name).is_file(), name
    assert "password_hash" not in (folder / "users.csv").read_text(encoding="utf-8-sig")
    before = _figures(demo_services)

    empty = open_services(str(tmp_path / "new.sqlite"))
    try:
        imported = empty.import_all.import_all(folder)
        assert imported.deals == before["deals"]
        after = _figures(empty)
    finally:
        empty.close()
    for key, value in before.items():
        assert after[key] == value, key
