"""The contact and company lists: counted, sorted, searched and read a page at a time; exported;
changed in bulk (responsible, delete) with history, in one transaction."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, delete, func, insert, literal, or_, select, update

from app.exporting.tables import write_csv, write_xlsx
from app.models import (
    Company,
    Contact,
    Deal,
    EntityType,
    HistoryEntry,
    User,
    contact_company,
    deal_contact,
    utcnow,
)
from app.services.access.rights import Action
from app.services.access.scope import record_scope
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import clean_fields, delete_custom_values, id_field
from app.services.fields.custom_fields import CustomFieldService, read_values

CHUNK = 500
Progress = Callable[[int, int], None]


class CustomerKind(enum.StrEnum):
    CONTACT = "contact"
    COMPANY = "company"

    @property
    def entity(self) -> EntityType:
        return EntityType.CONTACT if self is CustomerKind.CONTACT else EntityType.COMPANY


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One row of the contact or company list."""

    id: int
    name: str
    detail: str | None  # a contact's position, a company's industry
    phone: str | None
    email: str | None
    related: str | None  # a contact's companies, a company's website
    responsible_name: str | None
    deals: int
    created_at: datetime
    version: int


@dataclass(frozen=True)
class CustomerSort:
    column: str = "name"  # name, detail, phone, email, responsible, deals, created_at
    descending: bool = False


