"""Office-wide rules on fields: who may see or edit a field, and from which stage on it is required.

Access is honoured by the forms (hidden / read-only for the others) and enforced by the services: a
change of a field the person may not change is refused from every path (`require_editable`).
Required-by-stage is enforced by the services on every way a deal reaches a stage (form, kanban, list,
bulk): a MissingFieldsError names what is missing, the views ask for it and try again with the values.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.models import (
    CustomFieldDefinition,
    Deal,
    EntityType,
    FieldRule,
    Stage,
    StageRequirement,
    StageSemantic,
    deal_contact,
)
from app.services.access.permissions import require_admin
from app.services.access.scope import access_for
from app.services.core.context import ServiceContext
from app.services.core.errors import (
    FieldProblem,
    Message,
    MissingFieldsError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.vocabulary import FIELD_LABELS
from app.services.fields.custom_fields import CustomFieldInfo, field_info, read_values
from app.services.fields.form_layouts import STANDARD_FIELDS, field_keys
from app.storage.database import transaction_memo

CHUNK = 500  # deal ids per statement
NO_REQUIREMENTS = "pipelines_without_requirements"  # in a transaction's memo: pipelines known to have none
MSG_ADMIN = QT_TRANSLATE_NOOP("errors", "Changing the rules of a field needs the right to manage settings.")
MSG_NEEDED = QT_TRANSLATE_NOOP("errors", "{label} is needed from stage '{stage}' on.")


@dataclass(frozen=True, slots=True)
class FieldRuleInfo:
    key: str
    visible_to: tuple[int, ...] | None  # user ids; None: everyone
    editable_by: tuple[int, ...] | None
    required_from: Mapping[int, int]  # pipeline id -> the first stage that needs the field

    def may_see(self, user_id: int | None) -> bool:
        return self.visible_to is None or user_id is None or user_id in self.visible_to

    def may_edit(self, user_id: int | None) -> bool:
        return self.may_see(user_id) and (
            self.editable_by is None or user_id is None or user_id in self.editable_by
        )


def _ids(text: str | None) -> tuple[int, ...] | None:
    return None if text is None else tuple(int(i) for i in json.loads(text))


def field_label(session: Session, entity: EntityType, key: str) -> Message | str:
    """A field's name for messages: translatable for standard fields, as typed for custom ones."""
    if key.startswith("uf:"):
        label = session.scalar(
            select(CustomFieldDefinition.label).where(
                CustomFieldDefinition.entity_type == entity, CustomFieldDefinition.code == key[3:]
            )
        )
        return Message(label or key)
    return FIELD_LABELS.get(key, key)


