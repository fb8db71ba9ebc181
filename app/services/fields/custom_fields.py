"""Custom fields: their definitions per kind of record, and their values (stored indexed, typed)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    CustomFieldOption,
    CustomFieldValue,
    Deal,
    EntityType,
    FieldType,
    Lead,
    User,
)
from app.services.access.permissions import require_settings
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, Message, NotFoundError
from app.services.core.history import history_text
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict, load, touch
from app.services.core.validation import Problems, clean_text, is_email
from app.services.core.vocabulary import FIELD_LABELS

__all__ = [
    "CustomFieldInfo",
    "CustomFieldService",
    "EntityType",  # re-exported: the views name kinds and types without importing the models
    "FieldType",
    "OptionInfo",
    "decode",
    "encode",
    "read_values",
]

# Where each type keeps its value: an integer (numbers scaled, yes/no, options, links) or text.
INT_TYPES = frozenset(
    {
        FieldType.INTEGER,
        FieldType.DECIMAL,
        FieldType.MONEY,
        FieldType.BOOLEAN,
        FieldType.LIST,
        FieldType.CONTACT,
        FieldType.COMPANY,
        FieldType.EMPLOYEE,
    }
)
SCALES = {FieldType.DECIMAL: 4, FieldType.MONEY: 2}
LINK_MODELS = {FieldType.CONTACT: Contact, FieldType.COMPANY: Company, FieldType.EMPLOYEE: User}
MAX_INTEGER = 10**15


@dataclass(frozen=True, slots=True)
class OptionInfo:
    id: int
    label: str
    sort: int


@dataclass(frozen=True, slots=True)
class CustomFieldInfo:
    id: int
    entity_type: EntityType
    code: str
    label: str
    field_type: FieldType
    required: bool
    multiple: bool
    show_in_list: bool
    filterable: bool
    help_text: str | None
    sort: int
    options: tuple[OptionInfo, ...]
    version: int
    default_value: str | None = None  # as typed in the settings (a list field: the choice's label)

    @property
    def column(self) -> str:
        """The value column its values live in: "value_int" or "value_text"."""
        return "value_int" if self.field_type in INT_TYPES else "value_text"

    @property
    def sortable(self) -> bool:
        return not self.multiple and self.field_type is not FieldType.FILE

    def option_label(self, option_id: int) -> str | None:
        return next((o.label for o in self.options if o.id == option_id), None)


def field_info(field: CustomFieldDefinition) -> CustomFieldInfo:
    return CustomFieldInfo(
        field.id,
        field.entity_type,
        field.code,
        field.label,
        field.field_type,
        field.required,
        field.multiple,
        field.show_in_list,
        field.filterable,
        field.help_text,
        field.sort,
        tuple(OptionInfo(o.id, o.label, o.sort) for o in field.options),
        field.version,
        field.default_value,
    )


def _code(label: str, taken: set[str]) -> str:
    """A stable machine name from a label: "Vertragsende (geplant)" -> "vertragsende_geplant"."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:50] or "field"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


