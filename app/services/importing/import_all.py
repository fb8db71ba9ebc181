"""`dealdesk import --all DIR`: a folder written by Export all, brought into a database — typically an
empty one — in one transaction: the pipelines and stages, custom fields, products, people, companies
and contacts it does not have yet (matched by name, code or login), then the deals through the deal
import itself (their dates, stages' dates, custom values, contacts and product rows), so that
analytics over the imported years give the figures of the database the folder came from.

What does not come back: passwords (never exported), the history of changes before the export (it
stays in history.csv to read), stays in a stage after the first (the first date per stage is
exported), documents' files (they are in documents/ to keep).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, Numeric, String, Table, Text, insert, select
from sqlalchemy.types import TypeDecorator

from app.importing.tables import open_table, read_rows
from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    CustomFieldOption,
    Pipeline,
    Product,
    Stage,
    User,
    contact_company,
    table_of,
)
from app.services.access.scope import access_for
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.importing.cells import fold
from app.services.importing.deals import (
    ImportOptions,
    ImportRejectedError,
    _Importer,
    guess_mapping,
    labels_of,
)

Progress = Callable[[int, int], None]
MSG_ADMINS_ONLY = QT_TRANSLATE_NOOP("errors", "Only an administrator can import a whole export.")
MSG_NOT_AN_EXPORT = QT_TRANSLATE_NOOP(
    "errors", "{folder} is not a folder written by Export all (it has no deals.csv)."
)
# Columns an import never takes from the file: ids are the database's own, people are matched anew.
_NOT_TAKEN = {"id", "version", "responsible_id", "created_by_id", "updated_by_id", "department_id", "head_id"}


@dataclass(frozen=True)
class ImportedAll:
    pipelines: int
    stages: int
    custom_fields: int
    products: int
    people: int
    companies: int
    contacts: int
    deals: int
    operation_id: int | None


class ImportAllService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def import_all(self, folder: Any, progress: Progress | None = None) -> ImportedAll:
        """A folder written by Export all, in one transaction (administrators)."""
        with self._ctx.write() as uow:
            return import_all(uow, self._ctx, Path(folder), progress)


def import_all(
    uow: UnitOfWork, context: ServiceContext, folder: Path, progress: Progress | None = None
) -> ImportedAll:
    if not access_for(uow.session, uow.actor_id).unrestricted:
        raise PermissionDeniedError(MSG_ADMINS_ONLY)
    if not (folder / "deals.csv").is_file():
        raise ValidationError.single("folder", MSG_NOT_AN_EXPORT, folder=str(folder))
    pipelines, stages = _pipelines(uow, folder)
    fields = _custom_fields(uow, folder)
    products = _by_name(uow, folder / "products.csv", Product, "name")
    people = _people(uow, context, folder)
    companies, company_ids = _by_name(uow, folder / "companies.csv", Company, "title", keep_ids=True)
    contacts, contact_ids = _contacts(uow, folder)
    _links(uow, folder, company_ids, contact_ids)
    uow.session.flush()
    table = open_table(folder / "deals.csv")
    mapping = guess_mapping(uow.session, table.header, labels_of(uow.session))
    products_file = folder / "deal_products.csv"
    options = ImportOptions(
        mapping=mapping,
        create_users=True,
        system="dealdesk-export",
        product_rows=products_file if products_file.is_file() else None,
        decimal_comma=False,
    )
    importer = _Importer(uow.session, uow, context, table, options)
    check = importer.run(progress)
    if not check.ok:
        raise ImportRejectedError(check)
    uow.coalesce_events()
    return ImportedAll(
        pipelines,
        stages,
        fields,
        products,
        people,
        companies,
        contacts,
        len(importer.created),
        importer.operation_id,
    )


# -- reading the table files --------------------------------------------------------------------------


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        return
    table = open_table(path)
    for _line, cells in read_rows(table):
        yield {
            name: ("" if cell is None else str(cell)) for name, cell in zip(table.header, cells, strict=False)
        }


def _value(column: Any, text: str) -> Any:
    """A cell as the column stores it (the export wrote each column as the database keeps it)."""
    if text == "":
        return None
    kind = column.type
    base = kind.impl if isinstance(kind, TypeDecorator) else kind
    if isinstance(kind, TypeDecorator) and not isinstance(base, (String, Text)):
        return Decimal(text)  # our scaled decimals: money, quantities, percentages
    if isinstance(base, Boolean):
        return text.strip().lower() in ("1", "true", "yes")
    if isinstance(base, DateTime):
        from app.services.importing.dates import moment

        return moment(text, day_first=True)
    if isinstance(base, Date):
        return date.fromisoformat(text[:10])
    if isinstance(base, Enum):
        return text
    if isinstance(base, Integer):
        return int(text)
    if isinstance(base, Numeric):
        return Decimal(text)
    return text


def _taken(table: Table, row: Mapping[str, str], skip: set[str] = _NOT_TAKEN) -> dict[str, Any]:
    """The row's stored columns (a new record: version 1)."""
    values = {c.name: _value(c, row[c.name]) for c in table.columns if c.name in row and c.name not in skip}
    if "version" in table.c:
        values["version"] = 1
    return values


