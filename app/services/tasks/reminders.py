"""Reminders: a task's reminder comes to its responsible person at its moment, once — on whichever PC
they have Dealdesk open, and on the next start when none was open then (a missed one). Each one shown
is also a "task is due" notification in their bell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from app.models import Deal, Task, User, utcnow
from app.services.core.context import ServiceContext
from app.services.notifications.rules import add_notifications
from app.services.tasks.service import TaskInfo, _info

MISSED_AFTER_MINUTES = 5  # a reminder shown later than this after its moment was missed


@dataclass(frozen=True)
class Reminder:
    task: TaskInfo
    at: datetime  # when it was due to come (UTC)
    missed: bool  # it came late: Dealdesk was closed (or asleep) at its moment


class ReminderService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def next_at(self) -> datetime | None:
        """When the acting person's next reminder comes (UTC), if any is set."""
        with self._ctx.read() as session:
            return session.scalar(
                select(Task.remind_at)
                .where(Task.responsible_id == self._ctx.actor_id, Task.remind_at.is_not(None))
                .order_by(Task.remind_at)
                .limit(1)
            )

    def take_due(self, now: datetime | None = None) -> list[Reminder]:
        """The acting person's reminders whose moment has come, each taken once: a second PC of the
        same person (or a second call) does not get it again. Done tasks have none."""
        now = now or utcnow()
        actor = self._ctx.actor_id
        if actor is None:
            return []
        with self._ctx.read() as session:  # most calls find nothing: no write lock for them
            waiting = session.scalar(
                select(Task.id)
                .where(Task.responsible_id == actor, Task.remind_at.is_not(None), Task.remind_at <= now)
                .limit(1)
            )
        if waiting is None:
            return []
        taken: list[Reminder] = []
        with self._ctx.write() as uow:
            session = uow.session
            rows = session.execute(
                select(Task, User.name, Deal.title)
                .outerjoin(User, User.id == Task.responsible_id)
                .outerjoin(Deal, Deal.id == Task.deal_id)
                .where(Task.responsible_id == actor, Task.remind_at.is_not(None), Task.remind_at <= now)
                .order_by(Task.remind_at, Task.id)
            ).all()
            for task, person, deal_title in rows:
                at = task.remind_at or now
                claimed = session.execute(
                    update(Task)
                    .where(Task.id == task.id, Task.remind_at.is_not(None))
                    .values(remind_at=None)
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount != 1:  # type: ignore[attr-defined]
                    continue  # another PC took it just now
                missed = (now - at).total_seconds() > MISSED_AFTER_MINUTES * 60
                taken.append(Reminder(_info(session, task, person, deal_title), at, missed))
            if taken:
                add_notifications(
                    uow,
                    [
                        {
                            "user_id": actor,
                            "kind": "task_due",
                            "actor_id": None,
                            "entity_type": "task",
                            "entity_id": r.task.id,
                            "count": 1,
                            "title": r.task.title,
                            "detail": r.task.deal_title,
                        }
                        for r in taken
                    ],
                )
        return taken
