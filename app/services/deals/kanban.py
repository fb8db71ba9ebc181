"""The kanban board's reads: per stage the count and total (aggregates on an index) and cards in pages."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, bindparam, exists, func, literal, select, tuple_
from sqlalchemy.orm import aliased

from app.models import Company, Contact, Deal, Task, User, deal_contact, utcnow
from app.services.access.scope import access_for, deal_scope
from app.services.core.context import ServiceContext
from app.services.core.money_sums import amount_sum, money
from app.services.deals.filters import DealFilter, deal_conditions
from app.services.deals.search import search_scope
from app.services.deals.stage_totals import rate_of, stage_totals

CARDS_PER_PAGE = 50


@dataclass(frozen=True, slots=True)
class ColumnSummary:
    stage_id: int
    count: int
    total: Decimal | None  # in the base currency; None for those whose roles hide sums


@dataclass(frozen=True, slots=True)
class Card:
    """What a card shows: the deal, who and what it is about, and whether a task is open on it."""

    id: int
    title: str
    stage_id: int
    amount: Decimal
    currency: str
    customer: str | None  # the company, else the first contact
    responsible_name: str | None
    close_date: date | None
    has_open_task: bool
    version: int
    stage_changed_at: datetime
    overdue_tasks: int = 0  # open tasks past their due time (an all-day one once its day is over)
    next_due: datetime | None = None  # the next open task's due time (UTC), if one is still to come

    @property
    def column_key(self) -> tuple[datetime, int]:
        """Where the card stands in its column: the deals that came into the stage last come first."""
        return (self.stage_changed_at, self.id)

    @property
    def initials(self) -> str:
        parts = [p for p in (self.responsible_name or "").split() if p]
        return "".join(p[0] for p in parts[:2]).upper()


class KanbanService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    def columns(self, stage_ids: list[int], deal_filter: DealFilter) -> dict[int, ColumnSummary]:
        """Count and total (base currency) per stage, in one aggregate over the stage index."""
        with self._ctx.connect() as conn:
            return self._columns(conn, stage_ids, deal_filter)

    def changed(
        self, deal_ids: list[int], stage_ids: list[int], deal_filter: DealFilter
    ) -> tuple[list[Card], dict[int, ColumnSummary]]:
        """After deals changed: their cards as the filter shows them (`matching`) and the columns'
        figures (`columns`). A file reads both in one transaction; a server on two connections at
        once (two round trips each, side by side, instead of three one after the other)."""
        if self._ctx.database.is_sqlite:
            with self._ctx.connect() as conn:
                return self._matching(conn, deal_ids, deal_filter), self._columns(
                    conn, stage_ids, deal_filter
                )
        figures = _beside().submit(self.columns, stage_ids, deal_filter)
        try:
            cards = self.matching(deal_ids, deal_filter)
        finally:
            summaries = figures.result()
        return cards, summaries

    def _columns(
        self, conn: Connection, stage_ids: list[int], deal_filter: DealFilter
    ) -> dict[int, ColumnSummary]:
        # Each column is a stage, and a stage is in one pipeline: the sums read the stage index alone.
        f = replace(deal_filter, stage_ids=(), pipeline_id=None)
        conditions = [
            *deal_conditions(f, self._dialect, self._ctx.actor_id),
            *deal_scope(conn, self._ctx.actor_id),
            *search_scope(conn, self._ctx.actor_id, f.search),
        ]
        rows: Sequence[Any]
        if conditions:
            rows = conn.execute(
                select(Deal.stage_id, Deal.currency, func.count(), amount_sum(), rate_of(Deal.currency))
                .where(Deal.stage_id.in_(stage_ids), *conditions)
                .group_by(Deal.stage_id, Deal.currency)
            ).all()
        else:  # every deal of the stages: from the running totals, not from the deals
            rows = stage_totals(conn, stage_ids=stage_ids, rates=True)
        sums = access_for(conn, self._ctx.actor_id).switch("see_sums")
        counts: dict[int, int] = dict.fromkeys(stage_ids, 0)
        totals: dict[int, Decimal] = {s: Decimal(0) for s in stage_ids}
        for stage_id, _currency, count, amount, rate in rows:
            counts[stage_id] += count
            totals[stage_id] += money(amount) * (Decimal(1) if rate is None else Decimal(rate))
        return {
            s: ColumnSummary(s, counts[s], totals[s].quantize(Decimal("0.01")) if sums else None)
            for s in stage_ids
        }

    def cards(
        self,
        stage_id: int,
        deal_filter: DealFilter,
        *,
        after: Card | None = None,
        limit: int = CARDS_PER_PAGE,
    ) -> list[Card]:
        """The next cards of a column: the deals that came into the stage last first, after `after`.

        A keyset page along ix_deal_stage_id_stage_changed_at_id: the same cost at card 50 and 50,000.
        """
        with self._ctx.connect() as conn:
            return self._column_cards(conn, stage_id, deal_filter, after, limit)

    def board(
        self, stage_ids: list[int], first: dict[int, int], deal_filter: DealFilter
    ) -> tuple[dict[int, ColumnSummary], dict[int, list[Card]]]:
        """A board's figures (`columns`) and, for the stages in `first`, that many first cards of
        each non-empty column: in one transaction (rights read once: fewer round trips to a server)."""
        with self._ctx.connect() as conn:
            summaries = self._columns(conn, stage_ids, deal_filter)
            cards = {
                stage_id: self._column_cards(conn, stage_id, deal_filter, None, limit)
                if summaries[stage_id].count
                else []
                for stage_id, limit in first.items()
            }
            return summaries, cards

    def _column_cards(
        self, conn: Connection, stage_id: int, deal_filter: DealFilter, after: Card | None, limit: int
    ) -> list[Card]:
        f = replace(deal_filter, stage_ids=(), pipeline_id=None)
        conditions = deal_conditions(f, self._dialect, self._ctx.actor_id)
        conditions += deal_scope(conn, self._ctx.actor_id) + search_scope(conn, self._ctx.actor_id, f.search)
        bound: dict[str, Any] = {"stage": stage_id, "limit": limit, "now": utcnow()}
        if after is not None:
            bound |= {"at": after.stage_changed_at, "after_id": after.id}
        # The page's ids (the whole column: built once, a scroll reads it every 50 cards) and what
        # their cards show, in one statement: one round trip to a server, not two.
        page = _column_statement(after is not None)
        if conditions:  # a filter, or limited rights
            page = page.where(*conditions)
        order = (Deal.stage_changed_at.desc(), Deal.id.desc())
        statement = _card_columns().where(Deal.id.in_(page.scalar_subquery())).order_by(*order)
        return [Card(*tuple[Any, ...](row)) for row in conn.execute(statement, bound)]

    def matching(self, deal_ids: list[int], deal_filter: DealFilter) -> list[Card]:
        """Those of these deals the board's filter shows (in any stage): to update cards in place."""
        if not deal_ids:
            return []
        with self._ctx.connect() as conn:
            return self._matching(conn, deal_ids, deal_filter)

    def _matching(self, conn: Connection, deal_ids: list[int], deal_filter: DealFilter) -> list[Card]:
        if not deal_ids:
            return []
        conditions = deal_conditions(replace(deal_filter, stage_ids=()), self._dialect, self._ctx.actor_id)
        conditions += deal_scope(conn, self._ctx.actor_id)
        conditions += search_scope(conn, self._ctx.actor_id, deal_filter.search)
        # The filter and the cards in one statement (one round trip to a server, not two).
        return sorted(_cards(conn, deal_ids, conditions), key=lambda c: c.column_key, reverse=True)

    def card(self, deal_id: int) -> Card | None:
        """The deal's card; None if it is gone or this person may not read it."""
        with self._ctx.connect() as conn:
            found = _cards(conn, [deal_id], deal_scope(conn, self._ctx.actor_id))
            return found[0] if found else None


