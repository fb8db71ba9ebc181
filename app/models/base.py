"""Declarative base, naming convention and the column types every model shares."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: Any) -> Table:
    """A mapped class's table, typed as one (for Core statements that skip the ORM's bookkeeping)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def utcnow() -> datetime:
    """Naive UTC timestamp; every stored time is UTC and converted for display only."""
    return datetime.now(UTC).replace(tzinfo=None)


class ScaledDecimal(TypeDecorator[Decimal]):
    """An exact Decimal stored as an integer count of 10**-scale units.

    SQLite has no decimal type (SQLAlchemy would bind floats), so money and quantities are kept as
    integers: sums in SQL stay exact and indexes stay small, on SQLite and PostgreSQL alike.
    Values with more decimals than `scale` are refused here; the services validate before.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        scaled = value.scaleb(self.scale)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


Money = ScaledDecimal(2)
"""Amounts and prices: two decimals, the minor unit of EUR, USD, CHF, GBP and most currencies."""

Quantity = ScaledDecimal(3)
Percent = ScaledDecimal(2)


class VersionedMixin:
    """A version counter that turns concurrent edits into a conflict instead of an overwrite.

    The ORM checks it on every flush (version_id_col); bulk UPDATEs in SQL bump it themselves.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr gets the class
        return {"version_id_col": cls.version}


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
