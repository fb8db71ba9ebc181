"""Tasks and activities — a to-do, a call, a meeting, an e-mail logged — with a due time (or a day:
due at its end), a responsible person and a link to a deal, contact, company or lead; done with a
result. A person's tasks come grouped as the Tasks area shows them (overdue, today, tomorrow, this
week, later, no date, done), the day boundaries in the person's own time zone; a deal's activity
state (overdue, due today, next planned, none planned) comes for many deals in one query.

Who sees a task: its responsible person, its creator, its participants and observers, everyone who
may read its deal, and whoever may see everything. "My tasks" are those I am responsible for or take
part in.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, bindparam, case, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from app.models import Company, Contact, Deal, Lead, Task, User, task_participant, utcnow
from app.services.access.scope import access_for, deal_scope
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, NotFoundError, PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version
from app.services.core.validation import Problems

KINDS = ("todo", "call", "meeting", "email")
MSG_TITLE = QT_TRANSLATE_NOOP("errors", "A task needs a title (at most 255 characters).")
MSG_KIND = QT_TRANSLATE_NOOP("errors", "'{value}' is not a kind of task (to-do, call, meeting, e-mail).")
MSG_DURATION = QT_TRANSLATE_NOOP("errors", "A meeting lasts between 1 minute and 24 hours.")
MSG_APPROVAL = QT_TRANSLATE_NOOP("errors", "An approval is answered, not ticked off: approve or reject it.")
MSG_NOT_FOUND = QT_TRANSLATE_NOOP("errors", "There is no task {id} (any more).")
MSG_NOT_YOURS = QT_TRANSLATE_NOOP("errors", "This task is not yours to change.")
MSG_LINK = QT_TRANSLATE_NOOP("errors", "There is no {what} {id} to link the task to.")  # what: a noun
MSG_REMIND = QT_TRANSLATE_NOOP("errors", "A reminder comes between 0 minutes and 7 days before the task.")
MSG_NO_DEALS = QT_TRANSLATE_NOOP("errors", "Choose the deals to plan the task for.")
MSG_PERSON = QT_TRANSLATE_NOOP("errors", "There is no person {id} to put on the task.")
# A window's open ends, bound as stored moments (UTC, without a zone).
_EARLIEST = datetime(1, 1, 1, tzinfo=UTC).replace(tzinfo=None)
_LATEST = datetime(9999, 12, 31, tzinfo=UTC).replace(tzinfo=None)
PER_GROUP = 100  # tasks of a group read for the first screen (the rest: search, filter, or done ones)
ALL_DAY_REMINDER_HOUR = 9  # an all-day task's reminder: that morning (minus its minutes)


class Bucket(enum.StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    TOMORROW = "tomorrow"
    THIS_WEEK = "this_week"
    LATER = "later"
    NO_DATE = "no_date"
    DONE = "done"


@dataclass(frozen=True)
class TaskInfo:
    id: int
    title: str
    kind: str
    due_at: datetime | None  # UTC; an all-day task's is the end of its day
    all_day: bool
    done: bool
    completed_at: datetime | None
    result: str | None
    description: str | None
    duration_minutes: int | None
    responsible_id: int | None
    responsible_name: str | None
    deal_id: int | None
    deal_title: str | None
    contact_id: int | None
    company_id: int | None
    lead_id: int | None
    version: int
    remind_minutes: int | None = None
    participant_ids: tuple[int, ...] = ()  # read by get() (lists leave them out)
    observer_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ActivityState:
    """A deal's open tasks as its card and row show them."""

    overdue: int
    today: int
    next_due: datetime | None  # the next open task's due time (UTC), if any has one
    open: int

    @property
    def none_planned(self) -> bool:
        return self.open == 0


@dataclass(frozen=True)
class TaskOverview:
    groups: dict[Bucket, list[TaskInfo]]  # the first of each group
    counts: dict[Bucket, int]  # how many each group holds


