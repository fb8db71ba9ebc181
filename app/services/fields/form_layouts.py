"""Form layouts: which fields a form shows, in which sections (blocks), in one or two columns.

A layout is the office's (shared) or one person's, for every pipeline or for one. Which one a
form uses: a forced shared layout (the pipeline's, then the general one), else the person's own
(pipeline's, then general), else the shared one (pipeline's, then general), else the default.
Fields a stored layout does not place (a custom field created since) join its last section, so
nothing new is ever invisible; fields it names that no longer exist are dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CustomFieldDefinition, EntityType, FormLayout
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import FieldProblem, Message, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict
from app.services.core.vocabulary import FIELD_LABELS

MAX_SECTIONS = 30
MAX_TITLE = 100

# The fields of each kind of record that a layout can place (the deal's stage is the stage bar).
STANDARD_FIELDS: dict[EntityType, tuple[str, ...]] = {
    EntityType.DEAL: (
        "title",
        "pipeline_id",
        "amount",
        "begin_date",
        "close_date",
        "probability",
        "responsible_id",
        "source",
        "company_id",
        "contact_ids",
        "comments",
        "observer_ids",
        "is_open",
    ),
    EntityType.CONTACT: (
        "first_name",
        "last_name",
        "position",
        "phone",
        "email",
        "address",
        "company_ids",
        "responsible_id",
        "comments",
        "is_open",
    ),
    EntityType.COMPANY: (
        "title",
        "industry",
        "phone",
        "email",
        "website",
        "address",
        "vat_id",
        "leitweg_id",
        "responsible_id",
        "comments",
        "is_open",
    ),
    EntityType.LEAD: (
        "title",
        "first_name",
        "last_name",
        "company_title",
        "email",
        "phone",
        "source",
        "responsible_id",
        "comments",
        "is_open",
    ),
}
# Fields that are always required and can't be hidden.
ALWAYS_REQUIRED: dict[EntityType, frozenset[str]] = {
    EntityType.DEAL: frozenset({"title"}),
    EntityType.CONTACT: frozenset(),
    EntityType.COMPANY: frozenset({"title"}),
    EntityType.LEAD: frozenset({"title"}),
}
# Default section titles, translated where shown: a section keeps its key, and its title stays
# None until somebody renames it, so German users see German titles in a layout made in English.
SECTION_TITLES: dict[str, str] = {
    "main": QT_TRANSLATE_NOOP("forms", "About the deal"),
    "customer": QT_TRANSLATE_NOOP("forms", "Customer"),
    "person": QT_TRANSLATE_NOOP("forms", "About the person"),
    "company": QT_TRANSLATE_NOOP("forms", "About the company"),
    "lead": QT_TRANSLATE_NOOP("forms", "About the lead"),
    "more": QT_TRANSLATE_NOOP("forms", "More"),
    "new": QT_TRANSLATE_NOOP("forms", "New section"),
}


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str | None  # None: the default title of its key (translated)
    columns: int  # 1 or 2
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FormLayoutInfo:
    entity: EntityType
    sections: tuple[Section, ...]
    hidden: tuple[str, ...]
    scope: str  # "default", "shared" or "personal": where this layout comes from
    pipeline_id: int | None
    forced: bool
    version: int | None  # of the stored layout (None for the default)

    def placed(self) -> list[str]:
        return [f for s in self.sections for f in s.fields]


def field_keys(session: Session, entity: EntityType) -> list[str]:
    """Every field a form of this entity can show: standard ones, then custom ones ("uf:<code>")."""
    custom = session.scalars(
        select(CustomFieldDefinition.code)
        .where(CustomFieldDefinition.entity_type == entity)
        .order_by(CustomFieldDefinition.sort, CustomFieldDefinition.id)
    )
    return [*STANDARD_FIELDS[entity], *(f"uf:{code}" for code in custom)]


def default_sections(entity: EntityType, keys: Sequence[str]) -> tuple[Section, ...]:
    custom = tuple(k for k in keys if k.startswith("uf:"))
    if entity is EntityType.DEAL:
        return (
            Section(
                "main",
                None,
                2,
                (
                    "title",
                    "amount",
                    "pipeline_id",
                    "probability",
                    "begin_date",
                    "close_date",
                    "responsible_id",
                    "source",
                ),
            ),
            Section("customer", None, 1, ("company_id", "contact_ids")),
            Section("more", None, 1, ("comments", *custom, "observer_ids", "is_open")),
        )
    key = {EntityType.CONTACT: "person", EntityType.COMPANY: "company", EntityType.LEAD: "lead"}[entity]
    standard = tuple(k for k in STANDARD_FIELDS[entity] if k not in ("comments", "is_open"))
    return (Section(key, None, 2, standard), Section("more", None, 1, ("comments", *custom, "is_open")))


def normalise(layout: FormLayoutInfo, keys: Sequence[str]) -> FormLayoutInfo:
    """Drop fields that no longer exist; put fields placed nowhere (and not hidden) in the last section."""
    known = set(keys)
    required = ALWAYS_REQUIRED[layout.entity]
    seen: set[str] = set()
    sections = []
    for section in layout.sections:
        fields = tuple(f for f in section.fields if f in known and f not in seen)
        seen.update(fields)
        sections.append(replace(section, fields=fields))
    hidden = tuple(f for f in layout.hidden if f in known and f not in seen and f not in required)
    seen.update(hidden)
    missing = tuple(k for k in keys if k not in seen)
    if missing:
        if not sections:
            sections.append(Section("more", None, 1, ()))
        last = sections[-1]
        sections[-1] = replace(last, fields=last.fields + missing)
    return replace(layout, sections=tuple(sections), hidden=hidden)


def parse_definition(text: str) -> tuple[tuple[Section, ...], tuple[str, ...]]:
    data = json.loads(text)
    sections = tuple(
        Section(
            str(s["key"]),
            s.get("title"),
            2 if s.get("columns") == 2 else 1,
            tuple(str(f) for f in s.get("fields", ())),
        )
        for s in data.get("sections", ())
    )
    return sections, tuple(str(f) for f in data.get("hidden", ()))


def dump_definition(sections: Sequence[Section], hidden: Sequence[str]) -> str:
    return json.dumps(
        {
            "sections": [
                {"key": s.key, "title": s.title, "columns": s.columns, "fields": list(s.fields)}
                for s in sections
            ],
            "hidden": list(hidden),
        },
        ensure_ascii=False,
    )


class FormLayoutService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def layout(self, entity: EntityType, pipeline_id: int | None = None) -> FormLayoutInfo:
        """The layout the signed-in person's form uses (see the module's docstring for the order)."""
        with self._ctx.read() as session:
            keys = field_keys(session, entity)
            rows = {
                (row.user_id, row.pipeline_id): row
                for row in session.scalars(
                    select(FormLayout).where(
                        FormLayout.entity_type == entity.value,
                        (FormLayout.user_id.is_(None)) | (FormLayout.user_id == self._ctx.actor_id),
                    )
                )
            }
            me = self._ctx.actor_id
            pipelines = [pipeline_id, None] if pipeline_id is not None else [None]
            order: list[FormLayout | None] = [
                row for p in pipelines if (row := rows.get((None, p))) is not None and row.forced
            ]
            if me is not None:
                order += [rows.get((me, p)) for p in pipelines]
            order += [rows.get((None, p)) for p in pipelines]
            chosen = next((row for row in order if row is not None), None)
            if chosen is None:
                return self.default(entity, keys)
            return normalise(_info(entity, chosen), keys)

    def stored(
        self, entity: EntityType, *, shared: bool, pipeline_id: int | None = None
    ) -> FormLayoutInfo | None:
        """The shared or the person's own layout for exactly this pipeline (None: there is none)."""
        with self._ctx.read() as session:
            row = _row(session, entity, None if shared else self._ctx.actor_id, pipeline_id)
            return normalise(_info(entity, row), field_keys(session, entity)) if row else None

    def default(self, entity: EntityType, keys: Sequence[str] | None = None) -> FormLayoutInfo:
        if keys is None:
            with self._ctx.read() as session:
                keys = field_keys(session, entity)
        return FormLayoutInfo(entity, default_sections(entity, keys), (), "default", None, False, None)

    def save(
        self,
        entity: EntityType,
        sections: Sequence[Section],
        hidden: Sequence[str] = (),
        *,
        shared: bool = False,
        pipeline_id: int | None = None,
        forced: bool = False,
        expected_version: int | None = None,
    ) -> FormLayoutInfo:
        """Store a layout: the person's own, or (administrators) the office's, optionally forced."""
        problems: list[tuple[str, str, dict[str, Any]]] = []
        if not sections:
            problems.append(
                ("sections", QT_TRANSLATE_NOOP("errors", "A form needs at least one section."), {})
            )
        if len(sections) > MAX_SECTIONS:
            problems.append(
                (
                    "sections",
                    QT_TRANSLATE_NOOP("errors", "A form can have at most {max} sections."),
                    {"max": MAX_SECTIONS},
                )
            )
        for section in sections:
            if section.title is not None and not section.title.strip():
                problems.append(("sections", QT_TRANSLATE_NOOP("errors", "Every section needs a name."), {}))
            elif section.title is not None and len(section.title) > MAX_TITLE:
                problems.append(
                    (
                        "sections",
                        QT_TRANSLATE_NOOP("errors", "A section's name can be at most {max} characters long."),
                        {"max": MAX_TITLE},
                    )
                )
        if problems:
            raise ValidationError([FieldProblem(f, Message(t, p)) for f, t, p in problems])
        user_id = None if shared else self._ctx.actor_id
        with self._ctx.write() as uow:
            session = uow.session
            if shared:
                require_admin(
                    session,
                    self._ctx.actor_id,
                    QT_TRANSLATE_NOOP(
                        "errors", "Changing the form for everyone needs the right to manage settings."
                    ),
                )
            keys = field_keys(session, entity)
            hiding_required = ALWAYS_REQUIRED[entity] & set(hidden)
            if hiding_required:
                raise ValidationError.single(
                    "hidden",
                    QT_TRANSLATE_NOOP("errors", "{label} is always required, so it can't be hidden."),
                    label=FIELD_LABELS.get(sorted(hiding_required)[0], sorted(hiding_required)[0]),
                )
            clean = [replace(s, title=s.title.strip() if s.title is not None else None) for s in sections]
            layout = normalise(
                FormLayoutInfo(entity, tuple(clean), tuple(hidden), "", pipeline_id, forced, None), keys
            )
            definition = dump_definition(layout.sections, layout.hidden)
            row = _row(session, entity, user_id, pipeline_id)
            if row is None:
                row = FormLayout(
                    entity_type=entity.value,
                    user_id=user_id,
                    pipeline_id=pipeline_id,
                    forced=forced and shared,
                    definition=definition,
                )
                session.add(row)
            else:
                if expected_version is not None:
                    check_version(session, "form_layout", row, expected_version, "")
                row.definition = definition
                row.forced = forced and shared
            flush_or_conflict(session, "form_layout", "")
            uow.history.changed("form_layout", row.id, row.version, {"definition": (None, definition)})
            uow.emit("form_layout.updated", [row.id])
            return _info(entity, row)

    def reset(self, entity: EntityType, *, shared: bool = False, pipeline_id: int | None = None) -> None:
        """Remove a stored layout: the form falls back to the next one in line (finally the default)."""
        with self._ctx.write() as uow:
            session = uow.session
            if shared:
                require_admin(
                    session,
                    self._ctx.actor_id,
                    QT_TRANSLATE_NOOP(
                        "errors", "Changing the form for everyone needs the right to manage settings."
                    ),
                )
            row = _row(session, entity, None if shared else self._ctx.actor_id, pipeline_id)
            if row is not None:
                uow.history.deleted("form_layout", row.id, row.version + 1, "")
                session.delete(row)
                uow.emit("form_layout.deleted", [row.id])


def _row(
    session: Session, entity: EntityType, user_id: int | None, pipeline_id: int | None
) -> FormLayout | None:
    return session.scalar(
        select(FormLayout).where(
            FormLayout.entity_type == entity.value,
            FormLayout.user_id.is_(None) if user_id is None else FormLayout.user_id == user_id,
            FormLayout.pipeline_id.is_(None)
            if pipeline_id is None
            else FormLayout.pipeline_id == pipeline_id,
        )
    )


def _info(entity: EntityType, row: FormLayout) -> FormLayoutInfo:
    sections, hidden = parse_definition(row.definition)
    return FormLayoutInfo(
        entity,
        sections,
        hidden,
        "shared" if row.user_id is None else "personal",
        row.pipeline_id,
        row.forced,
        row.version,
    )