class CustomFieldService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- definitions ---------------------------------------------------------------------------

    def list(self, entity: EntityType = EntityType.DEAL) -> list[CustomFieldInfo]:
        with self._ctx.read() as session:
            fields = session.scalars(
                select(CustomFieldDefinition)
                .where(CustomFieldDefinition.entity_type == entity)
                .order_by(CustomFieldDefinition.sort, CustomFieldDefinition.id)
                .options(selectinload(CustomFieldDefinition.options))  # all fields' options at once
            )
            return [field_info(f) for f in fields]

    def create(
        self,
        entity: EntityType,
        label: str,
        field_type: FieldType,
        *,
        options: Sequence[str] = (),
        required: bool = False,
        multiple: bool = False,
        show_in_list: bool = True,
        filterable: bool = True,
        help_text: str | None = None,
        default_value: str | None = None,
    ) -> CustomFieldInfo:
        field_type = FieldType(field_type)
        problems = Problems()
        clean_label = clean_text(
            problems, "label", FIELD_LABELS["name"], label, required=True, max_length=200
        )
        clean_options = [o.strip() for o in options if o and o.strip()]
        if field_type is FieldType.LIST and not clean_options:
            problems.add("options", QT_TRANSLATE_NOOP("errors", "A list field needs at least one choice."))
        if len(set(clean_options)) != len(clean_options):
            problems.add(
                "options", QT_TRANSLATE_NOOP("errors", "Each choice of a list may appear only once.")
            )
        problems.raise_if_any()
        assert clean_label is not None
        with self._ctx.write() as uow:
            return insert_field(
                uow,
                entity,
                clean_label,
                field_type,
                options=clean_options,
                required=required,
                multiple=multiple,
                show_in_list=show_in_list,
                filterable=filterable,
                help_text=help_text,
                default_value=default_value,
            )

    def delete(self, field_id: int, expected_version: int) -> int:
        """Delete a field and all its values; returns how many values went."""
        with self._ctx.write() as uow:
            session = uow.session
            require_settings(session, uow.actor_id, "custom_field")
            field = load(session, CustomFieldDefinition, "custom_field", field_id)
            check_version(session, "custom_field", field, expected_version, field.label)
            values = (
                session.scalar(
                    select(func.count())
                    .select_from(CustomFieldValue)
                    .where(CustomFieldValue.field_id == field.id)
                )
                or 0
            )
            uow.history.deleted("custom_field", field.id, field.version + 1, field.label)
            session.execute(delete(CustomFieldValue).where(CustomFieldValue.field_id == field.id))
            session.delete(field)
            flush_or_conflict(session, "custom_field", field.label)
            uow.emit("custom_field.deleted", [field_id])
            return values

    # -- values ----------------------------------------------------------------------------------

    def values(
        self, entity: EntityType, entity_ids: Iterable[int], fields: Sequence[CustomFieldInfo] | None = None
    ) -> dict[int, dict[int, Any]]:
        """entity id -> field id -> value (a list for multiple fields), for these records."""
        ids = list(entity_ids)
        with self._ctx.connect() as conn:
            wanted = fields if fields is not None else self.list(entity)
            return read_values(conn, wanted, ids)

    def set_values(
        self, entity: EntityType, entity_id: int, expected_version: int, values: Mapping[int, Any]
    ) -> int:
        """Set custom values of one record the caller read at `expected_version`; returns the new version.

        Validated by type (clear messages); history per field; the record's version moves on.
        """
        model = ENTITY_MODELS[entity]
        with self._ctx.write() as uow:
            session = uow.session
            record = load(session, model, entity.value, entity_id)
            title = record_title(record)
            check_version(session, entity.value, record, expected_version, title)
            fields = fields_by_id(session, entity, values)
            problems = Problems()
            cleaned = clean_values(session, problems, fields, values)
            problems.raise_if_any()
            diff = write_values(session, fields, entity_id, cleaned)
            if diff:
                touch(record)
                flush_or_conflict(session, entity.value, title)
                uow.history.changed(entity.value, entity_id, record.version, diff)
                uow.emit(f"{entity.value}.updated", [entity_id], diff.keys())
            return int(record.version)

    def value_count(self, field_id: int) -> int:
        """How many records have a value in this field (said before deleting it)."""
        with self._ctx.read() as session:
            return (
                session.scalar(
                    select(func.count(func.distinct(CustomFieldValue.entity_id))).where(
                        CustomFieldValue.field_id == field_id
                    )
                )
                or 0
            )

    def update(
        self,
        field_id: int,
        expected_version: int,
        *,
        label: str | None = None,
        options: Sequence[tuple[int | None, str]] | None = None,
        **flags: Any,
    ) -> CustomFieldInfo:
        """Change a field's label, flags or list options; its type never changes (values would break).

        `options` is the whole list in its new order: (id, label) for kept ones, (None, label) for new
        ones; options left out are removed, and so are the values that chose them.
        """
        unknown = set(flags) - UPDATABLE_FLAGS
        if unknown:
            raise ValueError(f"not changeable: {sorted(unknown)}")
        with self._ctx.write() as uow:
            session = uow.session
            require_settings(session, uow.actor_id, "custom_field")
            field = load(session, CustomFieldDefinition, "custom_field", field_id)
            check_version(session, "custom_field", field, expected_version, field.label)
            problems = Problems()
            diff: dict[str, tuple[Any, Any]] = {}
            if label is not None:
                clean = clean_text(
                    problems, "label", FIELD_LABELS["name"], label, required=True, max_length=200
                )
                if clean is not None and clean != field.label:
                    diff["label"] = (field.label, clean)
                    field.label = clean
            for name, value in flags.items():
                if getattr(field, name) != value:
                    diff[name] = (getattr(field, name), value)
                    setattr(field, name, value)
            if options is not None:
                self._replace_options(session, problems, field, options, diff)
            problems.raise_if_any()
            if diff:
                touch(field)
                flush_or_conflict(session, "custom_field", field.label)
                uow.history.changed("custom_field", field.id, field.version, diff)
                uow.emit("custom_field.updated", [field.id], diff.keys())
            return field_info(field)

    @staticmethod
    def _replace_options(
        session: Session,
        problems: Problems,
        field: CustomFieldDefinition,
        options: Sequence[tuple[int | None, str]],
        diff: dict[str, tuple[Any, Any]],
    ) -> None:
        labels = [label.strip() for _id, label in options]
        if field.field_type is FieldType.LIST and not [x for x in labels if x]:
            problems.add("options", QT_TRANSLATE_NOOP("errors", "A list field needs at least one choice."))
            return
        if len(set(labels)) != len(labels) or not all(labels):
            problems.add(
                "options", QT_TRANSLATE_NOOP("errors", "Each choice of a list may appear only once.")
            )
            return
        before = [o.label for o in field.options]
        by_id = {o.id: o for o in field.options}
        kept = {i for i, _label in options if i is not None}
        removed = [o.id for o in field.options if o.id not in kept]
        if removed:
            session.execute(
                delete(CustomFieldValue).where(
                    CustomFieldValue.field_id == field.id, CustomFieldValue.value_int.in_(removed)
                )
            )
        new_list = []
        for n, (option_id, label) in enumerate(options):
            option = by_id.get(option_id) if option_id is not None else None
            if option is None:
                option = CustomFieldOption(label=label.strip())
            option.label = label.strip()
            option.sort = (n + 1) * 10
            new_list.append(option)
        field.options = new_list
        if before != labels:
            diff["options"] = (", ".join(before), ", ".join(labels))


