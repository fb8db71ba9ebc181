"""Leads: statuses, the list, conversion into a deal with contact and company, and its undo."""

from __future__ import annotations

import pytest

from app.models import LeadStatus
from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.customers.queries import CustomerKind
from app.services.fields.custom_fields import EntityType, FieldType


def _lead(services: Services, **extra):
    values = {
        "title": "Website relaunch",
        "first_name": "Petra",
        "last_name": "Krause",
        "company_title": "Bäckerei Krause",
        "email": "petra@krause.example",
        "phone": "0171 2345678",
        "source": "website",
        "comments": "Wants a quote by Friday",
    }
    values.update(extra)
    return services.leads.create(**values)


def test_statuses_and_the_list(services: Services) -> None:
    lead = _lead(services)
    other = _lead(services, title="Catering", last_name="Lindner", company_title="Café Lindner")
    assert lead.status is LeadStatus.NEW
    moved = services.leads.set_status(lead.id, lead.version, LeadStatus.IN_PROCESS)
    assert moved.status is LeadStatus.IN_PROCESS
    with pytest.raises(ValidationError, match="by converting"):
        services.leads.set_status(lead.id, moved.version, LeadStatus.CONVERTED)
    junk = services.leads.set_status(other.id, other.version, LeadStatus.JUNK)
    assert junk.status is LeadStatus.JUNK
    assert [r.title for r in services.leads.rows(0, 10)] == ["Catering", "Website relaunch"]  # newest first
    assert [r.title for r in services.leads.rows(0, 10, statuses=(LeadStatus.IN_PROCESS,))] == [
        "Website relaunch"
    ]
    assert [r.title for r in services.leads.rows(0, 10, search="lindner")] == ["Catering"]
    assert services.leads.count_rows(statuses=(LeadStatus.JUNK,)) == 1


def test_conversion_creates_contact_company_and_deal_with_mapped_fields(services: Services) -> None:
    budget_lead = services.custom_fields.create(EntityType.LEAD, "Budget", FieldType.MONEY)
    budget_deal = services.custom_fields.create(EntityType.DEAL, "Budget", FieldType.MONEY)
    size_lead = services.custom_fields.create(
        EntityType.LEAD, "Size", FieldType.LIST, options=["S", "M", "L"]
    )
    size_deal = services.custom_fields.create(
        EntityType.DEAL, "Size", FieldType.LIST, options=["L", "M", "S"]
    )
    lead = _lead(services)
    version = services.custom_fields.set_values(
        EntityType.LEAD,
        lead.id,
        lead.version,
        {budget_lead.id: "5000.00", size_lead.id: size_lead.options[1].id},
    )
    pipeline = services.pipelines.list()[0]
    stage = pipeline.stages[1]
    result = services.leads.convert(lead.id, version, pipeline_id=pipeline.id, stage_id=stage.id)
    assert result.created_contact
    assert result.created_company
    deal = services.deal_form.load(result.deal_id)
    assert (deal.deal.title, deal.deal.stage_id, deal.deal.source) == (
        "Website relaunch",
        stage.id,
        "website",
    )
    assert deal.deal.company_title == "Bäckerei Krause"
    assert deal.deal.comments == "Wants a quote by Friday"
    assert [c.name for c in deal.contacts] == ["Petra Krause"]
    assert str(deal.custom[budget_deal.id]) == "5000.00"
    assert deal.custom[size_deal.id] == next(o.id for o in size_deal.options if o.label == "M")  # by label
    contact = services.contacts.get(result.contact_id)
    assert (contact.email, contact.company_ids) == ("petra@krause.example", (result.company_id,))
    converted = services.leads.get(lead.id)
    assert converted.status is LeadStatus.CONVERTED
    assert (converted.converted_deal_id, converted.converted_contact_id) == (
        result.deal_id,
        result.contact_id,
    )
    with pytest.raises(ValidationError, match="converted already"):
        services.leads.convert(lead.id, converted.version)


def test_conversion_reuses_a_chosen_contact_and_company(services: Services) -> None:
    company = services.companies.create(title="Krause GmbH")
    person = services.contacts.create(first_name="Petra", last_name="Krause", company_ids=[company.id])
    lead = _lead(services)
    result = services.leads.convert(lead.id, lead.version, contact_id=person.id, company_id=company.id)
    assert (result.contact_id, result.company_id) == (person.id, company.id)
    assert not result.created_contact
    assert not result.created_company
    assert services.customer_queries.count(CustomerKind.COMPANY) == 1


def test_undo_while_nothing_changed_and_refused_after(services: Services) -> None:
    lead = _lead(services)
    moved = services.leads.set_status(lead.id, lead.version, LeadStatus.PROCESSED)
    result = services.leads.convert(moved.id, moved.version)
    converted = services.leads.get(lead.id)
    back = services.leads.undo_conversion(lead.id, converted.version)
    assert back.status is LeadStatus.PROCESSED
    assert back.converted_deal_id is None
    with pytest.raises(Exception, match="does not exist"):
        services.deals.get(result.deal_id)
    with pytest.raises(Exception, match="does not exist"):
        services.contacts.get(result.contact_id)
    again = services.leads.convert(lead.id, back.version)
    deal = services.deals.get(again.deal_id)
    services.deals.update(deal.id, deal.version, probability=70)  # somebody works on the deal
    with pytest.raises(ValidationError, match="can't be undone"):
        services.leads.undo_conversion(lead.id, services.leads.get(lead.id).version)
    assert services.deals.get(again.deal_id).probability == 70
