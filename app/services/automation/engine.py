"""The engine: claims due jobs with a lease (several PCs on one file, and `dealdesk automation run` on
a server, each run a job once), runs each as the person who set its rule up, and sends the outbox.

A job's effect and its "done" are written in one transaction (the hook marks it done in the
action's own write), so a job that changed a deal never runs again, and one whose PC died before
its write runs again elsewhere once its lease has run out: exactly once for what is written to the
database. Jobs that fell due long ago while no Dealdesk ran are not run blindly: they are marked
late, shown in the log, and run only when someone retries them."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from app.models import AutomationJob, AutomationRule, AutomationTrigger, Deal, utcnow
from app.services.automation.actions import ACTIONS, Act
from app.services.automation.conditions import conditions_from_json, deal_values, matches
from app.services.automation.outbox import OutboxService
from app.services.automation.running import CURRENT, RunningJob, said
from app.services.core.context import ServiceContext
from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.deals.service import DealService

LEASE = timedelta(minutes=5)
LATE_AFTER = timedelta(hours=24)
SWEEP_EVERY = timedelta(hours=1)  # how often deals are looked for whose date a trigger waits for
SWEEP_LIMIT = 500  # due longer ago than this: shown, not sent blindly


@dataclass(frozen=True)
class EngineRun:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    cancelled: int = 0
    late: int = 0
    sent: int = 0
    send_failed: int = 0
    workflow_steps: int = 0

    @property
    def anything(self) -> bool:
        return any(vars(self).values())


@dataclass(frozen=True)
class _Claimed:
    id: int
    kind: str
    rule_id: int | None
    trigger_id: int | None
    deal_id: int
    stage_id: int | None
    due_at: datetime
    depth: int
    run_anyway: bool


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class AutomationEngine:
    def __init__(self, context: ServiceContext, owner: str | None = None, *, language: str = "en") -> None:
        self._ctx = context
        self.owner = owner or default_owner()
        self._language = language
        self._swept: datetime | None = None
        self.workflows: Any = None  # the workflow engine, run in the same rounds (set by the container)

    def idle(self, now: datetime | None = None) -> bool:
        """Whether nothing is due (one index probe each): the timer asks this first."""
        now = now or utcnow()
        if self._swept is None or now - self._swept >= SWEEP_EVERY:
            return False  # time to look for deals whose date a trigger waits for
        if self.workflows is not None and self.workflows.due(now):
            return False
        return not self._jobs_due(now) and not OutboxService(self._ctx).pending(now)

    def _jobs_due(self, now: datetime) -> bool:
        with self._ctx.read() as session:
            job = session.scalar(
                select(AutomationJob.id)
                .where(AutomationJob.status.in_(("waiting", "running")), AutomationJob.due_at <= now)
                .limit(1)
            )
            return job is not None

    def run_due(self, now: datetime | None = None, limit: int = 200) -> EngineRun:
        now = now or utcnow()
        counts = {"done": 0, "failed": 0, "skipped": 0, "cancelled": 0, "late": 0}
        if self._swept is None or now - self._swept >= SWEEP_EVERY:
            self._swept = now
            self.sweep_dates(now)
        for job in self._claim(now, limit) if self._jobs_due(now) else []:  # no write lock for nothing
            counts[self._run(job, now)] += 1
        steps = self.workflows.run_due(now).steps if self.workflows is not None else 0
        sent, send_failed = OutboxService(self._ctx).send_due(
            self.owner, max(now, utcnow())
        )  # and what it queued
        return EngineRun(**counts, sent=sent, send_failed=send_failed, workflow_steps=steps)

    def sweep_dates(self, now: datetime | None = None) -> int:
        """Deals whose date a "date reached" trigger waits for: a job each (once per trigger and deal),
        moving them forward into the trigger's stage. Returns how many were enqueued."""
        from datetime import date as date_type

        from sqlalchemy import insert

        from app.models import AutomationTrigger, Stage, table_of

        now = now or utcnow()
        today: date_type = now.date()
        rows: list[dict[str, object]] = []
        with self._ctx.read() as session:
            triggers = session.scalars(
                select(AutomationTrigger).where(
                    AutomationTrigger.kind == "date_reached", AutomationTrigger.active.is_(True)
                )
            ).all()
            for trigger in triggers:
                field = json.loads(trigger.params or "{}").get("field")
                if field not in ("close_date", "begin_date"):
                    continue
                target_sort = session.scalar(select(Stage.sort).where(Stage.id == trigger.stage_id))
                before = select(Stage.id).where(
                    Stage.pipeline_id == trigger.pipeline_id, Stage.sort < target_sort
                )
                fired = select(AutomationJob.deal_id).where(AutomationJob.trigger_id == trigger.id)
                deals = session.execute(
                    select(Deal.id, Deal.stage_id)
                    .where(
                        Deal.pipeline_id == trigger.pipeline_id,
                        Deal.closed.is_(False),
                        getattr(Deal, field) <= today,
                        Deal.stage_id.in_(before),
                        Deal.id.not_in(fired),
                    )
                    .limit(SWEEP_LIMIT)
                ).all()
                rows += [
                    {
                        "kind": "trigger",
                        "rule_id": None,
                        "trigger_id": trigger.id,
                        "deal_id": deal_id,
                        "stage_id": stage_id,
                        "due_at": now,
                        "status": "waiting",
                        "depth": 0,
                        "run_anyway": False,
                        "attempts": 0,
                        "created_at": now,
                    }
                    for deal_id, stage_id in deals
                ]
        if rows:
            with self._ctx.write() as uow:
                uow.session.execute(insert(table_of(AutomationJob)), rows)
                uow.emit("automation_job.created", [0], {"jobs"})
        return len(rows)

    # -- claiming --------------------------------------------------------------------------------------

    def _claim(self, now: datetime, limit: int) -> list[_Claimed]:
        free = or_(
            AutomationJob.status == "waiting",
            (AutomationJob.status == "running") & (AutomationJob.lease_until < now),  # its PC died
        )
        with self._ctx.write() as uow:
            session = uow.session
            ids = session.scalars(
                select(AutomationJob.id)
                .where(AutomationJob.status.in_(("waiting", "running")), AutomationJob.due_at <= now, free)
                .order_by(AutomationJob.due_at, AutomationJob.id)
                .limit(limit)
            ).all()
            taken: list[int] = []
            for job_id in ids:
                claimed = session.execute(
                    update(AutomationJob)
                    .where(AutomationJob.id == job_id, free)
                    .values(
                        status="running",
                        lease_owner=self.owner,
                        lease_until=now + LEASE,
                        attempts=AutomationJob.attempts + 1,
                    )
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:  # type: ignore[attr-defined]
                    taken.append(job_id)
            rows = session.execute(
                select(
                    AutomationJob.id,
                    AutomationJob.kind,
                    AutomationJob.rule_id,
                    AutomationJob.trigger_id,
                    AutomationJob.deal_id,
                    AutomationJob.stage_id,
                    AutomationJob.due_at,
                    AutomationJob.depth,
                    AutomationJob.run_anyway,
                ).where(AutomationJob.id.in_(taken))
            ).all()
            return sorted((_Claimed(*r) for r in rows), key=lambda j: (j.due_at, j.id))

    # -- running ---------------------------------------------------------------------------------------

    def _run(self, job: _Claimed, now: datetime) -> str:
        if job.due_at < now - LATE_AFTER:
            return self._finish(
                job,
                "late",
                said(
                    QT_TRANSLATE_NOOP(
                        "automation", "It came due while no Dealdesk was running; not run blindly."
                    )
                ),
            )
        with self._ctx.read() as session:
            values = deal_values(session, job.deal_id)
            rule = session.get(AutomationRule, job.rule_id) if job.rule_id else None
            trigger = session.get(AutomationTrigger, job.trigger_id) if job.trigger_id else None
            if rule is not None:
                session.expunge(rule)
            if trigger is not None:
                session.expunge(trigger)
        if values is None:
            return self._finish(job, "cancelled", said(QT_TRANSLATE_NOOP("automation", "The deal is gone.")))
        if job.kind == "trigger":
            if trigger is None or not trigger.active:
                return self._finish(
                    job,
                    "skipped",
                    said(QT_TRANSLATE_NOOP("automation", "The trigger was removed or switched off.")),
                )
            return self._act(
                job, trigger.name, trigger.created_by_id, "move", {"stage_id": trigger.stage_id}, None, now
            )
        if rule is None or not rule.active:
            return self._finish(
                job, "skipped", said(QT_TRANSLATE_NOOP("automation", "The rule was removed or switched off."))
            )
        if values["stage_id"] != job.stage_id and not job.run_anyway:
            return self._finish(
                job,
                "cancelled",
                said(QT_TRANSLATE_NOOP("automation", "The deal left the stage before it ran.")),
            )
        if not matches(conditions_from_json(rule.conditions), values):
            return self._finish(
                job, "skipped", said(QT_TRANSLATE_NOOP("automation", "Its conditions did not hold."))
            )
        return self._act(
            job, rule.name, rule.created_by_id, rule.action, json.loads(rule.params or "{}"), rule, now
        )

    def _act(
        self,
        job: _Claimed,
        name: str,
        author: int | None,
        action: str,
        params: dict[str, object],
        rule: AutomationRule | None,
        now: datetime,
    ) -> str:
        spec = ACTIONS.get(action)
        if spec is None:
            return self._finish(
                job,
                "failed",
                said(QT_TRANSLATE_NOOP("automation", "Unknown action '{action}'."), action=action),
            )
        ctx = self._ctx.for_actor(author)  # the rights of the person who set it up
        running = RunningJob(job.id, self.owner, job.depth, job.deal_id, name)
        token = CURRENT.set(running)
        failure: str | None = None
        try:
            deal = DealService(ctx).get(job.deal_id)
            act = Act(ctx, deal, dict(params), rule.state if rule else None, now, self._language)
            result = spec.run(act)
        except ServiceError as exc:
            failure = _error(exc)
        except Exception as exc:  # a bug or a broken template: the job fails, said in the log
            failure = said("{error}", error=f"{type(exc).__name__}: {exc}")
        finally:
            CURRENT.reset(token)  # the outcome's own write below is not part of the job's effect
        if failure is not None:
            # The first of its writes went through: done, with what went wrong after; else failed.
            status = "done" if running.marked else "failed"
            return self._finish(job, status, failure, marked=running.marked, deal_id=job.deal_id, name=name)
        return self._finish(
            job,
            "done",
            result,
            marked=running.marked,
            deal_id=job.deal_id,
            name=name,
            rule_id=rule.id if rule is not None and act.new_state is not None else None,
            state=act.new_state,
        )

    def _finish(
        self,
        job: _Claimed,
        status: str,
        result: str,
        *,
        marked: bool = False,
        deal_id: int | None = None,
        name: str | None = None,
        rule_id: int | None = None,
        state: str | None = None,
    ) -> str:
        """The job's outcome (and, for a job that acted, a line on the deal's timeline)."""
        with self._ctx.write() as uow:
            session = uow.session
            values: dict[str, object] = {"result": result}
            if marked:  # done with its effect already; only its words are added
                condition = AutomationJob.id == job.id
            else:
                condition = (AutomationJob.id == job.id) & (AutomationJob.lease_owner == self.owner)
                values.update(status=status, finished_at=utcnow(), lease_owner=None, lease_until=None)
            written = session.execute(
                update(AutomationJob)
                .where(condition)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if written.rowcount != 1:  # type: ignore[attr-defined]
                return status  # another PC took it over meanwhile: its outcome is theirs to write
            if rule_id is not None and state is not None:
                session.execute(
                    update(AutomationRule).where(AutomationRule.id == rule_id).values(state=state)
                )
            acted = deal_id is not None and name is not None and status in ("done", "failed")
            if acted and session.get(Deal, deal_id) is not None:
                uow.history.noted("deal", deal_id, 0, "automation", name, result)  # type: ignore[arg-type]
            uow.emit("automation_job.updated", [job.id], {status})
        return status


def _error(exc: ServiceError) -> str:
    message = exc.messages[0]
    return said(message.template, context=message.context, **dict(message.params))


__all__ = ["AutomationEngine", "EngineRun", "default_owner"]