class FieldRuleService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def rules(self, entity: EntityType = EntityType.DEAL) -> dict[str, FieldRuleInfo]:
        """The rules of every field that has one (fields without are open to all, never required)."""
        with self._ctx.read() as session:
            access = {
                r.field_key: r
                for r in session.scalars(select(FieldRule).where(FieldRule.entity_type == entity.value))
            }
            required: dict[str, dict[int, int]] = {}
            for req in session.scalars(
                select(StageRequirement).where(StageRequirement.entity_type == entity.value)
            ):
                required.setdefault(req.field_key, {})[req.pipeline_id] = req.stage_id
            keys = set(access) | set(required)
            return {
                key: FieldRuleInfo(
                    key,
                    _ids(access[key].visible_to) if key in access else None,
                    _ids(access[key].editable_by) if key in access else None,
                    required.get(key, {}),
                )
                for key in sorted(keys)
            }

    def hidden_for_me(self, entity: EntityType = EntityType.DEAL) -> frozenset[str]:
        """The fields the acting person may not see (left out of what they are shown or given)."""
        with self._ctx.read() as session:
            return field_access(session, entity, self._ctx.actor_id)[0]

    def required_at_stage(self, stage_id: int) -> list[str]:
        """The fields a deal needs to be in this stage (its own and earlier stages' requirements)."""
        with self._ctx.read() as session:
            stage = session.get(Stage, stage_id)
            return required_at(session, stage) if stage is not None else []

    def set_access(
        self,
        entity: EntityType,
        key: str,
        *,
        visible_to: Sequence[int] | None,
        editable_by: Sequence[int] | None,
    ) -> None:
        """Who may see and who may edit a field (None: everybody)."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            _check_key(session, entity, key)
            row = session.scalar(
                select(FieldRule).where(FieldRule.entity_type == entity.value, FieldRule.field_key == key)
            )
            if row is None:
                row = FieldRule(entity_type=entity.value, field_key=key)
                session.add(row)
            before = (row.visible_to, row.editable_by)
            row.visible_to = None if visible_to is None else json.dumps(sorted(set(visible_to)))
            row.editable_by = None if editable_by is None else json.dumps(sorted(set(editable_by)))
            session.flush()
            if before != (row.visible_to, row.editable_by):
                uow.history.changed(
                    "field_rule",
                    row.id,
                    row.version,
                    {key: (json.dumps(before), json.dumps([row.visible_to, row.editable_by]))},
                )
                uow.emit("field_rule.updated", [row.id], {key})

    def set_required_from(self, entity: EntityType, key: str, pipeline_id: int, stage_id: int | None) -> None:
        """Make a field required from a stage of a pipeline on (None: never required there)."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            _check_key(session, entity, key)
            if stage_id is not None:
                stage = session.get(Stage, stage_id)
                if stage is None or stage.pipeline_id != pipeline_id:
                    raise ValidationError.single(
                        "stage_id", QT_TRANSLATE_NOOP("errors", "Choose a stage of this pipeline.")
                    )
            row = session.scalar(
                select(StageRequirement).where(
                    StageRequirement.entity_type == entity.value,
                    StageRequirement.field_key == key,
                    StageRequirement.pipeline_id == pipeline_id,
                )
            )
            before = row.stage_id if row is not None else None
            if stage_id is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    StageRequirement(
                        entity_type=entity.value, field_key=key, pipeline_id=pipeline_id, stage_id=stage_id
                    )
                )
            else:
                row.stage_id = stage_id
            if before != stage_id:
                uow.history.changed("pipeline", pipeline_id, 0, {f"required:{key}": (before, stage_id)})
                uow.emit("field_rule.updated", [pipeline_id], {key})


def _check_key(session: Session, entity: EntityType, key: str) -> None:
    if key not in field_keys(session, entity):
        raise ValidationError.single(
            "field", QT_TRANSLATE_NOOP("errors", "There is no field '{key}'."), key=key
        )


# -- required by stage: used by the deal services in their own transactions --------------------


def required_at(session: Session, stage: Stage) -> list[str]:
    """The fields a deal needs to be in this stage: required at it or at an earlier stage of its
    pipeline. Nothing is required to lose a deal."""
    if stage.semantic is StageSemantic.LOST:
        return []
    if stage.pipeline_id in transaction_memo(session.connection()).get(NO_REQUIREMENTS, ()):
        return []  # known, in this transaction, to have none
    rows = session.execute(
        select(StageRequirement.field_key, Stage.sort, Stage.id)
        .join(Stage, Stage.id == StageRequirement.stage_id)
        .where(StageRequirement.entity_type == "deal", StageRequirement.pipeline_id == stage.pipeline_id)
    ).all()
    return [key for key, sort, stage_id in rows if (sort, stage_id) <= (stage.sort, stage.id)]


def has_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, set)):
        return bool(value)
    if isinstance(value, Decimal):
        return value != 0
    return True


