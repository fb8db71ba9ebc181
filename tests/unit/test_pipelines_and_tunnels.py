"""Pipelines and stages as administrators shape them; deals moved between pipelines; tunnels."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817

import pytest

from app.models import StageSemantic, TunnelMode
from app.services.container import Services
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.deals.bulk import DealSelection
from app.services.deals.filters import DealFilter
from app.services.deals.pricing import ProductLine
from app.services.deals.queries import DealSort
from app.services.fields.custom_fields import EntityType, FieldType


def _sales(services: Services):
    return services.pipelines.list()[0]


def _second(services: Services, name: str = "Service"):
    created = services.pipelines.create_pipeline(name)
    services.pipelines.add_stage(created.id, "Planning")
    return next(p for p in services.pipelines.list() if p.id == created.id)


def _in_progress(pipeline):
    return [s for s in pipeline.stages if s.semantic is StageSemantic.IN_PROGRESS]


# -- pipelines and stages ---------------------------------------------------------------------------


def test_semantics_one_success_stage_and_the_last_of_a_kind_stays(services: Services) -> None:
    pipeline = _second(services)
    with pytest.raises(ValidationError, match="exactly one success stage"):
        services.pipelines.add_stage(pipeline.id, "Also won", semantic=StageSemantic.WON)
    lost_again = services.pipelines.add_stage(pipeline.id, "Cancelled", semantic=StageSemantic.LOST)
    assert [s.name for s in services.pipelines.list()[-1].stages][-1] == "Cancelled"  # closing stages last
    won = next(s for s in pipeline.stages if s.semantic is StageSemantic.WON)
    with pytest.raises(ValidationError, match="success stage and at least one failure stage"):
        services.pipelines.delete_stage(won.id, won.version)
    services.pipelines.delete_stage(lost_again.id, lost_again.version)  # another failure stage remains


def test_deleting_a_stage_with_deals_asks_where_they_go(services: Services) -> None:
    stages = _in_progress(_sales(services))
    deals = [services.deals.create(title=f"D{i}", stage_id=stages[1].id) for i in range(3)]
    with pytest.raises(ValidationError, match="still holds 3 deals"):
        services.pipelines.delete_stage(stages[1].id, stages[1].version)
    with pytest.raises(ValidationError, match="same pipeline"):
        services.pipelines.delete_stage(
            stages[1].id, stages[1].version, move_to=_second(services).stages[0].id
        )
    services.pipelines.delete_stage(stages[1].id, stages[1].version, move_to=stages[2].id)
    assert {services.deals.get(d.id).stage_id for d in deals} == {stages[2].id}
    last = services.deals.history(deals[0].id)[-1]
    assert (last.field, last.old_value, last.new_value) == ("stage_id", str(stages[1].id), str(stages[2].id))
    assert stages[1].id not in [s.id for s in _sales(services).stages]


def test_deleting_a_pipeline_moves_its_deals_to_another(services: Services) -> None:
    other = _second(services)
    deal = services.deals.create(title="Moving house", pipeline_id=other.id)
    target = _in_progress(_sales(services))[0]
    with pytest.raises(ValidationError, match="still holds 1 deals"):
        services.pipelines.delete_pipeline(other.id, other.version)
    services.pipelines.delete_pipeline(other.id, other.version, move_to_stage=target.id)
    moved = services.deals.get(deal.id)
    assert (moved.pipeline_id, moved.stage_id) == (target.pipeline_id, target.id)
    assert [p.id for p in services.pipelines.list()] == [_sales(services).id]
    default = _sales(services)
    with pytest.raises(ValidationError, match="default pipeline"):
        services.pipelines.delete_pipeline(default.id, default.version)


def test_reorder_pipelines_and_idle_days(services: Services) -> None:
    a, b = _second(services, "A"), _second(services, "B")
    sales = _sales(services)
    names = [p.name for p in services.pipelines.reorder_pipelines([sales.id, b.id, a.id])]
    assert names == [sales.name, "B", "A"]
    stage = _in_progress(sales)[0]
    updated = services.pipelines.update_stage(stage.id, stage.version, idle_days=14)
    assert updated.idle_days == 14
    with pytest.raises(ValidationError, match="Idle days"):
        services.pipelines.update_stage(stage.id, updated.version, idle_days=0)
    assert services.pipelines.update_stage(stage.id, updated.version, idle_days=None).idle_days is None


def test_only_administrators_shape_pipelines(services: Services) -> None:
    services.users.create(login="eva", name="Eva")
    eva = services.as_user("eva")
    stage = _in_progress(_sales(services))[0]
    with pytest.raises(PermissionDeniedError):
        eva.pipelines.create_pipeline("Mine")
    with pytest.raises(PermissionDeniedError):
        eva.pipelines.update_stage(stage.id, stage.version, name="Renamed")
    with pytest.raises(PermissionDeniedError):
        eva.tunnels.add(stage.id, _second(services).stages[0].id)


# -- another pipeline ---------------------------------------------------------------------------------


def test_a_deal_moves_to_another_pipeline_with_both_in_its_history(services: Services) -> None:
    other = _second(services)
    deal = services.deals.create(title="Repair")
    target = _in_progress(other)[1]
    moved = services.deals.move_to_pipeline(deal.id, deal.version, target.id)
    assert (moved.pipeline_id, moved.stage_id, moved.version) == (other.id, target.id, deal.version + 1)
    changes = {
        h.field: (h.old_value, h.new_value)
        for h in services.deals.history(deal.id)
        if h.version == moved.version
    }
    assert changes == {
        "pipeline_id": (str(deal.pipeline_id), str(other.id)),
        "stage_id": (str(deal.stage_id), str(target.id)),
    }
    assert [v.pipeline_name for v in services.deals.stage_visits(deal.id)] == [deal.pipeline_name, other.name]


def test_bulk_move_to_another_pipeline(services: Services) -> None:
    other = _second(services)
    ids = tuple(services.deals.create(title=f"Deal {i}").id for i in range(4))
    result = services.deal_bulk.move_to_pipeline(DealSelection(ids=ids), other.stages[0].id)
    assert result.changed == 4
    assert services.deal_queries.count(DealFilter(pipeline_id=other.id)) == 4
    assert services.deal_bulk.last_undoable() is None  # not offered as undoable


# -- tunnels ------------------------------------------------------------------------------------------


def test_a_copy_tunnel_makes_a_linked_deal_with_everything(services: Services) -> None:
    sales, other = _sales(services), _second(services)
    invoice, planning = _in_progress(sales)[2], _in_progress(other)[1]
    services.tunnels.add(invoice.id, planning.id, TunnelMode.COPY)
    region = services.custom_fields.create(
        EntityType.DEAL, "Region", FieldType.LIST, options=["North", "South"]
    )
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Office fit-out", "amount": "10"},
        custom={region.id: region.options[1].id},
        products=[ProductLine("Desk", D("100.00"), D(2), tax_rate=D(19))],
        amount_from_products=True,
        new_company="Becker AG",
        new_contacts=["Anna Becker"],
    )
    deal = saved.deal
    services.deals.move_stage(deal.id, invoice.id, expected_version=deal.version)
    source_id, copies = services.tunnels.copies(deal.id)
    assert source_id is None
    assert len(copies) == 1
    copy = services.deal_form.load(copies[0])
    assert (copy.deal.pipeline_id, copy.deal.stage_id) == (other.id, planning.id)
    assert (copy.deal.title, copy.deal.amount, copy.deal.company_title) == (
        "Office fit-out",
        D("238.00"),
        "Becker AG",
    )
    assert [c.name for c in copy.contacts] == ["Anna Becker"]
    assert copy.custom == {region.id: region.options[1].id}
    assert [(r.name, r.quantity) for r in copy.products] == [("Desk", D(2))]
    assert services.tunnels.copies(copy.deal.id) == (deal.id, [])
    assert services.deals.get(deal.id).stage_id == invoice.id  # the original stays


def test_a_move_tunnel_carries_the_deal_on_and_chains(services: Services) -> None:
    sales, second, third = _sales(services), _second(services, "Second"), _second(services, "Third")
    won = next(s for s in sales.stages if s.semantic is StageSemantic.WON)
    services.tunnels.add(won.id, second.stages[0].id, TunnelMode.MOVE)
    services.tunnels.add(second.stages[0].id, third.stages[0].id, TunnelMode.COPY)
    deal = services.deals.create(title="Contract")
    ids = (deal.id,)
    services.deal_bulk.update(DealSelection(ids=ids), "stage_id", won.id)  # a bulk move follows tunnels too
    moved = services.deals.get(deal.id)
    assert (moved.pipeline_id, moved.stage_id) == (second.id, second.stages[0].id)
    assert [v.stage_name for v in services.deals.stage_visits(deal.id)] == [
        sales.stages[0].name,
        won.name,
        second.stages[0].name,
    ]
    _source, copies = services.tunnels.copies(deal.id)
    assert services.deals.get(copies[0]).pipeline_id == third.id


def test_tunnel_rules_loops_same_pipeline_one_move(services: Services) -> None:
    sales, other = _sales(services), _second(services)
    a, b = _in_progress(sales)[0], _in_progress(other)[0]
    services.tunnels.add(a.id, b.id, TunnelMode.MOVE)
    with pytest.raises(ValidationError, match="round in circles"):
        services.tunnels.add(b.id, a.id)
    with pytest.raises(ValidationError, match="another pipeline"):
        services.tunnels.add(a.id, _in_progress(sales)[1].id)
    third = _second(services, "Third")
    with pytest.raises(ValidationError, match="one tunnel only"):
        services.tunnels.add(a.id, third.stages[0].id, TunnelMode.MOVE)
    copy = services.tunnels.add(a.id, third.stages[0].id, TunnelMode.COPY)
    with pytest.raises(ValidationError, match="already"):
        services.tunnels.add(a.id, third.stages[0].id)
    with pytest.raises(ValidationError, match="one tunnel only"):
        services.tunnels.set_mode(copy.id, copy.version, TunnelMode.MOVE)
    services.tunnels.delete(copy.id, copy.version)
    assert len(services.tunnels.list()) == 1


# -- stale deals --------------------------------------------------------------------------------------


def test_deals_idle_longer_than_their_stage_allows_are_stale(services: Services) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from app.models import Deal, utcnow

    stages = _in_progress(_sales(services))
    services.pipelines.update_stage(stages[0].id, stages[0].version, idle_days=3)
    old, fresh, elsewhere = (services.deals.create(title=t) for t in ("Old", "Fresh", "Elsewhere"))
    moved = services.deals.move_stage(elsewhere.id, stages[1].id, expected_version=elsewhere.version)
    long_ago = utcnow() - timedelta(days=5)
    with services.database.engine.begin() as conn:
        conn.execute(update(Deal).where(Deal.id.in_([old.id, moved.id])).values(stage_changed_at=long_ago))
    stale = services.deal_queries.page(DealFilter(stale=True), DealSort(), 0, 10)
    assert [r.id for r in stale] == [old.id]
    assert services.deal_queries.count(DealFilter(stale=True)) == 1
    rows = {r.id: r.stale for r in services.deal_queries.rows([old.id, fresh.id, moved.id])}
    assert rows == {old.id: True, fresh.id: False, moved.id: False}
    won = next(s for s in _sales(services).stages if s.semantic is StageSemantic.WON)
    services.deal_bulk.update(DealSelection(ids=(old.id,)), "stage_id", won.id)
    assert services.deal_queries.count(DealFilter(stale=True)) == 0  # closed deals are never stale


# -- the product catalog --------------------------------------------------------------------------------


def test_products_have_sections_and_can_be_switched_off(services: Services) -> None:
    desk = services.products.create(name="Standing desk", price="499.00", tax_rate="19", section="Furniture")
    services.products.create(name="Espresso beans", price="18.90", tax_rate="7", section="Coffee")
    services.products.create(name="Gift card", price="50.00")
    assert list(services.products.sections()) == ["Coffee", "Furniture"]
    assert [p.name for p in services.products.list(section="Furniture")] == ["Standing desk"]
    off = services.products.update(desk.id, desk.version, active=False)
    assert not off.active
    assert "Standing desk" not in [p.name for p in services.products.list(active_only=True)]
    with pytest.raises(ValidationError, match="Section can be at most 100"):
        services.products.create(name="X", section="s" * 101)
