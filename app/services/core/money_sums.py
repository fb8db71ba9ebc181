"""Sums of deal amounts, the same on every database: SQL adds the stored integers (cents) and
Python makes money of them. (Summing the Money column itself came back 100 times too large
from PostgreSQL, whose SUM of a bigint is a numeric the column type does not convert.)"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, func, type_coerce

from app.models import Deal

AMOUNT_CENTS = type_coerce(Deal.amount, BigInteger)


def amount_sum() -> Any:
    """SUM(deal.amount) in cents: an int from SQLite, a Decimal from PostgreSQL."""
    return func.sum(AMOUNT_CENTS)


def money(cents: Any) -> Decimal:
    """A sum of cents as money (None: nothing summed, 0)."""
    if cents is None:
        return Decimal(0)
    return Decimal(int(cents)).scaleb(-2)
