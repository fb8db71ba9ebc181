"""The kanban reads: exact column counts and totals, cards in keyset pages; stage order; loss reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services import Services, ValidationError
from app.services.deal_filters import DealFilter
from app.services.deal_queries import DealSort


def test_column_counts_and_totals_match_the_deals(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    stage_ids = [s.id for s in pipeline.stages]
    columns = demo_services.kanban.columns(stage_ids, DealFilter(pipeline_id=pipeline.id))
    for stage_id in stage_ids:
        in_stage = DealFilter(stage_ids=(stage_id,))
        summary = demo_services.deal_queries.summary(in_stage)
        assert columns[stage_id].count == summary.count
        assert columns[stage_id].total == summary.total


def test_cards_come_newest_first_in_pages_of_fifty(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    counts = demo_services.pipelines.stage_deal_counts(pipeline.id)
    stage_id = max(counts, key=counts.get)
    first = demo_services.kanban.cards(stage_id, DealFilter())
    assert len(first) == min(50, counts[stage_id])
    rest = demo_services.kanban.cards(stage_id, DealFilter(), before_id=first[-1].id, limit=1000)
    ids = [c.id for c in first + rest]
    assert ids == sorted(ids, reverse=True)
    assert len(ids) == counts[stage_id]
    expected = [
        r.id for r in demo_services.deal_queries.page(DealFilter(stage_ids=(stage_id,)), DealSort(), 0, 1000)
    ]
    assert ids == expected


def test_a_card_shows_the_customer_initials_and_open_tasks(services: Services) -> None:
    company = services.companies.create(title="Becker AG")
    anna = services.contacts.create(first_name="Anna", last_name="Schmidt")
    services.users.create(login="mk", name="Maria Krause")
    maria = services.users.by_login("mk")
    with_company = services.deals.create(
        title="A", company_id=company.id, responsible_id=maria.id, amount="10"
    )
    with_contact = services.deals.create(title="B", contact_ids=[anna.id])
    cards = {c.id: c for c in services.kanban.cards(with_company.stage_id, DealFilter())}
    assert cards[with_company.id].customer == "Becker AG"
    assert cards[with_company.id].initials == "MK"
    assert cards[with_contact.id].customer == "Anna Schmidt"
    assert not cards[with_company.id].has_open_task


def test_search_and_filters_apply_to_columns(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    stage_ids = [s.id for s in pipeline.stages]
    word = "Consulting"
    columns = demo_services.kanban.columns(stage_ids, DealFilter(search=word))
    assert sum(c.count for c in columns.values()) == demo_services.deal_queries.count(
        DealFilter(pipeline_id=pipeline.id, search=word)
    )


def test_reordering_stages_keeps_won_and_lost_last(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    open_ids = [s.id for s in pipeline.stages if not s.is_closed]
    new_order = [open_ids[-1], *open_ids[:-1]]
    reordered = services.pipelines.reorder_stages(pipeline.id, new_order)
    assert [s.id for s in reordered.stages][: len(new_order)] == new_order
    assert [s.name for s in reordered.stages][-2:] == ["Won", "Lost"]
    won = next(s for s in pipeline.stages if s.is_closed)
    with pytest.raises(ValidationError, match="Only stages in progress can be moved"):
        services.pipelines.reorder_stages(pipeline.id, [won.id, *open_ids])


def test_loss_reasons_have_defaults_and_can_be_set(services: Services) -> None:
    assert services.office.loss_reasons()[0] == "Price too high"
    assert services.office.set_loss_reasons(["Too slow", " ", "Too slow", "Wrong fit"]) == [
        "Too slow",
        "Wrong fit",
    ]
    assert services.office.loss_reasons() == ["Too slow", "Wrong fit"]


def test_contact_search_by_name_start(services: Services) -> None:
    services.contacts.create(first_name="Anna", last_name="Schmidt")
    services.contacts.create(first_name="Jonas", last_name="Schneider")
    services.contacts.create(first_name="Lea", last_name="Weber")
    assert [c.full_name for c in services.contacts.search("Sch")] == ["Anna Schmidt", "Jonas Schneider"]
    assert [c.full_name for c in services.contacts.search("anna s")] == ["Anna Schmidt"]
    assert services.contacts.search("100%") == []
    assert services.deals.create(title="X").amount == Decimal("0.00")
