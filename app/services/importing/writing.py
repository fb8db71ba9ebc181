"""An import's write, after every row passed its check: what the rows name and Dealdesk lacks
(companies, contacts, products, people) made in a few statements, then the deals in batches with
their history, stays, contacts, custom values, product rows and their IDs from the other program —
all under one operation, the import, whose history entries say which records it made."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    Deal,
    DealProductRow,
    HistoryEntry,
    ImportKey,
    Operation,
    Product,
    table_of,
    utcnow,
)
from app.services.access.rights import Action
from app.services.access.scope import deal_scope
from app.services.core.context import UnitOfWork
from app.services.core.records import base_currency, flush_or_conflict, insert_ids, touch
from app.services.deals.writes import apply_changes, apply_stage, insert_deals
from app.services.fields.custom_fields import CustomFieldInfo, insert_values, write_values
from app.services.importing.cells import fold
from app.services.importing.dates import stays
from app.storage import rollups, search_index

if TYPE_CHECKING:
    from app.services.access.users import UserService
    from app.services.importing.deals import _Pending

# A product row of an imported deal: (product id or stand-in, name, quantity, price, the rest of the
# row as our own export writes it — discount, tax — or None).
ProductLine = tuple[int, str, Decimal | None, Decimal | None, dict[str, Any] | None]

# An import at least this large, and at least as large as the database, makes the running totals and
# search documents anew once at its end instead of row by row (on SQLite, whose write lock is ours).
BULK_AT_LEAST = 5_000


def company_names(session: Session) -> dict[str, int]:
    names: dict[str, int] = {}
    for ident, title in session.execute(select(Company.id, Company.title).order_by(Company.id)):
        names.setdefault(fold(title), ident)
    return names


def company_titles(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Company.id, Company.title)).all())


def contact_names(session: Session) -> dict[str, int]:
    names: dict[str, int] = {}
    rows = session.execute(select(Contact.id, Contact.first_name, Contact.last_name).order_by(Contact.id))
    for ident, first, last in rows:
        names.setdefault(fold(f"{first} {last}"), ident)
    return names


@contextmanager
def totals_after(uow: UnitOfWork, count: int) -> Iterator[None]:
    """Around the write of `count` new deals: the running totals and the search index kept row by row
    by triggers, or — for a large import into a small database — made anew once at the end, in the
    same transaction (nobody ever sees them behind)."""
    session = uow.session
    existing = session.scalar(select(func.count()).select_from(Deal)) or 0
    conn = session.connection()
    if conn.dialect.name != "sqlite" or count < max(BULK_AT_LEAST, existing):
        yield
        return
    saved = search_index.pause_triggers(conn)
    rollups.drop_triggers(conn)
    yield
    session.flush()
    search_index.rebuild(conn)
    search_index.resume_triggers(conn, saved)
    rollups.rebuild(conn)
    rollups.create_triggers(conn)


def import_operation(uow: UnitOfWork, count: int, label: str) -> int:
    """The import as one operation (named after its file): its records' "created" entries carry its id."""
    operation = Operation(
        kind="import", entity_type="deal", count=count, user_id=uow.actor_id, at=utcnow(), label=label[:255]
    )
    uow.session.add(operation)
    uow.session.flush()
    return operation.id


def _insert(
    uow: UnitOfWork, model: Any, kind: str, rows: list[dict[str, Any]], titles: list[str], operation_id: int
) -> list[int]:
    ids = insert_ids(uow.session, model, rows)
    uow.history.created_many(kind, [(i, 1, t) for i, t in zip(ids, titles, strict=True)], operation_id)
    uow.emit(f"{kind}.created", ids)
    return ids


def create_companies(uow: UnitOfWork, new: Sequence[tuple[str, int]], operation_id: int) -> dict[int, int]:
    """Companies the file names: stand-in id -> new id."""
    if not new:
        return {}
    who = {"responsible_id": uow.actor_id, "created_by_id": uow.actor_id, "updated_by_id": uow.actor_id}
    rows = [{"title": name[:255], "version": 1, **who} for name, _stand_in in new]
    ids = _insert(uow, Company, "company", rows, [name for name, _ in new], operation_id)
    return {stand_in: ident for (_name, stand_in), ident in zip(new, ids, strict=True)}