UPDATABLE_FLAGS = frozenset(
    {"required", "multiple", "show_in_list", "filterable", "help_text", "sort", "default_value"}
)
ENTITY_MODELS: dict[EntityType, Any] = {
    EntityType.DEAL: Deal,
    EntityType.CONTACT: Contact,
    EntityType.COMPANY: Company,
    EntityType.LEAD: Lead,
}


def record_title(record: Any) -> str:
    return str(getattr(record, "title", None) or getattr(record, "full_name", ""))


def fields_by_id(session: Session, entity: EntityType, ids: Iterable[int]) -> dict[int, CustomFieldInfo]:
    """The definitions of these fields; NotFoundError for one that is not a field of this entity."""
    wanted = list(ids)
    found = {
        f.id: field_info(f)
        for f in session.scalars(select(CustomFieldDefinition).where(CustomFieldDefinition.id.in_(wanted)))
    }
    for field_id in wanted:
        field = found.get(field_id)
        if field is None or field.entity_type is not entity:
            raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["custom_field"], id=field_id)
    return found


def clean_values(
    session: Session, problems: Problems, fields: Mapping[int, CustomFieldInfo], values: Mapping[int, Any]
) -> dict[int, list[Any]]:
    """Each value cleaned by its field's type (problems collected, not raised)."""
    return {field_id: _clean_value(session, problems, fields[field_id], v) for field_id, v in values.items()}


