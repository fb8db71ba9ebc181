"""The contact and company forms: standard fields and custom values read and saved together, in one
transaction; and the deals a customer has, with their count and won total."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from app.models import CustomFieldDefinition
from app.services.core.context import ServiceContext
from app.services.customers.custom_saving import save_with_custom
from app.services.customers.queries import CustomerKind
from app.services.customers.service import CompanyDetails, CompanyService, ContactDetails, ContactService
from app.services.deals.filters import DealFilter, Status
from app.services.deals.queries import DealQueryService, DealSummary
from app.services.fields.custom_fields import (
    field_info,
    read_values,
)


@dataclass(frozen=True)
class CustomerFormData:
    kind: CustomerKind
    record: ContactDetails | CompanyDetails
    custom: dict[int, Any]  # field id -> value


@dataclass(frozen=True)
class CustomerDeals:
    all: DealSummary
    open: DealSummary
    won: DealSummary


class CustomerFormService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def _crud(self, kind: CustomerKind) -> ContactService | CompanyService:
        return ContactService(self._ctx) if kind is CustomerKind.CONTACT else CompanyService(self._ctx)

    def load(self, kind: CustomerKind, ident: int) -> CustomerFormData:
        crud = self._crud(kind)
        record = crud.get(ident)
        with self._ctx.read() as session:
            fields = [
                field_info(d)
                for d in session.scalars(
                    select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == kind.entity)
                )
            ]
            custom = read_values(session.connection(), fields, [ident]).get(ident, {})
        return CustomerFormData(kind, record, custom)

    def save(
        self,
        kind: CustomerKind,
        ident: int | None,
        expected_version: int | None,
        *,
        values: Mapping[str, Any],
        custom: Mapping[int, Any] | None = None,
    ) -> CustomerFormData:
        """Create (ident None) or update a contact or company with its custom values: all or nothing.
        One ValidationError lists the problems of both."""
        crud = self._crud(kind)
        custom = dict(custom or {})
        with self._ctx.write() as uow:
            session = uow.session
            record, fields = save_with_custom(uow, crud, kind.entity, ident, expected_version, values, custom)
            details = crud.details(session, record)
            stored = read_values(session.connection(), list(fields.values()), [record.id]).get(record.id, {})
        return CustomerFormData(kind, details, stored)

    def deals(self, kind: CustomerKind, ident: int) -> CustomerDeals:
        """How many deals the customer has (open, won) and their totals in the base currency."""
        queries = DealQueryService(self._ctx)
        base = DealFilter(contact_id=ident) if kind is CustomerKind.CONTACT else DealFilter(company_id=ident)
        return CustomerDeals(
            queries.summary(base),
            queries.summary(replace(base, status=Status.OPEN)),
            queries.summary(replace(base, status=Status.WON)),
        )