def create_contacts(uow: UnitOfWork, new: Sequence[tuple[str, int]], operation_id: int) -> dict[int, int]:
    """Contacts the file names ("Anna Maria Weber": first "Anna Maria", last "Weber")."""
    if not new:
        return {}
    who = {"responsible_id": uow.actor_id, "created_by_id": uow.actor_id, "updated_by_id": uow.actor_id}
    rows = []
    for name, _stand_in in new:
        first, _, last = " ".join(name.split()).rpartition(" ")
        rows.append({"first_name": first[:100], "last_name": last[:100], "version": 1, **who})
    ids = _insert(uow, Contact, "contact", rows, [name for name, _ in new], operation_id)
    return {stand_in: ident for (_name, stand_in), ident in zip(new, ids, strict=True)}


def create_products(uow: UnitOfWork, new: Sequence[tuple[str, int]], operation_id: int) -> dict[int, int]:
    """Products the file names and the catalog lacks (no price: the deals' rows have theirs)."""
    if not new:
        return {}
    currency = base_currency(uow.session)
    rows = [{"name": name[:255], "currency": currency, "price": Decimal(0), "version": 1} for name, _ in new]
    ids = _insert(uow, Product, "product", rows, [name for name, _ in new], operation_id)
    return {stand_in: ident for (_name, stand_in), ident in zip(new, ids, strict=True)}


def create_people(
    uow: UnitOfWork, people: UserService, new: Sequence[tuple[str, int]], operation_id: int
) -> dict[int, int]:
    """People the file names as responsible: a login from their name, no password and no roles yet."""
    taken = {fold(login) for login in uow.session.scalars(select(people.model.login))}
    made: dict[int, int] = {}
    for name, stand_in in new:
        base = ".".join(part for part in fold(name).replace(",", " ").split() if part)[:90] or "user"
        login, n = base, 1
        while fold(login) in taken:
            n += 1
            login = f"{base}{n}"
        taken.add(fold(login))
        made[stand_in] = people.create_in(uow, {"login": login, "name": name[:200]}).id
    if made:  # their "created" entries name the import too (undoing it counts them)
        uow.session.flush()
        uow.session.execute(
            update(HistoryEntry)
            .where(
                HistoryEntry.entity_type == "user",
                HistoryEntry.action == "created",
                HistoryEntry.entity_id.in_(list(made.values())),
                HistoryEntry.operation_id.is_(None),
            )
            .values(operation_id=operation_id)
        )
    return made


def insert_imported_deals(
    uow: UnitOfWork,
    fields: Mapping[int, CustomFieldInfo],
    batch: Sequence[_Pending],
    order: Mapping[int, int],
    operation_id: int,
    system: str,
) -> list[int]:
    """A batch of checked rows as deals, with everything that hangs on them."""
    session = uow.session
    catalog = {
        p.id: p
        for p in session.scalars(
            select(Product).where(Product.id.in_({p[0] for item in batch for p in item.products}))
        )
    }
    ids = insert_deals(
        uow,
        [(item.stage, item.values, item.contact_ids) for item in batch],
        stays=[stays(item.stage.id, item.values["stage_changed_at"], item.entered, order) for item in batch],
        operation_id=operation_id,
    )
    insert_values(session, fields, [(i, item.custom) for i, item in zip(ids, batch, strict=True)])
    product_rows = [
        row for deal_id, item in zip(ids, batch, strict=True) for row in _product_rows(catalog, deal_id, item)
    ]
    if product_rows:
        session.execute(insert(table_of(DealProductRow)), product_rows)
    keys = [
        {
            "entity_type": "deal",
            "system": system,
            "external_id": item.external_id,
            "entity_id": deal_id,
            "operation_id": operation_id,
            "version": 1,
        }
        for deal_id, item in zip(ids, batch, strict=True)
        if item.external_id is not None
    ]
    if keys:
        session.execute(insert(table_of(ImportKey)), keys)
    return ids


def _product_rows(catalog: Mapping[int, Product], deal_id: int, item: _Pending) -> list[dict[str, Any]]:
    """The deal's products: each with its row's price column, else (one product) the deal's amount
    shared over the quantity, so the products' figures add up to the deal's; else the catalog's."""
    amount = item.values.get("amount")
    rows = []
    for sort, (product_id, name, quantity, price, extra) in enumerate(item.products):
        product = catalog.get(product_id)
        quantity = quantity if quantity is not None and quantity > 0 else Decimal(1)
        if price is None:
            if len(item.products) == 1 and amount:
                price = (Decimal(amount) / quantity).quantize(Decimal("0.01"))
            else:
                price = product.price if product is not None else Decimal(0)
        rows.append(
            {
                "deal_id": deal_id,
                "product_id": product_id,
                "sort": sort,
                "name": (product.name if product is not None else name)[:255],
                "price": price,
                "quantity": quantity,
                "unit": product.unit if product is not None else "pcs",
                "tax_rate": product.tax_rate if product is not None else Decimal(0),
                "tax_included": product.tax_included if product is not None else False,
                **(extra or {}),
            }
        )
    return rows


