"""What every editable record shares: field cleaning, version checks, history, and a CRUD service."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app.models import Base, Currency, CustomFieldDefinition, CustomFieldValue, EntityType, utcnow
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import (
    ENTITY_NAMES,
    MSG_CHANGED_BY,
    MSG_CHANGED_UNKNOWN,
    MSG_NOT_FOUND,
    ConflictError,
    ConflictingChange,
    Message,
    NotFoundError,
)
from app.services.core.history import read_history
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import (
    Problems,
    clean_date,
    clean_money,
    clean_percent,
    clean_probability,
    clean_text,
    is_email,
)
from app.services.core.vocabulary import FIELD_LABELS, field_label

Cleaner = Callable[[Session, Problems, str, Message, Any], Any]


@dataclass(frozen=True)
class FieldSpec:
    label: Message
    clean: Cleaner


def text_field(
    name: str, max_length: int, *, required: bool = False, label: Message | None = None
) -> FieldSpec:
    def clean(_s: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        return clean_text(problems, field, label, value, required=required, max_length=max_length)

    return FieldSpec(label or FIELD_LABELS[name], clean)


def email_field(name: str) -> FieldSpec:
    def clean(_s: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        text = clean_text(problems, field, label, value, required=False, max_length=254)
        if text and not is_email(text):
            problems.add(
                field, QT_TRANSLATE_NOOP("errors", "'{value}' is not an e-mail address."), value=text
            )
        return text

    return FieldSpec(FIELD_LABELS[name], clean)


def pattern_field(name: str, max_length: int, pattern: str, message: str) -> FieldSpec:
    """A text written to a fixed pattern (spaces ignored, letters upper-cased): `message` names what
    was wrong, with {value}."""
    import re

    shape = re.compile(pattern)

    def clean(_s: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        text = clean_text(problems, field, label, value, required=False, max_length=max_length)
        if text:
            text = "".join(text.split()).upper()
            if not shape.fullmatch(text):
                problems.add(field, message, value=text)
        return text

    return FieldSpec(FIELD_LABELS[name], clean)


def bool_field(name: str) -> FieldSpec:
    def clean(_s: Session, _p: Problems, _f: str, _l: Message, value: Any) -> bool:
        return bool(value)

    return FieldSpec(FIELD_LABELS[name], clean)


def _value_field(name: str, cleaner: Callable[[Problems, str, Message, Any], Any]) -> FieldSpec:
    """A field cleaned by one of the validation functions, without the database."""

    def clean(_s: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        return cleaner(problems, field, label, value)

    return FieldSpec(FIELD_LABELS[name], clean)


def money_field(name: str) -> FieldSpec:
    return _value_field(name, clean_money)


def percent_field(name: str) -> FieldSpec:
    return _value_field(name, clean_percent)


def date_field(name: str) -> FieldSpec:
    return _value_field(name, clean_date)


def probability_field(name: str) -> FieldSpec:
    return _value_field(name, clean_probability)


def currency_field(name: str) -> FieldSpec:
    def clean(session: Session, problems: Problems, field: str, _l: Message, value: Any) -> Any:
        return clean_currency(session, problems, field, value)

    return FieldSpec(FIELD_LABELS[name], clean)


def id_field(name: str, model: type[Base]) -> FieldSpec:
    def clean(session: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        return existing_id(session, problems, model, field, label, value)

    return FieldSpec(FIELD_LABELS[name], clean)


def base_currency(session: Session) -> str:
    code = session.scalar(select(Currency.code).order_by(Currency.is_base.desc(), Currency.sort).limit(1))
    return code or "EUR"


def delete_custom_values(session: Session, entity: EntityType, ids: list[int]) -> None:
    """Custom field values have no foreign key to their record (one table serves all kinds)."""
    fields = select(CustomFieldDefinition.id).where(CustomFieldDefinition.entity_type == entity)
    session.execute(
        delete(CustomFieldValue).where(
            CustomFieldValue.entity_id.in_(ids), CustomFieldValue.field_id.in_(fields)
        )
    )


def choice_field(name: str, choices: Mapping[str, Message]) -> FieldSpec:
    """A code from a fixed vocabulary (e.g. deal sources), or nothing."""

    def clean(_s: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        code = str(value or "").strip() or None
        if code is not None and code not in choices:
            problems.add(
                field,
                QT_TRANSLATE_NOOP("errors", "{label}: '{code}' is not one of the choices."),
                label=label,
                code=code,
            )
        return code

    return FieldSpec(FIELD_LABELS[name], clean)


def ids_field(name: str, model: type[Base]) -> FieldSpec:
    """Several links to existing records (kept in the given order, without repeats)."""

    def clean(session: Session, problems: Problems, field: str, label: Message, value: Any) -> Any:
        try:
            ids = tuple(dict.fromkeys(int(i) for i in (value or ())))
        except (TypeError, ValueError):
            ids = ()
            problems.add(field, QT_TRANSLATE_NOOP("errors", "{label}: expected record IDs."), label=label)
        pk = model.__mapper__.primary_key[0]
        found = set(session.scalars(select(pk).where(pk.in_(ids)))) if ids else set()
        missing = [i for i in ids if i not in found]
        if missing:
            problems.add(
                field,
                QT_TRANSLATE_NOOP("errors", "{label}: there is no record with ID {id}."),
                label=label,
                id=", ".join(map(str, missing)),
            )
        return ids

    return FieldSpec(FIELD_LABELS[name], clean)


def clean_currency(session: Session, problems: Problems, field: str, value: Any) -> str:
    code = str(value or "").strip().upper()
    if session.get(Currency, code) is None:
        problems.add(
            field, QT_TRANSLATE_NOOP("errors", "'{code}' is not a currency set up in Dealdesk."), code=code
        )
    return code


def existing_id(
    session: Session, problems: Problems, model: type[Base], name: str, label: Message, value: Any
) -> int | None:
    if value in (None, ""):
        return None
    try:
        ident = int(value)
    except (TypeError, ValueError):
        ident = -1
    if ident < 0 or session.get(model, ident) is None:
        problems.add(
            name,
            QT_TRANSLATE_NOOP("errors", "{label}: there is no record with ID {id}."),
            label=label,
            id=value,
        )
        return None
    return ident


def clean_fields(session: Session, specs: Mapping[str, FieldSpec], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Clean every given field; raise one ValidationError listing every problem."""
    unknown = set(raw) - set(specs)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    problems = Problems()
    values = {
        name: specs[name].clean(session, problems, name, specs[name].label, value)
        for name, value in raw.items()
    }
    problems.raise_if_any()
    return values