def missing_for_stage(
    session: Session,
    stage: Stage,
    deal_ids: Sequence[int],
    fill: Mapping[str, Any] | None = None,
    pending: Mapping[int, Mapping[str, Any]] | None = None,
) -> None:
    """Raise MissingFieldsError when any of these deals would lack a field this stage needs.

    `fill` are values about to be set on every deal, `pending` per deal (a form's unsaved values);
    both count as present. Reads stored values in chunks: fine for a bulk move of 10,000 deals.
    """
    keys = required_at(session, stage)
    if not keys:
        return
    fill = fill or {}
    pending = pending or {}
    custom = {
        f"uf:{d.code}": field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition).where(
                CustomFieldDefinition.entity_type == EntityType.DEAL,
                CustomFieldDefinition.code.in_([k[3:] for k in keys if k.startswith("uf:")]),
            )
        )
    }
    standard = [k for k in keys if k in STANDARD_FIELDS[EntityType.DEAL] and k != "contact_ids"]
    missing: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(deal_ids), CHUNK):
        chunk = [i for i in deal_ids[start : start + CHUNK] if i > 0]
        stored = _stored_values(session, chunk, standard, "contact_ids" in keys, list(custom.values()))
        for deal_id in deal_ids[start : start + CHUNK]:
            values = {**stored.get(deal_id, {}), **fill, **pending.get(deal_id, {})}
            known = custom.keys() | set(STANDARD_FIELDS[EntityType.DEAL])
            lacking = tuple(k for k in keys if k in known and not has_value(values.get(k)))
            if lacking:
                missing[deal_id] = lacking
    if missing:
        labels = {k: field_label(session, EntityType.DEAL, k) for k in keys}
        first = next(iter(missing.values()))
        problems = [
            FieldProblem(k, Message(MSG_NEEDED, {"label": labels[k], "stage": stage.name})) for k in first
        ]
        versions: dict[int, int] = {}
        known_ids = [i for i in missing if i > 0]
        for start in range(0, len(known_ids), CHUNK):
            chunk = known_ids[start : start + CHUNK]
            rows = session.execute(select(Deal.id, Deal.version).where(Deal.id.in_(chunk)))
            versions.update((deal_id, version) for deal_id, version in rows)
        raise MissingFieldsError(problems, stage_id=stage.id, missing=missing, versions=versions)


def _stored_values(
    session: Session,
    deal_ids: list[int],
    standard: Iterable[str],
    contacts: bool,
    custom: Sequence[CustomFieldInfo],
) -> dict[int, dict[str, Any]]:
    if not deal_ids:
        return {}
    columns = [getattr(Deal, k) for k in standard]
    result: dict[int, dict[str, Any]] = {i: {} for i in deal_ids}
    if columns:
        names = list(standard)
        for row in session.execute(select(Deal.id, *columns).where(Deal.id.in_(deal_ids))):
            result[row[0]] = dict(zip(names, row[1:], strict=True))
    if contacts:
        for deal_id in session.scalars(
            select(deal_contact.c.deal_id).where(deal_contact.c.deal_id.in_(deal_ids)).distinct()
        ):
            result[deal_id]["contact_ids"] = [True]
    if custom:
        by_id = {f.id: f"uf:{f.code}" for f in custom}
        for deal_id, values in read_values(session.connection(), custom, deal_ids).items():
            for field_id, value in values.items():
                result[deal_id][by_id[field_id]] = value
    return result


def field_access(
    session: Session | Connection, entity: EntityType, actor_id: int | None
) -> tuple[frozenset[str], frozenset[str]]:
    """The fields the acting person may not see, and those they may see but not change (field
    keys: "amount", "uf:region"). Administrators and the system itself: none."""
    # Asked in the middle of a change: reading must not flush the half-made change (a second version).
    with session.no_autoflush if isinstance(session, Session) else contextlib.nullcontext():
        if access_for(session, actor_id).unrestricted:
            return frozenset(), frozenset()
        rules = list(session.scalars(select(FieldRule).where(FieldRule.entity_type == entity.value)))
    hidden: set[str] = set()
    read_only: set[str] = set()
    for rule in rules:
        visible, editable = _ids(rule.visible_to), _ids(rule.editable_by)
        if visible is not None and actor_id not in visible:
            hidden.add(rule.field_key)
        elif editable is not None and actor_id not in editable:
            read_only.add(rule.field_key)
    return frozenset(hidden), frozenset(read_only)


def require_editable(session: Session, entity: EntityType, actor_id: int | None, keys: Iterable[str]) -> None:
    """Refuse a change of fields the acting person may not change (hidden or read-only for them),
    from whatever path it comes: form, edit, bulk, import, automation."""
    hidden, read_only = field_access(session, entity, actor_id)
    refused = sorted({k for k in keys if k in hidden or k in read_only})
    if refused:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("errors", "You may not change {fields}."),
            fields=[field_label(session, entity, key) for key in refused],
        )
