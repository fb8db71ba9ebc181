"""What the deal views show: the filter, its periods ("this month"), and the SQL conditions it stands for."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select

from app.models import (
    CustomFieldValue,
    Deal,
    DealProductRow,
    DealStageVisit,
    Stage,
    StageSemantic,
    Task,
    deal_contact,
    utcnow,
)
from app.services.core.errors import Message
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.deals.search import search_condition
from app.services.deals.stale import stale_condition


class Status(enum.StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class Activity(enum.StrEnum):
    """Deals by their open tasks (Bitrix24's counters, Pipedrive's "no next activity")."""

    OVERDUE = "overdue"  # an open task past its due time
    TODAY = "today"  # an open task due later today
    NONE_PLANNED = "none_planned"  # an open deal without any open task


ACTIVITY_LABELS: dict[Activity, Message] = {
    Activity.OVERDUE: Message(QT_TRANSLATE_NOOP("activity", "With overdue tasks"), {}, "activity"),
    Activity.TODAY: Message(QT_TRANSLATE_NOOP("activity", "With tasks due today"), {}, "activity"),
    Activity.NONE_PLANNED: Message(
        QT_TRANSLATE_NOOP("activity", "Without a planned activity"), {}, "activity"
    ),
}


class Period(enum.StrEnum):
    """Date ranges relative to today, so a saved filter stays current."""

    TODAY = "today"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    NEXT_MONTH = "next_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


def _label(text: str) -> Message:
    return Message(text, {}, "periods")


PERIOD_LABELS: dict[Period, Message] = {
    Period.TODAY: _label(QT_TRANSLATE_NOOP("periods", "Today")),
    Period.THIS_WEEK: _label(QT_TRANSLATE_NOOP("periods", "This week")),
    Period.THIS_MONTH: _label(QT_TRANSLATE_NOOP("periods", "This month")),
    Period.LAST_MONTH: _label(QT_TRANSLATE_NOOP("periods", "Last month")),
    Period.NEXT_MONTH: _label(QT_TRANSLATE_NOOP("periods", "Next month")),
    Period.THIS_QUARTER: _label(QT_TRANSLATE_NOOP("periods", "This quarter")),
    Period.LAST_QUARTER: _label(QT_TRANSLATE_NOOP("periods", "Last quarter")),
    Period.THIS_YEAR: _label(QT_TRANSLATE_NOOP("periods", "This year")),
    Period.LAST_YEAR: _label(QT_TRANSLATE_NOOP("periods", "Last year")),
    Period.CUSTOM: _label(QT_TRANSLATE_NOOP("periods", "Custom")),
}


def period_range(period: Period, today: date) -> tuple[date, date]:
    """First and last day of a period around `today` (a week starts on Monday)."""
    if period is Period.TODAY:
        return today, today
    if period is Period.THIS_WEEK:
        start = today - timedelta(days=today.weekday())
        return start, start + timedelta(days=6)
    if period in (Period.THIS_MONTH, Period.LAST_MONTH, Period.NEXT_MONTH):
        shift = {Period.THIS_MONTH: 0, Period.LAST_MONTH: -1, Period.NEXT_MONTH: 1}[period]
        return _month(today.year, today.month + shift)
    if period in (Period.THIS_QUARTER, Period.LAST_QUARTER):
        first_month = (today.month - 1) // 3 * 3 + 1 - (3 if period is Period.LAST_QUARTER else 0)
        start, _ = _month(today.year, first_month)
        _, end = _month(today.year, first_month + 2)
        return start, end
    year = today.year - (1 if period is Period.LAST_YEAR else 0)
    return date(year, 1, 1), date(year, 12, 31)


def _month(year: int, month: int) -> tuple[date, date]:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    start = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return start, following - timedelta(days=1)


@dataclass(frozen=True)
class DateRange:
    """A period relative to today, or CUSTOM with its own first and last day (either may be open)."""

    period: Period = Period.CUSTOM
    first: date | None = None
    last: date | None = None

    def resolve(self, today: date) -> tuple[date | None, date | None]:
        if self.period is Period.CUSTOM:
            return self.first, self.last
        return period_range(self.period, today)


@dataclass(frozen=True)
class CustomCondition:
    """A condition on a custom field, with values as stored (see custom_fields.encode).

    op: "in" (one of `values`), "range" (values = (lowest or None, highest or None)),
    "prefix" (text starting with values[0]), "set" (has a value), "unset" (has none).
    """

    field_id: int
    column: str  # "value_int" or "value_text"
    op: str
    values: tuple[Any, ...] = ()


_FILTER_VALUE = CustomFieldValue.__table__.alias("filter_value")


def value_condition(value: Any, condition: CustomCondition) -> ColumnElement[bool]:
    """The condition on a table of custom values (its field and the values that match)."""
    if condition.column not in ("value_int", "value_text"):
        raise ValueError(f"no value column {condition.column!r}")
    column = value.c[condition.column]
    parts: list[ColumnElement[bool]] = [value.c.field_id == condition.field_id]
    if condition.op == "in":
        parts.append(column.in_(condition.values))
    elif condition.op == "range":
        lowest, highest = [*condition.values, None, None][:2]
        if lowest is not None:
            parts.append(column >= lowest)
        if highest is not None:
            parts.append(column <= highest)
    elif condition.op == "prefix":
        parts.append(column.startswith(str(condition.values[0]), autoescape=True))
    elif condition.op not in ("set", "unset"):
        raise ValueError(f"no operation {condition.op!r}")
    return and_(*parts)


def custom_condition(condition: CustomCondition) -> ColumnElement[bool]:
    matching = select(_FILTER_VALUE.c.entity_id).where(value_condition(_FILTER_VALUE, condition))
    if condition.op == "unset":
        return ~Deal.id.in_(matching)
    return Deal.id.in_(matching)


def values_only(f: DealFilter) -> CustomCondition | None:
    """The filter's one custom condition when it is all there is to it (and can be read from the
    value index alone: not "has no value"); the caller checks the field holds one value per deal."""
    if len(f.custom) != 1 or f.custom[0].op == "unset":
        return None
    return f.custom[0] if replace(f, custom=()) == DealFilter() else None


@dataclass(frozen=True)
class DealFilter:
    """What the Deals area shows. Empty fields don't filter."""

    pipeline_id: int | None = None
    stage_ids: tuple[int, ...] = ()
    responsible_ids: tuple[int, ...] = ()
    mine: bool = False  # the acting user's deals (kept as "mine" in saved filters, for everybody)
    company_id: int | None = None
    contact_id: int | None = None  # deals this person is on
    status: Status | None = None
    closed: bool | None = None
    source: str | None = None
    search: str = ""
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    close_date: DateRange | None = None
    created: DateRange | None = None
    close_from: date | None = None
    close_to: date | None = None
    custom: tuple[CustomCondition, ...] = ()
    stale: bool = False  # only deals idle longer than their stage allows
    closed_from: date | None = None  # closed (won or lost) on or after this day
    closed_to: date | None = None
    product_id: int | None = None  # deals with a row of this product
    reached_stage_id: int | None = None  # deals that came at least this far in its pipeline (the funnel)
    activity: Activity | None = None  # by their open tasks

    def is_empty(self) -> bool:
        return self == DealFilter(pipeline_id=self.pipeline_id, search=self.search)

    # -- saving as JSON (presets) ------------------------------------------------------------------

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, (), "", False)}
        return json.dumps(data, default=_encode, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DealFilter:
        raw: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if name not in known:
                continue  # a field of a newer version: ignore rather than fail
            if name in ("stage_ids", "responsible_ids"):
                value = tuple(int(v) for v in value)
            elif name in ("amount_min", "amount_max"):
                value = Decimal(value)
            elif name in ("close_date", "created"):
                value = DateRange(
                    Period(value.get("period", "custom")),
                    date.fromisoformat(value["first"]) if value.get("first") else None,
                    date.fromisoformat(value["last"]) if value.get("last") else None,
                )
            elif name in ("close_from", "close_to", "closed_from", "closed_to"):
                value = date.fromisoformat(value)
            elif name == "status":
                value = Status(value)
            elif name == "activity":
                value = Activity(value)
            elif name == "custom":
                value = tuple(
                    CustomCondition(int(c["field_id"]), c["column"], c["op"], tuple(c.get("values", ())))
                    for c in value
                )
            values[name] = value
        return cls(**values)


def _encode(value: Any) -> Any:
    if isinstance(value, (date, Decimal)):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"can't save {value!r} in a filter")


