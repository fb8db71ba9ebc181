"""The imports made so far, and "Undo import": what an import created goes again — the deals nobody
has changed since, and the companies, contacts and products it made that nothing else uses now —
while every deal changed since stays, and is listed. People an import created stay too (people are
never deleted; they can be deactivated). The history keeps both: what was imported, and what went."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    Deal,
    DealProductRow,
    EntityType,
    HistoryEntry,
    ImportKey,
    Lead,
    Operation,
    Product,
    Task,
    User,
    contact_company,
    deal_contact,
    table_of,
    utcnow,
)
from app.services.access.rights import Action
from app.services.access.scope import access_for, deal_scope
from app.services.core.context import UnitOfWork
from app.services.core.errors import (
    ENTITY_NAMES,
    MSG_NOT_FOUND,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import delete_custom_values
from app.services.deals.writes import delete_deals

CHUNK = 500
MSG_NOT_IMPORT = QT_TRANSLATE_NOOP("errors", "This is not an import, or it was undone already.")
MSG_NOT_YOURS = QT_TRANSLATE_NOOP(
    "errors", "Only who imported the file, or an administrator, can undo the import."
)


@dataclass(frozen=True)
class ImportInfo:
    operation_id: int
    file: str
    at: datetime
    user_name: str | None
    deals: int  # records it made: deals, or the companies, contacts, ... of `kind`
    undone_at: datetime | None
    kind: str = "deal"  # "deal", "company", "contact", "lead", "product", "user"


@dataclass(frozen=True)
class UndoneImport:
    deals_removed: int
    changed: tuple[tuple[int, str], ...]  # (id, title) of deals changed since: kept
    refused: int  # deals this person may not delete: kept
    companies_removed: int
    contacts_removed: int
    products_removed: int
    people_kept: int
    leads_removed: int = 0

    @property
    def records_removed(self) -> int:
        return (
            self.deals_removed
            + self.companies_removed
            + self.contacts_removed
            + self.products_removed
            + self.leads_removed
        )


def imports(session: Session) -> list[ImportInfo]:
    """Every import, newest first."""
    rows = session.execute(
        select(
            Operation.id,
            Operation.label,
            Operation.at,
            User.name,
            Operation.count,
            Operation.undone_at,
            Operation.entity_type,
        )
        .outerjoin(User, User.id == Operation.user_id)
        .where(Operation.kind == "import")
        .order_by(Operation.id.desc())
    ).all()
    return [
        ImportInfo(i, label or "", at, name, count, undone, kind)
        for i, label, at, name, count, undone, kind in rows
    ]


def undo_import(
    uow: UnitOfWork, operation_id: int, progress: Callable[[int, int], None] | None = None
) -> UndoneImport:
    session = uow.session
    operation = session.get(Operation, operation_id)
    if operation is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["operation"], id=operation_id)
    if operation.kind != "import" or operation.undone_at is not None:
        raise ValidationError.single("operation", MSG_NOT_IMPORT)
    if operation.user_id != uow.actor_id and not access_for(session, uow.actor_id).unrestricted:
        raise PermissionDeniedError(MSG_NOT_YOURS)
    made = _created(session, operation_id)
    deals = made.get("deal", [])
    alive = (
        dict(session.execute(select(Deal.id, Deal.version).where(Deal.id.in_(deals))).all()) if deals else {}
    )
    unchanged = [i for i in deals if alive.get(i) == 1]
    allowed = set(_allowed(session, uow.actor_id, unchanged))
    removable = [i for i in unchanged if i in allowed]
    changed_ids = [i for i in deals if i in alive and alive[i] != 1]
    changed = (
        tuple(
            (i, title)
            for i, title in session.execute(
                select(Deal.id, Deal.title).where(Deal.id.in_(changed_ids)).order_by(Deal.id)
            )
        )
        if changed_ids
        else ()
    )
    undo = Operation(
        kind="undo:import",
        entity_type="deal",
        count=0,
        user_id=uow.actor_id,
        at=utcnow(),
        label=operation.label,
    )
    session.add(undo)
    session.flush()
    delete_deals(uow, removable, undo.id, progress)
    for start in range(0, len(removable), CHUNK):
        chunk = removable[start : start + CHUNK]
        session.execute(
            delete(ImportKey).where(ImportKey.entity_type == "deal", ImportKey.entity_id.in_(chunk))
        )
    companies = _remove_unused(uow, Company, "company", made.get("company", []))
    contacts = _remove_unused(uow, Contact, "contact", made.get("contact", []))
    products = _remove_unused(uow, Product, "product", made.get("product", []))
    leads = _remove_unused(uow, Lead, "lead", made.get("lead", []))
    undo.count = len(removable) + companies + contacts + products + leads
    if not changed and len(removable) == len(deals):
        operation.undone_at = undo.at  # all of it went: nothing left to undo
    return UndoneImport(
        len(removable),
        changed,
        len(unchanged) - len(removable),
        companies,
        contacts,
        products,
        len(made.get("user", [])),
        leads,
    )


def _created(session: Session, operation_id: int) -> dict[str, list[int]]:
    made: dict[str, list[int]] = {}
    rows = session.execute(
        select(HistoryEntry.entity_type, HistoryEntry.entity_id).where(
            HistoryEntry.operation_id == operation_id, HistoryEntry.action == "created"
        )
    )
    for kind, ident in rows:
        made.setdefault(kind, []).append(ident)
    return made


def _allowed(session: Session, actor_id: int | None, ids: Sequence[int]) -> list[int]:
    scope = deal_scope(session, actor_id, Action.DELETE)
    allowed: list[int] = []
    for start in range(0, len(ids), CHUNK):
        allowed += session.scalars(select(Deal.id).where(Deal.id.in_(ids[start : start + CHUNK]), *scope))
    return allowed


# What else may use a record an import made: then it stays.
_USED_BY = {
    "company": lambda ident: [
        exists().where(Deal.company_id == ident),
        exists().where(Task.company_id == ident),
        exists().where(Lead.converted_company_id == ident),
        exists().where(contact_company.c.company_id == ident),
    ],
    "contact": lambda ident: [
        exists().where(deal_contact.c.contact_id == ident),
        exists().where(Task.contact_id == ident),
        exists().where(Lead.converted_contact_id == ident),
        exists().where(contact_company.c.contact_id == ident),
    ],
    "product": lambda ident: [exists().where(DealProductRow.product_id == ident)],
    "lead": lambda ident: [exists().where(Task.lead_id == ident)],
}
_ENTITY = {"company": EntityType.COMPANY, "contact": EntityType.CONTACT, "lead": EntityType.LEAD}


def _remove_unused(uow: UnitOfWork, model: type, kind: str, ids: Sequence[int]) -> int:
    """What the import made of this kind, unchanged since and used by nothing now: removed."""
    session = uow.session
    table = table_of(model)
    unused: list[int] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        free = [~check for check in _USED_BY[kind](table.c.id)]
        unused += session.scalars(
            select(table.c.id).where(table.c.id.in_(chunk), table.c.version == 1, *free)
        )
    for ident in unused:
        uow.history.deleted(kind, ident, 1)
    if kind in _ENTITY and unused:
        delete_custom_values(session, _ENTITY[kind], unused)
    for start in range(0, len(unused), CHUNK):
        session.execute(delete(table).where(table.c.id.in_(unused[start : start + CHUNK])))
    if unused:
        uow.emit(f"{kind}.deleted", unused)
    return len(unused)