@cache
def _beside() -> ThreadPoolExecutor:
    """A thread for a server read made beside another (it waits for the network, not the GIL)."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="read-beside")


@cache
def _column_statement(after: bool) -> Any:
    """A column's next deal ids: those that came into the stage last first, after a card if asked."""
    statement = select(Deal.id).where(Deal.stage_id == bindparam("stage"))
    if after:
        at = bindparam("at", type_=Deal.stage_changed_at.type)
        after_id = bindparam("after_id", type_=Deal.id.type)
        statement = statement.where(tuple_(Deal.stage_changed_at, Deal.id) < tuple_(at, after_id))
    return statement.order_by(Deal.stage_changed_at.desc(), Deal.id.desc()).limit(bindparam("limit"))


@cache
def _cards_statement() -> Any:
    """What the cards show, for a list of deal ids; built once (building it costs more than running it)."""
    return _card_columns().where(Deal.id.in_(bindparam("ids", expanding=True)))


@cache
def _card_columns() -> Any:
    """What a card shows, of deals yet to be chosen (`.where`)."""
    contact = aliased(Contact)
    first_contact = (
        select(func.trim(contact.first_name + literal(" ") + contact.last_name))
        .select_from(deal_contact)
        .join(contact, contact.id == deal_contact.c.contact_id)
        .where(deal_contact.c.deal_id == Deal.id)
        .order_by(deal_contact.c.sort)
        .limit(1)
        .scalar_subquery()
    )
    open_task = exists().where(and_(Task.deal_id == Deal.id, Task.done.is_(False)))
    overdue = (
        select(func.count())
        .where(
            Task.deal_id == Deal.id,
            Task.done.is_(False),
            Task.due_at < bindparam("now", type_=Task.due_at.type),
        )
        .scalar_subquery()
    )
    next_due = (
        select(func.min(Task.due_at))
        .where(
            Task.deal_id == Deal.id,
            Task.done.is_(False),
            Task.due_at >= bindparam("now", type_=Task.due_at.type),
        )
        .scalar_subquery()
    )
    return (
        select(
            Deal.id,
            Deal.title,
            Deal.stage_id,
            Deal.amount,
            Deal.currency,
            func.coalesce(Company.title, first_contact),
            User.name,
            Deal.close_date,
            open_task,
            Deal.version,
            Deal.stage_changed_at,
            overdue,
            next_due,
        )
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.responsible_id)
    )


def _cards(conn: Connection, ids: list[int], conditions: Sequence[ColumnElement[bool]] = ()) -> list[Card]:
    """The cards of these deals, in this order; of those that meet the conditions, if any."""
    if not ids:
        return []
    statement = _cards_statement().where(*conditions) if conditions else _cards_statement()
    rows = conn.execute(statement, {"ids": ids, "now": utcnow()}).all()
    by_id = {row[0]: Card(*tuple[Any, ...](row)) for row in rows}
    return [by_id[i] for i in ids if i in by_id]
