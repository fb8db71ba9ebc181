"""Paged, sorted, filtered deal queries for the views: light rows, never ORM objects, never all rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import Company, Contact, Currency, Deal, Pipeline, Stage, StageSemantic, User, deal_contact
from app.services.context import ServiceContext

PAGE_SIZE = 100


@dataclass(frozen=True)
class DealFilter:
    """What the Deals area shows; empty fields don't filter."""

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


@dataclass(frozen=True)
class DealSort:
    column: str = "id"
    descending: bool = True


@dataclass(frozen=True, slots=True)
class DealRow:
    """One row of the deal list: the deal and the names of what it refers to, read in one query."""

    id: int
    title: str
    pipeline_id: int
    pipeline_name: str
    stage_id: int
    stage_name: str
    stage_color: str
    stage_semantic: StageSemantic
    amount: Decimal
    currency: str
    company_id: int | None
    company_title: str | None
    contact_name: str | None
    responsible_id: int | None
    responsible_name: str | None
    begin_date: date | None
    close_date: date | None
    source: str | None
    created_at: datetime
    closed: bool
    version: int


@dataclass(frozen=True)
class DealSummary:
    count: int
    total: Decimal  # in the base currency
    base_currency: str
    by_currency: dict[str, Decimal] = field(default_factory=dict)


# Sorts on the deal's own columns walk an index; sorts on names of related rows need a join.
_OWN_SORTS: dict[str, Any] = {
    "id": Deal.id,
    "title": Deal.title,
    "amount": Deal.amount,
    "currency": Deal.currency,
    "begin_date": Deal.begin_date,
    "close_date": Deal.close_date,
    "created_at": Deal.created_at,
    "source": Deal.source,
}
_JOINED_SORTS: dict[str, Any] = {
    "stage": Stage.sort,
    "pipeline": Pipeline.name,
    "company": Company.title,
    "responsible": User.name,
}
SORT_COLUMNS = frozenset(_OWN_SORTS) | frozenset(_JOINED_SORTS)


class DealQueryService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def count(self, deal_filter: DealFilter) -> int:
        with self._ctx.read() as session:
            return (
                session.scalar(select(func.count()).select_from(Deal).where(*_conditions(deal_filter))) or 0
            )

    def summary(self, deal_filter: DealFilter) -> DealSummary:
        """Count and total amount (converted to the base currency) of the filtered deals."""
        with self._ctx.read() as session:
            rates = {c.code: c.rate for c in session.scalars(select(Currency))}
            base = session.scalar(select(Currency.code).where(Currency.is_base)) or "EUR"
            rows = session.execute(
                select(Deal.currency, func.count(), func.sum(Deal.amount))
                .where(*_conditions(deal_filter))
                .group_by(Deal.currency)
            ).all()
        by_currency = {code: (amount or Decimal(0)) for code, _n, amount in rows}
        total = sum(
            ((amount * rates.get(code, Decimal(1))) for code, amount in by_currency.items()), Decimal(0)
        ).quantize(Decimal("0.01"))
        return DealSummary(sum(n for _c, n, _a in rows), total, base, by_currency)

    def page(
        self, deal_filter: DealFilter, sort: DealSort, offset: int, limit: int = PAGE_SIZE
    ) -> list[DealRow]:
        """Rows `offset` .. `offset + limit` of the filtered, sorted deals."""
        with self._ctx.read() as session:
            ids = _page_ids(session, deal_filter, sort, offset, limit)
            return rows_by_id(session, ids)

    def rows(self, deal_ids: list[int]) -> list[DealRow]:
        """The rows of these deals, in the given order (missing ones left out)."""
        with self._ctx.read() as session:
            return rows_by_id(session, deal_ids)


def _conditions(f: DealFilter) -> list[ColumnElement[bool]]:
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
    text = f.search.strip()
    if text:
        # A plain substring match for now; the list view's full-text index replaces it.
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        companies = select(Company.id).where(Company.title.ilike(pattern, escape="\\"))
        conditions.append(or_(Deal.title.ilike(pattern, escape="\\"), Deal.company_id.in_(companies)))
    return conditions


def _page_ids(
    session: Session, deal_filter: DealFilter, sort: DealSort, offset: int, limit: int
) -> list[int]:
    if sort.column not in SORT_COLUMNS:
        raise ValueError(f"Can't sort deals by {sort.column!r}")
    key = _OWN_SORTS.get(sort.column)
    stmt: Select[Any] = select(Deal.id).where(*_conditions(deal_filter))
    if key is None:
        key = _JOINED_SORTS[sort.column]
        stmt = _join_for_sort(stmt, sort.column)
    order = [key.desc(), Deal.id.desc()] if sort.descending else [key.asc(), Deal.id.asc()]
    return list(session.scalars(stmt.order_by(*order).offset(max(0, offset)).limit(limit)))


def _join_for_sort(stmt: Select[Any], column: str) -> Select[Any]:
    if column == "stage":
        return stmt.join(Stage, Stage.id == Deal.stage_id)
    if column == "pipeline":
        return stmt.join(Pipeline, Pipeline.id == Deal.pipeline_id)
    if column == "company":
        return stmt.outerjoin(Company, Company.id == Deal.company_id)
    return stmt.outerjoin(User, User.id == Deal.responsible_id)


def rows_by_id(session: Session, deal_ids: list[int]) -> list[DealRow]:
    if not deal_ids:
        return []
    first_contact = aliased(Contact)
    contact_name = (
        select(func.trim(first_contact.first_name + literal(" ") + first_contact.last_name))
        .select_from(deal_contact)
        .join(first_contact, first_contact.id == deal_contact.c.contact_id)
        .where(deal_contact.c.deal_id == Deal.id)
        .order_by(deal_contact.c.sort)
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(
            Deal.id,
            Deal.title,
            Deal.pipeline_id,
            Pipeline.name,
            Deal.stage_id,
            Stage.name,
            Stage.color,
            Stage.semantic,
            Deal.amount,
            Deal.currency,
            Deal.company_id,
            Company.title,
            contact_name,
            Deal.responsible_id,
            User.name,
            Deal.begin_date,
            Deal.close_date,
            Deal.source,
            Deal.created_at,
            Deal.closed,
            Deal.version,
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.responsible_id)
        .where(Deal.id.in_(deal_ids))
    )
    by_id = {row[0]: DealRow(*tuple[Any, ...](row)) for row in session.execute(stmt)}
    return [by_id[i] for i in deal_ids if i in by_id]
