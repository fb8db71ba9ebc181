"""The product catalog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product
from app.services.access.permissions import require_settings
from app.services.core.context import UnitOfWork
from app.services.core.records import (
    CrudService,
    base_currency,
    bool_field,
    currency_field,
    money_field,
    percent_field,
    text_field,
)


@dataclass(frozen=True, slots=True)
class ProductDetails:
    id: int
    name: str
    sku: str | None
    unit: str
    price: Decimal
    currency: str
    tax_rate: Decimal
    tax_included: bool
    active: bool
    description: str | None
    version: int
    section: str | None = None


class ProductService(CrudService[Product, ProductDetails]):
    model = Product
    entity_type = "product"
    fields = {
        "name": text_field("name", 255, required=True),
        "sku": text_field("sku", 64),
        "unit": text_field("unit", 20),
        "price": money_field("price"),
        "currency": currency_field("currency"),
        "tax_rate": percent_field("tax_rate"),
        "tax_included": bool_field("tax_included"),
        "active": bool_field("active"),
        "description": text_field("description", 100_000),
        "section": text_field("section", 100),
    }

    def check_write(self, uow: UnitOfWork) -> None:
        require_settings(uow.session, uow.actor_id, "product")

    def details(self, session: Session, record: Product) -> ProductDetails:
        return ProductDetails(
            record.id,
            record.name,
            record.sku,
            record.unit,
            record.price,
            record.currency,
            record.tax_rate,
            record.tax_included,
            record.active,
            record.description,
            record.version,
            record.section,
        )

    def title_of(self, record: Product) -> str:
        return record.name

    def before_create(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        values["unit"] = values.get("unit") or "pcs"
        if "currency" not in values:
            values["currency"] = base_currency(uow.session)
        return values

    def list(self, *, active_only: bool = False, section: str | None = None) -> list[ProductDetails]:
        with self._ctx.read() as session:
            stmt = select(Product).order_by(Product.section, Product.name)
            if active_only:
                stmt = stmt.where(Product.active)
            if section is not None:
                stmt = stmt.where(Product.section == section)
            return [self.details(session, p) for p in session.scalars(stmt)]

    def sections(self) -> Sequence[str]:
        """The catalog's sections, in order."""
        with self._ctx.read() as session:
            stmt = (
                select(Product.section)
                .where(Product.section.is_not(None))
                .distinct()
                .order_by(Product.section)
            )
            return [s for s in session.scalars(stmt) if s]