def write_values(
    session: Session, fields: Mapping[int, CustomFieldInfo], entity_id: int, cleaned: Mapping[int, list[Any]]
) -> dict[str, tuple[Any, Any]]:
    """Store cleaned values of one record; the history diff ("uf:<code>": (old, new)) of what changed."""
    connection = session.connection()
    current = read_values(connection, list(fields.values()), [entity_id]).get(entity_id, {})
    diff: dict[str, tuple[Any, Any]] = {}
    for field_id, new in cleaned.items():
        field = fields[field_id]
        old = current.get(field_id)
        old_list = old if isinstance(old, list) else ([] if old is None else [old])
        if old_list == new:
            continue
        # On the connection: an ORM statement would flush the record first, bumping its version
        # once for its columns and again when the caller stamps it.
        connection.execute(
            delete(CustomFieldValue).where(
                CustomFieldValue.field_id == field_id, CustomFieldValue.entity_id == entity_id
            )
        )
        if new:
            connection.execute(
                insert(CustomFieldValue),
                [_stored(field, entity_id, position, v) for position, v in enumerate(new)],
            )
        diff[f"uf:{field.code}"] = (
            ", ".join(history_text(v) or "" for v in old_list) or None,
            ", ".join(history_text(v) or "" for v in new) or None,
        )
    return diff


def insert_values(
    session: Session,
    fields: Mapping[int, CustomFieldInfo],
    items: Sequence[tuple[int, Mapping[int, list[Any]]]],
) -> None:
    """Cleaned values of new records (which have none yet), in one statement: (entity id, values)."""
    rows = [
        _stored(fields[field_id], entity_id, position, value)
        for entity_id, cleaned in items
        for field_id, values in cleaned.items()
        for position, value in enumerate(values)
    ]
    if rows:
        session.execute(insert(CustomFieldValue), rows)


def _stored(field: CustomFieldInfo, entity_id: int, position: int, value: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"field_id": field.id, "entity_id": entity_id, "position": position}
    row["value_int"], row["value_text"] = encode(field, value)
    return row


def encode(field: CustomFieldInfo, value: Any) -> tuple[int | None, str | None]:
    """A clean value as stored: (value_int, value_text)."""
    if field.field_type in INT_TYPES:
        if field.field_type in SCALES:
            return int(Decimal(value).scaleb(SCALES[field.field_type])), None
        return int(value), None
    if isinstance(value, (date, datetime)):
        return None, value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()
    return None, str(value)


def decode(field: CustomFieldInfo, value_int: int | None, value_text: str | None) -> Any:
    if field.field_type in INT_TYPES:
        if value_int is None:
            return None
        if field.field_type in SCALES:
            return Decimal(value_int).scaleb(-SCALES[field.field_type])
        if field.field_type is FieldType.BOOLEAN:
            return bool(value_int)
        return value_int
    if value_text is None:
        return None
    if field.field_type is FieldType.DATE:
        return date.fromisoformat(value_text)
    if field.field_type is FieldType.DATETIME:
        return datetime.fromisoformat(value_text)
    return value_text


def read_values(
    conn: Any, fields: Sequence[CustomFieldInfo], entity_ids: Sequence[int]
) -> dict[int, dict[int, Any]]:
    """entity id -> field id -> value (a list for multiple fields), in one query."""
    by_id = {f.id: f for f in fields}
    if not by_id or not entity_ids:
        return {}
    result: dict[int, dict[int, Any]] = {}
    rows = conn.execute(_values_statement(), {"ids": list(entity_ids), "fields": list(by_id)}).all()
    for entity_id, field_id, value_int, value_text in rows:
        field = by_id[field_id]
        value = decode(field, value_int, value_text)
        values = result.setdefault(entity_id, {})
        if field.multiple:
            values.setdefault(field_id, []).append(value)
        else:
            values[field_id] = value
    return result


@cache
def _values_statement() -> Any:
    """The values of some records' fields, built once: it runs for every page of a list."""
    return (
        select(
            CustomFieldValue.entity_id,
            CustomFieldValue.field_id,
            CustomFieldValue.value_int,
            CustomFieldValue.value_text,
        )
        .where(
            CustomFieldValue.entity_id.in_(bindparam("ids", expanding=True)),
            CustomFieldValue.field_id.in_(bindparam("fields", expanding=True)),
        )
        .order_by(CustomFieldValue.entity_id, CustomFieldValue.field_id, CustomFieldValue.position)
    )