def check_version(session: Session, entity_type: str, record: Any, expected_version: int, title: str) -> None:
    """Raise ConflictError naming who changed what, when `record` moved past `expected_version`."""
    if record.version == expected_version:
        return
    changes = [
        item
        for item in read_history(session, entity_type, record.id, since_version=expected_version)
        if item.field is not None
    ]
    entity = ENTITY_NAMES[entity_type]
    if not changes:
        raise ConflictError(MSG_CHANGED_UNKNOWN, entity=entity, title=title, current_version=record.version)
    last = changes[-1]
    raise ConflictError(
        MSG_CHANGED_BY,
        changes=[
            ConflictingChange(c.field or "", c.old_value, c.new_value, c.user_name or "?", c.at)
            for c in changes
        ],
        current_version=record.version,
        entity=entity,
        title=title,
        user=last.user_name or "?",
        time=last.at.strftime("%Y-%m-%d %H:%M") + " UTC",
        fields=tuple(
            _changed_label(session, entity_type, name)
            for name in dict.fromkeys(c.field or "" for c in changes)
        ),
    )


def _changed_label(session: Session, entity_type: str, name: str) -> Message | str:
    """A changed field's name for a conflict message: a custom field's label, not its key "uf:region"."""
    if name.startswith("uf:"):
        label = session.scalar(
            select(CustomFieldDefinition.label).where(
                CustomFieldDefinition.entity_type == entity_type, CustomFieldDefinition.code == name[3:]
            )
        )
        if label:
            return str(label)
    return field_label(name)


