"""Which changes tell whom: run in the writing transaction, from the events it is about to publish.

- a deal made or handed to someone else: "Anna assigned you a deal" (its responsible person);
- a deal moved by someone else: "Ben moved your deal to Negotiation" (its responsible person);
- a task made for or handed to someone else: "Anna gave you a task" (its responsible person and,
  for a new task, its participants).

Many records of one change come as one notification per person ("Ben moved 37 of your deals"), so a
bulk edit or an import never floods a bell. Nobody is told about their own doing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    String,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import aliased

from app.models import Deal, Notification, Stage, Task, table_of, task_participant, utcnow
from app.services.core.context import UnitOfWork

CHUNK = 500


def notify_from_events(uow: UnitOfWork) -> None:
    """Notifications for the changes this transaction made (see the module's rules)."""
    rows: list[dict[str, Any]] = []
    told: set[int] = set()
    for event in list(uow.events):
        if event.entity == "deal":
            kind = None
            if event.action == "created" or (event.action == "updated" and "responsible_id" in event.fields):
                kind = "deal_assigned"
            elif event.action == "stage_changed":
                kind = "deal_moved"
            if kind is not None and len(event.ids) <= CHUNK:
                told |= _tell_about_deals(uow, event.ids, kind)
            elif kind is not None:
                rows += _about_deals(uow, event.ids, kind)
        elif event.entity == "task" and (
            event.action == "created" or (event.action == "updated" and "responsible_id" in event.fields)
        ):
            rows += _about_tasks(uow, event.ids, with_participants=event.action == "created")
    if rows:
        add_notifications(uow, rows)
    if told:
        uow.emit("notification.created", sorted(told))


def add_notifications(uow: UnitOfWork, rows: Sequence[dict[str, Any]]) -> None:
    """Store these notifications (dicts of Notification's columns) and tell the open bells."""
    now = utcnow()
    uow.session.execute(insert(table_of(Notification)), [{"created_at": now, **row} for row in rows])
    uow.emit("notification.created", sorted({row["user_id"] for row in rows}))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _tell_about_deals(uow: UnitOfWork, ids: Sequence[int], kind: str) -> set[int]:
    """The notifications about these deals (a few) written by one statement, the people told
    returned: what `_about_deals` and `add_notifications` do in two round trips to a server."""
    statement = _telling(kind == "deal_moved", uow.actor_id is not None)
    bound = {"ids": list(ids), "kind": kind, "actor": uow.actor_id, "now": utcnow()}
    return set(uow.session.execute(statement, bound).scalars())


@cache
def _telling(moved: bool, by_someone: bool) -> Any:
    """INSERT … SELECT of one notification per responsible person of the deals `ids` (bound), but
    the actor: how many, the first one's title, and (`moved`) the stage if they are all in one.
    Built once per kind (building it took longer than running it)."""
    deal = table_of(Deal).c
    wanted: list[ColumnElement[bool]] = [
        deal.id.in_(bindparam("ids", expanding=True)),
        deal.responsible_id.is_not(None),
    ]
    if by_someone:
        wanted.append(deal.responsible_id != bindparam("actor", type_=Integer))
    groups = (
        select(
            deal.responsible_id.label("person"),
            func.min(deal.id).label("first"),
            func.count().label("deals"),
            func.count(deal.stage_id.distinct()).label("stages"),
            func.min(deal.stage_id).label("stage"),
        )
        .where(*wanted)
        .group_by(deal.responsible_id)
        .subquery()
    )
    first = aliased(table_of(Deal))
    stage = table_of(Stage).c
    detail = (
        case((groups.c.stages == 1, func.substr(stage.name, 1, 255)), else_=None)
        if moved
        else literal(None, String)
    )
    rows = (
        select(
            groups.c.person,
            bindparam("kind", type_=String),
            bindparam("actor", type_=Integer),
            literal("deal"),
            case((groups.c.deals == 1, groups.c.first), else_=None),
            groups.c.deals,
            func.coalesce(func.substr(first.c.title, 1, 255), ""),
            detail,
            bindparam("now", type_=DateTime),
        )
        .join(first, first.c.id == groups.c.first)
        .join(table_of(Stage), stage.id == groups.c.stage)
    )
    columns = [
        "user_id",
        "kind",
        "actor_id",
        "entity_type",
        "entity_id",
        "count",
        "title",
        "detail",
        "created_at",
    ]
    notes = table_of(Notification)
    return insert(notes).from_select(columns, rows).returning(notes.c.user_id)


def _about_deals(uow: UnitOfWork, ids: Sequence[int], kind: str) -> list[dict[str, Any]]:
    found: dict[int, list[tuple[int, str, int]]] = defaultdict(list)  # person -> (deal, title, stage)
    names: dict[int, str] = {}
    for chunk in _chunks(ids):
        for deal_id, title, person, stage_id, stage_name in uow.session.execute(
            select(Deal.id, Deal.title, Deal.responsible_id, Deal.stage_id, Stage.name)
            .join(Stage, Stage.id == Deal.stage_id)
            .where(Deal.id.in_(chunk), Deal.responsible_id.is_not(None))
        ):
            if person is not None and person != uow.actor_id:
                found[person].append((deal_id, title, stage_id))
                names[stage_id] = stage_name
    rows = []
    for person, deals in found.items():
        to = {stage for _d, _t, stage in deals}
        rows.append(
            _row(
                person,
                kind,
                uow.actor_id,
                "deal",
                deals,
                names.get(next(iter(to))) if kind == "deal_moved" and len(to) == 1 else None,  # where to
            )
        )
    return rows


def _about_tasks(uow: UnitOfWork, ids: Sequence[int], *, with_participants: bool) -> list[dict[str, Any]]:
    found: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for chunk in _chunks(ids):
        tasks = uow.session.execute(
            select(Task.id, Task.title, Task.responsible_id).where(Task.id.in_(chunk))
        )
        titles = {}
        for task_id, title, person in tasks:
            titles[task_id] = title
            if person is not None and person != uow.actor_id:
                found[person].append((task_id, title, 0))
        if with_participants:
            for task_id, person in uow.session.execute(
                select(task_participant.c.task_id, task_participant.c.user_id).where(
                    task_participant.c.task_id.in_(chunk), task_participant.c.role == "participant"
                )
            ):
                if person != uow.actor_id and all(t != task_id for t, _n, _s in found[person]):
                    found[person].append((task_id, titles.get(task_id, ""), 0))
    return [
        _row(person, "task_assigned", uow.actor_id, "task", tasks, None) for person, tasks in found.items()
    ]


def _row(
    person: int,
    kind: str,
    actor_id: int | None,
    entity: str,
    records: list[tuple[int, str, int]],
    detail: str | None,
) -> dict[str, Any]:
    first_id, first_title, _stage = records[0]
    return {
        "user_id": person,
        "kind": kind,
        "actor_id": actor_id,
        "entity_type": entity,
        "entity_id": first_id if len(records) == 1 else None,
        "count": len(records),
        "title": (first_title or "")[:255],
        "detail": detail[:255] if detail else None,
    }
