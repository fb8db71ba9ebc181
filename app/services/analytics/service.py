"""Sales figures for the Analytics page, from SQL aggregates, amounts in the base currency:
funnel, revenue by product (and over time), by source with win rate, sales plan against actual,
top customers, won vs lost over time, weighted forecast. Each figure also says which deals it
counts (a DealFilter) so a click on a bar opens exactly those in the list."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    Currency,
    Deal,
    DealStageVisit,
    Department,
    Pipeline,
    SalesTarget,
    Stage,
    StageSemantic,
    User,
)
from app.services.access.permissions import require_admin
from app.services.access.scope import access_for, deal_scope
from app.services.analytics.facts import Facts
from app.services.analytics.receivables import receivables
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.money_sums import money
from app.services.deals.filters import DateRange, DealFilter, Status

CENT = Decimal("0.01")
TOP = 10
FORECAST_MONTHS = 6  # the weighted forecast looks this many months ahead, this one included


class Period(enum.StrEnum):
    THIS_MONTH = "this_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    LAST_MONTH = "last_month"
    LAST_QUARTER = "last_quarter"
    LAST_YEAR = "last_year"
    LAST_12_MONTHS = "last_12_months"
    CUSTOM = "custom"


def period_days(
    period: Period, today: date, first: date | None = None, last: date | None = None
) -> tuple[date, date]:
    """The first and last day of a period as the user means it today."""
    month_start = today.replace(day=1)
    quarter_start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    if period is Period.THIS_MONTH:
        return month_start, _month_end(month_start)
    if period is Period.THIS_QUARTER:
        return quarter_start, _month_end(_add_months(quarter_start, 2))
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if period is Period.LAST_MONTH:
        start = _add_months(month_start, -1)
        return start, _month_end(start)
    if period is Period.LAST_QUARTER:
        start = _add_months(quarter_start, -3)
        return start, _month_end(_add_months(start, 2))
    if period is Period.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if period is Period.LAST_12_MONTHS:
        return _add_months(month_start, -11), _month_end(month_start)
    if first is None or last is None or last < first:
        raise ValidationError.single(
            "period", QT_TRANSLATE_NOOP("errors", "Choose a first and a last day, in that order.")
        )
    return first, last


@dataclass(frozen=True)
class AnalyticsFilter:
    first: date
    last: date
    pipeline_id: int | None = None
    responsible_ids: tuple[int, ...] = ()
    department_id: int | None = None

    def deal_filter(self, **more: Any) -> DealFilter:
        """The list's filter for deals of these figures (pipeline, people) plus `more`."""
        return replace(DealFilter(pipeline_id=self.pipeline_id, responsible_ids=self.responsible_ids), **more)


@dataclass(frozen=True, slots=True)
class FunnelStep:
    stage_id: int
    name: str
    color: str
    deals: int  # now in the stage
    amount: Decimal
    reached: int  # came this far
    conversion: float | None  # % of those who reached the stage before that reached this one
    came: DealFilter | None = None  # those that came this far (the list's filter)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: its label, value(s), and the deals behind it (for the list)."""

    key: Any
    label: str
    value: Decimal
    count: int = 0
    extra: float | None = None  # a rate (%), a target…
    deals: DealFilter | None = None


@dataclass(frozen=True, slots=True)
class PlanRow:
    user_id: int
    name: str
    department: str | None
    target: Decimal
    actual: Decimal
    fulfilled: float | None  # %
    on_track: bool
    people: tuple[int, ...] = ()  # a department's total: its people (user_id is 0)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: date
    won: int
    lost: int
    won_amount: Decimal
    lost_amount: Decimal


