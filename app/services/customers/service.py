"""Companies and contacts: create, read, update, delete, with history and conflict checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from app.models import Company, Contact, EntityType, User, contact_company
from app.services.access.scope import require_record
from app.services.core.context import UnitOfWork
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import (
    CrudService,
    bool_field,
    delete_custom_values,
    email_field,
    id_field,
    ids_field,
    pattern_field,
    text_field,
)
from app.services.core.vocabulary import COMPANY_NAME

MSG_VAT_ID = QT_TRANSLATE_NOOP(
    "errors", "'{value}' is not a VAT ID: two letters for the country, then its number (DE123456789)."
)
MSG_LEITWEG = QT_TRANSLATE_NOOP(
    "errors",
    "'{value}' is not a Leitweg-ID: groups of digits and letters ending in two check digits (991-12345-06).",
)


@dataclass(frozen=True, slots=True)
class CompanyDetails:
    id: int
    title: str
    industry: str | None
    phone: str | None
    email: str | None
    website: str | None
    address: str | None
    comments: str | None
    responsible_id: int | None
    version: int
    is_open: bool = True  # open to everyone
    vat_id: str | None = None  # on the invoices to it
    leitweg_id: str | None = None  # a German public client's routing ID for e-invoices


@dataclass(frozen=True, slots=True)
class ContactDetails:
    id: int
    first_name: str
    last_name: str
    full_name: str
    position: str | None
    phone: str | None
    email: str | None
    address: str | None
    comments: str | None
    responsible_id: int | None
    company_ids: tuple[int, ...]
    version: int
    is_open: bool = True  # open to everyone


class CompanyService(CrudService[Company, CompanyDetails]):
    model = Company
    entity_type = "company"
    fields = {
        "title": text_field("title", 255, required=True, label=COMPANY_NAME),
        "industry": text_field("industry", 100),
        "phone": text_field("phone", 50),
        "email": email_field("email"),
        "website": text_field("website", 255),
        "address": text_field("address", 2000),
        "comments": text_field("comments", 100_000),
        "vat_id": pattern_field("vat_id", 50, r"[A-Z]{2}[0-9A-Z+*.]{2,13}", MSG_VAT_ID),
        "leitweg_id": pattern_field("leitweg_id", 50, r"[0-9]{2,12}(-[0-9A-Z]{1,30})?-[0-9]{2}", MSG_LEITWEG),
        "responsible_id": id_field("responsible_id", User),
        "is_open": bool_field("is_open"),  # open to everyone (access level "own and open")
    }

    def check_record(self, session: Session, record: Any, action: str) -> None:
        require_record(session, self._ctx.actor_id, "company", record, action)

    def details(self, session: Session, record: Company) -> CompanyDetails:
        return CompanyDetails(
            record.id,
            record.title,
            record.industry,
            record.phone,
            record.email,
            record.website,
            record.address,
            record.comments,
            record.responsible_id,
            record.version,
            bool(record.is_open),
            record.vat_id,
            record.leitweg_id,
        )

    def title_of(self, record: Company) -> str:
        return record.title

    def before_create(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        values.setdefault("responsible_id", uow.actor_id)
        return values

    def before_delete(self, uow: UnitOfWork, record: Company) -> None:
        delete_custom_values(uow.session, EntityType.COMPANY, [record.id])

    def search(self, text: str, limit: int = 20) -> list[CompanyDetails]:
        """Companies whose name starts with the text, or has a word starting with it (pickers)."""
        words = text.strip()
        if not words:
            return []
        with self._ctx.read() as session:
            stmt = (
                select(Company)
                .where(
                    or_(
                        Company.title.startswith(words, autoescape=True),
                        Company.title.contains(" " + words, autoescape=True),
                    )
                )
                .order_by(Company.title, Company.id)
                .limit(limit)
            )
            return [self.details(session, c) for c in session.scalars(stmt)]

    def titles(self, ids: list[int]) -> dict[int, str]:
        with self._ctx.read() as session:
            return dict(session.execute(select(Company.id, Company.title).where(Company.id.in_(ids))).all())


class ContactService(CrudService[Contact, ContactDetails]):
    model = Contact
    entity_type = "contact"
    fields = {
        "first_name": text_field("first_name", 100),
        "last_name": text_field("last_name", 100),
        "position": text_field("position", 100),
        "phone": text_field("phone", 50),
        "email": email_field("email"),
        "address": text_field("address", 2000),
        "comments": text_field("comments", 100_000),
        "responsible_id": id_field("responsible_id", User),
        "is_open": bool_field("is_open"),  # open to everyone (access level "own and open")
        "company_ids": ids_field("company_ids", Company),
    }

    def check_record(self, session: Session, record: Any, action: str) -> None:
        require_record(session, self._ctx.actor_id, "contact", record, action)

    def details(self, session: Session, record: Contact) -> ContactDetails:
        return ContactDetails(
            record.id,
            record.first_name,
            record.last_name,
            record.full_name,
            record.position,
            record.phone,
            record.email,
            record.address,
            record.comments,
            record.responsible_id,
            _company_ids(session, record.id),
            record.version,
            bool(record.is_open),
        )

    def title_of(self, record: Contact) -> str:
        return record.full_name

    def before_create(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        values["first_name"] = values.get("first_name") or ""
        values["last_name"] = values.get("last_name") or ""
        values.setdefault("responsible_id", uow.actor_id)
        return values

    def validate_record(self, session: Session, record: Contact) -> None:
        record.first_name = record.first_name or ""
        record.last_name = record.last_name or ""
        if not (record.first_name or record.last_name):
            raise ValidationError.single(
                "last_name", QT_TRANSLATE_NOOP("errors", "A contact needs a first or a last name.")
            )

    def after_write(
        self, uow: UnitOfWork, record: Contact, values: Mapping[str, Any]
    ) -> dict[str, tuple[Any, Any]]:
        if "company_ids" not in values:
            return {}
        new = tuple(values["company_ids"])
        old = _company_ids(uow.session, record.id)
        if set(new) == set(old):
            return {}
        uow.session.execute(delete(contact_company).where(contact_company.c.contact_id == record.id))
        if new:
            uow.session.execute(
                insert(contact_company), [{"contact_id": record.id, "company_id": c} for c in new]
            )
        return {"company_ids": (",".join(map(str, old)) or None, ",".join(map(str, new)) or None)}

    def before_delete(self, uow: UnitOfWork, record: Contact) -> None:
        delete_custom_values(uow.session, EntityType.CONTACT, [record.id])

    def names(self, ids: list[int]) -> dict[int, str]:
        with self._ctx.read() as session:
            return {c.id: c.full_name for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))}

    def search(self, text: str, limit: int = 20) -> list[ContactDetails]:
        """Contacts whose first or last name starts with the text (for pickers, as the user types)."""
        words = text.strip()
        if not words:
            return []
        with self._ctx.read() as session:
            stmt = (
                select(Contact)
                .where(
                    or_(
                        Contact.last_name.startswith(words, autoescape=True),
                        Contact.first_name.startswith(words, autoescape=True),
                        (Contact.first_name + " " + Contact.last_name).startswith(words, autoescape=True),
                    )
                )
                .order_by(Contact.last_name, Contact.first_name, Contact.id)
                .limit(limit)
            )
            return [self.details(session, c) for c in session.scalars(stmt)]


def _company_ids(session: Session, contact_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(contact_company.c.company_id)
            .where(contact_company.c.contact_id == contact_id)
            .order_by(contact_company.c.company_id)
        )
    )
