"""The run log: every job (what ran, for which deal, when, with what outcome), filtered; failed,
late and cancelled ones can be run again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import aliased

from app.models import AutomationJob, AutomationRule, AutomationTrigger, Deal, utcnow
from app.services.access.scope import access_for
from app.services.automation.running import said_message
from app.services.core.context import ServiceContext
from app.services.core.errors import Message, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP

MSG_RIGHT = QT_TRANSLATE_NOOP("errors", "Your role does not let you run automation jobs again.")
STATUSES = ("waiting", "running", "done", "failed", "skipped", "cancelled", "late")


@dataclass(frozen=True)
class JobInfo:
    id: int
    kind: str  # "rule" or "trigger"
    name: str  # the rule's or trigger's (as it is now; "–" when it was removed)
    deal_id: int
    deal_title: str | None
    due_at: datetime
    status: str
    attempts: int
    result: Message | None
    finished_at: datetime | None
    depth: int


class AutomationLog:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def jobs(
        self,
        *,
        status: str | None = None,
        deal_id: int | None = None,
        search: str | None = None,
        limit: int = 500,
    ) -> list[JobInfo]:
        rule, trigger = aliased(AutomationRule), aliased(AutomationTrigger)
        query = (
            select(AutomationJob, func.coalesce(rule.name, trigger.name), Deal.title)
            .outerjoin(rule, rule.id == AutomationJob.rule_id)
            .outerjoin(trigger, trigger.id == AutomationJob.trigger_id)
            .outerjoin(Deal, Deal.id == AutomationJob.deal_id)
            .order_by(AutomationJob.id.desc())
            .limit(limit)
        )
        if status:
            query = query.where(AutomationJob.status == status)
        if deal_id is not None:
            query = query.where(AutomationJob.deal_id == deal_id)
        if search:
            pattern = f"%{search.strip()}%"
            query = query.where(
                or_(Deal.title.ilike(pattern), rule.name.ilike(pattern), trigger.name.ilike(pattern))
            )
        with self._ctx.read() as session:
            return [
                JobInfo(
                    job.id,
                    job.kind,
                    name or "–",
                    job.deal_id,
                    title,
                    job.due_at,
                    job.status,
                    job.attempts,
                    said_message(job.result),
                    job.finished_at,
                    job.depth,
                )
                for job, name, title in session.execute(query)
            ]

    def counts(self) -> dict[str, int]:
        with self._ctx.read() as session:
            found = dict(
                session.execute(
                    select(AutomationJob.status, func.count()).group_by(AutomationJob.status)
                ).all()
            )
        return {s: int(found.get(s, 0)) for s in STATUSES}

    def retry(self, job_id: int) -> bool:
        """Run a failed, late, skipped or cancelled job again, now (as its rule is now)."""
        with self._ctx.write() as uow:
            if not access_for(uow.session, uow.actor_id).switch("manage_automation"):
                raise PermissionDeniedError(MSG_RIGHT)
            done = uow.session.execute(
                update(AutomationJob)
                .where(
                    AutomationJob.id == job_id,
                    AutomationJob.status.in_(("failed", "late", "skipped", "cancelled")),
                )
                .values(status="waiting", due_at=utcnow(), run_anyway=True, finished_at=None, result=None)
                .execution_options(synchronize_session=False)
            )
            uow.emit("automation_job.updated", [job_id], {"waiting"})
            return bool(done.rowcount)  # type: ignore[attr-defined]