@dataclass(frozen=True)
class Dashboard:
    filter: AnalyticsFilter
    base_currency: str
    funnel: tuple[FunnelStep, ...] = ()
    products: tuple[Bar, ...] = ()
    products_over_time: dict[str, dict[date, Decimal]] = field(default_factory=dict)
    sources: tuple[Bar, ...] = ()
    plan: tuple[PlanRow, ...] = ()
    companies: tuple[Bar, ...] = ()
    contacts: tuple[Bar, ...] = ()
    months: tuple[MonthFigures, ...] = ()
    average_won: Decimal = Decimal(0)
    average_days_to_close: float | None = None
    forecast: tuple[Bar, ...] = ()
    funnel_pipeline_id: int | None = None
    people: tuple[int, ...] = ()  # a department's people, when the filter names a department
    plan_departments: tuple[PlanRow, ...] = ()  # each department's people together
    receivables: tuple[Bar, ...] = ()  # open invoices by age (not yet due, 1–30 … over 90 days overdue)
    paid_this_month: Decimal = Decimal(0)  # payments received on invoices this month
    # Which of the fields above were read: all of them, or the first few when handed out early.
    read: frozenset[str] = frozenset(("*",))

    def has(self, *sections: str) -> bool:
        """Whether these fields were read (a first part leaves the others empty, not zero)."""
        return "*" in self.read or self.read.issuperset(sections)

    def deal_filter(self, **more: Any) -> DealFilter:
        """The list's filter for deals of these figures (pipeline, people) plus `more`."""
        people = self.people or self.filter.responsible_ids
        return replace(self.filter, responsible_ids=people).deal_filter(**more)

    def won_by(self, people: tuple[int, ...]) -> DealFilter:
        """The deals these people won in the period (a bar of the sales plan)."""
        return self.deal_filter(
            responsible_ids=people,
            status=Status.WON,
            closed_from=self.filter.first,
            closed_to=self.filter.last,
        )

    def closed_in(self, month: date, status: str) -> DealFilter:
        """The deals won or lost (`status`) in this month of the period (a bar of the months chart)."""
        first = max(month, self.filter.first)
        last = min(month_end(month), self.filter.last)
        return self.deal_filter(status=Status(status), closed_from=first, closed_to=last)