# What an update from a file may change: the file's columns mapped to these, nothing else.
UPDATABLE = {
    "title": "title",
    "amount": "amount",
    "currency": "currency",
    "begin_date": "begin_date",
    "close_date": "close_date",
    "probability": "probability",
    "responsible": "responsible_id",
    "source": "source",
    "company": "company_id",
    "contacts": "contact_ids",
    "comments": "comments",
}


def update_imported_deals(
    uow: UnitOfWork,
    fields: Mapping[int, CustomFieldInfo],
    items: Sequence[_Pending],
    targets: set[str],
    operation_id: int,
    system: str,
) -> list[int]:
    """Deals an earlier import made, unchanged since, given the file's values for its mapped
    columns (a stage as a move, with its stay), with history under this import's operation."""
    session = uow.session
    catalog = {
        p.id: p
        for p in session.scalars(
            select(Product).where(Product.id.in_({p[0] for i in items for p in i.products}))
        )
    }
    changed: list[int] = []
    scope = deal_scope(session, uow.actor_id, Action.EDIT)
    ids = [item.update_of for item in items]
    editable = set(session.scalars(select(Deal.id).where(Deal.id.in_(ids), *scope))) if ids else set()
    for item in items:
        deal = session.get(Deal, item.update_of) if item.update_of in editable else None
        if deal is None:  # deleted since, or not this person's to change
            continue
        values = {
            column: item.values.get(column) for target, column in UPDATABLE.items() if target in targets
        }
        if "contacts" in targets:
            values["contact_ids"] = item.contact_ids
        diff = apply_changes(session, deal, values)
        if item.custom:
            diff.update(write_values(session, fields, deal.id, item.custom))
        if (
            "stage" in targets
            and item.stage.id != deal.stage_id
            and item.stage.pipeline_id == deal.pipeline_id
        ):
            diff.update(
                apply_stage(session, deal, item.stage.id, item.values.get("loss_reason"), uow.actor_id)
            )
            if deal.closed and "closed_at" in targets and item.values.get("closed_at"):
                deal.closed_at = item.values["closed_at"]
        if "product" in targets:
            session.execute(delete(DealProductRow).where(DealProductRow.deal_id == deal.id))
            rows = _product_rows(catalog, deal.id, item)
            if rows:
                session.execute(insert(table_of(DealProductRow)), rows)
            diff["products"] = (None, "; ".join(line[1] for line in item.products) or None)
        if not diff:
            continue
        deal.updated_by_id = uow.actor_id
        touch(deal)
        flush_or_conflict(session, "deal", deal.title)
        uow.history.changed("deal", deal.id, deal.version, diff, action="updated", operation_id=operation_id)
        session.execute(
            update(ImportKey)
            .where(
                ImportKey.entity_type == "deal", ImportKey.system == system, ImportKey.entity_id == deal.id
            )
            .values(version=deal.version)
        )
        changed.append(deal.id)
    if changed:
        uow.emit("deal.updated", changed)
    return changed


def product_rows_file(path: Any) -> dict[str, list[Any]]:
    """deal_products.csv as our export writes it: deal ID -> [(product, quantity, price, the rest)]."""
    from pathlib import Path

    from app.importing.tables import open_table, read_rows
    from app.services.importing.cells import fold, mark_shown, number, yes_no

    table = open_table(Path(path))
    column = {fold(name): n for n, name in enumerate(table.header)}

    def cell(cells: list[Any], name: str) -> Any:
        n = column.get(name)
        return cells[n] if n is not None and n < len(cells) else None

    def amount(value: Any) -> Decimal | None:
        return None if value in (None, "") else number(value, mark_shown(value) == ",")

    rows: dict[str, list[Any]] = {}
    for _line, cells in read_rows(table):
        extra: dict[str, Any] = {}
        for name, key in (("discount", "discount"), ("tax rate", "tax_rate")):
            value = amount(cell(cells, name))
            if value is not None:
                extra[key] = value
        kind = cell(cells, "discount type")
        if kind in ("percent", "amount"):
            extra["discount_type"] = kind
        included = cell(cells, "tax included")
        if included not in (None, ""):
            extra["tax_included"] = bool(yes_no(included))
        unit = cell(cells, "unit")
        if unit:
            extra["unit"] = str(unit)[:20]
        deal = str(cell(cells, "deal") or "").strip()
        product = str(cell(cells, "product") or "").strip()
        if deal and product:
            line = (product, amount(cell(cells, "quantity")), amount(cell(cells, "price")), extra)
            rows.setdefault(deal, []).append(line)
    return rows
