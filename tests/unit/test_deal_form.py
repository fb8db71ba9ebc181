"""Saving the deal form: one transaction for fields, custom values, product rows and new customers."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817 - amounts read better short

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, ValidationError
from app.services.deals.filters import DealFilter
from app.services.deals.pricing import DiscountType, ProductLine
from app.services.fields.custom_fields import EntityType, FieldType


def _region(services: Services):
    return services.custom_fields.create(
        EntityType.DEAL, "Region", FieldType.LIST, options=["North", "South"]
    )


def test_a_new_deal_with_products_and_a_custom_list_field(services: Services) -> None:
    region = _region(services)
    south = region.options[1].id
    rows = [
        ProductLine("Desk", D("100.00"), D(3), discount=D(10), tax_rate=D(19)),
        ProductLine(
            "Chair", D("50.00"), D(2), discount_type=DiscountType.AMOUNT, discount=D(5), tax_rate=D(7)
        ),
    ]
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Office for Becker", "amount": "1"},
        custom={region.id: south},
        products=rows,
        amount_from_products=True,
        new_company="Becker AG",
        new_contacts=["Anna Becker"],
    )
    deal = saved.deal
    assert deal.amount == D("321.30") + D("96.30")  # the gross of the rows, not the typed 1
    assert deal.amount_from_products
    assert deal.company_title == "Becker AG"
    assert [c.name for c in saved.contacts] == ["Anna Becker"]
    assert saved.custom == {region.id: south}
    assert [r.name for r in saved.products] == ["Desk", "Chair"]
    reread = services.deal_form.load(deal.id)
    assert reread.products == saved.products


def test_the_amount_follows_the_rows_only_when_switched_on(services: Services) -> None:
    saved = services.deal_form.save(
        None, None, values={"title": "Typed", "amount": "500"}, products=[ProductLine("Pen", D("2.00"))]
    )
    assert saved.deal.amount == D("500.00")
    again = services.deal_form.save(saved.deal.id, saved.deal.version, values={}, amount_from_products=True)
    assert again.deal.amount == D("2.00")  # computed from the stored rows
    history = services.deals.history(saved.deal.id)
    assert any(h.field == "amount_from_products" for h in history)


def test_every_problem_is_reported_at_once_and_nothing_is_saved(services: Services) -> None:
    region = services.custom_fields.create(EntityType.DEAL, "Budget", FieldType.MONEY, required=True)
    with pytest.raises(ValidationError) as caught:
        services.deal_form.save(
            None,
            None,
            values={"title": "", "amount": "abc"},
            custom={},
            products=[ProductLine("", D("1.00")), ProductLine("Pen", D("1.00"), D(0))],
        )
    fields = [p.field for p in caught.value.problems]
    assert "title" in fields
    assert "amount" in fields
    assert f"uf:{region.code}" in fields
    assert fields.count("products") == 2
    texts = " ".join(str(p.message) for p in caught.value.problems)
    assert "Product row 1" in texts
    assert "Product row 2" in texts
    assert services.deal_queries.count(DealFilter()) == 0
    assert not services.companies.list() if hasattr(services.companies, "list") else True


def test_a_save_over_somebody_elses_change_is_refused(services: Services) -> None:
    saved = services.deal_form.save(None, None, values={"title": "Mine"})
    services.deals.update(saved.deal.id, saved.deal.version, title="Theirs")
    with pytest.raises(ConflictError) as caught:
        services.deal_form.save(saved.deal.id, saved.deal.version, values={"title": "Mine again"})
    assert caught.value.changes
    assert caught.value.changes[0].field == "title"
    assert services.deals.get(saved.deal.id).title == "Theirs"


def test_product_rows_are_history(services: Services) -> None:
    saved = services.deal_form.save(
        None, None, values={"title": "Rows"}, products=[ProductLine("Pen", D("2.00"))]
    )
    services.deal_form.save(
        saved.deal.id, saved.deal.version, values={}, products=[ProductLine("Pen", D("2.00"), D(5))]
    )
    entries = [h for h in services.deal_form.timeline(saved.deal.id) if h.field == "products"]
    assert entries[0].old_value == "Pen × 1 à 2.00"
    assert entries[0].new_value == "Pen × 5 à 2.00"


def test_custom_defaults_prefill_new_deals(services: Services) -> None:
    region = services.custom_fields.create(
        EntityType.DEAL, "Region", FieldType.LIST, options=["North", "South"], default_value="South"
    )
    services.custom_fields.create(EntityType.DEAL, "Channel", FieldType.STRING, default_value="Shop")
    defaults = services.deal_form.new_defaults()
    assert defaults[region.id] == region.options[1].id
    assert "Shop" in defaults.values()


def test_a_field_is_updated_but_never_changes_type(services: Services) -> None:
    region = _region(services)
    north, south = region.options
    deal = services.deal_form.save(None, None, values={"title": "A"}, custom={region.id: south.id}).deal
    other = services.deal_form.save(None, None, values={"title": "B"}, custom={region.id: north.id}).deal
    assert services.custom_fields.value_count(region.id) == 2
    updated = services.custom_fields.update(
        region.id,
        region.version,
        label="Sales region",
        options=[(north.id, "North"), (None, "East")],
        show_in_list=False,
    )
    assert updated.label == "Sales region"
    assert [o.label for o in updated.options] == ["North", "East"]
    assert not updated.show_in_list
    assert services.deal_form.load(deal.id).custom == {}  # South went, and with it that value
    assert services.deal_form.load(other.id).custom == {region.id: north.id}
    with pytest.raises(ValueError, match="not changeable"):
        services.custom_fields.update(region.id, updated.version, field_type=FieldType.STRING)


def test_a_filter_on_one_custom_field_reads_its_index_alone(demo_services: Services) -> None:
    from app.services.deals.filters import CustomCondition
    from app.services.deals.queries import DealSort

    region = next(f for f in demo_services.custom_fields.list() if f.code == "region")
    south = region.options[1].id
    fast = DealFilter(custom=(CustomCondition(region.id, "value_int", "in", (south,)),))
    slow = DealFilter(custom=fast.custom, amount_min=D("-1"))  # one more (always true) condition
    queries = demo_services.deal_queries
    assert queries.cursor(fast, DealSort())._driver is not None
    assert queries.cursor(slow, DealSort())._driver is None
    assert queries.count(fast) == queries.count(slow) > 0
    assert queries.summary(fast) == queries.summary(slow)
    total = queries.count(fast)
    for offset in (0, total // 2, total - 5):
        assert [r.id for r in queries.page(fast, DealSort(), offset, 20)] == [
            r.id for r in queries.page(slow, DealSort(), offset, 20)
        ]
