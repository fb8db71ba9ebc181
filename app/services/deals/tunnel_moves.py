"""Following tunnels: deals that just came into a stage are copied (new, linked deals) or moved on
into the stages its tunnels lead to, in the same transaction as the move that brought them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import (
    CustomFieldDefinition,
    Deal,
    DealProductRow,
    EntityType,
    Stage,
    StageTunnel,
    TunnelMode,
    deal_contact,
    deal_copy,
    utcnow,
)
from app.services.core.context import UnitOfWork
from app.services.deals.writes import NO_TUNNELS, insert_deals, relocate
from app.services.fields.custom_fields import field_info, insert_values, read_values
from app.storage.database import transaction_memo

CHUNK = 500
MAX_DEPTH = 10  # tunnels after tunnels: loops are refused on saving, this is a second guard

# Copied from the deal to its copy; stage, pipeline, dates of the record itself are the copy's own.
COPIED_COLUMNS = (
    "title",
    "amount",
    "currency",
    "begin_date",
    "close_date",
    "probability",
    "responsible_id",
    "source",
    "company_id",
    "comments",
    "amount_from_products",
)


def follow_tunnels(uow: UnitOfWork, stage: Stage, deal_ids: Sequence[int], depth: int = 0) -> None:
    """These deals just came into the stage: copy or move them on through its tunnels."""
    if not deal_ids or depth >= MAX_DEPTH:
        return
    session = uow.session
    if stage.id in transaction_memo(session.connection()).get(NO_TUNNELS, ()):
        return  # known, in this transaction, to have none
    tunnels = session.scalars(
        select(StageTunnel).where(StageTunnel.source_stage_id == stage.id).order_by(StageTunnel.id)
    ).all()
    if not tunnels:
        return
    session.flush()  # the move that brought them is written before they go on
    for tunnel in sorted(tunnels, key=lambda t: t.mode is TunnelMode.MOVE):  # copies first, then the move
        target = session.get(Stage, tunnel.target_stage_id)
        if target is None:
            continue
        if tunnel.mode is TunnelMode.COPY:
            copies = copy_deals(uow, deal_ids, target)
            follow_tunnels(uow, target, copies, depth + 1)
        else:
            now = utcnow()
            for start in range(0, len(deal_ids), CHUNK):
                relocate(uow, Deal.id.in_(list(deal_ids[start : start + CHUNK])), target, now, None)
            session.expire_all()  # rows changed by SQL: read them again
            uow.emit("deal.stage_changed", list(deal_ids), {"pipeline_id", "stage_id"})
            follow_tunnels(uow, target, deal_ids, depth + 1)


def copy_deals(uow: UnitOfWork, deal_ids: Sequence[int], target: Stage) -> list[int]:
    """New deals in the target stage with the fields, contacts, custom values and product rows of
    these deals, each linked to the deal it was copied from. Returns the new ids in order."""
    session = uow.session
    fields = {
        d.id: field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.DEAL)
        )
    }
    created: list[int] = []
    for start in range(0, len(deal_ids), CHUNK):
        chunk = list(deal_ids[start : start + CHUNK])
        columns = [getattr(Deal, name) for name in COPIED_COLUMNS]
        rows = {
            row[0]: row[1:] for row in session.execute(select(Deal.id, *columns).where(Deal.id.in_(chunk)))
        }
        order = [i for i in chunk if i in rows]
        contacts: dict[int, list[int]] = {}
        for deal_id, contact_id in session.execute(
            select(deal_contact.c.deal_id, deal_contact.c.contact_id)
            .where(deal_contact.c.deal_id.in_(order))
            .order_by(deal_contact.c.deal_id, deal_contact.c.sort)
        ):
            contacts.setdefault(deal_id, []).append(contact_id)
        items = [
            (target, dict(zip(COPIED_COLUMNS, rows[i], strict=True)), contacts.get(i, [])) for i in order
        ]
        new_ids = insert_deals(uow, items)
        mapping = dict(zip(order, new_ids, strict=True))
        session.execute(
            insert(deal_copy), [{"deal_id": new, "source_deal_id": old} for old, new in mapping.items()]
        )
        values = read_values(session.connection(), list(fields.values()), order)
        insert_values(
            session,
            fields,
            [
                (mapping[old], {fid: v if isinstance(v, list) else [v] for fid, v in found.items()})
                for old, found in values.items()
            ],
        )
        _copy_rows(session, mapping)
        created.extend(new_ids)
    return created


def _copy_rows(session: Session, mapping: dict[int, int]) -> None:
    names = (
        "product_id",
        "sort",
        "name",
        "price",
        "quantity",
        "unit",
        "discount_type",
        "discount",
        "tax_rate",
        "tax_included",
    )
    rows: list[dict[str, Any]] = []
    for row in session.scalars(select(DealProductRow).where(DealProductRow.deal_id.in_(list(mapping)))):
        rows.append({"deal_id": mapping[row.deal_id], **{n: getattr(row, n) for n in names}})
    if rows:
        session.execute(insert(DealProductRow), rows)
