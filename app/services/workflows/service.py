"""Workflow templates (designed by those who may manage settings; every save of a changed definition is
a new version, instances keep theirs), starting them by hand on one record or many (one transaction),
the instances (a record's, everyone's with filters), stopping one, and answering an approval."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update

from app.models import (
    Deal,
    Invoice,
    Task,
    User,
    WorkflowApproval,
    WorkflowInstance,
    WorkflowTemplate,
    WorkflowVersion,
    utcnow,
)
from app.services.access.permissions import may_manage_settings, require_admin
from app.services.access.rights import Action
from app.services.access.scope import deal_scope, record_scope
from app.services.automation.running import said
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.workflows.definition import ENTITIES, check, dump, parse
from app.services.workflows.records import MODELS
from app.services.workflows.starting import MSG_NO_TEMPLATE, start_in

MSG_DESIGN = QT_TRANSLATE_NOOP("errors", "Only people who may manage settings design workflows.")
MSG_NAME = QT_TRANSLATE_NOOP("errors", "A workflow needs a name (at most 200 characters).")
MSG_ENTITY = QT_TRANSLATE_NOOP("errors", "'{value}' is not a kind of record a workflow runs on.")
MSG_FILE = QT_TRANSLATE_NOOP("errors", "This is not a Dealdesk workflow file.")
MSG_START = QT_TRANSLATE_NOOP("errors", "You may not start the workflow “{name}”.")
MSG_MANUAL = QT_TRANSLATE_NOOP("errors", "The workflow “{name}” is not started by hand.")
MSG_NOT_YOURS = QT_TRANSLATE_NOOP("errors", "Your role does not let you change all of these records.")
MSG_NO_RECORDS = QT_TRANSLATE_NOOP("errors", "Choose the records to start it on.")
MSG_PARAMETER = QT_TRANSLATE_NOOP("errors", "“{label}” is needed to start this workflow.")
MSG_STOP = QT_TRANSLATE_NOOP(
    "errors", "Only its starter, the record's people and administrators stop a workflow."
)
MSG_NOT_LIVE = QT_TRANSLATE_NOOP("errors", "This workflow is not running any more.")
MSG_INSTANCE = QT_TRANSLATE_NOOP("errors", "There is no workflow run #{id}.")
MSG_APPROVAL = QT_TRANSLATE_NOOP("errors", "There is no approval for you in task #{id}.")
MSG_ANSWERED = QT_TRANSLATE_NOOP("errors", "This approval was already answered or is no longer needed.")
MSG_CHANGED = QT_TRANSLATE_NOOP("errors", "Somebody else changed the workflow “{name}” meanwhile.")
FILE_FORMAT = "dealdesk-workflow"


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    description: str
    entity: str
    start_manual: bool
    start_on_create: bool
    start_on_change: bool
    change_fields: list[str]
    starters: list[int]
    active: bool
    version: int  # the row's version (conflicts)
    number: int  # the newest definition's version number
    definition: dict[str, Any]
    running: int


@dataclass(frozen=True)
class InstanceInfo:
    id: int
    template_id: int
    template_name: str
    version_number: int
    entity: str
    record_id: int
    status: str
    started_at: datetime
    finished_at: datetime | None
    started_by: str
    error: str | None
    path: list[dict[str, Any]]
    waiting_for: list[str]  # what its waiting tokens wait for: "until", "field", "approval"


@dataclass(frozen=True)
class ApprovalInfo:
    task_id: int
    instance_id: int
    step: str
    title: str
    template_name: str
    entity: str
    record_id: int
    answer: str | None


class WorkflowService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- templates -------------------------------------------------------------------------------------

    def templates(self, entity: str | None = None) -> list[TemplateInfo]:
        with self._ctx.read() as session:
            query = select(WorkflowTemplate).order_by(WorkflowTemplate.name, WorkflowTemplate.id)
            if entity is not None:
                query = query.where(WorkflowTemplate.entity == entity)
            return [_template(session, t) for t in session.scalars(query)]

    def template(self, template_id: int) -> TemplateInfo:
        with self._ctx.read() as session:
            template = session.get(WorkflowTemplate, template_id)
            if template is None:
                raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
            return _template(session, template)

    def may_design(self) -> bool:
        with self._ctx.read() as session:
            return may_manage_settings(session, self._ctx.actor_id)

    def create(self, name: str, entity: str, definition: Mapping[str, Any], **settings: Any) -> TemplateInfo:
        """A new template with its first version (checked first: nothing is saved with a problem)."""
        definition = dict(definition)
        _check(name, entity, definition, settings)
        with self._ctx.write() as uow:
            require_admin(uow.session, uow.actor_id, MSG_DESIGN)
            template = WorkflowTemplate(
                name=name.strip(),
                entity=entity,
                description=str(settings.get("description", "")),
                start_manual=bool(settings.get("start_manual", True)),
                start_on_create=bool(settings.get("start_on_create", False)),
                start_on_change=bool(settings.get("start_on_change", False)),
                change_fields=json.dumps(list(settings.get("change_fields", []))),
                starters=json.dumps([int(u) for u in settings.get("starters", [])]),
                active=bool(settings.get("active", True)),
                created_by_id=uow.actor_id,
            )
            uow.session.add(template)
            uow.session.flush()
            self._new_version(uow, template, definition)
            uow.emit("workflow_template.created", [template.id])
            return _template(uow.session, template)

    def save(
        self,
        template_id: int,
        expected_version: int,
        definition: Mapping[str, Any] | None = None,
        **settings: Any,
    ) -> TemplateInfo:
        """Its settings, and a new version when the definition changed (running instances keep theirs)."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, uow.actor_id, MSG_DESIGN)
            template = session.get(WorkflowTemplate, template_id)
            if template is None:
                raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
            if template.version != expected_version:
                raise ConflictError(MSG_CHANGED, name=template.name, current_version=template.version)
            name = str(settings.get("name", template.name))
            current = _definition(session, template)
            wanted = dict(definition) if definition is not None else current
            _check(name, template.entity, wanted, settings)
            template.name = name.strip()
            for key in ("description", "start_manual", "start_on_create", "start_on_change", "active"):
                if key in settings:
                    setattr(template, key, settings[key])
            if "change_fields" in settings:
                template.change_fields = json.dumps(list(settings["change_fields"]))
            if "starters" in settings:
                template.starters = json.dumps([int(u) for u in settings["starters"]])
            if dump(wanted) != dump(current):
                self._new_version(uow, template, wanted)
            template.updated_at = utcnow()
            session.flush()
            uow.emit("workflow_template.updated", [template.id])
            return _template(session, template)

    def delete(self, template_id: int) -> None:
        """Gone with its instances' history; running instances are stopped with it."""
        with self._ctx.write() as uow:
            require_admin(uow.session, uow.actor_id, MSG_DESIGN)
            template = uow.session.get(WorkflowTemplate, template_id)
            if template is None:
                raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
            uow.session.delete(template)
            uow.emit("workflow_template.deleted", [template_id])

    def _new_version(self, uow: UnitOfWork, template: WorkflowTemplate, definition: dict[str, Any]) -> None:
        session = uow.session
        number = (
            session.scalar(
                select(func.max(WorkflowVersion.number)).where(WorkflowVersion.template_id == template.id)
            )
            or 0
        ) + 1
        version = WorkflowVersion(
            template_id=template.id, number=number, definition=dump(definition), created_by_id=uow.actor_id
        )
        session.add(version)
        session.flush()
        template.current_version_id = version.id

    def export_template(self, template_id: int) -> str:
        """The template as a file's text (JSON): its settings and current definition, no people."""
        info = self.template(template_id)
        return json.dumps(
            {
                "format": FILE_FORMAT,
                "version": 1,
                "name": info.name,
                "description": info.description,
                "entity": info.entity,
                "start_manual": info.start_manual,
                "start_on_create": info.start_on_create,
                "start_on_change": info.start_on_change,
                "change_fields": info.change_fields,
                "definition": info.definition,
            },
            ensure_ascii=False,
            indent=2,
        )

    def import_template(self, text: str, name: str | None = None) -> TemplateInfo:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ValidationError.single("file", MSG_FILE) from exc
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT or "definition" not in data:
            raise ValidationError.single("file", MSG_FILE)
        return self.create(
            name or str(data.get("name", "")),
            str(data.get("entity", "")),
            data["definition"],
            description=data.get("description", ""),
            start_manual=data.get("start_manual", True),
            start_on_create=data.get("start_on_create", False),
            start_on_change=data.get("start_on_change", False),
            change_fields=data.get("change_fields", []),
        )

    # -- starting and stopping -------------------------------------------------------------------------

    def start(
        self, template_id: int, record_ids: Sequence[int], parameters: Mapping[str, Any] | None = None
    ) -> list[int]:
        """The workflow on each of these records (all in one transaction, or none); the instances' ids."""
        ids = sorted(set(record_ids))
        if not ids:
            raise ValidationError.single("record_ids", MSG_NO_RECORDS)
        with self._ctx.write() as uow:
            session = uow.session
            template = session.get(WorkflowTemplate, template_id)
            if template is None or not template.active:
                raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
            if not template.start_manual:
                raise PermissionDeniedError(MSG_MANUAL, name=template.name)
            starters = json.loads(template.starters or "[]")
            if starters and uow.actor_id not in starters and not may_manage_settings(session, uow.actor_id):
                raise PermissionDeniedError(MSG_START, name=template.name)
            _require_editable(session, uow.actor_id, template.entity, ids)
            given = dict(parameters or {})
            problems = Problems()
            for parameter in _definition(session, template).get("parameters", []):
                if parameter.get("required") and given.get(parameter["name"]) in (None, ""):
                    problems.add(
                        parameter["name"], MSG_PARAMETER, label=parameter.get("label") or parameter["name"]
                    )
            problems.raise_if_any()
            return start_in(uow, template.id, ids, given)

    def stop(self, instance_id: int) -> None:
        with self._ctx.write() as uow:
            session = uow.session
            instance = session.get(WorkflowInstance, instance_id)
            if instance is None:
                raise NotFoundError(MSG_INSTANCE, id=instance_id)
            if instance.status not in ("running", "waiting"):
                raise ValidationError.single("status", MSG_NOT_LIVE)
            if uow.actor_id != instance.started_by_id and not may_manage_settings(session, uow.actor_id):
                try:
                    _require_editable(session, uow.actor_id, instance.entity, [instance.record_id])
                except PermissionDeniedError as exc:
                    raise PermissionDeniedError(MSG_STOP) from exc
            session.execute(
                update(WorkflowInstance)
                .where(
                    WorkflowInstance.id == instance_id, WorkflowInstance.status.in_(("running", "waiting"))
                )
                .values(
                    status="stopped",
                    finished_at=utcnow(),
                    next_at=None,
                    revision=WorkflowInstance.revision + 1,
                )
                .execution_options(synchronize_session=False)
            )
            _close_approvals(session, instance_id)
            name = session.scalar(
                select(WorkflowTemplate.name).where(WorkflowTemplate.id == instance.template_id)
            )
            stopped = said(QT_TRANSLATE_NOOP("workflows", "Stopped by hand."), context="workflows")
            uow.history.noted(instance.entity, instance.record_id, 0, "automation", name, stopped)
            uow.emit("workflow_instance.updated", [instance_id], {"stopped"})

    # -- approvals -------------------------------------------------------------------------------------

    def answer(self, task_id: int, approve: bool, comment: str = "") -> None:
        """The acting person's answer to the approval their task asks for; the workflow goes on."""
        with self._ctx.write() as uow:
            session = uow.session
            approval = session.scalar(
                select(WorkflowApproval).where(
                    WorkflowApproval.task_id == task_id, WorkflowApproval.user_id == uow.actor_id
                )
            )
            if approval is None:
                raise NotFoundError(MSG_APPROVAL, id=task_id)
            instance = session.get(WorkflowInstance, approval.instance_id)
            if (
                approval.answer is not None
                or instance is None
                or instance.status not in ("running", "waiting")
            ):
                raise ValidationError.single("answer", MSG_ANSWERED)
            approval.answer = "approved" if approve else "rejected"
            approval.comment = (comment or "").strip() or None
            approval.answered_at = utcnow()
            task = session.get(Task, task_id)
            if task is not None and not task.done:
                task.done = True
                task.completed_at = utcnow()
                task.remind_at = None
                task.result = approval.comment
                uow.emit("task.updated", [task_id], {"done"})
            instance.next_at = utcnow()  # the engine looks at once
            session.flush()
            uow.emit("workflow_instance.updated", [instance.id], {"answer"})

    def approvals(self, open_only: bool = True) -> list[ApprovalInfo]:
        """The acting person's approvals (those still to answer)."""
        return self._approvals(open_only=open_only)

    def approval_for_task(self, task_id: int) -> ApprovalInfo | None:
        """The approval a task asks the acting person for (the Tasks area shows Approve / Reject)."""
        found = self._approvals(open_only=False, task_id=task_id)
        return found[0] if found else None

    def _approvals(self, *, open_only: bool, task_id: int | None = None) -> list[ApprovalInfo]:
        with self._ctx.read() as session:
            query = (
                select(WorkflowApproval, WorkflowInstance, WorkflowTemplate.name, Task.title)
                .join(WorkflowInstance, WorkflowInstance.id == WorkflowApproval.instance_id)
                .join(WorkflowTemplate, WorkflowTemplate.id == WorkflowInstance.template_id)
                .join(Task, Task.id == WorkflowApproval.task_id)
                .where(WorkflowApproval.user_id == self._ctx.actor_id)
                .order_by(WorkflowApproval.id)
            )
            if task_id is not None:
                query = query.where(WorkflowApproval.task_id == task_id)
            if open_only:
                query = query.where(
                    WorkflowApproval.answer.is_(None), WorkflowInstance.status.in_(("running", "waiting"))
                )
            return [
                ApprovalInfo(a.task_id or 0, i.id, a.step, title, name, i.entity, i.record_id, a.answer)
                for a, i, name, title in session.execute(query)
            ]

    # -- instances -------------------------------------------------------------------------------------

    def instances(
        self,
        *,
        status: str | None = None,
        template_id: int | None = None,
        entity: str | None = None,
        record_id: int | None = None,
        limit: int = 200,
    ) -> list[InstanceInfo]:
        """Instances newest first: a record's (its people), or everyone's (administrators)."""
        with self._ctx.read() as session:
            if record_id is None and not may_manage_settings(session, self._ctx.actor_id):
                raise PermissionDeniedError(MSG_DESIGN)
            if record_id is not None and entity is not None:
                _require_readable(session, self._ctx.actor_id, entity, record_id)
            query = (
                select(WorkflowInstance, WorkflowTemplate.name, WorkflowVersion.number, User.name)
                .join(WorkflowTemplate, WorkflowTemplate.id == WorkflowInstance.template_id)
                .join(WorkflowVersion, WorkflowVersion.id == WorkflowInstance.version_id)
                .outerjoin(User, User.id == WorkflowInstance.started_by_id)
                .order_by(WorkflowInstance.id.desc())
                .limit(limit)
            )
            if status == "live":
                query = query.where(WorkflowInstance.status.in_(("running", "waiting")))
            elif status is not None:
                query = query.where(WorkflowInstance.status == status)
            if template_id is not None:
                query = query.where(WorkflowInstance.template_id == template_id)
            if entity is not None:
                query = query.where(WorkflowInstance.entity == entity)
            if record_id is not None:
                query = query.where(WorkflowInstance.record_id == record_id)
            return [_instance(i, name, number, who) for i, name, number, who in session.execute(query)]

    def instance(self, instance_id: int) -> InstanceInfo:
        with self._ctx.read() as session:
            row = session.execute(
                select(WorkflowInstance, WorkflowTemplate.name, WorkflowVersion.number, User.name)
                .join(WorkflowTemplate, WorkflowTemplate.id == WorkflowInstance.template_id)
                .join(WorkflowVersion, WorkflowVersion.id == WorkflowInstance.version_id)
                .outerjoin(User, User.id == WorkflowInstance.started_by_id)
                .where(WorkflowInstance.id == instance_id)
            ).first()
            if row is None:
                raise NotFoundError(MSG_INSTANCE, id=instance_id)
            instance = row[0]
            if not may_manage_settings(session, self._ctx.actor_id):
                _require_readable(session, self._ctx.actor_id, instance.entity, instance.record_id)
            return _instance(*row)


