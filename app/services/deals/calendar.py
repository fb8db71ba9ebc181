"""The calendar: deals placed on days by a date field (close date, begin date, or a custom date or
date-and-time field), a day's count and its first entries read together; tasks by their due date;
and moving a deal to another day (or time) through the deal's own rules, history and events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.models import CustomFieldDefinition, CustomFieldValue, Deal, EntityType, FieldType, Stage, Task
from app.services.access.scope import deal_scope
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.deals.filters import DealFilter, deal_conditions
from app.services.deals.search import search_scope
from app.services.deals.service import DealService
from app.services.deals.stale import is_stale
from app.services.fields.custom_fields import CustomFieldService, field_info

STANDARD_FIELDS = ("close_date", "begin_date")
SPAN = "span"  # begin date to close date
MAX_SPANS = 2_000
# The deals a day shows, as the outer side of "each day's largest" (made once: an alias adapts its
# columns on first use, 3 ms a read when made anew each time).
_SHOWN = aliased(Deal, name="shown")


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    deal_id: int
    title: str
    amount: Decimal
    currency: str
    stage_id: int
    stage_name: str
    stage_color: str
    closed: bool
    version: int
    day: date  # where it stands (a span: its first day)
    at: time | None = None  # a date-and-time field's time
    last_day: date | None = None  # a span's last day
    stale: bool = False  # idle longer than its stage allows


@dataclass(frozen=True, slots=True)
class CalendarDay:
    day: date
    count: int
    entries: tuple[CalendarEntry, ...]  # the first ones (largest amounts first), or all


@dataclass(frozen=True, slots=True)
class TaskEntry:
    id: int
    title: str
    due_at: datetime  # on this computer's clock (the calendar's days are its days)
    deal_id: int | None
    done: bool
    version: int = 0
    kind: str = "todo"
    all_day: bool = False


@dataclass(frozen=True)
class CalendarData:
    days: dict[date, CalendarDay] = field(default_factory=dict)
    spans: tuple[CalendarEntry, ...] = ()
    span_count: int = 0
    tasks: tuple[TaskEntry, ...] = ()


class CalendarService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    def date_fields(self) -> list[tuple[str, Any]]:
        """(key, label) of what deals can be placed by: standard dates, the span, custom date fields.
        Standard labels are translatable Messages; custom ones the user's own text."""
        from app.services.core.vocabulary import FIELD_LABELS

        custom = [
            (f"uf:{f.id}", f.label)
            for f in CustomFieldService(self._ctx).list(EntityType.DEAL)
            if f.field_type in (FieldType.DATE, FieldType.DATETIME) and not f.multiple
        ]
        return [(key, FIELD_LABELS[key]) for key in STANDARD_FIELDS] + [(SPAN, None)] + custom

    def read(
        self,
        deal_filter: DealFilter,
        date_field: str,
        first: date,
        last: date,
        *,
        per_day: int | None = 4,
        with_tasks: bool = False,
    ) -> CalendarData:
        """The days from `first` to `last`: each day's count and its first `per_day` entries (None:
        all); for the span, the deals overlapping the days; tasks due then, if asked."""
        with self._ctx.read() as session:
            conditions = [
                *deal_conditions(deal_filter, self._dialect, self._ctx.actor_id),
                *deal_scope(session, self._ctx.actor_id),
                *search_scope(session, self._ctx.actor_id, deal_filter.search),
            ]
            spans: list[CalendarEntry] = []
            days: dict[date, CalendarDay] = {}
            total = 0
            if date_field == SPAN:
                spans, total = self._spans(session, conditions, first, last)
            else:
                by_index = date_field == "close_date" and not deal_filter.search.strip()
                days = self._days(session, conditions, date_field, first, last, per_day, by_index=by_index)
            tasks = self._tasks(session, deal_filter, first, last) if with_tasks else ()
        return CalendarData(days, tuple(spans), total, tuple(tasks))

    # -- by one date ---------------------------------------------------------------------------------

    def _days(
        self,
        session: Session,
        conditions: list[ColumnElement[bool]],
        date_field: str,
        first: date,
        last: date,
        per_day: int | None,
        *,
        by_index: bool = False,
    ) -> dict[date, CalendarDay]:
        day_of, at_of, where, source = self._placement(session, date_field, first, last)
        counts = session.execute(
            select(day_of, func.count()).select_from(source).where(where, *conditions).group_by(day_of)
        ).all()
        if by_index and per_day is not None and counts and self._dialect == "sqlite":
            # Each day's largest deals on their own: along the (close date, amount) index a few rows
            # a day, however many deals the month holds (ranking all of them took 80 ms at a
            # million); a person's from their (person, day) index, a day's few sorted. One
            # statement for any number of days (the days counted out by SQLite), cached as such.
            days = select(literal(first.isoformat(), String).label("day")).cte("days", recursive=True)
            days = days.union_all(
                select(func.date(days.c.day, "+1 day")).where(days.c.day < last.isoformat())
            )
            top = (
                select(Deal.id)
                .where(Deal.close_date == days.c.day, *conditions)
                .order_by(Deal.amount.desc(), Deal.id)
                .limit(per_day)
                .correlate(days)
            )
            wanted = (
                self._entry_select(_SHOWN, _SHOWN.id, _SHOWN.close_date, literal(None))
                .select_from(days)
                .join(_SHOWN, _SHOWN.id.in_(top))
                .join(Stage, Stage.id == _SHOWN.stage_id)
            )
            rows = sorted(session.execute(wanted), key=lambda row: (row.day, -row.amount, row.deal_id))
        else:
            ranked = (
                select(
                    Deal.id.label("deal_id"),
                    day_of.label("day"),
                    at_of.label("at"),
                    func.row_number()
                    .over(partition_by=day_of, order_by=(Deal.amount.desc(), Deal.id))
                    .label("rank"),
                )
                .select_from(source)
                .where(where, *conditions)
                .subquery()
            )
            wanted = (
                self._entry_select(Deal, ranked.c.deal_id, ranked.c.day, ranked.c.at)
                .join(Deal, Deal.id == ranked.c.deal_id)
                .join(Stage, Stage.id == Deal.stage_id)
            )
            if per_day is not None:
                wanted = wanted.where(ranked.c.rank <= per_day)
            rows = list(session.execute(wanted.order_by(ranked.c.day, ranked.c.rank)))
        entries: dict[date, list[CalendarEntry]] = {}
        for row in rows:
            day = _as_date(row.day)
            entries.setdefault(day, []).append(
                CalendarEntry(
                    row.deal_id,
                    row.title,
                    row.amount,
                    row.currency,
                    row.stage_id,
                    row.name,
                    row.color,
                    row.closed,
                    row.version,
                    day,
                    _as_time(row.at),
                    None,
                    is_stale(row.stage_changed_at, row.idle_days, row.closed),
                )
            )
        return {
            _as_date(day): CalendarDay(_as_date(day), count, tuple(entries.get(_as_date(day), ())))
            for day, count in counts
        }

    @staticmethod
    def _entry_select(deal: Any, deal_id: Any, day: Any, at: Any) -> Any:
        """What a chip shows of the deal `deal_id` names, placed on `day` (the caller joins the deal,
        as `deal`, and its stage)."""
        return select(
            deal_id.label("deal_id"),
            day.label("day"),
            at.label("at"),
            deal.title,
            deal.amount,
            deal.currency,
            deal.stage_id,
            Stage.name,
            Stage.color,
            deal.closed,
            deal.version,
            deal.stage_changed_at,
            Stage.idle_days,
        )

    def _placement(
        self, session: Session, date_field: str, first: date, last: date
    ) -> tuple[Any, Any, Any, Any]:
        """(day expression, time expression, condition for the days, what to select from)."""
        if date_field in STANDARD_FIELDS:
            column = getattr(Deal, date_field)
            return column, literal(None), and_(column >= first, column <= last), Deal
        info = self._custom_field(session, date_field)
        value = CustomFieldValue.__table__.alias("placed")
        text = value.c.value_text
        upper = (last + timedelta(days=1)).isoformat()
        where = and_(value.c.field_id == info.id, text >= first.isoformat(), text < upper)
        source = value.join(Deal, Deal.id == value.c.entity_id)
        day = func.substr(text, 1, 10)
        at = func.substr(text, 12, 5) if info.field_type is FieldType.DATETIME else literal(None)
        return day, at, where, source

    @staticmethod
    def _custom_field(session: Session, date_field: str) -> Any:
        definition = None
        if date_field.startswith("uf:") and date_field[3:].isdigit():
            definition = session.get(CustomFieldDefinition, int(date_field[3:]))
        if (
            definition is None
            or definition.entity_type is not EntityType.DEAL
            or definition.field_type not in (FieldType.DATE, FieldType.DATETIME)
        ):
            raise ValidationError.single(
                "date_field",
                QT_TRANSLATE_NOOP("errors", "Deals can't be placed by '{field}'."),
                field=date_field,
            )
        return field_info(definition)

    # -- spans ------------------------------------------------------------------------------------------

    def _spans(
        self, session: Session, conditions: list[ColumnElement[bool]], first: date, last: date
    ) -> tuple[list[CalendarEntry], int]:
        overlap = and_(
            Deal.begin_date.is_not(None),
            Deal.close_date.is_not(None),
            Deal.begin_date <= last,
            Deal.close_date >= first,
        )
        total = session.scalar(select(func.count()).select_from(Deal).where(overlap, *conditions)) or 0
        rows = session.execute(
            select(
                Deal.id,
                Deal.title,
                Deal.amount,
                Deal.currency,
                Deal.stage_id,
                Stage.name,
                Stage.color,
                Deal.closed,
                Deal.version,
                Deal.begin_date,
                Deal.close_date,
                Deal.stage_changed_at,
                Stage.idle_days,
            )
            .join(Stage, Stage.id == Deal.stage_id)
            .where(overlap, *conditions)
            .order_by(Deal.amount.desc(), Deal.id)  # the largest deals when there are too many
            .limit(MAX_SPANS)
        )
        spans = [
            CalendarEntry(*r[:9], r[9], None, max(r[9], r[10]), is_stale(r[11], r[12], r[7]))  # type: ignore[arg-type]
            for r in rows
        ]
        spans.sort(key=lambda span: (span.day, span.deal_id))  # laid out from the earliest
        return spans, total

    # -- tasks -----------------------------------------------------------------------------------------

    def _tasks(self, session: Session, deal_filter: DealFilter, first: date, last: date) -> list[TaskEntry]:
        """The open tasks due on these days (this computer's days) that the person may see: their
        own, and those of deals they may read."""
        start, end = (
            _utc(datetime.combine(first, time.min)),
            _utc(datetime.combine(last + timedelta(days=1), time.min)),
        )
        actor = self._ctx.actor_id
        stmt = select(
            Task.id, Task.title, Task.due_at, Task.deal_id, Task.done, Task.version, Task.kind, Task.all_day
        ).where(Task.done.is_(False), Task.due_at >= start, Task.due_at < end)
        scope = deal_scope(session, actor)
        if scope:
            readable = select(Deal.id).where(*scope)
            stmt = stmt.where((Task.responsible_id == actor) | Task.deal_id.in_(readable))
        if deal_filter.mine:
            stmt = stmt.where(Task.responsible_id == actor)
        elif deal_filter.responsible_ids:
            stmt = stmt.where(Task.responsible_id.in_(deal_filter.responsible_ids))
        rows = session.execute(stmt.order_by(Task.due_at, Task.id).limit(5_000))
        return [
            TaskEntry(i, title, _local(due), deal, done, version, kind, all_day)
            for i, title, due, deal, done, version, kind, all_day in rows
            if due is not None
        ]

    # -- moving -----------------------------------------------------------------------------------------

    def move(
        self, deal_id: int, expected_version: int, date_field: str, day: date, at: time | None = None
    ) -> int:
        """Put the deal on another day (a date-and-time field: at another time too). A span moves
        whole: begin and close date by the same number of days. Returns the deal's new version;
        ValidationError/ConflictError (nothing changed) when the deal's rules refuse it."""
        deals = DealService(self._ctx)
        if date_field in STANDARD_FIELDS:
            return deals.update(deal_id, expected_version, **{date_field: day}).version
        if date_field == SPAN:
            current = deals.get(deal_id)
            if current.begin_date is None or current.close_date is None:
                raise ValidationError.single(
                    "begin_date",
                    QT_TRANSLATE_NOOP("errors", "The deal needs a begin and a close date to move as a span."),
                )
            shift = day - current.begin_date
            return deals.update(
                deal_id,
                expected_version,
                begin_date=current.begin_date + shift,
                close_date=current.close_date + shift,
            ).version
        with self._ctx.read() as session:
            info = self._custom_field(session, date_field)
        value: Any = day
        if info.field_type is FieldType.DATETIME:
            if at is None:
                stored = (
                    CustomFieldService(self._ctx).values(EntityType.DEAL, [deal_id], [info]).get(deal_id, {})
                )
                old = stored.get(info.id)
                at = old.time() if isinstance(old, datetime) else time(9, 0)
            value = datetime.combine(day, at)
        return CustomFieldService(self._ctx).set_values(
            EntityType.DEAL, deal_id, expected_version, {info.id: value}
        )


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_time(value: Any) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def month_days(month: date, first_weekday: int) -> list[date]:
    """The 42 days a month view shows: whole weeks from the week of the 1st, starting on
    `first_weekday` (Monday 1 … Sunday 7)."""
    start = month.replace(day=1)
    back = (start.isoweekday() - first_weekday) % 7
    first = start - timedelta(days=back)
    return [first + timedelta(days=n) for n in range(42)]


def week_days(day: date, first_weekday: int) -> list[date]:
    back = (day.isoweekday() - first_weekday) % 7
    first = day - timedelta(days=back)
    return [first + timedelta(days=n) for n in range(7)]


__all__: Sequence[str] = (
    "SPAN",
    "CalendarData",
    "CalendarDay",
    "CalendarEntry",
    "CalendarService",
    "TaskEntry",
    "month_days",
    "week_days",
)


def _utc(local: datetime) -> datetime:
    """A moment on this computer's clock as stored (UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(stored: datetime) -> datetime:
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
