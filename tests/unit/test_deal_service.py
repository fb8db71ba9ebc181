"""Deal use cases: defaults, validation, history, conflicts, stages, bulk moves, events."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.container import Services, open_services
from app.services.core.errors import ConflictError, NotFoundError, ValidationError
from app.services.core.events import DomainEvent
from app.services.deals.bulk import DealSelection
from app.services.deals.queries import DealFilter
from app.services.setup.pipelines import StageInfo


def _stages(services: Services) -> dict[str, StageInfo]:
    return {s.name: s for s in services.pipelines.list()[0].stages}


def _events(services: Services) -> list[DomainEvent]:
    seen: list[DomainEvent] = []
    services.events.subscribe(seen.append)
    return seen


def test_new_deal_defaults(services: Services) -> None:
    deal = services.deals.create(title="  Laptops for ACME  ", amount="1999.90")
    stages = _stages(services)
    assert deal.title == "Laptops for ACME"
    assert deal.stage_id == stages["New"].id
    assert deal.pipeline_name == "Sales"
    assert deal.amount == Decimal("1999.90")
    assert deal.currency == "EUR"
    assert deal.responsible_id == services.actor.id
    assert deal.begin_date == date.today()
    assert deal.version == 1
    assert not deal.closed
    history = services.deals.history(deal.id)
    assert [(h.action, h.new_value, h.user_name) for h in history] == [
        ("created", "Laptops for ACME", services.actor.name)
    ]


def test_invalid_input_changes_nothing_and_names_every_problem(services: Services) -> None:
    events = _events(services)
    with pytest.raises(ValidationError) as caught:
        services.deals.create(title=" ", amount="12.345", currency="XYZ", close_date="tomorrow")
    fields = [p.field for p in caught.value.problems]
    assert fields == ["title", "amount", "currency", "close_date"]
    assert "Amount must be a number with at most 2 decimals." in str(caught.value)
    assert services.deal_queries.count(DealFilter()) == 0
    assert events == []


def test_close_date_before_begin_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="can't be before the begin date"):
        services.deals.create(title="X", begin_date="2026-05-02", close_date="2026-05-01")


def test_update_writes_one_history_entry_per_changed_field(services: Services) -> None:
    deal = services.deals.create(title="Old", amount="10")
    updated = services.deals.update(
        deal.id, deal.version, title="New", amount="10.00", close_date="2026-12-24"
    )
    assert updated.version == 2
    changes = [(h.field, h.old_value, h.new_value) for h in services.deals.history(deal.id) if h.field]
    assert changes == [("title", "Old", "New"), ("close_date", None, "2026-12-24")]  # amount unchanged


def test_saving_without_changes_keeps_the_version(services: Services) -> None:
    deal = services.deals.create(title="Same")
    assert services.deals.update(deal.id, deal.version, title="Same").version == deal.version


def test_a_concurrent_edit_is_a_conflict_naming_who_changed_what(services: Services) -> None:
    colleague = services.users.create(login="anna", name="Anna Schmidt")
    anna = services.as_user(colleague.login)
    mine = services.deals.create(title="Shared deal", amount="100")
    anna.deals.update(mine.id, mine.version, amount="150")
    with pytest.raises(ConflictError) as caught:
        services.deals.update(mine.id, mine.version, amount="120")
    error = caught.value
    assert "Anna Schmidt" in str(error)
    assert "Amount" in str(error)
    assert [(c.field, c.old_value, c.new_value, c.user_name) for c in error.changes] == [
        ("amount", "100.00", "150.00", "Anna Schmidt")
    ]
    assert error.current_version == 2
    assert services.deals.get(mine.id).amount == Decimal("150.00")  # theirs kept, mine not written


def test_conflicts_are_detected_across_separate_connections(db_path: Path) -> None:
    first = open_services(str(db_path))
    second = open_services(str(db_path))  # another office PC on the same file
    try:
        deal = first.deals.create(title="Office chairs")
        second.deals.update(deal.id, deal.version, title="Office chairs (12)")
        with pytest.raises(ConflictError):
            first.deals.update(deal.id, deal.version, title="Office chairs (10)")
        assert first.deals.get(deal.id).title == "Office chairs (12)"
    finally:
        first.close()
        second.close()


def test_move_to_won_closes_and_back_reopens(services: Services) -> None:
    stages = _stages(services)
    deal = services.deals.create(title="D")
    won = services.deals.move_stage(deal.id, stages["Won"].id, expected_version=deal.version)
    assert won.closed
    assert won.closed_at is not None
    reopened = services.deals.move_stage(deal.id, stages["In progress"].id)
    assert not reopened.closed
    assert reopened.closed_at is None
    moves = [
        (h.field, h.old_value, h.new_value) for h in services.deals.history(deal.id) if h.action == "stage"
    ]
    assert ("stage_id", str(stages["New"].id), str(stages["Won"].id)) in moves
    assert ("closed", "false", "true") in moves


def test_lost_keeps_its_reason(services: Services) -> None:
    deal = services.deals.create(title="D")
    lost = services.deals.move_stage(deal.id, _stages(services)["Lost"].id, loss_reason=" Too expensive ")
    assert lost.closed
    assert lost.loss_reason == "Too expensive"


def test_a_stage_of_another_pipeline_is_refused(services: Services) -> None:
    other = services.pipelines.create_pipeline("Wholesale")
    deal = services.deals.create(title="D")
    with pytest.raises(ValidationError, match="belongs to another pipeline"):
        services.deals.move_stage(deal.id, other.stages[0].id)
    assert services.deals.get(deal.id).version == 1


def test_missing_deal_and_stage(services: Services) -> None:
    with pytest.raises(NotFoundError, match="Deal 999 does not exist"):
        services.deals.get(999)
    deal = services.deals.create(title="D")
    with pytest.raises(NotFoundError, match="Stage 999"):
        services.deals.move_stage(deal.id, 999)


def test_bulk_move_is_one_transaction_with_history_and_bumped_versions(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.services.deals.bulk.CHUNK", 50)  # several chunks with few deals
    stages = _stages(services)
    events = _events(services)
    deals = [services.deals.create(title=f"Deal {i}") for i in range(123)]
    already = services.deals.move_stage(deals[0].id, stages["Invoice"].id)
    events.clear()
    moved = _bulk_move(services, [d.id for d in deals], stages["Invoice"].id)
    assert moved == 122  # the one already there is left alone
    assert services.deal_queries.count(DealFilter(stage_ids=(stages["Invoice"].id,))) == 123
    assert services.deals.get(deals[5].id).version == 2
    assert services.deals.get(already.id).version == already.version
    history = [h for h in services.deals.history(deals[5].id) if h.action == "stage"]
    assert [(h.old_value, h.new_value, h.version) for h in history] == [
        (str(stages["New"].id), str(stages["Invoice"].id), 2)
    ]
    assert len(events) == 1
    assert events[0].name == "deal.stage_changed"
    assert len(events[0].ids) == 122


def test_an_editor_of_a_bulk_moved_deal_gets_a_conflict(services: Services) -> None:
    deal = services.deals.create(title="D")
    _bulk_move(services, [deal.id], _stages(services)["Invoice"].id)
    with pytest.raises(ConflictError, match="Stage"):
        services.deals.update(deal.id, deal.version, title="Edited with an old copy")


def test_bulk_move_refuses_deals_of_another_pipeline(services: Services) -> None:
    other = services.pipelines.create_pipeline("Wholesale")
    mine = services.deals.create(title="A")
    theirs = services.deals.create(title="B", pipeline_id=other.id)
    with pytest.raises(ValidationError, match="1 of the selected deals are in another pipeline"):
        _bulk_move(services, [mine.id, theirs.id], _stages(services)["Won"].id)
    assert services.deals.get(mine.id).version == 1


def test_delete_checks_the_version_and_keeps_history(services: Services) -> None:
    deal = services.deals.create(title="Gone soon")
    services.deals.update(deal.id, deal.version, title="Gone")
    with pytest.raises(ConflictError):
        services.deals.delete(deal.id, deal.version)
    services.deals.delete(deal.id, deal.version + 1)
    with pytest.raises(NotFoundError):
        services.deals.get(deal.id)
    assert services.deals.history(deal.id)[-1].action == "deleted"


def test_events_are_published_after_commit_and_a_failing_handler_does_not_undo(services: Services) -> None:
    seen: list[tuple[str, int]] = []

    def handler(event: DomainEvent) -> None:
        # The change is already committed when the handler runs: a fresh read sees it.
        seen.append((event.name, services.deal_queries.count(DealFilter())))

    def broken(_event: DomainEvent) -> None:
        raise RuntimeError("a subscriber bug")

    services.events.subscribe(broken)
    services.events.subscribe(handler)
    deal = services.deals.create(title="Evented")
    services.deals.move_stage(deal.id, _stages(services)["Won"].id)
    assert seen == [("deal.created", 1), ("deal.stage_changed", 1)]


def test_contacts_and_company_are_checked_and_stored(services: Services) -> None:
    company = services.companies.create(title="ACME GmbH")
    anna = services.contacts.create(first_name="Anna", last_name="Schmidt", company_ids=[company.id])
    deal = services.deals.create(title="D", company_id=company.id, contact_ids=[anna.id])
    assert deal.company_title == "ACME GmbH"
    assert deal.contact_ids == (anna.id,)
    with pytest.raises(ValidationError, match="Contacts: there is no record with ID 404"):
        services.deals.update(deal.id, deal.version, contact_ids=[anna.id, 404])
    with pytest.raises(ValidationError, match="Company: there is no record with ID 77"):
        services.deals.update(deal.id, deal.version, company_id=77)


def test_unknown_fields_are_a_programming_error(services: Services) -> None:
    with pytest.raises(TypeError, match="colour"):
        services.deals.create(title="D", colour="red")


def test_changing_only_the_contacts_is_a_new_version(services: Services) -> None:
    anna = services.contacts.create(first_name="Anna")
    deal = services.deals.create(title="D")
    updated = services.deals.update(deal.id, deal.version, contact_ids=[anna.id])
    assert updated.version == deal.version + 1
    with pytest.raises(ConflictError):
        services.deals.update(deal.id, deal.version, title="Stale")


def test_source_comes_from_the_list(services: Services) -> None:
    assert services.deals.create(title="D", source="website").source == "website"
    with pytest.raises(ValidationError, match="Source: 'fax' is not one of the choices"):
        services.deals.create(title="D", source="fax")


def _bulk_move(services: Services, ids: list[int], stage_id: int) -> int:
    return services.deal_bulk.update(DealSelection(ids=tuple(ids)), "stage_id", stage_id).changed


def test_a_stage_move_from_the_board_list_or_form_can_be_undone(services: Services) -> None:
    stages = _stages(services)
    deal = services.deals.create(title="Order 0042")
    services.deals.move_each([(deal.id, deal.version)], stages["Won"].id)  # a drop on the board
    last = services.deal_bulk.last_undoable()
    assert (last.count, last.deal_title, last.stage_name) == (1, "Order 0042", "Won")
    services.deal_bulk.undo(last.id)
    back = services.deals.get(deal.id)
    assert (back.stage_id, back.closed) == (stages["New"].id, False)
    services.deals.update(back.id, back.version, stage_id=stages["Invoice"].id)  # the list's stage cell
    assert services.deal_bulk.last_undoable().stage_name == "Invoice"
    form = services.deal_form.load(deal.id)  # the form's stage bar
    services.deal_form.save(deal.id, form.deal.version, values={"stage_id": stages["In progress"].id})
    last = services.deal_bulk.last_undoable()
    assert last.stage_name == "In progress"
    services.deal_bulk.undo(last.id)
    assert services.deals.get(deal.id).stage_id == stages["Invoice"].id


def test_a_conflict_names_a_custom_field_by_its_label(services: Services) -> None:
    from app.models import EntityType
    from app.services.fields.custom_fields import FieldType

    region = services.custom_fields.create(
        EntityType.DEAL, "Sales region", FieldType.LIST, options=["North", "South"]
    )
    deal = services.deals.create(title="Regional")
    opened = services.deal_form.load(deal.id)
    services.deal_form.save(deal.id, deal.version, values={}, custom={region.id: region.options[0].id})
    with pytest.raises(ConflictError) as caught:
        services.deals.update(deal.id, opened.deal.version, title="Mine")
    assert "Sales region" in str(caught.value)
    assert "uf:" not in str(caught.value)


def test_two_bulk_moves_of_the_same_deal_the_second_is_a_conflict(services: Services) -> None:
    """Anna moves the deal to Lost while Ben's list still shows it in New: Ben's bulk move of the
    deals he chose (with the versions he saw) is refused, naming Anna's change; nothing moves."""
    stages = _stages(services)
    deal = services.deals.create(title="Contested")
    other = services.deals.create(title="Bystander")
    seen = DealSelection(
        ids=(deal.id, other.id), versions=((deal.id, deal.version), (other.id, other.version))
    )
    services.deals.move_stage(deal.id, stages["Preparing documents"].id, expected_version=deal.version)
    with pytest.raises(ConflictError, match=r"'Contested' was changed by .* \(Stage\)"):
        services.deal_bulk.update(seen, "stage_id", stages["Invoice"].id)
    assert services.deals.get(deal.id).stage_id == stages["Preparing documents"].id
    assert services.deals.get(other.id).version == other.version  # all or nothing
    # Several changed: one message counting them, the first described.
    services.deals.update(other.id, other.version, title="Bystander, renamed")
    with pytest.raises(ConflictError, match="2 of the chosen deals were changed"):
        services.deal_bulk.update(seen, "responsible_id", services.actor.id)
    with pytest.raises(ConflictError):
        services.deal_bulk.delete(seen)
    with pytest.raises(ConflictError):
        services.deal_bulk.move_to_pipeline(seen, stages["Invoice"].id)
    assert services.deals.get(deal.id).title == "Contested"
    # As they are now: the action goes through.
    fresh = DealSelection(ids=(deal.id,), versions=((deal.id, services.deals.get(deal.id).version),))
    assert services.deal_bulk.update(fresh, "stage_id", stages["Invoice"].id).changed == 1
