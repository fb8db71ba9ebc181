"""Pipelines, companies, contacts, products and users: the rules every record shares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import StageSemantic
from app.services.container import Services, open_services
from app.services.core.errors import ConflictError, NotFoundError, ValidationError


def test_default_pipeline_and_its_stages(services: Services) -> None:
    pipelines = services.pipelines.list()
    assert [p.name for p in pipelines] == ["Sales"]
    assert [s.name for s in pipelines[0].stages] == [
        "New",
        "Preparing documents",
        "Invoice",
        "In progress",
        "Final invoice",
        "Won",
        "Lost",
    ]
    semantics = [s.semantic for s in pipelines[0].stages]
    assert semantics.count(StageSemantic.WON) == 1
    assert semantics[-1] is StageSemantic.LOST


def test_a_german_database_gets_german_names(tmp_path) -> None:
    services = open_services(str(tmp_path / "de.sqlite"), language="de")
    try:
        pipeline = services.pipelines.list()[0]
        assert pipeline.name == "Vertrieb"
        assert [s.name for s in pipeline.stages][-2:] == ["Gewonnen", "Verloren"]
        assert services.pipelines.create_pipeline("Großhandel").stages[0].name == "Neu"
    finally:
        services.close()


def test_new_in_progress_stage_goes_before_won_and_lost(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    services.pipelines.add_stage(pipeline.id, "Negotiation", color="#ffa900")
    names = [s.name for s in services.pipelines.list()[0].stages]
    assert names[-3:] == ["Negotiation", "Won", "Lost"]
    with pytest.raises(ValidationError, match="exactly one success stage"):
        services.pipelines.add_stage(pipeline.id, "Won again", semantic=StageSemantic.WON)
    with pytest.raises(ValidationError, match="colour"):
        services.pipelines.add_stage(pipeline.id, "Odd", color="orange")


def test_find_stage_by_name_or_id(services: Services) -> None:
    sales = services.pipelines.list()[0]
    assert services.pipelines.find_stage("won").name == "Won"
    assert services.pipelines.find_stage(str(sales.stages[1].id)).name == "Preparing documents"
    services.pipelines.create_pipeline("Wholesale")
    with pytest.raises(ValidationError, match="several pipelines"):
        services.pipelines.find_stage("Won")
    assert services.pipelines.find_stage("Won", sales.id).pipeline_id == sales.id
    with pytest.raises(ValidationError, match="There is no stage 'Nope'"):
        services.pipelines.find_stage("Nope")


def test_rename_pipeline_checks_the_version(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    renamed = services.pipelines.rename_pipeline(pipeline.id, pipeline.version, "Direct sales")
    assert renamed.name == "Direct sales"
    assert renamed.version == pipeline.version + 1
    with pytest.raises(ConflictError):
        services.pipelines.rename_pipeline(pipeline.id, pipeline.version, "Again")


def test_company_crud_with_history_and_conflicts(services: Services) -> None:
    company = services.companies.create(title="Müller GmbH", email="info@mueller.example")
    assert company.title == "Müller GmbH"
    assert company.responsible_id == services.actor.id
    updated = services.companies.update(company.id, company.version, phone="+49 30 123")
    assert updated.version == 2
    with pytest.raises(ConflictError, match="Phone"):
        services.companies.update(company.id, company.version, title="Stale")
    with pytest.raises(ValidationError, match="'nope' is not an e-mail address"):
        services.companies.update(company.id, updated.version, email="nope")
    with pytest.raises(ValidationError, match="Company name is required"):
        services.companies.create(title="")
    services.companies.delete(company.id, updated.version)
    with pytest.raises(NotFoundError):
        services.companies.get(company.id)


def test_contact_needs_a_name_and_may_belong_to_several_companies(services: Services) -> None:
    a = services.companies.create(title="A")
    b = services.companies.create(title="B")
    with pytest.raises(ValidationError, match="first or a last name"):
        services.contacts.create(email="x@y.example")
    contact = services.contacts.create(last_name="Weber", company_ids=[a.id, b.id])
    assert contact.company_ids == (a.id, b.id)
    moved = services.contacts.update(contact.id, contact.version, company_ids=[b.id])
    assert moved.company_ids == (b.id,)
    assert moved.version == 2
    assert services.contacts.update(moved.id, moved.version, company_ids=[b.id]).version == 2
    with pytest.raises(ValidationError, match="Companies: there is no record with ID 99"):
        services.contacts.update(moved.id, moved.version, company_ids=[99])


def test_product_prices_are_exact_and_validated(services: Services) -> None:
    product = services.products.create(name="Consulting hour", price="120.50", tax_rate="19")
    assert product.price == Decimal("120.50")
    assert product.tax_rate == Decimal("19.00")
    assert product.currency == "EUR"
    assert product.unit == "pcs"
    with pytest.raises(ValidationError) as caught:
        services.products.create(name="Bad", price="1.999", tax_rate="150", currency="ABC")
    assert [p.field for p in caught.value.problems] == ["price", "tax_rate", "currency"]


def test_user_logins_are_unique(services: Services) -> None:
    services.users.create(login="anna", name="Anna")
    with pytest.raises(ValidationError, match="The login 'anna' is taken"):
        services.users.create(login="anna", name="Another Anna")
    with pytest.raises(Exception, match="There is no user 'bob'"):
        services.as_user("bob")


def test_stage_edit_and_delete_rules(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    stages = {s.name: s for s in pipeline.stages}
    invoice = services.pipelines.update_stage(
        stages["Invoice"].id, stages["Invoice"].version, name="Bill", color="#abcdef"
    )
    assert (invoice.name, invoice.color) == ("Bill", "#ABCDEF")
    with pytest.raises(ConflictError):
        services.pipelines.update_stage(invoice.id, stages["Invoice"].version, probability=5)
    deal = services.deals.create(title="Holds the stage", stage_id=invoice.id)
    with pytest.raises(ValidationError, match="still holds 1 deals"):
        services.pipelines.delete_stage(invoice.id, invoice.version)
    with pytest.raises(ValidationError, match="success stage"):
        services.pipelines.delete_stage(stages["Won"].id, stages["Won"].version)
    services.deals.delete(deal.id, deal.version)
    services.pipelines.delete_stage(invoice.id, invoice.version)
    assert "Bill" not in [s.name for s in services.pipelines.list()[0].stages]


def test_pipeline_delete_rules(services: Services) -> None:
    default = services.pipelines.list()[0]
    with pytest.raises(ValidationError, match="default pipeline can't be deleted"):
        services.pipelines.delete_pipeline(default.id, default.version)
    extra = services.pipelines.create_pipeline("Projects")
    deal = services.deals.create(title="P", pipeline_id=extra.id)
    with pytest.raises(ValidationError, match="still holds 1 deals"):
        services.pipelines.delete_pipeline(extra.id, extra.version)
    services.deals.delete(deal.id, deal.version)
    services.pipelines.delete_pipeline(extra.id, extra.version)
    assert [p.name for p in services.pipelines.list()] == ["Sales"]