# -- what the deals refer to -----------------------------------------------------------------------------


def _pipelines(uow: UnitOfWork, folder: Path) -> tuple[int, int]:
    session = uow.session
    known = {fold(p.name): p for p in session.scalars(select(Pipeline))}
    by_old: dict[str, Pipeline] = {}
    made_pipelines = made_stages = 0
    for row in _rows(folder / "pipelines.csv"):
        pipeline = known.get(fold(row["name"]))
        if pipeline is None:
            pipeline = Pipeline(name=row["name"], sort=int(row.get("sort") or 0), is_default=False)
            session.add(pipeline)
            session.flush()
            uow.history.created("pipeline", pipeline.id, 1, pipeline.name)
            known[fold(pipeline.name)] = pipeline
            made_pipelines += 1
        by_old[row["id"]] = pipeline
    stage_table = table_of(Stage)
    for row in _rows(folder / "stages.csv"):
        pipeline = by_old.get(row["pipeline_id"])
        if pipeline is None:
            continue
        names = {fold(s.name) for s in session.scalars(select(Stage).where(Stage.pipeline_id == pipeline.id))}
        if fold(row["name"]) in names:
            continue
        values = _taken(stage_table, row, _NOT_TAKEN | {"pipeline_id"})
        session.execute(insert(stage_table).values(pipeline_id=pipeline.id, **values))
        made_stages += 1
    return made_pipelines, made_stages


def _custom_fields(uow: UnitOfWork, folder: Path) -> int:
    session = uow.session
    definitions = table_of(CustomFieldDefinition)
    known = {(d.entity_type.value, d.code) for d in session.scalars(select(CustomFieldDefinition))}
    new_ids: dict[str, int] = {}
    for row in _rows(folder / "custom_fields.csv"):
        if (row["entity_type"], row["code"]) in known:
            continue
        new_ids[row["id"]] = session.execute(
            insert(definitions).values(**_taken(definitions, row)).returning(definitions.c.id)
        ).scalar_one()
    options = table_of(CustomFieldOption)
    for row in _rows(folder / "custom_field_options.csv"):
        if row["field_id"] in new_ids:
            values = _taken(options, row, _NOT_TAKEN | {"field_id"})
            session.execute(insert(options).values(field_id=new_ids[row["field_id"]], **values))
    return len(new_ids)


def _by_name(uow: UnitOfWork, path: Path, model: Any, name: str, *, keep_ids: bool = False) -> Any:
    """Records of a kind the database lacks by name, with their stored columns; (count, old id ->
    new id for every row) when asked."""
    session = uow.session
    table = table_of(model)
    known = {fold(v): i for i, v in session.execute(select(table.c.id, table.c[name]))}
    ids: dict[str, int] = {}
    made = 0
    for row in _rows(path):
        key = fold(row[name])
        if key not in known:
            values = {**_taken(table, row), "version": 1}
            if "responsible_id" in table.c:
                values["responsible_id"] = uow.actor_id
            known[key] = session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()
            uow.history.created(model.__tablename__, known[key], 1, row[name])
            made += 1
        ids[row["id"]] = known[key]
    return (made, ids) if keep_ids else made


def _contacts(uow: UnitOfWork, folder: Path) -> tuple[int, dict[str, int]]:
    session = uow.session
    table = table_of(Contact)
    known = {
        fold(f"{first} {last}"): i
        for i, first, last in session.execute(select(Contact.id, Contact.first_name, Contact.last_name))
    }
    ids: dict[str, int] = {}
    made = 0
    for row in _rows(folder / "contacts.csv"):
        key = fold(f"{row['first_name']} {row['last_name']}")
        if key not in known:
            values = {**_taken(table, row), "version": 1, "responsible_id": uow.actor_id}
            known[key] = session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()
            uow.history.created("contact", known[key], 1, key)
            made += 1
        ids[row["id"]] = known[key]
    return made, ids


def _links(uow: UnitOfWork, folder: Path, companies: Mapping[str, int], contacts: Mapping[str, int]) -> None:
    pairs = uow.session.execute(select(contact_company.c.contact_id, contact_company.c.company_id))
    existing = {(contact, company) for contact, company in pairs}
    for row in _rows(folder / "contact_companies.csv"):
        pair = (contacts.get(row["contact_id"]), companies.get(row["company_id"]))
        if None not in pair and pair not in existing:
            uow.session.execute(insert(contact_company).values(contact_id=pair[0], company_id=pair[1]))
            existing.add(pair)


def _people(uow: UnitOfWork, context: ServiceContext, folder: Path) -> int:
    from app.services.access.users import UserService

    service = UserService(context)
    known = {fold(u.login) for u in uow.session.scalars(select(User))}
    made = 0
    for row in _rows(folder / "users.csv"):
        if fold(row["login"]) in known:
            continue
        values: dict[str, Any] = {"login": row["login"], "name": row["name"]}
        values["email"] = row.get("email") or None
        values["is_active"] = row.get("is_active", "1") in ("1", "true")
        service.create_in(uow, values)
        known.add(fold(row["login"]))
        made += 1
    return made