class AnalyticsService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    def dashboard(
        self,
        f: AnalyticsFilter,
        *,
        today: date | None = None,
        first_part: Callable[[Dashboard], None] | None = None,
    ) -> Dashboard:
        """Every figure of the dashboard, read in one read transaction. `first_part`, if given, is
        handed the funnel and the products as soon as they are read (the page draws those cards while
        the rest is read); the rest comes in the returned Dashboard, from the same transaction."""
        day = today or date.today()  # noqa: DTZ011 - the user's calendar
        with self._ctx.read() as session:
            rates = {c.code: c.rate for c in session.scalars(select(Currency))}
            base = session.scalar(select(Currency.code).where(Currency.is_base)) or "EUR"
            access = access_for(session, self._ctx.actor_id)
            people = self._people(session, f, access.analytics_people())
            rights = deal_scope(session, self._ctx.actor_id)
            shown = f
            if f.department_id is not None and people:
                # The bars' deal filters name the department's people (the list knows no departments).
                f = replace(f, responsible_ids=people)
            department_people = f.responsible_ids if f is not shown else ()
            # Per call, not kept on the service: dashboards for different filters may run at once.
            won = tuple(session.scalars(select(Stage.id).where(Stage.semantic == StageSemantic.WON)))
            facts = Facts(session, self._dialect, f.first, f.last, f.pipeline_id, people, rights)
            funnel, funnel_pipeline = self._funnel(session, f, people, rates, rights)
            products, over_time = self._products(facts, rates, f, won)
            if first_part is not None:
                first_part(
                    Dashboard(
                        shown,
                        base,
                        tuple(funnel),
                        products,
                        over_time,
                        funnel_pipeline_id=funnel_pipeline,
                        people=department_people,
                        read=frozenset(("funnel", "funnel_pipeline_id", "products", "products_over_time")),
                    )
                )
            months, average, days = self._months(facts, f, rates, won)
            plan = tuple(self._plan(session, facts, f, people, rates, won, day))
            ages, paid = receivables(
                session, day, lambda cents, code: _base(cents, code, rates), f.pipeline_id, people, rights
            )
            return Dashboard(
                shown,
                base,
                tuple(funnel),
                products,
                over_time,
                tuple(self._sources(facts, f, rates, won)),
                plan,
                tuple(self._customers(session, facts, f, rates, won, companies=True)),
                tuple(self._customers(session, facts, f, rates, won, companies=False)),
                months,
                average,
                days,
                tuple(self._forecast(session, f, people, rates, day, rights)),
                funnel_pipeline,
                department_people,
                () if shown.responsible_ids else _departments(plan, day, shown),
                tuple(
                    Bar(age, age, value.quantize(CENT, ROUND_HALF_UP), count) for age, value, count in ages
                ),
                paid.quantize(CENT, ROUND_HALF_UP),
            )

    # -- sales plan ------------------------------------------------------------------------------------------

    def targets(self, year: int) -> dict[tuple[int, int], Decimal]:
        """(user id, month) -> target of that year."""
        with self._ctx.read() as session:
            rows = session.execute(
                select(SalesTarget.user_id, SalesTarget.month, SalesTarget.amount).where(
                    SalesTarget.year == year
                )
            )
            return {(user, month): amount for user, month, amount in rows}

    def set_targets(self, user_id: int, year: int, months: Mapping[int, Decimal | str | None]) -> None:
        """A person's targets by month (None or 0 clears one); administrators only."""
        self.set_plan(year, {user_id: months})

    def set_plan(self, year: int, plan: Mapping[int, Mapping[int, Decimal | str | None]]) -> None:
        """Targets of a year by person and month (None or 0 clears one), all or none of them;
        administrators only."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(
                session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP("errors", "Setting sales plans needs the right to manage settings."),
            )
            for user_id, months in plan.items():
                for month, raw in months.items():
                    self._set_target(session, user_id, year, month, raw)
            uow.emit("sales_target.updated", sorted(plan))

    @staticmethod
    def _set_target(session: Session, user_id: int, year: int, month: int, raw: Decimal | str | None) -> None:
        if not 1 <= month <= 12:
            raise ValidationError.single("month", QT_TRANSLATE_NOOP("errors", "A month is 1 to 12."))
        try:
            amount = Decimal(str(raw or 0)).quantize(CENT)
        except ArithmeticError as exc:
            raise ValidationError.single(
                "amount", QT_TRANSLATE_NOOP("errors", "'{value}' is not an amount."), value=raw
            ) from exc
        if amount < 0 or amount > Decimal("999999999999.99"):
            raise ValidationError.single(
                "amount", QT_TRANSLATE_NOOP("errors", "A target is an amount from 0 upward.")
            )
        current = session.get(SalesTarget, (user_id, year, month))
        if amount == 0:
            if current is not None:
                session.delete(current)
        elif current is None:
            session.add(SalesTarget(user_id=user_id, year=year, month=month, amount=amount))
        else:
            current.amount = amount

    # -- the figures ------------------------------------------------------------------------

    def _people(
        self, session: Session, f: AnalyticsFilter, allowed: frozenset[int] | None = None
    ) -> tuple[int, ...] | None:
        """The people the figures are about (None: everybody), within those whose figures the acting
        person may see (`allowed`, from their roles' analytics switch; None: everybody's)."""
        if f.department_id is None:
            chosen = set(f.responsible_ids) if f.responsible_ids else None
        else:
            chosen = set(session.scalars(select(User.id).where(User.department_id == f.department_id)))
            if f.responsible_ids:
                chosen &= set(f.responsible_ids)
        if allowed is not None:
            chosen = set(allowed) if chosen is None else chosen & allowed
        return None if chosen is None else tuple(sorted(chosen))

    def _greatest(self, *values: Any) -> Any:
        return func.max(*values) if self._dialect == "sqlite" else func.greatest(*values)

    def _funnel(
        self,
        session: Session,
        f: AnalyticsFilter,
        people: tuple[int, ...] | None,
        rates: dict[str, Decimal],
        rights: Sequence[Any] = (),
    ) -> tuple[list[FunnelStep], int | None]:
        """The funnel of the filter's pipeline (else the default one), and which pipeline that is."""
        pipeline_id = f.pipeline_id or session.scalar(
            select(Pipeline.id).order_by(Pipeline.is_default.desc(), Pipeline.sort, Pipeline.id).limit(1)
        )
        if pipeline_id is None:
            return [], None
        stages = list(
            session.scalars(
                select(Stage).where(Stage.pipeline_id == pipeline_id).order_by(Stage.sort, Stage.id)
            )
        )
        shown = [s for s in stages if s.semantic is not StageSemantic.LOST]
        # How far each deal came: the furthest stage (by order) it stayed in; won deals came all the
        # way. The running totals know the stages each deal visited; the deals of odd days around
        # whole months work it out from their visits, read along their index for each deal.
        in_progress = {s.id: s.sort for s in stages if s.semantic is StageSemantic.IN_PROGRESS}
        won_ids = [s.id for s in stages if s.semantic is StageSemantic.WON]
        top_sort = max((s.sort for s in stages), default=0)
        first_sort = shown[0].sort if shown else 0
        order = case(*((DealStageVisit.stage_id == i, sort) for i, sort in in_progress.items()), else_=0)
        furthest = select(func.max(order)).where(DealStageVisit.deal_id == Deal.id).scalar_subquery()
        current = case(*((Deal.stage_id == i, sort) for i, sort in in_progress.items()), else_=0)
        how_far = case(
            (Deal.stage_id.in_(won_ids), top_sort),
            else_=self._greatest(func.coalesce(furthest, 0), current, first_sort),
        )
        facts = Facts(session, self._dialect, f.first, f.last, pipeline_id, people, rights)
        rolled, raw = facts.created(how_far)

        def far(visited: str, stage_id: int) -> int:
            if stage_id in won_ids:
                return top_sort
            been = [in_progress.get(int(i), 0) for i in visited.split(",") if i.isdigit()]
            return max([*been, in_progress.get(stage_id, 0), first_sort])

        # The deals now in each stage (count, amount) and how many came exactly how far; a stage is
        # reached by those that came as far or further.
        now: dict[int, tuple[int, Decimal]] = {}
        came: dict[int, int] = {}
        rows = [(far(visited, stage), stage, *rest) for visited, stage, *rest in rolled] + raw
        for how, stage_id, currency, count, amount in rows:
            n, total = now.get(stage_id, (0, Decimal(0)))
            now[stage_id] = (n + count, total + _base(amount, currency, rates))
            came[how] = came.get(how, 0) + count
        steps: list[FunnelStep] = []
        before: int | None = None
        for stage in shown:
            reached = sum(count for how, count in came.items() if how >= stage.sort)
            conversion = (reached / before * 100) if before else None
            in_stage, stage_amount = now.get(stage.id, (0, Decimal(0)))
            steps.append(
                FunnelStep(
                    stage.id,
                    stage.name,
                    stage.color,
                    in_stage,
                    stage_amount.quantize(CENT),
                    reached,
                    conversion,
                    f.deal_filter(
                        pipeline_id=pipeline_id,
                        reached_stage_id=stage.id,
                        created=DateRange(first=f.first, last=f.last),
                    ),
                )
            )
            before = reached
        return steps, pipeline_id

    def _products(
        self, facts: Facts, rates: dict[str, Decimal], f: AnalyticsFilter, won: tuple[int, ...]
    ) -> tuple[tuple[Bar, ...], dict[str, dict[date, Decimal]]]:
        """Revenue (net, after discounts, before tax) of won deals' product rows, by product."""
        totals: dict[tuple[int | None, str], Decimal] = {}
        by_month: dict[tuple[int | None, str], dict[date, Decimal]] = {}
        for product_id, product_name, currency, month_text, cents in facts.products(won):
            key = (product_id, product_name)
            value = _base(cents, currency, rates)
            totals[key] = totals.get(key, Decimal(0)) + value
            day = _as_month(month_text)
            by_month.setdefault(key, {})[day] = by_month.get(key, {}).get(day, Decimal(0)) + value
        ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0][1]))
        bars = tuple(
            Bar(
                key,
                key[1],
                value.quantize(CENT),
                deals=f.deal_filter(
                    status=Status.WON, closed_from=f.first, closed_to=f.last, product_id=key[0]
                )
                if key[0] is not None
                else None,
            )
            for key, value in ranked[:TOP]
        )
        # Every month from the first to the last with sales, months without them at 0 (a line
        # chart must not jump over them).
        shown = [key for key, _v in ranked[:5]]
        spread = sorted({m for key in shown for m in by_month[key]})
        months = _months_between(spread[0], spread[-1]) if spread else []
        over_time = {
            key[1]: {m: by_month[key].get(m, Decimal(0)).quantize(CENT) for m in months} for key in shown
        }
        return bars, over_time

    def _sources(
        self, facts: Facts, f: AnalyticsFilter, rates: dict[str, Decimal], won: tuple[int, ...]
    ) -> list[Bar]:
        figures: dict[str | None, list[Any]] = {}
        for source, stage_id, currency, count, amount, _seconds in facts.closed(
            ("source", "stage_id", "currency")
        ):
            won_count, lost_count, revenue = figures.setdefault(source, [0, 0, Decimal(0)])
            if stage_id in won:
                figures[source] = [won_count + count, lost_count, revenue + _base(amount, currency, rates)]
            else:
                figures[source] = [won_count, lost_count + count, revenue]
        bars = [
            Bar(
                source,
                source or "",
                revenue.quantize(CENT),
                won,
                (won / (won + lost) * 100) if won + lost else None,
                f.deal_filter(status=Status.WON, closed_from=f.first, closed_to=f.last, source=source)
                if source
                else None,
            )
            for source, (won, lost, revenue) in figures.items()
        ]
        return sorted(bars, key=lambda b: (-b.value, str(b.key)))

    def _plan(
        self,
        session: Session,
        facts: Facts,
        f: AnalyticsFilter,
        people: tuple[int, ...] | None,
        rates: dict[str, Decimal],
        won: tuple[int, ...],
        today: date,
    ) -> list[PlanRow]:
        months = _months_between(f.first, f.last)
        targets: dict[int, Decimal] = {}
        for user_id, amount in session.execute(
            select(SalesTarget.user_id, SalesTarget.amount).where(
                (SalesTarget.year * 100 + SalesTarget.month).in_([m.year * 100 + m.month for m in months])
            )
        ):
            targets[user_id] = targets.get(user_id, Decimal(0)) + amount
        actual: dict[int, Decimal] = {}
        for responsible, currency, _count, cents, _seconds in facts.closed(
            ("responsible_id", "currency"), won=won, everybody=True
        ):
            if responsible is not None:
                actual[responsible] = actual.get(responsible, Decimal(0)) + _base(cents, currency, rates)
        users = session.execute(
            select(User.id, User.name, User.department_id).where(User.is_active.is_(True))
        ).all()
        names = dict(session.execute(select(Department.id, Department.name)).all())
        elapsed = _elapsed(f, today)
        rows = []
        for user_id, name, department_id in users:
            if people is not None and user_id not in people:
                continue
            target = targets.get(user_id, Decimal(0))
            done = actual.get(user_id, Decimal(0)).quantize(CENT)
            if not target and not done:
                continue
            fulfilled = float(done / target * 100) if target else None
            on_track = bool(target) and done >= target * Decimal(str(elapsed))
            department = names.get(department_id) if department_id is not None else None
            rows.append(PlanRow(user_id, name, department, target, done, fulfilled, on_track))
        return sorted(rows, key=lambda r: (-(r.fulfilled or 0), r.name))

    def _customers(
        self,
        session: Session,
        facts: Facts,
        f: AnalyticsFilter,
        rates: dict[str, Decimal],
        won: tuple[int, ...],
        *,
        companies: bool,
    ) -> list[Bar]:
        # The best by id (ranked by the database), then summed exactly and named here.
        figures: dict[int, list[Any]] = {}
        for ident, currency, won_count, lost_count, amount in facts.customers(
            won, rates, companies=companies, top=TOP * 3
        ):
            entry = figures.setdefault(ident, [0, 0, Decimal(0)])
            entry[0] += won_count
            entry[1] += lost_count
            if won_count:
                entry[2] += _base(amount, currency, rates)
        ids = list(figures)
        if companies:
            names = dict(session.execute(select(Company.id, Company.title).where(Company.id.in_(ids))).all())
        else:
            names = dict(
                session.execute(
                    select(Contact.id, func.trim(Contact.first_name + " " + Contact.last_name)).where(
                        Contact.id.in_(ids)
                    )
                ).all()
            )
        bars = [
            Bar(
                ident,
                names.get(ident, ""),
                revenue.quantize(CENT),
                won,
                (won / (won + lost) * 100) if won + lost else None,
                f.deal_filter(
                    status=Status.WON,
                    closed_from=f.first,
                    closed_to=f.last,
                    **({"company_id": ident} if companies else {"contact_id": ident}),
                ),
            )
            for ident, (won, lost, revenue) in figures.items()
            if won
        ]
        return sorted(bars, key=lambda b: (-b.value, -b.count, b.label))[:TOP]

    def _months(
        self, facts: Facts, f: AnalyticsFilter, rates: dict[str, Decimal], won: tuple[int, ...]
    ) -> tuple[tuple[MonthFigures, ...], Decimal, float | None]:
        table: dict[date, list[Any]] = {
            m: [0, 0, Decimal(0), Decimal(0)] for m in _months_between(f.first, f.last)
        }
        won_seconds = 0
        for month_text, stage_id, currency, count, amount, seconds in facts.closed(
            ("month", "stage_id", "currency")
        ):
            entry = table.setdefault(_as_month(month_text), [0, 0, Decimal(0), Decimal(0)])
            value = _base(amount, currency, rates)
            if stage_id in won:
                entry[0] += count
                entry[2] += value
                won_seconds += int(seconds or 0)
            else:
                entry[1] += count
                entry[3] += value
        months = tuple(
            MonthFigures(m, e[0], e[1], e[2].quantize(CENT), e[3].quantize(CENT))
            for m, e in sorted(table.items())
        )
        won_count = sum(m.won for m in months)
        average = (
            (sum((m.won_amount for m in months), Decimal(0)) / won_count).quantize(CENT, ROUND_HALF_UP)
            if won_count
            else Decimal(0)
        )
        days = won_seconds / won_count / 86400 if won_count else None
        return months, average, days

    def _forecast(
        self,
        session: Session,
        f: AnalyticsFilter,
        people: tuple[int, ...] | None,
        rates: dict[str, Decimal],
        today: date,
        rights: Sequence[Any] = (),
    ) -> list[Bar]:
        """Open deals by close month: amount × the stage's probability (the weighted forecast), for
        this month and the ones after it — ahead of today whatever the period (a December "this
        year" would otherwise be one bar)."""
        first = today.replace(day=1)
        last = _month_end(_add_months(first, FORECAST_MONTHS - 1))
        probability = dict(session.execute(select(Stage.id, Stage.probability)).all())
        facts = Facts(session, self._dialect, first, last, f.pipeline_id, people, rights)
        weighted: dict[date, list[Any]] = {m: [Decimal(0), 0] for m in _months_between(first, last)}
        for month_text, stage_id, currency, count, amount in facts.opened():
            entry = weighted.setdefault(_as_month(month_text), [Decimal(0), 0])
            entry[0] += _base(amount, currency, rates) * Decimal(probability.get(stage_id) or 0) / 100
            entry[1] += count
        return [
            Bar(
                m,
                m.isoformat()[:7],
                value.quantize(CENT, ROUND_HALF_UP),
                count,
                deals=f.deal_filter(status=Status.OPEN, close_from=m, close_to=_month_end(m)),
            )
            for m, (value, count) in sorted(weighted.items())
        ]


