"""Sales plans: what a person should sell in a month (in the base currency)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money


class SalesTarget(Base):
    __tablename__ = "sales_target"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1..12
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
