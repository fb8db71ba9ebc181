"""Paged, sorted, filtered deal queries for the views: light rows, never ORM objects, never all rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.models import (
    Company,
    Contact,
    Currency,
    CustomFieldDefinition,
    CustomFieldValue,
    Deal,
    FieldType,
    Pipeline,
    Stage,
    StageSemantic,
    User,
    deal_contact,
)
from app.services.access.scope import access_for, deal_scope
from app.services.core.context import ServiceContext
from app.services.core.money_sums import amount_sum, money
from app.services.deals.filters import (
    CustomCondition,
    DealFilter,
    deal_conditions,
    value_condition,
    values_only,
)
from app.services.deals.paging import SORT_COLUMNS, CustomSort, DealSort, PageCursor
from app.services.deals.search import search_match, search_scope
from app.services.deals.stage_totals import deal_count, stage_totals
from app.services.deals.stale import is_stale
from app.services.fields.custom_fields import INT_TYPES

PAGE_SIZE = 100
__all__ = [
    "PAGE_SIZE",
    "SORT_COLUMNS",
    "DealFilter",
    "DealQueryService",
    "DealRow",
    "DealSort",
    "DealSummary",
    "PageCursor",
    "rows_by_id",
]


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
    stage_changed_at: datetime | None = None
    idle_days: int | None = None  # of its stage

    @property
    def stale(self) -> bool:
        return is_stale(self.stage_changed_at, self.idle_days, self.closed)


@dataclass(frozen=True)
class DealSummary:
    count: int
    total: Decimal | None  # in the base currency; None for those whose roles hide sums
    base_currency: str
    by_currency: dict[str, Decimal] = field(default_factory=dict)


ID_CHUNK = 500  # ids per statement, well under SQLite's bound-parameter limit

_DRIVER_VALUE = CustomFieldValue.__table__.alias("driver_value")


class DealQueryService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    def _conditions(self, session: Session | Connection, deal_filter: DealFilter) -> list[Any]:
        """The filter's conditions and the rights' (only the deals this person may read)."""
        return [
            *deal_conditions(deal_filter, self._dialect, self._ctx.actor_id),
            *deal_scope(session, self._ctx.actor_id),
            *(search_scope(session, self._ctx.actor_id, deal_filter.search) if deal_filter.search else ()),
        ]

    def count(self, deal_filter: DealFilter) -> int:
        with self._ctx.read() as session:
            if deal_filter == DealFilter(pipeline_id=deal_filter.pipeline_id) and not deal_scope(
                session, self._ctx.actor_id
            ):  # everyone's deals, or a pipeline's: on a server from the running totals
                total = deal_count(session, pipeline_id=deal_filter.pipeline_id)
                if total is not None:
                    return total
            driver = self._driver(session, deal_filter)
            if driver is not None:
                value = _DRIVER_VALUE
                return (
                    session.scalar(
                        select(func.count()).select_from(value).where(value_condition(value, driver))
                    )
                    or 0
                )
            return (
                session.scalar(
                    select(func.count()).select_from(Deal).where(*self._conditions(session, deal_filter))
                )
                or 0
            )

    def summary(self, deal_filter: DealFilter) -> DealSummary:
        """Count and total amount (converted to the base currency) of the filtered deals."""
        with self._ctx.read() as session:
            rates = {c.code: c.rate for c in session.scalars(select(Currency))}
            base = session.scalar(select(Currency.code).where(Currency.is_base)) or "EUR"
            stmt = select(Deal.currency, func.count(), amount_sum())
            driver = self._driver(session, deal_filter)
            pipeline_only = deal_filter == DealFilter(pipeline_id=deal_filter.pipeline_id)
            by_stage = deal_filter == DealFilter(
                pipeline_id=deal_filter.pipeline_id, stage_ids=deal_filter.stage_ids
            )
            from_totals = False
            if driver is not None:  # from the value index to the deals it names: no IN-list to build
                value = _DRIVER_VALUE
                stmt = (
                    stmt.select_from(value)
                    .join(Deal, Deal.id == value.c.entity_id)
                    .where(value_condition(value, driver))
                )
            elif pipeline_only:
                scope = deal_scope(session, self._ctx.actor_id)
                if not scope:  # everyone's deals, or a pipeline's: from the running totals
                    from_totals = True
                elif deal_filter.pipeline_id is not None:
                    # A pipeline's deals are its stages' deals: summed straight from the (stage,
                    # currency, amount) index (50 ms at a million deals), where by pipeline each
                    # deal is looked up in the table (1.2 s).
                    stages = select(Stage.id).where(Stage.pipeline_id == deal_filter.pipeline_id)
                    stmt = stmt.where(Deal.stage_id.in_(stages), *scope)
                else:
                    stmt = stmt.where(*scope)
            else:
                stmt = stmt.where(*self._conditions(session, deal_filter))
            if from_totals:
                totals = stage_totals(session, pipeline_id=deal_filter.pipeline_id)
                rows: Sequence[Any] = [(currency, deals, cents) for _stage, currency, deals, cents in totals]
            elif by_stage:
                # Grouped by stage too: the (stage, currency, amount) index then hands the groups
                # over in order, where grouping by currency alone sorts every deal first (a million
                # rows held in memory, 3x slower); the stages' sums are added up below.
                rows = session.execute(stmt.group_by(Deal.stage_id, Deal.currency)).all()
            else:  # other filters read their deals along other indexes: the fewer groups, the better
                rows = session.execute(stmt.group_by(Deal.currency)).all()
            sums = access_for(session, self._ctx.actor_id).switch("see_sums")
        count = sum(n for _c, n, _a in rows)
        if not sums:  # the role hides amounts: counts only (Bitrix24's "hide sums")
            return DealSummary(count, None, base, {})
        cents: dict[str, int] = {}
        for code, _n, amount in rows:
            cents[code] = cents.get(code, 0) + int(amount or 0)
        by_currency = {code: money(amount) for code, amount in cents.items()}
        total = sum(
            ((amount * rates.get(code, Decimal(1))) for code, amount in by_currency.items()), Decimal(0)
        ).quantize(Decimal("0.01"))
        return DealSummary(count, total, base, by_currency)

    def cursor(self, deal_filter: DealFilter, sort: DealSort) -> PageCursor:
        """The layout of a sorted, filtered list, for reading pages of it anywhere; keep it until
        the filter, the sort or the data change."""
        with self._ctx.read() as session:
            if sort.column == "id":
                driver = self._driver(session, deal_filter)
                if driver is not None:
                    return PageCursor([], sort, driver=driver)
                match = self._search_only(session, deal_filter)
                if match is not None:
                    return PageCursor([], sort, search=match)
            conditions = self._conditions(session, deal_filter)
        return PageCursor(
            conditions,
            sort,
            costly_filter=bool(deal_filter.search.strip()),
            custom=self._custom_sort(sort),
        )

    def _search_only(self, session: Session, deal_filter: DealFilter) -> ColumnElement[bool] | None:
        """A filter that is only a search, for someone who may read every deal and find them by
        any of their words (SQLite): the search index's own match, whose rows are the deals (a
        first screen read from it in index order, its count without touching the deal table)."""
        if self._dialect != "sqlite" or replace(deal_filter, search="") != DealFilter():
            return None
        if deal_scope(session, self._ctx.actor_id) or search_scope(
            session, self._ctx.actor_id, deal_filter.search
        ):
            return None
        return search_match(deal_filter.search)

    def _driver(self, session: Session, deal_filter: DealFilter) -> CustomCondition | None:
        """The filter's only condition, on a field holding one value per deal: read by its index
        (for those who may read every deal: the index knows nothing of rights)."""
        condition = values_only(deal_filter)
        if condition is None or deal_scope(session, self._ctx.actor_id):
            return None
        field = session.get(CustomFieldDefinition, condition.field_id)
        return condition if field is not None and not field.multiple else None

    def _custom_sort(self, sort: DealSort) -> CustomSort | None:
        """Sorting by "uf:<field id>": where that field keeps its values (and its choices' order)."""
        if not sort.column.startswith("uf:"):
            return None
        field_id = int(sort.column[3:])
        with self._ctx.read() as session:
            field = session.get(CustomFieldDefinition, field_id)
            if field is None or field.multiple:
                raise ValueError(f"Can't sort deals by {sort.column!r}")
            if field.field_type is FieldType.LIST:
                options = tuple(o.id for o in sorted(field.options, key=lambda o: (o.sort, o.id)))
                return CustomSort(field.id, "value_int", options)
            column = "value_int" if field.field_type in INT_TYPES else "value_text"
            return CustomSort(field.id, column)

    def total(self, cursor: PageCursor) -> int:
        with self._ctx.connect() as conn:
            return cursor.total(conn)

    def prepare(self, cursor: PageCursor) -> None:
        """Find all the cursor's anchors now (meant for a background thread), in short
        transactions so that writers are never kept waiting."""
        done = False
        while not done:
            with self._ctx.connect() as conn:
                done = cursor.prepare(conn)

    def page(
        self,
        deal_filter: DealFilter,
        sort: DealSort,
        offset: int,
        limit: int = PAGE_SIZE,
        cursor: PageCursor | None = None,
    ) -> list[DealRow]:
        """Rows `offset` .. `offset + limit` of the filtered, sorted deals."""
        cursor = cursor or self.cursor(deal_filter, sort)
        with self._ctx.connect() as conn:
            return rows_by_id(conn, cursor.page_ids(conn, offset, limit))

    def head(self, cursor: PageCursor, limit: int = PAGE_SIZE) -> list[DealRow] | None:
        """The first rows of a list before it is counted, where that is cheaper (see
        `PageCursor.head_ids`); None where the first page costs the count anyway."""
        with self._ctx.connect() as conn:
            ids = cursor.head_ids(conn, limit)
            return None if ids is None else rows_by_id(conn, ids)

    def ids(
        self,
        deal_filter: DealFilter,
        sort: DealSort,
        offset: int,
        limit: int,
        cursor: PageCursor | None = None,
    ) -> list[int]:
        """Only the ids at positions offset .. offset + limit (e.g. of selected rows)."""
        cursor = cursor or self.cursor(deal_filter, sort)
        with self._ctx.connect() as conn:
            return cursor.page_ids(conn, offset, limit)

    def in_list_order(
        self,
        deal_filter: DealFilter,
        sort: DealSort,
        deal_ids: Sequence[int],
        cursor: PageCursor | None = None,
    ) -> list[int]:
        """These deals in the order the list shows them (those it shows)."""
        cursor = cursor or self.cursor(deal_filter, sort)
        with self._ctx.connect() as conn:
            return cursor.in_order(conn, deal_ids)

    def matching_ids(self, deal_filter: DealFilter, deal_ids: Iterable[int]) -> set[int]:
        """Those of these deals that exist and that the filter shows (a selection kept through a new
        filter, or through somebody else's change)."""
        ids = sorted(set(deal_ids))
        found: set[int] = set()
        with self._ctx.read() as session:
            conditions = self._conditions(session, deal_filter)
            for start in range(0, len(ids), ID_CHUNK):
                chunk = ids[start : start + ID_CHUNK]
                found.update(session.scalars(select(Deal.id).where(Deal.id.in_(chunk), *conditions)))
        return found

    def rows(self, deal_ids: list[int]) -> list[DealRow]:
        """The rows of these deals, in the given order (missing ones left out)."""
        with self._ctx.connect() as conn:
            return rows_by_id(conn, deal_ids)


@cache
def _rows_statement() -> Any:
    """One statement for a page's rows and the names they refer to (built once, when first needed:
    it is on every scroll, and building it at import would cost every start 30 ms)."""
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
    return (
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
            Deal.stage_changed_at,
            Stage.idle_days,
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.responsible_id)
        .where(Deal.id.in_(bindparam("ids", expanding=True)))
    )


def rows_by_id(conn: Connection, deal_ids: list[int]) -> list[DealRow]:
    """The rows of these deals in the given order, read in one query (never one query per row)."""
    if not deal_ids:
        return []
    result = conn.execute(_rows_statement(), {"ids": deal_ids})
    by_id = {row[0]: DealRow(*tuple[Any, ...](row)) for row in result.all()}  # one fetchall
    return [by_id[i] for i in deal_ids if i in by_id]