def deal_conditions(
    f: DealFilter, dialect: str, actor_id: int | None = None, today: date | None = None
) -> list[ColumnElement[bool]]:
    """The SQL conditions of a filter, with "mine" and the periods resolved for this user and day."""
    today = today or date.today()  # noqa: DTZ011 - periods are the user's calendar days
    conditions: list[ColumnElement[bool]] = []
    if f.pipeline_id is not None:
        conditions.append(Deal.pipeline_id == f.pipeline_id)
    if f.stage_ids:
        conditions.append(Deal.stage_id.in_(f.stage_ids))
    if f.responsible_ids:
        conditions.append(Deal.responsible_id.in_(f.responsible_ids))
    if f.mine:
        conditions.append(Deal.responsible_id == actor_id if actor_id is not None else false())
    if f.company_id is not None:
        conditions.append(Deal.company_id == f.company_id)
    if f.contact_id is not None:
        conditions.append(
            Deal.id.in_(select(deal_contact.c.deal_id).where(deal_contact.c.contact_id == f.contact_id))
        )
    if f.status is Status.OPEN:
        conditions.append(Deal.closed.is_(False))
    elif f.status is not None:
        semantic = StageSemantic.WON if f.status is Status.WON else StageSemantic.LOST
        conditions.append(Deal.stage_id.in_(select(Stage.id).where(Stage.semantic == semantic)))
    if f.closed is not None:
        conditions.append(Deal.closed.is_(f.closed))
    if f.source:
        conditions.append(Deal.source == f.source)
    if f.amount_min is not None:
        conditions.append(Deal.amount >= f.amount_min)
    if f.amount_max is not None:
        conditions.append(Deal.amount <= f.amount_max)
    close_from, close_to = f.close_from, f.close_to
    if f.close_date is not None:
        close_from, close_to = f.close_date.resolve(today)
    if close_from is not None:
        conditions.append(Deal.close_date >= close_from)
    if close_to is not None:
        conditions.append(Deal.close_date <= close_to)
    if f.created is not None:
        first, last = f.created.resolve(today)
        if first is not None:
            conditions.append(Deal.created_at >= datetime.combine(first, time.min))
        if last is not None:
            conditions.append(Deal.created_at < datetime.combine(last + timedelta(days=1), time.min))
    conditions.extend(custom_condition(c) for c in f.custom)
    if f.stale:
        conditions.append(stale_condition(dialect))
    if f.closed_from is not None:
        conditions.append(Deal.closed_at >= datetime.combine(f.closed_from, time.min))
    if f.closed_to is not None:
        conditions.append(Deal.closed_at < datetime.combine(f.closed_to + timedelta(days=1), time.min))
    if f.product_id is not None:
        conditions.append(
            Deal.id.in_(select(DealProductRow.deal_id).where(DealProductRow.product_id == f.product_id))
        )
    if f.reached_stage_id is not None:
        conditions.append(reached_condition(f.reached_stage_id))
    if f.activity is not None:
        conditions.append(activity_condition(f.activity))
    if f.search.strip():
        found = search_condition(dialect, f.search)
        conditions.append(found if found is not None else false())  # only punctuation typed
    return conditions


