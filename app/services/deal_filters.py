"""What the deal views show: the filter, and the SQL conditions it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, false

from app.models import Deal
from app.services.search import search_condition


@dataclass(frozen=True)
class DealFilter:
    """Empty fields don't filter."""

    pipeline_id: int | None = None
    stage_ids: tuple[int, ...] = ()
    responsible_ids: tuple[int, ...] = ()
    company_id: int | None = None
    closed: bool | None = None
    source: str | None = None
    search: str = ""
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    close_from: date | None = None
    close_to: date | None = None


def deal_conditions(f: DealFilter, dialect: str) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.pipeline_id is not None:
        conditions.append(Deal.pipeline_id == f.pipeline_id)
    if f.stage_ids:
        conditions.append(Deal.stage_id.in_(f.stage_ids))
    if f.responsible_ids:
        conditions.append(Deal.responsible_id.in_(f.responsible_ids))
    if f.company_id is not None:
        conditions.append(Deal.company_id == f.company_id)
    if f.closed is not None:
        conditions.append(Deal.closed.is_(f.closed))
    if f.source:
        conditions.append(Deal.source == f.source)
    if f.amount_min is not None:
        conditions.append(Deal.amount >= f.amount_min)
    if f.amount_max is not None:
        conditions.append(Deal.amount <= f.amount_max)
    if f.close_from is not None:
        conditions.append(Deal.close_date >= f.close_from)
    if f.close_to is not None:
        conditions.append(Deal.close_date <= f.close_to)
    if f.search.strip():
        found = search_condition(dialect, f.search)
        conditions.append(found if found is not None else false())  # only punctuation typed
    return conditions