def _check(name: str, entity: str, definition: dict[str, Any], settings: Mapping[str, Any]) -> None:
    problems = Problems()
    if not (name or "").strip() or len(name.strip()) > 200:
        problems.add("name", MSG_NAME)
    if entity not in ENTITIES:
        problems.add("entity", MSG_ENTITY, value=entity)
    else:
        definition.setdefault("parameters", [])
        definition.setdefault("variables", {})
        definition.setdefault("steps", [])
        check(definition, entity, problems)
    problems.raise_if_any()


def _definition(session: Any, template: WorkflowTemplate) -> dict[str, Any]:
    text = session.scalar(
        select(WorkflowVersion.definition).where(WorkflowVersion.id == template.current_version_id)
    )
    return parse(text)


def _template(session: Any, template: WorkflowTemplate) -> TemplateInfo:
    number = session.scalar(
        select(WorkflowVersion.number).where(WorkflowVersion.id == template.current_version_id)
    )
    running = session.scalar(
        select(func.count()).where(
            WorkflowInstance.template_id == template.id, WorkflowInstance.status.in_(("running", "waiting"))
        )
    )
    return TemplateInfo(
        template.id,
        template.name,
        template.description,
        template.entity,
        template.start_manual,
        template.start_on_create,
        template.start_on_change,
        json.loads(template.change_fields or "[]"),
        json.loads(template.starters or "[]"),
        template.active,
        template.version,
        number or 0,
        _definition(session, template),
        running or 0,
    )


