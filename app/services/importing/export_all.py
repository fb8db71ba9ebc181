"""Export everything (File › Export all…, `dealdesk export --all DIR`): every record of every kind as
CSV, with the files of the documents — for an office that leaves, a copy it can read anywhere, and a
way back in: `deals.csv` and `deal_products.csv` import into an empty database with the same figures
(`dealdesk import --all DIR`).

`deals.csv` is written the way the import reads it: the columns are the fields' own names, people,
stages and companies by name, custom fields by their label, the date each deal first came into each
stage ("Entered Invoice (Sales)"), moments in local time. The other files are the tables as they
are: one column per stored field, ids kept so the files refer to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.exporting.tables import write_csv
from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    CustomFieldOption,
    Deal,
    DealDocument,
    DealProductRow,
    DealStageVisit,
    Department,
    EntityType,
    HistoryEntry,
    Lead,
    Pipeline,
    Product,
    Role,
    RoleAssignment,
    Stage,
    User,
    contact_company,
    deal_contact,
    table_of,
)
from app.services.access.scope import access_for
from app.services.core.context import ServiceContext
from app.services.core.errors import Message, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.deals.export import custom_cell
from app.services.fields.custom_fields import field_info, read_values
from app.services.importing.wording import MSG_ENTERED, STANDARD_TARGETS, label_of

Progress = Callable[[int, int], None]
CHUNK = 2000
MSG_ADMINS_ONLY = QT_TRANSLATE_NOOP("errors", "Only an administrator can export everything.")
# Columns that never leave the database.
_SECRET = {"password_hash", "failed_logins", "locked_until"}
# Tables written as they are (file name, table), in an order in which each refers only to earlier ones.
_TABLES: tuple[tuple[str, Any], ...] = (
    ("departments", Department),
    ("users", User),
    ("roles", Role),
    ("role_assignments", RoleAssignment),
    ("pipelines", Pipeline),
    ("stages", Stage),
    ("custom_fields", CustomFieldDefinition),
    ("custom_field_options", CustomFieldOption),
    ("products", Product),
    ("companies", Company),
    ("contacts", Contact),
    ("contact_companies", contact_company),
    ("leads", Lead),
    ("deal_contacts", deal_contact),
    ("stage_visits", DealStageVisit),
    ("history", HistoryEntry),
)
# deals.csv: the import's own targets, in its order, as far as a deal has them.
_DEAL_TARGETS = tuple(
    t
    for t in STANDARD_TARGETS
    if t not in ("product", "product_quantity", "product_price", "status", "new_field")
)


@dataclass(frozen=True)
class ExportedAll:
    folder: Path
    files: dict[str, int]  # file name -> rows
    documents: int


class ExportAllService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def export_all(self, folder: Path, progress: Progress | None = None) -> ExportedAll:
        """Write every file into `folder` (made if missing); administrators only."""
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, int] = {}
        with self._ctx.read() as session:
            if not access_for(session, self._ctx.actor_id).unrestricted:
                raise PermissionDeniedError(MSG_ADMINS_ONLY)
            steps = len(_TABLES) + 3
            step = 0

            def tick() -> None:
                nonlocal step
                step += 1
                if progress is not None:
                    progress(step, steps)

            files["deals.csv"] = _write_deals(session, folder / "deals.csv")
            tick()
            files["deal_products.csv"] = _write_product_rows(session, folder / "deal_products.csv")
            tick()
            for name, model in _TABLES:
                files[f"{name}.csv"] = _write_table(session, folder / f"{name}.csv", model)
                tick()
            documents = _write_documents(session, folder)
            files["documents.csv"] = documents
            tick()
        return ExportedAll(folder, files, documents)


def _local(value: Any) -> Any:
    """A stored moment (UTC) as the clock on the wall shows it."""
    if isinstance(value, datetime):
        return (
            value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
        )
    return value


def _write_table(session: Session, path: Path, model: Any) -> int:
    table: Table = model if isinstance(model, Table) else table_of(model)
    columns = [c for c in table.columns if c.name not in _SECRET]
    order = list(table.primary_key.columns)

    def rows() -> Iterator[list[Any]]:
        result = session.execute(select(*columns).order_by(*order)).yield_per(CHUNK)
        for row in result:
            yield [_local(v) for v in row]

    return write_csv(path, [c.name for c in columns], rows())


def _write_deals(session: Session, path: Path) -> int:
    users = dict(session.execute(select(User.id, User.name)).all())
    pipelines = dict(session.execute(select(Pipeline.id, Pipeline.name)).all())
    stages = {
        s.id: s for s in session.scalars(select(Stage).order_by(Stage.pipeline_id, Stage.sort, Stage.id))
    }
    companies = dict(session.execute(select(Company.id, Company.title)).all())
    fields = [
        field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition)
            .where(CustomFieldDefinition.entity_type == EntityType.DEAL)
            .order_by(CustomFieldDefinition.sort, CustomFieldDefinition.id)
        )
    ]
    header = [str(label_of(t)) for t in _DEAL_TARGETS]
    header += [f.label for f in fields]
    header += [
        str(Message(MSG_ENTERED, {"stage": s.name, "pipeline": pipelines[s.pipeline_id]}))
        for s in stages.values()
    ]

    def rows() -> Iterator[list[Any]]:
        result = session.execute(select(Deal).order_by(Deal.id).execution_options(yield_per=CHUNK)).scalars()
        batch: list[Deal] = []
        for deal in result:
            batch.append(deal)
            if len(batch) >= CHUNK:
                yield from _deal_rows(session, batch, fields, stages, users, pipelines, companies)
                batch = []
        if batch:
            yield from _deal_rows(session, batch, fields, stages, users, pipelines, companies)

    return write_csv(path, header, rows())


def _deal_rows(
    session: Session,
    deals: Sequence[Deal],
    fields: Sequence[Any],
    stages: dict[int, Stage],
    users: dict[int, str],
    pipelines: dict[int, str],
    companies: dict[int, str],
) -> Iterable[list[Any]]:
    ids = [d.id for d in deals]
    contacts: dict[int, list[str]] = {}
    for deal_id, first, last in session.execute(
        select(deal_contact.c.deal_id, Contact.first_name, Contact.last_name)
        .join(Contact, Contact.id == deal_contact.c.contact_id)
        .where(deal_contact.c.deal_id.in_(ids))
        .order_by(deal_contact.c.deal_id, deal_contact.c.sort)
    ):
        contacts.setdefault(deal_id, []).append(f"{first} {last}".strip())
    entered: dict[tuple[int, int], datetime] = {}
    for deal_id, stage_id, when in session.execute(
        select(DealStageVisit.deal_id, DealStageVisit.stage_id, DealStageVisit.entered_at)
        .where(DealStageVisit.deal_id.in_(ids))
        .order_by(DealStageVisit.entered_at.desc())
    ):
        entered[deal_id, stage_id] = when  # the first time it came, last written wins
    values = read_values(session.connection(), list(fields), ids)
    for deal in deals:
        cells = {
            "title": deal.title,
            "pipeline": pipelines.get(deal.pipeline_id),
            "stage": stages[deal.stage_id].name if deal.stage_id in stages else None,
            "amount": deal.amount,
            "currency": deal.currency,
            "begin_date": deal.begin_date,
            "close_date": deal.close_date,
            "probability": deal.probability,
            "responsible": users.get(deal.responsible_id) if deal.responsible_id else None,
            "source": deal.source,
            "company": companies.get(deal.company_id) if deal.company_id else None,
            "contacts": "; ".join(contacts.get(deal.id, [])) or None,
            "comments": deal.comments,
            "created_at": _local(deal.created_at),
            "closed_at": _local(deal.closed_at) if deal.closed else None,
            "loss_reason": deal.loss_reason,
            "external_id": deal.id,
        }
        row = [cells.get(t) for t in _DEAL_TARGETS]
        custom = values.get(deal.id, {})
        row += [custom_cell(f, custom.get(f.id), users) for f in fields]
        row += [_local(entered.get((deal.id, s))) for s in stages]
        yield row


def _write_product_rows(session: Session, path: Path) -> int:
    header = [
        "Deal",
        "Sort",
        "Product",
        "SKU",
        "Price",
        "Quantity",
        "Unit",
        "Discount type",
        "Discount",
        "Tax rate",
        "Tax included",
    ]

    def rows() -> Iterator[list[Any]]:
        result = session.execute(
            select(
                DealProductRow.deal_id,
                DealProductRow.sort,
                DealProductRow.name,
                Product.sku,
                DealProductRow.price,
                DealProductRow.quantity,
                DealProductRow.unit,
                DealProductRow.discount_type,
                DealProductRow.discount,
                DealProductRow.tax_rate,
                DealProductRow.tax_included,
            )
            .outerjoin(Product, Product.id == DealProductRow.product_id)
            .order_by(DealProductRow.deal_id, DealProductRow.sort, DealProductRow.id)
        ).yield_per(CHUNK)
        for row in result:
            yield [str(v) if hasattr(v, "value") else v for v in row]

    return write_csv(path, header, rows())


def _write_documents(session: Session, folder: Path) -> int:
    """documents.csv (deal, number, title, file), and each document's file under documents/<deal>/."""
    documents = folder / "documents"
    header = ["ID", "Deal", "Kind", "Number", "Title", "File", "Created"]
    listed: list[list[Any]] = []
    for doc in session.scalars(
        select(DealDocument).order_by(DealDocument.id).execution_options(yield_per=200)
    ):
        place = documents / str(doc.deal_id)
        place.mkdir(parents=True, exist_ok=True)
        name = Path(doc.file_name).name or f"document-{doc.id}.docx"
        target = place / f"{doc.id}-{name}"
        target.write_bytes(doc.content)
        if doc.pdf:
            target.with_suffix(".pdf").write_bytes(doc.pdf)
        listed.append(
            [
                doc.id,
                doc.deal_id,
                doc.kind,
                doc.number,
                doc.title,
                str(target.relative_to(folder)),
                _local(doc.created_at),
            ]
        )
    write_csv(folder / "documents.csv", header, listed)
    return len(listed)