class Days:
    """Today's, tomorrow's and this week's boundaries in a time zone, as UTC moments."""

    def __init__(self, now: datetime | None = None, zone: tzinfo | None = None) -> None:
        if now is None:
            now = datetime.now(UTC)
        elif now.tzinfo is None:  # a stored moment: UTC
            now = now.replace(tzinfo=UTC)
        local = now.astimezone(zone)  # no zone: this computer's
        self.zone = local.tzinfo
        self.now = local.astimezone(UTC).replace(tzinfo=None)
        today = local.date()
        self.today_start = self._utc(today)
        self.tomorrow_start = self._utc(today + timedelta(days=1))
        self.day_after = self._utc(today + timedelta(days=2))
        self.week_end = self._utc(today + timedelta(days=7 - today.weekday()))  # next Monday

    def _utc(self, day: date) -> datetime:
        return datetime.combine(day, time(), self.zone).astimezone(UTC).replace(tzinfo=None)

    def end_of(self, day: date) -> datetime:
        """An all-day task's due moment: the last second of its day."""
        return self._utc(day + timedelta(days=1)) - timedelta(seconds=1)

    def bucket(self, task: TaskInfo) -> Bucket:
        if task.done:
            return Bucket.DONE
        if task.due_at is None:
            return Bucket.NO_DATE
        if task.due_at < self.now:  # an all-day task only once its day has ended
            return Bucket.OVERDUE
        if task.due_at < self.tomorrow_start:
            return Bucket.TODAY
        if task.due_at < self.day_after:
            return Bucket.TOMORROW
        if task.due_at < self.week_end:
            return Bucket.THIS_WEEK
        return Bucket.LATER


