"""Leads: prospects with a status (New, In process, Processed; then Converted or Junk), listed and
searched; converted into a deal with a contact and a company (reused or created), with the lead's
fields and same-named custom fields carried over; a conversion is undone while nothing changed."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    Deal,
    EntityType,
    Lead,
    LeadStatus,
    User,
    contact_company,
    deal_contact,
)
from app.services.access.scope import record_scope, require_record
from app.services.core.context import UnitOfWork
from app.services.core.errors import ValidationError
from app.services.core.history import read_history
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import (
    CrudService,
    bool_field,
    check_version,
    choice_field,
    email_field,
    flush_or_conflict,
    id_field,
    load,
    text_field,
    touch,
)
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.customers.custom_saving import save_with_custom
from app.services.deals.writes import initial_stage, insert_deal
from app.services.fields.custom_fields import (
    field_info,
    read_values,
    write_values,
)

OPEN_STATUSES = (LeadStatus.NEW, LeadStatus.IN_PROCESS, LeadStatus.PROCESSED)
MSG_CONVERTED = QT_TRANSLATE_NOOP("errors", "Lead '{title}' was converted already.")


@dataclass(frozen=True, slots=True)
class LeadDetails:
    id: int
    title: str
    first_name: str
    last_name: str
    company_title: str | None
    email: str | None
    phone: str | None
    source: str | None
    status: LeadStatus
    responsible_id: int | None
    comments: str | None
    converted_deal_id: int | None
    converted_contact_id: int | None
    converted_company_id: int | None
    version: int
    is_open: bool = True  # open to everyone

    @property
    def person(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True, slots=True)
class LeadRow:
    id: int
    title: str
    person: str
    company_title: str | None
    email: str | None
    phone: str | None
    status: LeadStatus
    responsible_name: str | None
    created_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class Conversion:
    deal_id: int
    contact_id: int | None
    company_id: int | None
    created_contact: bool
    created_company: bool


class LeadService(CrudService[Lead, LeadDetails]):
    model = Lead
    entity_type = "lead"
    fields = {
        "title": text_field("title", 255, required=True),
        "first_name": text_field("first_name", 100),
        "last_name": text_field("last_name", 100),
        "company_title": text_field("company_title", 255),
        "email": email_field("email"),
        "phone": text_field("phone", 50),
        "source": choice_field("source", DEAL_SOURCES),
        "responsible_id": id_field("responsible_id", User),
        "is_open": bool_field("is_open"),  # open to everyone (access level "own and open")
        "comments": text_field("comments", 100_000),
    }

    def check_record(self, session: Session, record: Any, action: str) -> None:
        require_record(session, self._ctx.actor_id, "lead", record, action)

    def details(self, session: Session, record: Lead) -> LeadDetails:
        return LeadDetails(
            record.id,
            record.title,
            record.first_name,
            record.last_name,
            record.company_title,
            record.email,
            record.phone,
            record.source,
            record.status,
            record.responsible_id,
            record.comments,
            record.converted_deal_id,
            record.converted_contact_id,
            record.converted_company_id,
            record.version,
            bool(record.is_open),
        )

    def title_of(self, record: Lead) -> str:
        return record.title

    def before_create(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        values.setdefault("responsible_id", uow.actor_id)
        return values

    # -- the form ---------------------------------------------------------------------------------

    def load_form(self, lead_id: int) -> tuple[LeadDetails, dict[int, Any]]:
        """The lead and its custom values (field id -> value)."""
        with self._ctx.read() as session:
            lead = load(session, Lead, "lead", lead_id)
            fields = [
                field_info(d)
                for d in session.scalars(
                    select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.LEAD)
                )
            ]
            custom = read_values(session.connection(), fields, [lead_id]).get(lead_id, {})
            return self.details(session, lead), custom

    def save_form(
        self,
        lead_id: int | None,
        expected_version: int | None,
        *,
        values: Mapping[str, Any],
        custom: Mapping[int, Any] | None = None,
    ) -> LeadDetails:
        """Create or update a lead with its custom values, all or nothing."""
        custom = dict(custom or {})
        with self._ctx.write() as uow:
            lead, _fields = save_with_custom(
                uow, self, EntityType.LEAD, lead_id, expected_version, values, custom
            )
            return self.details(uow.session, lead)

    # -- the list ---------------------------------------------------------------------------------

    def count_rows(self, search: str = "", statuses: Sequence[LeadStatus] = ()) -> int:
        with self._ctx.read() as session:
            scope = record_scope(session, self._ctx.actor_id, "lead", Lead)
            return (
                session.scalar(
                    select(func.count()).select_from(Lead).where(*_conditions(search, statuses), *scope)
                )
                or 0
            )

    def rows(
        self,
        offset: int,
        limit: int,
        *,
        search: str = "",
        statuses: Sequence[LeadStatus] = (),
        newest_first: bool = True,
    ) -> list[LeadRow]:
        person = func.trim(Lead.first_name + " " + Lead.last_name)
        with self._ctx.read() as session:
            stmt = (
                select(
                    Lead.id,
                    Lead.title,
                    person,
                    Lead.company_title,
                    Lead.email,
                    Lead.phone,
                    Lead.status,
                    User.name,
                    Lead.created_at,
                    Lead.version,
                )
                .outerjoin(User, User.id == Lead.responsible_id)
                .where(
                    *_conditions(search, statuses), *record_scope(session, self._ctx.actor_id, "lead", Lead)
                )
                .order_by(Lead.id.desc() if newest_first else Lead.id.asc())
                .offset(offset)
                .limit(limit)
            )
            return [LeadRow(*row) for row in session.execute(stmt)]

    # -- status ------------------------------------------------------------------------------------

    def set_status(self, lead_id: int, expected_version: int, status: LeadStatus) -> LeadDetails:
        """New, In process, Processed or Junk; Converted comes only from converting."""
        status = LeadStatus(status)
        with self._ctx.write() as uow:
            lead = load(uow.session, Lead, "lead", lead_id)
            check_version(uow.session, "lead", lead, expected_version, lead.title)
            if status is LeadStatus.CONVERTED:
                raise ValidationError.single(
                    "status", QT_TRANSLATE_NOOP("errors", "A lead becomes Converted by converting it.")
                )
            if lead.status is LeadStatus.CONVERTED:
                raise ValidationError.single("status", MSG_CONVERTED, title=lead.title)
            if lead.status is not status:
                old, lead.status = lead.status, status
                touch(lead)
                flush_or_conflict(uow.session, "lead", lead.title)
                uow.history.changed("lead", lead.id, lead.version, {"status": (old, status)})
                uow.emit("lead.updated", [lead.id], {"status"})
            return self.details(uow.session, lead)

    # -- conversion ------------------------------------------------------------------------------------

    def convert(
        self,
        lead_id: int,
        expected_version: int,
        *,
        pipeline_id: int | None = None,
        stage_id: int | None = None,
        contact_id: int | None = None,
        company_id: int | None = None,
        create_contact: bool = True,
        create_company: bool = True,
        deal_title: str | None = None,
    ) -> Conversion:
        """Make a deal from the lead (in the chosen pipeline and stage) with a contact and a company:
        the given ones, or new ones from the lead's names when asked; the lead becomes Converted and
        links to all three. Custom fields of the lead go to deal custom fields with the same code."""
        with self._ctx.write() as uow:
            session = uow.session
            lead = load(session, Lead, "lead", lead_id)
            check_version(session, "lead", lead, expected_version, lead.title)
            if lead.status is LeadStatus.CONVERTED:
                raise ValidationError.single("status", MSG_CONVERTED, title=lead.title)
            stage = initial_stage(session, pipeline_id, stage_id)
            created_contact = created_company = False
            if company_id is not None:
                load(session, Company, "company", company_id)
            elif create_company and (lead.company_title or "").strip():
                company = Company(
                    title=lead.company_title.strip(),
                    email=None,
                    phone=None,
                    responsible_id=lead.responsible_id,
                    created_by_id=uow.actor_id,
                    updated_by_id=uow.actor_id,
                )
                session.add(company)
                session.flush()
                uow.history.created("company", company.id, company.version, company.title)
                uow.emit("company.created", [company.id])
                company_id, created_company = company.id, True
            if contact_id is not None:
                load(session, Contact, "contact", contact_id)
            elif create_contact and (lead.first_name or lead.last_name):
                contact = Contact(
                    first_name=lead.first_name,
                    last_name=lead.last_name,
                    email=lead.email,
                    phone=lead.phone,
                    responsible_id=lead.responsible_id,
                    created_by_id=uow.actor_id,
                    updated_by_id=uow.actor_id,
                )
                session.add(contact)
                session.flush()
                if company_id is not None:
                    session.execute(
                        contact_company.insert().values(contact_id=contact.id, company_id=company_id)
                    )
                uow.history.created("contact", contact.id, contact.version, contact.full_name)
                uow.emit("contact.created", [contact.id])
                contact_id, created_contact = contact.id, True
            title = (deal_title or "").strip() or lead.title
            values: dict[str, Any] = {
                "title": title[:255],
                "source": lead.source,
                "responsible_id": lead.responsible_id or uow.actor_id,
                "company_id": company_id,
                "comments": lead.comments,
            }
            deal = insert_deal(uow, stage, values, [contact_id] if contact_id else [])
            _carry_custom(session, lead.id, deal.id)
            before = lead.status
            lead.status = LeadStatus.CONVERTED
            lead.converted_deal_id, lead.converted_contact_id, lead.converted_company_id = (
                deal.id,
                contact_id,
                company_id,
            )
            touch(lead)
            flush_or_conflict(session, "lead", lead.title)
            record = {
                "deal": deal.id,
                "contact": contact_id,
                "company": company_id,
                "created_contact": created_contact,
                "created_company": created_company,
                "status": before.value,
            }
            uow.history.changed(
                "lead",
                lead.id,
                lead.version,
                {"status": (before, LeadStatus.CONVERTED), "conversion": (None, json.dumps(record))},
                action="converted",
            )
            uow.emit("lead.updated", [lead.id], {"status"})
            return Conversion(deal.id, contact_id, company_id, created_contact, created_company)

    def undo_conversion(self, lead_id: int, expected_version: int) -> LeadDetails:
        """Take a conversion back while nothing made by it has changed: the deal goes, and the contact
        and company if the conversion created them; the lead gets its status back."""
        with self._ctx.write() as uow:
            session = uow.session
            lead = load(session, Lead, "lead", lead_id)
            check_version(session, "lead", lead, expected_version, lead.title)
            entry = next(
                (h for h in reversed(read_history(session, "lead", lead.id)) if h.field == "conversion"), None
            )
            if lead.status is not LeadStatus.CONVERTED or entry is None or entry.new_value is None:
                raise ValidationError.single(
                    "status",
                    QT_TRANSLATE_NOOP("errors", "Lead '{title}' is not converted."),
                    title=lead.title,
                )
            record = json.loads(entry.new_value)
            deal = session.get(Deal, record["deal"])
            changed = deal is None or deal.version != 1
            made: list[tuple[type[Any], int, str]] = []
            if record.get("created_contact") and record.get("contact"):
                made.append((Contact, record["contact"], "contact"))
            if record.get("created_company") and record.get("company"):
                made.append((Company, record["company"], "company"))
            for model, ident, _kind in made:
                other = session.get(model, ident)
                changed = changed or other is None or other.version != 1
            if changed or _used_elsewhere(session, record):
                raise ValidationError.single(
                    "status",
                    QT_TRANSLATE_NOOP(
                        "errors", "The conversion can't be undone: what it made has changed or is used since."
                    ),
                )
            assert deal is not None
            uow.history.deleted("deal", deal.id, deal.version + 1, deal.title)
            session.delete(deal)
            session.flush()
            uow.emit("deal.deleted", [record["deal"]])
            for model, ident, kind in made:
                made_record = load(session, model, kind, ident)
                uow.history.deleted(kind, ident, made_record.version + 1, None)
                session.delete(made_record)
                uow.emit(f"{kind}.deleted", [ident])
            lead.status = LeadStatus(record.get("status", LeadStatus.PROCESSED.value))
            lead.converted_deal_id = lead.converted_contact_id = lead.converted_company_id = None
            touch(lead)
            flush_or_conflict(session, "lead", lead.title)
            uow.history.changed(
                "lead",
                lead.id,
                lead.version,
                {"status": (LeadStatus.CONVERTED, lead.status)},
                action="unconverted",
            )
            uow.emit("lead.updated", [lead.id], {"status"})
            return self.details(session, lead)


def _conditions(search: str, statuses: Sequence[LeadStatus]) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if statuses:
        conditions.append(Lead.status.in_(list(statuses)))
    text = " ".join(search.split())
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                Lead.title.ilike(like, escape="\\"),
                Lead.last_name.ilike(like, escape="\\"),
                Lead.company_title.ilike(like, escape="\\"),
                Lead.email.ilike(like, escape="\\"),
            )
        )
    return conditions


def _carry_custom(session: Session, lead_id: int, deal_id: int) -> None:
    """Lead custom values into the deal's custom fields of the same code and type."""
    definitions = session.scalars(
        select(CustomFieldDefinition).where(
            CustomFieldDefinition.entity_type.in_([EntityType.LEAD, EntityType.DEAL])
        )
    ).all()
    lead_fields = {d.code: field_info(d) for d in definitions if d.entity_type is EntityType.LEAD}
    deal_fields = {d.code: field_info(d) for d in definitions if d.entity_type is EntityType.DEAL}
    values = read_values(session.connection(), list(lead_fields.values()), [lead_id]).get(lead_id, {})
    carried: dict[int, list[Any]] = {}
    targets: dict[int, Any] = {}
    for code, source in lead_fields.items():
        target = deal_fields.get(code)
        value = values.get(source.id)
        if target is None or value is None or target.field_type is not source.field_type:
            continue
        items = value if isinstance(value, list) else [value]
        if target.options:  # choices by their label
            labels = {o.id: o.label for o in source.options}
            by_label = {o.label: o.id for o in target.options}
            items = [by_label[labels[v]] for v in items if labels.get(v) in by_label]
        if items:
            carried[target.id] = items if target.multiple else items[:1]
            targets[target.id] = target
    if carried:
        write_values(session, targets, deal_id, carried)


def _used_elsewhere(session: Session, record: Mapping[str, Any]) -> bool:
    """A contact or company the conversion created that another deal uses since."""
    if record.get("created_contact") and record.get("contact"):
        others = session.scalar(
            select(func.count())
            .select_from(deal_contact)
            .where(deal_contact.c.contact_id == record["contact"], deal_contact.c.deal_id != record["deal"])
        )
        if others:
            return True
    if record.get("created_company") and record.get("company"):
        others = session.scalar(
            select(func.count())
            .select_from(Deal)
            .where(Deal.company_id == record["company"], Deal.id != record["deal"])
        )
        if others:
            return True
    return False
