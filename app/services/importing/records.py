"""Importing companies, contacts, leads and products from CSV, XLSX (and contacts from vCard): the
same rules as the deal import — every row checked first, then all rows in one transaction or none;
problems grouped by kind; names of people and companies looked up the way people write them; the
decimal mark decided over the whole file; a record the file names that exists already (same ID from
an earlier import, or the same name) refused, skipped or updated as the user chooses."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.importing.tables import TableFile, read_rows
from app.models import (
    Company,
    CustomFieldDefinition,
    EntityType,
    FieldType,
    HistoryEntry,
    ImportKey,
    Operation,
    table_of,
    utcnow,
)
from app.services.access.permissions import require_settings
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import FieldProblem, Message, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import CrudService, clean_fields, insert_ids
from app.services.core.validation import Problems
from app.services.core.vocabulary import FIELD_LABELS
from app.services.customers.leads import LeadService
from app.services.customers.service import CompanyService, ContactService
from app.services.fields.custom_fields import (
    CustomFieldInfo,
    clean_values,
    field_info,
    insert_field,
    insert_values,
)
from app.services.importing.cells import (
    date_of,
    decimal_mark,
    fold,
    fold_name,
    is_blank,
    number,
    text,
    yes_no,
)
from app.services.importing.lookups import UnknownValue, people_names, source_names
from app.services.importing.problems import GroupedProblems
from app.services.importing.wording import (
    MSG_NO_COMPANY,
    MSG_NO_USER,
    MSG_NUMBER,
    MSG_YES_NO,
    NEW_FIELD,
    NOTE_NEW_FIELDS,
    label_of,
)
from app.services.setup.products import ProductService

Progress = Callable[[int, int], None]
REFUSE, SKIP, UPDATE = "refuse", "skip", "update"
MSG_NO_ROWS = QT_TRANSLATE_NOOP("errors", "The file has no rows below its header.")
MSG_EXISTS = QT_TRANSLATE_NOOP(
    "errors", "{name} is in Dealdesk already (the same name or ID): choose to skip or to update such rows."
)
MSG_NAME_NEEDED = QT_TRANSLATE_NOOP("errors", "Choose the column that holds the {what}' names.")
MSG_NO_SOURCE = QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the sources.")


@dataclass(frozen=True)
class Kind:
    """One kind of record the import makes."""

    key: str  # "companies", ...
    service: type[CrudService[Any, Any]]
    entity_type: str  # history, events, import keys
    custom: EntityType | None  # its custom fields
    names: tuple[str, ...]  # the fields that name a record (duplicates are found by them)
    aliases: Mapping[str, tuple[str, ...]]  # column names people use, per field
    plural: str  # in messages: "companies"


_COMMON = {
    "phone": ("telephone", "tel", "phone number", "telefon", "telefonnummer"),
    "email": ("e-mail", "mail", "email address", "e-mail-adresse"),
    "address": ("adresse", "anschrift", "street address"),
    "comments": ("notes", "note", "notizen", "bemerkung", "kommentar", "description"),
    "responsible": ("owner", "assigned to", "verantwortlich", "zuständig", "betreuer"),
    "external_id": ("id", "record id", "external id", "nr", "nummer", "kundennummer", "customer number"),
}
KINDS: Mapping[str, Kind] = {
    k.key: k
    for k in (
        Kind(
            "companies",
            CompanyService,
            "company",
            EntityType.COMPANY,
            ("title",),
            {
                **_COMMON,
                "title": (
                    "name",
                    "company",
                    "company name",
                    "firma",
                    "firmenname",
                    "unternehmen",
                    "organization",
                ),
                "industry": ("branche", "sector"),
                "website": ("web", "webseite", "homepage", "url", "internet"),
            },
            QT_TRANSLATE_NOOP("fields", "companies"),
        ),
        Kind(
            "contacts",
            ContactService,
            "contact",
            EntityType.CONTACT,
            ("first_name", "last_name"),
            {
                **_COMMON,
                "first_name": ("first name", "given name", "vorname"),
                "last_name": ("last name", "surname", "family name", "nachname", "name"),
                "position": ("job title", "role", "funktion", "stellung"),
                "companies": ("company", "companies", "firma", "unternehmen", "organization", "account"),
            },
            QT_TRANSLATE_NOOP("fields", "contacts"),
        ),
        Kind(
            "leads",
            LeadService,
            "lead",
            EntityType.LEAD,
            ("title",),
            {
                **_COMMON,
                "title": ("lead", "lead name", "subject", "betreff", "bezeichnung"),
                "first_name": ("first name", "vorname"),
                "last_name": ("last name", "nachname"),
                "company_title": ("company", "firma", "unternehmen", "organization"),
                "source": ("lead source", "quelle", "kanal"),
            },
            QT_TRANSLATE_NOOP("fields", "leads"),
        ),
        Kind(
            "products",
            ProductService,
            "product",
            None,
            ("name",),
            {
                "name": ("product", "product name", "produkt", "artikel", "bezeichnung", "title"),
                "sku": ("article number", "item number", "artikelnummer", "art nr", "sku"),
                "unit": ("einheit", "unit of measure"),
                "price": ("unit price", "preis", "einzelpreis", "net price", "nettopreis"),
                "currency": ("währung",),
                "tax_rate": ("tax", "vat", "mwst", "ust", "steuersatz", "vat rate"),
                "tax_included": ("brutto", "gross", "incl tax", "inkl mwst"),
                "section": ("category", "kategorie", "warengruppe", "product group"),
                "description": ("beschreibung",),
                "active": ("aktiv",),
                "external_id": ("id", "external id", "record id"),
            },
            QT_TRANSLATE_NOOP("fields", "products"),
        ),
    )
}
_NUMBERS = {"price", "tax_rate"}
_YES_NO = {"tax_included", "active"}
_NOT_OFFERED = {"responsible_id", "is_open", "company_ids"}


@dataclass(frozen=True)
class RecordOptions:
    mapping: Mapping[int, str]
    decimal_comma: bool | None = None
    create_missing: bool = True  # companies a contact file names and Dealdesk doesn't know
    duplicates: str = REFUSE
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    system: str = "file"


@dataclass(frozen=True)
class RecordCheck:
    rows: int
    problems: tuple[FieldProblem, ...]
    more_problems: int
    new: int  # records to create
    updates: int
    skipped: int
    unmapped: tuple[str, ...]
    unknown: tuple[UnknownValue, ...]
    new_companies: int = 0
    notes: tuple[Message, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RecordResult:
    created: tuple[int, ...]
    updated: tuple[int, ...]
    skipped: int
    new_companies: int
    operation_id: int | None


class RecordImportRejectedError(ValidationError):
    def __init__(self, check: RecordCheck) -> None:
        super().__init__(check.problems)
        self.check = check


class RecordImportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def targets(self, kind: str) -> list[tuple[str, Message | str]]:
        kind_spec = spec = KINDS[kind]
        fields: list[tuple[str, Message | str]] = [
            ("responsible" if key == "responsible_id" else key, spec.label)
            for key, spec in kind_spec.service.fields.items()
            if key not in _NOT_OFFERED or key == "responsible_id"
        ]
        if kind == "contacts":
            fields.append(("companies", FIELD_LABELS["company_ids"]))
        fields.append(
            ("external_id", Message(QT_TRANSLATE_NOOP("fields", "ID in the other program"), {}, "fields"))
        )
        if spec.custom is not None:
            fields.append((NEW_FIELD, label_of(NEW_FIELD)))
        with self._ctx.read() as session:
            custom = _custom_fields(session, spec.custom)
        return fields + [(f"uf:{f.id}", f.label) for f in custom.values()]

    def guess(self, kind: str, header: Sequence[str]) -> dict[int, str]:
        spec = KINDS[kind]
        words: dict[str, str] = {}
        for target, label in self.targets(kind):
            for name in (target, str(label), *spec.aliases.get(target, ())):
                words.setdefault(fold_name(name), target)
        mapping: dict[int, str] = {}
        for column, name in enumerate(header):
            found = words.get(fold_name(name))
            if found is not None and found not in mapping.values():
                mapping[column] = found
        return mapping

    def check(
        self, kind: str, table: TableFile, options: RecordOptions, progress: Progress | None = None
    ) -> RecordCheck:
        with self._ctx.read() as session:
            return _RecordImporter(self._ctx, session, None, KINDS[kind], table, options).run(progress)

    def run(
        self, kind: str, table: TableFile, options: RecordOptions, progress: Progress | None = None
    ) -> RecordResult:
        with self._ctx.write() as uow:
            importer = _RecordImporter(self._ctx, uow.session, uow, KINDS[kind], table, options)
            check = importer.run(progress)
            if not check.ok:
                raise RecordImportRejectedError(check)
            uow.coalesce_events()
            return RecordResult(
                tuple(importer.created),
                tuple(importer.updated),
                check.skipped,
                check.new_companies,
                importer.operation_id,
            )


@dataclass
class _Pending:
    number: int
    values: dict[str, Any]
    custom: dict[int, Any]
    existing: int | None  # the record to update
    external_id: str | None
    new_companies: list[str]


class _RecordImporter:
    def __init__(
        self,
        context: ServiceContext,
        session: Session,
        uow: UnitOfWork | None,
        kind: Kind,
        table: TableFile,
        options: RecordOptions,
    ) -> None:
        self.ctx, self.session, self.uow, self.kind, self.table, self.options = (
            context,
            session,
            uow,
            kind,
            table,
            options,
        )
        self.service = kind.service(context)
        self.fields = _custom_fields(session, kind.custom)
        self.problems = GroupedProblems()
        self.pending: list[_Pending] = []
        self.created: list[int] = []
        self.updated: list[int] = []
        self.skipped = 0
        self.operation_id: int | None = None
        self.decimal_comma = bool(options.decimal_comma)
        self.users = people_names(session, options.values.get("responsible"))
        self.sources = source_names(options.values.get("source"))
        self.companies = {
            fold(t): i
            for i, t in session.execute(select(Company.id, Company.title).order_by(Company.id.desc()))
        }
        self.new_companies: dict[str, str] = {}
        model = kind.service.model
        columns = [getattr(model, n) for n in kind.names]
        self.by_name: dict[str, int] = {}
        for ident, *names in session.execute(select(model.id, *columns)):
            self.by_name.setdefault(fold(" ".join(n or "" for n in names)), ident)
        self.by_id = dict(
            session.execute(
                select(ImportKey.external_id, ImportKey.entity_id).where(
                    ImportKey.entity_type == kind.entity_type, ImportKey.system == options.system
                )
            ).all()
        )
        self.seen: set[str] = set()
        self.mapping = dict(options.mapping)  # "new_field" columns become "uf:<id>" when made
        self.notes: list[Message] = []

    def run(self, progress: Progress | None) -> RecordCheck:
        targets = set(self.mapping.values())
        if not any(n in targets for n in self.kind.names):
            what = Message(self.kind.plural, {}, "fields")
            raise ValidationError.single("mapping", MSG_NAME_NEEDED, what=what)
        rows = list(read_rows(self.table))
        if not rows:
            raise ValidationError.single("file", MSG_NO_ROWS)
        self._new_fields()
        total = len(rows) * (2 if self.uow is not None else 1)
        numbers = [(c, self.table.header[c]) for c, t in self.mapping.items() if t in _NUMBERS]
        if numbers and self.options.decimal_comma is None:
            seen = decimal_mark((n, name, cells[c]) for n, cells in rows for c, name in numbers)
            self.decimal_comma = seen.comma is not None and seen.point is None
        for done, (number_, cells) in enumerate(rows, start=1):
            self._row(number_, cells)
            if progress is not None and done % 500 == 0:
                progress(done, total)
        listed, more = self.problems.listed()
        check = RecordCheck(
            len(rows),
            listed,
            more,
            sum(1 for p in self.pending if p.existing is None),
            sum(1 for p in self.pending if p.existing is not None),
            self.skipped,
            tuple(n for c, n in enumerate(self.table.header) if n and c not in self.mapping),
            tuple(self.users.unknown() + self.sources.unknown()),
            len(self.new_companies),
            tuple(self.notes),
        )
        if check.ok and self.uow is not None:
            self._write(progress, len(rows), total)
        return check

    def _new_fields(self) -> None:
        """Columns no field holds, to become text fields of their own (named as the column)."""
        columns = [c for c, t in self.mapping.items() if t == NEW_FIELD]
        if not columns or self.kind.custom is None:
            return
        self.notes.append(
            Message(NOTE_NEW_FIELDS, {"columns": ", ".join(self.table.header[c] for c in columns)})
        )
        if self.uow is None:
            return
        for column in columns:
            label = self.table.header[column][:200] or f"Column {column + 1}"
            info = insert_field(self.uow, self.kind.custom, label, FieldType.TEXT)
            self.fields[info.id] = info
            self.mapping[column] = f"uf:{info.id}"

    def _row(self, number_: int, cells: Sequence[Any]) -> None:
        problems = Problems()
        values: dict[str, Any] = {}
        custom: dict[int, Any] = {}
        external_id = None
        new_companies: list[str] = []
        for column, target in self.mapping.items():
            raw = cells[column] if column < len(cells) else None
            if is_blank(raw) or target == NEW_FIELD:  # a new text field takes any text
                continue
            header = self.table.header[column]
            if target == "external_id":
                external_id = text(raw)
            elif target.startswith("uf:"):
                info = self.fields.get(int(target[3:]))
                if info is not None:
                    custom[info.id] = _custom_value(problems, info, header, raw, self.decimal_comma)
            elif target in _NUMBERS:
                value = number(raw, self.decimal_comma)
                if value is None:
                    problems.add(target, MSG_NUMBER, value=text(raw), column=header)
                values[target] = value
            elif target in _YES_NO:
                flag = yes_no(raw)
                if flag is None:
                    problems.add(target, MSG_YES_NO, value=text(raw), column=header)
                values[target] = flag
            elif target == "responsible":
                found, ident = self.users.find(raw)
                if not found:
                    problems.add("responsible_id", MSG_NO_USER, value=text(raw))
                values["responsible_id"] = ident
            elif target == "source":
                found, code = self.sources.find(raw)
                if not found:
                    problems.add("source", MSG_NO_SOURCE, value=text(raw))
                values["source"] = code
            elif target == "companies":
                ids = []
                for name in text(raw).replace("\n", ";").split(";"):
                    name = " ".join(name.split())
                    if not name:
                        continue
                    ident = self.companies.get(fold(name))
                    if ident is not None:
                        ids.append(ident)
                    elif self.options.create_missing:
                        new_companies.append(name)
                    else:
                        problems.add("company_ids", MSG_NO_COMPANY, value=name)
                values["company_ids"] = ids
            else:
                values[target] = text(raw)
        try:
            cleaned = clean_fields(self.session, self.service.fields, values)
        except ValidationError as exc:
            problems.extend(exc.problems)
            cleaned = {}
        cleaned_custom = clean_values(self.session, problems, self.fields, custom)
        name = " ".join(str(cleaned.get(n) or "") for n in self.kind.names).strip()
        existing = self.by_id.get(external_id) if external_id else None
        if existing is None and name:
            existing = self.by_name.get(fold(name))
        key = external_id or fold(name)
        if key and key in self.seen and existing is None:
            existing = -1  # the file names it twice: the second row updates nothing, it's refused below
        if existing is not None:
            if self.options.duplicates == SKIP:
                self.skipped += 1
                return
            if self.options.duplicates != UPDATE or existing == -1:
                problems.add(self.kind.names[0], MSG_EXISTS, name=name or external_id)
        if key:
            self.seen.add(key)
        if problems:
            try:
                problems.raise_if_any()
            except ValidationError as exc:
                for problem in exc.problems:
                    self.problems.add(number_, problem)
            return
        for company in new_companies:
            self.new_companies.setdefault(fold(company), company)
        self.pending.append(_Pending(number_, cleaned, cleaned_custom, existing, external_id, new_companies))

    def _write(self, progress: Progress | None, rows: int, total: int) -> None:
        assert self.uow is not None
        uow = self.uow
        if self.kind.key == "products":
            require_settings(self.session, uow.actor_id, "product")
        operation = Operation(
            kind="import",
            entity_type=self.kind.entity_type,
            count=len(self.pending),
            user_id=uow.actor_id,
            at=utcnow(),
            label=self.table.path.name[:255],
        )
        self.session.add(operation)
        self.session.flush()
        self.operation_id = operation.id
        made: dict[str, int] = {}
        if self.new_companies:
            rows_ = [
                {
                    "title": n[:255],
                    "version": 1,
                    "responsible_id": uow.actor_id,
                    "created_by_id": uow.actor_id,
                    "updated_by_id": uow.actor_id,
                }
                for n in self.new_companies.values()
            ]
            ids = insert_ids(self.session, Company, rows_)
            uow.history.created_many(
                "company",
                [(i, 1, n) for i, n in zip(ids, self.new_companies.values(), strict=True)],
                operation.id,
            )
            made = dict(zip(self.new_companies.keys(), ids, strict=True))
        keys = []
        for done, item in enumerate(self.pending, start=rows + 1):
            values = dict(item.values)
            if item.new_companies:
                values["company_ids"] = [
                    *values.get("company_ids", []),
                    *(made[fold(n)] for n in item.new_companies),
                ]
            if item.existing is None:
                record = self.service.create_in(uow, values)
                if self.fields and item.custom:
                    insert_values(self.session, self.fields, [(record.id, item.custom)])
                self.created.append(record.id)
                if item.external_id:
                    keys.append(
                        {
                            "entity_type": self.kind.entity_type,
                            "system": self.options.system,
                            "external_id": item.external_id,
                            "entity_id": record.id,
                            "operation_id": operation.id,
                            "version": record.version,
                        }
                    )
            else:
                current = self.session.get(self.kind.service.model, item.existing)
                if current is None:
                    continue
                self.service.update_in(uow, item.existing, current.version, values)
                self.updated.append(item.existing)
            if progress is not None and done % 500 == 0:
                progress(min(done, total), total)
        if keys:
            self.session.execute(insert(table_of(ImportKey)), keys)
        if self.created:  # their "created" entries name the import (undoing it finds them)
            self.session.execute(
                update(HistoryEntry)
                .where(
                    HistoryEntry.entity_type == self.kind.entity_type,
                    HistoryEntry.action == "created",
                    HistoryEntry.entity_id.in_(self.created),
                    HistoryEntry.operation_id.is_(None),
                )
                .values(operation_id=operation.id)
            )


def _custom_fields(session: Session, entity: EntityType | None) -> dict[int, CustomFieldInfo]:
    if entity is None:
        return {}
    return {
        d.id: field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition)
            .where(CustomFieldDefinition.entity_type == entity)
            .order_by(CustomFieldDefinition.sort, CustomFieldDefinition.id)
        )
    }


def _custom_value(
    problems: Problems, info: CustomFieldInfo, column: str, raw: Any, decimal_comma: bool
) -> Any:
    """A custom field's cell: numbers, yes/no and list choices read; the rest as text (the field's
    own checks follow)."""
    kind = info.field_type
    if kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY):
        value = number(raw, decimal_comma)
        if value is None:
            problems.add(f"uf:{info.code}", MSG_NUMBER, value=text(raw), column=column)
        return value
    if kind is FieldType.BOOLEAN:
        return yes_no(raw)
    if kind is FieldType.DATE:
        return date_of(raw, True)
    if kind is FieldType.LIST:
        choice = next((o.id for o in info.options if fold(o.label) == fold(raw)), None)
        return [choice] if info.multiple and choice is not None else choice
    return text(raw)
