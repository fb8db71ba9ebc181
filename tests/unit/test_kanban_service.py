"""The kanban reads: exact column counts and totals, cards in keyset pages; stage order; loss reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, PermissionDeniedError, ValidationError
from app.services.deals.filters import DealFilter
from app.services.deals.queries import DealSort


def test_column_counts_and_totals_match_the_deals(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    stage_ids = [s.id for s in pipeline.stages]
    columns = demo_services.kanban.columns(stage_ids, DealFilter(pipeline_id=pipeline.id))
    for stage_id in stage_ids:
        in_stage = DealFilter(stage_ids=(stage_id,))
        summary = demo_services.deal_queries.summary(in_stage)
        assert columns[stage_id].count == summary.count
        assert columns[stage_id].total == summary.total


def test_everyones_columns_and_totals_stay_exact_through_changes(services: Services) -> None:
    """Without a filter the columns and the list's count and total come from the running totals
    the database keeps: after creating, moving, editing, deleting and moving to another pipeline
    they still equal the deals counted one by one."""
    pipelines = services.pipelines.list()
    pipeline = pipelines[0]
    stages = [s.id for s in pipeline.stages]
    made = [
        services.deals.create(title=f"Deal {n}", amount=f"{n * 111}.25", currency=currency, stage_id=stage)
        for n, (currency, stage) in enumerate(
            [
                ("EUR", stages[0]),
                ("USD", stages[0]),
                ("EUR", stages[1]),
                ("GBP", stages[2]),
                ("EUR", stages[2]),
            ]
        )
    ]
    services.deals.move_stage(made[0].id, stages[1], expected_version=made[0].version)
    services.deals.update(made[2].id, made[2].version, amount="5000.00", currency="USD")
    services.deals.delete(made[3].id, made[3].version)
    other = services.pipelines.create_pipeline("Projects")
    services.deals.move_to_pipeline(made[4].id, made[4].version, other.stages[0].id)

    def counted(stage_id: int) -> tuple[int, Decimal]:
        summary = services.deal_queries.summary(DealFilter(stage_ids=(stage_id,)))  # read from the deals
        return summary.count, summary.total or Decimal(0)

    columns = services.kanban.columns(stages, DealFilter(pipeline_id=pipeline.id))
    assert {s: (c.count, c.total) for s, c in columns.items()} == {s: counted(s) for s in stages}
    assert columns[stages[1]].count == 2
    by_pipeline = services.deal_queries.summary(DealFilter(pipeline_id=pipeline.id))
    assert by_pipeline.count == sum(counted(s)[0] for s in stages) == 3
    assert by_pipeline.total == sum(counted(s)[1] for s in stages)
    assert by_pipeline.by_currency == {"EUR": Decimal("0.25"), "USD": Decimal("5111.25")}
    everyone = services.deal_queries.summary(DealFilter())
    assert everyone.count == 4
    assert everyone.by_currency == {"EUR": Decimal("444.50"), "USD": Decimal("5111.25")}
    moved = services.kanban.columns([other.stages[0].id], DealFilter(pipeline_id=other.id))
    assert moved[other.stages[0].id].count == 1


def test_cards_come_last_arrived_first_in_pages_of_fifty(demo_services: Services) -> None:
    pipeline = demo_services.pipelines.list()[0]
    counts = demo_services.pipelines.stage_deal_counts(pipeline.id)
    stage_id = max(counts, key=counts.get)
    first = demo_services.kanban.cards(stage_id, DealFilter())
    assert len(first) == min(50, counts[stage_id])
    pages = [first]
    while len(pages[-1]) == 7 or pages[-1] is first:
        pages.append(demo_services.kanban.cards(stage_id, DealFilter(), after=pages[-1][-1], limit=7))
    cards = [c for page in pages for c in page]
    keys = [c.column_key for c in cards]
    assert keys == sorted(keys, reverse=True)
    assert len({c.id for c in cards}) == len(cards) == counts[stage_id]
    in_stage = demo_services.deal_queries.ids(DealFilter(stage_ids=(stage_id,)), DealSort(), 0, 100_000)
    assert {c.id for c in cards} == set(in_stage)


def test_a_moved_deal_comes_first_in_its_new_column(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    first, second = pipeline.stages[0], pipeline.stages[1]
    deals = [services.deals.create(title=f"Deal {n}") for n in range(3)]
    services.deals.move_stage(deals[0].id, second.id)
    services.deals.move_stage(deals[2].id, second.id)
    services.deals.move_stage(deals[0].id, first.id)
    services.deals.move_stage(deals[0].id, second.id)
    column = services.kanban.cards(second.id, DealFilter())
    assert [c.id for c in column] == [deals[0].id, deals[2].id]
    assert [c.id for c in services.kanban.cards(first.id, DealFilter())] == [deals[1].id]


def test_moving_several_deals_is_all_or_nothing(services: Services) -> None:
    stages = services.pipelines.list()[0].stages
    a = services.deals.create(title="A")
    b = services.deals.create(title="B")
    services.deals.update(b.id, b.version, amount="5")  # somebody saved B since the board read it
    with pytest.raises(ConflictError):
        services.deals.move_each([(a.id, a.version), (b.id, b.version)], stages[2].id)
    assert services.deals.get(a.id).stage_id == stages[0].id
    assert not any(h.action == "stage" for h in services.deals.history(a.id))
    assert services.deals.move_each([(a.id, a.version), (b.id, None)], stages[2].id) == 2
    assert {services.deals.get(i).stage_id for i in (a.id, b.id)} == {stages[2].id}
    assert any(h.action == "stage" and h.field == "stage_id" for h in services.deals.history(b.id))


def test_matching_cards_follow_the_filter(services: Services) -> None:
    a = services.deals.create(title="Printer for Becker")
    b = services.deals.create(title="Paper")
    found = services.kanban.matching([a.id, b.id], DealFilter(search="Becker"))
    assert [c.id for c in found] == [a.id]


def test_a_deal_can_bring_a_new_contact(services: Services) -> None:
    deal = services.deals.create(title="Website", new_contact="  Anna  Maria Weber ")
    contact = services.contacts.get(deal.contact_ids[0])
    assert (contact.first_name, contact.last_name) == ("Anna Maria", "Weber")
    with pytest.raises(ValidationError):
        services.deals.create(title="", new_contact="Nobody Saved")
    assert not services.contacts.search("Nobody")


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


def test_only_an_administrator_reorders_stages_and_sets_loss_reasons(services: Services) -> None:
    services.users.create(login="clerk", name="Carl Clerk")
    clerk = services.as_user("clerk")
    pipeline = services.pipelines.list()[0]
    open_ids = [s.id for s in pipeline.stages if not s.is_closed]
    with pytest.raises(PermissionDeniedError, match="right to manage settings"):
        clerk.pipelines.reorder_stages(pipeline.id, list(reversed(open_ids)))
    with pytest.raises(PermissionDeniedError, match="right to manage settings"):
        clerk.office.set_loss_reasons(["Too slow"])
    assert [s.id for s in services.pipelines.list()[0].stages][: len(open_ids)] == open_ids
    assert services.office.loss_reasons()[0] == "Price too high"