# -- helpers ------------------------------------------------------------------------------------------------


def _elapsed(f: AnalyticsFilter, today: date) -> float:
    """How much of the period has gone by (0 to 1): the share of a target due by today."""
    span = (f.last - f.first).days + 1
    return min(max((today - f.first).days + 1, 0), span) / span if span else 1.0


def _departments(plan: Sequence[PlanRow], today: date, f: AnalyticsFilter) -> tuple[PlanRow, ...]:
    """Each department's people in the plan, together: targets and won revenue added up."""
    members: dict[str, list[PlanRow]] = {}
    for row in plan:
        if row.department is not None:
            members.setdefault(row.department, []).append(row)
    totals = []
    for name, rows in sorted(members.items()):
        target = sum((r.target for r in rows), Decimal(0))
        done = sum((r.actual for r in rows), Decimal(0))
        totals.append(
            PlanRow(
                0,
                name,
                name,
                target,
                done,
                float(done / target * 100) if target else None,
                bool(target) and done >= target * Decimal(str(_elapsed(f, today))),
                tuple(r.user_id for r in rows),
            )
        )
    return tuple(totals)


def _base(cents: Any, currency: str, rates: dict[str, Decimal]) -> Decimal:
    """A sum of cents (an int from SQLite, a Decimal from PostgreSQL) in the base currency."""
    return money(cents) * rates.get(currency, Decimal(1))


def _as_month(text: Any) -> date:
    if isinstance(text, (date, datetime)):
        return date(text.year, text.month, 1)
    year, month = str(text)[:7].split("-")
    return date(int(year), int(month), 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _add_months(day.replace(day=1), 1) - timedelta(days=1)


def _months_between(first: date, last: date) -> list[date]:
    months = []
    current = first.replace(day=1)
    while current <= last:
        months.append(current)
        current = _add_months(current, 1)
    return months


__all__: Sequence[str] = ("AnalyticsFilter", "AnalyticsService", "Dashboard", "Period", "period_days")


month_end = _month_end  # the last day of a date's month (for the charts' month filters)