def _clean_value(session: Session, problems: Problems, field: CustomFieldInfo, value: Any) -> list[Any]:
    """The value(s) to store, cleaned by type; an empty list clears the field."""
    label = Message(field.label)  # user text: shown as it is in every language
    raw = value if isinstance(value, (list, tuple)) else [value]
    raw = [v for v in raw if v not in (None, "")]
    if not raw:
        if field.required:
            problems.add(f"uf:{field.code}", QT_TRANSLATE_NOOP("errors", "{label} is required."), label=label)
        return []
    if len(raw) > 1 and not field.multiple:
        problems.add(f"uf:{field.code}", QT_TRANSLATE_NOOP("errors", "{label} takes one value."), label=label)
        return []
    cleaned = []
    for item in raw:
        clean = _clean_one(session, field, item)
        if clean is None:
            problems.add(
                f"uf:{field.code}",
                QT_TRANSLATE_NOOP("errors", "'{value}' is not a valid value for {label}."),
                label=label,
                value=item,
            )
            return []
        cleaned.append(clean)
    return cleaned


def _clean_one(session: Session, field: CustomFieldInfo, value: Any) -> Any:
    kind = field.field_type
    try:
        if kind is FieldType.INTEGER:
            number = int(str(value).strip())
            return number if abs(number) < MAX_INTEGER else None
        if kind in SCALES:
            if isinstance(value, float):
                return None
            amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
            scaled = amount.scaleb(SCALES[kind])
            return amount if scaled == scaled.to_integral_value() and abs(amount) < MAX_INTEGER else None
        if kind is FieldType.BOOLEAN:
            return (
                value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "ja")
            )
        if kind is FieldType.DATE:
            return value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        if kind is FieldType.DATETIME:
            return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
        if kind is FieldType.LIST:
            option = int(value)
            return option if any(o.id == option for o in field.options) else None
        if kind in LINK_MODELS:
            ident = int(value)
            return ident if session.get(LINK_MODELS[kind], ident) is not None else None
    except (ValueError, TypeError, InvalidOperation):
        return None
    text = str(value).strip()
    if kind is FieldType.EMAIL and not is_email(text):
        return None
    if kind is FieldType.URL and not re.match(r"^(https?|ftp)://\S+$", text):
        return None
    return text[:10_000]


def insert_field(
    uow: UnitOfWork,
    entity: EntityType,
    label: str,
    field_type: FieldType,
    *,
    options: Sequence[str] = (),
    required: bool = False,
    multiple: bool = False,
    show_in_list: bool = True,
    filterable: bool = True,
    help_text: str | None = None,
    default_value: str | None = None,
) -> CustomFieldInfo:
    """A new field (its label and choices already checked) in the caller's transaction, after the
    entity's other fields; an import makes one for a column no field holds."""
    session = uow.session
    require_settings(session, uow.actor_id, "custom_field")
    taken = set(
        session.scalars(select(CustomFieldDefinition.code).where(CustomFieldDefinition.entity_type == entity))
    )
    sort = (
        session.scalar(
            select(func.max(CustomFieldDefinition.sort)).where(CustomFieldDefinition.entity_type == entity)
        )
        or 0
    ) + 10
    field = CustomFieldDefinition(
        entity_type=entity,
        code=_code(label, taken),
        label=label,
        field_type=field_type,
        required=required,
        multiple=multiple,
        show_in_list=show_in_list,
        filterable=filterable,
        help_text=help_text,
        default_value=(default_value or "").strip() or None,
        sort=sort,
    )
    field.options = [CustomFieldOption(label=o, sort=(i + 1) * 10) for i, o in enumerate(options)]
    session.add(field)
    session.flush()
    uow.history.created("custom_field", field.id, field.version, field.label)
    uow.emit("custom_field.created", [field.id])
    return field_info(field)
