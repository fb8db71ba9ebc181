"""Stage history: every stay in a stage, written by every way a deal changes stage."""

from __future__ import annotations

from pathlib import Path

from app.services.container import Services
from app.services.deals.bulk import DealSelection
from app.services.importing.deals import ImportOptions


def _stages(services: Services):
    return services.pipelines.list()[0].stages


def _path(services: Services, deal_id: int) -> list[tuple[str, bool]]:
    return [(v.stage_name, v.left_at is None) for v in services.deals.stage_visits(deal_id)]


def test_each_move_ends_one_stay_and_starts_the_next(services: Services) -> None:
    stages = _stages(services)
    deal = services.deals.create(title="Kitchen")
    assert _path(services, deal.id) == [(stages[0].name, True)]
    moved = services.deals.move_stage(deal.id, stages[2].id, expected_version=deal.version)
    services.deals.move_stage(deal.id, stages[1].id, expected_version=moved.version)
    visits = services.deals.stage_visits(deal.id)
    assert [(v.stage_name, v.left_at is None) for v in visits] == [
        (stages[0].name, False),
        (stages[2].name, False),
        (stages[1].name, True),
    ]
    assert visits[0].left_at == visits[1].entered_at  # no gaps, no overlaps
    assert visits[1].left_at == visits[2].entered_at
    assert visits[0].user_name is not None


def test_the_form_the_bulk_move_and_its_undo_write_stays(services: Services) -> None:
    stages = _stages(services)
    first = services.deals.create(title="A")
    second = services.deals.create(title="B")
    form = services.deal_form.load(first.id)
    services.deal_form.save(first.id, form.deal.version, values={"stage_id": stages[1].id})
    assert _path(services, first.id)[-1] == (stages[1].name, True)
    result = services.deal_bulk.update(DealSelection(ids=(first.id, second.id)), "stage_id", stages[3].id)
    assert _path(services, first.id) == [
        (stages[0].name, False),
        (stages[1].name, False),
        (stages[3].name, True),
    ]
    assert _path(services, second.id) == [(stages[0].name, False), (stages[3].name, True)]
    services.deal_bulk.undo(result.operation_id)
    assert _path(services, first.id)[-1] == (stages[1].name, True)
    assert _path(services, second.id)[-1] == (stages[0].name, True)
    assert sum(open_ for _name, open_ in _path(services, second.id)) == 1


def test_imported_deals_start_their_first_stay(services: Services, tmp_path: Path) -> None:
    stages = _stages(services)
    path = tmp_path / "deals.csv"
    path.write_text(f"Title;Stage\nOne;{stages[2].name}\nTwo;\n", encoding="utf-8")
    table = services.deal_import.open(path)
    result = services.deal_import.run(table, ImportOptions(mapping={0: "title", 1: "stage"}))
    assert [_path(services, i) for i in result.deals] == [[(stages[2].name, True)], [(stages[0].name, True)]]


def test_average_days_in_stage(services: Services) -> None:
    stages = _stages(services)
    deal = services.deals.create(title="Quick")
    services.deals.move_stage(deal.id, stages[1].id, expected_version=deal.version)
    averages = services.deals.average_days_in_stage(stages[0].pipeline_id)
    assert set(averages) == {stages[0].id, stages[1].id}
    assert 0 <= averages[stages[0].id] < 0.01  # a stay of milliseconds
