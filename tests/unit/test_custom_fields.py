"""Custom fields: definitions, typed values, history and versions, sorting and filtering by them."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest

from app.models import EntityType, FieldType
from app.services.container import Services, open_services
from app.services.core.errors import ConflictError, ValidationError
from app.services.deals.filters import CustomCondition, DealFilter
from app.services.deals.queries import DealSort
from app.services.fields.custom_fields import encode


def test_definitions_get_codes_and_choices(services: Services) -> None:
    fields = services.custom_fields
    region = fields.create(
        EntityType.DEAL, "Region (Vertrieb)", FieldType.LIST, options=["Nord", "Süd", "West"]
    )
    again = fields.create(EntityType.DEAL, "Region (Vertrieb)", FieldType.STRING)
    assert (region.code, again.code) == ("region_vertrieb", "region_vertrieb_2")
    assert [o.label for o in region.options] == ["Nord", "Süd", "West"]
    with pytest.raises(ValidationError, match="at least one choice"):
        fields.create(EntityType.DEAL, "Empty list", FieldType.LIST)
    assert [f.label for f in fields.list(EntityType.DEAL)] == ["Region (Vertrieb)", "Region (Vertrieb)"]
    assert fields.list(EntityType.CONTACT) == []


def test_values_are_typed_validated_and_versioned(services: Services) -> None:
    fields = services.custom_fields
    budget = fields.create(EntityType.DEAL, "Budget", FieldType.MONEY)
    start = fields.create(EntityType.DEAL, "Project start", FieldType.DATE)
    signed = fields.create(EntityType.DEAL, "Signed", FieldType.BOOLEAN)
    tags = fields.create(EntityType.DEAL, "Tags", FieldType.LIST, options=["A", "B"], multiple=True)
    deal = services.deals.create(title="D")
    version = fields.set_values(
        EntityType.DEAL,
        deal.id,
        deal.version,
        {
            budget.id: "1234.56",
            start.id: "2027-03-01",
            signed.id: True,
            tags.id: [o.id for o in tags.options],
        },
    )
    assert version == deal.version + 1
    values = fields.values(EntityType.DEAL, [deal.id])[deal.id]
    assert values == {
        budget.id: Decimal("1234.56"),
        start.id: date(2027, 3, 1),
        signed.id: True,
        tags.id: [tags.options[0].id, tags.options[1].id],
    }
    history = [h for h in services.deals.history(deal.id) if h.field and h.field.startswith("uf:")]
    assert {h.field for h in history} == {"uf:budget", "uf:project_start", "uf:signed", "uf:tags"}
    with pytest.raises(ValidationError, match="'12,5' is not a valid value for Budget"):
        fields.set_values(EntityType.DEAL, deal.id, version, {budget.id: "12,5"})
    with pytest.raises(ValidationError, match="Budget takes one value"):
        fields.set_values(EntityType.DEAL, deal.id, version, {budget.id: ["1", "2"]})
    with pytest.raises(ConflictError):
        fields.set_values(EntityType.DEAL, deal.id, deal.version, {budget.id: "1"})
    assert fields.values(EntityType.DEAL, [deal.id])[deal.id][budget.id] == Decimal("1234.56")


def test_deleting_a_field_says_how_many_values_went(services: Services) -> None:
    note = services.custom_fields.create(EntityType.DEAL, "Note", FieldType.STRING)
    for title in ("A", "B", "C"):
        deal = services.deals.create(title=title)
        services.custom_fields.set_values(EntityType.DEAL, deal.id, deal.version, {note.id: f"note {title}"})
    assert services.custom_fields.delete(note.id, note.version) == 3
    assert services.custom_fields.list() == []


@pytest.fixture(scope="module")
def scored_template(demo_template, tmp_path_factory):
    """The demo deals with a number field (set on most) and a list field; made once."""
    path = tmp_path_factory.mktemp("scored") / "scored.sqlite"
    shutil.copy(demo_template, path)
    services = open_services(str(path))
    fields = services.custom_fields
    score = fields.create(EntityType.DEAL, "Score", FieldType.INTEGER)
    tier = fields.create(EntityType.DEAL, "Tier", FieldType.LIST, options=["Gold", "Silver", "Bronze"])
    rows = services.deal_queries.page(DealFilter(), DealSort(), 0, 400)
    for n, row in enumerate(rows):
        values = {tier.id: tier.options[n % 3].id}
        if n % 5:
            values[score.id] = (n * 37) % 101
        fields.set_values(EntityType.DEAL, row.id, row.version, values)
    services.close()
    return path, score, tier


@pytest.fixture
def scored(scored_template, tmp_path, monkeypatch):
    path, score, tier = scored_template
    copy = tmp_path / "scored.sqlite"
    shutil.copy(path, copy)
    services = open_services(str(copy))
    yield services, score, tier
    services.close()


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_a_custom_number_and_a_list(scored, descending: bool) -> None:
    demo_services, score, tier = scored
    fields = demo_services.custom_fields
    for field in (score, tier):
        sort = DealSort(f"uf:{field.id}", descending)
        cursor = demo_services.deal_queries.cursor(DealFilter(), sort)
        ids = [
            r.id
            for o in range(0, 400, 37)
            for r in demo_services.deal_queries.page(DealFilter(), sort, o, 37, cursor)
        ]
        assert len(ids) == len(set(ids)) == 400
        values = fields.values(EntityType.DEAL, ids, [field])
        if field is tier:
            rank = {o.id: o.sort for o in tier.options}
            keys = [rank[values[i][tier.id]] for i in ids]
        else:
            keys = [
                (values.get(i, {}).get(score.id) is not None, values.get(i, {}).get(score.id, -1), i)
                for i in ids
            ]
        assert keys == sorted(keys, reverse=descending)


def test_filtering_by_custom_fields(scored) -> None:
    demo_services, score, tier = scored
    gold = tier.options[0].id
    in_gold = DealFilter(custom=(CustomCondition(tier.id, "value_int", "in", (gold,)),))
    assert demo_services.deal_queries.count(in_gold) == 134
    high = DealFilter(custom=(CustomCondition(score.id, "value_int", "range", (90, None)),))
    ids = [r.id for r in demo_services.deal_queries.page(high, DealSort(), 0, 400)]
    values = demo_services.custom_fields.values(EntityType.DEAL, ids, [score])
    assert ids
    assert all(values[i][score.id] >= 90 for i in ids)
    unset = DealFilter(custom=(CustomCondition(score.id, "value_int", "unset"),))
    assert demo_services.deal_queries.count(unset) == 80
    saved = DealFilter.from_json(high.to_json())
    assert saved == high


def test_encoding_keeps_order() -> None:
    from app.services.fields.custom_fields import CustomFieldInfo

    money = CustomFieldInfo(
        1, EntityType.DEAL, "m", "M", FieldType.MONEY, False, False, True, True, None, 0, (), 1
    )
    assert encode(money, Decimal("10.05")) < encode(money, Decimal("10.5"))