def flush_or_conflict(session: Session, entity_type: str, title: str) -> None:
    """Flush; the ORM's version check turns a concurrent write (server databases) into a ConflictError."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(MSG_CHANGED_UNKNOWN, entity=ENTITY_NAMES[entity_type], title=title) from exc


def touch(record: Any) -> None:
    """Mark a record changed even when only its links changed (e.g. a contact's companies), so
    the ORM writes the row and bumps its version: others editing it then get a conflict."""
    if hasattr(record, "updated_at"):
        record.updated_at = utcnow()
    else:  # rewrite a plain column with its own value: the UPDATE then bumps the version too
        attribute = next(a.key for a in inspect(record).mapper.column_attrs if a.key not in ("id", "version"))
        flag_modified(record, attribute)


def load(session: Session, model: type[Any], entity_type: str, ident: int) -> Any:
    record = session.get(model, ident)
    if record is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES[entity_type], id=ident)
    return record


def apply_values(record: Any, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    diff: dict[str, tuple[Any, Any]] = {}
    for name, new in values.items():
        old = getattr(record, name)
        if old != new:
            setattr(record, name, new)
            diff[name] = (old, new)
    return diff


M = TypeVar("M", bound=Base)
D = TypeVar("D")


ExtraWriter = Callable[[int], dict[str, tuple[Any, Any]]]  # record id -> history diff


class CrudService(Generic[M, D]):
    """Create, read, update, delete for a simple record with history, version check and events.

    Subclasses name the model, the entity type, the field specs, how to build the light
    details object, and the record's title (for messages and history).
    """

    model: type[M]
    entity_type: str
    fields: Mapping[str, FieldSpec]

    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # hooks -----------------------------------------------------------------------------------
    def details(self, session: Session, record: M) -> D:
        raise NotImplementedError

    def title_of(self, record: M) -> str:
        raise NotImplementedError

    def validate_record(self, session: Session, record: M) -> None:
        """Rules across fields, checked on the record as it will be saved."""

    def before_create(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        return values

    def after_write(
        self, uow: UnitOfWork, record: M, values: Mapping[str, Any]
    ) -> dict[str, tuple[Any, Any]]:
        """Store values kept outside the record's own columns; return their changes for history."""
        return {}

    def before_delete(self, uow: UnitOfWork, record: M) -> None:
        """Clean up what the database does not cascade."""

    def check_write(self, uow: UnitOfWork) -> None:
        """Refuse (PermissionDeniedError) if the acting person may not change these records."""

    def check_record(self, session: Session, record: M, action: str) -> None:
        """Refuse if the acting person may not "read", "edit" or "delete" this record (one they may
        not read raises NotFoundError, as if it did not exist)."""

    # use cases -------------------------------------------------------------------------------
    def get(self, ident: int) -> D:
        with self._ctx.read() as session:
            record = load(session, self.model, self.entity_type, ident)
            self.check_record(session, record, "read")
            return self.details(session, record)

    def history(self, ident: int) -> list[Any]:
        """The record's history entries, oldest first (HistoryItem)."""
        from app.services.core.history import read_history

        with self._ctx.read() as session:
            return list(read_history(session, self.entity_type, ident))

    def count(self) -> int:
        with self._ctx.read() as session:
            return session.scalar(select(func.count()).select_from(self.model)) or 0

    def create(self, **fields: Any) -> D:
        with self._ctx.write() as uow:
            return self.details(uow.session, self.create_in(uow, fields))

    def update(self, ident: int, expected_version: int, **changes: Any) -> D:
        with self._ctx.write() as uow:
            return self.details(uow.session, self.update_in(uow, ident, expected_version, changes))

    def create_in(
        self, uow: UnitOfWork, fields: Mapping[str, Any], extra_writer: ExtraWriter | None = None
    ) -> M:
        """A new record in the caller's transaction; `extra_writer` stores what lives elsewhere
        (custom values) once the record has its id."""
        self.check_write(uow)
        values = self.before_create(uow, clean_fields(uow.session, self.fields, fields))
        extra = {k: values.pop(k) for k in list(values) if not hasattr(self.model, k)}
        record = self.model(**values)
        self._stamp(record, created=True)
        self.validate_record(uow.session, record)
        uow.session.add(record)
        uow.session.flush()
        self.after_write(uow, record, extra)
        if extra_writer is not None:
            extra_writer(record.id)  # type: ignore[attr-defined]
        uow.history.created(self.entity_type, record.id, record.version, self.title_of(record))  # type: ignore[attr-defined]
        uow.emit(f"{self.entity_type}.created", [record.id])  # type: ignore[attr-defined]
        return record

    def update_in(
        self,
        uow: UnitOfWork,
        ident: int,
        expected_version: int,
        changes: Mapping[str, Any],
        extra_writer: ExtraWriter | None = None,
    ) -> M:
        """Change a record the caller read at `expected_version`, in the caller's transaction."""
        self.check_write(uow)
        record: M = load(uow.session, self.model, self.entity_type, ident)
        self.check_record(uow.session, record, "edit")
        check_version(uow.session, self.entity_type, record, expected_version, self.title_of(record))
        values = clean_fields(uow.session, self.fields, changes)
        extra = {k: values.pop(k) for k in list(values) if not hasattr(self.model, k)}
        diff = apply_values(record, values)
        self.validate_record(uow.session, record)
        diff.update(self.after_write(uow, record, extra))
        if extra_writer is not None:
            diff.update(extra_writer(ident))
        if not diff:
            return record
        self._stamp(record, created=False)
        flush_or_conflict(uow.session, self.entity_type, self.title_of(record))
        uow.history.changed(self.entity_type, ident, record.version, diff)  # type: ignore[attr-defined]
        uow.emit(f"{self.entity_type}.updated", [ident], diff.keys())
        return record

    def delete(self, ident: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            self.check_write(uow)
            record = load(uow.session, self.model, self.entity_type, ident)
            self.check_record(uow.session, record, "delete")
            check_version(uow.session, self.entity_type, record, expected_version, self.title_of(record))
            self.before_delete(uow, record)
            uow.history.deleted(self.entity_type, ident, record.version + 1, self.title_of(record))
            uow.session.delete(record)
            flush_or_conflict(uow.session, self.entity_type, self.title_of(record))
            uow.emit(f"{self.entity_type}.deleted", [ident])

    def _stamp(self, record: M, *, created: bool) -> None:
        if created and hasattr(record, "created_by_id"):
            record.created_by_id = self._ctx.actor_id
        if hasattr(record, "updated_by_id"):
            record.updated_by_id = self._ctx.actor_id
        if not created:
            touch(record)


def insert_ids(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert many new records; their ids in the order given. On SQLite in plain executemany
    statements, one per set of columns given (the write lock is ours: the new rows take the ids after
    the highest, in the order inserted), elsewhere with RETURNING."""
    if not rows:
        return []
    table = model.__table__
    if session.get_bind().dialect.name != "sqlite":
        return list(session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))
    groups: dict[frozenset[str], list[int]] = {}
    for position, row in enumerate(rows):
        groups.setdefault(frozenset(row), []).append(position)
    before = session.scalar(select(func.max(table.c.id))) or 0
    for positions in groups.values():
        session.execute(insert(table), [rows[n] for n in positions])
    made = iter(session.scalars(select(table.c.id).where(table.c.id > before).order_by(table.c.id)).all())
    ids = [0] * len(rows)
    for positions in groups.values():
        for n in positions:
            ids[n] = next(made)
    if next(made, None) is not None or not all(ids):  # never: somebody else wrote in our transaction
        raise RuntimeError(f"{len(rows)} rows inserted into {table.name}, a different number found")
    return ids
