"""The records a workflow can run on: their models, their values for conditions, their responsible
person, the links of a task about them, and whether they still exist."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import Company, Contact, Deal, Invoice, Lead
from app.services.automation.conditions import deal_values
from app.services.workflows.definition import record_fields

MODELS: dict[str, Any] = {
    "deal": Deal,
    "contact": Contact,
    "company": Company,
    "lead": Lead,
    "invoice": Invoice,
}


def record_values(session: Session, entity: str, record_id: int) -> dict[str, Any] | None:
    """The record's fields by name (a deal's custom fields as "uf:<code>"); None when it is gone."""
    if entity == "deal":
        return deal_values(session, record_id)
    record = session.get(MODELS[entity], record_id)
    if record is None:
        return None
    values = {name: getattr(record, name) for name in record_fields(entity) if name != "open"}
    if entity == "invoice":
        values["open"] = (
            record.state == "issued" and record.kind != "cancellation" and record.paid < record.gross
        )
    return values


def responsible_of(session: Session, entity: str, record_id: int) -> int | None:
    record = session.get(MODELS[entity], record_id)
    if record is None:
        return None
    if entity == "invoice":
        deal = session.get(Deal, record.deal_id) if record.deal_id else None
        return deal.responsible_id if deal is not None else record.created_by_id
    return record.responsible_id  # type: ignore[no-any-return]


def task_links(session: Session, entity: str, record_id: int) -> dict[str, int | None]:
    """What a task about this record is linked to (an invoice's task is about its deal)."""
    if entity == "invoice":
        invoice = session.get(Invoice, record_id)
        return {"deal": invoice.deal_id if invoice is not None else None}
    return {entity: record_id}


def record_title(session: Session, entity: str, record_id: int) -> str:
    record = session.get(MODELS[entity], record_id)
    if record is None:
        return f"#{record_id}"
    if entity == "contact":
        return " ".join(p for p in (record.first_name, record.last_name) if p) or f"#{record_id}"
    if entity == "invoice":
        return record.number or f"#{record_id}"
    return str(record.title or f"#{record_id}")