def _instance(instance: WorkflowInstance, name: str, number: int, who: str | None) -> InstanceInfo:
    state = json.loads(instance.state or "{}")
    waiting = [
        next(iter(k for k in ("approval", "until", "field", "task") if k in token["wait"]), "")
        for token in state.get("tokens", [])
        if token.get("wait")
    ]
    return InstanceInfo(
        instance.id,
        instance.template_id,
        name,
        number,
        instance.entity,
        instance.record_id,
        instance.status,
        instance.started_at,
        instance.finished_at,
        who or "",
        instance.error,
        json.loads(instance.path or "[]"),
        waiting,
    )


def _close_approvals(session: Any, instance_id: int) -> None:
    open_tasks = select(WorkflowApproval.task_id).where(
        WorkflowApproval.instance_id == instance_id, WorkflowApproval.task_id.is_not(None)
    )
    session.execute(
        update(Task)
        .where(Task.id.in_(open_tasks), Task.done.is_(False))
        .values(done=True, completed_at=utcnow(), remind_at=None, version=Task.version + 1)
        .execution_options(synchronize_session=False)
    )


def _require_editable(session: Any, actor_id: int | None, entity: str, ids: Sequence[int]) -> None:
    """Refuse unless the acting person may change every one of these records."""
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        if entity == "deal":
            query = (
                select(func.count())
                .select_from(Deal)
                .where(Deal.id.in_(chunk), *deal_scope(session, actor_id, Action.EDIT))
            )
        elif entity == "invoice":
            query = (
                select(func.count())
                .select_from(Invoice)
                .join(Deal, Deal.id == Invoice.deal_id)
                .where(Invoice.id.in_(chunk), *deal_scope(session, actor_id, Action.EDIT))
            )
        else:
            model = MODELS[entity]
            query = (
                select(func.count())
                .select_from(model)
                .where(model.id.in_(chunk), *record_scope(session, actor_id, entity, model, Action.EDIT))
            )
        if session.scalar(query) != len(chunk):
            raise PermissionDeniedError(MSG_NOT_YOURS)


def _require_readable(session: Any, actor_id: int | None, entity: str, record_id: int) -> None:
    if entity == "deal":
        query = select(Deal.id).where(Deal.id == record_id, *deal_scope(session, actor_id))
    elif entity == "invoice":
        query = (
            select(Invoice.id)
            .join(Deal, Deal.id == Invoice.deal_id)
            .where(Invoice.id == record_id, *deal_scope(session, actor_id))
        )
    else:
        model = MODELS[entity]
        query = select(model.id).where(model.id == record_id, *record_scope(session, actor_id, entity, model))
    if session.scalar(query) is None:
        raise NotFoundError(MSG_INSTANCE, id=record_id)
