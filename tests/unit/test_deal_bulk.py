"""Bulk actions: one transaction, history tagged with the operation, cancel rolls back, undo."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.container import Services
from app.services.core.errors import CancelledError, ConflictError, PermissionDeniedError, ValidationError
from app.services.deals.bulk import DealBulkService, DealSelection
from app.services.deals.filters import DealFilter, Status
from app.services.deals.queries import DealSort


def _bulk(services: Services) -> DealBulkService:
    return services.deal_bulk


def _rows(services: Services, deal_filter: DealFilter | None = None):
    return services.deal_queries.page(deal_filter or DealFilter(), DealSort(), 0, 1000)


def test_set_responsible_for_all_matching_a_filter(demo_services: Services) -> None:
    anna = demo_services.users.create(login="anna", name="Anna Berg")
    open_deals = DealFilter(status=Status.OPEN)
    before = {r.id: r for r in _rows(demo_services, open_deals)}
    result = _bulk(demo_services).update(DealSelection(matching=open_deals), "responsible_id", anna.id)
    assert result.changed == len(before)
    after = {r.id: r for r in _rows(demo_services, open_deals)}
    assert {r.responsible_id for r in after.values()} == {anna.id}
    some = next(iter(before.values()))
    assert after[some.id].version == some.version + 1
    history = [h for h in demo_services.deals.history(some.id) if h.field == "responsible_id"]
    assert (history[-1].old_value, history[-1].new_value) == (str(some.responsible_id), str(anna.id))
    closed = [r for r in _rows(demo_services) if r.closed]
    assert all(r.responsible_id != anna.id for r in closed)  # outside the filter: untouched


def test_fields_are_validated_before_anything_changes(demo_services: Services) -> None:
    ids = tuple(r.id for r in _rows(demo_services)[:5])
    with pytest.raises(ValidationError, match="Probability must be a whole number from 0 to 100"):
        _bulk(demo_services).update(DealSelection(ids=ids), "probability", 150)
    with pytest.raises(TypeError):
        _bulk(demo_services).update(DealSelection(ids=ids), "amount", "5")
    assert _bulk(demo_services).last_undoable() is None


def test_cancelling_rolls_everything_back(demo_services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.services.deals.bulk.CHUNK", 50)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 150:
            raise CancelledError

    with pytest.raises(CancelledError):
        _bulk(demo_services).update(
            DealSelection(matching=DealFilter()), "close_date", date(2030, 1, 1), progress=progress
        )
    assert seen == [50, 100, 150]
    assert not any(r.close_date == date(2030, 1, 1) for r in _rows(demo_services))  # nothing half-applied
    assert _bulk(demo_services).last_undoable() is None


def test_undo_restores_what_nobody_changed_since(demo_services: Services) -> None:
    rows = _rows(demo_services)[:20]
    ids = tuple(r.id for r in rows)
    before = {r.id: r.source for r in rows}
    result = _bulk(demo_services).update(DealSelection(ids=ids), "source", "exhibition")
    touched = [i for i in ids if before[i] != "exhibition"]
    assert result.changed == len(touched)
    # Somebody edits one of them afterwards: undo must leave that one alone.
    edited = demo_services.deals.get(touched[0])
    demo_services.deals.update(edited.id, edited.version, source="call")
    last = _bulk(demo_services).last_undoable()
    assert last is not None
    assert last.id == result.operation_id
    assert last.field == "source"
    undone = _bulk(demo_services).undo(last.id)
    assert (undone.changed, undone.skipped) == (len(touched) - 1, 1)
    now = {r.id: r.source for r in demo_services.deal_queries.rows(list(ids))}
    assert now[touched[0]] == "call"
    assert all(now[i] == before[i] for i in touched[1:])
    assert _bulk(demo_services).last_undoable() is None  # undone once, not twice
    with pytest.raises(ValidationError, match="can't be undone"):
        _bulk(demo_services).undo(last.id)


def test_undo_of_a_stage_move_reopens_the_deals(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    open_in_sales = DealFilter(pipeline_id=pipeline.id, status=Status.OPEN)
    before = {r.id: r.stage_id for r in _rows(demo_services, open_in_sales)}
    result = _bulk(demo_services).update(DealSelection(matching=open_in_sales), "stage_id", won.id)
    assert result.changed == len(before)
    assert all(r.closed for r in demo_services.deal_queries.rows(list(before)))
    _bulk(demo_services).undo(result.operation_id)
    after = demo_services.deal_queries.rows(list(before))
    assert {r.id: r.stage_id for r in after} == before
    assert not any(r.closed for r in after)


def test_only_the_author_undoes(demo_services: Services) -> None:
    ids = tuple(r.id for r in _rows(demo_services)[:3])
    result = _bulk(demo_services).update(DealSelection(ids=ids), "probability", 55)
    demo_services.users.create(login="carl", name="Carl")
    with pytest.raises(PermissionDeniedError):
        demo_services.as_user("carl").deal_bulk.undo(result.operation_id)


def test_bulk_delete_keeps_history_and_editors_get_a_conflict(demo_services: Services) -> None:
    rows = _rows(demo_services)[:30]
    stale = demo_services.deals.get(rows[0].id)
    result = _bulk(demo_services).delete(DealSelection(ids=tuple(r.id for r in rows)))
    assert result.changed == 30
    assert demo_services.deal_queries.count(DealFilter()) == 370
    assert demo_services.deals.history(rows[0].id)[-1].action == "deleted"
    with pytest.raises(Exception, match="does not exist"):
        demo_services.deals.update(stale.id, stale.version, title="Too late")
    assert _bulk(demo_services).last_undoable() is None  # a deletion is not undone by Edit > Undo


def test_a_bulk_edit_makes_open_forms_conflict(demo_services: Services) -> None:
    deal = demo_services.deals.get(_rows(demo_services)[0].id)
    _bulk(demo_services).update(DealSelection(ids=(deal.id,)), "close_date", date(2031, 5, 1))
    with pytest.raises(ConflictError):
        demo_services.deals.update(deal.id, deal.version, title="Edited with an old copy")
