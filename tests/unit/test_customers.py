"""Contacts and companies: their lists, forms with custom fields, deals, duplicates and merging."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, ValidationError
from app.services.customers.duplicates import Reason, fold_name, phone_digits
from app.services.customers.queries import CustomerKind, CustomerSort
from app.services.fields.custom_fields import EntityType, FieldType

CONTACT, COMPANY = CustomerKind.CONTACT, CustomerKind.COMPANY


def _people(services: Services):
    becker = services.companies.create(title="Becker AG", email="info@becker.de")
    koch = services.companies.create(title="Koch & Söhne GmbH", phone="+49 30 1234567")
    anna = services.contacts.create(
        first_name="Anna", last_name="Becker", email="anna@becker.de", company_ids=[becker.id]
    )
    ben = services.contacts.create(first_name="Ben", last_name="Koch", company_ids=[becker.id, koch.id])
    return becker, koch, anna, ben


def test_lists_count_sort_search_and_show_related(services: Services) -> None:
    becker, _koch, anna, ben = _people(services)
    services.deals.create(title="Office", company_id=becker.id, contact_ids=[anna.id, ben.id])
    queries = services.customer_queries
    assert queries.count(CONTACT) == 2
    rows = queries.page(CONTACT, CustomerSort("name"), 0, 10)
    assert [r.name for r in rows] == ["Anna Becker", "Ben Koch"]  # by last name
    assert rows[1].related in (
        "Becker AG, Koch & Söhne GmbH",
        "Koch & Söhne GmbH, Becker AG",
    )  # a contact in two
    assert [r.deals for r in rows] == [1, 1]
    assert [r.name for r in queries.page(CONTACT, CustomerSort("name", descending=True), 0, 10)] == [
        "Ben Koch",
        "Anna Becker",
    ]
    assert [r.name for r in queries.page(CONTACT, CustomerSort(), 0, 10, search="koc")] == ["Ben Koch"]
    assert [r.name for r in queries.page(CONTACT, CustomerSort(), 0, 10, search="anna@")] == ["Anna Becker"]
    assert [r.name for r in queries.page(COMPANY, CustomerSort(), 0, 10, search="söhne")] == [
        "Koch & Söhne GmbH"
    ]
    companies = queries.page(COMPANY, CustomerSort("deals", descending=True), 0, 10)
    assert [(c.name, c.deals) for c in companies] == [("Becker AG", 1), ("Koch & Söhne GmbH", 0)]


def test_bulk_responsible_delete_and_export(services: Services, tmp_path: Path) -> None:
    becker, _koch, anna, ben = _people(services)
    deal = services.deals.create(title="Office", company_id=becker.id, contact_ids=[anna.id])
    eva = services.users.create(login="eva", name="Eva")
    queries = services.customer_queries
    assert queries.set_responsible(CONTACT, [anna.id, ben.id], eva.id) == 2
    assert {r.responsible_name for r in queries.rows(CONTACT, [anna.id, ben.id])} == {"Eva"}
    assert services.contacts.get(anna.id).version == anna.version + 1
    path = tmp_path / "contacts.csv"
    assert queries.export(CONTACT, [anna.id, ben.id], path, {"name": "Name"}) == 2
    assert path.read_text(encoding="utf-8-sig").splitlines()[1].startswith("Anna Becker,")
    assert queries.delete(COMPANY, [becker.id]) == 1
    assert services.deals.get(deal.id).company_id is None  # the deal stays, without the company
    assert services.contacts.get(anna.id).company_ids == ()
    assert services.customer_queries.count(COMPANY) == 1


def test_form_saves_fields_and_custom_values_together(services: Services) -> None:
    segment = services.custom_fields.create(
        EntityType.COMPANY, "Segment", FieldType.LIST, options=["Retail", "Industry"], required=True
    )
    form = services.customer_form
    with pytest.raises(ValidationError) as caught:
        form.save(COMPANY, None, None, values={"title": "", "email": "not-mail"}, custom={})
    messages = {str(m) for m in caught.value.messages}
    assert "Segment is required." in messages
    assert any("e-mail" in m for m in messages)
    assert services.customer_queries.count(COMPANY) == 0  # nothing half-saved
    saved = form.save(
        COMPANY, None, None, values={"title": "Lindner KG"}, custom={segment.id: segment.options[1].id}
    )
    assert saved.custom == {segment.id: segment.options[1].id}
    again = form.save(
        COMPANY,
        saved.record.id,
        saved.record.version,
        values={"industry": "Cafés"},
        custom={segment.id: segment.options[0].id},
    )
    assert (again.record.industry, again.custom[segment.id]) == ("Cafés", segment.options[0].id)
    assert again.record.version == saved.record.version + 1
    with pytest.raises(ConflictError):
        form.save(COMPANY, saved.record.id, saved.record.version, values={"industry": "Bakery"})


def test_deal_figures_of_a_customer(services: Services) -> None:
    becker, _koch, anna, _ben = _people(services)
    pipeline = services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    services.deals.create(
        title="A", amount="100.00", company_id=becker.id, contact_ids=[anna.id], stage_id=won.id
    )
    services.deals.create(title="B", amount="50.00", company_id=becker.id)
    figures = services.customer_form.deals(COMPANY, becker.id)
    assert (figures.all.count, figures.open.count, figures.won.count) == (2, 1, 1)
    assert figures.won.total == D("100.00")
    assert services.customer_form.deals(CONTACT, anna.id).all.count == 1


def test_names_phones_and_emails_are_compared_as_people_mean_them() -> None:
    assert fold_name(COMPANY, "Koch & Söhne GmbH") == fold_name(COMPANY, "koch söhne")
    assert fold_name(CONTACT, "Jürgen  Strauß") == "jürgen strauss"
    assert phone_digits("+49 30 1234567") == phone_digits("030 / 123 45 67")[-9:] == "301234567"


def test_duplicates_on_create_and_on_demand(services: Services) -> None:
    _becker, koch, anna, _ben = _people(services)
    found = services.duplicates.find(CONTACT, name="Anne Becker", email="ANNA@becker.de")
    assert [(d.id, d.reason) for d in found] == [(anna.id, Reason.EMAIL)]
    assert [d.reason for d in services.duplicates.find(COMPANY, name="x", phone="030 1234567")] == [
        Reason.PHONE
    ]
    assert [d.id for d in services.duplicates.find(COMPANY, name="Koch und Söhne")] == [koch.id]
    assert services.duplicates.find(COMPANY, name="Koch und Söhne", exclude_id=koch.id) == []
    services.contacts.create(first_name="Anna", last_name="Becker")
    groups = services.duplicates.scan(CONTACT)
    assert [sorted(d.name for d in g) for g in groups] == [["Anna Becker", "Anna Becker"]]


def test_merging_keeps_chosen_fields_and_moves_deals_and_links(services: Services) -> None:
    becker, koch, anna, _ben = _people(services)
    twin = services.contacts.create(
        first_name="Anna", last_name="Becker", phone="0171 555", position="CEO", company_ids=[koch.id]
    )
    tag = services.custom_fields.create(EntityType.CONTACT, "Newsletter", FieldType.BOOLEAN)
    twin_version = services.custom_fields.set_values(
        EntityType.CONTACT, twin.id, twin.version, {tag.id: True}
    )
    on_both = services.deals.create(title="Both", contact_ids=[anna.id, twin.id])
    only_twin = services.deals.create(title="Twin", contact_ids=[twin.id])
    link = services.custom_fields.create(EntityType.DEAL, "Decider", FieldType.CONTACT)
    services.custom_fields.set_values(EntityType.DEAL, only_twin.id, only_twin.version, {link.id: twin.id})
    anna_now = services.contacts.get(anna.id)
    kept = services.duplicates.merge(
        CONTACT, (anna.id, anna_now.version), (twin.id, twin_version), ["position"]
    )
    assert kept == anna.id
    merged = services.contacts.get(anna.id)
    assert (merged.position, merged.phone, merged.email) == (
        "CEO",
        None,
        "anna@becker.de",
    )  # phone not chosen
    assert set(merged.company_ids) == {becker.id, koch.id}
    assert services.customer_form.load(CONTACT, anna.id).custom == {tag.id: True}  # empty here: filled
    assert services.deal_form.load(on_both.id).contacts[0].id == anna.id
    assert [c.id for c in services.deal_form.load(on_both.id).contacts] == [anna.id]  # not twice
    assert [c.id for c in services.deal_form.load(only_twin.id).contacts] == [anna.id]
    assert services.deal_form.load(only_twin.id).custom[link.id] == anna.id
    with pytest.raises(Exception, match="does not exist"):
        services.contacts.get(twin.id)
    merged_entries = [h for h in services.contacts.history(anna.id) if h.action == "merged"]
    assert {h.field for h in merged_entries} == {"position", "uf:newsletter", "merged"}
    assert [h.old_value for h in services.contacts.history(twin.id)][-1] == f"→ #{anna.id} Anna Becker"
    with pytest.raises(ValidationError, match="itself"):
        services.duplicates.merge(CONTACT, (anna.id, merged.version), (anna.id, merged.version))