class CustomerQueryService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    # -- reading ----------------------------------------------------------------------------------

    def _scope(self, session: Any, kind: CustomerKind, action: Action = Action.READ) -> list[Any]:
        """The records this person may read (and `action`), as conditions."""
        model = _model(kind)
        scope = record_scope(session, self._ctx.actor_id, kind.value, model)
        if action is not Action.READ:
            scope += record_scope(session, self._ctx.actor_id, kind.value, model, action)
        return scope

    def _allowed(self, session: Any, kind: CustomerKind, ids: Sequence[int], action: Action) -> list[int]:
        """Those of `ids` this person may `action`, in their order."""
        scope = self._scope(session, kind, action)
        if not scope:
            return list(ids)
        model = _model(kind)
        allowed: set[int] = set()
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            allowed.update(session.scalars(select(model.id).where(model.id.in_(chunk), *scope)))
        return [i for i in ids if i in allowed]

    def count(self, kind: CustomerKind, search: str = "", responsible_id: int | None = None) -> int:
        model = _model(kind)
        with self._ctx.read() as session:
            stmt = (
                select(func.count())
                .select_from(model)
                .where(*_conditions(kind, search, responsible_id), *self._scope(session, kind))
            )
            return session.scalar(stmt) or 0

    def page(
        self,
        kind: CustomerKind,
        sort: CustomerSort,
        offset: int,
        limit: int,
        *,
        search: str = "",
        responsible_id: int | None = None,
    ) -> list[CustomerRow]:
        model = _model(kind)
        with self._ctx.read() as session:
            # The page's ids first (along an index where the sort has one), then their rows: the
            # companies and deal counts are not worked out for the rows skipped by OFFSET.
            ids = select(model.id).where(
                *_conditions(kind, search, responsible_id), *self._scope(session, kind)
            )
            if sort.column == "responsible":
                ids = ids.outerjoin(User, User.id == model.responsible_id)
            ids = ids.order_by(*_order(kind, sort)).offset(offset).limit(limit)
            wanted = list(session.scalars(ids))
        return self.rows(kind, wanted)

    def ids(self, kind: CustomerKind, search: str = "", responsible_id: int | None = None) -> list[int]:
        model = _model(kind)
        with self._ctx.read() as session:
            stmt = (
                select(model.id)
                .where(*_conditions(kind, search, responsible_id), *self._scope(session, kind))
                .order_by(model.id)
            )
            return list(session.scalars(stmt))

    def rows(self, kind: CustomerKind, ids: Sequence[int]) -> list[CustomerRow]:
        model = _model(kind)
        found: dict[int, CustomerRow] = {}
        with self._ctx.read() as session:
            scope = self._scope(session, kind)
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                for row in session.execute(
                    _rows_statement(kind, self._dialect).where(model.id.in_(chunk), *scope)
                ):
                    found[row[0]] = CustomerRow(*row)
        return [found[i] for i in ids if i in found]

    # -- changing many -----------------------------------------------------------------------------

    def set_responsible(self, kind: CustomerKind, ids: Sequence[int], user_id: int | None) -> int:
        """Hand these records to a person (or nobody); how many changed."""
        model = _model(kind)
        with self._ctx.write() as uow:
            session = uow.session
            clean = clean_fields(
                session, {"responsible_id": id_field("responsible_id", User)}, {"responsible_id": user_id}
            )
            new = clean["responsible_id"]
            now = utcnow()
            changed: list[int] = []
            ids = self._allowed(session, kind, ids, Action.EDIT)  # the others are left as they are
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                condition = model.id.in_(chunk) & (
                    model.responsible_id.is_(None)
                    if new is None
                    else model.responsible_id.is_distinct_from(new)
                )
                changed.extend(session.scalars(select(model.id).where(condition)))
                session.execute(
                    _history(
                        kind,
                        model,
                        "updated",
                        literal("responsible_id"),
                        cast(model.responsible_id, String),
                        literal(None if new is None else str(new), String),
                        uow.actor_id,
                        now,
                        condition,
                    )
                )
                session.execute(
                    update(model)
                    .where(condition)
                    .values(
                        responsible_id=new,
                        version=model.version + 1,
                        updated_at=now,
                        updated_by_id=uow.actor_id,
                    )
                    .execution_options(synchronize_session=False)
                )
            if changed:
                uow.emit(f"{kind.value}.updated", changed, {"responsible_id"})
            return len(changed)

    def delete(self, kind: CustomerKind, ids: Sequence[int], progress: Progress | None = None) -> int:
        """Delete these records (their deals stay, without them); history says who deleted what."""
        model = _model(kind)
        title = _name(kind)
        with self._ctx.write() as uow:
            session = uow.session
            now = utcnow()
            gone: list[int] = []
            ids = self._allowed(session, kind, ids, Action.DELETE)  # the others are left as they are
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                session.execute(
                    _history(
                        kind,
                        model,
                        "deleted",
                        literal(None, String),
                        title,
                        literal(None, String),
                        uow.actor_id,
                        now,
                        model.id.in_(chunk),
                    )
                )
                found = list(session.scalars(select(model.id).where(model.id.in_(chunk))))
                delete_custom_values(session, kind.entity, found)
                if kind is CustomerKind.COMPANY:
                    session.execute(
                        update(Deal)
                        .where(Deal.company_id.in_(found))
                        .values(company_id=None)
                        .execution_options(synchronize_session=False)
                    )
                    session.execute(delete(contact_company).where(contact_company.c.company_id.in_(found)))
                else:
                    session.execute(delete(deal_contact).where(deal_contact.c.contact_id.in_(found)))
                    session.execute(delete(contact_company).where(contact_company.c.contact_id.in_(found)))
                session.execute(
                    delete(model).where(model.id.in_(found)).execution_options(synchronize_session=False)
                )
                gone.extend(found)
                if progress is not None:
                    progress(start + len(chunk), len(ids))
            if gone:
                uow.emit(f"{kind.value}.deleted", gone)
            return len(gone)

    # -- export -----------------------------------------------------------------------------------

    def export(
        self,
        kind: CustomerKind,
        ids: Sequence[int],
        path: Path,
        header: Mapping[str, str],
        *,
        xlsx: bool = False,
        delimiter: str = ",",
        progress: Progress | None = None,
    ) -> int:
        """These records (in this order) to CSV or XLSX: the list's columns, then custom fields.
        `header` names each column in the user's language (keys: name, detail, phone, email,
        related, responsible, deals, created_at)."""
        fields = CustomFieldService(self._ctx).list(kind.entity)
        with self._ctx.read() as session:
            ids = self._allowed(session, kind, ids, Action.EXPORT)  # only what the role lets one export
        keys = ["name", "detail", "phone", "email", "related", "responsible", "deals", "created_at"]
        titles = [header.get(k, k) for k in keys] + [f.label for f in fields]

        def rows() -> Iterator[list[Any]]:
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                batch = self.rows(kind, chunk)
                with self._ctx.connect() as conn:
                    custom = read_values(conn, fields, chunk)
                for row in batch:
                    values = custom.get(row.id, {})
                    yield [
                        row.name,
                        row.detail,
                        row.phone,
                        row.email,
                        row.related,
                        row.responsible_name,
                        row.deals,
                        row.created_at,
                        *(_cell(f, values.get(f.id)) for f in fields),
                    ]
                if progress is not None:
                    progress(start + len(chunk), len(ids))

        if xlsx:
            return write_xlsx(path, titles, rows())
        return write_csv(path, titles, rows(), delimiter=delimiter)


# -- statements -----------------------------------------------------------------------------------------


