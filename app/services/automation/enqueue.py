"""Run at the end of every write (the services' before-commit hook), in its transaction:

1. the job the engine is running on this thread is marked done with its effect (or the effect is
   undone: another PC took the job over when its lease ran out);
2. deals that entered a stage get a job for each active rule of that stage (whatever made them
   enter: the form, the board, the list, a bulk move, an import, a tunnel, a rule, another PC), due
   when the rule says; their jobs still waiting for the stage they left are cancelled (unless the
   rule runs anyway);
3. what a trigger listens for makes a job that moves the deal into the trigger's stage.

Automation set off by automation runs one level deeper; past MAX_DEPTH nothing more is enqueued and
the deal's timeline says so (rules and triggers moving deals into each other stop there)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from app.models import AutomationJob, AutomationRule, AutomationTrigger, Deal, Stage, table_of, utcnow
from app.services.automation.conditions import FIELDS
from app.services.automation.rules import _rules, in_sequence, office_hours
from app.services.automation.running import CURRENT, MAX_DEPTH, said
from app.services.automation.timing import due_at
from app.services.automation.triggers import TRIGGERS
from app.services.automation.waiting import waiting
from app.services.core.context import UnitOfWork
from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP

CHUNK = 500
MSG_LEASE_LOST = QT_TRANSLATE_NOOP(
    "errors", "Another PC took this automation job over (this one was too slow): its work was undone here."
)
_DATE_FIELDS = tuple(f for f in FIELDS if f.endswith("_date"))


class LeaseLostError(ServiceError):
    pass


def automation_hook(uow: UnitOfWork) -> None:
    running = CURRENT.get()
    if running is not None and running.ready and not running.marked:
        if running.mark is not None:
            running.mark(uow)
        else:
            _mark_done(uow, running.job_id, running.owner)
        running.marked = True
    entered: list[int] = []
    moved: list[int] = []
    for event in uow.events:
        if event.entity != "deal":
            continue
        if event.action == "created":
            entered.extend(event.ids)
        elif event.action == "stage_changed":
            entered.extend(event.ids)
            moved.extend(event.ids)
    depth = running.depth + 1 if running is not None else 0
    if moved:
        _cancel_left_behind(uow, moved)
    if entered:
        _enqueue_rules(uow, list(dict.fromkeys(entered)), depth)
    _enqueue_triggers(uow, depth)


def _mark_done(uow: UnitOfWork, job_id: int, owner: str) -> None:
    done = uow.session.execute(
        update(AutomationJob)
        .where(
            AutomationJob.id == job_id, AutomationJob.lease_owner == owner, AutomationJob.status == "running"
        )
        .values(status="done", finished_at=utcnow(), lease_owner=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise LeaseLostError(MSG_LEASE_LOST)


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _cancel_left_behind(uow: UnitOfWork, deal_ids: Sequence[int]) -> None:
    session = uow.session
    if not waiting(session).jobs:
        return  # nothing waits anywhere: the usual case
    current_stage = select(Deal.stage_id).where(Deal.id == AutomationJob.deal_id).scalar_subquery()
    for chunk in _chunks(deal_ids):
        session.execute(
            update(AutomationJob)
            .where(
                AutomationJob.deal_id.in_(chunk),
                AutomationJob.status == "waiting",
                AutomationJob.kind == "rule",
                AutomationJob.run_anyway.is_(False),
                AutomationJob.stage_id != current_stage,
            )
            .values(
                status="cancelled",
                finished_at=utcnow(),
                result=said(QT_TRANSLATE_NOOP("automation", "The deal left the stage before it ran.")),
            )
            .execution_options(synchronize_session=False)
        )


def _enqueue_rules(uow: UnitOfWork, deal_ids: Sequence[int], depth: int) -> None:
    session = uow.session
    if not waiting(session).rules:
        return  # no rule anywhere
    now = utcnow()
    hours = None
    rows: list[dict[str, Any]] = []
    stopped: list[int] = []
    by_stage: dict[int, list[Any]] = {}
    for chunk in _chunks(deal_ids):
        deals = session.execute(
            select(Deal.id, Deal.stage_id, *(getattr(Deal, f) for f in _DATE_FIELDS)).where(
                Deal.id.in_(chunk)
            )
        ).all()
        wanted = {d.stage_id for d in deals} - set(by_stage)
        if wanted:
            for rule in _rules(session, AutomationRule.stage_id.in_(wanted), AutomationRule.active.is_(True)):
                by_stage.setdefault(rule.stage_id, []).append(rule)
            for stage in wanted:
                by_stage.setdefault(stage, [])
        for deal in deals:
            rules = by_stage[deal.stage_id]
            if not rules:
                continue
            if depth > MAX_DEPTH:
                stopped.append(deal.id)
                continue
            hours = hours or office_hours(session)
            dates = {f: getattr(deal, f) for f in _DATE_FIELDS}
            dues = in_sequence(rules, [due_at(r.timing, now, dates, hours) for r in rules], now)
            for rule, due in zip(rules, dues, strict=True):
                if due is None:
                    continue  # it counts from a date this deal does not have
                rows.append(
                    _job(
                        "rule",
                        deal.id,
                        deal.stage_id,
                        due,
                        depth,
                        rule_id=rule.id,
                        run_anyway=rule.run_anyway,
                    )
                )
    if rows:
        session.execute(insert(table_of(AutomationJob)), rows)
        uow.emit("automation_job.created", [0], {"jobs"})
    for deal_id in stopped:
        _loop_stopped(uow, deal_id)


def _enqueue_triggers(uow: UnitOfWork, depth: int) -> None:
    names = {name for kind in TRIGGERS.values() for name in kind.events}
    events = [e for e in uow.events if e.name in names]
    if not events:
        return
    session = uow.session
    triggers = session.scalars(
        select(AutomationTrigger).where(
            AutomationTrigger.active.is_(True),
            AutomationTrigger.kind.in_(
                {k for k, t in TRIGGERS.items() if set(t.events) & {e.name for e in events}}
            ),
        )
    ).all()
    if not triggers:
        return
    sorts = dict(session.execute(select(Stage.id, Stage.sort)).all())
    rows: list[dict[str, Any]] = []
    fired: dict[int, set[int]] = defaultdict(set)
    for event in events:
        for trigger in triggers:
            kind = TRIGGERS[trigger.kind]
            if event.name not in kind.events:
                continue
            wanted = [
                d
                for d in kind.deals(session, event, json.loads(trigger.params or "{}"))
                if d not in fired[trigger.id]
            ]
            for chunk in _chunks(wanted):  # the deals of the trigger's pipeline not yet in its stage
                for deal_id, stage_id in session.execute(
                    select(Deal.id, Deal.stage_id).where(
                        Deal.id.in_(chunk),
                        Deal.pipeline_id == trigger.pipeline_id,
                        Deal.stage_id != trigger.stage_id,
                    )
                ):
                    forward = sorts.get(trigger.stage_id, 0) > sorts.get(stage_id, 0)
                    if not forward and not trigger.backwards:
                        continue  # by default triggers only move deals forward
                    if depth > MAX_DEPTH:
                        _loop_stopped(uow, deal_id)
                        continue
                    fired[trigger.id].add(deal_id)
                    rows.append(_job("trigger", deal_id, stage_id, utcnow(), depth, trigger_id=trigger.id))
    if rows:
        session.execute(insert(table_of(AutomationJob)), rows)
        uow.emit("automation_job.created", [0], {"jobs"})


def _job(kind: str, deal_id: int, stage_id: int, due: datetime, depth: int, **more: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "rule_id": more.get("rule_id"),
        "trigger_id": more.get("trigger_id"),
        "deal_id": deal_id,
        "stage_id": stage_id,
        "due_at": due,
        "status": "waiting",
        "depth": depth,
        "run_anyway": bool(more.get("run_anyway", False)),
        "attempts": 0,
        "created_at": utcnow(),
    }


def _loop_stopped(uow: UnitOfWork, deal_id: int) -> None:
    uow.history.noted(
        "deal",
        deal_id,
        0,
        "automation",
        None,
        said(
            QT_TRANSLATE_NOOP(
                "automation",
                "Automation stopped: rules and triggers kept moving this deal ({depth} times in a row).",
            ),
            depth=MAX_DEPTH,
        ),
    )


__all__ = ["LeaseLostError", "automation_hook"]