class TaskService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- writing -------------------------------------------------------------------------------

    def create(
        self,
        title: str,
        *,
        kind: str = "todo",
        due: datetime | date | None = None,
        duration_minutes: int | None = None,
        responsible_id: int | None = None,
        deal_id: int | None = None,
        contact_id: int | None = None,
        company_id: int | None = None,
        lead_id: int | None = None,
        description: str | None = None,
        zone: tzinfo | None = None,
        remind_minutes: int | None = None,
        participant_ids: Sequence[int] = (),
        observer_ids: Sequence[int] = (),
    ) -> TaskInfo:
        """A new task; `due` a local date and time (aware or in `zone`), or a date: all day; a reminder
        `remind_minutes` before it (0: at the due time; an all-day task's on the morning of its day)."""
        with self._ctx.write() as uow:
            task = add_task(
                uow,
                title,
                kind=kind,
                due=due,
                duration_minutes=duration_minutes,
                responsible_id=responsible_id,
                links={"deal": deal_id, "contact": contact_id, "company": company_id, "lead": lead_id},
                description=description,
                zone=zone,
                remind_minutes=remind_minutes,
                participant_ids=participant_ids,
                observer_ids=observer_ids,
            )
            return _info(uow.session, task)

    def create_for_deals(
        self,
        deal_ids: Sequence[int],
        title: str,
        *,
        kind: str = "todo",
        due: datetime | date | None = None,
        duration_minutes: int | None = None,
        description: str | None = None,
        zone: tzinfo | None = None,
        remind_minutes: int | None = None,
        each_responsible: bool = True,
        responsible_id: int | None = None,
    ) -> int:
        """The same task on each of these deals (the list's bulk bar), in one transaction: for each
        deal's responsible person, else for `responsible_id` (else the acting person). All or none."""
        values = _clean(title, kind, duration_minutes, remind_minutes)
        ids = sorted(set(deal_ids))
        if not ids:
            raise ValidationError.single("deal_ids", MSG_NO_DEALS)
        due_at, all_day = _due(due, zone)
        with self._ctx.write() as uow:
            session = uow.session
            allowed = select(Deal.id, Deal.responsible_id).where(*deal_scope(session, uow.actor_id))
            owners: dict[int, int | None] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for deal_id, owner in session.execute(allowed.where(Deal.id.in_(chunk))):
                    owners[deal_id] = owner
            if len(owners) != len(ids):
                raise PermissionDeniedError(MSG_NOT_YOURS)
            tasks = [
                Task(
                    **values,
                    due_at=due_at,
                    all_day=all_day,
                    remind_at=remind_at(due_at, all_day, remind_minutes, zone),
                    deal_id=deal_id,
                    description=(description or "").strip() or None,
                    responsible_id=(owners[deal_id] if each_responsible else None)
                    or responsible_id
                    or uow.actor_id,
                    created_by_id=uow.actor_id,
                    done=False,
                )
                for deal_id in ids
            ]
            session.add_all(tasks)
            session.flush()
            for task in tasks:
                uow.history.created("task", task.id, task.version, task.title)
            uow.emit("task.created", [t.id for t in tasks])
            uow.emit("deal.activity", ids, {"activity"})
            return len(tasks)

    def update(
        self,
        task_id: int,
        expected_version: int,
        title: str,
        *,
        kind: str = "todo",
        due: datetime | date | None = None,
        duration_minutes: int | None = None,
        responsible_id: int | None = None,
        description: str | None = None,
        remind_minutes: int | None = None,
        participant_ids: Sequence[int] = (),
        observer_ids: Sequence[int] = (),
        zone: tzinfo | None = None,
    ) -> TaskInfo:
        """The task as its dialog shows it, changed as a whole (what it is linked to stays)."""
        values = _clean(title, kind, duration_minutes, remind_minutes)
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            session = uow.session
            _check_people(session, [*participant_ids, *observer_ids])
            if responsible_id is not None and session.get(User, responsible_id) is None:
                raise ValidationError.single("responsible_id", MSG_PERSON, id=responsible_id)
            due_at, all_day = _due(due, zone)
            wanted = {
                **values,
                "due_at": due_at,
                "all_day": all_day,
                "description": (description or "").strip() or None,
                "responsible_id": responsible_id if responsible_id is not None else task.responsible_id,
            }
            diff = {k: (getattr(task, k), v) for k, v in wanted.items() if getattr(task, k) != v}
            for key, (_old, new) in diff.items():
                setattr(task, key, new)
            task.remind_at = (
                None if task.done else remind_at(task.due_at, task.all_day, task.remind_minutes, zone)
            )
            before = _people_of(session, task.id)
            _set_people(session, task.id, participant_ids, observer_ids)
            after = _people_of(session, task.id)
            if before != after:
                diff["people"] = (before, after)
            if diff:
                task.updated_at = utcnow()
                session.flush()
                uow.history.changed("task", task.id, task.version, diff)
                uow.emit("task.updated", [task.id], set(diff))
                _deal_activity(uow, task)
            return self._full(session, task)

    def set_people(
        self, task_id: int, expected_version: int, participant_ids: Sequence[int], observer_ids: Sequence[int]
    ) -> TaskInfo:
        """Who takes part in the task besides its responsible person, and who follows it."""
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            _check_people(uow.session, [*participant_ids, *observer_ids])
            before = _people_of(uow.session, task.id)
            _set_people(uow.session, task.id, participant_ids, observer_ids)
            task.updated_at = utcnow()
            uow.session.flush()
            after = _people_of(uow.session, task.id)
            uow.history.changed("task", task.id, task.version, {"people": (before, after)})
            uow.emit("task.updated", [task.id], {"people"})
            return self._full(uow.session, task)

    def complete(self, task_id: int, expected_version: int, result: str | None = None) -> TaskInfo:
        """Done, with what came of it."""
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            if task.kind == "approval":  # a workflow waits for the answer, not for a tick
                raise ValidationError.single("done", MSG_APPROVAL)
            task.done = True
            task.completed_at = utcnow()
            task.remind_at = None  # nothing left to remind of
            task.result = (result or "").strip() or None
            uow.session.flush()
            uow.history.changed(
                "task", task.id, task.version, {"done": (False, True), "result": (None, task.result)}
            )
            uow.emit("task.updated", [task.id], {"done"})
            _deal_activity(uow, task)
            return _info(uow.session, task)

    def reopen(self, task_id: int, expected_version: int) -> TaskInfo:
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            task.done, task.completed_at = False, None
            uow.session.flush()
            uow.history.changed("task", task.id, task.version, {"done": (True, False)})
            uow.emit("task.updated", [task.id], {"done"})
            _deal_activity(uow, task)
            return _info(uow.session, task)

    def reschedule(
        self, task_id: int, expected_version: int, due: datetime | date | None, zone: tzinfo | None = None
    ) -> TaskInfo:
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            old = task.due_at
            task.due_at, task.all_day = _due(due, zone)
            task.remind_at = remind_at(task.due_at, task.all_day, task.remind_minutes, zone)
            uow.session.flush()
            uow.history.changed("task", task.id, task.version, {"due_at": (old, task.due_at)})
            uow.emit("task.updated", [task.id], {"due_at"})
            _deal_activity(uow, task)
            return _info(uow.session, task)

    def delete(self, task_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            task = self._own(uow, task_id, expected_version)
            uow.history.deleted("task", task.id, task.version, task.title)
            uow.session.delete(task)
            uow.emit("task.deleted", [task_id])
            _deal_activity(uow, task)

    def _own(self, uow: UnitOfWork, task_id: int, expected_version: int) -> Task:
        task = uow.session.get(Task, task_id)
        if task is None:
            raise NotFoundError(MSG_NOT_FOUND, id=task_id)
        check_version(uow.session, "task", task, expected_version, task.title)
        if uow.actor_id not in (task.responsible_id, task.created_by_id) and not _sees_deal(
            uow.session, uow.actor_id, task.deal_id
        ):
            raise PermissionDeniedError(MSG_NOT_YOURS)
        return task

    # -- reading -------------------------------------------------------------------------------

    def get(self, task_id: int) -> TaskInfo:
        with self._ctx.read() as session:
            task = session.get(Task, task_id)
            if task is None or not session.scalar(
                select(Task.id).where(Task.id == task_id, *_visible(session, self._ctx.actor_id))
            ):
                raise NotFoundError(MSG_NOT_FOUND, id=task_id)
            return self._full(session, task)

    @staticmethod
    def _full(session: Session, task: Task) -> TaskInfo:
        """The task with its participants and observers."""
        people = session.execute(
            select(task_participant.c.user_id, task_participant.c.role).where(
                task_participant.c.task_id == task.id
            )
        ).all()
        return replace(
            _info(session, task),
            participant_ids=tuple(sorted(u for u, role in people if role == "participant")),
            observer_ids=tuple(sorted(u for u, role in people if role == "observer")),
        )

    def find(
        self,
        *,
        mine: bool = True,
        deal_id: int | None = None,
        kind: str | None = None,
        search: str | None = None,
        include_done: bool = False,
        limit: int = 2000,
    ) -> list[TaskInfo]:
        """Tasks the person may see, the open ones by due time (no date last), then done ones."""
        with self._ctx.read() as session:
            conditions = self._conditions(session, mine, deal_id, kind, search)
            if not include_done:
                conditions.append(Task.done.is_(False))
            return _rows(
                session,
                _listing(conditions)
                .order_by(Task.done, Task.due_at.is_(None), Task.due_at, Task.id)
                .limit(limit),
            )

    def overview(
        self,
        *,
        now: datetime | None = None,
        zone: tzinfo | None = None,
        per_group: int = PER_GROUP,
        mine: bool = True,
        deal_id: int | None = None,
        kind: str | None = None,
        search: str | None = None,
        about: str | None = None,
    ) -> TaskOverview:
        """The Tasks area's first screen: how many tasks each group holds, and the first `per_group`
        of each (the done ones latest first) — a person with thousands reads a few hundred."""
        days = Days(now, zone)
        bounds = {
            Bucket.OVERDUE: (None, days.now),
            Bucket.TODAY: (days.now, days.tomorrow_start),
            Bucket.TOMORROW: (days.tomorrow_start, days.day_after),
            Bucket.THIS_WEEK: (days.day_after, max(days.week_end, days.day_after)),
            Bucket.LATER: (max(days.week_end, days.day_after), None),
        }
        with self._ctx.read() as session:
            conditions = self._conditions(session, mine, deal_id, kind, search, about)
            which = case(
                (Task.due_at.is_(None), Bucket.NO_DATE.value),
                *(
                    (Task.due_at < high, bucket.value)
                    for bucket, (_low, high) in bounds.items()
                    if high is not None
                ),
                else_=Bucket.LATER.value,
            )
            counts = dict.fromkeys(Bucket, 0)
            # Open ones counted by group, done ones apart: each count reads its own partial index.
            for name, count in session.execute(
                select(which, func.count()).where(*conditions, Task.done.is_(False)).group_by(which)
            ):
                counts[Bucket(name)] = int(count)
            counts[Bucket.DONE] = int(
                session.scalar(select(func.count()).where(*conditions, Task.done.is_(True))) or 0
            )
            groups: dict[Bucket, list[TaskInfo]] = {b: [] for b in Bucket}
            open_ = [*conditions, Task.done.is_(False)]
            # One statement for the five dated groups, its window bound for each: built and keyed
            # once, run on the connection (no ORM objects are made for these rows).
            low, high = bindparam("low", type_=Task.due_at.type), bindparam("high", type_=Task.due_at.type)
            dated = (
                _listing([*open_, Task.due_at >= low, Task.due_at < high])
                .order_by(Task.due_at, Task.id)
                .limit(per_group)
            )
            connection = session.connection()
            for bucket, (start, end) in bounds.items():
                if counts[bucket]:
                    window = {"low": start or _EARLIEST, "high": end or _LATEST}
                    groups[bucket] = [TaskInfo(*row) for row in connection.execute(dated, window).all()]
            if counts[Bucket.NO_DATE]:
                groups[Bucket.NO_DATE] = _rows(
                    connection, _listing([*open_, Task.due_at.is_(None)]).order_by(Task.id).limit(per_group)
                )
            if counts[Bucket.DONE]:
                groups[Bucket.DONE] = _rows(
                    connection,
                    _listing([*conditions, Task.done.is_(True)])
                    .order_by(Task.completed_at.desc(), Task.id.desc())
                    .limit(per_group),
                )
            return TaskOverview(groups, counts)

    def _conditions(
        self,
        session: Session,
        mine: bool,
        deal_id: int | None,
        kind: str | None,
        search: str | None,
        about: str | None = None,
    ) -> list[ColumnElement[bool]]:
        conditions = list(_visible(session, self._ctx.actor_id))
        if mine:  # responsible for it, or taking part in it
            conditions.append(_mine(session, self._ctx.actor_id))
        if deal_id is not None:
            conditions.append(Task.deal_id == deal_id)
        if kind:
            conditions.append(Task.kind == kind)
        if search:
            conditions.append(Task.title.ilike(f"%{search.strip()}%"))
        if about:  # what the task is linked to: "deal", "contact", "company", "lead", or "none"
            links = {
                "deal": Task.deal_id,
                "contact": Task.contact_id,
                "company": Task.company_id,
                "lead": Task.lead_id,
            }
            if about == "none":
                conditions.extend(column.is_(None) for column in links.values())
            elif about in links:
                conditions.append(links[about].is_not(None))
        return conditions

    def grouped(
        self, *, now: datetime | None = None, zone: tzinfo | None = None, **filters: Any
    ) -> dict[Bucket, list[TaskInfo]]:
        """The person's tasks by Overdue / Today / Tomorrow / This week / Later / No date / Done."""
        days = Days(now, zone)
        out: dict[Bucket, list[TaskInfo]] = {b: [] for b in Bucket}
        for task in self.find(include_done=True, **filters):
            out[days.bucket(task)].append(task)
        return out

    def activity(
        self, deal_ids: Sequence[int], *, now: datetime | None = None, zone: tzinfo | None = None
    ) -> dict[int, ActivityState]:
        """Each deal's open tasks: how many overdue, due today, the next due time, how many open."""
        if not deal_ids:
            return {}
        days = Days(now, zone)
        with self._ctx.connect() as conn:
            return activity_states(conn, deal_ids, days)


def add_task(
    uow: UnitOfWork,
    title: str,
    *,
    kind: str = "todo",
    due: datetime | date | None = None,
    duration_minutes: int | None = None,
    responsible_id: int | None = None,
    links: dict[str, int | None] | None = None,
    description: str | None = None,
    zone: tzinfo | None = None,
    remind_minutes: int | None = None,
    participant_ids: Sequence[int] = (),
    observer_ids: Sequence[int] = (),
    kinds: Sequence[str] = KINDS,
) -> Task:
    """A new task in this unit of work (TaskService.create's, and a workflow's approval tasks, which
    are written together with the workflow's step); `links` its deal, contact, company or lead."""
    values = _clean(title, kind, duration_minutes, remind_minutes, kinds)
    session = uow.session
    _check_people(session, [*participant_ids, *observer_ids])
    models = {"deal": Deal, "contact": Contact, "company": Company, "lead": Lead}
    linked = {what: ident for what, ident in (links or {}).items() if ident is not None}
    for what, ident in linked.items():
        if session.get(models[what], ident) is None:
            raise ValidationError.single(f"{what}_id", MSG_LINK, what=ENTITY_NAMES[what], id=ident)
    if "deal" in linked:
        _require_deal(session, uow.actor_id, linked["deal"])
    due_at, all_day = _due(due, zone)
    task = Task(
        **values,
        due_at=due_at,
        all_day=all_day,
        remind_at=remind_at(due_at, all_day, remind_minutes, zone),
        deal_id=linked.get("deal"),
        contact_id=linked.get("contact"),
        company_id=linked.get("company"),
        lead_id=linked.get("lead"),
        description=(description or "").strip() or None,
        responsible_id=responsible_id if responsible_id is not None else uow.actor_id,
        created_by_id=uow.actor_id,
        done=False,
    )
    session.add(task)
    session.flush()
    _set_people(session, task.id, participant_ids, observer_ids)
    uow.history.created("task", task.id, task.version, task.title)
    uow.emit("task.created", [task.id])
    _deal_activity(uow, task)
    return task


def _listing(conditions: Sequence[ColumnElement[bool]]) -> Any:
    """Tasks with their responsible person's name and their deal's title, in one query: the columns
    a TaskInfo holds, in its order (plain rows: no ORM objects made for a list, 3x faster)."""
    return (
        select(
            Task.id,
            Task.title,
            Task.kind,
            Task.due_at,
            Task.all_day,
            Task.done,
            Task.completed_at,
            Task.result,
            Task.description,
            Task.duration_minutes,
            Task.responsible_id,
            User.name,
            Task.deal_id,
            Deal.title,
            Task.contact_id,
            Task.company_id,
            Task.lead_id,
            Task.version,
            Task.remind_minutes,
        )
        .outerjoin(User, User.id == Task.responsible_id)
        .outerjoin(Deal, Deal.id == Task.deal_id)
        .where(*conditions)
    )


def _rows(session: Session | Connection, statement: Any) -> list[TaskInfo]:
    return [TaskInfo(*row) for row in session.execute(statement).all()]


def _deal_activity(uow: UnitOfWork, task: Task) -> None:
    """The deal's card and row show its activity: they are told it changed."""
    if task.deal_id is not None:
        uow.emit("deal.activity", [task.deal_id], {"activity"})


def activity_states(
    session: Session | Connection, deal_ids: Sequence[int], days: Days
) -> dict[int, ActivityState]:
    """One grouped query over the deals' open tasks (counted as a plain count would)."""
    rows = session.execute(
        _activity_statement(),
        {"ids": list(deal_ids), "now": days.now, "tomorrow": days.tomorrow_start},
    )
    states = {i: ActivityState(0, 0, None, 0) for i in deal_ids}
    for deal_id, late, now_, next_due, count in rows:
        states[deal_id] = ActivityState(int(late or 0), int(now_ or 0), next_due, int(count))
    return states


@cache
def _activity_statement() -> Any:
    """The activity query, built once: it runs for every page of the deal list and every board column."""
    now, tomorrow = bindparam("now", type_=Task.due_at.type), bindparam("tomorrow", type_=Task.due_at.type)
    overdue = Task.due_at < now  # an all-day task's due time is the end of its day
    today = and_(Task.due_at >= now, Task.due_at < tomorrow)
    return (
        select(
            Task.deal_id,
            func.sum(case((overdue, 1), else_=0)),
            func.sum(case((today, 1), else_=0)),
            func.min(case((Task.due_at >= now, Task.due_at), else_=None)),
            func.count(),
        )
        .where(Task.deal_id.in_(bindparam("ids", expanding=True)), Task.done.is_(False))
        .group_by(Task.deal_id)
    )


def _mine(session: Session, actor_id: int | None) -> ColumnElement[bool]:
    """Tasks the person is responsible for or takes part in. The few they take part in are looked up
    first: without any, the condition is one a person's index answers in its order."""
    taking_part = list(
        session.scalars(
            select(task_participant.c.task_id).where(
                task_participant.c.user_id == actor_id, task_participant.c.role == "participant"
            )
        )
    )
    if not taking_part:
        return Task.responsible_id == actor_id
    return or_(Task.responsible_id == actor_id, Task.id.in_(taking_part))


def _check_people(session: Session, user_ids: Sequence[int]) -> None:
    wanted = set(user_ids)
    if not wanted:
        return
    known = set(session.scalars(select(User.id).where(User.id.in_(wanted))))
    for missing in sorted(wanted - known):
        raise ValidationError.single("participant_ids", MSG_PERSON, id=missing)


def _set_people(
    session: Session, task_id: int, participants: Sequence[int], observers: Sequence[int]
) -> None:
    session.execute(delete(task_participant).where(task_participant.c.task_id == task_id))
    # Someone both taking part and observing takes part.
    roles = dict.fromkeys(observers, "observer") | dict.fromkeys(participants, "participant")
    if roles:
        session.execute(
            insert(task_participant),
            [{"task_id": task_id, "user_id": u, "role": r} for u, r in roles.items()],
        )


def _people_of(session: Session, task_id: int) -> str:
    rows = session.execute(
        select(task_participant.c.user_id, task_participant.c.role)
        .where(task_participant.c.task_id == task_id)
        .order_by(task_participant.c.user_id)
    )
    return ",".join(f"{r}:{u}" for u, r in rows)


def remind_at(
    due_at: datetime | None, all_day: bool, minutes: int | None, zone: tzinfo | None = None
) -> datetime | None:
    """When a task's reminder comes (UTC): `minutes` before its due time, an all-day task's on the
    morning of its day; none without a due time or when that moment has passed already."""
    if due_at is None or minutes is None:
        return None
    if all_day:
        day = due_at.replace(tzinfo=UTC).astimezone(zone).date()
        morning = datetime.combine(
            day, time(ALL_DAY_REMINDER_HOUR), zone or datetime.now().astimezone().tzinfo
        )
        moment = morning.astimezone(UTC).replace(tzinfo=None) - timedelta(minutes=minutes)
    else:
        moment = due_at - timedelta(minutes=minutes)
    return moment if moment > utcnow() else None


def _clean(
    title: str, kind: str, duration: int | None, remind: int | None = None, kinds: Sequence[str] = KINDS
) -> dict[str, Any]:
    problems = Problems()
    text = " ".join((title or "").split())
    if not text or len(text) > 255:
        problems.add("title", MSG_TITLE)
    if kind not in kinds:
        problems.add("kind", MSG_KIND, value=kind)
    if duration is not None and not 1 <= duration <= 24 * 60:
        problems.add("duration_minutes", MSG_DURATION)
    if remind is not None and not 0 <= remind <= 7 * 24 * 60:
        problems.add("remind_minutes", MSG_REMIND)
    problems.raise_if_any()
    return {
        "title": text,
        "kind": kind,
        "duration_minutes": duration if kind == "meeting" else None,
        "remind_minutes": remind,
    }


def _due(due: datetime | date | None, zone: tzinfo | None) -> tuple[datetime | None, bool]:
    """(due_at in UTC, all day) from a local date and time, or a date."""
    if due is None:
        return None, False
    if isinstance(due, datetime):
        aware = (
            due if due.tzinfo is not None else due.replace(tzinfo=zone or datetime.now().astimezone().tzinfo)
        )
        return aware.astimezone(UTC).replace(tzinfo=None), False
    days = Days(
        datetime.combine(due, time(12)).replace(tzinfo=zone or datetime.now().astimezone().tzinfo), zone
    )
    return days.end_of(due), True


def _visible(session: Session, actor_id: int | None) -> list[ColumnElement[bool]]:
    """Tasks a person sees: theirs (responsible or creator), those of deals they may read."""
    access = access_for(session, actor_id)
    if access.unrestricted:
        return []
    deals = deal_scope(session, actor_id)
    readable = select(Deal.id).where(*deals) if deals else select(Deal.id)
    on_it = select(task_participant.c.task_id).where(task_participant.c.user_id == actor_id)
    return [
        or_(
            Task.responsible_id == actor_id,
            Task.created_by_id == actor_id,
            Task.id.in_(on_it),
            and_(Task.deal_id.is_not(None), Task.deal_id.in_(readable)),
        )
    ]


def _sees_deal(session: Session, actor_id: int | None, deal_id: int | None) -> bool:
    if deal_id is None:
        return access_for(session, actor_id).unrestricted
    return (
        session.scalar(select(Deal.id).where(Deal.id == deal_id, *deal_scope(session, actor_id))) is not None
    )


def _require_deal(session: Session, actor_id: int | None, deal_id: int) -> None:
    if not _sees_deal(session, actor_id, deal_id):
        raise PermissionDeniedError(MSG_NOT_YOURS)


def _info(session: Session, task: Task, *names: str | None) -> TaskInfo:
    """A task as shown; `names` (its responsible person's, its deal's) when the query read them."""
    if names:
        person, deal_title = names
    else:
        responsible = session.get(User, task.responsible_id) if task.responsible_id else None
        deal = session.get(Deal, task.deal_id) if task.deal_id else None
        person, deal_title = (responsible.name if responsible else None), (deal.title if deal else None)
    return TaskInfo(
        task.id,
        task.title,
        task.kind,
        task.due_at,
        task.all_day,
        task.done,
        task.completed_at,
        task.result,
        task.description,
        task.duration_minutes,
        task.responsible_id,
        person,
        task.deal_id,
        deal_title,
        task.contact_id,
        task.company_id,
        task.lead_id,
        task.version,
        task.remind_minutes,
    )