def _history(
    kind: CustomerKind,
    model: Any,
    action: str,
    field: Any,
    old: Any,
    new: Any,
    actor_id: int | None,
    at: Any,
    where: Any,
) -> Any:
    """One history row per record matching `where`, written by the database (INSERT ... SELECT)."""
    columns = [
        "entity_type",
        "entity_id",
        "action",
        "field",
        "old_value",
        "new_value",
        "version",
        "user_id",
        "at",
    ]
    return insert(HistoryEntry).from_select(
        columns,
        select(
            literal(kind.value),
            model.id,
            literal(action),
            field,
            old,
            new,
            model.version + 1,
            literal(actor_id, HistoryEntry.user_id.type),
            literal(at, HistoryEntry.at.type),
        ).where(where),
    )


def _model(kind: CustomerKind) -> Any:
    return Contact if kind is CustomerKind.CONTACT else Company


def _name(kind: CustomerKind) -> Any:
    if kind is CustomerKind.CONTACT:
        return func.trim(Contact.first_name + literal(" ") + Contact.last_name)
    return Company.title


def _conditions(kind: CustomerKind, search: str, responsible_id: int | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    model = _model(kind)
    if responsible_id is not None:
        conditions.append(model.responsible_id == responsible_id)
    text = " ".join(search.split())
    if text:
        if len(text) > 100:
            raise ValidationError.single(
                "search", QT_TRANSLATE_NOOP("errors", "Search for at most 100 characters.")
            )
        starts = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        anywhere = "%" + starts
        if kind is CustomerKind.CONTACT:
            conditions.append(
                or_(
                    Contact.last_name.ilike(starts, escape="\\"),
                    Contact.first_name.ilike(starts, escape="\\"),
                    _name(kind).ilike(starts, escape="\\"),
                    Contact.email.ilike(starts, escape="\\"),
                    Contact.phone.ilike(anywhere, escape="\\"),
                )
            )
        else:
            conditions.append(
                or_(
                    Company.title.ilike(anywhere, escape="\\"),
                    Company.email.ilike(starts, escape="\\"),
                    Company.phone.ilike(anywhere, escape="\\"),
                )
            )
    return conditions


def _deal_count(kind: CustomerKind) -> Any:
    if kind is CustomerKind.CONTACT:
        return (
            select(func.count())
            .select_from(deal_contact)
            .where(deal_contact.c.contact_id == Contact.id)
            .scalar_subquery()
        )
    return select(func.count()).select_from(Deal).where(Deal.company_id == Company.id).scalar_subquery()


def _rows_statement(kind: CustomerKind, dialect: str) -> Select[Any]:
    if kind is CustomerKind.CONTACT:
        joined = (
            func.group_concat(Company.title, ", ")
            if dialect == "sqlite"
            else func.string_agg(Company.title, literal(", "))
        )
        companies = (
            select(joined)
            .select_from(contact_company)
            .join(Company, Company.id == contact_company.c.company_id)
            .where(contact_company.c.contact_id == Contact.id)
            .scalar_subquery()
        )
        return select(
            Contact.id,
            _name(kind),
            Contact.position,
            Contact.phone,
            Contact.email,
            companies,
            User.name,
            _deal_count(kind),
            Contact.created_at,
            Contact.version,
        ).outerjoin(User, User.id == Contact.responsible_id)
    return select(
        Company.id,
        Company.title,
        Company.industry,
        Company.phone,
        Company.email,
        Company.website,
        User.name,
        _deal_count(kind),
        Company.created_at,
        Company.version,
    ).outerjoin(User, User.id == Company.responsible_id)


def _order(kind: CustomerKind, sort: CustomerSort) -> list[Any]:
    model = _model(kind)
    columns: dict[str, list[Any]] = {
        "name": [Contact.last_name, Contact.first_name] if kind is CustomerKind.CONTACT else [Company.title],
        "detail": [Contact.position if kind is CustomerKind.CONTACT else Company.industry],
        "phone": [model.phone],
        "email": [model.email],
        "responsible": [User.name],
        "deals": [_deal_count(kind)],
        "created_at": [model.created_at],
    }
    chosen = columns.get(sort.column, columns["name"])
    ordered = [c.desc() if sort.descending else c.asc() for c in chosen]
    return [*ordered, model.id.desc() if sort.descending else model.id.asc()]


def _cell(field: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(_cell(field, v)) for v in value)
    label = field.option_label(value) if field.options else None
    return label if label is not None else value