def activity_condition(activity: Activity, now: datetime | None = None) -> ColumnElement[bool]:
    """Deals by their open tasks; "today" ends at midnight on this computer's clock (an all-day task
    of today is due at the end of it, so it counts as today, not overdue)."""
    now = now or utcnow()
    open_tasks = select(Task.deal_id).where(Task.done.is_(False), Task.deal_id.is_not(None))
    if activity is Activity.NONE_PLANNED:
        return and_(Deal.closed.is_(False), Deal.id.not_in(open_tasks))
    if activity is Activity.OVERDUE:
        return Deal.id.in_(open_tasks.where(Task.due_at < now))
    local = now.replace(tzinfo=UTC).astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), time(), local.tzinfo)
    tomorrow = midnight.astimezone(UTC).replace(tzinfo=None)
    return Deal.id.in_(open_tasks.where(Task.due_at >= now, Task.due_at < tomorrow))


def reached_condition(stage_id: int) -> ColumnElement[bool]:
    """Deals of the stage's pipeline that came at least as far as the stage, as the funnel counts
    them: won ones, and those now in or once in a stage in progress at or after it; every deal of
    the pipeline has reached its first stage."""
    pipeline = select(Stage.pipeline_id).where(Stage.id == stage_id).scalar_subquery()
    sort = select(Stage.sort).where(Stage.id == stage_id).scalar_subquery()
    first = (
        select(func.min(Stage.sort))
        .where(Stage.pipeline_id == pipeline, Stage.semantic != StageSemantic.LOST)
        .scalar_subquery()
    )
    further = select(Stage.id).where(
        Stage.pipeline_id == pipeline, Stage.semantic == StageSemantic.IN_PROGRESS, Stage.sort >= sort
    )
    won = select(Stage.id).where(Stage.pipeline_id == pipeline, Stage.semantic == StageSemantic.WON)
    visited = (
        select(DealStageVisit.deal_id)
        .where(DealStageVisit.deal_id == Deal.id, DealStageVisit.stage_id.in_(further))
        .exists()
    )
    return and_(
        Deal.pipeline_id == pipeline,
        or_(sort <= first, Deal.stage_id.in_(won), Deal.stage_id.in_(further), visited),
    )
