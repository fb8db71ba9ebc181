"""The workflow engine: claims due instances with a lease (several PCs on one file, and `dealdesk
automation run` on a server, each run a step once) and runs their tokens step by step.

Each step commits with the instance's new state in one transaction: an action's own write carries the
state (the automation hook calls back, as for rule jobs), every other step writes it itself, guarded by
the lease and the instance's revision. A step whose PC died before its write runs again elsewhere once
the lease has run out; one that was written never runs twice. A failing step fails the instance (what
went wrong on its path); a stopped instance's next write is refused, so its step is undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from app.models import Task, WorkflowApproval, WorkflowInstance, WorkflowTemplate, WorkflowVersion, utcnow
from app.services.automation.actions import ACTIONS, Act
from app.services.automation.conditions import Condition, matches
from app.services.automation.enqueue import LeaseLostError
from app.services.automation.running import CURRENT, MAX_DEPTH, RunningJob, said
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.deals.service import DealService
from app.services.notifications.rules import add_notifications
from app.services.tasks.service import KINDS, add_task
from app.services.workflows.definition import APPROVED, REJECTED, after, container_of, parse, step_at
from app.services.workflows.records import record_title, record_values, responsible_of, task_links
from app.services.workflows.state import State, Token, step_entry

LEASE = timedelta(minutes=5)
STEPS_PER_RUN = 200  # then the instance waits for the next round (others get their turn)
LIVE = ("running", "waiting")
APPROVAL_KINDS = (*KINDS, "approval")
TASK_POLL = timedelta(minutes=10)  # how often a wait for a task looks whether it is done


@dataclass(frozen=True)
class WorkflowRun:
    steps: int = 0
    finished: int = 0
    failed: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.steps or self.finished or self.failed)


@dataclass
class _Instance:
    id: int
    template_id: int
    name: str
    author_id: int | None
    entity: str
    record_id: int
    depth: int
    steps: list[dict[str, Any]]
    state: State
    path: list[dict[str, Any]]
    revision: int
    steps_run: int
    started_by_id: int | None
    saved: dict[str, Any] = field(default_factory=dict)


class WorkflowEngine:
    def __init__(self, context: ServiceContext, owner: str, *, language: str = "en") -> None:
        self._ctx = context
        self.owner = owner
        self._language = language

    def due(self, now: datetime | None = None) -> bool:
        """Whether an instance is due (one index probe): the timer asks this first."""
        now = now or utcnow()
        with self._ctx.read() as session:
            found = session.scalar(
                select(WorkflowInstance.id)
                .where(WorkflowInstance.status.in_(LIVE), WorkflowInstance.next_at <= now)
                .limit(1)
            )
            return found is not None

    def run_due(self, now: datetime | None = None, limit: int = 50) -> WorkflowRun:
        now = now or utcnow()
        steps = finished = failed = 0
        for instance_id in self._claim(now, limit) if self.due(now) else []:
            outcome, count = self._run(instance_id, now)
            steps += count
            finished += outcome == "finished"
            failed += outcome == "failed"
        return WorkflowRun(steps, finished, failed)

    # -- claiming --------------------------------------------------------------------------------------

    def _claim(self, now: datetime, limit: int) -> list[int]:
        free = or_(WorkflowInstance.lease_owner.is_(None), WorkflowInstance.lease_until < now)
        with self._ctx.write() as uow:
            session = uow.session
            ids = session.scalars(
                select(WorkflowInstance.id)
                .where(WorkflowInstance.status.in_(LIVE), WorkflowInstance.next_at <= now, free)
                .order_by(WorkflowInstance.next_at, WorkflowInstance.id)
                .limit(limit)
            ).all()
            taken = []
            for instance_id in ids:
                claimed = session.execute(
                    update(WorkflowInstance)
                    .where(WorkflowInstance.id == instance_id, WorkflowInstance.status.in_(LIVE), free)
                    .values(lease_owner=self.owner, lease_until=now + LEASE)
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:  # type: ignore[attr-defined]
                    taken.append(instance_id)
            return taken

    def _load(self, instance_id: int) -> _Instance | None:
        with self._ctx.read() as session:
            row = session.execute(
                select(WorkflowInstance, WorkflowVersion.definition, WorkflowTemplate)
                .join(WorkflowVersion, WorkflowVersion.id == WorkflowInstance.version_id)
                .join(WorkflowTemplate, WorkflowTemplate.id == WorkflowInstance.template_id)
                .where(WorkflowInstance.id == instance_id, WorkflowInstance.lease_owner == self.owner)
            ).first()
            if row is None:
                return None
            instance, definition, template = row
            return _Instance(
                instance.id,
                template.id,
                template.name,
                template.created_by_id,
                instance.entity,
                instance.record_id,
                instance.depth,
                parse(definition)["steps"],
                State.load(instance.state),
                json.loads(instance.path or "[]"),
                instance.revision,
                instance.steps_run,
                instance.started_by_id,
            )

    # -- running ---------------------------------------------------------------------------------------

    def _run(self, instance_id: int, now: datetime) -> tuple[str, int]:
        run = self._load(instance_id)
        if run is None:
            return "lost", 0
        with self._ctx.read() as session:
            gone = record_values(session, run.entity, run.record_id) is None
        if gone:
            entry = {"step": None, "kind": "end", "at": now.isoformat(timespec="seconds"), "token": 0}
            run.path.append({**entry, "result": _said(QT_TRANSLATE_NOOP("workflows", "The record is gone."))})
            run.state.tokens = []
            return self._close(
                run, "stopped", now, _said(QT_TRANSLATE_NOOP("workflows", "The record is gone."))
            ), 0
        count = 0
        try:
            progressed = True
            while progressed and count < STEPS_PER_RUN:
                progressed = False
                for token in list(run.state.tokens):
                    if run.state.token(token.id) is None or token.join > 0:
                        continue
                    if self._settle(run, token):
                        progressed = True
                        continue
                    outcome = self._step(run, token, now)
                    if outcome == "still":
                        continue
                    if outcome in ("failed", "stopped", "finished"):
                        return outcome, count + 1
                    progressed = True
                    count += 1
                    if count >= STEPS_PER_RUN:
                        break
        except LeaseLostError:
            return "lost", count
        if not run.state.tokens:
            return self._close(run, "finished", now), count
        runnable = any(t.wait is None and t.join == 0 for t in run.state.tokens)
        wakes = [w for w in (_wake(t) for t in run.state.tokens if t.wait is not None) if w is not None]
        status = "running" if runnable else "waiting"
        next_at = now if runnable else (min(wakes) if wakes else None)
        try:
            with self._ctx.write() as uow:
                self._save(uow, run, status=status, next_at=next_at, release=True)
        except LeaseLostError:
            return "lost", count
        return status, count

    def _settle(self, run: _Instance, token: Token) -> bool:
        """A token past the end of its branch: out of the branch (its parallel step's join, or the
        step after its condition or approval); past the end of the workflow it is done. Whether the
        token changed (in memory: written with the next step)."""
        moved = False
        while step_at(run.steps, token.at) is None:
            moved = True
            outer = container_of(token.at)
            if outer is None:
                run.state.tokens.remove(token)
                return True
            parent = run.state.token(token.parent) if token.parent is not None else None
            container = step_at(run.steps, outer)
            if (
                container is not None
                and container.get("kind") == "parallel"
                and parent
                and parent.at == outer
            ):
                run.state.tokens.remove(token)
                parent.join -= 1
                if parent.join <= 0:
                    parent.join = 0
                    parent.at = after(outer)
                return True
            token.at = after(outer)
        return moved

    def _step(self, run: _Instance, token: Token, now: datetime) -> str:
        step = step_at(run.steps, token.at)
        assert step is not None  # settled before
        if token.wait is not None:
            return self._resume(run, token, step, now)
        kind = step.get("kind")
        if kind == "action":
            return self._action(run, token, step, now)
        if kind == "condition":
            values = self._values(run)
            chosen = next(
                (
                    b
                    for b, branch in enumerate(step.get("branches", []))
                    if matches([_condition(c) for c in branch.get("when", [])], values)
                ),
                None,
            )
            if chosen is None:
                token.at = after(token.at)
                result = _said(QT_TRANSLATE_NOOP("workflows", "No branch applied."))
            else:
                label = step["branches"][chosen].get("label") or str(chosen + 1)
                run.state.results[step["id"]] = label
                token.at = (*token.at, chosen, 0)
                result = _said(QT_TRANSLATE_NOOP("workflows", "Took the branch “{branch}”."), branch=label)
            return self._simple(run, step_entry(step, token, now, result, branch=chosen), now)
        if kind == "parallel":
            branches = step.get("branches", [])
            for b in range(len(branches)):
                run.state.spawn((*token.at, b, 0), token.id)
            token.join = len(branches)
            result = _said(QT_TRANSLATE_NOOP("workflows", "Started {count} branches."), count=len(branches))
            return self._simple(run, step_entry(step, token, now, result), now)
        if kind == "wait":
            return self._wait(run, token, step, now)
        if kind == "approval":
            return self._ask(run, token, step, now)
        if kind == "set_variable":
            value = self._value(run, step.get("value"))
            run.state.vars[str(step["name"])] = value
            token.at = after(token.at)
            result = _said(
                QT_TRANSLATE_NOOP("workflows", "Set {name} to “{value}”."), name=step["name"], value=value
            )
            return self._simple(run, step_entry(step, token, now, result), now)
        if kind == "start_workflow":
            return self._start_other(run, token, step, now)
        # stop: the whole workflow ends here, whatever else runs in parallel
        run.state.tokens = []
        run.path.append(
            step_entry(step, token, now, _said(QT_TRANSLATE_NOOP("workflows", "Ended the workflow.")))
        )
        return self._close(run, "finished", now)

    def _simple(self, run: _Instance, entry: dict[str, Any], now: datetime) -> str:
        """A step without an effect of its own: its place and path are written."""
        run.path.append(entry)
        with self._ctx.write() as uow:
            self._save(uow, run)
        return "ok"

    # -- actions ---------------------------------------------------------------------------------------

    def _action(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        key = str(step.get("action", ""))
        spec = ACTIONS.get(key)
        if spec is None:
            return self._fail(
                run,
                token,
                step,
                now,
                said(QT_TRANSLATE_NOOP("automation", "Unknown action '{action}'."), action=key),
            )
        before = (token.at, len(run.path))
        entry = step_entry(step, token, now, "")
        token.at = after(token.at)
        run.path.append(entry)
        ctx = self._ctx.for_actor(run.author_id)  # the rights of the person who designed it
        if run.entity != "deal":
            return self._record_action(run, token, step, entry, ctx, before, now)
        running = RunningJob(
            0, self.owner, run.depth, run.record_id, run.name, mark=lambda uow: self._save(uow, run)
        )
        if spec.writes == 0:
            running.ready = False  # nothing of its own to write: the step is written below
        context_token = CURRENT.set(running)
        failure: str | None = None
        result = ""
        try:
            deal = DealService(ctx).get(run.record_id)
            params = {
                k: self._value(run, v) if isinstance(v, str) else v
                for k, v in dict(step.get("params", {})).items()
            }
            result = spec.run(Act(ctx, deal, params, None, now, self._language))
        except LeaseLostError:
            raise
        except ServiceError as exc:
            failure = _error(exc)
        except Exception as exc:  # a bug or a broken template: the step fails, said on its path
            failure = said("{error}", error=f"{type(exc).__name__}: {exc}")
        finally:
            CURRENT.reset(context_token)
        if failure is not None and not running.marked:
            token.at, length = before
            del run.path[length:]
            return self._fail(run, token, step, now, failure)
        entry["result"] = failure or result
        if "task_id" in running.extra:
            run.state.made[str(step["id"])] = int(running.extra["task_id"])
        if not running.marked:
            with self._ctx.write() as uow:
                self._save(uow, run)
        return "ok"

    def _record_action(
        self,
        run: _Instance,
        token: Token,
        step: dict[str, Any],
        entry: dict[str, Any],
        ctx: ServiceContext,
        before: tuple[tuple[int, ...], int],
        now: datetime,
    ) -> str:
        """Notify, task and comment on a contact, company, lead or invoice, with the step's state."""
        params = dict(step.get("params", {}))
        try:
            with ctx.write() as uow:
                session = uow.session
                people = self._people(run, params.get("people", params.get("responsible", [])), session)
                if step["action"] == "task":
                    task = add_task(
                        uow,
                        str(self._value(run, params.get("title", ""))),
                        due=(now + timedelta(hours=int(params.get("in_hours", 24) or 0))).replace(tzinfo=UTC),
                        responsible_id=people[0]
                        if people
                        else responsible_of(session, run.entity, run.record_id),
                        links=task_links(session, run.entity, run.record_id),
                        description=str(self._value(run, params.get("description", ""))) or None,
                    )
                    run.state.made[str(step["id"])] = task.id
                    result = said(
                        QT_TRANSLATE_NOOP("automation", "Planned the task “{title}”."), title=task.title
                    )
                elif step["action"] == "notify":
                    text = str(self._value(run, params.get("text", "")))
                    add_notifications(uow, [self._notice(run, person, text, session) for person in people])
                    result = _said(
                        QT_TRANSLATE_NOOP("workflows", "Notified (people: {count})."), count=len(people)
                    )
                elif step["action"] == "email":
                    result = self._record_mail(uow, run, params)
                else:  # comment
                    text = str(self._value(run, params.get("text", "")))
                    uow.history.noted(run.entity, run.record_id, 0, "comment", None, text)
                    result = said(QT_TRANSLATE_NOOP("automation", "Commented: “{text}”."), text=text[:200])
                entry["result"] = result
                self._save(uow, run)
        except LeaseLostError:
            raise
        except ServiceError as exc:
            token.at, length = before
            del run.path[length:]
            return self._fail(run, token, step, now, _error(exc))
        return "ok"

    def _record_mail(self, uow: UnitOfWork, run: _Instance, params: dict[str, Any]) -> str:
        """An e-mail to the contact's, company's or lead's own address, queued with the step."""
        from app.services.automation.outbox import add_message

        address = (record_values(uow.session, run.entity, run.record_id) or {}).get("email")
        if not address:
            return _said(QT_TRANSLATE_NOOP("workflows", "No e-mail sent: the record has no e-mail address."))
        subject = str(self._value(run, params.get("subject", "")))
        body = str(self._value(run, params.get("body", "")))
        add_message(uow, "email", str(address), body, subject=subject)
        return said(
            QT_TRANSLATE_NOOP("automation", "Queued an e-mail to {to}: “{subject}”."),
            to=address,
            subject=subject,
        )

    def _notice(self, run: _Instance, person: int, text: str, session: Any) -> dict[str, Any]:
        return {
            "user_id": person,
            "kind": "message",
            "actor_id": None,
            "entity_type": run.entity,
            "entity_id": run.record_id,
            "count": 1,
            "title": run.name[:255],
            "detail": (text or record_title(session, run.entity, run.record_id))[:255],
        }

    # -- waits -----------------------------------------------------------------------------------------

    def _wait(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        mode = step.get("mode")
        if mode == "delay":
            until = now + timedelta(hours=float(step.get("hours", 0)))
            token.wait = {"until": until.isoformat()}
            result = _said(QT_TRANSLATE_NOOP("workflows", "Waiting until {when}."), when=_shown(until))
        elif mode == "until_date":
            found = self._values(run).get(str(step.get("field", "")))
            day = _as_date(found)
            if day is None:
                token.at = after(token.at)
                result = _said(QT_TRANSLATE_NOOP("workflows", "No date to wait for: went on."))
                return self._simple(run, step_entry(step, token, now, result), now)
            until = datetime.combine(day, datetime.min.time()) + timedelta(
                days=int(step.get("offset_days", 0) or 0)
            )
            token.wait = {"until": until.isoformat()}
            result = _said(QT_TRANSLATE_NOOP("workflows", "Waiting until {when}."), when=_shown(until))
        elif mode == "task_done":  # the task an earlier step made; looked at every few minutes
            task_id = run.state.made.get(str(step["step"]))
            if task_id is None:
                token.at = after(token.at)
                result = _said(QT_TRANSLATE_NOOP("workflows", "No task to wait for: went on."))
                return self._simple(run, step_entry(step, token, now, result), now)
            hours = float(step.get("timeout_hours", 0) or 0)
            timeout = (now + timedelta(hours=hours)).isoformat() if hours > 0 else None
            token.wait = {"task": task_id, "timeout": timeout, "poll": (now + TASK_POLL).isoformat()}
            result = _said(QT_TRANSLATE_NOOP("workflows", "Waiting for the task to be done."))
        else:  # until a field changes (woken by the record's writes), at most until a timeout
            was = self._values(run).get(str(step["field"]))
            hours = float(step.get("timeout_hours", 0) or 0)
            timeout = (now + timedelta(hours=hours)).isoformat() if hours > 0 else None
            token.wait = {"field": str(step["field"]), "was": _plain(was), "timeout": timeout}
            result = _said(
                QT_TRANSLATE_NOOP("workflows", "Waiting for {field} to change."), field=step["field"]
            )
        return self._simple(run, step_entry(step, token, now, result), now)

    def _resume(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        wait = token.wait or {}
        if "approval" in wait:
            return self._answered(run, token, step, now)
        if "until" in wait:
            if now < datetime.fromisoformat(wait["until"]):
                return "still"
            token.wait = None
            token.at = after(token.at)
            return self._simple(
                run, step_entry(step, token, now, _said(QT_TRANSLATE_NOOP("workflows", "Waited."))), now
            )
        if "task" in wait:
            return self._task_done(run, token, step, now)
        current = _plain(self._values(run).get(wait["field"]))
        if current != wait["was"]:
            outcome, result = (
                "changed",
                _said(QT_TRANSLATE_NOOP("workflows", "{field} changed."), field=wait["field"]),
            )
        elif wait.get("timeout") and now >= datetime.fromisoformat(wait["timeout"]):
            outcome, result = (
                "timeout",
                _said(
                    QT_TRANSLATE_NOOP("workflows", "Waited long enough: {field} did not change."),
                    field=wait["field"],
                ),
            )
        else:
            return "still"
        run.state.results[step["id"]] = outcome
        token.wait = None
        token.at = after(token.at)
        return self._simple(run, step_entry(step, token, now, result, outcome=outcome), now)

    def _task_done(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        wait = token.wait or {}
        with self._ctx.read() as session:
            task = session.get(Task, int(wait["task"]))
            done = task is None or task.done
        if done:
            outcome, result = "done", _said(QT_TRANSLATE_NOOP("workflows", "The task is done."))
        elif wait.get("timeout") and now >= datetime.fromisoformat(wait["timeout"]):
            outcome = "timeout"
            result = _said(QT_TRANSLATE_NOOP("workflows", "Waited long enough: the task is not done."))
        else:
            wait["poll"] = (now + TASK_POLL).isoformat()
            return "still"
        run.state.results[step["id"]] = outcome
        token.wait = None
        token.at = after(token.at)
        return self._simple(run, step_entry(step, token, now, result, outcome=outcome), now)

    # -- approvals -------------------------------------------------------------------------------------

    def _ask(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        """Approval tasks for its people, written with the step: nobody is asked twice, nobody missed."""
        round_ = run.state.rounds.get(step["id"], 0) + 1
        run.state.rounds[step["id"]] = round_
        hours = float(step.get("deadline_hours", 0) or 0)
        deadline = (now + timedelta(hours=hours)).isoformat() if hours > 0 else None
        token.wait = {"approval": round_, "deadline": deadline, "escalated": False}
        ctx = self._ctx.for_actor(run.author_id)
        try:
            with ctx.write() as uow:
                people = self._people(run, step.get("people", []), uow.session)
                if not people:
                    raise LookupError
                self._approval_tasks(uow, run, step, people, round_, now, deadline)
                run.path.append(
                    step_entry(
                        step,
                        token,
                        now,
                        _said(
                            QT_TRANSLATE_NOOP("workflows", "Asked for approval (people asked: {count})."),
                            count=len(people),
                        ),
                    )
                )
                self._save(uow, run)
        except LookupError:
            token.wait = None
            return self._fail(
                run, token, step, now, _said(QT_TRANSLATE_NOOP("workflows", "Nobody to ask for approval."))
            )
        except LeaseLostError:
            raise
        except ServiceError as exc:
            token.wait = None
            return self._fail(run, token, step, now, _error(exc))
        return "ok"

    def _approval_tasks(
        self,
        uow: UnitOfWork,
        run: _Instance,
        step: dict[str, Any],
        people: list[int],
        round_: int,
        now: datetime,
        deadline: str | None,
    ) -> None:
        session = uow.session
        title = str(self._value(run, step.get("title") or "")) or record_title(
            session, run.entity, run.record_id
        )
        due = datetime.fromisoformat(deadline) if deadline else now + timedelta(days=1)
        links = task_links(session, run.entity, run.record_id)
        for person in people:
            task = add_task(
                uow,
                title[:255],
                kind="approval",
                kinds=APPROVAL_KINDS,
                due=due.replace(tzinfo=UTC),
                responsible_id=person,
                links=links,
                description=str(self._value(run, step.get("description", ""))) or None,
            )
            session.add(
                WorkflowApproval(
                    instance_id=run.id, step=step["id"], round=round_, user_id=person, task_id=task.id
                )
            )

    def _answered(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        wait = token.wait or {}
        round_ = int(wait["approval"])
        with self._ctx.read() as session:
            answers = session.execute(
                select(WorkflowApproval.user_id, WorkflowApproval.answer, WorkflowApproval.comment)
                .where(
                    WorkflowApproval.instance_id == run.id,
                    WorkflowApproval.step == step["id"],
                    WorkflowApproval.round == round_,
                )
                .order_by(
                    WorkflowApproval.answered_at.is_(None), WorkflowApproval.answered_at, WorkflowApproval.id
                )
            ).all()
        given = [a for a in answers if a.answer is not None]
        outcome: str | None = None
        if step.get("mode", "any") == "any":
            outcome = given[0].answer if given else None
        elif any(a.answer == REJECTED for a in given):
            outcome = REJECTED
        elif answers and len(given) == len(answers):
            outcome = APPROVED
        if outcome is None:
            deadline = wait.get("deadline")
            if deadline and not wait.get("escalated") and now >= datetime.fromisoformat(deadline):
                return self._escalate(run, token, step, now)
            return "still"
        deciding = next(a for a in given if a.answer == outcome)
        run.state.results[step["id"]] = outcome
        token.wait = None
        token.at = (*token.at, 0 if outcome == APPROVED else 1, 0)
        with self._ctx.write() as uow:
            open_tasks = select(WorkflowApproval.task_id).where(
                WorkflowApproval.instance_id == run.id,
                WorkflowApproval.step == step["id"],
                WorkflowApproval.round == round_,
                WorkflowApproval.task_id.is_not(None),
            )
            closed = uow.session.execute(
                update(Task)
                .where(Task.id.in_(open_tasks), Task.done.is_(False))
                .values(done=True, completed_at=utcnow(), remind_at=None, version=Task.version + 1)
                .execution_options(synchronize_session=False)
            )
            if closed.rowcount:  # type: ignore[attr-defined]
                uow.emit("task.updated", [0], {"done"})
            text = (
                QT_TRANSLATE_NOOP("workflows", "Approved: {comment}")
                if outcome == APPROVED
                else QT_TRANSLATE_NOOP("workflows", "Rejected: {comment}")
            )
            run.path.append(
                step_entry(
                    step,
                    token,
                    now,
                    _said(text, comment=deciding.comment or "–"),
                    outcome=outcome,
                    by=deciding.user_id,
                )
            )
            self._save(uow, run)
        return "ok"

    def _escalate(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        """Past the deadline: the escalation people are asked too, once (their new task tells them)."""
        assert token.wait is not None
        token.wait["escalated"] = True
        with self._ctx.for_actor(run.author_id).write() as uow:
            session = uow.session
            people = self._people(run, step.get("escalate_to", []), session)
            if people:
                self._approval_tasks(uow, run, step, people, int(token.wait["approval"]), now, None)
                text = _said(
                    QT_TRANSLATE_NOOP("workflows", "Not answered in time: asked more people ({count})."),
                    count=len(people),
                )
            else:
                text = _said(QT_TRANSLATE_NOOP("workflows", "Not answered in time; nobody to escalate to."))
            run.path.append(step_entry(step, token, now, text, escalated=people))
            self._save(uow, run)
        return "ok"

    # -- another workflow ------------------------------------------------------------------------------

    def _start_other(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime) -> str:
        from app.services.workflows.starting import start_in

        if run.depth + 1 > MAX_DEPTH:
            return self._fail(
                run,
                token,
                step,
                now,
                _said(QT_TRANSLATE_NOOP("workflows", "Workflows kept starting each other: stopped.")),
            )
        token.at = after(token.at)
        try:
            with self._ctx.for_actor(run.author_id).write() as uow:
                started = start_in(
                    uow, int(step["template_id"]), [run.record_id], {}, depth=run.depth + 1, entity=run.entity
                )
                run.path.append(
                    step_entry(
                        step,
                        token,
                        now,
                        _said(QT_TRANSLATE_NOOP("workflows", "Started the workflow #{id}."), id=started[0]),
                        started=started,
                    )
                )
                self._save(uow, run)
        except LeaseLostError:
            raise
        except ServiceError as exc:
            return self._fail(run, token, step, now, _error(exc))
        return "ok"

    # -- writing its state -----------------------------------------------------------------------------

    def _save(
        self,
        uow: UnitOfWork,
        run: _Instance,
        *,
        status: str | None = None,
        next_at: datetime | None = None,
        release: bool = False,
        error: str | None = None,
    ) -> None:
        """The instance's state, path and (on release) status, in this unit of work; refused when the
        instance was stopped or another PC took it over (the unit of work then rolls back)."""
        values: dict[str, Any] = {
            "state": run.state.dump(),
            "path": json.dumps(run.path, ensure_ascii=False, default=str),
            "revision": WorkflowInstance.revision + 1,
            "steps_run": run.steps_run + 1,
        }
        if status is not None:
            values["status"] = status
            values["next_at"] = next_at
            if status in ("finished", "failed", "stopped"):
                values["finished_at"] = utcnow()
        if release:
            values.update(lease_owner=None, lease_until=None)
        if error is not None:
            values["error"] = error
        written = uow.session.execute(
            update(WorkflowInstance)
            .where(
                WorkflowInstance.id == run.id,
                WorkflowInstance.lease_owner == self.owner,
                WorkflowInstance.revision == run.revision,
                WorkflowInstance.status.in_(LIVE),
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if written.rowcount != 1:  # type: ignore[attr-defined]
            raise LeaseLostError(MSG_LOST)
        run.revision += 1
        run.steps_run += 1
        uow.emit("workflow_instance.updated", [run.id], {status or "state"})

    def _close(self, run: _Instance, status: str, now: datetime, error: str | None = None) -> str:
        try:
            with self._ctx.write() as uow:
                self._save(uow, run, status=status, next_at=None, release=True, error=error)
        except LeaseLostError:
            return "lost"
        return status

    def _fail(self, run: _Instance, token: Token, step: dict[str, Any], now: datetime, why: str) -> str:
        run.path.append(step_entry(step, token, now, why, failed=True))
        return self._close(run, "failed", now, why)

    # -- values ----------------------------------------------------------------------------------------

    def _values(self, run: _Instance) -> dict[str, Any]:
        with self._ctx.read() as session:
            values = record_values(session, run.entity, run.record_id) or {}
        values.update({f"var:{k}": v for k, v in run.state.vars.items()})
        values.update({f"step:{k}": v for k, v in run.state.results.items()})
        return values

    def _value(self, run: _Instance, value: Any) -> Any:
        """A step's setting with {{ var.name }}, {{ step.id }} and {{ record.title }} (any of the record's
        fields) filled in, and on a deal the documents' placeholders too ({{ deal.title }} ...)."""
        if not isinstance(value, str) or "{{" not in value:
            return value
        from app.services.documents.rendering import environment

        env = environment()
        env.autoescape = False
        with self._ctx.read() as session:
            record = record_values(session, run.entity, run.record_id) or {}
            record["title"] = record_title(session, run.entity, run.record_id)
        names: dict[str, Any] = {
            "var": dict(run.state.vars),
            "step": dict(run.state.results),
            "record": record,
        }
        if run.entity == "deal":
            from app.services.documents.render_context import deal_context

            names = {
                **deal_context(self._ctx.for_actor(run.author_id), run.record_id, self._language),
                **names,
            }
        return str(env.from_string(value).render(names))

    def _people(self, run: _Instance, given: Any, session: Any) -> list[int]:
        chosen: list[int] = []
        for person in given if isinstance(given, list) else [given]:
            if person == "responsible":
                owner = responsible_of(session, run.entity, run.record_id)
                if owner is not None:
                    chosen.append(owner)
            elif person == "manager":  # the head of the responsible person's department
                manager = _manager_of(session, responsible_of(session, run.entity, run.record_id))
                if manager is not None:
                    chosen.append(manager)
            elif person == "starter":
                if run.started_by_id is not None:
                    chosen.append(run.started_by_id)
            elif person not in (None, ""):
                chosen.append(int(person))
        return list(dict.fromkeys(chosen))


MSG_LOST = QT_TRANSLATE_NOOP(
    "errors", "The workflow was stopped or another PC took it over: this step was undone here."
)


def _wake(token: Token) -> datetime | None:
    wait = token.wait or {}
    if "until" in wait:
        return datetime.fromisoformat(wait["until"])
    if "approval" in wait:
        return (
            datetime.fromisoformat(wait["deadline"])
            if wait.get("deadline") and not wait.get("escalated")
            else None
        )
    if "task" in wait:
        return min(datetime.fromisoformat(t) for t in (wait["poll"], wait.get("timeout") or wait["poll"]))
    return datetime.fromisoformat(wait["timeout"]) if wait.get("timeout") else None


def _said(english: str, **params: Any) -> str:
    """What a step did, in the "workflows" translation context (said() keeps it language-neutral)."""
    return said(english, context="workflows", **params)


def _manager_of(session: Any, user_id: int | None) -> int | None:
    """The head of the person's department, else of the nearest department above with a head."""
    from app.models import Department, User

    person = session.get(User, user_id) if user_id is not None else None
    department = session.get(Department, person.department_id) if person and person.department_id else None
    seen: set[int] = set()
    while department is not None and department.id not in seen:
        seen.add(department.id)
        if department.head_id is not None and department.head_id != user_id:
            return int(department.head_id)
        department = session.get(Department, department.parent_id) if department.parent_id else None
    return None


def _condition(data: dict[str, Any]) -> Condition:
    return Condition(str(data.get("field", "")), str(data.get("op", "")), data.get("value"))


def _plain(value: Any) -> Any:
    return None if value is None else str(value)


def _as_date(value: Any) -> Any:
    from datetime import date

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _shown(moment: datetime) -> str:
    """A moment (naive UTC) in this computer's time, as a path shows it."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _error(exc: ServiceError) -> str:
    message = exc.messages[0]
    return said(message.template, context=message.context, **dict(message.params))


__all__ = ["WorkflowEngine", "WorkflowRun"]
