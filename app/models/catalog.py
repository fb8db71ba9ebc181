"""Currencies and the product catalog."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, Percent, ScaledDecimal, TimestampMixin, VersionedMixin


class Currency(Base):
    """A currency deals may use; `rate` converts one unit of it into the base currency."""

    __tablename__ = "currency"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    symbol: Mapped[str] = mapped_column(String(8), default="")
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(6), default=Decimal(1))
    is_base: Mapped[bool] = mapped_column(Boolean, default=False)
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Product(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    sku: Mapped[str | None] = mapped_column(String(64), index=True)
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(ForeignKey("currency.code"))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_included: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(String(100), index=True)  # the catalog's category
