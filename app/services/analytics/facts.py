"""Where the Analytics figures read their deals from: the whole months (or years) of a period from
the running totals the database keeps (app/storage/rollups.py), the days around them from the deals
themselves. Both give rows of the same shape, so the figures add them up without knowing which is
which; a unit test holds the two ways to the same answers.

Products and customers are totalled without the responsible person: filtered by people, they are
read from the deals (a person's deals are few)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    false,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from app.models import (
    Deal,
    DealProductRow,
    Product,
    customer_rollup,
    deal_contact,
    deal_rollup,
    product_rollup,
)
from app.services.core.money_sums import AMOUNT_CENTS
from app.storage.rollups import month_of, row_net_cents, seconds_of

R = deal_rollup.c
P = product_rollup.c
C = customer_rollup.c


@dataclass(frozen=True)
class Span:
    """A period cut into whole months or years (first and last, as stored in the totals), the
    stretches of days to add to them and those to take away (days of a whole year outside the period)."""

    whole: tuple[Any, Any] | None
    days: tuple[tuple[date, date], ...]
    less: tuple[tuple[date, date], ...] = ()


def by_months(first: date, last: date) -> Span:
    start = first if first.day == 1 else _next_month(first)
    end = last if _next_month(last) == last + timedelta(days=1) else last.replace(day=1) - timedelta(days=1)
    if start > end:
        return Span(None, ((first, last),))
    days = []
    if first < start:
        days.append((first, start - timedelta(days=1)))
    if end < last:
        days.append((end + timedelta(days=1), last))
    return Span((start.isoformat()[:7], end.isoformat()[:7]), tuple(days))


def by_years(first: date, last: date) -> Span:
    """Whole years, with the fewest days to add or take away: the last twelve months are the
    year so far plus last December, less this December (which has no deals closed yet)."""
    best = Span(None, ((first, last),))
    cost = (last - first).days + 1
    for start in (first.year, first.year + 1):
        for end in (last.year, last.year - 1):
            if start > end:
                continue
            begin, finish = date(start, 1, 1), date(end, 12, 31)
            days = [(first, begin - timedelta(days=1))] if first < begin else []
            days += [(finish + timedelta(days=1), last)] if last > finish else []
            less = [(begin, first - timedelta(days=1))] if first > begin else []
            less += [(last + timedelta(days=1), finish)] if last < finish else []
            spent = sum((b - a).days + 1 for a, b in days + less)
            if spent < cost:
                best, cost = Span((start, end), tuple(days), tuple(less)), spent
    return best


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class Facts:
    """Deals of a period for one filter: pipeline (None: all), people (None: everybody)."""

    use_totals: ClassVar[bool] = True  # False: everything from the deals (tests compare the two)

    def __init__(
        self,
        session: Session,
        dialect: str,
        first: date,
        last: date,
        pipeline_id: int | None,
        people: tuple[int, ...] | None,
        rights: Sequence[ColumnElement[bool]] = (),
    ) -> None:
        self.session = session
        self.dialect = dialect
        self.first, self.last = first, last
        self.pipeline_id = pipeline_id
        self.people = people
        # The deals the person may read (access rights): the running totals know nothing of them, so
        # a restricted person's figures are read from the deals alone.
        self.rights = list(rights)
        self.totals = Facts.use_totals and not self.rights

    # -- closed deals -------------------------------------------------------------------------

    def closed(
        self, keys: Sequence[str], *, won: Sequence[int] | None = None, everybody: bool = False
    ) -> list[tuple[Any, ...]]:
        """Closed deals grouped by `keys` (month, stage_id, source, responsible_id, currency):
        rows of (*keys, deals, cents, seconds from creation to closing). `won`: those stages only;
        `everybody`: whoever is responsible, whatever the filter says."""
        people = None if everybody else self.people
        span = self._span(by_months)
        rows: list[tuple[Any, ...]] = []
        if span.whole is not None:
            rolled = {
                "month": R.month,
                "stage_id": R.stage_id,
                "source": func.nullif(R.source, ""),
                "responsible_id": func.nullif(R.responsible_id, 0),
                "currency": R.currency,
            }
            columns = [rolled[k] for k in keys]
            conditions = [R.kind == "c", R.month >= span.whole[0], R.month <= span.whole[1]]
            conditions += self._rolled_scope(people)
            if won is not None:
                conditions.append(R.stage_id.in_(won))
            query = (
                select(*columns, func.sum(R.deals), func.sum(R.cents), func.sum(R.seconds))
                .where(*conditions)
                .having(func.sum(R.deals) != 0)
            )
            rows += self.session.execute(query.group_by(*columns) if columns else query).all()
        for first, last in span.days:
            raw = {
                "month": month_of(Deal.closed_at, self.dialect),
                "stage_id": Deal.stage_id,
                "source": Deal.source,
                "responsible_id": Deal.responsible_id,
                "currency": Deal.currency,
            }
            columns = [raw[k] for k in keys]
            seconds = seconds_of(Deal.closed_at, self.dialect) - seconds_of(Deal.created_at, self.dialect)
            conditions = [closed_between(first, last), *self._scope(people)]
            if won is not None:
                conditions.append(Deal.stage_id.in_(won))
            query = (
                select(*columns, func.count(), func.sum(AMOUNT_CENTS), func.sum(seconds))
                .where(*conditions)
                .having(func.count() != 0)
            )
            rows += self.session.execute(query.group_by(*columns) if columns else query).all()
        return [tuple(row) for row in rows]

    # -- open deals ---------------------------------------------------------------------------

    def opened(self) -> list[tuple[Any, ...]]:
        """Open deals that should close in the period, by month (YYYY-MM), stage and currency:
        rows of (month, stage_id, currency, deals, cents)."""
        span = self._span(by_months)
        rows: list[tuple[Any, ...]] = []
        if span.whole is not None:
            conditions = [R.kind == "o", R.month >= span.whole[0], R.month <= span.whole[1]]
            conditions += self._rolled_scope(self.people)
            rows += self.session.execute(
                select(R.month, R.stage_id, R.currency, func.sum(R.deals), func.sum(R.cents))
                .where(*conditions)
                .group_by(R.month, R.stage_id, R.currency)
                .having(func.sum(R.deals) != 0)
            ).all()
        month = month_of(Deal.close_date, self.dialect)
        for first, last in span.days:
            rows += self.session.execute(
                select(month, Deal.stage_id, Deal.currency, func.count(), func.sum(AMOUNT_CENTS))
                .where(
                    Deal.closed == false(),  # as the partial index of open deals says it
                    Deal.close_date >= first,
                    Deal.close_date <= last,
                    *self._scope(self.people),
                )
                .group_by(month, Deal.stage_id, Deal.currency)
            ).all()
        return [tuple(row) for row in rows]

    # -- the funnel ---------------------------------------------------------------------------

    def created(self, how_far: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Deals created in the period now in the (given) pipeline, by stage and currency: from the totals
        (visited stages, stage, currency, deals, cents) and from the deals (how far — the given SQL
        expression —, stage, currency, deals, cents)."""
        span = self._span(by_months)
        rolled: list[tuple[Any, ...]] = []
        raw: list[tuple[Any, ...]] = []
        if span.whole is not None:
            conditions = [
                R.kind == "n",
                R.month >= span.whole[0],
                R.month <= span.whole[1],
                *self._rolled_scope(self.people),
            ]
            rolled = [
                tuple(row)
                for row in self.session.execute(
                    select(R.visited, R.stage_id, R.currency, func.sum(R.deals), func.sum(R.cents))
                    .where(*conditions)
                    .group_by(R.visited, R.stage_id, R.currency)
                    .having(func.sum(R.deals) != 0)
                )
            ]
        for first, last in span.days:
            created = and_(
                Deal.created_at >= datetime.combine(first, time.min),
                Deal.created_at < datetime.combine(last + timedelta(days=1), time.min),
            )
            scope = [created, *self._scope(self.people)]
            raw += [
                tuple(row)
                for row in self.session.execute(
                    select(how_far, Deal.stage_id, Deal.currency, func.count(), func.sum(AMOUNT_CENTS))
                    .where(*scope)
                    .group_by(how_far, Deal.stage_id, Deal.currency)
                )
            ]
        return rolled, raw

    # -- products -----------------------------------------------------------------------------

    def products(self, won: Sequence[int]) -> list[tuple[Any, ...]]:
        """Won deals' product rows: (product id or None, name, currency, month, net cents)."""
        span = self._span(by_months, people=True)
        rows: list[tuple[Any, ...]] = []
        if span.whole is not None:
            name = func.coalesce(Product.name, P.name)
            product = func.nullif(P.product_id, 0)
            conditions = [P.month >= span.whole[0], P.month <= span.whole[1]]
            if self.pipeline_id is not None:
                conditions.append(P.pipeline_id == self.pipeline_id)
            rows += self.session.execute(
                select(product, name, P.currency, P.month, func.sum(P.cents))
                .select_from(product_rollup)
                .outerjoin(Product, Product.id == P.product_id)
                .where(*conditions)
                .group_by(product, name, P.currency, P.month)
                .having(func.sum(P.rows) != 0)
            ).all()
        net = row_net_cents(self.dialect)
        name = func.coalesce(Product.name, DealProductRow.name)
        month = month_of(Deal.closed_at, self.dialect)
        for first, last in span.days:
            won_deals = select(Deal.id).where(
                closed_between(first, last), Deal.stage_id.in_(won), *self._scope(self.people)
            )
            rows += self.session.execute(
                select(DealProductRow.product_id, name, Deal.currency, month, func.sum(net))
                .join(Deal, Deal.id == DealProductRow.deal_id)
                .outerjoin(Product, Product.id == DealProductRow.product_id)
                .where(DealProductRow.deal_id.in_(won_deals))
                .group_by(DealProductRow.product_id, name, Deal.currency, month)
            ).all()
        return [tuple(row) for row in rows]

    # -- customers ----------------------------------------------------------------------------

    def customers(
        self, won: Sequence[int], rates: dict[str, Decimal], *, companies: bool, top: int
    ) -> list[tuple[Any, ...]]:
        """The `top` customers (companies or contacts) by won revenue in the base currency — ranked
        by the database in floating point, so ask for a few more than shown — as rows of (id,
        currency, won, lost, cents of the won), several rows per customer with several currencies."""
        span = self._span(by_years, people=True)
        kind = "company" if companies else "contact"
        parts: list[Any] = []
        if span.whole is not None:
            conditions = [C.kind == kind, C.year >= span.whole[0], C.year <= span.whole[1]]
            if self.pipeline_id is not None:
                conditions.append(C.pipeline_id == self.pipeline_id)
            parts.append(
                select(
                    C.customer_id.label("ident"),
                    C.currency.label("currency"),
                    C.won.label("won"),
                    (C.closed - C.won).label("lost"),
                    C.cents.label("cents"),
                ).where(*conditions)
            )
        key: Any = Deal.company_id if companies else deal_contact.c.contact_id
        is_won = Deal.stage_id.in_(won)
        for (first, last), sign in [(d, 1) for d in span.days] + [(d, -1) for d in span.less]:
            query = select(
                key.label("ident"),
                Deal.currency.label("currency"),
                case((is_won, sign), else_=0).label("won"),
                case((is_won, 0), else_=sign).label("lost"),
                case((is_won, AMOUNT_CENTS * sign), else_=0).label("cents"),
            )
            if not companies:
                query = query.join(deal_contact, deal_contact.c.deal_id == Deal.id)
            parts.append(
                query.where(closed_between(first, last), key.is_not(None), *self._scope(self.people))
            )
        every: Any = union_all(*parts) if len(parts) > 1 else parts[0]
        facts = every.subquery()
        rate = case(
            *((facts.c.currency == code, literal(float(value))) for code, value in rates.items()),
            else_=literal(1.0),
        )
        best = [
            ident
            for (ident,) in self.session.execute(
                select(facts.c.ident)
                .group_by(facts.c.ident)
                .having(func.sum(facts.c.won) > 0)
                .order_by(func.sum(facts.c.cents * rate).desc(), func.sum(facts.c.won).desc(), facts.c.ident)
                .limit(top)
            )
        ]
        if not best:
            return []
        return [
            tuple(row)
            for row in self.session.execute(
                select(
                    facts.c.ident,
                    facts.c.currency,
                    func.sum(facts.c.won),
                    func.sum(facts.c.lost),
                    func.sum(facts.c.cents),
                )
                .where(facts.c.ident.in_(best))
                .group_by(facts.c.ident, facts.c.currency)
            )
        ]

    # -- scope --------------------------------------------------------------------------------

    def _span(self, cut: Callable[[date, date], Span], *, people: bool = False) -> Span:
        """The period cut by `cut`; all of it from the deals when the totals can't serve (they don't
        know people, when `people`)."""
        if not self.totals or (people and self.people is not None):
            return Span(None, ((self.first, self.last),))
        return cut(self.first, self.last)

    def _scope(self, people: tuple[int, ...] | None) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.pipeline_id is not None:
            conditions.append(Deal.pipeline_id == self.pipeline_id)
        if people is not None:
            conditions.append(Deal.responsible_id.in_(people))
        conditions.extend(self.rights)
        return conditions

    def _rolled_scope(self, people: tuple[int, ...] | None) -> list[ColumnElement[bool]]:
        """`_scope` for the deal totals."""
        conditions: list[ColumnElement[bool]] = []
        if self.pipeline_id is not None:
            conditions.append(R.pipeline_id == self.pipeline_id)
        if people is not None:
            conditions.append(R.responsible_id.in_(people))
        return conditions


def closed_between(first: date, last: date) -> ColumnElement[bool]:
    """Deals closed from `first` to `last` (written so the partial index of closed deals serves it)."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    return and_(Deal.closed == true(), Deal.closed_at >= start, Deal.closed_at < end)


__all__ = ["Facts", "Span", "by_months", "by_years", "closed_between"]
