"""Starting workflows, and the hook that starts and wakes them as records change.

`start_in` writes the instances of a template for many records in the unit of work it is given, one
INSERT for all (the list's bulk bar starts a thousand in one transaction). The hook runs at the end of
every write, in it: templates that start when a record is created or changed (optionally only when
chosen fields change) get an instance for each such record, and instances waiting on a record that
changed are woken (a wait for a field, an approval's answer) so the engine looks at them at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import insert, select, update

from app.models import WorkflowInstance, WorkflowTemplate, WorkflowVersion, table_of, utcnow
from app.services.automation.running import CURRENT, MAX_DEPTH
from app.services.automation.waiting import waiting
from app.services.core.context import UnitOfWork
from app.services.core.errors import NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.workflows.definition import ENTITIES, parse
from app.services.workflows.state import State

MSG_NO_TEMPLATE = QT_TRANSLATE_NOOP("errors", "There is no workflow #{id} (or it is switched off).")
MSG_NUMBER = QT_TRANSLATE_NOOP("errors", "'{value}' is not a number.")
CHUNK = 500


def start_in(
    uow: UnitOfWork,
    template_id: int,
    record_ids: Sequence[int],
    parameters: Mapping[str, Any],
    *,
    depth: int = 0,
    entity: str | None = None,
) -> list[int]:
    """Instances of the template's current version for these records, running from now; their ids."""
    session = uow.session
    template = session.get(WorkflowTemplate, template_id)
    if template is None or not template.active or template.current_version_id is None:
        raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
    if entity is not None and template.entity != entity:
        raise NotFoundError(MSG_NO_TEMPLATE, id=template_id)
    definition = parse(
        session.scalar(
            select(WorkflowVersion.definition).where(WorkflowVersion.id == template.current_version_id)
        )
    )
    variables = {**definition.get("variables", {}), **dict(parameters)}
    for parameter in definition.get("parameters", []):
        name = parameter["name"]
        variables.setdefault(name, parameter.get("default"))
        variables[name] = typed(parameter.get("type", "text"), variables[name])
    state = State(vars=variables).dump()
    now = utcnow()
    rows = [
        {
            "template_id": template.id,
            "version_id": template.current_version_id,
            "entity": template.entity,
            "record_id": record_id,
            "status": "running",
            "state": state,
            "path": "[]",
            "next_at": now,
            "depth": depth,
            "started_by_id": uow.actor_id,
            "started_at": now,
            "steps_run": 0,
            "revision": 0,
        }
        for record_id in record_ids
    ]
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        ids += session.scalars(
            insert(table_of(WorkflowInstance)).returning(table_of(WorkflowInstance).c.id),
            rows[start : start + CHUNK],
        ).all()
    if ids:
        uow.emit("workflow_instance.created", ids, {template.entity})
    return ids


def typed(kind: str, value: Any) -> Any:
    """A parameter's value as its type, in JSON's terms (a number compares as a number later)."""
    if value in (None, ""):
        return None
    if kind == "number":
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation as exc:
            raise ValidationError.single("parameters", MSG_NUMBER, value=value) from exc
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == "bool":
        return str(value).lower() in ("1", "true", "yes", "ja")
    return str(value)


def workflow_hook(uow: UnitOfWork) -> None:
    created: dict[str, list[int]] = {}
    changed: dict[str, dict[int, set[str]]] = {}
    for event in uow.events:
        if event.entity not in ENTITIES:
            continue
        if event.action == "created":
            created.setdefault(event.entity, []).extend(event.ids)
        elif event.action in ("updated", "stage_changed", "issued", "cancelled", "reminded"):
            fields = set(event.fields) | ({"stage_id"} if event.action == "stage_changed" else set())
            if event.action in ("issued", "cancelled"):
                fields.add("state")
            for ident in event.ids:
                changed.setdefault(event.entity, {}).setdefault(ident, set()).update(fields)
    if not created and not changed:
        return
    session = uow.session
    if changed:
        _wake(uow, changed)
    if not waiting(session).templates:
        return  # no template starts by itself
    templates = session.execute(
        select(
            WorkflowTemplate.id,
            WorkflowTemplate.entity,
            WorkflowTemplate.start_on_create,
            WorkflowTemplate.start_on_change,
            WorkflowTemplate.change_fields,
        ).where(
            WorkflowTemplate.active.is_(True),
            WorkflowTemplate.entity.in_(set(created) | set(changed)),
            WorkflowTemplate.start_on_create.is_(True) | WorkflowTemplate.start_on_change.is_(True),
        )
    ).all()
    if not templates:
        return
    running = CURRENT.get()
    depth = running.depth + 1 if running is not None else 0
    if depth > MAX_DEPTH:
        return  # workflows changing records that start workflows: stopped here (the loop guard)
    for template in templates:
        wanted: list[int] = []
        if template.start_on_create:
            wanted += created.get(template.entity, [])
        if template.start_on_change:
            only = set(json.loads(template.change_fields or "[]"))
            new = set(created.get(template.entity, []))
            wanted += [
                ident
                for ident, fields in changed.get(template.entity, {}).items()
                if ident not in new and (not only or only & fields)
            ]
        if wanted:
            start_in(uow, template.id, list(dict.fromkeys(wanted)), {}, depth=depth)


def _wake(uow: UnitOfWork, changed: dict[str, dict[int, set[str]]]) -> None:
    session = uow.session
    if not waiting(session).workflows:
        return  # nothing waits anywhere: the usual case
    now = utcnow()
    for entity, records in changed.items():
        ids = sorted(records)
        for start in range(0, len(ids), CHUNK):
            session.execute(
                update(WorkflowInstance)
                .where(
                    WorkflowInstance.entity == entity,
                    WorkflowInstance.record_id.in_(ids[start : start + CHUNK]),
                    WorkflowInstance.status == "waiting",
                )
                .values(next_at=now)
                .execution_options(synchronize_session=False)
            )
