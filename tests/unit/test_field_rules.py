"""Required-by-stage on every way into a stage, and field access rules."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, MissingFieldsError, PermissionDeniedError, ValidationError
from app.services.deals.bulk import DealSelection
from app.services.fields.custom_fields import EntityType, FieldType


@pytest.fixture
def stages(services: Services):
    """New, Preparing documents, Invoice, ... of the default pipeline; close date needed from Invoice on."""
    pipeline = services.pipelines.list()[0]
    invoice = pipeline.stages[2]
    services.field_rules.set_required_from(EntityType.DEAL, "close_date", pipeline.id, invoice.id)
    return pipeline.stages


def test_a_move_to_a_stage_that_needs_a_field_asks_for_it(services: Services, stages) -> None:
    deal = services.deals.create(title="Website")
    services.deals.move_stage(deal.id, stages[1].id)  # before the rule's stage: fine
    with pytest.raises(MissingFieldsError) as caught:
        services.deals.move_each([(deal.id, None)], stages[2].id)
    assert caught.value.missing == {deal.id: ("close_date",)}
    assert "Close date is needed from stage 'Invoice' on." in str(caught.value)
    assert services.deals.get(deal.id).stage_id == stages[1].id
    # Later stages need it too; losing the deal does not.
    with pytest.raises(MissingFieldsError):
        services.deals.move_stage(deal.id, stages[3].id)
    lost = next(s for s in stages if s.is_lost)
    services.deals.move_stage(deal.id, lost.id, loss_reason="No budget")
    services.deals.move_stage(deal.id, stages[1].id)
    # The values asked for come with the move, in the same transaction.
    services.deals.move_each([(deal.id, None)], stages[2].id, fill={"close_date": "2027-03-31"})
    moved = services.deals.get(deal.id)
    assert (moved.stage_id, moved.close_date) == (stages[2].id, date(2027, 3, 31))


def test_custom_fields_can_be_required_by_stage(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    po = services.custom_fields.create(EntityType.DEAL, "Order number", FieldType.STRING)
    services.field_rules.set_required_from(
        EntityType.DEAL, f"uf:{po.code}", pipeline.id, pipeline.stages[1].id
    )
    deal = services.deals.create(title="Laptops")
    with pytest.raises(MissingFieldsError):
        services.deals.update(deal.id, deal.version, stage_id=pipeline.stages[1].id)
    with pytest.raises(ValidationError):  # the value asked for is checked like any other
        services.deals.move_each([(deal.id, None)], pipeline.stages[1].id, fill={f"uf:{po.code}": ""})
    services.deals.move_each([(deal.id, None)], pipeline.stages[1].id, fill={f"uf:{po.code}": "PO-77"})
    assert services.custom_fields.values(EntityType.DEAL, [deal.id])[deal.id] == {po.id: "PO-77"}


def test_the_form_reports_missing_stage_fields_with_the_others(services: Services, stages) -> None:
    with pytest.raises(ValidationError) as caught:
        services.deal_form.save(None, None, values={"title": "", "stage_id": stages[2].id})
    assert {p.field for p in caught.value.problems} == {"title", "close_date"}
    saved = services.deal_form.save(
        None, None, values={"title": "Ok", "stage_id": stages[2].id, "close_date": "2027-01-31"}
    )
    assert saved.deal.stage_id == stages[2].id


def test_bulk_moves_ask_once_and_fill_only_the_deals_lacking_it(services: Services, stages) -> None:
    has = services.deals.create(title="Has a date", close_date="2027-06-30")
    lacks = [services.deals.create(title=f"Lacks {n}") for n in range(3)]
    selection = DealSelection(ids=(has.id, *(d.id for d in lacks)))
    with pytest.raises(MissingFieldsError) as caught:
        services.deal_bulk.update(selection, "stage_id", stages[2].id)
    assert set(caught.value.missing) == {d.id for d in lacks}
    result = services.deal_bulk.update(selection, "stage_id", stages[2].id, fill={"close_date": "2027-01-15"})
    assert result.changed == 4
    assert services.deals.get(has.id).close_date == date(2027, 6, 30)  # kept its own
    assert {services.deals.get(d.id).close_date for d in lacks} == {date(2027, 1, 15)}


def test_rules_are_for_administrators(services: Services, stages) -> None:
    services.users.create(login="clerk", name="Carl Clerk")
    clerk = services.as_user("clerk")
    pipeline = services.pipelines.list()[0]
    with pytest.raises(PermissionDeniedError):
        clerk.field_rules.set_required_from(EntityType.DEAL, "source", pipeline.id, pipeline.stages[1].id)
    with pytest.raises(PermissionDeniedError):
        clerk.field_rules.set_access(EntityType.DEAL, "amount", visible_to=[1], editable_by=[1])
    with pytest.raises(ValidationError, match="no field"):
        services.field_rules.set_access(EntityType.DEAL, "nonsense", visible_to=None, editable_by=None)


def test_field_access_is_kept(services: Services) -> None:
    services.users.create(login="clerk", name="Carl Clerk")
    clerk = services.users.by_login("clerk")
    admin = services.actor
    services.field_rules.set_access(EntityType.DEAL, "amount", visible_to=None, editable_by=[admin.id])
    services.field_rules.set_access(EntityType.DEAL, "comments", visible_to=[admin.id], editable_by=None)
    rules = services.field_rules.rules(EntityType.DEAL)
    assert rules["amount"].may_see(clerk.id)
    assert not rules["amount"].may_edit(clerk.id)
    assert rules["amount"].may_edit(admin.id)
    assert not rules["comments"].may_see(clerk.id)
    assert not rules["comments"].may_edit(clerk.id)


def test_the_retry_after_the_missing_fields_question_is_version_checked(services: Services, stages) -> None:
    """The question is answered; meanwhile somebody changed the deal: the retry is a conflict."""
    deal = services.deals.create(title="Needs a date")
    with pytest.raises(MissingFieldsError) as caught:
        services.deals.move_each([(deal.id, deal.version)], stages[2].id)
    assert caught.value.versions == {deal.id: deal.version}
    services.deals.update(deal.id, deal.version, title="Renamed by a colleague")
    moves = [(deal.id, caught.value.versions[deal.id])]
    with pytest.raises(ConflictError, match="Title"):
        services.deals.move_each(moves, stages[2].id, fill={"close_date": "2027-01-31"})
    assert services.deals.get(deal.id).stage_id != stages[2].id
